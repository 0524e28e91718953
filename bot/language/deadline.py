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
    - "vague": "i början av", "i mitten av" resolved by convention;
    - "school_start": the start of a term or school year, which each school's
      huvudman sets, taken as the earliest day it can be (1 August, 1 January);
    - "next_season": a season typed in its own last month read as the next one
      ("under hösten" in December, see `periods.py`);
    - "year_named": the year something is for ("en strategi för 2021", "år 2021"),
      weaker than any other time said with it.

    `kind` is "date", "period", "list", "range", "recurrence", or "event": an
    occasion of a committee's own year in a named year ("inför budgetarbetet
    2028"), which has no date without that committee's calendar.
    """

    dates: tuple[date, ...]
    phrase: str
    span: tuple[int, int]
    recurrence: str | None
    confidence: float
    kind: str
    note: str | None = None

    @property
    def undated(self) -> str | None:
        """Why this time phrase gives no deadline, when that is worth telling the person who typed it.

        "start" for an open range ("efter sommaren", "från och med hösten"): it says when
        something begins, not by when it is done; "event" for an occasion the bot cannot date
        ("inför budgetarbetet 2028"). None for everything else, dated or not.
        """
        if self.dates or self.recurrence is not None:
            return None
        if self.kind == "event":
            return "event"
        notes = (self.note or "").split(";")
        if self.kind == "range" and any(n.startswith(("after:", "from:")) for n in notes):
            return "start"
        return None
