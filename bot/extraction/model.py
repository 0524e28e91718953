"""What `extract` returns: findings (commitments and recommendations) and the document's facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["COMMITMENT", "RECOMMENDATION", "Extraction", "Finding"]

# A deadline_note mark: the date is the task's (a decision's report date), not one the sentence gives.
FROM_TASK = "from_task"
COMMITMENT = "commitment"
RECOMMENDATION = "recommendation"


@dataclass(frozen=True)
class Finding:
    """One commitment or recommendation found in a document.

    `span` is [start, end) in the text given to `extract`; `text` is the
    finding's sentence(s) as written, whitespace collapsed (words split by a
    hyphen at a line end joined again, page headers left out). `answers` is, for
    a commitment, the span of the recommendation it answers.
    """

    kind: str
    text: str
    span: tuple[int, int]
    deadlines: tuple[date, ...]
    deadline_phrase: str | None
    recurrence: str | None
    owner: str | None
    committee: str | None
    confidence: float
    deadline_note: str | None = None
    answers: tuple[int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "deadlines": [d.isoformat() for d in self.deadlines],
            "deadline_phrase": self.deadline_phrase,
            "recurrence": self.recurrence,
            "owner": self.owner,
            "committee": self.committee,
            "confidence": round(self.confidence, 2),
            "deadline_note": self.deadline_note,
            "answers": [self.answers[0], self.answers[1]] if self.answers is not None else None,
        }


@dataclass(frozen=True)
class Extraction:
    """Everything found in one document; `findings` best first."""

    findings: tuple[Finding, ...]
    reference_date: date
    document_date: date | None
    dnr: str | None
    committee: str | None
    title: str | None
    auditor: str | None

    @property
    def commitments(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == COMMITMENT)

    @property
    def recommendations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == RECOMMENDATION)
