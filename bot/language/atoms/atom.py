"""An atom: one time expression found in folded text, and the pattern fragments the scanners share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from bot.language.dates import Interval
from bot.language.normalize import MatchText

__all__ = ["AE", "YEAR", "YEAR_END", "A", "Atom", "Builder", "L", "R", "Scanner", "in_calendar", "rx", "year2"]

Builder = Callable[[int], Interval | None]


@dataclass(frozen=True)
class Atom:
    """One time expression in the text, before prepositions are applied."""

    start: int
    end: int
    kind: str  # "date", "month", "year", "season", "term", "schoolyear", "quarter", "tertial",
    # "half", "week", "turn", "holiday", "relative", "duration", "school"
    build: Builder  # the interval "in" a given year; None if that year has no such thing
    year: int | None = None  # the year written in the text
    needs_context: bool = False  # only a time expression after a preposition ("i april")
    confidence: float = 0.9
    point: bool = False  # a moment rather than a stretch: "till X" means before it
    fixed: Interval | None = None  # resolved already, relative to the reference date
    is_range: bool = False  # "v. 12-14", "15-20 maj": a range on its own
    months: tuple[int, ...] = ()  # where a yearly rhythm anchored here falls ("årligen i december")
    day: int = -1  # day of month for such an anchor; -1 = the month's last day
    day_one: bool = False  # "1 april" without "den" or a year: maybe an OCR'd "i april"
    month: int | None = None
    note: str | None = None
    season: str | None = None  # "spring", "summer", "autumn" or "winter" for a season or term word


L = r"\b(?<![^\W_])"  # starts a word; "\b" first because it fails fast inside runs of spaces
R = r"(?![^\W_])"  # not followed by a letter or digit
YEAR = r"(?:19|20)\d\d"
# A year is not followed by more digits, "/24", "-05-15" or a decimal part.
YEAR_END = r"(?![^\W_]|[.,/-]\d)"
A = r"[ad]"  # "å" after folding, or OCR's "d" for it
AE = r"[ai]"  # "ä" after folding, or OCR's "i" for it


def rx(pattern: str) -> re.Pattern[str]:
    # The text is folded to lower case already; IGNORECASE would only slow the scan.
    return re.compile(pattern)


def year2(text: str) -> int:
    value = int(text)
    return value if value >= 100 else 2000 + value


def in_calendar(year: int) -> bool:
    return 1 <= year <= 9999


Scanner = Callable[[MatchText, date, bool], Iterator[Atom]]
