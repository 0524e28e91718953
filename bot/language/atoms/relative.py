"""Atoms resolved against the reference date at once: "innevarande år", "nästa termin", "i år",
"mandatperioden 2022-2026", "inom tre veckor", and the starts and ends of terms and school years
("till läsårsstarten 2027", "terminsslutet").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from bot.language.atoms.atom import AE, YEAR, YEAR_END, A, Atom, Builder, L, R, rx, year2
from bot.language.atoms.intervals import (
    after_duration,
    autumn_of,
    relative_period,
    schoolyear_containing,
    spring_of,
    term_containing,
)
from bot.language.dates import Interval, safe_date
from bot.language.months import DAY_NAMES, NUMBER_WORDS, WEEKDAY_NAMES, number_value
from bot.language.normalize import MatchText

__all__ = ["scan_relatives"]

_UNIT = (
    rf"(?P<unit>{A}r(?:et)?|l{AE}s{A}r(?:et)?|termin(?:en)?|kvartal(?:et)?|m{A}nad(?:en)?|vecka|veckan"
    rf"|tertial(?:et)?|halv{A}r(?:et)?|verksamhets{A}r(?:et)?|budget{A}r(?:et)?|kalender{A}r(?:et)?"
    r"|mandatperiod(?:en)?)"
)
_RELATIVE = rx(
    r"(?<![^\W_])(?P<mod>innevarande|detta|denna|nuvarande|pagaende|aktuellt|aktuella|nasta|nista|kommande"
    rf"|nastkommande|f[oe]ljande|paf[oe]ljande|efterf[oe]ljande)\s+{_UNIT}{R}"
)
_THIS = frozenset({"innevarande", "detta", "denna", "nuvarande", "pagaende", "aktuellt", "aktuella"})
_BARE_UNIT = rx(
    rf"{L}(?P<unit>{A}ret|terminen|l{AE}s{A}ret|kvartalet|m{A}naden|veckan|tertialet|halv{A}ret"
    rf"|mandatperioden){R}"
)
# "i år", but not "i år 2" (a school year group) and not "1 år" (one year).
_THIS_YEAR = rx(rf"{L}i\s+ar{R}(?!\s*\d)")
_YEAR_OUT = rx(rf"{L}(?:{A}ret\s+ut|(?:resten|{A}terstoden)\s+av\s+{A}ret){R}")
_MANDATE = rx(rf"{L}mandatperiod(?:en)?\s+(?P<y1>{YEAR})\s*-\s*(?P<y2>{YEAR}|\d\d){YEAR_END}")
_DURATION = rx(
    rf"{L}inom\s+(?:loppet\s+av\s+)?(?P<n>{NUMBER_WORDS})\s+"
    rf"(?P<u>arbetsdagar|dagar|dag|veckor|vecka|m{A}nader|m{A}nad|{A}r|halv{A}r){R}"
)
_SCHOOL_POINT = rx(
    rf"{L}(?P<p>terminsstart(?:en)?|terminsslut(?:et)?|l{AE}s{A}rsstart(?:en)?|l{AE}s{A}rsslut(?:et)?"
    r"|skolstart(?:en)?|skolavslutning(?:en)?|terminens\s+(?:start|slut)"
    rf"|l{AE}s{A}rets\s+(?:start|slut)){R}"
    # "läsårsstarten 2027", "terminsstarten hösten 2027", "läsårsslutet 2026/27": the year is part of it.
    rf"(?:\s+(?:(?P<s>h[oe]sten|ht|v{A}ren|vt)\s+)?(?P<y>{YEAR})(?:\s*/\s*(?P<y2>{YEAR}|\d\d))?{YEAR_END})?"
)


# A weekday said alone ("på fredag", "senast på måndag", "till nästa tisdag"), not one before a date ("måndag
# 18 juni", read with the date), and the days counted from today ("i morgon", "i övermorgon", "i dag").
_WEEKDAY = rx(rf"{L}(?:(?P<next>nasta|kommande)\s+)?(?P<wd>{DAY_NAMES}){R}(?!(?:en)?,?\s+(?:den\s+)?\d)")
_DAYS_FROM_TODAY = rx(rf"{L}(?P<w>i\s*morgon|i\s*[oe]vermorgon|i\s*dag|idag){R}")


def _weekday(ref: date, weekday: int, next_week: bool) -> Interval:
    """The next such weekday after `ref`; "nästa fredag" is the Friday of the week after `ref`'s week."""
    if next_week:
        day = ref + timedelta(days=7 - ref.weekday() + weekday)
    else:
        day = ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    return Interval(day, day)


def _fold_unit(unit: str) -> str:
    """Undo the OCR letter swaps the unit patterns allow ("dret", "lisaret")."""
    return unit.replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")


