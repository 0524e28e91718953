"""Schedules written as lines of a name and a time: one commitment per line.

A plan published as plain text often lists what is to be done where and when without a sentence around it:

    Stallängen 1          oktober
    Forsen                   november
    Vättak                   klart halvårsskiftet 2018

or as numbered steps with the time in brackets:

    3. Första utkast på FÖP (våren 2025)
    4. Samråd (sommar/höst 2025)

Each line is a thing to be done by its time. A run of at least three such lines (blank lines between them
allowed) is read as a schedule; a single line like it is more likely a heading or a table's stray cell.
"""

from __future__ import annotations

import re
from datetime import date

from bot.extraction.deadlines import Chosen
from bot.extraction.finish import make_finding
from bot.extraction.lines import Line
from bot.extraction.model import COMMITMENT, Finding
from bot.language.dates import month_end
from bot.language.periods import parse_deadline

__all__ = ["schedule_findings"]

_MIN_ROWS = 3
# The name, a gap of two spaces or more (or a tab), the time.
_ROW = re.compile(r"^(?P<name>[^\s.:;!?][^.:;!?]{0,60}?)(?:\s{2,}|\t)(?P<when>\S.{0,40})$")
_MAX_NAME_WORDS = 6
# A step, perhaps numbered or bulleted, with its time in brackets at the end: "4. Samråd (sommar/höst 2025)".
_BRACKETED = re.compile(r"^(?:\d{1,2}[.)]\s+|[•▪◦*–-]\s+)?(?P<name>[^()]{3,100}?)\s*\((?P<when>[^()]{3,40})\)\s*\.?$")
_MAX_STEP_WORDS = 12
_LONGEST_ROW = 200
_CONFIDENCE = 0.6
# A time's cheapest signs: a digit, a month, a season, a term or a turn of the year.
_WHEN_HINT = re.compile(
    r"\d|jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|vår|var|höst|host|sommar|vinter|termin|skifte|jul|påsk"
)


def schedule_findings(text: str, lines: list[Line], reference: date) -> list[Finding]:
    rows: list[tuple[Line, str, Chosen]] = []
    out: list[Finding] = []
    for line in lines:
        if line.kind == "blank":
            continue
        row = _row(text, line, reference)
        if row is not None:
            rows.append(row)
            continue
        out.extend(_emit(rows))
        rows = []
    out.extend(_emit(rows))
    return out


def _row(text: str, line: Line, reference: date) -> tuple[Line, str, Chosen] | None:
    raw = text[line.start : line.end]
    if len(raw) > _LONGEST_ROW:
        return None  # a row is short; most lines of prose are not
    m = _ROW.match(raw)
    if m is None or len(m["name"].split()) > _MAX_NAME_WORDS:
        m = _BRACKETED.match(raw)
        if m is None or len(m["name"].split()) > _MAX_STEP_WORDS:
            return None
    if not _WHEN_HINT.search(m["when"].lower()):
        return None  # most rows of a space-aligned table hold no time: skip the grammar for them
    found = parse_deadline(m["when"], reference)
    if found is None or not found.dates or len(found.dates) != 1:
        return None
    chosen = Chosen(found.dates, found.phrase, None, found.note, found.confidence)
    return line, " ".join(raw.split()), chosen


def _emit(rows: list[tuple[Line, str, Chosen]]) -> list[Finding]:
    if len(rows) < _MIN_ROWS:
        return []
    out: list[Finding] = []
    previous: date | None = None
    for line, said, as_read in rows:
        chosen = as_read
        due = chosen.deadlines[-1]
        if previous is not None and due < previous and _WINTER.search(said.lower()):
            # "Tidiga dialoger (hösten 2024)", then "Utvecklingsstrategi (vintern 2024)": the steps come in order,
            # so that winter is the one after the autumn, into the next year.
            due = month_end(due.year + 1, 2) or due
            chosen = Chosen((due,), chosen.phrase, None, chosen.note, chosen.confidence)
        previous = due
        out.append(make_finding(COMMITMENT, said, (line.start, line.end), chosen, None, None, _CONFIDENCE, None))
    return out


_WINTER = re.compile(r"\bvinter(?:n)?\b")
