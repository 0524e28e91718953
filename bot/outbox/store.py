"""The outbox table: idempotent planning, claims that expire, and the outcome of each send.

Every function takes a session from `Database.write()` (or opens one itself)
and keeps each step in its own short transaction, so a sender that dies
leaves nothing half-done: a row is pending, claimed until a moment that
passes, or finished.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.db import Database
from storage.models import OutboxMessage, OutboxState, SchedulerMark

# Rows per INSERT: well under SQLite's 32,766 bound parameters at ~12 columns a row.
_CHUNK = 500


@dataclass(frozen=True)
class Planned:
    """One message to put in the outbox; `key` decides whether it is new."""

    key: str
    kind: str
    due_at: datetime
    commitment_id: int | None = None
    committee_id: int | None = None
    occurrence: date | None = None
    recipient: str | None = None
    payload: dict[str, Any] | None = None
    # Planned but not to be sent (e.g. an older reminder superseded while the bot was down).
    skip_reason: str | None = None


@dataclass(frozen=True)
class Claimed:
    """A row a sender holds until `claim_until`; plain values, safe outside the session."""

    id: int
    key: str
    kind: str
    commitment_id: int | None
    committee_id: int | None
    occurrence: date | None
    recipient: str | None
    payload: dict[str, Any]
    due_at: datetime
    attempts: int
    channel: str | None
    sending_since: datetime | None


def _row(p: Planned, now: datetime, next_attempt_at: datetime) -> dict[str, Any]:
    return {
        "key": p.key,
        "kind": p.kind,
        "commitment_id": p.commitment_id,
        "committee_id": p.committee_id,
        "occurrence": p.occurrence,
        "recipient": p.recipient,
        "payload": p.payload or {},
        "due_at": p.due_at,
        "next_attempt_at": next_attempt_at,
        "state": OutboxState.SKIPPED if p.skip_reason else OutboxState.PENDING,
        "error": p.skip_reason,
        "attempts": 0,
        "created_at": now,
    }


def _insert_new(session: Session, rows: list[dict[str, Any]]) -> int:
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    added = 0
    for start in range(0, len(rows), _CHUNK):
        stmt = (
            insert(OutboxMessage)
            .values(rows[start : start + _CHUNK])
            .on_conflict_do_nothing(index_elements=["key"])
            # RETURNING counts what was new on both backends (rowcount is not
            # reliable for ON CONFLICT DO NOTHING across drivers).
            .returning(OutboxMessage.id)
        )
        added += len(session.execute(stmt).all())
    return added


def enqueue(session: Session, planned: Iterable[Planned], now: datetime) -> int:
    """Insert the rows whose key is new (ON CONFLICT DO NOTHING); return how many were new."""
    return _insert_new(session, [_row(p, now, p.due_at) for p in planned])


def claim(db: Database, worker: str, now: datetime, *, lease: timedelta, limit: int) -> list[Claimed]:
    """Take up to `limit` due rows for `worker` until `now + lease`.

    A row is due when it is pending, its next attempt has come, and nobody
    holds it (or the holder's claim has expired: that sender is taken to be
    dead). On PostgreSQL, SKIP LOCKED lets replicas claim side by side
    without waiting for each other; SQLite has one writer at a time anyway.
    """
    with db.write() as session:
        stmt = (
            select(OutboxMessage)
            .where(
                OutboxMessage.state == OutboxState.PENDING,
                OutboxMessage.next_attempt_at <= now,
                or_(OutboxMessage.claim_until.is_(None), OutboxMessage.claim_until < now),
            )
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        )
        if not db.is_sqlite:
            stmt = stmt.with_for_update(skip_locked=True)
        rows = list(session.scalars(stmt))
        claimed: list[Claimed] = []
        for row in rows:
            row.claimed_by = worker
            row.claim_until = now + lease
            claimed.append(
                Claimed(
                    id=row.id,
                    key=row.key,
                    kind=row.kind,
                    commitment_id=row.commitment_id,
                    committee_id=row.committee_id,
                    occurrence=row.occurrence,
                    recipient=row.recipient,
                    payload=dict(row.payload or {}),
                    due_at=row.due_at,
                    attempts=row.attempts,
                    channel=row.channel,
                    sending_since=row.sending_since,
                )
            )
        return claimed


def _mine(worker: str, row_id: int, now: datetime) -> Any:
    return (
        update(OutboxMessage)
        .where(
            OutboxMessage.id == row_id,
            OutboxMessage.claimed_by == worker,
            OutboxMessage.claim_until >= now,
            OutboxMessage.state == OutboxState.PENDING,
        )
        .returning(OutboxMessage.id)
    )


def begin_send(db: Database, worker: str, row_id: int, now: datetime, channel: str | None, lease: timedelta) -> bool:
    """Mark that the Web API call is about to be made; False if the claim is no longer ours.

    Written and committed before the call: whoever takes the row over later
    then knows the message may have reached Slack. The claim is renewed for a
    whole `lease` from now, so the call never starts at the end of a claim
    taken a batch ago (another sender could then take the row over while the
    call is under way, look for the message before it arrives, and send it twice).
    """
    with db.write() as session:
        stmt = _mine(worker, row_id, now).values(
            sending_since=now, attempts=OutboxMessage.attempts + 1, channel=channel, claim_until=now + lease
        )
        return session.execute(stmt).first() is not None


def extend(db: Database, worker: str, row_id: int, now: datetime, lease: timedelta) -> bool:
    """Hold the row longer (while waiting out a rate limit); False if it is no longer ours."""
    with db.write() as session:
        return session.execute(_mine(worker, row_id, now).values(claim_until=now + lease)).first() is not None


def _finish(db: Database, worker: str, row_id: int, **values: Any) -> None:
    with db.write() as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker)
            .values(claimed_by=None, claim_until=None, **values)
        )


def mark_sent(
    db: Database, worker: str, row_id: int, now: datetime, channel: str, ts: str, then: Sequence[Planned] = ()
) -> None:
    """Record the row as sent and plan `then` (its thread's next part) in the same transaction.

    Together or not at all: a sender that dies in between leaves the row to be found in Slack
    and recorded again, and the next part is planned then (its key keeps it to one).
    """
    with db.write() as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker)
            .values(
                claimed_by=None,
                claim_until=None,
                state=OutboxState.SENT,
                sent_at=now,
                channel=channel,
                ts=ts,
                error=None,
            )
        )
        if then:
            _insert_new(session, [_row(p, now, p.due_at) for p in then])


def mark_skipped(db: Database, worker: str, row_id: int, reason: str) -> None:
    _finish(db, worker, row_id, state=OutboxState.SKIPPED, error=reason[:300])


def mark_failed(db: Database, worker: str, row_id: int, error: str) -> None:
    _finish(db, worker, row_id, state=OutboxState.FAILED, error=error[:300])


def retry_later(db: Database, worker: str, row_id: int, at: datetime, error: str, *, maybe_sent: bool) -> None:
    """Give the row back for another attempt at `at`.

    `maybe_sent` keeps `sending_since` (a 5xx or a dropped connection may hide
    a message that did arrive); a refusal such as 429 clears it.
    """
    values: dict[str, Any] = {"next_attempt_at": at, "error": error[:300]}
    if not maybe_sent:
        values["sending_since"] = None
    _finish(db, worker, row_id, **values)


def split(db: Database, worker: str, row_id: int, children: Sequence[Planned], now: datetime) -> None:
    """Replace a row by one row per recipient, atomically (the children are new keys)."""
    with db.write() as session:
        if session.execute(_mine(worker, row_id, now).values(state=OutboxState.SPLIT)).first() is None:
            return
        _insert_new(session, [_row(c, now, now) for c in children])
        session.execute(
            update(OutboxMessage).where(OutboxMessage.id == row_id).values(claimed_by=None, claim_until=None)
        )


# --------------------------------------------------------------------------- #
# Planner marks
# --------------------------------------------------------------------------- #


def read_mark(session: Session, name: str, *, lock: bool) -> SchedulerMark | None:
    stmt = select(SchedulerMark).where(SchedulerMark.name == name)
    if lock and session.get_bind().dialect.name != "sqlite":
        # Replicas planning at the same tick take turns; the second finds the window planned.
        stmt = stmt.with_for_update()
    return session.scalars(stmt).first()
