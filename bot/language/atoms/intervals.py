"""What atoms stand for: a day, month, season, term or holiday in a given year (the builders),
and periods relative to a reference date ("innevarande termin", "inom tre veckor").

The conventions are the package's (see `bot.language.atoms`).
"""

from __future__ import annotations

from datetime import date

from bot.language.atoms.atom import Builder, in_calendar
from bot.language.dates import (
    Interval,
    add_days,
    add_months,
    easter_sunday,
    iso_week,
    month_end,
    months_interval,
    safe_date,
    safe_midsummer_eve,
)
from bot.language.workdays import is_working_day, last_working_day_on_or_before

__all__ = [
    "after_duration",
    "autumn_of",
    "christmas_break_of",
    "christmas_of",
    "day_builder",
    "days_builder",
    "easter_of",
    "midsummer_of",
    "month_builder",
    "months_builder",
    "relative_period",
    "schoolyear_containing",
    "schoolyear_ending",
    "spring_of",
    "term_containing",
    "turn_builder",
    "week_builder",
    "weeks_builder",
    "winter_of",
    "year_builder",
]


def day_builder(month: int, day: int) -> Builder:
    def build(year: int) -> Interval | None:
        d = safe_date(year, month, day)
        return Interval(d, d) if d else None

    return build


def month_builder(month: int) -> Builder:
    return lambda year: months_interval(year, month, 1)


def year_builder(year: int) -> Interval | None:
    return months_interval(year, 1, 12)


def spring_of(year: int) -> Interval | None:
    return months_interval(year, 1, 6)


def autumn_of(year: int) -> Interval | None:
    return months_interval(year, 8, 5)


def winter_of(year: int) -> Interval | None:
    start = safe_date(year - 1, 12, 1)
    end = month_end(year, 2)
    return Interval(start, end) if start and end else None


def schoolyear_ending(year: int) -> Interval | None:
    """Läsåret that ends in `year` (1 August year-1 to 30 June year)."""
    start = safe_date(year - 1, 8, 1)
    end = safe_date(year, 6, 30)
    return Interval(start, end) if start and end else None


def turn_builder(month: int) -> Builder:
    def build(year: int) -> Interval | None:
        d = month_end(year, month)
        return Interval(d, d, d) if d else None

    return build


def christmas_of(year: int) -> Interval | None:
    start, end, before = safe_date(year, 12, 24), safe_date(year, 12, 26), safe_date(year, 12, 23)
    return Interval(start, end, before) if start and end else None


def christmas_break_of(year: int) -> Interval | None:
    """The schools' Christmas break, from 22 December (when most begin it) into January; "före jullovet" is
    the last working day before it, as "före jul" is 23 December."""
    start, end, eve = safe_date(year, 12, 22), safe_date(year + 1, 1, 7), safe_date(year, 12, 21)
    if start is None or end is None or eve is None:
        return None
    return Interval(start, end, last_working_day_on_or_before(eve))


def easter_of(year: int) -> Interval | None:
    sunday = easter_sunday(year)
    if sunday is None:
        return None
    start, end, before = add_days(sunday, -2), add_days(sunday, 1), add_days(sunday, -3)
    return Interval(start, end, before) if start and end else None


def midsummer_of(year: int) -> Interval | None:
    eve = safe_midsummer_eve(year)
    if eve is None:
        return None
    day, before = add_days(eve, 1), add_days(eve, -1)
    if day is None or before is None:
        return None
    return Interval(eve, day, last_working_day_on_or_before(before))


def week_builder(week: int) -> Builder:
    return lambda year: iso_week(year, week)


def weeks_builder(first: int, last: int) -> Builder:
    def build(year: int) -> Interval | None:
        a, b = iso_week(year, first), iso_week(year, last)
        return Interval(a.start, b.end) if a and b else None

    return build


def days_builder(month: int, first: int, last: int) -> Builder:
    def build(year: int) -> Interval | None:
        a, b = safe_date(year, month, first), safe_date(year, month, last)
        return Interval(a, b) if a and b else None

    return build


def months_builder(first: int, count: int) -> Builder:
    return lambda year: months_interval(year, first, count)


# --------------------------------------------------------------------------- #
# Relative periods (resolved against the reference date at once)
# --------------------------------------------------------------------------- #


def term_containing(ref: date, offset: int) -> Interval | None:
    """The term holding `ref`, moved `offset` terms on; in July the coming autumn term."""
    # Index terms: 2*year for the spring term, 2*year+1 for the autumn term.
    index = 2 * ref.year + (0 if ref.month <= 6 else 1) + offset
    year, half = divmod(index, 2)
    if not in_calendar(year):
        return None
    return autumn_of(year) if half else spring_of(year)


def schoolyear_containing(ref: date, offset: int) -> Interval | None:
    # In July the coming school year is "this" one.
    end_year = ref.year + 1 if ref.month >= 7 else ref.year
    return schoolyear_ending(end_year + offset) if in_calendar(end_year + offset) else None


def _mandate_period(ref: date, offset: int) -> Interval | None:
    # Swedish general elections: 2022, 2026, ... (every fourth year since 1994).
    election = ref.year - ((ref.year - 2) % 4)
    start = safe_date(election, 10, 15)
    if start is not None and ref < start:
        election -= 4
    election += 4 * offset
    begin, end = safe_date(election, 10, 15), safe_date(election + 4, 10, 14)
    return Interval(begin, end) if begin and end else None


def relative_period(unit: str, ref: date, offset: int) -> Interval | None:
    """This (offset 0) or next (offset 1) year, term, quarter ... around `ref`."""
    if unit.startswith(("ar", "dr", "verksamhets", "budget", "kalender", "rakenskaps")):
        year = ref.year + offset
        return year_builder(year) if in_calendar(year) else None
    if unit.startswith(("las", "lis")):
        return schoolyear_containing(ref, offset)
    if unit.startswith("termin"):
        return term_containing(ref, offset)
    if unit.startswith("mandat"):
        return _mandate_period(ref, offset)
    if unit.startswith("vecka"):
        iso = ref.isocalendar()
        monday = add_days(ref, -(iso.weekday - 1) + 7 * offset)
        if monday is None:
            return None
        y, w, _ = monday.isocalendar()
        return iso_week(y, w)
    size = {"kvartal": 3, "tertial": 4, "halv": 6}.get(
        next((k for k in ("kvartal", "tertial", "halv") if unit.startswith(k)), ""), 1
    )
    # Months, quarters, tertials and half years count from January.
    first = ((ref.month - 1) // size) * size + 1
    start = safe_date(ref.year, first, 1)
    if start is None:
        return None
    start = add_months(start, size * offset)
    if start is None:
        return None
    return months_interval(start.year, start.month, size)


def after_duration(ref: date, n: int, unit: str) -> Interval | None:
    """`ref` plus n days, working days, weeks, months or years."""
    if unit.startswith("arbetsdag"):
        d: date | None = ref
        counted = 0
        for _ in range(n * 3 + 30):
            if d is None or counted >= n:
                break
            d = add_days(d, 1)
            if d is not None and is_working_day(d):
                counted += 1
        target = d
    elif unit.startswith("dag"):
        target = add_days(ref, n)
    elif unit.startswith("veck"):
        target = add_days(ref, 7 * n)
    elif unit.startswith(("manad", "mdnad")):
        target = add_months(ref, n)
    elif unit.startswith("halv"):
        target = add_months(ref, 6 * n)
    else:
        target = add_months(ref, 12 * n)
    return Interval(target, target) if target else None
