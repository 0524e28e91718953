"""A task's report dates given as fields under it: "Redovisning: 2024-03-31", "Slutredovisning: 2025-01-31".

An agency's list of its tasks from the government gives each task as an item and its facts as lines under it:

    3. vidta språkvårdande insatser samt arbeta med språkteknologi …
    Uppdragstid: 2022-2024
    Redovisning: 2023-12-01
    Slutredovisning: 2025-01-31

The task is due when its last report is; a report before it is an interim report, a commitment of its own with
the task's owner. Fields date only the task right above them, and only a task the text has not dated itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date

from bot.extraction.model import COMMITMENT, Finding
from bot.language.periods import parse_deadline

__all__ = ["date_by_report_fields"]

# "Redovisning: 2024-03-31", "Slutredovisning: 2025-01-31", "Delredovisning: 1 mars 2024", "Återrapportering: …".
_FIELD = re.compile(
    r"^[ \t]*(?P<key>(?:[Ss]lut|[Dd]el)?[Rr]edovisning|[Åå]terrapportering|[Rr]edovisas|[Ss]lutrapport|[Dd]elrapport)"
    # "Slutredovisning 2024-01-15." without its colon: the value must then be a day alone
    r"(?:[ \t]*:[ \t]*(?P<value>[^\n]{4,40}?)|[ \t]+(?P<day>\d{4}-\d\d-\d\d)\.?)[ \t]*$",
    re.MULTILINE,
)
# Other fields of the same task may stand between the task and its report lines: "Uppdragstid: 2023".
_OTHER_FIELD = re.compile(r"^[ \t]*[A-ZÅÄÖ][\wåäö -]{2,30}:[^\n]{0,60}$")
# The report lines follow their task closely; further down they belong to something else.
_REACH = 160


def date_by_report_fields(findings: list[Finding], text: str, reference: date) -> list[Finding]:
    """`findings` with each undated task dated by the report fields under it, and its interim reports added."""
    out = list(findings)
    # Commitments by where they end, so each record finds the task right above it by bisection.
    tasks = sorted((f.span[1], i) for i, f in enumerate(out) if f.kind == COMMITMENT)
    ends = [end for end, _ in tasks]
    added: list[Finding] = []
    for record in _records(text, reference):
        first = record[0][0]
        at = bisect_right(ends, first) - 1
        if at < 0:
            continue
        k = tasks[at][1]
        task = out[k]
        # The rest of the task's own line may hold more of its text; the lines after it only its fields.
        between = text[task.span[1] : first].partition("\n")[2]
        if task.deadlines or task.recurrence is not None or len(between) > _REACH or not _only_fields(between):
            continue
        final = max(record, key=lambda r: r[2])
        out[k] = replace(task, deadlines=(final[2],), deadline_phrase=final[1])
        for start, said, due in record:
            if due < final[2]:
                span = (start, start + len(said))
                added.append(replace(task, text=said, span=span, deadlines=(due,), deadline_phrase=said))
    return out + added


def _records(text: str, reference: date) -> list[list[tuple[int, str, date]]]:
    """Runs of report fields, each as (offset, line, day); fields of one task stand on adjacent lines."""
    records: list[list[tuple[int, str, date]]] = []
    last_end = -1
    for m in _FIELD.finditer(text):
        found = parse_deadline(m["value"] or m["day"], reference)
        if found is None or len(found.dates) != 1:
            continue
        entry = (m.start("key"), m.group().strip(), found.dates[0])
        if records and _only_fields(text[last_end : m.start()]):
            records[-1].append(entry)
        else:
            records.append([entry])
        last_end = m.end()
    return records


def _only_fields(gap: str) -> bool:
    """Is `gap` only blank lines and other fields of a task ("Uppdragstid: 2023")?"""
    return all(not line.strip() or _OTHER_FIELD.match(line) for line in gap.split("\n"))
