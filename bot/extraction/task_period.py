"""A page's tasks dated by the period the task runs: "Uppdraget pågår under perioden 2015–2018", "Slutdatum:
31 december 2017".

An agency's page lists what it does under a task ("Vägleda och ge expertstöd …", "Göra uppföljning …") and
says once, further on, how long the task runs. Those who follow the task up register each of its undated
parts as due when the task ends.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.extraction.cues import sv
from bot.extraction.deadlines import last_day
from bot.extraction.model import COMMITMENT, FROM_TASK, Finding
from bot.extraction.sentences import split_sentences
from bot.language.normalize import match_text
from bot.language.periods import find_deadlines

__all__ = ["date_by_task_period"]

# "Uppdraget pågår under perioden 2015–2018", "Uppdraget löper fram till den 30 april 2028".
_TASK_RUNS = sv(r"^\W*(?:uppdraget|projektet|satsningen)\s+(?:pågår|löper|sträcker\s+sig|gäller)\b")
_TASK_WORD = re.compile(r"\b(?:[Uu]ppdraget|[Pp]rojektet|[Ss]atsningen)\b")
# A task page's fields: "Startdatum: 01 januari 2017", "Slutdatum: 31 december 2017".
_END_FIELD = re.compile(r"^\s*(?:[Bb]eräknat\s+)?[Ss]lutdatum\s*:")
# How far before the sentence the task's parts may stand.
_REACH = 3000


def date_by_task_period(findings: list[Finding], text: str, reference: date, doc_date: date | None) -> list[Finding]:
    """The undated commitments before "Uppdraget pågår under perioden …", due when the period ends (if ahead)."""
    out = list(findings)
    for start, end in _sentences(text):
        sentence = text[start:end]
        if not (_TASK_RUNS.search(match_text(sentence).folded) or _END_FIELD.match(sentence)):
            continue
        last = _last_day(sentence, reference)
        if last is None or (doc_date is not None and last <= doc_date):
            continue
        phrase = " ".join(sentence.split())
        for i, f in enumerate(out):
            if f.kind == COMMITMENT and not f.deadlines and f.recurrence is None and 0 <= start - f.span[1] <= _REACH:
                note = ";".join(x for x in (f.deadline_note, FROM_TASK) if x)
                out[i] = replace(f, deadlines=(last,), deadline_phrase=phrase, deadline_note=note)
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of each line (a list item without a full stop ends at its line)."""
    out: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if _TASK_WORD.search(line) or _END_FIELD.match(line):
            out.extend((offset + a, offset + b) for a, b in split_sentences(line))
        offset += len(line)
    return out


def _last_day(sentence: str, reference: date) -> date | None:
    """The day the period said in `sentence` ends: a range's last day, or the one date it names."""
    for found in find_deadlines(sentence, reference):
        if found.kind == "range" or found.dates:
            return last_day(found)
    return None
