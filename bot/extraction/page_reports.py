"""Reports on a page that is no decision: an agency's page telling the tasks it was given.

"Brå ska följa upp brottet grov fridskränkning. … Uppdraget ska redovisas senast den 15 juni 2023": the task
is due at its report, as its readers register it; a report told twice keeps the exact date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.extraction.cues import sv
from bot.extraction.decision_reports import (
    BOTH_REPORTS,
    INTERIM,
    INTERIM_REPORT,
    TASK_REPORT,
    due_when_reported,
    folded_search,
    interim_apart,
)
from bot.extraction.merge import word_overlap
from bot.extraction.model import COMMITMENT, Finding
from bot.extraction.sentences import split_sentences
from bot.language.normalize import match_text
from bot.language.periods import find_deadlines

__all__ = ["both_reports_apart", "join_page_reports"]

_PAGE_GAP = 700
_GOES_ON = sv(r"\bfortsätter\s+(?:sitt|sina|som|att|med|arbetet)\b")


def both_reports_apart(findings: list[Finding], text: str, reference: date) -> list[Finding]:
    """ "Uppdraget ska delredovisas den 15 maj 2014 och slutredovisas senast den 19 december 2014" on a page that
    is no decision: two commitments, the interim report and the final one, as a decision's reports are read."""
    out: list[Finding] = []
    for f in findings:
        # only a report said alone ("Uppdraget ska delredovisas … och slutredovisas …"), not a task joined to it
        said = "delredovis" in f.text.lower() and len(split_sentences(f.text)) == 1
        alone = said and folded_search(_BOTH_SAID, f)
        days = sorted({d.dates[-1] for d in find_deadlines(f.text, reference) if d.dates}) if alone else []
        if f.kind == COMMITMENT and len(f.deadlines) == 1 and f.recurrence is None and len(days) == 2:
            out.extend(interim_apart([replace(f, deadlines=tuple(days))], text))
        else:
            out.append(f)
    return out


_BOTH_SAID = sv(r"^\W*uppdrag(?:et|en)\s+(?:ska|skall)\s+delredovisas\b[^.;]*\boch\s+slutredovisas\b")


