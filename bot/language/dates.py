"""Calendar arithmetic that never raises: impossible dates are None.

The grammar builds dates from whatever a document says ("31 februari",
"vecka 54", a reference date at the end of time); every constructor here
returns None instead of raising.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from bot.language.workdays import last_working_day_on_or_before, midsummer_eve

__all__ = [
    "Interval",
    "add_days",
    "add_months",
    "easter_sunday",
    "iso_week",
    "month_end",
    "months_interval",
    "safe_date",
    "safe_midsummer_eve",
    "season_summer",
]

MIN_YEAR = 1
MAX_YEAR = 9999


@dataclass(frozen=True)
class Interval:
    """A stretch of days, both ends included.

    `before` is what "innan/före X" means: normally the day before `start`, but a
    few periods define it differently ("innan sommaren" is the last working day
    before midsommarafton, "innan årsskiftet" is 31 December itself).
    """

    start: date
    end: date
    before: date | None = None

    def day_before(self) -> date | None:
        """The deadline "innan/före" this interval gives."""
        if self.before is not None:
            return self.before
        return add_days(self.start, -1)


def safe_date(year: int, month: int, day: int) -> date | None:
    """`date(year, month, day)` or None if there is no such day."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def month_end(year: int, month: int) -> date | None:
    """The last day of a month, or None outside the calendar."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def add_days(d: date, days: int) -> date | None:
    """`d + days` or None beyond the calendar."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def add_months(d: date, months: int) -> date | None:
    """The same day `months` later, clamped to the month's last day."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    end = month_end(year, month + 1)
    if end is None:
        return None
    return end.replace(day=min(d.day, end.day))


def months_interval(year: int, first_month: int, months: int) -> Interval | None:
    """`months` whole calendar months starting with `first_month` of `year`."""
    start = safe_date(year, first_month, 1)
    if start is None:
        return None
    last = add_months(start, months - 1)
    if last is None:
        return None
    end = month_end(last.year, last.month)
    if end is None:
        return None
    return Interval(start, end)


def iso_week(year: int, week: int) -> Interval | None:
    """ISO week `week` of ISO year `year`, ending on its last working day.

    A week without any working day ends on its Friday.
    """
    try:
        monday = date.fromisocalendar(year, week, 1)
        sunday = date.fromisocalendar(year, week, 7)
    except (ValueError, OverflowError):
        return None
    last = last_working_day_on_or_before(sunday)
    if last < monday:
        last = monday + timedelta(days=4)
    return Interval(monday, last)


def easter_sunday(year: int) -> date | None:
    """Easter Sunday (Western), or None outside the calendar."""
    if not (MIN_YEAR <= year <= MAX_YEAR):
        return None
    try:
        return easter(year)
    except (ValueError, OverflowError):
        return None


def safe_midsummer_eve(year: int) -> date | None:
    """Midsommarafton, or None outside the calendar."""
    if not (MIN_YEAR <= year <= MAX_YEAR):
        return None
    return midsummer_eve(year)


def season_summer(year: int) -> Interval | None:
    """Summer as Swedish workplaces see it: from midsommarafton to 31 August.

    "Innan sommaren" is the last working day before midsommarafton.
    """
    eve = safe_midsummer_eve(year)
    end = safe_date(year, 8, 31)
    if eve is None or end is None:
        return None
    before = add_days(eve, -1)
    return Interval(eve, end, last_working_day_on_or_before(before) if before else None)
