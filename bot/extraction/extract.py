"""`extract`: from an audit answer's text to its commitments and recommendations.

The steps, each in its own module:

1. lines, layout: lines → units (paragraphs, list items, headings, labels),
   page headers left out, words split at line ends joined;
2. structure: which units are recommendations, answer blocks, promise lists;
3. action_fields, tables: action plans as fields or as a Rekommendation |
   Åtgärd | Ansvarig | Tidplan table;
4. reader: sentences read for promise cues (classify), sentences that belong
   together joined, owners (owners, and section_owners where the page's lines
   name the committee) and deadlines (deadlines) attached; the date grammar
   runs once over each unit that can hold a finding;
5. here: schedules of a name and a time per line (schedule_lists), plans told
   under headings that are only a time (time_headings), days listed under a lead that points to them
   (listed_dates); a
   decision's task read as one (decisions), or several things decided in one
   sentence split (decided_parts); the document's facts (metadata),
   duplicates merged (merge), confidence floor, best first.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.extraction import cues
from bot.extraction.action_fields import deadline_of, find_key_records, owner_of
from bot.extraction.agencies import GOVERNMENT
from bot.extraction.bracket_times import date_by_bracket
from bot.extraction.carried_owners import self_named
from bot.extraction.classify import commitment_cue
from bot.extraction.deadlines import Chosen, choose
from bot.extraction.decided_parts import split_decided, split_steps
from bot.extraction.decisions import is_decision, read_as_decision
from bot.extraction.extended_dates import moved_later
from bot.extraction.finish import finish, make_finding
from bot.extraction.lines import split_lines
from bot.extraction.listed_dates import date_by_listed_days
from bot.extraction.merge import dedupe
from bot.extraction.metadata import (
    document_auditor,
    document_committee,
    document_dnr,
    document_title,
)
from bot.extraction.metadata import document_date as find_document_date
from bot.extraction.model import COMMITMENT, RECOMMENDATION, Extraction, Finding
from bot.extraction.owner_fields import give_unowned, owned_by_field, owned_by_lead
from bot.extraction.page_reports import both_reports_apart, join_page_reports
from bot.extraction.pointing_back import join_pointing_back
from bot.extraction.quoted_speakers import owned_by_speaker
from bot.extraction.reader import TABLE_STRENGTH, Reader
from bot.extraction.report_fields import date_by_report_fields
from bot.extraction.schedule_lists import schedule_findings
from bot.extraction.scoring import commitment_confidence, recommendation_confidence
from bot.extraction.table_parts import Cell, Table
from bot.extraction.tables import find_tables
from bot.extraction.task_period import date_by_task_period
from bot.extraction.time_headings import date_by_time_headings
from bot.language.normalize import match_text
from bot.language.periods import find_deadlines

__all__ = ["extract"]

# Below this a finding is noise more often than not; officials would only be slowed down by it.
_MIN_CONFIDENCE = 0.42
_HEAD_CHARS = 60_000
# The government speaking in its answer: "Regeringen avser att …", "Regeringen instämmer i …".
# A municipality's or region's own text, where the government is named only in passing.
_MUNICIPAL = re.compile(r"\b(?:\w*kommun\w*|\w*namnd\w*|region\w*|\w*forvaltning\w*)\b")
_GOVERNMENT_NAMED = re.compile(r"\bregeringen\b")
_GOVERNMENT_ASIDE = 2
# A decision taken at a meeting of no body named: the minutes' own committee's ("Beslut fattas på
# oktobersammanträdet", "Ärendet avgörs vid nästa sammanträde").
_OWN_NEXT_MEETING = re.compile(
    r"^\W*(?:beslut(?:et)?\s+(?:fattas|tas)|arendet\s+(?:avgors|behandlas|beslutas))\s+(?:pa|vid)\s+(?:nasta\s+)?"
    r"(?:\w+sammantradet|sammantradet|sammantrade)\b"
)
_GOVERNMENT_ANSWERS = re.compile(r"\bregeringen\s+(?:avser|instammer|anser|kommer\s+att)\b")


def _table_findings(table: Table, reference: date, report: bool) -> list[Finding]:
    out: list[Finding] = []
    for row in table.rows:
        rec_span: tuple[int, int] | None = None
        if row.get("rec"):
            text, span = _cells_text(row["rec"])
            rec_span = span
            out.append(
                make_finding(
                    RECOMMENDATION,
                    text,
                    span,
                    Chosen((), None, None, None, 0.0),
                    None,
                    None,
                    recommendation_confidence(structural=True, cue=True),
                    None,
                )
            )
        text, span = _cells_text(row["action"])
        if _done(text, row.get("deadline")):
            continue  # "En e-tjänst har införts": done already, nothing to follow up
        owner = owner_of(_cells_text(row["owner"])[0]) if row.get("owner") else None
        chosen = deadline_of(_cells_text(row["deadline"])[0], reference) if row.get("deadline") else None
        chosen = chosen or Chosen((), None, None, None, 0.0)
        if not chosen.deadlines and chosen.recurrence is None:
            # "Stickprov görs två gånger per år" with Tidplan "Från och med hösten": the rhythm is in the action.
            inner = choose(find_deadlines(text, reference), document_date=None)
            if inner.deadlines or inner.recurrence:
                chosen = Chosen(
                    inner.deadlines, chosen.phrase or inner.phrase, inner.recurrence, inner.note, inner.confidence
                )
        confidence = commitment_confidence(
            TABLE_STRENGTH,
            date_confidence=chosen.confidence if chosen.deadlines else 0.0,
            has_recurrence=chosen.recurrence is not None,
            has_owner=owner is not None,
            answers=rec_span is not None,
            hedged=False,
            report=report,
        )
        out.append(make_finding(COMMITMENT, text, span, chosen, owner, None, confidence, rec_span))
    return out


_DONE_CELL = re.compile(r"^\W*(?:genomfor[dt]a?|klart?|klara|infor[dt]a?|avslutat?|atgardat|utfor[dt])\b")


def _done(action: str, deadline: list[Cell] | None) -> bool:
    if deadline and _DONE_CELL.match(match_text(deadline[0].text).folded):
        return True  # Tidplan "Genomfört (oktober 2023)": nothing left to follow up
    folded = match_text(action).folded
    if not cues.PAST.search(folded) or commitment_cue(folded) is not None:
        return False
    return not deadline or not any(ch.isdigit() for c in deadline for ch in c.text)


def _cells_text(cells: list[Cell]) -> tuple[str, tuple[int, int]]:
    text = " ".join(" ".join(c.text.split()) for c in cells)
    return text, (min(c.start for c in cells), max(c.end for c in cells))


def extract(text: str, *, document_date: date | None = None, today: date) -> Extraction:
    """Commitments and recommendations in an audit answer, best first, and the document's facts.

    `document_date` (the CLI's --date) wins over a date found in the document; without
    either, deadlines are resolved against `today`.
    """
    lines = split_lines(text)
    found_date = find_document_date(text, lines)
    doc_date = document_date or found_date
    reference = doc_date or today
    tables = find_tables(text, lines, reference)
    tables += [t for t in find_key_records(lines) if not any(t.start < o.end and o.start < t.end for o in tables)]
    reader = Reader(text, lines, reference, doc_date, tables)
    drafts = reader.run()
    # Recommendations first, so commitments can point at their final spans.
    rec_spans: dict[int, tuple[int, int]] = {}
    findings: list[Finding] = []
    for draft in sorted(drafts, key=lambda d: d.kind != RECOMMENDATION):
        finding = finish(reader, draft, rec_spans)
        if finding is None:
            continue
        if draft.kind == RECOMMENDATION:
            rec_spans[id(draft)] = finding.span
        findings.append(finding)
    for table in tables:
        findings.extend(_table_findings(table, reference, reader.genre == "report"))
    if reader.genre != "report":
        taken = [f.span for f in findings]
        findings.extend(
            f
            for f in schedule_findings(text, lines, reference)
            if not any(a < f.span[1] and f.span[0] < b for a, b in taken)
        )
        findings = date_by_time_headings(findings, text, lines, reference, doc_date)
    # A task's own report fields date it before a decision's reading dates its tasks by the decision's reports.
    findings = date_by_report_fields(findings, text, reference)
    findings = date_by_listed_days(findings, text, reference)
    findings = moved_later(findings, text, reference)
    head = match_text(text[:_HEAD_CHARS]).folded
    if is_decision(text, answers_recommendations=any(f.kind == RECOMMENDATION for f in findings)):
        # A decision gives a task; an answer to auditors that also gives one ("Nämnden ger förvaltningen i
        # uppdrag att …" among its answers) is still read as an answer, each promise on its own.
        # A task page in a decision's shape ("Uppdrag för särskilda åtaganden … Slutdatum: 01 januari 2024"):
        # what has no date of its own is due when the task ends.
        findings = date_by_task_period(read_as_decision(findings, text, reference, doc_date), text, reference, doc_date)
    elif _GOVERNMENT_ANSWERS.search(head):
        # The government's answer to Riksrevisionen promises for itself: "En översyn av förordningen … planeras".
        findings = give_unowned(findings, GOVERNMENT)
        findings = split_decided(findings, text, reference, doc_date)
    else:
        # A municipality's text telling what the government intends ("Regeringen har för avsikt att tillsätta en
        # utredning …") tells of the world around it; only its own promises are commitments.
        if _MUNICIPAL.search(head) and len(_GOVERNMENT_NAMED.findall(head)) <= _GOVERNMENT_ASIDE:
            findings = [f for f in findings if not (f.kind == COMMITMENT and f.owner == GOVERNMENT)]
        findings = both_reports_apart(join_page_reports(findings, text), text, reference)
        findings = split_decided(findings, text, reference, doc_date)
        findings = date_by_task_period(findings, text, reference, doc_date)
    findings = date_by_bracket(split_steps(findings, text, reference, doc_date), reference, doc_date)
    findings = owned_by_speaker(owned_by_field(findings, text), text)
    if reader.page_agency is not None:
        # An agency's page about its own work: what it promises without naming anyone is the agency's.
        findings = give_unowned(findings, reader.page_agency)
    else:
        findings = owned_by_lead(findings, reader.units)
    merged, moved = dedupe(join_pointing_back(findings))
    committee = document_committee(text, reader.lines, reader.units)
    out: list[Finding] = []
    for found in merged:
        kept = replace(found, answers=moved[found.answers]) if found.answers in moved else found
        if kept.kind == COMMITMENT and kept.owner is None:
            # the last resort, after every rule that names the agency: "Myndigheten ska …" as the text says it
            folded = match_text(kept.text).folded
            kept = replace(kept, owner=self_named(folded))
            if kept.owner is None and committee is not None and _OWN_NEXT_MEETING.search(folded):
                # "Beslut fattas på oktobersammanträdet" in a committee's minutes: that committee decides
                kept = replace(kept, owner=committee)
        if kept.confidence >= _MIN_CONFIDENCE:
            out.append(kept)
    out.sort(key=lambda f: (-f.confidence, f.span[0], f.span[1]))
    return Extraction(
        findings=tuple(out),
        reference_date=reference,
        document_date=doc_date,
        dnr=document_dnr(text),
        committee=committee,
        title=document_title(reader.units),
        auditor=document_auditor(head),
    )