def join_page_reports(findings: list[Finding], text: str) -> list[Finding]:
    """Outside a decision, "Uppdraget ska redovisas … senast …" right after a body's undated task is that task's
    report: an agency's page tells each task it received ("Brå ska följa upp brottet grov fridskränkning. …
    Uppdraget ska redovisas senast den 15 juni 2023"), and its readers register the task due at its report."""
    order = sorted(range(len(findings)), key=lambda i: findings[i].span[0])
    found = list(findings)
    dropped: set[int] = set()
    parts: set[int] = set()
    for k, i in enumerate(order):
        report = found[i]
        if report.kind != COMMITMENT or not report.deadlines:
            continue
        folded_text = match_text(report.text).folded
        sentences = [folded_text[a:b] for a, b in split_sentences(report.text)]
        # The report alone, or a task the reader joined to its report ("Brå ska även undersöka … Uppdraget ska
        # redovisas …"), which stays a finding and dates the tasks before it too.
        if len(sentences) == 1 and INTERIM_REPORT.search(folded_text):
            delivered = _delivered_by(found, order[:k], dropped, report, folded_text)
            if delivered is not None:
                # "En delredovisning … i form av en plan för hur myndigheten kan utveckla …" after "… ska
                # myndigheten ta fram en plan för hur myndigheten kan utveckla …": that part is due at it.
                found[delivered] = due_when_reported(found[delivered], report, last_only=False)
                parts.add(delivered)
                dropped.add(i)
                continue
        folded = next((x for x in reversed(sentences) if TASK_REPORT.search(x)), None)
        if folded is None or (INTERIM.search(folded) and not BOTH_REPORTS.search(folded)):
            continue
        alone = len(sentences) == 1
        # The body's undated tasks told just before it ("Brå ska följa upp … Brå ska även analysera …") are all
        # due when it is reported.
        run: list[int] = []
        end = report.span[0]
        for j in reversed([j for j in order[:k] if found[j].kind == COMMITMENT and j not in dropped]):
            task = found[j]
            if j in parts:
                continue  # a part its interim report dated: the task it belongs to is further back
            if task.deadlines or task.recurrence or task.owner is None or report.owner not in (None, task.owner):
                break
            task_folded = match_text(task.text).folded
            if not 0 <= end - task.span[1] <= _PAGE_GAP or TASK_REPORT.search(task_folded):
                break
            if _GOES_ON.search(task_folded):
                break  # "Statens medieråd fortsätter sitt arbete med …": work going on as before is no task reported
            run.append(j)
            end = task.span[0]
        # A task joined to both its interim and its final report: the tasks before it are due at the final one,
        # and it is due at the interim report when that report delivers it ("… ska myndigheten ta fram en plan för
        # hur … En delredovisning i form av en plan … ska ske … senast den 29 september 2023").
        interim = next((x for x in sentences if INTERIM_REPORT.search(x)), None)
        both = not alone and interim is not None and len(report.deadlines) >= 2
        # "Uppdraget ska delredovisas den 15 maj 2014 och slutredovisas senast den 19 december 2014" alone: the
        # tasks are due at the final report, and the interim report stays a commitment of its own.
        both_said = alone and len(report.deadlines) >= 2 and _BOTH_SAID.search(folded_text) is not None
        for j in run:
            found[j] = due_when_reported(found[j], report, last_only=both or both_said)
        if run and both_said:
            found[i] = interim_apart([report], text)[-1]  # the interim report, cut where the final one begins
        elif run and alone:
            dropped.add(i)
        if both and interim is not None and word_overlap(sentences[0], interim) >= _DELIVERS:
            found[i] = replace(report, deadlines=report.deadlines[:-1])
    return _said_twice(found, dropped)


_DELIVERS = 0.5


def _delivered_by(found: list[Finding], before: list[int], dropped: set[int], report: Finding, said: str) -> int | None:
    """The undated task just before an interim report that the report delivers (most of the task's words again)."""
    for j in reversed([j for j in before if found[j].kind == COMMITMENT and j not in dropped]):
        task = found[j]
        if report.span[0] - task.span[1] > _PAGE_GAP:
            return None
        undated = not task.deadlines and task.recurrence is None
        if undated and word_overlap(match_text(task.text).folded, said) >= _DELIVERS:
            return j
    return None


# "Uppdraget ska redovisas …", "Uppdraget fanns omnämnt redan … och ska redovisas …".
_REPORTED_TASK = sv(r"^\W*uppdrag(?:et|en)\b[^.;]{0,120}?\b(?:ska|skall)\s+(?:\w+\s+)?(?:slut)?redovisas\b")
_DAY_NAMED = re.compile(r"\b\d{1,2}\s+[^\W\d]|\d{4}-\d{2}-\d{2}")


def _said_twice(found: list[Finding], dropped: set[int]) -> list[Finding]:
    """The task's report told twice, in the lead ("Uppdraget ska redovisas i slutet av 2024") and exactly
    further on ("… ska redovisas för Utbildningsdepartementet 31 oktober 2024"): the exact one is kept."""
    reports = [
        i
        for i, f in enumerate(found)
        if i not in dropped
        and f.kind == COMMITMENT
        and f.deadlines
        and folded_search(_REPORTED_TASK, f)
        and not folded_search(INTERIM, f)
    ]
    exact = [i for i in reports if _DAY_NAMED.search(found[i].deadline_phrase or "")]
    for i in reports:
        f = found[i]
        if i in exact:
            continue
        if any(
            found[j].deadlines[0].year == f.deadlines[0].year
            and found[j].deadlines[0] <= f.deadlines[0]
            and (found[j].owner is None or f.owner is None or found[j].owner == f.owner)
            for j in exact
        ):
            dropped.add(i)
    return [f for i, f in enumerate(found) if i not in dropped]
