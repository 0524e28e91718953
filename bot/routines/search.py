"""An in-memory search over routines: the right one, whatever the official types.

How a routine is found:

1. Title, aliases and body are folded (`normalize.fold`: case, diacritics, OCR
   look-alikes, broken words), cut into words, stop words dropped, and every
   word becomes its Snowball stem plus the stems of its compound parts
   ("samverkansrutinen" → samverkansrutin, samverkan, rutin).
2. Abbreviations work both ways at index time: a title with "SIP" also holds the
   terms of "samordnad individuell plan", and one that spells it out also
   holds "sip", so the query needs no rewriting.
3. An inverted index maps each term to the routines holding it, with the
   weight of the best field (title over body). A query word finds its terms
   exactly, as a prefix (a fragment typed in a hurry) and fuzzily with rapidfuzz
   (typos, OCR damage the folding cannot read), so only the candidates those
   terms point at are scored.
4. A routine's score is the idf-weighted share of the query it matches, with a
   little credit for how much of its title the query covers, so "orosanmälan"
   puts "Rutin för orosanmälan" before "Rutin för orosanmälan – förskola".
"""

from __future__ import annotations

import math
import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz

from bot.language.compounds import CompoundSplitter
from bot.language.normalize import fold, repair_ocr
from bot.language.stemming import is_stop_word, stem
from bot.routines.abbreviations import Abbreviations, merged
from bot.routines.fuzzy_terms import TermGrams

__all__ = ["MAX_QUERY", "BodyLoader", "Hit", "Routine", "RoutineIndex"]

RoutineId = int | str
_Scores = NDArray[np.float32]

MAX_QUERY = 200  # characters; a pasted page is cut, not searched
MARK = "*"  # Slack's bold: matched words in a snippet
SNIPPET = 160  # characters of body around the first match

# Field weights: a word in the title says what the routine is; one in the body may be in passing.
_TITLE = 1.0
_EXPANSION = 0.9  # terms that come from an abbreviation, not the text itself
_BODY = 0.35
_PART = 0.85  # a compound part matches less than the whole word
_PREFIX = 0.9
_FUZZY_CUTOFF = 74.0
_FUZZY_LIMIT = 8
_PREFIX_LIMIT = 40
_RERANK = 60  # candidates given the title-coverage look
_COVERAGE = 0.15  # share of the score from covering the title
_ORDER = 0.02  # share from the query's likeness to the title as written (word order breaks ties)
_TRUNCATED = 0.7  # a word's first letters only, when nothing else matched
_TRUNCATE_TO = 5
_HEAD = 0.8  # a query word that is the last part of a compound the index could not split
_HEAD_MIN = 4
_TAIL = 0.6  # the tail of a query compound, when the whole word reached nothing
_TAIL_MIN = 4
_MIN_MODIFIER = 3  # letters before a compound's tail
_COMPOUND_HEAD = 6  # letters of a one-word expansion, at least, to be told at the start of a compound

_WORD = re.compile(r"[^\W_]+")
# A word that begins with a capital and has another ("SIP", "SoL", "SÄBO"); anchored at the first
# capital, as a pattern free to start anywhere in a word took a fifth of the index build.
_CAPITALS = re.compile(r"\b[A-ZÅÄÖ][^\W\d_]*?[A-ZÅÄÖ][^\W\d_]*")


