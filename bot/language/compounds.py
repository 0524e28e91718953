"""Splitting Swedish compounds into known parts: "samverkansrutin" → samverkan + rutin.

Swedish writes compounds as one word, and officials search for either half:
"orosanmälan" should be found by "anmälan" and "samverkansrutin" by "rutin".
A word is split by dynamic programming over a vocabulary (the words of the
indexed texts plus `COMMON_PARTS`), allowing the linking letters -s- and -e-
between parts ("samverkan-s-rutin", "oro-s-anmälan", "pojk-e-"). The split with the fewest parts wins;
among equals, the one with the longest first part, so the reading stays stable.

All words here are folded (`normalize.fold`): no case, no diacritics.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from bot.language.normalize import fold

__all__ = ["COMMON_PARTS", "CompoundSplitter"]

# Heads and modifiers that routine titles are built from, so a split works even
# when the part never occurs on its own in the indexed texts. Swedish words, folded.
_PARTS_TEXT = """
    rutin rutiner plan planer överenskommelse riktlinje riktlinjer samverkan anmälan handläggning
    policy oro insats insatser stöd vård omsorg hälsa elev elevhälsa barn unga ungdom skola förskola
    team möte arbete ansvar hantering uppföljning bedömning utredning dokumentation kontroll
    mål år hjul årshjul kris handling program åtgärd åtgärdsprogram tjänst social socialtjänst
    familj hem boende personal plats läkemedel avvikelse journal föring risk analys
"""
COMMON_PARTS: tuple[str, ...] = tuple(fold(w) for w in _PARTS_TEXT.split())

_LINKS = ("s", "e")
_MIN_PART = 3
_MAX_PARTS = 4


class CompoundSplitter:
    """Splits folded words into parts of a vocabulary."""

    def __init__(self, vocabulary: Iterable[str] = (), *, min_part: int = _MIN_PART) -> None:
        self._min_part = min_part
        self._vocab: set[str] = {w for w in COMMON_PARTS if len(w) >= min_part}
        self._vocab.update(w for w in vocabulary if len(w) >= min_part and w.isalpha())
        self._max_len = max((len(w) for w in self._vocab), default=0)
        self._split = lru_cache(maxsize=100_000)(self._split_uncached)

    def add(self, words: Iterable[str]) -> None:
        """Grow the vocabulary (and forget cached splits, which may now differ)."""
        for w in words:
            if len(w) >= self._min_part and w.isalpha():
                self._vocab.add(w)
                self._max_len = max(self._max_len, len(w))
        self._split.cache_clear()

    def __contains__(self, word: str) -> bool:
        return word in self._vocab

    def split(self, word: str) -> tuple[str, ...]:
        """The parts of `word`, or () when it is not a compound of known parts."""
        if len(word) < 2 * self._min_part or not word.isalpha():
            return ()
        return self._split(word)

    def _split_uncached(self, word: str) -> tuple[str, ...]:
        n = len(word)
        # best[i]: the best split of word[i:], as (parts, -len(first part)), or None.
        best: list[tuple[tuple[str, ...], int] | None] = [None] * (n + 1)
        best[n] = ((), 0)
        for i in range(n - self._min_part, -1, -1):
            choice: tuple[tuple[str, ...], int] | None = None
            for j in range(i + self._min_part, min(n, i + self._max_len) + 1):
                part = word[i:j]
                if part not in self._vocab or (i == 0 and j == n):
                    continue
                # The rest after the part, directly or after a linking letter.
                for k in (j, j + 1):
                    if k > n or (k == j + 1 and word[j] not in _LINKS):
                        continue
                    rest = best[k]
                    if rest is None or (k == n and k != j):
                        continue
                    parts = (part, *rest[0])
                    if len(parts) > _MAX_PARTS:
                        continue
                    key = (len(parts), -len(part))
                    if choice is None or key < (len(choice[0]), choice[1]):
                        choice = (parts, -len(part))
            best[i] = choice
        found = best[0]
        return found[0] if found is not None and len(found[0]) >= 2 else ()
