"""Time expressions without their prepositions: the atoms of the deadline grammar.

An atom is "april 2023", "hösten", "vecka 12", "läsåret 2023/24", "15 maj",
"innevarande år" ... with the span it covers and a way to turn it into an
`Interval` for a given year. `chains.py` adds the prepositions ("senast i",
"innan", "mellan ... och"), joins atoms into lists and ranges, and picks the
year when none is written.

Every pattern runs over text folded by `normalize.match_text`, so it sees lower
case, å/ä as "a", ö as "o" and OCR digit look-alikes already read as letters; the
patterns also accept OCR's "i" for "ä", "d" for "å" and "é" (folded "e") for "ö".
Patterns are anchored on literal words or digits and use no nested repetition,
so they stay linear on any input.

Conventions (as in `periods.py`):

- våren / vårterminen / vt = 1 January-30 June; hösten / höstterminen / ht =
  1 August-31 December; läsåret = 1 August-30 June.
- sommaren = midsommarafton-31 August; "innan sommaren" is the last working day
  before midsommarafton. vintern Y = 1 December Y-1 to the end of February Y.
- a week ends on its last working day.
- årsskiftet Y = 31 December Y (also "innan årsskiftet"); halvårsskiftet = 30 June.
- jul = 24-26 December, "innan jul" = 23 December; påsk = långfredagen-annandag
  påsk, "innan påsk" = skärtorsdagen; midsommar = midsommarafton-midsommardagen.
- mandatperioden runs from 15 October of an election year (2022, 2026, ...) to
  14 October four years later.
- läsårsstarten / skolstarten Y = 1 August Y, the earliest day a school year
  may begin ("till läsårsstarten 2027" = 31 July 2027, note "school_start");
  läsårsslutet Y = 30 June Y. A term's start or end with a year needs "hösten"
  or "våren" ("terminsstarten hösten 2027"); without it the phrase is not read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

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
    season_summer,
)
from bot.language.months import (
    DAY_NAMES,
    MONTH_ANY,
    MONTH_FULL,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    month_number,
    number_value,
    ordinal_value,
)
from bot.language.normalize import MatchText
from bot.language.workdays import is_working_day, last_working_day_on_or_before

__all__ = [
    "LIST_SEP",
    "RANGE_SEP",
    "Atom",
    "list_gap",
    "month_atom",
    "occurrence",
    "range_gap",
    "scan_atoms",
    "select_longest",
]

Builder = Callable[[int], Interval | None]
T = TypeVar("T")


@dataclass(frozen=True)
class Atom:
    """One time expression in the text, before prepositions are applied."""

    start: int
    end: int
    kind: str  # "date", "month", "year", "season", "term", "schoolyear", "quarter", "tertial",
    # "half", "week", "turn", "holiday", "relative", "duration", "school"
    build: Builder  # the interval "in" a given year; None if that year has no such thing
    year: int | None = None  # the year written in the text
    needs_context: bool = False  # only a time expression after a preposition ("i april")
    confidence: float = 0.9
    point: bool = False  # a moment rather than a stretch: "till X" means before it
    fixed: Interval | None = None  # resolved already, relative to the reference date
    is_range: bool = False  # "v. 12-14", "15-20 maj": a range on its own
    months: tuple[int, ...] = ()  # where a yearly rhythm anchored here falls ("årligen i december")
    day: int = -1  # day of month for such an anchor; -1 = the month's last day
    day_one: bool = False  # "1 april" without "den" or a year: maybe an OCR'd "i april"
    month: int | None = None
    note: str | None = None
    season: str | None = None  # "spring", "summer", "autumn" or "winter" for a season or term word


# --------------------------------------------------------------------------- #
# Regex fragments
# --------------------------------------------------------------------------- #

_L = r"\b(?<![^\W_])"  # starts a word; "\b" first because it fails fast inside runs of spaces
_R = r"(?![^\W_])"  # not followed by a letter or digit
_YEAR = r"(?:19|20)\d\d"
# A year is not followed by more digits, "/24", "-05-15" or a decimal part.
_YEAR_END = r"(?![^\W_]|[.,/-]\d)"
_A = r"[ad]"  # "å" after folding, or OCR's "d" for it
_AE = r"[ai]"  # "ä" after folding, or OCR's "i" for it


def _rx(pattern: str) -> re.Pattern[str]:
    # The text is folded to lower case already; IGNORECASE would only slow the scan.
    return re.compile(pattern)


def _year2(text: str) -> int:
    value = int(text)
    return value if value >= 100 else 2000 + value


def _in_calendar(year: int) -> bool:
    return 1 <= year <= 9999


# --------------------------------------------------------------------------- #
# Builders
# --------------------------------------------------------------------------- #


def _day_builder(month: int, day: int) -> Builder:
    def build(year: int) -> Interval | None:
        d = safe_date(year, month, day)
        return Interval(d, d) if d else None

    return build


def _month_builder(month: int) -> Builder:
    return lambda year: months_interval(year, month, 1)


def _year_builder(year: int) -> Interval | None:
    return months_interval(year, 1, 12)


def _spring(year: int) -> Interval | None:
    return months_interval(year, 1, 6)


def _autumn(year: int) -> Interval | None:
    return months_interval(year, 8, 5)


def _winter(year: int) -> Interval | None:
    start = safe_date(year - 1, 12, 1)
    end = month_end(year, 2)
    return Interval(start, end) if start and end else None


def _schoolyear(year: int) -> Interval | None:
    """Läsåret that ends in `year` (1 August year-1 to 30 June year)."""
    start = safe_date(year - 1, 8, 1)
    end = safe_date(year, 6, 30)
    return Interval(start, end) if start and end else None


def _turn_builder(month: int) -> Builder:
    def build(year: int) -> Interval | None:
        d = month_end(year, month)
        return Interval(d, d, d) if d else None

    return build


def _christmas(year: int) -> Interval | None:
    start, end, before = safe_date(year, 12, 24), safe_date(year, 12, 26), safe_date(year, 12, 23)
    return Interval(start, end, before) if start and end else None


def _easter(year: int) -> Interval | None:
    sunday = easter_sunday(year)
    if sunday is None:
        return None
    start, end, before = add_days(sunday, -2), add_days(sunday, 1), add_days(sunday, -3)
    return Interval(start, end, before) if start and end else None


def _midsummer(year: int) -> Interval | None:
    eve = safe_midsummer_eve(year)
    if eve is None:
        return None
    day, before = add_days(eve, 1), add_days(eve, -1)
    if day is None or before is None:
        return None
    return Interval(eve, day, last_working_day_on_or_before(before))


def _week_builder(week: int) -> Builder:
    return lambda year: iso_week(year, week)


def _weeks_builder(first: int, last: int) -> Builder:
    def build(year: int) -> Interval | None:
        a, b = iso_week(year, first), iso_week(year, last)
        return Interval(a.start, b.end) if a and b else None

    return build


def _days_builder(month: int, first: int, last: int) -> Builder:
    def build(year: int) -> Interval | None:
        a, b = safe_date(year, month, first), safe_date(year, month, last)
        return Interval(a, b) if a and b else None

    return build


def _months_builder(first: int, count: int) -> Builder:
    return lambda year: months_interval(year, first, count)


# --------------------------------------------------------------------------- #
# Relative periods (resolved against the reference date at once)
# --------------------------------------------------------------------------- #


def _term_containing(ref: date, offset: int) -> Interval | None:
    """The term holding `ref`, moved `offset` terms on; in July the coming autumn term."""
    # Index terms: 2*year for the spring term, 2*year+1 for the autumn term.
    index = 2 * ref.year + (0 if ref.month <= 6 else 1) + offset
    year, half = divmod(index, 2)
    if not _in_calendar(year):
        return None
    return _autumn(year) if half else _spring(year)


def _schoolyear_containing(ref: date, offset: int) -> Interval | None:
    # In July the coming school year is "this" one.
    end_year = ref.year + 1 if ref.month >= 7 else ref.year
    return _schoolyear(end_year + offset) if _in_calendar(end_year + offset) else None


def _mandate_period(ref: date, offset: int) -> Interval | None:
    # Swedish general elections: 2022, 2026, ... (every fourth year since 1994).
    election = ref.year - ((ref.year - 2) % 4)
    start = safe_date(election, 10, 15)
    if start is not None and ref < start:
        election -= 4
    election += 4 * offset
    begin, end = safe_date(election, 10, 15), safe_date(election + 4, 10, 14)
    return Interval(begin, end) if begin and end else None


def _relative(unit: str, ref: date, offset: int) -> Interval | None:
    """This (offset 0) or next (offset 1) year, term, quarter ... around `ref`."""
    if unit.startswith(("ar", "dr", "verksamhets", "budget", "kalender", "rakenskaps")):
        year = ref.year + offset
        return _year_builder(year) if _in_calendar(year) else None
    if unit.startswith(("las", "lis")):
        return _schoolyear_containing(ref, offset)
    if unit.startswith("termin"):
        return _term_containing(ref, offset)
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


def _duration(ref: date, n: int, unit: str) -> Interval | None:
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


# --------------------------------------------------------------------------- #
# Scanners
# --------------------------------------------------------------------------- #

Scanner = Callable[[MatchText, date, bool], Iterator[Atom]]
_SCANNERS: list[Scanner] = []


def _scanner(fn: Scanner) -> Scanner:
    _SCANNERS.append(fn)
    return fn


_ISO = _rx(rf"(?<![\d,/-]){_L}(?P<y>{_YEAR})(?P<s>[-./])(?P<m>\d{{1,2}})(?P=s)(?P<d>\d{{1,2}})(?![^\W_]|[.,/-]\d)")
_DMY = _rx(rf"(?<![\w.,/-])(?P<d>\d{{1,2}})(?P<s>[./])(?P<m>\d{{1,2}})(?P=s)(?P<y>{_YEAR}){_YEAR_END}")
_DM_Y = _rx(
    rf"(?<![\w.,/-])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
    rf"(?:\s*-\s*(?P<yy>\d\d)(?![^\W_]|[.,/-]\d)|(?:[ \t]+-?[ \t]*|-[ \t]*)(?P<y>{_YEAR}){_YEAR_END})"
)
_DM = _rx(r"(?<![\w.,/-])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![^\W_]|[.,/-]\d)")


def _date_atom(m: re.Match[str], year: int | None, month: int, day: int, *, needs_context: bool) -> Atom | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    build = _day_builder(month, day)
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


@_scanner
def _numeric_dates(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
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
        year = int(m["y"]) if m["y"] else _year2(m["yy"])
        atom = _date_atom(m, year, int(m["m"]), int(m["d"]), needs_context=False)
        if atom:
            yield atom
    for m in _DM.finditer(text):
        # "3/4" alone is as likely a fraction as a date: only after a preposition.
        atom = _date_atom(m, None, int(m["m"]), int(m["d"]), needs_context=True)
        if atom:
            yield replace(atom, confidence=0.75)


_DAY_MONTH = _rx(
    rf"(?<![\w.,/-])(?:(?P<wd>{DAY_NAMES})(?:en)?,?\s+)?(?:(?P<den>den)\s+)?"
    r"(?P<d>\d{1,2})(?::?[ae])?(?:\s*-\s*(?P<d2>\d{1,2})(?::?[ae])?)?\s*"
    rf"(?P<mon>{MONTH_ANY})(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?"
)


@_scanner
def _day_months(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _DAY_MONTH.finditer(mt.folded):
        month = month_number(m["mon"])
        if month is None:
            continue
        year = int(m["y"]) if m["y"] else None
        atom = _date_atom(m, year, month, int(m["d"]), needs_context=False)
        if atom is None:
            continue
        if m["d2"]:
            first_day, last_day = int(m["d"]), int(m["d2"])
            if _date_atom(m, year, month, last_day, needs_context=False) is None or last_day <= first_day:
                continue
            yield replace(atom, build=_days_builder(month, first_day, last_day), is_range=True, day=last_day)
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


_MONTH_YEAR = _rx(
    rf"{_L}(?P<mon>{MONTH_ANY})(?:\s+m{_A}nad(?:en)?{_R})?"
    rf"(?:(?:\s*[,-]\s*|\s+)(?P<y>{_YEAR}){_YEAR_END})?"
)
_FULL_MONTH = _rx(MONTH_FULL)


def month_atom(start: int, end: int, month: int, year: int | None, confidence: float) -> Atom:
    """An atom for a whole month ("april", "april 2023")."""
    return Atom(
        start,
        end,
        "month",
        _month_builder(month),
        year=year,
        needs_context=year is None,
        confidence=confidence,
        months=(month,),
        month=month,
    )


@_scanner
def _months(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _MONTH_YEAR.finditer(mt.folded):
        month = month_number(m["mon"])
        if month is None:
            continue
        year = int(m["y"]) if m["y"] else None
        abbreviated = not _FULL_MONTH.fullmatch(m["mon"])
        # "mar" (folded "mår") and "jul" (Christmas) alone are other words; a field may say "dec".
        if year is None and abbreviated and (not field or month == 7):
            continue
        yield month_atom(m.start(), m.end(), month, year, 0.9 if year is not None else 0.8)


_SEASON = _rx(
    rf"{_L}(?P<s>v{_A}r(?:-\s?)?termin(?:en)?|v{_A}ren|h[oe]st(?:-\s?)?termin(?:en)?|h[oe]sten|h[oe]st"
    r"|sommaren|sommar|vintern|vinter|vt|ht)"
    rf"(?:(?P<sep>\s*-\s*|\s+|(?<=t)(?=\d))(?P<y>{_YEAR}|\d\d)"
    rf"(?:\s*/\s*(?P<y2>{_YEAR}|\d\d))?{_YEAR_END})?{_R}"
)
_THIS_SEASON = _rx(rf"{_L}(?:i|1)\s+(?P<s>v{_A}r|h[oe]st|sommar|vinter){_R}")
# "i vår" is also "in our": only when nothing that could be a noun follows.
_AFTER_I_VAR = _rx(r"\s*(?:[.,;:!?)]|$|och\b|eller\b|samt\b|kommer\b|ska\b|skall\b|\d)")


def _season_kind(word: str) -> tuple[str, Builder, tuple[int, ...], str]:
    """(kind, builder, anchor months, season) for a folded season or term word."""
    term = word in ("vt", "ht") or "termin" in word
    if word == "vt" or word.startswith(("var", "vdr")):
        return ("term" if term else "season"), _spring, (6,), "spring"
    if word == "ht" or word.startswith(("host", "hest")):
        return ("term" if term else "season"), _autumn, (12,), "autumn"
    if word.startswith("sommar"):
        return "season", season_summer, (8,), "summer"
    return "season", _winter, (2,), "winter"


@_scanner
def _seasons(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for m in _SEASON.finditer(text):
        word = re.sub(r"[\s-]", "", m["s"])
        kind, build, months, season = _season_kind(word)
        year: int | None = None
        end = m.end()
        if m["y"]:
            two_digit = len(m["y"]) == 2
            if two_digit and word not in ("vt", "ht") and "-" not in (m["sep"] or ""):
                year = None  # "hösten 21 elever": 21 is not a year
                end = m.end("s")
            else:
                year = _year2(m["y"])
                if m["y2"]:
                    second = _year2(m["y2"])
                    if second != year + 1:
                        end = m.end("y")
                    elif word.startswith("vint"):
                        year = second  # "vintern 2022/2023" ends in February 2023
        elif word in ("vt", "ht", "host", "hest", "sommar", "vinter"):
            continue  # these bare words are too ambiguous without a year
        if year is None and end != m.end("s"):
            end = m.end("s")
        yield Atom(
            m.start(),
            end,
            kind,
            build,
            year=year,
            needs_context=year is None,
            confidence=(0.9 if year is not None else 0.8) * (0.8 if word.startswith("vint") else 1.0),
            point=True,
            months=months,
            season=season,
        )
    for m in _THIS_SEASON.finditer(text):
        word = m["s"]
        if word.startswith("v") and not word.startswith("vint") and not _AFTER_I_VAR.match(text, m.end()):
            continue
        kind, build, months, season = _season_kind(word)
        ocr = text[m.start()] == "1"  # "1 höst": OCR's "1" for "i"
        yield Atom(
            m.start(),
            m.end(),
            kind,
            build,
            confidence=0.6 if ocr else 0.8,
            point=True,
            months=months,
            note="ocr_1_as_i" if ocr else None,
            season=season,
        )


_SCHOOLYEAR = _rx(
    rf"{_L}l{_AE}s(?:-\s?)?{_A}r(?:et|s)?\s+(?P<y1>{_YEAR}|\d\d)\s*[/-]\s*(?P<y2>{_YEAR}|\d\d){_YEAR_END}"
)


@_scanner
def _schoolyears(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _SCHOOLYEAR.finditer(mt.folded):
        first, second = _year2(m["y1"]), _year2(m["y2"])
        if second != first + 1:
            continue
        yield Atom(m.start(), m.end(), "schoolyear", _schoolyear, year=second, months=(6,))


_QUARTER = _rx(
    rf"{_L}(?:(?:q|kv\.?|kvartal)\s*(?P<n>[1-4])|(?P<o>{ORDINAL_WORDS})\s+kvartal(?:et)?){_R}"
    rf"(?:(?:\s+|\s*[-/]\s*)(?P<y>{_YEAR}){_YEAR_END})?"
)
_TERTIAL = _rx(
    rf"{_L}(?:tertial\s*(?P<n>[1-3])|(?P<o>{ORDINAL_WORDS})\s+tertial(?:et)?){_R}"
    rf"(?:\s+(?P<y>{_YEAR}){_YEAR_END})?"
)
_HALF = _rx(
    rf"{_L}(?:(?P<o>{ORDINAL_WORDS})\s+halv{_A}r(?:et)?|halv{_A}r\s*(?P<n>[12])){_R}"
    rf"(?:\s+(?P<y>{_YEAR}){_YEAR_END})?"
)
# "T2 2023", "H1 2024": the short forms are only dates with a year after them.
_SHORT_TERTIAL = _rx(rf"{_L}t(?P<n>[1-3])(?:\s+|\s*[-/]\s*)(?P<y>{_YEAR}){_YEAR_END}")
_SHORT_HALF = _rx(rf"{_L}h(?P<n>[12])(?:\s+|\s*[-/]\s*)(?P<y>{_YEAR}){_YEAR_END}")
_HALF_OF = _rx(
    rf"{_L}(?P<o>f[oe]rsta|andra|senare|tidigare)\s+halvan\s+av\s+(?:(?P<y>{_YEAR}){_YEAR_END}|(?P<aret>{_A}ret){_R})"
)


@_scanner
def _parts_of_year(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for pattern, size, count, kind in (
        (_QUARTER, 3, 4, "quarter"),
        (_TERTIAL, 4, 3, "tertial"),
        (_HALF, 6, 2, "half"),
        (_SHORT_TERTIAL, 4, 3, "tertial"),
        (_SHORT_HALF, 6, 2, "half"),
    ):
        for m in pattern.finditer(text):
            n = int(m["n"]) if m["n"] else ordinal_value(m.groupdict().get("o") or "")
            if n is None or not 1 <= n <= count:
                continue
            year = int(m["y"]) if m["y"] else None
            yield Atom(
                m.start(),
                m.end(),
                kind,
                _months_builder(size * (n - 1) + 1, size),
                year=year,
                confidence=0.9 if year is not None else 0.8,
                months=(size * n,),
            )
    for m in _HALF_OF.finditer(text):
        n = 1 if m["o"].startswith(("f", "tidig")) else 2
        year = int(m["y"]) if m["y"] else ref.year
        yield Atom(
            m.start(),
            m.end(),
            "half",
            _months_builder(6 * (n - 1) + 1, 6),
            year=year,
            confidence=0.8,
            months=(6 * n,),
        )


# "årsskiftet", "halvårsskiftet", and "årets slut/utgång" ("vid årets slut", "innan årets utgång").
_TURN = _rx(
    rf"{_L}(?:(?P<half>halv)?{_A}rs(?:-\s?)?skifte(?:t)?|{_A}rets\s+(?:slut|utg{_A}ng)){_R}"
    rf"(?:\s+(?P<y>{_YEAR})(?:\s*/\s*(?P<y2>{_YEAR}|\d\d))?{_YEAR_END})?"
)
_NEW_YEAR = _rx(rf"{_L}ny{_A}r(?:et|safton)?{_R}(?:\s+(?P<y>{_YEAR}){_YEAR_END})?")


@_scanner
def _turns(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for m in _TURN.finditer(text):
        year = int(m["y"]) if m["y"] else None
        end = m.end()
        if year is not None and m["y2"] and _year2(m["y2"]) != year + 1:
            end = m.end("y")
        month = 6 if m["half"] else 12
        yield Atom(
            m.start(),
            end,
            "turn",
            _turn_builder(month),
            year=year,
            confidence=0.9 if year is not None else 0.85,
            point=True,
            months=(month,),
        )
    for m in _NEW_YEAR.finditer(text):
        year = int(m["y"]) if m["y"] else None
        yield Atom(
            m.start(),
            m.end(),
            "turn",
            _turn_builder(12),
            year=year,
            needs_context=year is None,
            confidence=0.8,
            point=True,
            months=(12,),
        )


_HOLIDAY = _rx(
    rf"{_L}(?P<h>jul(?:en|afton)?|p{_A}sk(?:en)?|midsommar(?:en|afton|helgen)?|sommarlovet"
    rf"|sommaruppeh{_A}llet|sommarledigheten|sommarsemestern|semestern|semesterperioden){_R}"
    rf"(?:\s+(?P<y>{_YEAR}){_YEAR_END})?"
)


@_scanner
def _holidays(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _HOLIDAY.finditer(mt.folded):
        word = m["h"]
        build: Builder
        if word.startswith("jul"):
            build, months = _christmas, (12,)
        elif word.startswith(("pask", "pdsk")):
            build, months = _easter, (4,)
        elif word.startswith("midsommar"):
            build, months = _midsummer, (6,)
        else:
            build, months = season_summer, (8,)
        year = int(m["y"]) if m["y"] else None
        yield Atom(
            m.start(),
            m.end(),
            "holiday",
            build,
            year=year,
            needs_context=year is None,
            confidence=0.8,
            point=True,
            months=months,
        )


_WEEK = _rx(
    rf"{_L}(?:vecka|veckan|v\.?)\s*(?P<w>\d{{1,2}})(?:\s*-\s*(?P<w2>\d{{1,2}}))?(?![^\W_]|[.,/]\d)"
    rf"(?:,?\s+(?:{_A}r\s+)?(?P<y>{_YEAR}){_YEAR_END})?"
)


@_scanner
def _weeks(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _WEEK.finditer(mt.folded):
        week = int(m["w"])
        if not 1 <= week <= 53:
            continue
        year = int(m["y"]) if m["y"] else None
        build = _week_builder(week)
        is_range = False
        if m["w2"]:
            last = int(m["w2"])
            if not week < last <= 53:
                continue
            build = _weeks_builder(week, last)
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
_YEAR_ATOM = _rx(
    rf"(?<![/])(?<!\d[.,:]){_L}(?:{_A}r\s+)?(?P<y>{_YEAR})"
    rf"(?![^\W_]|[.,:]\d|/|-\d\d?(?!\d)|-tal|\s+{_A}rs{_R})"
)
# "2023-12": a month, after a preposition or in a field.
_YEAR_MONTH = _rx(rf"(?<![\d,/-]){_L}(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])(?![^\W_]|[.,/-]\d)")
_LABELLED_YEAR = _rx(rf"{_L}(?:verksamhets|kalender|budget|r{_AE}kenskaps){_A}r(?:et)?\s+(?P<y>{_YEAR}){_YEAR_END}")


@_scanner
def _years(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for m in _YEAR_ATOM.finditer(text):
        yield Atom(
            m.start(),
            m.end(),
            "year",
            _year_builder,
            year=int(m["y"]),
            needs_context=True,
            confidence=0.9,
            months=(12,),
        )
    for m in _YEAR_MONTH.finditer(text):
        atom = month_atom(m.start(), m.end(), int(m["m"]), int(m["y"]), 0.85)
        yield replace(atom, needs_context=True)
    for m in _LABELLED_YEAR.finditer(text):
        yield Atom(m.start(), m.end(), "year", _year_builder, year=int(m["y"]), confidence=0.9, months=(12,))


_UNIT = (
    rf"(?P<unit>{_A}r(?:et)?|l{_AE}s{_A}r(?:et)?|termin(?:en)?|kvartal(?:et)?|m{_A}nad(?:en)?|vecka|veckan"
    rf"|tertial(?:et)?|halv{_A}r(?:et)?|verksamhets{_A}r(?:et)?|budget{_A}r(?:et)?|kalender{_A}r(?:et)?"
    r"|mandatperiod(?:en)?)"
)
_RELATIVE = _rx(
    r"(?<![^\W_])(?P<mod>innevarande|detta|denna|nuvarande|pagaende|aktuellt|aktuella|nasta|nista|kommande"
    rf"|nastkommande|f[oe]ljande|paf[oe]ljande|efterf[oe]ljande)\s+{_UNIT}{_R}"
)
_THIS = frozenset({"innevarande", "detta", "denna", "nuvarande", "pagaende", "aktuellt", "aktuella"})
_BARE_UNIT = _rx(
    rf"{_L}(?P<unit>{_A}ret|terminen|l{_AE}s{_A}ret|kvartalet|m{_A}naden|veckan|tertialet|halv{_A}ret"
    rf"|mandatperioden){_R}"
)
# "i år", but not "i år 2" (a school year group) and not "1 år" (one year).
_THIS_YEAR = _rx(rf"{_L}i\s+ar{_R}(?!\s*\d)")
_YEAR_OUT = _rx(rf"{_L}(?:{_A}ret\s+ut|(?:resten|{_A}terstoden)\s+av\s+{_A}ret){_R}")
_MANDATE = _rx(rf"{_L}mandatperiod(?:en)?\s+(?P<y1>{_YEAR})\s*-\s*(?P<y2>{_YEAR}|\d\d){_YEAR_END}")
_DURATION = _rx(
    rf"{_L}inom\s+(?:loppet\s+av\s+)?(?P<n>{NUMBER_WORDS})\s+"
    rf"(?P<u>arbetsdagar|dagar|dag|veckor|vecka|m{_A}nader|m{_A}nad|{_A}r|halv{_A}r){_R}"
)
_SCHOOL_POINT = _rx(
    rf"{_L}(?P<p>terminsstart(?:en)?|terminsslut(?:et)?|l{_AE}s{_A}rsstart(?:en)?|l{_AE}s{_A}rsslut(?:et)?"
    r"|skolstart(?:en)?|skolavslutning(?:en)?|terminens\s+(?:start|slut)"
    rf"|l{_AE}s{_A}rets\s+(?:start|slut)){_R}"
    # "läsårsstarten 2027", "terminsstarten hösten 2027", "läsårsslutet 2026/27": the year is part of it.
    rf"(?:\s+(?:(?P<s>h[oe]sten|ht|v{_A}ren|vt)\s+)?(?P<y>{_YEAR})(?:\s*/\s*(?P<y2>{_YEAR}|\d\d))?{_YEAR_END})?"
)


def _fold_unit(unit: str) -> str:
    """Undo the OCR letter swaps the unit patterns allow ("dret", "lisaret")."""
    return unit.replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")


@_scanner
def _relatives(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for m in _RELATIVE.finditer(text):
        mod = m["mod"]
        offset = 0 if mod in _THIS else 1
        iv = _relative(_fold_unit(m["unit"]), ref, offset)
        if iv is None:
            continue
        confidence = 0.7 if mod == "kommande" else 0.85
        yield Atom(m.start(), m.end(), "relative", _const(iv), fixed=iv, confidence=confidence)
    for m in _BARE_UNIT.finditer(text):
        iv = _relative(_fold_unit(m["unit"]), ref, 0)
        if iv is not None:
            yield Atom(m.start(), m.end(), "relative", _const(iv), fixed=iv, needs_context=True, confidence=0.8)
    for pattern in (_THIS_YEAR, _YEAR_OUT):
        for m in pattern.finditer(text):
            iv = _relative("ar", ref, 0)
            if iv is not None:
                yield Atom(m.start(), m.end(), "relative", _const(iv), fixed=iv, confidence=0.85)
    for m in _MANDATE.finditer(text):
        first, second = int(m["y1"]), _year2(m["y2"])
        begin, end = safe_date(first, 10, 15), safe_date(second, 10, 14)
        if second == first + 4 and begin and end:
            iv = Interval(begin, end)
            yield Atom(m.start(), m.end(), "relative", _const(iv), fixed=iv, confidence=0.75)
    for m in _DURATION.finditer(text):
        n = number_value(m["n"])
        if n is None or n <= 0:
            continue
        iv = _duration(ref, n, _fold_unit(m["u"]))
        if iv is not None:
            yield Atom(m.start(), m.end(), "duration", _const(iv), fixed=iv, confidence=0.6, note="relative")
    for m in _SCHOOL_POINT.finditer(text):
        word = _fold_unit(m["p"])
        if m["y"]:
            iv = _school_point_in(word, m["s"], int(m["y"]), _year2(m["y2"]) if m["y2"] else None)
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
    term = _autumn(year) if autumn else _spring(year)
    if term is None:
        return None
    day = term.end if end else term.start
    return Interval(day, day, day) if end else Interval(day, day)


def _school_point(word: str, ref: date) -> Interval | None:
    """Term and school-year starts and ends as single days, the next one after `ref`."""
    if _is_school_end(word):
        if word.startswith("termin"):
            term = _term_containing(ref, 0)
            end = term.end if term else None
        else:
            sy = _schoolyear_containing(ref, 0)
            end = sy.end if sy else None
        return Interval(end, end, end) if end else None
    if word.startswith("termin"):
        term = _term_containing(ref, 0)
        if term is not None and term.start < ref:
            term = _term_containing(ref, 1)
        start = term.start if term else None
    else:
        start = safe_date(ref.year, 8, 1)
        if start is not None and start < ref:
            start = safe_date(ref.year + 1, 8, 1)
    return Interval(start, start) if start else None


def _const(iv: Interval) -> Builder:
    return lambda _year: iv


# --------------------------------------------------------------------------- #
# Public helpers
# --------------------------------------------------------------------------- #


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
        if not _in_calendar(year):
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
LIST_SEP = _rx(
    r"\s*(?:[,;]\s*)?(?:(?:och|samt|respektive|resp\.?|&)\s+)?"
    rf"(?:(?:i|under|vid|p{_A}|den|senast(?:\s+i|\s+den)?)\s+)?"
)
_CONJUNCTION = _rx(r"[,;&]|\b(?:och|samt|respektive|resp)\b")
# Between the ends of a range: "januari-mars", "v. 12 till v. 14", "fr.o.m. X t.o.m. Y".
RANGE_SEP = _rx(r"\s*(?:-{1,2}|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|till|tills)\s*(?:(?:den|i)\s+)?")


def list_gap(gap: str) -> bool:
    """True if `gap` (folded text between two atoms) joins list items."""
    return bool(LIST_SEP.fullmatch(gap)) and bool(_CONJUNCTION.search(gap))


def range_gap(gap: str) -> bool:
    """True if `gap` (folded text between two atoms) joins the two ends of a range."""
    return bool(RANGE_SEP.fullmatch(gap))
