"""An import's announcement in its committee's channel, planned into the outbox with the import itself.

One summary message in the channel, and each new commitment's card as a reply in its thread: one
outbox row each, with its own key, so they are paced like every other scheduled message (Slack takes
about one message a second into a channel) and a crash halfway loses none and sends none twice.
Planned in the transaction that creates the commitments: an import is never without its cards.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from bot.outbox import store
from bot.outbox.store import Planned

SUMMARY = "import_summary"
CARD = "import_card"


def summary_key(case_id: int) -> str:
    return f"import:{case_id}:summary"


def plan(session: Session, case_id: int, committee_id: int, commitment_ids: Sequence[int], now: datetime) -> int:
    """Put the summary and one card per commitment into the outbox, due now; return how many rows are new."""
    parent = summary_key(case_id)
    rows = [
        Planned(
            key=parent,
            kind=SUMMARY,
            due_at=now,
            committee_id=committee_id,
            payload={"case_id": case_id, "count": len(commitment_ids)},
        )
    ]
    rows += [
        Planned(
            key=f"import:{case_id}:card:{commitment_id}",
            kind=CARD,
            due_at=now,
            commitment_id=commitment_id,
            committee_id=committee_id,
            payload={"parent": parent},
        )
        for commitment_id in commitment_ids
    ]
    return store.enqueue(session, rows, now)
