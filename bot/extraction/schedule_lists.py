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

from bot.extraction.deadlines import Chosen, whole_time
from bot.extraction.finish import make_finding
from bot.extraction.lines import Line
from bot.extraction.model import COMMITMENT, Finding
from bot.language.dates import month_end
from bot.language.normalize import match_text
from bot.language.periods import parse_deadline

__all__ = ["schedule_findings"]

_MIN_ROWS = 3
# The name, a gap of two spaces or more (or a tab), the time.
_ROW = re.compile(r"^(?P<name>[^\s.:;!?][^.:;!?]{0,60}?)(?:\s{2,}|\t)(?P<when>\S.{0,40})$")
_MAX_NAME_WORDS = 6
# A step, perhaps numbered or bulleted, with its time in brackets at the end: "4. Samråd (sommar/höst 2025)".
_BRACKETED = re.compile(r"^(?:\d{1,2}[.)]\s+|[•▪◦*–-]\s+)?(?P<name>[^()]{3,100}?)\s*\((?P<when>[^()]{3,40})\)\s*\.?$")
_MAX_STEP_WORDS = 12
# A stretch or a step, a colon, its time: "Bäck – Bäckalund: 2023", "Söder om älven: 2022".
_COLONED = re.compile(r"^(?:[•▪◦*–-]\s+)?(?P<name>[^\s:][^:]{1,60}?)\s*:\s+(?P<when>[^:]{2,40}?)\s*$")
# A value that is only a time begins as one: a year or day, a month, a season, a week, a quarter.
_TIME_FIRST = re.compile(
    r"(?:\d|(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|vår|höst|sommar|vinter|vecka|v\.|kvartal|q[1-4]"
    r"|tertial|halvår|senast|under|i\s|början|mitten|slutet|innan|före)\w*)",
    re.IGNORECASE,
)
# A document's own facts laid out the same way ("Fastställd: 2019-05-01", "Giltig till: 2022-12-31") are no steps.
_FACT_LABEL = re.compile(
    r"^(?:datum|dokumentdatum|beslutsdatum|sammantradesdatum|uppdaterad|publicerad|senast|andrad|reviderad"
    r"|faststalld|antagen|antaget|giltig|galler|diarienummer|dnr|ikrafttradande|version|utgava|kontakt|telefon"
    # a task's own fields, which `report_fields` reads: "Uppdragstid: 2022-2024", "Slutredovisning: 2025-01-31"
    r"|uppdragstid|(?:slut|del)?redovisning|aterrapportering|rapportering|slutdatum|startdatum|period)\b"
)
_LONGEST_ROW = 200
_CONFIDENCE = 0.6
# A time's cheapest signs: a digit, a month, a season, a term or a turn of the year.
_WHEN_HINT = re.compile(
    r"\d|jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|vår|var|höst|host|sommar|vinter|termin|skifte|jul|påsk"
)


def schedule_findings(text: str, lines: list[Line], reference: date) -> list[Finding]:
    rows: list[tuple[Line, str, Chosen]] = []
    out: list[Finding] = _project_times(text, lines, reference)
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
            m = _COLONED.match(raw)
            if (
                m is None
                or not _TIME_FIRST.match(m["when"])  # "Ansvarig: Rektor": most fields hold no time, read no further
                or len(m["name"].split()) > _MAX_NAME_WORDS
                or _FACT_LABEL.match(match_text(m["name"]).folded)
            ):
                return None
    if not _WHEN_HINT.search(m["when"].lower()):
        return None  # most rows of a space-aligned table hold no time: skip the grammar for them
    if m.re is _COLONED:
        # "Bäckalund: 2023–2024": the work goes on over the years, done by their end ("Ansvar: förvaltningen under
        # 2023", a field whose value is more than a time, is none)
        due = whole_time(m["when"], reference)
        if due is None:
            return None
        end, said = due
        return line, " ".join(raw.split()), Chosen((end,), said.phrase, None, None, said.confidence)
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


# A project page gives each area its time as a field under the area's name:
#
#     Häljeby
#
#     Vatten + spillvatten
#
#     Projekttid: 2021–2022
_PROJECT_TIME = re.compile(
    r"^\s*(?:projekttid|byggtid|tidplan|tidsplan|utbyggnadstid|genomförandetid)\s*:\s*(?P<when>\S.{0,40}?)\s*$",
    re.IGNORECASE,
)
_NAME_LINES = 2
_LONGEST_NAME = 60


def _project_times(text: str, lines: list[Line], reference: date) -> list[Finding]:
    """Each "Projekttid: 2021–2022" field with the area's name above it: one step due when its time ends."""
    out: list[Finding] = []
    for k, line in enumerate(lines):
        m = _PROJECT_TIME.match(line.text) if line.kind == "text" else None
        if m is None:
            continue
        due = whole_time(m["when"], reference)
        if due is None:
            continue
        end, found = due
        names: list[Line] = []
        for j in range(k - 1, -1, -1):
            above = lines[j]
            if above.kind == "blank":
                continue
            said = above.text.strip()
            if len(names) == _NAME_LINES or len(said) > _LONGEST_NAME or said.endswith((".", ":", "!", "?")):
                break
            if _COLONED.match(said):
                break  # another area's row
            names.append(above)
        if not names:
            continue
        start = names[-1].start
        said = " – ".join(n.text.strip() for n in reversed(names)) + " – " + line.text.strip()
        chosen = Chosen((end,), found.phrase, None, None, found.confidence)
        out.append(make_finding(COMMITMENT, said, (start, line.end), chosen, None, None, _CONFIDENCE, None))
    return out
