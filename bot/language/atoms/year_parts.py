"""Atoms for parts of a year: seasons and terms ("hösten 2024", "vt 2025", "i vår"), school years
("läsåret 2023/24"), quarters, tertials and halves ("Q3", "andra tertialet", "H1 2024"), the turn
of the year ("årsskiftet", "halvårsskiftet") and holidays ("innan jul", "till midsommar").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from bot.language.atoms.atom import AE, YEAR, YEAR_END, A, Atom, Builder, L, R, rx, year2
from bot.language.atoms.intervals import (
    autumn_of,
    christmas_break_of,
    christmas_of,
    easter_of,
    midsummer_of,
    months_builder,
    schoolyear_ending,
    spring_of,
    turn_builder,
    winter_of,
    year_builder,
)
from bot.language.dates import season_summer
from bot.language.months import MONTH_ANY, ORDINAL_WORDS, month_number, ordinal_value
from bot.language.normalize import MatchText

__all__ = ["scan_holidays", "scan_parts_of_year", "scan_schoolyears", "scan_seasons", "scan_turns"]

_SEASON = rx(
    rf"{L}(?P<s>v{A}r(?:-\s?)?termin(?:en)?|v{A}ren|h[oe]st(?:-\s?)?termin(?:en)?|h[oe]sten|h[oe]st"
    # late in a season ends with it: "senhösten 2022", "senvåren", "senvintern"
    rf"|sen(?:h[oe]sten|v{A}ren|vintern)|sensommaren|sommaren|sommar|vintern|vinter|v[ad]r|vt|ht)"
    # "våren 2018", "våren år 2018", "vt-24"
    rf"(?:(?P<sep>\s*-\s*|\s+(?:{A}r\s+(?=(?:19|20)\d\d))?|(?<=t)(?=\d))(?P<y>{YEAR}|\d\d)"
    rf"(?:\s*/\s*(?P<y2>{YEAR}|\d\d))?{YEAR_END})?{R}"
)
# A bare season word joined to another by a slash shares its year: "sommar/höst 2025", "höst/vinter 2025/2026".
_SEASON_WORD = r"(?:v[ad]r|h[oe]st|sommar|vinter)\w*"
_SLASH_AFTER = rx(rf"\s*/\s*{_SEASON_WORD}")
_SLASH_BEFORE = rx(rf"{_SEASON_WORD}\s*/\s*$")
_AUTUMN_BEFORE = rx(r"h[oe]st\w*\s*/\s*$")
_THIS_SEASON = rx(rf"{L}(?:i|1)\s+(?P<s>v{A}r|h[oe]st|sommar|vinter){R}")
# "i vår" is also "in our": only when nothing that could be a noun follows.
_AFTER_I_VAR = rx(r"\s*(?:[.,;:!?)]|$|och\b|eller\b|samt\b|kommer\b|ska\b|skall\b|\d)")


def _season_kind(word: str) -> tuple[str, Builder, tuple[int, ...], str]:
    """(kind, builder, anchor months, season) for a folded season or term word."""
    term = word in ("vt", "ht") or "termin" in word
    if word.startswith("sen") and word[3:].startswith(("var", "vdr", "host", "hest", "sommar", "vinter")):
        word = word[3:]  # late in a season is that season, due when it ends
    if word == "vt" or word.startswith(("var", "vdr")):
        return ("term" if term else "season"), spring_of, (6,), "spring"
    if word == "ht" or word.startswith(("host", "hest")):
        return ("term" if term else "season"), autumn_of, (12,), "autumn"
    if word.startswith("sommar"):
        return "season", season_summer, (8,), "summer"
    return "season", winter_of, (2,), "winter"


def scan_seasons(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for m in _SEASON.finditer(text):
        word = re.sub(r"[\s-]", "", m["s"])
        if word in ("var", "vdr") and mt.original[m.start() + 1 : m.start() + 2].lower() not in ("å", "d"):
            continue  # folded "var" is also "was": only a written "vår" is the spring
        kind, build, months, season = _season_kind(word)
        slashed = bool(
            _SLASH_AFTER.match(text, m.end("s")) or _SLASH_BEFORE.search(text, max(0, m.start() - 20), m.start())
        )
        year: int | None = None
        end = m.end()
        if m["y"]:
            two_digit = len(m["y"]) == 2
            if two_digit and word not in ("vt", "ht") and "-" not in (m["sep"] or ""):
                year = None  # "hösten 21 elever": 21 is not a year
                end = m.end("s")
            else:
                year = year2(m["y"])
                if m["y2"]:
                    second = year2(m["y2"])
                    if second != year + 1:
                        end = m.end("y")
                    elif word.startswith("vint"):
                        year = second  # "vintern 2022/2023" ends in February 2023
                elif word.startswith("vint") and _AUTUMN_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                    year += 1  # "hösten/vintern 2025": the winter that follows that autumn, into 2026
        elif word in ("vt", "ht", "host", "hest", "sommar", "vinter", "var", "vdr") and not slashed:
            continue  # these bare words are too ambiguous without a year, unless a slash joins them to one that has it
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


_SCHOOLYEAR = rx(rf"{L}l{AE}s(?:-\s?)?{A}r(?:et|s)?\s+(?P<y1>{YEAR}|\d\d)\s*[/-]\s*(?P<y2>{YEAR}|\d\d){YEAR_END}")


def scan_schoolyears(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _SCHOOLYEAR.finditer(mt.folded):
        first, second = year2(m["y1"]), year2(m["y2"])
        if second != first + 1:
            continue
        yield Atom(m.start(), m.end(), "schoolyear", schoolyear_ending, year=second, months=(6,))


_QUARTER = rx(
    rf"{L}(?:(?:q|kv\.?|kvartal)\s*(?P<n>[1-4])|(?P<o>{ORDINAL_WORDS})\s+kvartal(?:et)?){R}"
    rf"(?:(?:\s+|\s*[-/]\s*)(?P<y>{YEAR}){YEAR_END})?"
)
_TERTIAL = rx(
    rf"{L}(?:tertial\s*(?P<n>[1-3])|(?P<o>{ORDINAL_WORDS})\s+tertial(?:et)?){R}"
    rf"(?:\s+(?P<y>{YEAR}){YEAR_END})?"
)
_HALF = rx(
    rf"{L}(?:(?P<o>{ORDINAL_WORDS})\s+halv{A}r(?:et)?|halv{A}r\s*(?P<n>[12])){R}"
    rf"(?:\s+(?P<y>{YEAR}){YEAR_END})?"
)
# "T2 2023", "H1 2024": the short forms are only dates with a year after them.
_SHORT_TERTIAL = rx(rf"{L}t(?P<n>[1-3])(?:\s+|\s*[-/]\s*)(?P<y>{YEAR}){YEAR_END}")
_SHORT_HALF = rx(rf"{L}h(?P<n>[12])(?:\s+|\s*[-/]\s*)(?P<y>{YEAR}){YEAR_END}")
_HALF_OF = rx(
    rf"{L}(?P<o>f[oe]rsta|andra|senare|tidigare)\s+halvan\s+av\s+(?:(?P<y>{YEAR}){YEAR_END}|(?P<aret>{A}ret){R})"
)


def scan_parts_of_year(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
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
                months_builder(size * (n - 1) + 1, size),
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
            months_builder(6 * (n - 1) + 1, 6),
            year=year,
            confidence=0.8,
            months=(6 * n,),
        )


# "årsskiftet", "halvårsskiftet", and "årets slut/utgång" ("vid årets slut", "innan årets utgång"); the common
# misspelling with one s ("senast årskiftet") too.
_TURN = rx(
    rf"{L}(?:(?P<half>halv)?{A}rs?(?:-\s?)?skifte(?:t)?|{A}rets\s+(?:slut|utg{A}ng)){R}"
    rf"(?:\s+(?P<y>{YEAR})(?:\s*/\s*(?P<y2>{YEAR}|\d\d))?{YEAR_END})?"
)
_NEW_YEAR = rx(rf"{L}ny{A}r(?:et|safton)?{R}(?:\s+(?P<y>{YEAR}){YEAR_END})?")
# "i månadsskiftet april/maj": the end of the first month.
_MONTH_TURN = rx(
    rf"{L}m{A}nads(?:-\s?)?skifte(?:t)?\s+(?P<m1>{MONTH_ANY})\s*(?:/|och|till|-|–)\s*(?P<m2>{MONTH_ANY})"
    rf"(?:\s+(?P<y>{YEAR}){YEAR_END})?"
)


# "Under valåret", "inför nästa valår": the year of the next general election. Sweden has voted for riksdag,
# regions and municipalities together every four years since 1994, on the second Sunday of September (1994 … 2022).
_ELECTION_YEAR = rx(rf"{L}(?:n{A}sta\s+)?val{A}r(?:et)?{R}")


def _election_year(ref: date) -> int:
    year = ref.year + (2 - ref.year) % 4
    if year == ref.year:
        first = date(year, 9, 1)
        election_day = date(year, 9, 8 + (6 - first.weekday()) % 7)  # the second Sunday of September
        if ref > election_day:
            year += 4
    return year


def scan_turns(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    text = mt.folded
    for m in _ELECTION_YEAR.finditer(text):
        yield Atom(
            m.start(), m.end(), "year", year_builder, year=_election_year(ref), needs_context=True, confidence=0.75
        )
    for m in _TURN.finditer(text):
        year = int(m["y"]) if m["y"] else None
        end = m.end()
        if year is not None and m["y2"] and year2(m["y2"]) != year + 1:
            end = m.end("y")
        month = 6 if m["half"] else 12
        yield Atom(
            m.start(),
            end,
            "turn",
            turn_builder(month),
            year=year,
            confidence=0.9 if year is not None else 0.85,
            point=True,
            months=(month,),
        )
    for m in _MONTH_TURN.finditer(text):
        first, second = month_number(m["m1"]), month_number(m["m2"])
        if first is None or second is None or second != first % 12 + 1:
            continue
        yield Atom(
            m.start(),
            m.end(),
            "turn",
            turn_builder(first),
            year=int(m["y"]) if m["y"] else None,
            confidence=0.9,
            point=True,
            months=(first,),
        )
    for m in _NEW_YEAR.finditer(text):
        year = int(m["y"]) if m["y"] else None
        yield Atom(
            m.start(),
            m.end(),
            "turn",
            turn_builder(12),
            year=year,
            needs_context=year is None,
            confidence=0.8,
            point=True,
            months=(12,),
        )


_HOLIDAY = rx(
    rf"{L}(?P<h>jullov(?:et)?|jul(?:en|afton)?|p{A}sk(?:en)?|midsommar(?:en|afton|helgen)?|sommarlovet"
    rf"|sommaruppeh{A}llet|sommarledigheten|sommarsemestern|semestern|semesterperioden){R}"
    rf"(?:\s+(?P<y>{YEAR}){YEAR_END})?"
)


_COMING = rx(r"(?<![^\W_])(?:kommande|n[ai]sta)\s+$")


def scan_holidays(mt: MatchText, ref: date, field: bool) -> Iterator[Atom]:
    for m in _HOLIDAY.finditer(mt.folded):
        word = m["h"]
        build: Builder
        if word.startswith("jullov"):
            build, months = christmas_break_of, (12,)
        elif word.startswith("jul"):
            build, months = christmas_of, (12,)
        elif word.startswith(("pask", "pdsk")):
            build, months = easter_of, (4,)
        elif word.startswith("midsommar"):
            build, months = midsummer_of, (6,)
        else:
            build, months = season_summer, (8,)
        year = int(m["y"]) if m["y"] else None
        # "kommande jul", "nästa midsommar": the next one, as "i" would say it; the word is the preposition.
        coming = _COMING.search(mt.folded, max(0, m.start() - 12), m.start())
        yield Atom(
            coming.start() if coming is not None else m.start(),
            m.end(),
            "holiday",
            build,
            year=year,
            needs_context=year is None and coming is None,
            confidence=0.8,
            point=True,
            months=months,
        )
