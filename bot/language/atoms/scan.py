"""Scanning folded text for atoms (every scanner, longest wins), the year an atom falls in, and the
gaps that join atoms into lists ("mars och september") and ranges ("januari-mars").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from bot.language.atoms.atom import A, Atom, Scanner, in_calendar, rx
from bot.language.atoms.calendar import scan_day_months, scan_months, scan_numeric_dates, scan_weeks, scan_years
from bot.language.atoms.relative import scan_relatives
from bot.language.atoms.year_parts import scan_holidays, scan_parts_of_year, scan_schoolyears, scan_seasons, scan_turns
from bot.language.dates import Interval
from bot.language.normalize import MatchText

__all__ = ["LIST_SEP", "RANGE_SEP", "list_gap", "occurrence", "range_gap", "scan_atoms", "select_longest"]

T = TypeVar("T")

# In this order: where two atoms cover the same stretch, the one found first is kept.
_SCANNERS: tuple[Scanner, ...] = (
    scan_numeric_dates,
    scan_day_months,
    scan_months,
    scan_seasons,
    scan_schoolyears,
    scan_parts_of_year,
    scan_turns,
    scan_holidays,
    scan_weeks,
    scan_years,
    scan_relatives,
)


def select_longest(items: list[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Non-overlapping items, longest first, returned in text order."""
    # Chosen spans are kept sorted by start; being disjoint, they are sorted by end too,
    # so each candidate only needs a look at its two neighbours.
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[tuple[int, T]] = []
    for item in sorted(items, key=lambda it: (span(it)[0] - span(it)[1], span(it)[0])):
        s, e = span(item)
        if e <= s:
            continue
        i = bisect_right(starts, s)
        if i > 0 and ends[i - 1] > s:
            continue
        if i < len(starts) and starts[i] < e:
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        chosen.append((s, item))
    chosen.sort(key=lambda pair: pair[0])
    return [item for _, item in chosen]


def scan_atoms(mt: MatchText, reference: date, *, field: bool = False) -> list[Atom]:
    """Every time expression in the folded text: non-overlapping, longest wins, in order.

    `field` is True when the whole text is a deadline field: then abbreviations
    such as "dec" are months even without a year.
    """
    found: list[Atom] = []
    for scan in _SCANNERS:
        found.extend(scan(mt, reference, field))
    return select_longest(found, lambda a: (a.start, a.end))


def occurrence(atom: Atom, reference: date, key: Callable[[Interval], date | None]) -> Interval | None:
    """The atom's interval: the written year, else the first one whose `key` is on or after `reference`."""
    if atom.fixed is not None:
        return atom.fixed
    if atom.year is not None:
        return atom.build(atom.year)
    for year in range(reference.year - 1, reference.year + 3):
        if not in_calendar(year):
            continue
        iv = atom.build(year)
        if iv is None:
            continue
        k = key(iv)
        if k is not None and k >= reference:
            return iv
    return None


# --------------------------------------------------------------------------- #
# Joining atoms
# --------------------------------------------------------------------------- #

# Between list items: "mars och september", "mars, juni och i september", "våren samt hösten".
LIST_SEP = rx(
    r"\s*(?:[,;]\s*)?(?:(?:och|samt|respektive|resp\.?|&)\s+)?"
    rf"(?:(?:i|under|vid|p{A}|den|senast(?:\s+i|\s+den)?)\s+)?"
)
_CONJUNCTION = rx(r"[,;&]|\b(?:och|samt|respektive|resp)\b")
# Between the ends of a range: "januari-mars", "v. 12 till v. 14", "fr.o.m. X t.o.m. Y".
RANGE_SEP = rx(r"\s*(?:-{1,2}|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|till|tills)\s*(?:(?:den|i)\s+)?")


def list_gap(gap: str) -> bool:
    """True if `gap` (folded text between two atoms) joins list items."""
    return bool(LIST_SEP.fullmatch(gap)) and bool(_CONJUNCTION.search(gap))


def range_gap(gap: str) -> bool:
    """True if `gap` (folded text between two atoms) joins the two ends of a range."""
    return bool(RANGE_SEP.fullmatch(gap))
