"""What a season word means depends on when it is said.

The atoms give a season's stretch in a given year (`atoms`); the year is
picked in `chains.py`. Two readings depend on the reference date itself, and
are kept here so that they are stated once (the table in `periods.py` gives the
reasons):

- In the summer (midsommarafton to 31 August, as `season_summer` counts it),
  "till/innan/inför hösten" means "by the time the autumn's work begins", which
  is when the summer is over: 31 August. Before the summer the convention stands
  (the day before 1 August).
- A season or term typed in its own last month ("under hösten" in December,
  "under våren" in June) is the next one: what is left of the current one is
  a few weeks around a holiday, and someone who means them says "före jul",
  "innan sommaren" or names the month. Only for what a person types now
  (`typed`); a document's date comes after it was written, so a document's
  "under hösten" dated in December stays that autumn.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.language.atoms import Atom
from bot.language.dates import Interval, safe_date, season_summer

__all__ = ["AUTUMN", "as_said", "nearly_over"]

AUTUMN = "autumn"
_BEFORE_MODES = ("before", "till")


def as_said(atom: Atom, mode: str, vague: str | None, reference: date) -> Atom:
    """`atom` with "till/innan/inför hösten" said in the summer fixed to the end of that summer."""
    if (
        atom.season != AUTUMN
        or atom.kind != "season"  # "höstterminen" is the school's term: it may start in mid-August
        or atom.year is not None
        or atom.fixed is not None
        or mode not in _BEFORE_MODES
        or vague is not None
    ):
        return atom
    summer = season_summer(reference.year)
    if summer is None or not summer.start <= reference <= summer.end:
        return atom
    autumn = atom.build(reference.year)
    if autumn is None:
        return atom
    return replace(atom, fixed=Interval(autumn.start, autumn.end, summer.end))


def nearly_over(atom: Atom, iv: Interval, mode: str, vague: str | None, reference: date) -> bool:
    """True if `iv`, the season `atom` names, is in its last month at `reference` and the phrase asks for its end."""
    if atom.season is None or atom.year is not None or atom.fixed is not None:
        return False
    if mode in _BEFORE_MODES or vague is not None:
        return False  # "innan hösten", "i slutet av hösten": the reading already fits the date
    last_month = safe_date(iv.end.year, iv.end.month, 1)
    return last_month is not None and last_month <= reference <= iv.end
