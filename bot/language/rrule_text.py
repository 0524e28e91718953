"""A rhythm's rule in Swedish words: "årligen i december", "varannan vecka", "två gånger per år (juni och december)"."""

from __future__ import annotations

import calendar
import re

from bot.language.months import MONTH_NAMES
from bot.language.rhythm_rules import NOT_JULY

__all__ = ["describe_rrule"]

_DAY_NAMES_SV = {
    "MO": "måndag",
    "TU": "tisdag",
    "WE": "onsdag",
    "TH": "torsdag",
    "FR": "fredag",
    "SA": "lördag",
    "SU": "söndag",
}
_COUNT_WORDS = ("", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv")
_ORDINALS_SV = (
    "",
    "",
    "andra",
    "tredje",
    "fjärde",
    "femte",
    "sjätte",
    "sjunde",
    "åttonde",
    "nionde",
    "tionde",
)


def _join_sv(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " och " + words[-1]


def _every(interval: int, unit: str, neuter: bool = False) -> str:
    if interval <= 1:
        return f"varje {unit}"
    if interval == 2:
        return f"{'vartannat' if neuter else 'varannan'} {unit}"
    ordinal = _ORDINALS_SV[interval] if interval < len(_ORDINALS_SV) else f"{interval}:e"
    return f"{'vart' if neuter else 'var'} {ordinal} {unit}"


def _ints(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v.strip().lstrip("+-").isdigit()]


def describe_rrule(rrule: str) -> str:
    """A short Swedish description of a rule made by this module ("årligen i december").

    A rule that ends says so ("årligen i april till och med 2028"). Rules from elsewhere get a best
    effort; anything unreadable is "återkommande".
    """
    base = _describe(rrule)
    m = _UNTIL.search(rrule)
    if m is None or base == "återkommande":
        return base
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return base
    if (month, day) == (12, 31):
        return f"{base} till och med {year}"
    return f"{base} till och med {day} {MONTH_NAMES[month - 1]} {year}"


_UNTIL = re.compile(r"\bUNTIL=(\d{4})(\d{2})(\d{2})", re.IGNORECASE)


def _describe(rrule: str) -> str:
    try:
        parts = dict(part.split("=", 1) for part in rrule.strip().removeprefix("RRULE:").split(";") if "=" in part)
        freq = parts.get("FREQ", "").upper()
        interval = int(parts.get("INTERVAL", "1") or "1")
        months = sorted(set(_ints(parts.get("BYMONTH", ""))))
        monthdays = _ints(parts.get("BYMONTHDAY", ""))
        days = [d[-2:] for d in parts.get("BYDAY", "").split(",") if d[-2:] in _DAY_NAMES_SV]
    except ValueError:
        return "återkommande"
    months = [m for m in months if 1 <= m <= 12]
    month_words = [MONTH_NAMES[m - 1] for m in months]
    not_july = months == list(NOT_JULY)
    if freq == "YEARLY":
        if len(months) <= 1:
            month = month_words[0] if month_words else ""
            base = "årligen" if interval <= 1 else _every(interval, "år", neuter=True)
            day = monthdays[0] if len(monthdays) == 1 else -1
            last = calendar.monthrange(2001, months[0])[1] if months else 31
            if month and 0 < day < last:
                return f"{base} den {day} {month}"
            return f"{base} i {month}" if month else base
        if months == [3, 6, 9, 12]:
            return "kvartalsvis"
        count = len(months)
        count_word = _COUNT_WORDS[count] if count < len(_COUNT_WORDS) else str(count)
        return f"{count_word} gånger per år ({_join_sv(month_words)})"
    if freq == "MONTHLY":
        base = _every(interval, "månad")
        if monthdays == [15, -1]:
            base = "två gånger per månad"
        elif len(monthdays) == 1 and monthdays[0] > 0:
            base = f"{base} den {monthdays[0]}"
        return f"{base} utom juli" if not_july else base
    if freq == "WEEKLY":
        if len(days) == 1:
            base = _every(interval, _DAY_NAMES_SV[days[0]])
        elif days:
            base = f"{_every(interval, 'vecka')} ({_join_sv([_DAY_NAMES_SV[d] for d in days])})"
        else:
            base = _every(interval, "vecka")
        return f"{base} utom juli" if not_july else base
    if freq == "DAILY":
        return "varje vardag" if days and "SA" not in days and "SU" not in days else "varje dag"
    return "återkommande"
