"""The result type of the deadline grammar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["Deadline"]


@dataclass(frozen=True)
class Deadline:
    """A deadline, period, list, range or rhythm found in a text.

    `dates` holds the resolved deadlines, earliest first; it is empty for a pure
    recurrence and for a range (a range says when something happens, not by
    when). `note` is a machine-readable caveat, several joined by ";":

    - "ocr_1_as_i": "senast 1 april" read as "senast i april" (OCR turns "i" into "1");
    - "range:2020-10-01/2021-02-28": the stretch a range covers;
    - "from:2024-01-01" / "after:2023-09-01": an open range ("från och med", "efter");
    - "relative": counted from the reference date ("inom tre månader");
    - "vague": "i början av", "i mitten av" resolved by convention.
    """

    dates: tuple[date, ...]
    phrase: str
    span: tuple[int, int]
    recurrence: str | None
    confidence: float
    kind: str
    note: str | None = None
