"""The recommendations a commitment may answer, found without weighing it against every one.

Where the layout does not say which recommendation a commitment answers, the
reader compares their words (`merge.word_overlap`). Compared with every
recommendation before it, a long document costs the square of its length: a
20 MB answer that restates itself holds thousands of recommendations. The
candidates are instead the last `window` recommendations before the commitment
(an answer follows the recommendations it answers closely) and, further back,
those that share a rare word with it (a summary that names an early
recommendation). A word stem found in more than `rare` recommendations says
nothing about which one is meant, and is dropped from the index for good, so
each commitment is compared with at most `window` + `rare` × its stems
recommendations. Answers with up to `window` recommendations, which is every
real one we have seen (they hold a handful), are compared exactly as before.
"""

from __future__ import annotations

from bisect import bisect_right

from bot.extraction.merge import content_stems

__all__ = ["RecIndex"]

_WINDOW = 32
_RARE = 8


class RecIndex:
    """Recommendations in reading order (their first unit), by position and by their rare word stems."""

    def __init__(self, window: int = _WINDOW, rare: int = _RARE) -> None:
        self.window = window
        self.rare = rare
        self.units: list[int] = []  # the first unit of each recommendation, in the order they were added
        self.postings: dict[str, list[int]] = {}
        self.common: set[str] = set()

    def add(self, unit: int, folded: str) -> None:
        """The next recommendation, starting at `unit` (never before the last one added)."""
        number = len(self.units)
        self.units.append(unit)
        for stem in content_stems(folded):
            if stem in self.common:
                continue
            found = self.postings.setdefault(stem, [])
            found.append(number)
            if len(found) > self.rare:
                self.common.add(stem)
                del self.postings[stem]

    def count_before(self, unit: int) -> int:
        """How many recommendations start at or before `unit`."""
        return bisect_right(self.units, unit)

    def candidates(self, folded: str, unit: int) -> list[int]:
        """The positions (in adding order) of the recommendations a commitment in `unit` saying `folded`
        is compared with: the nearest ones before it, and earlier ones that share a rare stem with it."""
        count = self.count_before(unit)
        picked = set(range(max(0, count - self.window), count))
        for stem in content_stems(folded):
            picked.update(n for n in self.postings.get(stem, ()) if n < count)
        return sorted(picked)
