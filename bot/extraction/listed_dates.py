"""Days a commitment points to in a list below it.

An appropriation letter (regleringsbrev) gives an agency its forecast days this way, and a plan may list its
report days so too:

    Socialstyrelsen ska redovisa prognoser för 2016–2020 vid nedanstående prognostillfällen. Prognoserna ska
    kommenteras …

    den 20 januari
    den 19 februari
    − den 3 maj, och

The commitment is due on each listed day: the days, not the years "för 2016–2020" of what is forecast, date it.
Days listed without their year fall in the first year the lead names (the letter's budget year, whenever it was
amended), or else next after the document's date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.extraction.cues import sv
from bot.extraction.model import COMMITMENT, Finding
from bot.language.normalize import match_text
from bot.language.periods import parse_deadline

__all__ = ["date_by_listed_days"]

# "vid nedanstående prognostillfällen", "vid följande tillfällen", "på nedan angivna datum".
_POINTER = sv(
    r"\b(?:vid|på|enligt|till|under)\s+(?:de\s+)?(?:nedanstående|följande|nedan\s+angivna)\s+"
    r"(?:[\w-]*tillfällen|[\w-]*datum|tidpunkter|dagar|dagarna)\b"
)
_HINT = re.compile(r"ned[a4@&]n|[l1]j[a4@&]nde", re.IGNORECASE)
_YEAR_FOR = re.compile(r"\bför\s+(?:år\s+)?((?:19|20)\d\d)\b")
# A line that is a day and nothing more: a bullet or dash, "den 3 maj", a comma, "och" or a full stop after it.
_BULLET = re.compile(r"^[\s•·\-−–*]*")
_TAIL = re.compile(r"[\s,.;]*(?:och|samt)?[\s,.;]*$")
# The list follows its lead closely: the rest of the lead's paragraph, then the days.
_REACH = 600
_MAX_DAYS = 24


def date_by_listed_days(findings: list[Finding], text: str, reference: date) -> list[Finding]:
    """`findings` with each commitment that points to days listed below it dated by those days."""
    out: list[Finding] = []
    for f in findings:
        # Folding every commitment's text is the costly part; a pointer holds "nedan" or "-ljande", in any of
        # the look-alikes folding reads ("ned4n", "fö1jande").
        hinted = f.kind == COMMITMENT and _HINT.search(f.text) is not None
        pointer = _POINTER.search(match_text(f.text).folded) if hinted else None
        # "prognoser för 2016–2020": the days are the first year's, the year the letter governs.
        year = _YEAR_FOR.search(f.text) if pointer is not None else None
        start = date(int(year.group(1)) - 1, 12, 31) if year is not None else reference
        days = _days_below(text, f.span[1], start) if pointer is not None else []
        if pointer is None or not days:
            out.append(f)
            continue
        out.append(replace(f, deadlines=tuple(days), deadline_phrase=f.text[pointer.start() : pointer.end()]))
    return out


def _days_below(text: str, end: int, reference: date) -> list[date]:
    """The days listed one per line after the paragraph that ends near `end`, or [] if none follow it."""
    gap = text.find("\n\n", end, end + _REACH)
    if gap < 0:
        return []
    days: list[date] = []
    for line in text[gap : gap + _REACH + 80 * _MAX_DAYS].split("\n"):
        if not line.strip():
            continue
        day = _day_of(line, reference)
        if day is None or len(days) >= _MAX_DAYS:
            break
        days.append(day)
    return sorted(set(days))


def _day_of(line: str, reference: date) -> date | None:
    bare = _TAIL.sub("", _BULLET.sub("", line))
    if not bare or len(bare) > 30:
        return None
    found = parse_deadline(bare, reference)
    if found is None or len(found.dates) != 1 or found.kind != "date":
        return None
    return found.dates[0]
