"""Swedish working days.

A working day is Monday to Friday and not a public holiday (from the
``holidays`` package, calendar "SE") nor one of the de facto holidays that
Swedish offices close for: midsommarafton, julafton and nyårsafton. The package
has listed these under a "de_facto" category in some versions and not at all in
others, so they are added here unconditionally.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

__all__ = [
    "holidays_in_year",
    "is_working_day",
    "last_working_day_on_or_before",
    "midsummer_eve",
    "next_working_day_on_or_after",
    "previous_working_day",
    "working_days_before",
]

# No stretch of Swedish non-working days is anywhere near this long; the bound
# only guarantees that the loops below end, even at the edges of `date`.
_MAX_STEPS = 40


def midsummer_eve(year: int) -> date:
    """Midsommarafton: the Friday between 19 and 25 June."""
    first = date(year, 6, 19)
    # Friday is weekday 4.
    return first + timedelta(days=(4 - first.weekday()) % 7)


@lru_cache(maxsize=512)
def holidays_in_year(year: int) -> frozenset[date]:
    """Every public and de facto holiday in `year` (weekends not included)."""
    days: set[date] = set()
    try:
        # Depending on the package version the SE calendar may also list every
        # Sunday; that is harmless because weekends are excluded separately.
        days.update(holidays.country_holidays("SE", years=year).keys())
    except Exception:  # a broken or missing calendar must not stop date arithmetic
        days = set()
    if 1 <= year <= 9999:
        days.update({midsummer_eve(year), date(year, 12, 24), date(year, 12, 31)})
    return frozenset(days)


def is_working_day(d: date) -> bool:
    """True on Monday-Friday that is neither a public nor a de facto holiday."""
    return d.weekday() < 5 and d not in holidays_in_year(d.year)


def last_working_day_on_or_before(d: date) -> date:
    """`d` itself if it is a working day, else the closest working day before it."""
    current = d
    for _ in range(_MAX_STEPS):
        if is_working_day(current):
            return current
        try:
            current -= timedelta(days=1)
        except OverflowError:
            break
    return d


def previous_working_day(d: date) -> date:
    """The closest working day strictly before `d`."""
    try:
        return last_working_day_on_or_before(d - timedelta(days=1))
    except OverflowError:
        return d


def working_days_before(d: date, count: int) -> date:
    """The day `count` working days before `d` (holidays not counted); `d` itself for 0.

    A meeting's agenda closes so many working days before it (ärendeberedning).
    """
    day = d
    for _ in range(max(0, count)):
        day = previous_working_day(day)
    return day


def next_working_day_on_or_after(d: date) -> date:
    """`d` itself if it is a working day, else the closest working day after it."""
    current = d
    for _ in range(_MAX_STEPS):
        if is_working_day(current):
            return current
        try:
            current += timedelta(days=1)
        except OverflowError:
            break
    return d
