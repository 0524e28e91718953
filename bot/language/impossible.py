"""Dates that are not in the calendar: "2027-02-30", "31 april 2027", "30/2 2027".

The deadline grammar reads only days that exist, so such a text either gives no
deadline or, worse, a nearby one ("31 april 2027" read as "april 2027"). Finding
the impossible day first lets the bot say what is wrong with it instead.
"""

from __future__ import annotations

import calendar
import re

from bot.language.months import MONTH_NAMES

__all__ = ["impossible_date"]

_LEAP_YEAR = 2000  # where no year is written, 29 februari exists
_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:\s+(\d{4}))?(?![\d/])")
_NAMED = re.compile(
    r"(?<!\w)(\d{1,2})(?::e|:a)?\s+(" + "|".join(MONTH_NAMES) + r")(?:\s+(\d{4}))?(?!\w)", re.IGNORECASE
)


def _exists(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(year or _LEAP_YEAR, month)[1]


def impossible_date(text: str) -> str | None:
    """The first written date in `text` whose day or month does not exist, as written; None if none."""
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(text):
        if not _exists(int(m[1]), int(m[2]), int(m[3])):
            found.append((m.start(), m[0]))
    for m in _SLASHED.finditer(text):
        if not _exists(int(m[3]) if m[3] else None, int(m[2]), int(m[1])):
            found.append((m.start(), m[0]))
    for m in _NAMED.finditer(text):
        month = MONTH_NAMES.index(m[2].lower()) + 1
        if not _exists(int(m[3]) if m[3] else None, month, int(m[1])):
            found.append((m.start(), m[0]))
    return min(found)[1] if found else None
