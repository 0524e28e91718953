"""Rhythms as RFC 5545 rules: the rule, and the rules Swedish rhythm words stand for.

"två gånger per läsår", "varje månad", "var tredje vecka", "terminsvis": see
`recurrence` for the conventions (a rule is anchored on the last day of its
period where the text gives no day; rhythms per school unit are spread over the
months of the terms).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from bot.language.months import WEEKDAY_NAMES

__all__ = [
    "DAY_CODES",
    "NOT_JULY",
    "QUARTERLY",
    "TERMLY",
    "Rule",
    "each",
    "every_nth",
    "monthly",
    "per_unit",
    "weekly",
    "yearly",
]

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_CODES = dict(zip(WEEKDAY_NAMES, _WEEKDAYS, strict=True))
NOT_JULY = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)
_SPRING = (1, 2, 3, 4, 5, 6)
_AUTUMN = (8, 9, 10, 11, 12)


@dataclass(frozen=True)
class Rule:
    freq: str
    interval: int = 1
    months: tuple[int, ...] = ()
    monthdays: tuple[int, ...] = ()
    days: tuple[str, ...] = ()

    def text(self) -> str:
        parts = [f"FREQ={self.freq}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.months:
            parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(set(self.months))))
        if self.monthdays:
            parts.append("BYMONTHDAY=" + ",".join(str(d) for d in self.monthdays))
        if self.days:
            parts.append("BYDAY=" + ",".join(sorted(set(self.days), key=_WEEKDAYS.index)))
        return ";".join(parts)


def _month_end_day(months: tuple[int, ...]) -> tuple[int, ...]:
    """BYMONTHDAY for "the last day": the real day for one month, else -1."""
    distinct = sorted(set(months))
    if len(distinct) == 1 and distinct[0] != 2:
        # 2001 is not a leap year; only February differs between years.
        return (calendar.monthrange(2001, distinct[0])[1],)
    return (-1,)


def yearly(months: tuple[int, ...], day: int = -1, interval: int = 1) -> Rule:
    months = tuple(sorted(set(months))) or (12,)
    monthdays = (day,) if day > 0 else _month_end_day(months)
    return Rule("YEARLY", interval, months, monthdays)


def monthly(interval: int = 1, day: int = -1, months: tuple[int, ...] = ()) -> Rule:
    return Rule("MONTHLY", interval, months, (day,))


def weekly(interval: int = 1, days: tuple[str, ...] = ("FR",), months: tuple[int, ...] = ()) -> Rule:
    return Rule("WEEKLY", interval, months, (), days)


QUARTERLY = yearly((3, 6, 9, 12))
TERMLY = yearly((6, 12))


def _spread(n: int, months: tuple[int, ...]) -> tuple[int, ...]:
    """n months spread evenly over `months`, the last one always included."""
    size = len(months)
    return tuple(months[min(size, max(1, int(size * k / n + 0.5))) - 1] for k in range(1, n + 1))


def _per_year(n: int) -> Rule:
    if n <= 1:
        return yearly((12,))
    if n < 12:
        return yearly(_spread(n, tuple(range(1, 13))))
    if n == 12:
        return monthly()
    if n >= 52:
        return weekly()
    return weekly(max(1, int(52 / n + 0.5)))


def _per_term(n: int) -> Rule:
    if n <= 1:
        return TERMLY
    if n <= 5:
        return yearly(_spread(n, _SPRING) + _spread(n, _AUTUMN))
    # A term has about 20 school weeks.
    return weekly(max(1, int(20 / n + 0.5)), months=NOT_JULY)


def _per_schoolyear(n: int) -> Rule:
    if n <= 1:
        return yearly((6,))
    if n % 2 == 0:
        return _per_term(n // 2)
    if n <= 9:
        return yearly(_spread(n, (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6)))
    return weekly(max(1, int(40 / n + 0.5)), months=NOT_JULY)


def _per_month(n: int) -> Rule:
    if n <= 1:
        return monthly()
    if n == 2:
        return Rule("MONTHLY", 1, (), (15, -1))
    return weekly()


def _per_week(n: int) -> Rule:
    days = {1: ("FR",), 2: ("TU", "FR"), 3: ("MO", "WE", "FR"), 4: ("MO", "TU", "TH", "FR")}
    return weekly(days=days.get(n, ("MO", "TU", "WE", "TH", "FR")))


def per_unit(n: int, unit: str) -> Rule | None:
    unit = unit.replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")
    if unit.startswith(("ar", "verksamhetsar", "kalenderar")):
        return _per_year(n)
    if unit.startswith("lasar"):
        return _per_schoolyear(n)
    if unit.startswith("termin"):
        return _per_term(n)
    if unit.startswith("manad"):
        return _per_month(n)
    if unit.startswith("veck"):
        return _per_week(n)
    if unit.startswith("kvartal"):
        return _per_year(4 * n)
    if unit.startswith("tertial"):
        return _per_year(3 * n)
    if unit.startswith("halvar"):
        return _per_year(2 * n)
    return None


def each(unit: str) -> Rule | None:
    """The rule for "varje <unit>"."""
    unit = unit.replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")
    day = DAY_CODES.get(unit.removesuffix("en").removesuffix("ar"))
    if day is not None:
        return weekly(days=(day,))
    table: dict[str, Rule] = {
        "ar": yearly((12,)),
        "manad": monthly(),
        "manadsskifte": monthly(),
        "vecka": weekly(),
        "kvartal": QUARTERLY,
        "termin": TERMLY,
        "tertial": yearly((4, 8, 12)),
        "halvar": TERMLY,
        "lasar": yearly((6,)),
        "host": yearly((12,)),
        "var": yearly((6,)),
        "sommar": yearly((8,)),
        "vinter": yearly((2,)),
        "dag": Rule("DAILY"),
        "vardag": Rule("DAILY", days=("MO", "TU", "WE", "TH", "FR")),
        "arbetsdag": Rule("DAILY", days=("MO", "TU", "WE", "TH", "FR")),
    }
    return table.get(unit)


def every_nth(n: int, unit: str) -> Rule | None:
    unit = unit.replace("dr", "ar").replace("mdnad", "manad")
    day = DAY_CODES.get(unit.removesuffix("en").removesuffix("ar"))
    if day is not None:
        return weekly(n, (day,))
    if unit.startswith("veck"):
        return weekly(n)
    if unit.startswith("manad"):
        return monthly(n)
    if unit.startswith("ar"):
        return yearly((12,), interval=n)
    if unit.startswith("kvartal"):
        return monthly(3 * n)
    if unit.startswith("termin"):
        return yearly((12,)) if n == 2 else monthly(6 * n)
    return None
