"""A rhythm's rule read into its parts, for the words in `templates/rhythm.txt.j2`.

"FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31" reads as "årligen i december", "FREQ=WEEKLY;INTERVAL=2" as "varannan
vecka": the reading is grammar and stays here; the Swedish words are texts a person reads and are kept with
the others in `templates/` (`Texts.rhythm`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from bot.language.rhythm_rules import NOT_JULY

__all__ = ["MEETINGS_PREFIX", "Rhythm", "is_meetings_rule", "meeting_days", "meetings_rule", "rhythm_of", "rule_end"]

# "vid varje sammanträde": the committee's meetings as an RFC 5545 RDATE list ("RDATE:20270211,20270311"),
# which dateutil's rrulestr reads as it reads a rule. Written and read only through the functions below.
MEETINGS_PREFIX = "RDATE:"


def meetings_rule(days: tuple[date, ...] | list[date]) -> str:
    """The rhythm whose occurrences are these meetings' days."""
    return MEETINGS_PREFIX + ",".join(d.strftime("%Y%m%d") for d in days)


def is_meetings_rule(rule: str | None) -> bool:
    """Whether a rhythm's occurrences are the committee's meetings."""
    return bool(rule) and str(rule).strip().upper().startswith(MEETINGS_PREFIX)


def meeting_days(rule: str | None) -> list[date]:
    """The days of a meetings rhythm, sorted, a damaged date left out; empty for any other rule."""
    if not is_meetings_rule(rule):
        return []
    days: set[date] = set()
    for part in str(rule).strip().upper().removeprefix(MEETINGS_PREFIX).split(","):
        value = part.strip()[:8]
        if len(value) == 8 and value.isdigit():
            try:
                days.add(date(int(value[:4]), int(value[4:6]), int(value[6:])))
            except ValueError:
                continue
    return sorted(days)


_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_QUARTERS = [3, 6, 9, 12]


@dataclass(frozen=True)
class Rhythm:
    """What a rule says.

    `kind`: "yearly" (one month, or none), "quarterly", "yearly_months" (several months), "monthly",
    "twice_monthly", "weekly", "weekdays", "daily", "meetings" (an RDATE list of the committee's meetings) or
    "unknown" (a rule from elsewhere, unreadable).
    """

    kind: str
    interval: int = 1
    month: int | None = None  # "årligen i december"
    day: int | None = None  # a day of the month that is not its last: "den 15"
    months: tuple[int, ...] = ()  # "två gånger per år (juni och december)"
    weekdays: tuple[str, ...] = ()  # MO … SU
    not_july: bool = False
    until: date | None = None  # "… till och med 2028"


def rhythm_of(rrule: str) -> Rhythm:
    """The parts of a rule made by this package; a best effort for rules from elsewhere."""
    if is_meetings_rule(rrule):
        return Rhythm("meetings")
    try:
        parts = dict(part.split("=", 1) for part in rrule.strip().removeprefix("RRULE:").split(";") if "=" in part)
        freq = parts.get("FREQ", "").upper()
        interval = max(1, int(parts.get("INTERVAL", "1") or "1"))
        months = tuple(m for m in sorted(set(_ints(parts.get("BYMONTH", "")))) if 1 <= m <= 12)
        monthdays = _ints(parts.get("BYMONTHDAY", ""))
        days = tuple(d[-2:] for d in parts.get("BYDAY", "").split(",") if d[-2:] in _DAY_CODES)
    except ValueError:
        return Rhythm("unknown")
    until = rule_end(rrule)
    not_july = list(months) == list(NOT_JULY)
    if freq == "YEARLY":
        if len(months) <= 1:
            month = months[0] if months else None
            day = monthdays[0] if len(monthdays) == 1 else -1
            last = calendar.monthrange(2001, month)[1] if month else 31
            return Rhythm("yearly", interval, month, day if month and 0 < day < last else None, until=until)
        if list(months) == _QUARTERS:
            return Rhythm("quarterly", until=until)
        return Rhythm("yearly_months", months=months, until=until)
    if freq == "MONTHLY":
        if monthdays == [15, -1]:
            return Rhythm("twice_monthly", not_july=not_july, until=until)
        on = monthdays[0] if len(monthdays) == 1 and monthdays[0] > 0 else None
        return Rhythm("monthly", interval, day=on, not_july=not_july, until=until)
    if freq == "WEEKLY":
        return Rhythm("weekly", interval, weekdays=days, not_july=not_july, until=until)
    if freq == "DAILY":
        weekdays_only = bool(days) and "SA" not in days and "SU" not in days
        return Rhythm("weekdays" if weekdays_only else "daily", until=until)
    return Rhythm("unknown")


_UNTIL = re.compile(r"\bUNTIL=(\d{4})(\d{2})(\d{2})", re.IGNORECASE)


def rule_end(rrule: str) -> date | None:
    """The last day a rule runs to (its UNTIL), or None."""
    m = _UNTIL.search(rrule)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _ints(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v.strip().lstrip("+-").isdigit()]
