"""A deadline moved later after it was set: "Uppdraget ska redovisas … senast den 31 december 2020. Uppdraget har
förlängts till 31 mars 2021."

An agency's page about a task keeps the date the task was given with and adds, often in the next sentence, that
the time was extended. What the official must follow is the new date: the commitment before the extension is
due then, and the extension's sentence is no promise of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.extraction.cues import sv
from bot.extraction.deadlines import last_day
from bot.extraction.model import COMMITMENT, Finding
from bot.language.normalize import match_text
from bot.language.periods import parse_deadline

__all__ = ["moved_later"]

# "Uppdraget har förlängts till 31 mars 2021", "Redovisningen skjuts upp till den 1 juni", "Tiden för
# uppdraget har förlängts till och med den 30 juni 2022".
_EXTENDED = sv(
    r"\b(?:uppdraget|uppdragstiden|redovisningen|slutredovisningen|tiden|sista\s+dag\w*|slutdatum\w*)\b[^.;]{0,80}?"
    r"\b(?:har\s+)?(?:förlängts|förlängs|skjutits\s+(?:upp|fram)|skjuts\s+(?:upp|fram)|flyttats\s+fram|flyttas\s+fram)"
    r"\s+(?P<when>(?:till|t\.?o\.?m\.?)\s[^.;]{3,40})"
)
_HINT = re.compile(r"f[oe]rl[ae]ng|skj?ut|flytta")
_REACH = 400


def moved_later(findings: list[Finding], text: str, reference: date) -> list[Finding]:
    """`findings` with a dated commitment followed closely by its time's extension due at the new date."""
    folded = match_text(text).folded
    if not _HINT.search(folded):
        return findings
    out = list(findings)
    dated = sorted((f.span, i) for i, f in enumerate(out) if f.kind == COMMITMENT and f.deadlines)
    for m in _EXTENDED.finditer(folded):
        found = parse_deadline(text[m.start("when") : m.end("when")], reference)
        new = last_day(found) if found is not None else None
        # the commitment that ends before the extension, or holds it (read as its completing sentence)
        before = [i for (start, end), i in dated if start < m.start() and m.start() - end <= _REACH]
        if new is None or not before:
            continue
        i = before[-1]
        f = out[i]
        if new > f.deadlines[0] and f.recurrence is None:
            out[i] = replace(f, deadlines=(new,), deadline_phrase=text[m.start("when") : m.end("when")].strip())
    return out
