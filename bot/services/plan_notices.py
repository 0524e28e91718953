"""Telling people that a changed meeting plan moved their commitments: one DM per person and change.

Called right after `meeting_plan.replace_meetings` / `move_meeting` (or `follow`), in the same
transaction, so the notices exist exactly when the change does: a change that is rolled back
plans nothing, and one that is committed cannot lose its notices. Each owner gets one message
listing all their commitments that followed the change; commitments without an owner go to the
committee's nämndsekreterare the same way. What the message says is decided when it is sent
(`bot/reminders/plan_notice.py`), so a commitment closed in between is left out.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.outbox import store
from bot.outbox.store import Planned
from bot.services.committees import secretaries
from bot.services.meeting_plan import Followed, PlanChange
from storage.models import Committee, Person, StatusUpdate, UpdateKind

__all__ = ["KIND", "plan_notices"]

KIND = "plan_notice"


def plan_notices(session: Session, committee: Committee, change: PlanChange, now: datetime) -> int:
    """Put one notice per person told into the outbox, due now; return how many were new.

    The key names the change by the history rows it wrote (each row belongs to one change), so
    planning the same change twice (a double press, a caller that calls it again) adds nothing,
    while a later change of the same meeting is a new notice.
    """
    if not change.followed:
        return 0
    rows = _history_rows(session, [f.commitment_id for f in change.followed])
    owners = _slack_ids(session, {f.owner_id for f in change.followed if f.owner_id is not None})
    told = [p.slack_user_id for p in secretaries(committee)]
    per_person: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in change.followed:
        owner = owners.get(item.owner_id) if item.owner_id is not None else None
        for recipient in [owner] if owner else told:
            per_person[recipient].append(_item(item, owned=owner is not None, row=rows.get(item.commitment_id)))
    planned = [
        Planned(
            key=f"plan:{committee.id}:{recipient}:{min(i['row'] for i in items)}",
            kind=KIND,
            due_at=now,
            committee_id=committee.id,
            recipient=recipient,
            payload={"items": items},
        )
        for recipient, items in per_person.items()
    ]
    return store.enqueue(session, planned, now)


def _item(f: Followed, *, owned: bool, row: int | None) -> dict[str, Any]:
    return {
        "id": f.commitment_id,
        "old": f.old.isoformat() if f.old else None,
        "new": f.new.isoformat(),
        "why": f.why,
        "owned": owned,
        # Without a history row (none written yet), the commitment's id still makes the key one per change.
        "row": row if row is not None else -f.commitment_id,
    }


def _history_rows(session: Session, commitment_ids: list[int]) -> dict[int, int]:
    """Each commitment's latest plan history row: the one the change just wrote."""
    stmt = (
        select(StatusUpdate.commitment_id, func.max(StatusUpdate.id))
        .where(StatusUpdate.commitment_id.in_(commitment_ids), StatusUpdate.kind == UpdateKind.PLAN)
        .group_by(StatusUpdate.commitment_id)
    )
    return {int(cid): int(row) for cid, row in session.execute(stmt)}


def _slack_ids(session: Session, person_ids: set[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    stmt = select(Person.id, Person.slack_user_id).where(Person.id.in_(sorted(person_ids)))
    return {int(pid): str(uid) for pid, uid in session.execute(stmt) if uid}
