"""The term index under the routine search: what each routine's words, compounds and abbreviations are.

Built once from the routines (`TermIndex.__init__`): each field's words become stems, compound
parts and the terms of the abbreviations they write or spell out, each posted with the weight of
the best field it is in. `search.RoutineIndex` ranks routines over it.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from bot.language.compounds import CompoundSplitter
from bot.language.normalize import fold
from bot.language.stemming import stem
from bot.routines.abbreviations import Abbreviations, merged
from bot.routines.fuzzy_terms import TermGrams
from bot.routines.words import capitals, folded_words

RoutineId = int | str
Scores = NDArray[np.float32]

# Field weights: a word in the title says what the routine is; one in the body may be in passing.
_TITLE = 1.0
_EXPANSION = 0.9  # terms that come from an abbreviation, not the text itself
_BODY = 0.35
PART = 0.85  # a compound part matches less than the whole word
_COMPOUND_HEAD = 6  # letters of a one-word expansion, at least, to be told at the start of a compound


@dataclass(frozen=True)
class Routine:
    """A routine as the search sees it."""

    id: RoutineId
    title: str
    body: str = ""
    aliases: tuple[str, ...] = ()


class TermIndex:
    """The routines and their terms: postings, vocabulary, compound parts, abbreviations.

    `keep_bodies=False`: the bodies are read once to build the index and then let go (at 100,000
    routines of 2,000 characters they were a third of its memory).
    """

    def __init__(
        self, routines: Iterable[Routine], abbreviations: Abbreviations | None = None, *, keep_bodies: bool = True
    ) -> None:
        self._routines: list[Routine] = []
        self._keep_bodies = keep_bodies
        self._abbr = abbreviations if abbreviations is not None else merged()
        # Abbreviations by their stem, as the words of a text are looked up: stem → (folded key, expansions' stems).
        self._expansion_stems: dict[str, tuple[str, list[tuple[str, ...]]]] = {
            stem(abbr): (abbr, [tuple(stem(w) for w in folded_words(e)) for e in exps])
            for abbr, exps in self._abbr.expansions.items()
        }
        # Expansions by their first stem, so a text is only checked for the ones that can start in it.
        self._expansions_from: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        # One-word expansions long enough to be told at the start of a compound: "personuppgiftsbiträdesavtal"
        # holds "personuppgiftsbiträde" (PUB), "elevhälsoteamsmöte" "elevhälsoteam" (EHT).
        self._compound_heads: dict[str, str] = {}
        for abbr, (_key, expansions) in self._expansion_stems.items():
            for exp in expansions:
                if exp:
                    self._expansions_from.setdefault(exp[0], []).append((abbr, exp))
                if len(exp) == 1 and len(exp[0]) >= _COMPOUND_HEAD:
                    self._compound_heads[exp[0]] = abbr
        self._heads_in: dict[str, tuple[str, ...]] = {}
        # First pass: each field's distinct words (one shared string per word, as 100,000
        # bodies repeat the same few thousand) and the abbreviation terms its text implies.
        # The word sequences themselves are dropped: at 100,000 routines they were most of the memory.
        shared: dict[str, str] = {}
        fields: list[tuple[tuple[str, ...], set[str], tuple[str, ...], set[str]]] = []
        for r in routines:
            self._routines.append(r if keep_bodies or not r.body else replace(r, body=""))
            title_caps = self._written_abbreviations(r.title, *r.aliases)
            title_seq = [w for t in (r.title, *r.aliases) for w in folded_words(t, title_caps)]
            body_caps = self._written_abbreviations(r.body)
            body_seq = folded_words(r.body, body_caps)
            fields.append(
                (
                    tuple(shared.setdefault(w, w) for w in dict.fromkeys(title_seq)),
                    self._abbreviation_terms([stem(w) for w in title_seq], title_caps),
                    tuple(shared.setdefault(w, w) for w in dict.fromkeys(body_seq)),
                    self._abbreviation_terms([stem(w) for w in body_seq], body_caps),
                )
            )
        vocabulary = set(shared)
        for written in self._abbr.expansions.values():
            vocabulary.update(w for e in written for w in folded_words(e))
        # Stems too: a compound's first part is often a word's stem ("idrottshall-s-bokning" beside
        # "idrottshallar", "magsjuk-e-utbrott" beside "magsjuka").
        vocabulary.update([stem(w) for w in vocabulary])
        self._splitter = CompoundSplitter(vocabulary)
        self._parts: dict[str, tuple[str, ...]] = {}
        # Second pass: postings as three flat columns (term, routine, weight), grouped by term at the end.
        term_ids: dict[str, int] = {}
        term_col: array[int] = array("i")
        doc_col: array[int] = array("i")
        weight_col: array[float] = array("f")
        # Per routine: its title words as (stem, part stems), for the coverage credit.
        self._title_words: list[list[tuple[str, tuple[str, ...]]]] = []
        for doc, (title, title_abbr, body, body_abbr) in enumerate(fields):
            weights: dict[str, float] = {}
            self._weigh(weights, body, body_abbr, _BODY)
            self._weigh(weights, title, title_abbr, _TITLE)
            term_col.extend(term_ids.setdefault(t, len(term_ids)) for t in weights)
            doc_col.extend([doc] * len(weights))
            weight_col.extend(weights.values())
            self._title_words.append([(stem(w), self._part_stems(w)) for w in title])
        del fields
        terms = np.frombuffer(term_col, dtype=np.int32)
        order = np.argsort(terms, kind="stable")  # stable: each term's routines stay in ascending order
        docs = np.frombuffer(doc_col, dtype=np.int32)[order]
        scores = np.frombuffer(weight_col, dtype=np.float32)[order]
        bounds = np.searchsorted(terms[order], np.arange(len(term_ids) + 1))
        # Term → (routine indexes, weights), views into two arrays, for the vector maxima in `_reach`.
        self._postings: dict[str, tuple[NDArray[np.int32], Scores]] = {
            term: (docs[bounds[i] : bounds[i + 1]], scores[bounds[i] : bounds[i + 1]]) for term, i in term_ids.items()
        }
        self._vocab = sorted(self._postings)
        # The vocabulary read backwards, for the terms a query word ends ("bokning" in "idrottshallsbokning").
        self._backwards = sorted(term[::-1] for term in self._vocab)
        self._grams = TermGrams(self._vocab)
        self._n = max(1, len(self._routines))
        self._folded_titles = [fold(r.title) for r in self._routines]
        self._title_sizes = np.fromiter((len(t) for t in self._title_words), np.float32, len(self._title_words))

    def __len__(self) -> int:
        return len(self._routines)

    def _part_stems(self, word: str) -> tuple[str, ...]:
        found = self._parts.get(word)
        if found is None:
            parts = self._splitter.split(word) or self._splitter.split(stem(word))
            found = self._parts[word] = tuple(stem(p) for p in parts)
        return found

    def _weigh(self, weights: dict[str, float], words: Sequence[str], implied: set[str], weight: float) -> None:
        """A field's terms into `weights`, each at its best weight: words, compound parts, abbreviations."""

        def post(term: str, w: float) -> None:
            if weights.get(term, 0.0) < w:
                weights[term] = w

        for word in words:
            post(stem(word), weight)
            for p in self._part_stems(word):
                post(p, weight * PART)
        for term in implied:
            post(term, weight * _EXPANSION)

    def _written_abbreviations(self, *texts: str) -> set[str]:
        """The table's abbreviations that the texts write in capitals."""
        return {w for w in capitals(*texts) if w in self._abbr}

    def _abbreviation_terms(self, stems: Sequence[str], capitals: AbstractSet[str] | None = None) -> set[str]:
        """What a text means without writing it: "SIP" means "samordnad individuell plan", and back.

        `capitals`: the abbreviations the text writes in capitals; one that is also an everyday word
        ("MAR", "mår") counts only when among them. None: every one counts (a query, typed in a hurry).
        """
        present = set(stems)
        out: set[str] = set()
        for abbr in present.intersection(self._expansion_stems):
            key, expansions = self._expansion_stems[abbr]
            if capitals is None or key not in self._abbr.needs_capitals or key in capitals:
                out.update(s for exp in expansions for s in exp)
        for first in present.intersection(self._expansions_from):
            for abbr, exp in self._expansions_from[first]:
                if abbr not in present and present.issuperset(exp) and _contains(stems, exp):
                    out.add(abbr)
        heads_in = self._heads_in
        for s in present:
            if len(s) > _COMPOUND_HEAD + 2:
                found = heads_in.get(s)
                out.update(found if found is not None else self._heads(s))
        return out

    def _heads(self, term: str) -> tuple[str, ...]:
        """The abbreviations whose one-word expansion begins the compound `term`; kept for the next text."""
        found = tuple(
            self._compound_heads[term[:i]]
            for i in range(_COMPOUND_HEAD, len(term) - 2)
            if term[:i] in self._compound_heads
        )
        self._heads_in[term] = found
        return found


def _contains(seq: Sequence[str], sub: Sequence[str]) -> bool:
    """True if `sub` occurs in `seq` as a contiguous run."""
    n = len(sub)
    if n == 0:
        return False
    first = sub[0]
    return any(seq[i] == first and tuple(seq[i : i + n]) == tuple(sub) for i in range(len(seq) - n + 1))