@dataclass(frozen=True)
class Routine:
    """A routine as the search sees it."""

    id: RoutineId
    title: str
    body: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One found routine: score 0–100, a snippet with the matched words marked."""

    id: RoutineId
    score: float
    snippet: str


def _words(text: str, keep: AbstractSet[str] = frozenset()) -> list[str]:
    """Folded words without stop words, but for those in `keep` (an abbreviation such as "SKA")."""
    return [w for w in _WORD.findall(fold(text)) if w in keep or not is_stop_word(w)]


def _capitals(*texts: str) -> set[str]:
    """The folded words written with two capitals or more ("SIP", "SoL", "SKA")."""
    return {fold(w) for t in texts for w in _CAPITALS.findall(t)}


@lru_cache(maxsize=200_000)
def _word_stem(raw_word: str) -> str:
    """The stem of one word as written (for marking snippets)."""
    folded = fold(raw_word)
    return stem(folded) if folded else ""


class _Unit:
    """One query word: its alternatives and, per routine, how well it matched (0–1)."""

    __slots__ = ("best", "best_sim", "scores", "terms", "weight")

    def __init__(self, n: int) -> None:
        self.terms: set[str] = set()
        # The term it matched best: a misspelt word read as the word it stands for ("individuel").
        self.best: str | None = None
        self.best_sim = 0.0
        # A dense array per query word: at 10,000 routines, vector maxima over
        # postings are far cheaper than dictionary updates per routine.
        self.scores: _Scores = np.zeros(n, dtype=np.float32)
        self.weight = 0.0


BodyLoader = Callable[[Sequence[RoutineId]], Mapping[RoutineId, str]]


class RoutineIndex:
    """An index over routines, built once; `search` is read-only and thread-safe.

    `keep_bodies=False`: the bodies are read once to build the index and then let go (at 100,000
    routines of 2,000 characters they were a third of its memory); `search` then asks its `bodies`
    loader for the few it shows a snippet of.
    """

    def __init__(
        self, routines: Iterable[Routine], abbreviations: Abbreviations | None = None, *, keep_bodies: bool = True
    ) -> None:
        self._routines: list[Routine] = []
        self._keep_bodies = keep_bodies
        self._abbr = abbreviations if abbreviations is not None else merged()
        # Abbreviations by their stem, as the words of a text are looked up: stem → (folded key, expansions' stems).
        self._expansion_stems: dict[str, tuple[str, list[tuple[str, ...]]]] = {
            stem(abbr): (abbr, [tuple(stem(w) for w in _words(e)) for e in exps])
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
            title_seq = [w for t in (r.title, *r.aliases) for w in _words(t, title_caps)]
            body_caps = self._written_abbreviations(r.body)
            body_seq = _words(r.body, body_caps)
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
            vocabulary.update(w for e in written for w in _words(e))
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
        self._postings: dict[str, tuple[NDArray[np.int32], _Scores]] = {
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

    # ------------------------------------------------------------------ #
    # Building
    # ------------------------------------------------------------------ #

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
                post(p, weight * _PART)
        for term in implied:
            post(term, weight * _EXPANSION)

    def _written_abbreviations(self, *texts: str) -> set[str]:
        """The table's abbreviations that the texts write in capitals."""
        return {w for w in _capitals(*texts) if w in self._abbr}

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

    # ------------------------------------------------------------------ #
    # Searching
    # ------------------------------------------------------------------ #

    def _reach(self, term: str, sim: float, unit: _Unit, factor: float = 1.0) -> None:
        posting = self._postings.get(term)
        if posting is None:
            return
        unit.terms.add(term)
        if sim * factor > unit.best_sim:
            unit.best, unit.best_sim = term, sim * factor
        docs, weights = posting
        unit.scores[docs] = np.maximum(unit.scores[docs], weights * np.float32(sim * factor))

    def _ending(self, head: str) -> list[str]:
        """Compounds that end in `head`, with a first part of three letters or more."""
        backwards = head[::-1]
        i = bisect_left(self._backwards, backwards)
        out: list[str] = []
        while i < len(self._backwards) and self._backwards[i].startswith(backwards) and len(out) < _PREFIX_LIMIT:
            if len(self._backwards[i]) >= len(head) + 3:
                out.append(self._backwards[i][::-1])
            i += 1
        return out

    def _prefixed(self, prefix: str) -> list[str]:
        i = bisect_left(self._vocab, prefix)
        out: list[str] = []
        while i < len(self._vocab) and self._vocab[i].startswith(prefix) and len(out) < _PREFIX_LIMIT:
            out.append(self._vocab[i])
            i += 1
        return out

    def _match_stem(self, word: str, unit: _Unit, factor: float = 1.0) -> None:
        """Reach the routines for one folded word: exact stem, prefix, fuzzy."""
        s = stem(word)
        if s in self._postings:
            self._reach(s, 1.0, unit, factor)
        if len(word) >= 3:
            for prefix in {s, word}:
                for term in self._prefixed(prefix):
                    if term != s:
                        self._reach(term, _PREFIX, unit, factor)
        if len(s) >= _HEAD_MIN:
            # Swedish puts a compound's head last: "bokning" finds "idrottshallsbokning" even where the
            # compound could not be split, its first part never written alone in the library.
            for term in self._ending(s):
                self._reach(term, _HEAD, unit, factor)
        if not unit.terms and len(s) >= _TRUNCATE_TO + 2:
            # "kränkningar" for "kränkande": another derivation of the same root.
            for term in self._prefixed(s[: max(_TRUNCATE_TO, len(s) - 4)]):
                self._reach(term, _TRUNCATED, unit, factor)
        if len(s) >= 4:
            for term, ratio in self._grams.similar(s, _FUZZY_CUTOFF, _FUZZY_LIMIT):
                # Not a term of three letters: "lss" is within the cutoff of "glass", but no misspelling of it.
                if term != s and len(term) >= 4:
                    self._reach(term, (ratio / 100.0) ** 2, unit, factor)

    def _match_tail(self, word: str, unit: _Unit) -> None:
        """A compound whose first part the library never writes: "bilparkering" reaches "parkering…".

        The longest tail of four letters or more that is a term, or begins terms, and nothing shorter.
        """
        for i in range(_MIN_MODIFIER, len(word) - _TAIL_MIN + 1):
            tail = word[i:]
            s = stem(tail)
            if s in self._postings:
                self._reach(s, _TAIL, unit)
            for term in self._prefixed(tail):
                self._reach(term, _TAIL * _PREFIX, unit)
            if unit.terms:
                return

    def _unit(self, word: str, statistics: RoutineIndex | None = None) -> _Unit:
        unit = _Unit(len(self._routines))
        self._match_stem(word, unit)
        parts = self._splitter.split(word) or self._splitter.split(stem(word))
        if parts:
            # A compound in the query matches routines holding all its parts, split or not.
            together = np.zeros(len(self._routines), dtype=np.float32)
            for p in parts:
                pu = _Unit(len(self._routines))
                self._match_stem(p, pu)
                together += pu.scores
                unit.terms |= pu.terms
            np.maximum(unit.scores, together * np.float32(_PART / len(parts)), out=unit.scores)
        if not unit.terms:
            self._match_tail(word, unit)
        if statistics is not None and statistics is not self:
            unit.weight = statistics._unit(word).weight
        else:
            df = int(np.count_nonzero(unit.scores))
            unit.weight = math.log(1.0 + self._n / (df + 0.5))
        return unit

    def search(
        self,
        query: str,
        limit: int = 10,
        *,
        statistics: RoutineIndex | None = None,
        bodies: BodyLoader | None = None,
    ) -> list[Hit]:
        """The best routines for `query`, best first; [] for a query of only stop words.

        `statistics`: the index whose word rarities weigh the query, so that hits from a
        small index of the routines changed since a large one was built score as the large
        one's would (`bot.services.routines` merges the two). `bodies`: where an index that
        did not keep its bodies reads those of its hits, for their snippets (else the title).
        """
        if limit <= 0:
            return []
        folded_query = fold(repair_ocr(query[:MAX_QUERY]))
        words = list(dict.fromkeys(_words(folded_query, self._written_abbreviations(query[:MAX_QUERY]))))
        if not words:
            return []
        units = [self._unit(w, statistics) for w in words]
        total = sum(u.weight for u in units)
        base = np.zeros(len(self._routines), dtype=np.float32)
        for u in units:
            base += np.float32(u.weight) * u.scores
        found = np.flatnonzero(base > 0)
        if found.size == 0:
            return []
        keep = max(_RERANK, limit)
        if found.size > keep:
            # Ties at the cut go to the shorter titles: of a hundred near-copies ("… – förskola 12")
            # that match the query alike, the one with fewest other words covers its title best.
            key = base[found] / np.float32(total) - self._title_sizes[found] * np.float32(1e-4)
            found = found[np.argpartition(-key, keep - 1)[:keep]]
        # An expansion in the query stands for its abbreviation, even misspelt ("samordnad individuel plan").
        as_read = [u.best if u.best is not None else stem(w) for u, w in zip(units, words, strict=True)]
        matched = set().union(*(u.terms for u in units)) | self._abbreviation_terms(as_read)
        ranked = []
        for doc_ in found:
            doc = int(doc_)
            raw = float(base[doc])
            coverage = self._coverage(doc, matched, statistics or self)
            order = fuzz.ratio(folded_query, self._folded_titles[doc]) / 100.0
            score = (1.0 - _COVERAGE - _ORDER) * raw / total + _COVERAGE * coverage + _ORDER * order
            ranked.append((score, -len(self._routines[doc].title), doc))
        ranked.sort(reverse=True)
        shown = [self._routines[doc] for _, _, doc in ranked[:limit]]
        if not self._keep_bodies and bodies is not None and shown:
            read = bodies([r.id for r in shown])
            shown = [replace(r, body=read.get(r.id, "")) for r in shown]
        return [
            Hit(r.id, round(100.0 * score, 1), self._snippet(r, matched))
            for (score, _, _), r in zip(ranked, shown, strict=False)
        ]

    def _coverage(self, doc: int, matched: set[str], statistics: RoutineIndex) -> float:
        """The idf-weighted share of the routine's title words that the query matched."""
        got = 0.0
        whole = 0.0
        for s, parts in self._title_words[doc]:
            posting = statistics._postings.get(s)
            idf = math.log(1.0 + statistics._n / ((len(posting[0]) if posting else 0) + 0.5))
            whole += idf
            if s in matched:
                got += idf
            elif parts:
                got += idf * sum(p in matched for p in parts) / len(parts)
        return got / whole if whole else 0.0

    def _snippet(self, routine: Routine, matched: set[str]) -> str:
        """A passage of the body (or the title) with the matched words marked.

        A document that begins with its own title (an imported file, its heading) is read from the
        line after it: the title is shown beside the snippet already.
        """
        body = routine.body
        floor = _after_title(body, routine.title)
        for m in _WORD.finditer(body, floor):
            if _word_stem(m.group()) in matched:
                start = max(floor, m.start() - SNIPPET // 3)
                start = max(floor, body.rfind(" ", floor, start) + 1) if start > floor else floor
                end = body.find(" ", min(len(body), start + SNIPPET))
                end = len(body) if end < 0 else end
                text = _mark(body[start:end], matched)
                return ("…" if body[floor:start].strip() else "") + text.strip() + ("…" if end < len(body) else "")
        return _mark(routine.title, matched)


# Markdown a routine was written in: heading marks, quote and list marks, emphasis and code
# quotes. In a snippet they are noise, and a stray "*" would upset Slack's own bold.
_LINE_MARKUP = re.compile(r"(?m)^\s*(?:#{1,6}|>|[-+*]|\d+[.)])(?=\s)")
_INLINE_MARKUP = re.compile(r"[*`~]+|(?<![^\W_])_+|_+(?![^\W_])")


def _after_title(body: str, title: str) -> int:
    """Where the body goes on after a first line that is the title itself, else 0."""
    stripped = body.lstrip()
    end = stripped.find("\n")
    first = stripped if end < 0 else stripped[:end]
    # Folding a whole first paragraph for nothing cost a millisecond a hit: compare only a line
    # about as long as the title.
    if len(first) > 2 * len(title) + 10 or fold(first.lstrip("#")) != fold(title):
        return 0
    return len(body) - len(stripped) + len(first)


def _mark(text: str, matched: set[str]) -> str:
    def one(m: re.Match[str]) -> str:
        return f"{MARK}{m.group()}{MARK}" if _word_stem(m.group()) in matched else m.group()

    return _WORD.sub(one, " ".join(_INLINE_MARKUP.sub("", _LINE_MARKUP.sub(" ", text)).split()))


def _contains(seq: Sequence[str], sub: Sequence[str]) -> bool:
    """True if `sub` occurs in `seq` as a contiguous run."""
    n = len(sub)
    if n == 0:
        return False
    first = sub[0]
    return any(seq[i] == first and tuple(seq[i : i + n]) == tuple(sub) for i in range(len(seq) - n + 1))
