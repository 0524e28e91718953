"""What the `extract` table shows: findings grouped under the recommendations they answer.

Only data is prepared here; the words are in `templates/extract_table.txt.j2`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.extraction.model import COMMITMENT, RECOMMENDATION, Extraction, Finding
from bot.language.normalize import repair_ocr

__all__ = ["FindingView", "TableView", "table_view"]


@dataclass(frozen=True)
class FindingView:
    text: str  # OCR repaired for reading
    confidence: float
    deadlines: tuple[date, ...]
    deadline_phrase: str | None
    deadline_note: str | None
    recurrence: str | None
    period: tuple[date, date] | None  # a range's first and last day
    owner: str | None
    committee: str | None
    number: int = 0


@dataclass(frozen=True)
class TableView:
    recs: list[tuple[FindingView, list[FindingView]]]
    loose: list[FindingView]
    n_commitments: int


def _period(note: str | None) -> tuple[date, date] | None:
    for part in (note or "").split(";"):
        if part.startswith("range:"):
            first, _, last = part[len("range:") :].partition("/")
            try:
                return date.fromisoformat(first), date.fromisoformat(last)
            except ValueError:
                return None
    return None


def _view(f: Finding, number: int = 0) -> FindingView:
    return FindingView(
        text=repair_ocr(f.text),
        confidence=f.confidence,
        deadlines=f.deadlines,
        deadline_phrase=repair_ocr(f.deadline_phrase) if f.deadline_phrase else None,
        deadline_note=f.deadline_note,
        recurrence=f.recurrence,
        period=_period(f.deadline_note),
        owner=f.owner,
        committee=f.committee,
        number=number,
    )


def table_view(extraction: Extraction) -> TableView:
    """Recommendations in document order, each with its commitments; then the commitments answering none."""
    recs = sorted((f for f in extraction.findings if f.kind == RECOMMENDATION), key=lambda f: f.span)
    commitments = sorted((f for f in extraction.findings if f.kind == COMMITMENT), key=lambda f: f.span)
    by_rec: dict[tuple[int, int], list[Finding]] = {r.span: [] for r in recs}
    loose: list[Finding] = []
    for c in commitments:
        if c.answers is not None and c.answers in by_rec:
            by_rec[c.answers].append(c)
        else:
            loose.append(c)
    return TableView(
        recs=[(_view(r, k), [_view(c) for c in by_rec[r.span]]) for k, r in enumerate(recs, start=1)],
        loose=[_view(c) for c in loose],
        n_commitments=len(commitments),
    )
