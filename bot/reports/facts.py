"""A commitment's facts in Swedish, worded once for every format of the follow-up pack.

The wording itself lives in ``templates/strings_reports.j2``; this module only
picks the right string for a row, so the spreadsheet, the Word file and the
calendar say the same thing in the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.reports.data import CaseGroup, CommitmentRow, RecommendationGroup, Report
from bot.texts import Texts


@dataclass(frozen=True)
class Fact:
    """One labelled line about a commitment ("Status: Pågår")."""

    label: str
    value: str
    # The value is a web address (evidence), shown as a link where the format has links.
    link: bool = False


def status_name(texts: Texts, row: CommitmentRow) -> str:
    return texts.get(f"status_{row.status.value}")


def light_name(texts: Texts, row: CommitmentRow) -> str:
    return texts.get(f"light_name_{row.light.value}")


def owner(texts: Texts, row: CommitmentRow) -> str:
    return texts.get("report_owner", name=row.owner_name or "", role=row.owner_role or "")


def deadline(texts: Texts, row: CommitmentRow) -> str:
    if row.deadline is None:
        return ""
    return texts.get("report_when", day=row.deadline, phrase=row.deadline_phrase)


def original(texts: Texts, row: CommitmentRow) -> str:
    if not row.moved or row.original_deadline is None:
        return ""
    return texts.get("report_when", day=row.original_deadline, phrase=row.original_deadline_phrase)


def latest_comment(texts: Texts, row: CommitmentRow) -> str:
    c = row.latest_comment
    if c is None:
        return ""
    return texts.get("report_comment", text=" ".join(c.text.split()), at=c.at, by=c.by)


def moves(texts: Texts, row: CommitmentRow) -> list[str]:
    return [
        texts.get("report_move", at=m.at, old=m.old, new=m.new, reason=" ".join(m.reason.split()))
        if m.kind != "plan"
        else texts.get("report_plan_move", at=m.at, why=m.reason, old=m.old, new=m.new)
        for m in row.moves
    ]


def case_heading(texts: Texts, case: CaseGroup) -> str:
    if case.case_id is None:
        return texts.get("report_no_case")
    return texts.get("report_case_heading", dnr=case.dnr, title=case.title)


def case_facts(texts: Texts, case: CaseGroup) -> str:
    return texts.get(
        "report_case_facts", auditor=case.auditor, report_date=case.report_date, answer_date=case.answer_date
    )


def recommendation_heading(texts: Texts, group: RecommendationGroup) -> str:
    """ "Rekommendation 2", or "Övriga åtaganden" for the commitments that answer none."""
    if group.number is None:
        return texts.get("report_other")
    return texts.get("report_recommendation", number=group.number)


def shows_heading(case: CaseGroup, group: RecommendationGroup) -> bool:
    """Whether a group gets its own heading: not under "Åtaganden utan ärende", which has only the one group."""
    return case.case_id is not None


def facts(texts: Texts, row: CommitmentRow) -> list[Fact]:
    """The labelled facts shown under a commitment, empty ones left out."""
    out = [Fact(texts.get("report_col_status"), f"{status_name(texts, row)} · {light_name(texts, row)}")]
    out.append(Fact(texts.get("report_col_owner"), owner(texts, row)))
    if row.deadline is not None:
        out.append(Fact(texts.get("report_col_deadline"), deadline(texts, row)))
    if row.meeting is not None:
        out.append(Fact(texts.get("report_fact_meeting"), texts.get("report_meeting", day=row.meeting)))
    if row.moved:
        out.append(Fact(texts.get("report_col_original"), original(texts, row)))
    if row.recurrence_phrase:
        out.append(Fact(texts.get("report_col_recurrence"), row.recurrence_phrase))
    out.extend(Fact(texts.get("report_col_moves"), move) for move in moves(texts, row))
    if row.latest_comment is not None:
        out.append(Fact(texts.get("report_col_comment"), latest_comment(texts, row)))
    out.extend(Fact(texts.get("report_col_evidence"), url, link=True) for url in row.evidence)
    return out


def rows_with_context(report: Report) -> Iterator[tuple[CaseGroup, RecommendationGroup, CommitmentRow]]:
    """Every commitment with its case and recommendation, in report order (for the tables)."""
    for case in report.cases:
        for group in case.recommendations:
            for row in group.commitments:
                yield case, group, row


# Characters XML 1.0 cannot hold (Word and Excel files are XML): C0 controls other than
# tab, line feed and carriage return. Text pasted into Slack can carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(text: str) -> str:
    """``text`` without the control characters an Office file cannot store."""
    return _NOT_XML.sub("", text)
