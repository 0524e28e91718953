"""The prefilter bench's analysis as text for SQLite FTS5, as `RoutineIndex` analyses a routine.

Folded words become their Snowball stem and the stems of their compound parts;
a text with an abbreviation also holds its expansion's stems and the reverse; a
query becomes an FTS5 expression of terms and prefixes. See
`bench.routine_prefilter` for the variants that use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.language.compounds import CompoundSplitter
from bot.language.normalize import fold, repair_ocr
from bot.language.stemming import is_stop_word, stem
from bot.routines.abbreviations import merged
from bot.routines.search import MAX_QUERY

_WORD = re.compile(r"[^\W_]+")
_TRUNCATE_TO = 5  # as the routine search: a long stem's first letters, for another derivation of its root


def folded_words(text: str) -> list[str]:
    """Folded words without stop words, as the routine search cuts them."""
    return [w for w in _WORD.findall(fold(text)) if not is_stop_word(w)]


def folded_query(query: str) -> str:
    """The query as the routine search reads it: cut, OCR repaired, folded."""
    return fold(repair_ocr(query[:MAX_QUERY]))


class Analysis:
    """Folded words → Snowball stem plus the stems of compound parts, over a library's vocabulary."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._splitter = CompoundSplitter(vocabulary)
        self._expansions = {
            abbr: [tuple(stem(w) for w in folded_words(e)) for e in expansions]
            for abbr, expansions in merged().expansions.items()
        }
        self._terms: dict[str, tuple[str, ...]] = {}

    def terms(self, word: str) -> tuple[str, ...]:
        found = self._terms.get(word)
        if found is None:
            s = stem(word)
            parts = self._splitter.split(word) or self._splitter.split(s)
            found = self._terms[word] = tuple(dict.fromkeys((s, *(stem(p) for p in parts))))
        return found

    def document(self, words: Sequence[str]) -> str:
        """The terms of folded `words` in order (bm25 counts them), then the abbreviations' terms.

        As `RoutineIndex` does at index time: a text with "SIP" also holds the
        stems of "samordnad individuell plan", one that spells it out also "sip".
        """
        out = [t for w in words for t in self.terms(w)]
        stems = [stem(w) for w in words]
        present = set(stems)
        for abbr, expansions in self._expansions.items():
            if abbr in present:
                out.extend(s for e in expansions for s in e)
            elif any(e and present.issuperset(e) and _contains(stems, e) for e in expansions):
                out.append(abbr)
        return " ".join(out)

    def match(self, query: str) -> str:
        """An FTS5 expression for `query`; "" when it has no words.

        The OR of its terms quoted, of the terms and words of three letters or
        more as prefixes ("term"*), and of the first letters of long stems as a
        prefix (as `RoutineIndex` reaches "kränkande" from "kränkningar").
        Words are runs of letters and digits, so quoted they are plain text.
        """
        words = list(dict.fromkeys(folded_words(folded_query(query))))
        terms = dict.fromkeys(t for w in words for t in self.terms(w))
        prefixes = dict.fromkeys(p for p in (*terms, *words) if len(p) >= 3)
        for s in [stem(w) for w in words]:
            if len(s) >= _TRUNCATE_TO + 2:
                prefixes[s[: max(_TRUNCATE_TO, len(s) - 4)]] = None
        return " OR ".join([f'"{t}"' for t in terms] + [f'"{p}"*' for p in prefixes])


def _contains(seq: Sequence[str], sub: Sequence[str]) -> bool:
    """True if `sub` occurs in `seq` as a contiguous run."""
    n = len(sub)
    return any(tuple(seq[i : i + n]) == tuple(sub) for i in range(len(seq) - n + 1))
