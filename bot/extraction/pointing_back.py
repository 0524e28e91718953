"""A measure's details told after it as "Åtgärden ska …": the measure's own time, not a commitment of their own.

A programme of measures gives each measure as a sentence with its owner and then goes on about it:

    Länsstyrelserna ska bedriva tillsyn i syfte att identifiera …

    Åtgärden ska genomföras så att det årligen, från och med år 2017, utövas tillsyn …

The second sentence is when the first is done. The measure keeps its words and owner and takes the time; the
sentence that points back is dropped. A report of the measure ("Åtgärden ska redovisas …") is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.extraction.model import COMMITMENT, Finding
from bot.extraction.textfold import qfold

__all__ = ["join_pointing_back"]

_POINTS_BACK = re.compile(r"^\W*(?:atgarden|insatsen)\s+(?:ska|skall)\s+(?!(?:\w+\s+){0,3}?\w*(?:redovisa|rapportera))")
_REACH = 1_500


def join_pointing_back(findings: list[Finding]) -> list[Finding]:
    """`findings` with each "Åtgärden ska …" commitment folded into the measure before it."""
    order = sorted(range(len(findings)), key=lambda i: findings[i].span[0])
    out = list(findings)
    dropped: set[int] = set()
    measure: int | None = None
    for i in order:
        f = out[i]
        if f.kind != COMMITMENT:
            continue
        points_back = _POINTS_BACK.match(qfold(f.text)) is not None
        if not points_back:
            measure = i
            continue
        if measure is None or f.span[0] - out[measure].span[1] > _REACH:
            continue
        m = out[measure]
        if f.owner is not None and f.owner != m.owner:
            continue
        changes: dict[str, object] = {}
        if not m.deadlines and f.deadlines:
            changes.update(deadlines=f.deadlines, deadline_phrase=f.deadline_phrase, deadline_note=f.deadline_note)
        if m.recurrence is None and f.recurrence is not None:
            changes["recurrence"] = f.recurrence
        out[measure] = replace(m, **changes) if changes else m  # type: ignore[arg-type]
        dropped.add(i)
    return [f for i, f in enumerate(out) if i not in dropped]
