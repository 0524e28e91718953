"""Which button ``:klicka`` means when a message holds several with one label.

A morning's reminder lists several commitments, each with its own **Markera som klart**;
``:klicka Markera som klart BUN-7`` presses the one of BUN-7. The buttons of a commitment sit in blocks
named by its id (``answer:7``, and on a card ``owner:7`` and ``edit:7``), so a reference at the end of
the label names the block.
"""

from __future__ import annotations

import re

from bot.domain.errors import UserError
from bot.services import commitments as commitment_service
from bot.services.context import Services

_TRAILING_REF = re.compile(r"^(?P<label>.+?)\s+(?P<ref>[A-Za-zÅÄÖåäö]{1,10}-\d{1,6})$")


def button_and_blocks(svc: Services, typed: str) -> tuple[str, list[str | None]]:
    """(label, the block ids to look in): ``[None]`` (anywhere) unless the label ends in a known reference."""
    found = _TRAILING_REF.match(typed.strip())
    if found is None:
        return typed, [None]
    try:
        with svc.db.read() as session:
            commitment = commitment_service.get_by_reference(session, found["ref"])
    except UserError:
        return typed, [None]  # not a reference after all: a label that ends like one
    return found["label"], [f"{kind}:{commitment.id}" for kind in ("answer", "owner", "edit")]
