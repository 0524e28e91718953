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
_BREAKS_OFF = re.compile(r"(?:\bsenast|\b(?:ska|skall)\s+(?:ske|lamnas|ges\s+in))(?:\s+den)?\s*:?\s*$")
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
        phrase = f.text[pointer.start() : pointer.end()] if pointer is not None else None
        if pointer is None and f.kind == COMMITMENT and not f.deadlines:
            # "… ska redovisa underlag inför tertialdialoger. Underlagen ska … redovisas till Regeringskansliet
            # senast" / "– den 24 februari, – den 22 maj": its paragraph breaks off where its days are listed
            phrase = _breaks_off(text, f.span[1])
        # "prognoser för 2016–2020": the days are the first year's, the year the letter governs.
        year = _YEAR_FOR.search(f.text) if phrase is not None else None
        start = date(int(year.group(1)) - 1, 12, 31) if year is not None else reference
        # an explicit "nedanstående" may point past a paragraph or two that comment the days before they come
        days = _days_below(text, f.span[1], start, skip=2 if pointer is not None else 0) if phrase is not None else []
        if phrase is None or not days:
            out.append(f)
            continue
        out.append(replace(f, deadlines=tuple(days), deadline_phrase=phrase))
    return out


def _breaks_off(text: str, end: int) -> str | None:
    """The words that break off the paragraph ending near `end` ("senast", "ska ske"), if it breaks off."""
    gap = text.find("\n", end, end + _REACH)
    rest = text[end:gap] if gap >= 0 else ""
    m = _BREAKS_OFF.search(match_text(rest).folded) if rest and not rest.rstrip().endswith((".", "!", "?")) else None
    return " ".join(rest[m.start() : m.end()].split()) if m is not None else None


def _days_below(text: str, end: int, reference: date, *, skip: int = 0) -> list[date]:
    """The days listed one per line after the paragraph that ends near `end`, or [] if none follow it."""
    gap = text.find("\n\n", end, end + _REACH)
    if gap < 0:
        return []
    days: list[date] = []
    lead_ok = True
    for line in text[gap : gap + _REACH + 80 * _MAX_DAYS].split("\n"):
        if not line.strip():
            continue
        day = _day_of(line, reference)
        if day is None and lead_ok and not days and _BREAKS_OFF.search(match_text(line).folded):
            lead_ok = False  # "Redovisningen av prognoserna ska ske" over the days: the list's own lead
            continue
        if day is None and not days and skip > 0:
            skip -= 1
            continue
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
