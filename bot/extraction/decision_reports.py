"""When a decision's task is due: its report joined to it, as those who follow the decision up register it.

"Regeringen ger Trafikverket i uppdrag att …" is undated; "Uppdraget ska redovisas … senast den 30 juni
2015" further on says when it is done. One commitment, due that day. A decision in parts ("Trafikverket ska
i ett första deluppdrag …", "Deluppdraget ska redovisas …", "Delen om höjda banavgifter ska redovisas …")
has a report per part; an interim report (delredovisning) is a commitment of its own; a task that has a
deadline of its own ("under 2020 till 2022 fördela …") keeps it, and its report stays a second commitment.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from bot.extraction.agencies import GOVERNMENT
from bot.extraction.cues import sv
from bot.extraction.deadlines import with_end
from bot.extraction.merge import word_overlap
from bot.extraction.model import FROM_TASK, Finding
from bot.extraction.scoring import DATE_WEIGHT
from bot.extraction.sentences import split_sentences
from bot.language.normalize import match_text
from bot.language.periods import find_deadlines
from bot.language.rrule_text import rule_end

__all__ = [
    "BOTH_REPORTS",
    "GIVES_TASK",
    "INTERIM",
    "INTERIM_REPORT",
    "SAME_TIME",
    "TASK_REPORT",
    "WITH_THE_REPORT",
    "due_when_reported",
    "folded_search",
    "interim_apart",
    "join_reports",
]

# "Regeringen uppdrar åt X att", "Regeringen ger X i uppdrag att", "Nämnden ger förvaltningen i uppdrag att".
GIVES_TASK = sv(
    r"\b(?:regeringen|nämnden|styrelsen|fullmäktige|kommunstyrelsen)\s+(?:uppdrar\s+(?:åt|till)\s|(?:ger|gav)\s+[^.]{1,160}?"
    r"\b(?:i\s+)?uppdrag\s+(?:att|enligt\s+(?:nedan|följande))\b)"
    r"|\b(?:ger|gav)\s+(?:regeringen|nämnden)\s+(?:\w+\s+)?i\s+uppdrag\s+(?:åt|till)\s"
    r"|\b(?:ger|gav)\s+(?:regeringen|nämnden)\s+[^.;]{2,120}?\si\s+uppdrag\s+att\b"
)
# A part of the task given as such: "Trafikverket ska i ett andra deluppdrag utreda …".
_PART = sv(r"\bi\s+ett\s+(?:första|andra|tredje|fjärde|femte|sjätte)\s+deluppdrag\b|\bdeluppdrag\s+\d\b")
TASK_REPORT = sv(
    r"^\W*(?:vidare\s+|även\s+)?(?:hela\s+)?(?:uppdraget|uppdragen|slutredovisning(?:en)?|slutrapport(?:en)?|en\s+slutredovisning"
    r"|en\s+slutrapport|(?:en\s+)?redovisning(?:en)?\s+av\s+(?:hela\s+)?uppdraget)\b"
    r"|^\W*(?:projektet|utredningen|översynen)\s+(?:ska|skall)\s+(?:slut)?redovisas\b"
    r"|^\W*(?:förslag(?:et)?|redovisning(?:en)?|underlag(?:et)?)\b[^.;]{0,200}?\b(?:lämnas|redovisas|överlämnas)\s+till\s+"
    r"(?:regeringen|regeringskansliet|nämnden|styrelsen|kommunstyrelsen)\b"
    r"|\b(?:ska|skall)\s+[^.;]{0,80}?\b(?:slutredovisa|redovisa)\s+(?:hela\s+)?uppdraget\b"
    r"|\b(?:ska|skall)\s+[^.;]{0,80}?\blämna\s+(?:en\s+)?(?:\w+\s+)?(?:slut)?(?:redovisning|rapport)\s+(?:av|om)\s+(?:hela\s+)?uppdraget\b"
    r"|\bredovisningen\s+ska\s+lämnas\s+till\s+(?:regeringen|regeringskansliet)\b"
    r"|\bslutredovisa\s+(?:hela\s+)?uppdraget\b"
    # "… och senast den 31 mars 2024 lämna en skriftlig slutredovisning av uppdraget"
    r"|\bslut(?:redovisning|rapport)\s+(?:av|om)\s+(?:hela\s+)?uppdraget\b"
)
# The report of a part: "Deluppdraget ska redovisas årligen …", "Delen om direkt extern medfinansiering ska
# redovisas …", "En redovisning av … med anledning av detta deluppdrag ska lämnas …".
_PART_REPORT = sv(
    r"^\W*(?:deluppdraget|delen\s+om|den\s+årliga\s+redovisningen)\b|\b(?:detta|det)\s+deluppdrag\b[^.;]{0,120}?\blämnas\b"
)
INTERIM = sv(r"\bdel(?:redovis\w*|rapport\w*)\b|\bårlig\w*|\blöpande\b|\bden\s+del\s+av\s+uppdraget\b|\bförsta\b")
BOTH_REPORTS = sv(r"\bdel-\s+och\s+slut|\bdelredovis\w*\b[^.;]*\bslutredovis")
_FIRST_TASK_WITHIN = 1_500
# A task's own date that is its deadline; other dates in it say when something happens ("Strategiforum
# den 8 och 9 november 2016", "kan avvecklas den 31 december 2026"), and its report date wins over them.
_OWN_DEADLINE = re.compile(r"^\W*(?:under|senast|före|innan|till\s+och\s+med|t\.o\.m\.?)\s", re.IGNORECASE)
# Done together with the task's report: "I samband med att Trafikverket redovisar uppdraget ska verket …".
WITH_THE_REPORT = sv(
    r"\bi\s+samband\s+med\s+(?:att\s+\S+\s+(?:slut)?redovisar\s+uppdraget|(?:slut)?redovisningen\s+av\s+uppdraget)\b"
)
# A dated report that completes the undated promise right before it: "Trafikverket ska vidare göra en
# sammanställning av de samlade effekterna … Den samlade bedömningen av effekterna ska redovisas senast …".
_REPORTED = sv(r"^\W*(?:den|det|de|en|ett)\s+[^.;]{0,80}?\b(?:ska|skall)\s+(?:redovisas|lämnas|överlämnas)\b")
# A report to the government that gave the task: "En ekonomisk uppföljning … ska lämnas till Regeringskansliet
# (Näringsdepartementet) senast …", "Boverket ska redovisa en sammanställning över de åtgärder … senast den 30
# augusti 2016 till Regeringskansliet".
_TO_GOVERNMENT = sv(
    r"\b(?:ska|skall)\s+(?:[^.;]{0,200}?\s)?(?:lämnas|redovisas|överlämnas|redovisa|lämna|överlämna)\s"
    r"[^.;]{0,200}?\btill\s+(?:regeringen|regeringskansliet)\b"
)
_OWN_PART = sv(r"\bredovisa\s+den\s+del\s+av\s+uppdraget\b")
_ABOUT_THE_TASK = sv(r"\buppdrag(?:et|ets)\b")
_ADJACENT = 3
_ABOUT_THE_SAME = 0.3


def join_reports(commitments: list[Finding], text: str, reference: date) -> list[Finding]:
    """The decision's commitments (in text order) with each report of a task joined to its task."""
    found = list(commitments)
    main = [i for i, f in enumerate(found) if folded_search(GIVES_TASK, f)]
    given = bool(main)
    # "Statens skolverk ska kartlägga …" opening the decision is its task; what the government promises for
    # itself ("För 2018 avser regeringen att avsätta ytterligare 500 000 kronor") is none.
    first = next((i for i, f in enumerate(found) if f.owner != GOVERNMENT), None)
    if not main and first is not None and found[first].span[0] < _FIRST_TASK_WITHIN:
        main = [first]
    parts = [i for i, f in enumerate(found) if i not in main and folded_search(_PART, f)]
    reports: dict[int, list[int]] = {}
    for i, f in enumerate(found):
        if i in main or i in parts or not (f.deadlines or f.recurrence):
            continue
        target = _reported_task(found, main, parts, i)
        if target is not None:
            reports.setdefault(target, []).append(i)
    if given and len(main) == 1 and not reports:
        only = _only_report(found, main[0])
        if only is not None:
            reports[main[0]] = [only]
    dropped: set[int] = set()
    for target, of_task in reports.items():
        # A task reported more than once ("Uppdraget ska alltså slutredovisas senast den 28 februari 2026" under
        # one measure, "En slutredovisning av uppdraget … senast den 28 februari 2031" at the end) is due at its
        # last report; the earlier ones stay commitments of their own. A rhythm of reports joins it too.
        once = [i for i in of_task if found[i].deadlines and found[i].recurrence is None]
        final = max(once, key=lambda i: (found[i].deadlines[-1], i)) if once else None
        for i in of_task:
            if i in once and i != final:
                continue
            dropped |= _join(found, target, i)
    kept = [f for i, f in enumerate(found) if i not in dropped]
    tasks = [found[i] for i in main if i not in dropped]
    reported = interim_apart(_same_time(_with_the_report(kept, tasks), text, reference), text)
    # Only one task given ("Regeringen ger X i uppdrag att …") dates what the decision says besides; a decision
    # of several numbered tasks ("1. Uppdrag att …", "2. …") has a date for each, or none.
    return _due_with_the_task(reported, tasks) if given else reported


