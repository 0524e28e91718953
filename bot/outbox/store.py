"""The outbox table: idempotent planning, claims that expire, and the outcome of each send.

Every function takes a session from `Database.write()` (or opens one itself)
and keeps each step in its own short transaction, so a sender that dies
leaves nothing half-done: a row is pending, claimed until a moment that
passes, or finished.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Members:
    """The rows gathered into one combined message, settled in the transaction that records it.

    `sent` (id, key) are listed in it (recorded as sent with its channel and ts; their keys travel
    in the message's metadata too); `skipped` (id, reason) lost their point since they were
    gathered; `released` (id, when) are not in it: pending again from that moment (None: at once).
    `note` is kept in the combined row's payload.
    """

    sent: tuple[tuple[int, str], ...] = ()
    skipped: tuple[tuple[int, str], ...] = ()
    released: tuple[tuple[int, datetime | None], ...] = ()
    note: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Gather:
    """Join one combined message to `recipient` instead of sending this row alone.

    The combined rows are keyed `key`, `key:2` … up to `parts`: a row joins the first that is
    not yet being sent. When every part is taken, the row stays pending until `overflow_at`.
    """

    recipient: str
    key: str
    kind: str
    parts: int
    overflow_at: datetime


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


def enqueue_unknown(db: Database, plan: Callable[[Session], list[Planned]], now: datetime) -> int:
    """Plan in a read, and write only the rows whose key is new; return how many were new.

    For planners that run every minute and mostly find their keys there already (the digests, the
    pre-meeting summaries): no write, so on SQLite no write lock, on a tick with nothing new.
    """
    with db.read() as session:
        planned = plan(session)
        if not planned:
            return 0
        known = set(session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.in_([p.key for p in planned]))))
    new = [p for p in planned if p.key not in known]
    if not new:
        return 0
    with db.write() as session:
        return enqueue(session, new, now)


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
            claimed.append(_claimed(row))
        return claimed


def _claimed(row: OutboxMessage) -> Claimed:
    return Claimed(
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


def _finished(worker: str, row_id: int) -> Any:
    return (
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker)
        .values(claimed_by=None, claim_until=None)
    )


def _finish(db: Database, worker: str, row_id: int, **values: Any) -> None:
    with db.write() as session:
        session.execute(_finished(worker, row_id).values(**values))


def mark_sent(
    db: Database,
    worker: str,
    row_id: int,
    now: datetime,
    channel: str,
    ts: str,
    members: Members | None = None,
    then: Sequence[Planned] = (),
) -> None:
    """Record the row as sent, settle the rows gathered into it (`members`) and plan `then` (its
    thread's next part), all in one transaction.

    Together or not at all: a sender that dies in between leaves the row to be found in Slack
    and recorded again, and the next part is planned then (its key keeps it to one).
    """
    with db.write() as session:
        values: dict[str, Any] = {"state": OutboxState.SENT, "sent_at": now, "channel": channel, "ts": ts}
        if members is not None and members.note:
            row = session.get(OutboxMessage, row_id)
            values["payload"] = {**((row.payload if row else None) or {}), **members.note}
        session.execute(_finished(worker, row_id).values(error=None, **values))
        if members is not None:
            _settle(session, members, now, channel, ts)
        if then:
            _insert_new(session, [_row(p, now, p.due_at) for p in then])


def mark_skipped(db: Database, worker: str, row_id: int, reason: str, members: Members | None = None) -> None:
    with db.write() as session:
        session.execute(_finished(worker, row_id).values(state=OutboxState.SKIPPED, error=reason[:300]))
        if members is not None:
            _settle(session, members, None, None, None)


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
# Combined messages: rows gathered into one message to one person
# --------------------------------------------------------------------------- #


def _joinable(row: OutboxMessage, worker: str, now: datetime) -> bool:
    """Nobody is reading its members yet: pending, not being sent, and not claimed by another sender.

    A combined row another sender holds may be rendered from the members it has right now; a row
    joining it then would be marked as gathered but never listed, so it joins the next part instead.
    One this sender holds waits further on in its batch (a sender handles one row at a time).
    """
    return (
        row.state == OutboxState.PENDING
        and row.sending_since is None
        and (row.claimed_by == worker or row.claim_until is None or row.claim_until < now)
    )


def gather(db: Database, worker: str, row_id: int, into: Gather, now: datetime) -> str | None:
    """Hand a claimed row to the combined message `into` names; return the combined row's key.

    One transaction: the row becomes `split` with the combined key in its payload (and the
    recipient it goes to), and the combined row is inserted if new. When every part is taken, the
    row is pending again from `into.overflow_at` and None is returned; also None if the claim is lost.
    """
    with db.write() as session:
        mine = session.execute(_mine(worker, row_id, now).values(claim_until=now)).first()
        if mine is None:
            return None
        row = session.get(OutboxMessage, row_id)
        assert row is not None
        for part in range(1, into.parts + 1):
            key = into.key if part == 1 else f"{into.key}:{part}"
            planned = Planned(key=key, kind=into.kind, due_at=now, recipient=into.recipient, payload={"part": part})
            _insert_new(session, [_row(planned, now, now)])
            stmt = select(OutboxMessage).where(OutboxMessage.key == key)
            if session.get_bind().dialect.name != "sqlite":
                # Its claim and this join take turns: a sender never renders it while a row joins.
                stmt = stmt.with_for_update()
            combined = session.scalars(stmt).one()
            if _joinable(combined, worker, now):
                row.state = OutboxState.SPLIT
                # A row already addressed (an escalation to one secretary) keeps that when released.
                addressed = {"addressed": row.recipient} if row.recipient else {}
                row.recipient = into.recipient
                row.payload = {**(row.payload or {}), "combined": key, **addressed}
                row.claimed_by = row.claim_until = None
                return key
        row.next_attempt_at = into.overflow_at
        row.sending_since = None
        row.claimed_by = row.claim_until = None
        return None


def gathered(db: Database, key: str, recipient: str | None) -> list[Claimed]:
    """The rows waiting in the combined message `key` to `recipient`, oldest first."""
    with db.read() as session:
        rows = session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.state == OutboxState.SPLIT, OutboxMessage.recipient == recipient)
            .order_by(OutboxMessage.id)
        )
        return [_claimed(r) for r in rows if (r.payload or {}).get("combined") == key]


def _settle(session: Session, members: Members, now: datetime | None, channel: str | None, ts: str | None) -> None:
    """Record what became of a combined message's members; only rows still waiting in it are touched."""
    waiting = (OutboxMessage.state == OutboxState.SPLIT,)
    sent_ids = [row_id for row_id, _key in members.sent]
    if sent_ids and channel is not None:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(sent_ids), *waiting)
            .values(state=OutboxState.SENT, sent_at=now, channel=channel, ts=ts, error=None)
        )
    for row_id, reason in members.skipped:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, *waiting)
            .values(state=OutboxState.SKIPPED, error=reason[:300])
        )
    for row_id, at in members.released:
        row = session.get(OutboxMessage, row_id)
        if row is None or row.state != OutboxState.SPLIT:
            continue
        # Back to "decided when sending": the next render finds its owner (and its combined message)
        # again; a row that was addressed before it was gathered goes back to that person.
        row.state = OutboxState.PENDING
        row.recipient = (row.payload or {}).get("addressed")
        row.sending_since = None
        when = at or now
        if when is not None:
            row.next_attempt_at = when


# --------------------------------------------------------------------------- #
# Planner marks
# --------------------------------------------------------------------------- #


def read_mark(session: Session, name: str, *, lock: bool) -> SchedulerMark | None:
    stmt = select(SchedulerMark).where(SchedulerMark.name == name)
    if lock and session.get_bind().dialect.name != "sqlite":
        # Replicas planning at the same tick take turns; the second finds the window planned.
        stmt = stmt.with_for_update()
    return session.scalars(stmt).first()