def scan_relatives(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for m in _RELATIVE.finditer(text):
        mod = m["mod"]
        offset = 0 if mod in _THIS else 1
        iv = relative_period(_fold_unit(m["unit"]), ref, offset)
        if iv is None:
            continue
        confidence = 0.7 if mod == "kommande" else 0.85
        yield Atom(m.start(), m.end(), "relative", _const(iv), fixed=iv, confidence=confidence)
    for m in _BARE_UNIT.finditer(text):
        iv = relative_period(_fold_unit(m["unit"]), ref, 0)
        if iv is not None:
            yield Atom(m.start(), m.end(), "relative", _const(iv), fixed=iv, needs_context=True, confidence=0.8)
    for pattern in (_THIS_YEAR, _YEAR_OUT):
        for m in pattern.finditer(text):
            iv = relative_period("ar", ref, 0)
            if iv is not None:
                yield Atom(m.start(), m.end(), "relative", _const(iv), fixed=iv, confidence=0.85)
    for m in _MANDATE.finditer(text):
        first, second = int(m["y1"]), year2(m["y2"])
        begin, end = safe_date(first, 10, 15), safe_date(second, 10, 14)
        if second == first + 4 and begin and end:
            iv = Interval(begin, end)
            yield Atom(m.start(), m.end(), "relative", _const(iv), fixed=iv, confidence=0.75)
    for m in _DURATION.finditer(text):
        n = number_value(m["n"])
        if n is None or n <= 0:
            continue
        iv = after_duration(ref, n, _fold_unit(m["u"]))
        if iv is not None:
            yield Atom(m.start(), m.end(), "duration", _const(iv), fixed=iv, confidence=0.6, note="relative")
    for m in _WEEKDAY.finditer(text):
        iv = _weekday(ref, WEEKDAY_NAMES.index(m["wd"]), m["next"] is not None)
        # Alone a weekday is a date only after a preposition ("på fredag"); "nästa fredag" is one by itself.
        yield Atom(
            m.start(), m.end(), "relative", _const(iv), fixed=iv, needs_context=m["next"] is None, confidence=0.8
        )
    for m in _DAYS_FROM_TODAY.finditer(text):
        word = m["w"].replace(" ", "")
        if word == "idag" and not field:
            continue  # "görs redan i dag" in running text tells what is done now; typed, "i dag" is today
        days = 0 if word.endswith("dag") else 2 if "vermorgon" in word else 1
        day = ref + timedelta(days=days)
        iv = Interval(day, day)
        yield Atom(m.start(), m.end(), "relative", _const(iv), fixed=iv, confidence=0.85, note="relative")
    for m in _SCHOOL_POINT.finditer(text):
        word = _fold_unit(m["p"])
        if m["y"]:
            iv = _school_point_in(word, m["s"], int(m["y"]), year2(m["y2"]) if m["y2"] else None)
        else:
            iv = _school_point(word, ref)
        if iv is not None:
            # A start is a convention (see `_school_point_in`), and the reader is told so.
            note = None if _is_school_end(word) else "school_start"
            yield Atom(m.start(), m.end(), "school", _const(iv), fixed=iv, confidence=0.65, point=True, note=note)


def _is_school_end(word: str) -> bool:
    return "slut" in word or "avslutning" in word


def _school_point_in(word: str, season: str | None, year: int, second: int | None) -> Interval | None:
    """A start or end of a term or school year named with its year ("läsårsstarten 2027").

    Each huvudman sets its own first and last school days; the law only says that
    the school year begins in August and ends in June. Without the committee's
    calendar a start is the earliest day it can be (1 August, 1 January), so
    "till läsårsstarten 2027" is never after the real start; an end is the last
    day of the term (30 June, 31 December). A term without "hösten"/"våren"
    ("terminsstarten 2027") could be either and is not read at all, rather than
    losing its year.
    """
    if second is not None and second != year + 1:
        return None
    autumn = None if season is None else season.startswith("h")
    end = _is_school_end(word)
    if word.startswith("termin"):
        if autumn is None:
            return None
    elif autumn is None:
        autumn = not end  # the school year starts in the autumn and ends in the spring
    elif autumn == end:
        return None  # "läsårsstarten våren 2027": no school year starts in the spring
    if second is not None:
        year = year if autumn else second  # "2026/27": its autumn is 2026, its spring 2027
    term = autumn_of(year) if autumn else spring_of(year)
    if term is None:
        return None
    day = term.end if end else term.start
    return Interval(day, day, day) if end else Interval(day, day)


def _school_point(word: str, ref: date) -> Interval | None:
    """Term and school-year starts and ends as single days, the next one after `ref`."""
    if _is_school_end(word):
        if word.startswith("termin"):
            term = term_containing(ref, 0)
            end = term.end if term else None
        else:
            sy = schoolyear_containing(ref, 0)
            end = sy.end if sy else None
        return Interval(end, end, end) if end else None
    if word.startswith("termin"):
        term = term_containing(ref, 0)
        if term is not None and term.start < ref:
            term = term_containing(ref, 1)
        start = term.start if term else None
    else:
        start = safe_date(ref.year, 8, 1)
        if start is not None and start < ref:
            start = safe_date(ref.year + 1, 8, 1)
    return Interval(start, start) if start else None


def _const(iv: Interval) -> Builder:
    return lambda _year: iv
