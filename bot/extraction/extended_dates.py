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
# The verbs, as written (OCR look-alikes aside): where an extension may be told.
_HINT = re.compile(r"f[öoe]rl[äae]ng|skjut|flytta", re.IGNORECASE)
_BEFORE_VERB = 120
_AFTER_VERB = 80
_REACH = 400


def moved_later(findings: list[Finding], text: str, reference: date) -> list[Finding]:
    """`findings` with a dated commitment followed closely by its time's extension due at the new date."""
    out = list(findings)
    dated = sorted((f.span, i) for i, f in enumerate(out) if f.kind == COMMITMENT and f.deadlines)
    if not dated:
        return findings
    # Only the text around each verb is folded: a long answer is read once already, not again here.
    for hint in _HINT.finditer(text):
        a = max(0, hint.start() - _BEFORE_VERB)
        m = _EXTENDED.search(match_text(text[a : hint.end() + _AFTER_VERB]).folded)
        if m is None:
            continue
        at, when = a + m.start(), text[a + m.start("when") : a + m.end("when")]
        found = parse_deadline(when, reference)
        new = last_day(found) if found is not None else None
        # the commitment that ends before the extension, or holds it (read as its completing sentence)
        before = [i for (start, end), i in dated if start < at and at - end <= _REACH]
        if new is None or not before:
            continue
        i = before[-1]
        f = out[i]
        if new > f.deadlines[0] and f.recurrence is None:
            out[i] = replace(f, deadlines=(new,), deadline_phrase=when.strip())
    return out
