"""How delivery stands, for admins: counts per state and the messages Slack refused for good."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.texts import Texts
from storage.models import Commitment, Committee, OutboxMessage, OutboxState


@dataclass(frozen=True)
class Failure:
    """One message that was not delivered, with what a person can do about it."""

    id: int
    key: str
    kind: str
    error: str
    due_at: datetime
    about: str | None
    recipient: str | None


def counts(session: Session) -> dict[str, int]:
    """Rows per state, every state present (0 when none)."""
    found = dict(session.execute(select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)).all())
    return {state.value: int(found.get(state, 0)) for state in OutboxState}


def failed_count(session: Session) -> int:
    """How many messages could not be delivered (read from the state index, not a count of every row)."""
    return int(session.scalar(select(func.count()).where(OutboxMessage.state == OutboxState.FAILED)) or 0)


def failures(session: Session, limit: int = 20) -> list[Failure]:
    """Undelivered messages, newest first, named by commitment (BUN-14) or committee."""
    stmt = (
        select(OutboxMessage, Committee.code, Commitment.number)
        .outerjoin(Commitment, Commitment.id == OutboxMessage.commitment_id)
        .outerjoin(Committee, Committee.id == func.coalesce(Commitment.committee_id, OutboxMessage.committee_id))
        .where(OutboxMessage.state == OutboxState.FAILED)
        .order_by(OutboxMessage.due_at.desc(), OutboxMessage.id.desc())
        .limit(limit)
    )
    out = []
    for row, code, number in session.execute(stmt):
        about = f"{code}-{number}" if code and number else code
        out.append(
            Failure(
                id=row.id,
                key=row.key,
                kind=row.kind,
                error=row.error or "",
                due_at=row.due_at,
                about=about,
                recipient=row.recipient or row.channel,
            )
        )
    return out


def retry_failed(session: Session, now: datetime, ids: list[int] | None = None) -> int:
    """Give failed messages another try now (after someone invited the bot, say); return how many."""
    stmt = update(OutboxMessage).where(OutboxMessage.state == OutboxState.FAILED)
    if ids is not None:
        stmt = stmt.where(OutboxMessage.id.in_(ids))
    result = session.execute(
        stmt.values(
            state=OutboxState.PENDING, next_attempt_at=now, attempts=0, sending_since=None, error=None
        ).returning(OutboxMessage.id)
    )
    return len(result.all())


def reason_text(texts: Texts, error: str) -> str:
    """What a delivery error means, in Swedish, for the admin who must act on it."""
    code = error.removeprefix("gave_up:")
    try:
        return texts.get(f"delivery_failed_reason_{code}")
    except KeyError:
        return texts.get("delivery_failed_reason_other", error=error)
