"""A page's owner given as a field: "Ansvarig organisation: • Kommunstyrelsen".

Municipal pages that follow up a programme's measures one page each (the environmental barometers many
municipalities publish) end every measure with its facts as fields:

    Ansvarig organisation
      • Kommunstyrelsen
    Delansvarig
      • Klimat- och stadsmiljönämnden

The sentences above say "kommer att skickas ut på remiss" and "beräknas antas" without a subject; the field says
whose they are. One such field on a page owns the page's commitments that name no owner; several belong to
records this module cannot tell apart, and own nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.extraction.layout import Unit
from bot.extraction.model import COMMITMENT, Finding
from bot.extraction.owners import find_committees
from bot.language.normalize import match_text

__all__ = ["field_owner", "give_unowned", "lead_owner", "owned_by_field", "owned_by_lead"]

# The label on its own line (with or without a colon) and the name on the next, perhaps bulleted; or both on one.
_OWNER_FIELD = re.compile(
    r"^[ \t]*Ansvarig(?:[ \t]+(?:organisation|nämnd|förvaltning|enhet|verksamhet))?[ \t]*:?[ \t]*"
    r"(?:\n[ \t]*(?:[•▪◦*–-][ \t]*)?|(?<=:)[ \t]*)(?P<name>[A-ZÅÄÖ][^\n:]{2,80}?)[ \t]*$",
    re.MULTILINE,
)


def give_unowned(findings: list[Finding], owner: str | None) -> list[Finding]:
    """`findings` with each commitment that names no owner given `owner` (none given when it is None)."""
    if owner is None:
        return findings
    return [replace(f, owner=owner) if f.kind == COMMITMENT and f.owner is None else f for f in findings]


def field_owner(text: str) -> str | None:
    """The owner a page's one "Ansvarig organisation" field names, or None (no field, or several)."""
    names = {" ".join(m["name"].split()) for m in _OWNER_FIELD.finditer(text)}
    return names.pop() if len(names) == 1 else None


def owned_by_field(findings: list[Finding], text: str) -> list[Finding]:
    """`findings` with the commitments that name no owner given the page's field owner, if it has one."""
    return give_unowned(findings, field_owner(text))


# A municipal unit named in a page's lead: "Det händer mycket på Tekniska förvaltningen under året".
_UNIT_NAMED = re.compile(
    r"\b(?:[A-ZÅÄÖ][\wåäö-]+\s+)?(?:[A-ZÅÄÖ][\wåäö-]*(?:förvaltningen|nämnden|styrelsen|kontoret)"
    r"|[A-ZÅÄÖ][\wåäö-]+\s+(?:förvaltningen|nämnden|kontoret))\b"
)
_LEAD_UNITS = 2


def lead_owner(units: Sequence[Unit]) -> str | None:
    """The one municipal unit a page's lead names ("Det händer mycket på Tekniska förvaltningen …"), or None.

    A news page about a unit's work names it once, in its opening paragraph, and then lists what is done
    without a subject ("Om- och tillbyggnad av köket påbörjas juni 2020"). Two units named, or none: no owner.
    """
    paragraphs = [u for u in units if u.kind == "para" and len(u.text) > _SHORTEST_LEAD][:_LEAD_UNITS]
    names: set[str] = set()
    for u in paragraphs:
        spans = [(m.start(), m.end()) for m in _UNIT_NAMED.finditer(u.text)]
        names |= {" ".join(u.text[s:e].split()) for s, e in spans}
        # A committee named apart from those ("… och Kultur- och fritidsnämnden"): whose is which is not told.
        for s, e, _ in find_committees(u.text, match_text(u.text).folded):
            if not any(s < e2 and s2 < e for s2, e2 in spans):
                return None
    return names.pop() if len(names) == 1 else None


_SHORTEST_LEAD = 60


def owned_by_lead(findings: list[Finding], units: Sequence[Unit]) -> list[Finding]:
    """`findings` with the commitments that name no owner given the unit the page's lead names, if one."""
    return give_unowned(findings, lead_owner(units))
