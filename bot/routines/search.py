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

The term index is built in `term_index` (`TermIndex`), the words read in `words`, and a hit's
passage cut in `snippets`; `RoutineIndex` adds the ranking. `Routine`, `RoutineId` and `MARK` are
imported from here as before.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz

from bot.language.normalize import fold, repair_ocr
from bot.language.stemming import stem
from bot.routines.snippets import MARK, snippet
from bot.routines.term_index import PART, Routine, RoutineId, Scores, TermIndex
from bot.routines.words import folded_words

__all__ = ["MARK", "MAX_QUERY", "BodyLoader", "Hit", "Routine", "RoutineId", "RoutineIndex"]

MAX_QUERY = 200  # characters; a pasted page is cut, not searched

# How a query word reaches terms, and how a routine's score is made of what it reached.
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


@dataclass(frozen=True)
class Hit:
    """One found routine: score 0–100, a snippet with the matched words marked."""

    id: RoutineId
    score: float
    snippet: str


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
        self.scores: Scores = np.zeros(n, dtype=np.float32)
        self.weight = 0.0


BodyLoader = Callable[[Sequence[RoutineId]], Mapping[RoutineId, str]]


class RoutineIndex(TermIndex):
    """An index over routines, built once; `search` is read-only and thread-safe.

    `keep_bodies=False`: the bodies are read once to build the index and then let go (at 100,000
    routines of 2,000 characters they were a third of its memory); `search` then asks its `bodies`
    loader for the few it shows a snippet of.
    """

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
            np.maximum(unit.scores, together * np.float32(PART / len(parts)), out=unit.scores)
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
        one's would (`bot.services.routine_library` merges the two). `bodies`: where an index that
        did not keep its bodies reads those of its hits, for their snippets (else the title).
        """
        if limit <= 0:
            return []
        folded_query = fold(repair_ocr(query[:MAX_QUERY]))
        words = list(dict.fromkeys(folded_words(folded_query, self._written_abbreviations(query[:MAX_QUERY]))))
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
            Hit(r.id, round(100.0 * score, 1), snippet(r, matched))
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