def _reported_task(found: list[Finding], main: list[int], parts: list[int], i: int) -> int | None:
    """The task (or part of it) finding `i` reports, or None when it reports none."""
    f = found[i]
    folded = match_text(f.text).folded
    if _PART_REPORT.search(folded):
        # "Deluppdraget ska redovisas …" reports the part given last before it.
        return next(reversed(_tasks_before(found, parts or main, f)), None)
    if _OWN_PART.search(folded) and f.owner:
        # "Vinnova ska redovisa den del av uppdraget som avser att utlysa medel …" where the decision gives
        # tasks to two agencies: the report of Vinnova's task.
        owners = {found[t].owner for t in main}
        own = [t for t in _tasks_before(found, main, f) if found[t].owner == f.owner]
        if len(owners) > 1 and len(own) == 1:
            return own[0]
    if TASK_REPORT.search(folded) and not (INTERIM.search(folded) and not BOTH_REPORTS.search(folded)):
        # "Uppdraget ska redovisas …" reports the decision's first task (its owner's), not a second one given
        # further on ("… uppdrar åt X att också upprätta …").
        return next(iter(_tasks_before(found, main, f, owner=f.owner)), None)
    if _REPORTED.search(folded) and i > 0 and _completes(found[i - 1], f, text_gap=f.span[0] - found[i - 1].span[1]):
        return i - 1
    return None


