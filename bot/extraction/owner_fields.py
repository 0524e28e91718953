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
from dataclasses import replace

from bot.extraction.model import COMMITMENT, Finding

__all__ = ["field_owner", "owned_by_field"]

# The label on its own line (with or without a colon) and the name on the next, perhaps bulleted; or both on one.
_OWNER_FIELD = re.compile(
    r"^[ \t]*Ansvarig(?:[ \t]+(?:organisation|nämnd|förvaltning|enhet|verksamhet))?[ \t]*:?[ \t]*"
    r"(?:\n[ \t]*(?:[•▪◦*–-][ \t]*)?|(?<=:)[ \t]*)(?P<name>[A-ZÅÄÖ][^\n:]{2,80}?)[ \t]*$",
    re.MULTILINE,
)


def field_owner(text: str) -> str | None:
    """The owner a page's one "Ansvarig organisation" field names, or None (no field, or several)."""
    names = {" ".join(m["name"].split()) for m in _OWNER_FIELD.finditer(text)}
    return names.pop() if len(names) == 1 else None


def owned_by_field(findings: list[Finding], text: str) -> list[Finding]:
    """`findings` with the commitments that name no owner given the page's field owner, if it has one."""
    owner = field_owner(text)
    if owner is None:
        return findings
    return [replace(f, owner=owner) if f.kind == COMMITMENT and f.owner is None else f for f in findings]
