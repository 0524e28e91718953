"""Atoms of the calendar's own units: dates ("2023-05-15", "15 maj", "15/5"), months ("april 2023"),
weeks ("vecka 12", "v. 12-14") and years ("under 2021", "verksamhetsåret 2024").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from bot.language.atoms.atom import AE, YEAR, YEAR_END, A, Atom, L, R, rx, year2
from bot.language.atoms.intervals import (
    day_builder,
    days_builder,
    month_builder,
    week_builder,
    weeks_builder,
    year_builder,
)
from bot.language.months import DAY_NAMES, DAY_ORDINALS, MONTH_ANY, MONTH_FULL, month_number, ordinal_value
from bot.language.normalize import MatchText

__all__ = ["month_atom", "scan_day_months", "scan_months", "scan_numeric_dates", "scan_weeks", "scan_years"]

_ISO = rx(rf"(?<![\d,/-]){L}(?P<y>{YEAR})(?P<s>[-./])(?P<m>\d{{1,2}})(?P=s)(?P<d>\d{{1,2}})(?![^\W_]|[.,/-]\d)")
_DMY = rx(rf"(?<![\w.,/-])(?P<d>\d{{1,2}})(?P<s>[./])(?P<m>\d{{1,2}})(?P=s)(?P<y>{YEAR}){YEAR_END}")
_DM_Y = rx(
    rf"(?<![\w.,/-])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
    rf"(?:\s*-\s*(?P<yy>\d\d)(?![^\W_]|[.,/-]\d)|(?:[ \t]+-?[ \t]*|-[ \t]*)(?P<y>{YEAR}){YEAR_END})"
)
_DM = rx(
    rf"(?<![\w.,/-])(?:(?P<wd>{DAY_NAMES})(?:en)?,?\s+)?(?:(?P<den>den)\s+)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
    # a time of day after it: "27/2 14:00", "27/2 kl. 9"
    rf"(?![^\W_]|[.,/-]\d)(?P<clock>\s+(?:kl\.?\s*)?\d{{1,2}}[:.]\d\d\b|\s+kl\.?\s*\d{{1,2}}\b)?"
)
# A meeting's day written as a protocol writes it, year, month and day in six digits: "vid nästa styrelsemöte,
# 201116", "ett extra möte 210621". Only after a meeting's name: six digits elsewhere are numbers of anything.
_MEETING_YYMMDD = rx(
    r"(?:mote[nt]?|sammantrade[nt]?|motesdatum|sammantradesdatum|datum)\s*[,:]?\s*(?:den\s+)?"
    r"(?<![\d-])(?P<y>\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![^\W_]|[.,/-]\d)"
)
_MEETING_YEARS_AWAY = 3


def _date_atom(m: re.Match[str], year: int | None, month: int, day: int, *, needs_context: bool) -> Atom | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    build = day_builder(month, day)
    if year is not None and build(year) is None:
        return None
    if year is None and build(2000) is None:  # 2000 is a leap year: "29 februari" exists somewhere
        return None
    return Atom(
        m.start(),
        m.end(),
        "date",
        build,
        year=year,
        needs_context=needs_context,
        confidence=0.97 if year is not None else 0.85,
        months=(month,),
        day=day,
        month=month,
    )


def scan_numeric_dates(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for m in _ISO.finditer(text):
        atom = _date_atom(m, int(m["y"]), int(m["m"]), int(m["d"]), needs_context=False)
        if atom:
            yield atom
    for m in _DMY.finditer(text):
        atom = _date_atom(m, int(m["y"]), int(m["m"]), int(m["d"]), needs_context=False)
        if atom:
            yield atom
    for m in _DM_Y.finditer(text):
        year = int(m["y"]) if m["y"] else year2(m["yy"])
        atom = _date_atom(m, year, int(m["m"]), int(m["d"]), needs_context=False)
        if atom:
            yield atom
    for m in _MEETING_YYMMDD.finditer(text):
        year = year2(m["y"])
        atom = _date_atom(m, year, int(m["m"]), int(m["d"]), needs_context=False)
        if atom is not None and abs(year - ref.year) <= _MEETING_YEARS_AWAY:
            yield replace(atom, start=m.start("y"), confidence=0.8)
    for m in _DM.finditer(text):
        # "3/4" alone is as likely a fraction as a date: only after a preposition, a weekday or "den" ("måndag
        # 20/3", "den 27/2"), or before a time of day ("27/2 14:00").
        alone = m["wd"] is None and m["den"] is None and m["clock"] is None
        atom = _date_atom(m, None, int(m["m"]), int(m["d"]), needs_context=alone)
        if atom:
            yield replace(atom, end=m.end("m"), confidence=0.75)


# A limit that makes an ordinal word a day without "den" before it: "senast första mars", "före tredje juni".
_LIMIT_BEFORE = re.compile(r"\b(?:senast|f[oe]re|innan|till|fram\s+till)\s+$")
# "den 30 september–4 oktober": the dash after a month's name opens the range's second day.
_AFTER_MONTH_DASH = "|".join(
    f"(?<={name}-)"
    for name in (
        *("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober"),
        *("november", "december"),
    )
)
_DAY_MONTH = rx(
    rf"(?:(?<![\w.,/-])|{_AFTER_MONTH_DASH})(?:(?P<wd>{DAY_NAMES})(?:en)?,?\s+)?(?:(?P<den>den)\s+)?"
    rf"(?:(?P<d>\d{{1,2}})(?::?[ae])?(?:\s*-\s*(?P<d2>\d{{1,2}})(?::?[ae])?)?\s*|(?P<dw>{DAY_ORDINALS})\s+)"
    rf"(?P<mon>{MONTH_ANY})(?:,?\s+(?P<y>{YEAR}){YEAR_END})?"
)


def scan_day_months(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _DAY_MONTH.finditer(mt.folded):
        month = month_number(m["mon"])
        if month is None:
            continue
        year = int(m["y"]) if m["y"] else None
        if m["dw"] and not m["den"] and not _LIMIT_BEFORE.search(mt.folded, 0, m.start()):
            continue  # "andra", "femte" are words of their own: a day only as "den femte maj", "senast första mars"
        day = ordinal_value(m["dw"]) if m["dw"] else int(m["d"])
        atom = _date_atom(m, year, month, day, needs_context=False) if day is not None else None
        if atom is None:
            continue
        if m["d2"]:
            first_day, last_day = int(m["d"]), int(m["d2"])
            if _date_atom(m, year, month, last_day, needs_context=False) is None or last_day <= first_day:
                continue
            yield replace(atom, build=days_builder(month, first_day, last_day), is_range=True, day=last_day)
            continue
        # Only a full month name: "i jan" is not how anyone writes "i januari".
        day_one = (
            m["d"] in ("1", "01")
            and not m["den"]
            and not m["wd"]
            and year is None
            and bool(_FULL_MONTH.fullmatch(m["mon"]))
        )
        yield replace(atom, day_one=day_one)


_MONTH_YEAR = rx(
    rf"{L}(?P<mon>{MONTH_ANY})(?:\s+m{A}nad(?:en)?{R})?"
    rf"(?:(?:\s*[,-]\s*|\s+(?:{A}r\s+)?)(?P<y>{YEAR}){YEAR_END})?"
)
_FULL_MONTH = rx(MONTH_FULL)
# Words before "jul" that make it Christmas even with a year after it.
_CHRISTMAS_WORDS = rx(r"(?:till|innan|f[oe]re|inf[oe]r|efter|kommande|n[ai]sta|vid|under|i\s+god\s+tid\s+f[oe]re)\s+$")


def month_atom(start: int, end: int, month: int, year: int | None, confidence: float) -> Atom:
    """An atom for a whole month ("april", "april 2023")."""
    return Atom(
        start,
        end,
        "month",
        month_builder(month),
        year=year,
        needs_context=year is None,
        confidence=confidence,
        months=(month,),
        month=month,
    )


def scan_months(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _MONTH_YEAR.finditer(mt.folded):
        month = month_number(m["mon"])
        if month is None:
            continue
        year = int(m["y"]) if m["y"] else None
        abbreviated = not _FULL_MONTH.fullmatch(m["mon"])
        # "mar" (folded "mår") and "jul" (Christmas) alone are other words; a field may say "dec".
        if year is None and abbreviated and (not field or month == 7):
            continue
        if month == 7 and abbreviated and _CHRISTMAS_WORDS.search(mt.folded, max(0, m.start() - 12), m.start()):
            continue  # "till jul 2021", "kommande jul": Christmas, not July

        yield month_atom(m.start(), m.end(), month, year, 0.9 if year is not None else 0.8)


_WEEK = rx(
    rf"{L}(?:vecka|veckan|veckorna|v\.?)\s*(?P<w>\d{{1,2}})(?:\s*-\s*(?P<w2>\d{{1,2}}))?(?![^\W_]|[.,/]\d)"
    rf"(?:,?\s+(?:{A}r\s+)?(?P<y>{YEAR}){YEAR_END})?"
)


# "veckorna 24, 28 och 32", "vecka 11 eller 12": more weeks named by their numbers alone after the first.
_MORE_WEEKS = re.compile(
    r"(?:\s*,\s*|\s+(?:och|samt|eller)\s+)(?P<w>\d{1,2})(?![^\W_]|[.,/:]\d|\s*(?:%|procent|st\b|kr\b))"
)


def scan_weeks(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _WEEK.finditer(mt.folded):
        if not m["w2"] and not m["y"]:
            yield from _more_weeks(mt.folded, m.end())
        week = int(m["w"])
        if not 1 <= week <= 53:
            continue
        year = int(m["y"]) if m["y"] else None
        build = week_builder(week)
        is_range = False
        if m["w2"]:
            last = int(m["w2"])
            if not week < last <= 53:
                continue
            build = weeks_builder(week, last)
            is_range = True
        if year is not None and build(year) is None:
            continue
        yield Atom(
            m.start(),
            m.end(),
            "week",
            build,
            year=year,
            confidence=0.9 if year is not None else 0.8,
            is_range=is_range,
        )


# A bare year, but not "2023/BUN", "2023-05", "2023,5", "2000-talet" or "2023 års budget".
_YEAR_ATOM = rx(
    # "under2022", "senast2022": a space lost after the preposition
    rf"(?<![/])(?<!\d[.,:])(?:{L}|(?<=\bunder)|(?<=\bsenast))(?:{A}r\s+)?(?P<y>{YEAR})"
    rf"(?![^\W_]|[.,:]\d|/|-\d\d?(?!\d)|-tal|\s+{A}rs{R})"
)
# "2023-12": a month, after a preposition or in a field.
_YEAR_MONTH = rx(rf"(?<![\d,/-]){L}(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])(?![^\W_]|[.,/-]\d)")
_LABELLED_YEAR = rx(rf"{L}(?:verksamhets|kalender|budget|r{AE}kenskaps){A}r(?:et)?\s+(?P<y>{YEAR}){YEAR_END}")


def scan_years(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for m in _YEAR_ATOM.finditer(text):
        yield Atom(
            m.start(),
            m.end(),
            "year",
            year_builder,
            year=int(m["y"]),
            needs_context=True,
            confidence=0.9,
            months=(12,),
        )
    for m in _YEAR_MONTH.finditer(text):
        atom = month_atom(m.start(), m.end(), int(m["m"]), int(m["y"]), 0.85)
        yield replace(atom, needs_context=True)
    for m in _LABELLED_YEAR.finditer(text):
        yield Atom(m.start(), m.end(), "year", year_builder, year=int(m["y"]), confidence=0.9, months=(12,))


def _more_weeks(text: str, at: int) -> Iterator[Atom]:
    """The weeks listed by number after "vecka 24": "…, 28 och 32" (a list the chain joins)."""
    while (m := _MORE_WEEKS.match(text, at)) is not None:
        week = int(m["w"])
        if not 1 <= week <= 53:
            return
        yield Atom(m.start("w"), m.end("w"), "week", week_builder(week), confidence=0.75)
        at = m.end()