def _only_report(found: list[Finding], task: int) -> int | None:
    """The one dated report to the government after a lone task that nothing else reports, if there is one.

    Of two ("SLU ska senast den 28 februari 2019 lämna in en verksamhetsrapport … om uppdragets genomförande",
    "En ekonomisk uppföljning ska lämnas senast den 15 mars 2019"), the one about the task completes it; when the
    words do not tell which, none is joined.
    """
    owner = found[task].owner or ""
    candidates = [
        i
        for i, f in enumerate(found)
        if i > task
        and f.deadlines
        and f.recurrence is None
        and (not f.owner or f.owner in owner or owner in f.owner)
        and folded_search(_TO_GOVERNMENT, f)
        and not folded_search(INTERIM, f)
    ]
    about_the_task = [i for i in candidates if folded_search(_ABOUT_THE_TASK, found[i])]
    for among in (candidates, about_the_task):
        if len(among) == 1:
            return among[0]
    return None


def _join(found: list[Finding], target: int, i: int) -> set[int]:
    """Join report `i` to its task `target` in place; the indexes of what is no longer a finding of its own."""
    task, f = found[target], found[i]
    if task.deadlines and _OWN_DEADLINE.match(task.deadline_phrase or ""):
        if task.deadlines[-1:] == f.deadlines[-1:]:
            return {i}  # "… i uppdrag att till och med den 30 april 2028 …", reported that day: one
        return set()  # the task has a deadline of its own ("under 2020 till 2022"): its report is another promise
    both = bool(BOTH_REPORTS.search(match_text(f.text).folded)) and len(f.deadlines) > 1
    found[target] = due_when_reported(task, f, last_only=both)
    if both:
        # "Uppdraget ska delredovisas senast den 11 november 2024 och slutredovisas senast den 15 december
        # 2025": the final report dates the task; the interim report stays a commitment with its own date.
        found[i] = replace(f, deadlines=f.deadlines[:-1])
        return set()
    return {i}


