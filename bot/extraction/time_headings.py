"""A plan told under headings that are only a time: each step under a heading is due when its time ends.

A municipality's page about a plan often gives its time plan as a run of times, each over what happens then:

    Hösten 2016/vintern 2017:
    Ett första förslag till planprogram presenteras. Möten och samråd genomförs.

    Våren 2017/hösten 2017:
    Planprogrammet från samrådet revideras.

The sentences say nothing of when; the heading over them does. Work told in the present ("revideras",
"genomförs"), which alone may be how things are always done, is a step of the plan here, and a promise the
reader found without a time takes the heading's. A section whose time has ended at the document's date tells
what was done, not what will be: it is left as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date

from bot.extraction import cues, schedule_cues
from bot.extraction.deadlines import Chosen, whole_time
from bot.extraction.finish import make_finding
from bot.extraction.lines import Line
from bot.extraction.model import COMMITMENT, Finding
from bot.extraction.sentences import split_sentences
from bot.language.normalize import match_text

__all__ = ["date_by_time_headings"]

# One time heading may be a date line or a stray label; a time plan has several.
_MIN_HEADINGS = 2
_LONGEST_HEADING = 60
# A day ("8 november 2017", "2017-11-08") heads a letter or a news item, not a part of a plan.
_A_DAY = re.compile(r"\d{1,2}\s+[a-zåäö]{3,}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}")
_CONFIDENCE = 0.55


def date_by_time_headings(
    findings: list[Finding], text: str, lines: list[Line], reference: date, doc_date: date | None
) -> list[Finding]:
    """`findings` with the undated promises under a plan's time headings dated, and its steps added."""
    heads: list[tuple[int, tuple[date, str]]] = []
    for k, line in enumerate(lines):
        heading = _heading_due(line, reference) if _stands_alone(lines, k) else None
        if heading is not None:
            heads.append((k, heading))
    if len(heads) < _MIN_HEADINGS:
        return findings
    out = list(findings)
    # Findings in text order, so each section finds its own by bisection: a page of thousands of time headings
    # stays linear.
    order = sorted(range(len(out)), key=lambda i: out[i].span[0])
    starts = [out[i].span[0] for i in order]
    added: list[Finding] = []
    for n, (k, (due, phrase)) in enumerate(heads):
        if doc_date is not None and due < doc_date:
            continue  # that part of the plan was done when the page was written
        start = lines[k].end
        end = _section_end(lines, k, heads[n + 1][0] if n + 1 < len(heads) else len(lines), len(text))
        inside = order[bisect_left(starts, start) : bisect_left(starts, end)]
        for i in inside:
            f = out[i]
            # A time in brackets glosses a noun ("dem som sökt inom ansökningsperioden (9 januari-28 februari)"):
            # the heading times the step.
            glossed = bool(f.deadlines) and f.deadline_phrase is not None and f"({f.deadline_phrase}" in f.text
            if f.kind == COMMITMENT and (not f.deadlines or glossed) and f.recurrence is None:
                out[i] = replace(f, deadlines=(due,), deadline_phrase=phrase)
        taken = [out[i].span for i in inside]
        chosen = Chosen((due,), phrase, None, None, _CONFIDENCE)
        for a, b in _steps(text, start, end):
            if not any(x < b and a < y for x, y in taken):
                said = " ".join(text[a:b].split())
                added.append(make_finding(COMMITMENT, said, (a, b), chosen, None, None, _CONFIDENCE, None))
    return out + added


def _stands_alone(lines: list[Line], k: int) -> bool:
    """A heading ends in a colon ("Hösten 2017:") or is a paragraph of its own; a time inside a table's
    rows ("föreningsenheten / Vårterminen 2025") is a cell."""
    if lines[k].text.rstrip().endswith(":"):
        return True
    before = k == 0 or lines[k - 1].kind == "blank"
    after = k + 1 < len(lines) and lines[k + 1].kind == "blank"
    # A calendar's heading sits right over its sentence ("MAJ 2019" / "Besked … skickas ut …"); a cell's time
    # is followed by another cell, not by a sentence.
    over_sentence = (
        k + 1 < len(lines) and lines[k + 1].kind == "text" and lines[k + 1].text.rstrip().endswith((".", "!", "?"))
    )
    return before and (after or over_sentence)


def _section_end(lines: list[Line], k: int, next_head: int, text_end: int) -> int:
    """Where the section under heading `k` ends: at the next time heading, or at a heading of another kind (a
    short line without a full stop after a blank line, "Ekonomiska konsekvenser")."""
    for j in range(k + 2, next_head):
        line = lines[j]
        if (
            line.kind == "text"
            and lines[j - 1].kind == "blank"
            and len(line.text) <= _LONGEST_HEADING
            and not line.text.rstrip().endswith((".", ":", ")"))
        ):
            return line.start
    return lines[next_head].start if next_head < len(lines) else text_end


def _heading_due(line: Line, reference: date) -> tuple[date, str] | None:
    """The last day of the time `line` is made of ("Våren 2017/hösten 2017:"), and its words, or None."""
    said = line.text.strip().rstrip(":").strip()
    if not said or len(said) > _LONGEST_HEADING or not said[0].isalpha() or _A_DAY.search(said.lower()):
        return None
    due = whole_time(said, reference)
    if due is None or due[1].kind == "recurrence":
        return None
    return due[0], said


def _steps(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences between `start` and `end` that tell work done at the section's time, in the present."""
    out: list[tuple[int, int]] = []
    offset = start
    for line in text[start:end].splitlines(keepends=True):
        for a, b in split_sentences(line):
            folded = match_text(line[a:b]).folded
            if (
                schedule_cues.SCHEDULED.search(folded) or schedule_cues.READY_AT.search(folded)
            ) and not cues.CURRENT.search(folded):
                out.append((offset + a, offset + b))
        offset += len(line)
    return out
