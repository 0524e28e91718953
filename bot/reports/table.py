"""The follow-up pack as one table: a row per commitment (and per recommendation none answers), the same
columns in CSV and Excel."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Literal

from bot.reports import facts
from bot.reports.data import CaseGroup, CommitmentRow, RecommendationGroup, Report
from bot.texts import Texts

Cell = str | date | None
Kind = Literal["text", "long", "date"]


@dataclass(frozen=True)
class Column:
    """A column: its header's string key, its kind, and its width in Excel (characters)."""

    key: str
    kind: Kind
    width: int


COLUMNS = (
    Column("report_col_case", "text", 16),
    Column("report_col_case_title", "long", 30),
    Column("report_col_recommendation", "long", 40),
    Column("report_col_reference", "text", 10),
    Column("report_col_text", "long", 50),
    Column("report_col_owner", "text", 20),
    Column("report_col_role", "text", 18),
    Column("report_col_deadline", "date", 16),
    Column("report_col_deadline_phrase", "text", 22),
    Column("report_col_meeting", "date", 16),
    Column("report_col_original", "date", 16),
    Column("report_col_original_phrase", "text", 22),
    Column("report_col_recurrence", "text", 20),
    Column("report_col_status", "text", 12),
    Column("report_col_light", "text", 11),
    Column("report_col_comment", "long", 40),
    Column("report_col_comment_at", "date", 16),
    Column("report_col_evidence", "long", 40),
    Column("report_col_moves", "long", 40),
)
LIGHT_COLUMN = [c.key for c in COLUMNS].index("report_col_light")


def header(texts: Texts) -> list[str]:
    return [texts.get(c.key) for c in COLUMNS]


def cells(
    texts: Texts, case: CaseGroup, group: RecommendationGroup, row: CommitmentRow, tz: tzinfo | None
) -> list[Cell]:
    """One commitment's cells, in the order of :data:`COLUMNS`; dates stay dates, a moment's day is `tz`'s."""
    recommendation = group.text if group.text is not None else facts.recommendation_heading(texts, group)
    comment = row.latest_comment
    return [
        case.dnr if case.case_id is not None else facts.case_heading(texts, case),
        case.title,
        " ".join(recommendation.split()),
        row.reference,
        row.text,
        row.owner_name,
        row.owner_role,
        row.deadline,
        _phrase(row.deadline, row.deadline_phrase),
        row.meeting,
        row.original_deadline,
        _phrase(row.original_deadline, row.original_deadline_phrase),
        row.recurrence_phrase,
        facts.status_name(texts, row),
        facts.light_name(texts, row),
        " ".join(comment.text.split()) if comment else None,
        comment.at.astimezone(tz).date() if comment else None,
        "\n".join(row.evidence),
        "\n".join(facts.moves(texts, row)),
    ]


def _phrase(day: date | None, phrase: str | None) -> str | None:
    # A date typed as a date says nothing the date column does not.
    return None if day is not None and phrase == day.isoformat() else phrase


def _unanswered_cells(texts: Texts, case: CaseGroup, group: RecommendationGroup) -> list[Cell]:
    """A recommendation no commitment answers: its case and text, and the sentence that says so."""
    known: dict[str, Cell] = {
        "report_col_case": case.dnr,
        "report_col_case_title": case.title,
        "report_col_recommendation": " ".join((group.text or "").split()),
        "report_col_text": texts.get("report_no_commitments"),
    }
    return [known.get(c.key) for c in COLUMNS]


def rows(texts: Texts, report: Report) -> Iterator[tuple[CommitmentRow | None, list[Cell]]]:
    """Every commitment and its cells, in report order, and a row (without a commitment) for each
    recommendation that none answers: the auditors look for those too, and a follow-up audit imported
    without commitments would otherwise not be in the table at all."""
    for case in report.cases:
        for group in case.recommendations:
            if not group.commitments and group.text is not None:
                yield None, _unanswered_cells(texts, case, group)
            for row in group.commitments:
                # `now` is the clock's, so its zone is the one the bot runs in (ATAGANDE_TIMEZONE).
                yield row, cells(texts, case, group, row, report.now.tzinfo)