def folded_search(pattern: re.Pattern[str], f: Finding) -> bool:
    return pattern.search(match_text(f.text).folded) is not None


def _tasks_before(found: list[Finding], among: list[int], f: Finding, owner: str | None = None) -> list[int]:
    """The tasks among `among` before `f` in the text; only its owner's, when it names one that has any."""
    before = [t for t in among if found[t].span[0] < f.span[0]]
    return [t for t in before if owner and found[t].owner == owner] or before


def _completes(promise: Finding, report: Finding, *, text_gap: int) -> bool:
    """Is `report` the dated report of the undated `promise` just before it, about the same thing?"""
    if promise.deadlines or promise.recurrence or not 0 <= text_gap <= _ADJACENT:
        return False
    return word_overlap(match_text(promise.text).folded, match_text(report.text).folded) >= _ABOUT_THE_SAME


def due_when_reported(task: Finding, report: Finding, *, last_only: bool) -> Finding:
    """The task due when its report is, owned as before (or by whom the report names)."""
    return replace(
        task,
        deadlines=report.deadlines[-1:] if last_only else report.deadlines,
        deadline_phrase=report.deadline_phrase,
        deadline_note=report.deadline_note,
        recurrence=_rhythm(task.recurrence, report.recurrence),
        confidence=max(task.confidence, report.confidence),
        owner=task.owner or report.owner,
    )


def _with_the_report(kept: list[Finding], tasks: list[Finding]) -> list[Finding]:
    """An undated promise to be done with the task's report is due when the task is."""
    dated = [t for t in tasks if t.deadlines]
    if not dated:
        return kept
    out = []
    for f in kept:
        if not f.deadlines and not f.recurrence and folded_search(WITH_THE_REPORT, f):
            task = ([t for t in dated if t.span[0] < f.span[0]] or dated)[-1]
            out.append(replace(f, deadlines=task.deadlines[-1:], deadline_phrase=task.deadline_phrase))
        else:
            out.append(f)
    return out


def _rhythm(task: str | None, report: str | None) -> str | None:
    """The report's rhythm (it names the day: "Den årliga redovisningen ska lämnas … senast den 31 maj"),
    ending where the task's ends ("årligen till och med … perioden 2022–2033")."""
    if report is None:
        return task
    return with_end(report, rule_end(task) if task else None)


# Duties that go on while the work does: no date of their own, and none from the task.
_CONTINUOUS = sv(
    r"\blöpande\b|\bkontinuerlig\w*|\bfortlöpande\b|\bunder\s+(?:arbetets|uppdragets)\s+gång\b"
    r"|\bunder\s+hela\b|\bvid\s+behov\b"
)


