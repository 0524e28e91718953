"""A time in brackets at the end of an action: "Ta fram en klimatanpassningsplan (2021)", "Se över
krisledningsplanen (hösten 2022)". An action plan's list gives each step its year so; as running text a bare
"2021" is no time, but in brackets closing the step it is when the step is due.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.extraction.deadlines import whole_time
from bot.extraction.model import COMMITMENT, Finding

__all__ = ["date_by_bracket"]

# "(2021)", "(klart 2022)", "(senast 2023)", "(hösten 2022)", "(Q3 2022)" closing the step
_CLOSING = re.compile(
    r"\((?:klart\s+|klar\s+|senast\s+|år\s+|tid:\s*)?(?P<time>[^()]{4,24})\)\s*\.?\s*$", re.IGNORECASE
)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def date_by_bracket(findings: list[Finding], reference: date, document_date: date | None) -> list[Finding]:
    """`findings` with each undated commitment that ends in a bracketed time dated by it (its last day), when
    that day is not before the document."""
    out: list[Finding] = []
    for f in findings:
        m = _CLOSING.search(f.text) if f.kind == COMMITMENT and not f.deadlines and f.recurrence is None else None
        said = m["time"].strip() if m is not None else ""
        read = whole_time(said, reference) if _HAS_YEAR.search(said) else None
        if read is not None and (document_date is None or read[0] >= document_date):
            out.append(replace(f, deadlines=(read[0],), deadline_phrase=said))
        else:
            out.append(f)
    return out
