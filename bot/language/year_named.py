"""The year something is for: "en strategi för 2021", "år 2021", "En beredning … startar 2021".

A bare year in running text counts as a time only after a preposition ("under 2021"). Named as the year work is
for or starts in, it still tells when the work is due, but weakly: the grammar reports it with the note
`YEAR_NAMED`, and the extraction lets it date a promise found otherwise, never make one, and prefers any other
time in the same sentence. After a document or a sum ("regleringsbrevet för 2018", "budgeten för 2019",
"resultatet för 2019") the year names that, and is no time at all.
"""

from __future__ import annotations

import re

from bot.language.deadline import Deadline

__all__ = ["YEAR_NAMED", "is_year_named", "names_the_year"]

YEAR_NAMED = "year_named"

_FOR_OR_STARTS = re.compile(
    r"(?<![^\W_])(?!\w*(?:regleringsbrev|redovisning|berattelse|plan|budget|resultat|bokslut|rapport|prognos"
    r"|ram|anslag|underskott|overskott|utfall)\w{0,4}\s)\w+\s+f[oe]r\s+$"
    r"|(?<![^\W_])(?:startar|startas|borjar|paborjas|inleds|byggstart|byggstarten)\s+(?:ar\s+|sker\s+)?$"
)
_REACH = 40


def names_the_year(folded: str, start: int) -> bool:
    """Is the bare year at `start` of the folded text the year something is for ("för 2021", "år 2021")?"""
    return (
        _FOR_OR_STARTS.search(folded, max(0, start - _REACH), start) is not None
        or folded.startswith(("ar ", "dr "), start)  # the year's atom includes "år"
    )


def is_year_named(found: Deadline) -> bool:
    """Is this time only the year something is for (the grammar's note `YEAR_NAMED`)?"""
    return YEAR_NAMED in (found.note or "").split(";")