def _due_with_the_task(kept: list[Finding], tasks: list[Finding]) -> list[Finding]:
    """What a decision tells an agency to do, without a date of its own, is due when the task is reported:
    "Tillväxtverket ska … analysera och jämföra …" in a decision reported on 31 October 2020. A rhythm of
    reports ("årligen i april från och med 2023") ends before the final report.

    Duties that go on while the work does ("ska löpande informera") keep no date.
    """
    task = next((t for t in tasks if t.deadlines), None)
    if task is None:
        return kept
    final = task.deadlines[-1]
    out = []
    for f in kept:
        if f in tasks:
            out.append(f)
        elif not f.deadlines and f.recurrence is None and not folded_search(_CONTINUOUS, f):
            if f.span[0] > task.span[0]:
                note = ";".join(x for x in (f.deadline_note, FROM_TASK) if x)
                out.append(replace(f, deadlines=(final,), deadline_phrase=task.deadline_phrase, deadline_note=note))
            else:
                out.append(f)
        elif f.recurrence and f.deadlines and f.deadlines[0] < final:
            out.append(replace(f, recurrence=with_end(f.recurrence, final - timedelta(days=1))))
        else:
            out.append(f)
    return out


# "Vid samma tidpunkt ska en ekonomisk redovisning lämnas …": when the report before it is due.
SAME_TIME = sv(r"\b(?:vid|på)\s+samma\s+(?:tidpunkt|datum|dag)\b|\bsamtidigt\s+(?:ska|skall)\b")


_BEFORE_CHARS = 600


def _same_time(kept: list[Finding], text: str, reference: date) -> list[Finding]:
    """ "Vid samma tidpunkt ska Skogsstyrelsen lämna en ekonomisk redovisning …": due on the last date the
    text named before it ("… ska återbetalas senast den 31 januari 2017.")."""
    out: list[Finding] = []
    for f in kept:
        when = None
        if not f.deadlines and folded_search(SAME_TIME, f):
            before = text[max(0, f.span[0] - _BEFORE_CHARS) : f.span[0]]
            named = [d for d in find_deadlines(before, reference) if d.dates]
            when = named[-1] if named else None
        if when is not None:
            # Dated now, it is as sure a commitment as any dated report (the score adds what a date adds).
            out.append(
                replace(
                    f,
                    deadlines=when.dates[-1:],
                    deadline_phrase=" ".join(when.phrase.split()),
                    confidence=min(1.0, f.confidence + DATE_WEIGHT * when.confidence),
                )
            )
        else:
            out.append(f)
    return out


INTERIM_REPORT = sv(r"\b(?:muntlig\s+)?del(?:redovis|rapport)\w*")
_FINAL_REPORT = sv(r"\bslut(?:redovis|rapport)\w*")


def interim_apart(kept: list[Finding], text: str) -> list[Finding]:
    """ "… En delredovisning … ska lämnas senast den 9 juni 2022 och en slutredovisning ska lämnas senast den
    3 oktober 2022": the task is due at the final report, the interim report is a commitment of its own."""
    out: list[Finding] = []
    for f in kept:
        folded = match_text(f.text).folded
        if len(f.deadlines) < 2 or f.recurrence is not None or not _FINAL_REPORT.search(folded):
            out.append(f)
            continue
        raw = text[f.span[0] : f.span[1]]
        sentence = next(
            ((a, b) for a, b in split_sentences(raw) if INTERIM_REPORT.search(match_text(raw[a:b]).folded)), None
        )
        if sentence is None:
            out.append(f)
            continue
        a, b = sentence
        final = replace(f, deadlines=f.deadlines[-1:])
        if a == 0 and len(raw[b:].strip()) == 0:
            # One sentence says both: it is cut where the final report begins ("… och en slutredovisning …").
            cut = _FINAL_AFTER.search(match_text(raw).folded)
            if cut is None:
                out.append(f)
                continue
            b = cut.start()
            final = replace(
                final,
                text=" ".join(raw[cut.start("final") :].split()),
                span=(f.span[0] + cut.start("final"), f.span[1]),
            )
        interim = replace(
            f,
            text=" ".join(raw[a:b].split()),
            span=(f.span[0] + a, f.span[0] + b),
            deadlines=f.deadlines[:-1],
        )
        out.extend((final, interim))
    return out


_FINAL_AFTER = sv(r"[,;]?\s+(?:och|samt)\s+(?P<final>(?:en\s+|den\s+)?slut(?:redovis|rapport)\w*)")
