"""Slack delivers at least once, and people click twice: each delivery, and each intent, acts at most once.

Slack's retries repeat a delivery's ids (:func:`delivery_key`). A double click
or a double submit is two deliveries of one intent: those are keyed by what
they act on (:func:`submission_key`, :func:`message_key`) and claimed in the
same transaction as the change (:func:`claim`), so a change that fails leaves
its key free for the next try.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.db import Database, lock_wait
from storage.models import ProcessedEvent

KEEP_FOR = timedelta(days=2)
# How long recording a delivery waits for the write lock. It runs before the ack, which must not
# wait for a lock someone else holds: a quarter second covers another request's write (they take
# milliseconds), and beyond it the bot acks at once and says the database is busy.
ACK_LOCK_WAIT_S = 0.25
# The key column's width (ProcessedEvent.key); a longer key is stored as its digest.
MAX_KEY = 200


def delivery_key(body: dict[str, Any]) -> str | None:
    """A stable id for one user action or event, the same on every retry.

    Events carry ``event_id``; commands, shortcuts, button clicks and view
    submissions each carry a fresh ``trigger_id`` that Slack repeats on retry.
    """
    if body.get("type") == "event_callback" and body.get("event_id"):
        return f"event:{body['event_id']}"
    trigger = body.get("trigger_id")
    if trigger:
        return f"trigger:{trigger}"
    if body.get("type") == "view_closed":
        view = body.get("view") or {}
        return f"closed:{view.get('id')}:{view.get('hash')}"
    return None


def submission_key(body: dict[str, Any]) -> str | None:
    """One key per modal as submitted: a second submit of the same view (same id and hash) is the same intent.

    Slack gives a view a new hash whenever the app updates it; what the user
    typed is not part of it, so the key is claimed only when the change is saved.
    """
    view = body.get("view") or {}
    if view.get("id") and view.get("hash"):
        return f"view:{view['id']}:{view['hash']}"
    return None


def message_key(body: dict[str, Any], intent: str) -> str | None:
    """One key per message for `intent` (e.g. saving a preview): its buttons do that once, however often clicked."""
    container = body.get("container") or {}
    channel, ts = container.get("channel_id"), container.get("message_ts")
    if channel and ts:
        return f"{intent}:{channel}:{ts}"
    return None


def claim(session: Session, key: str, now: datetime) -> bool:
    """Record ``key`` in the caller's transaction; True only the first time (atomic across replicas).

    A concurrent claim of the same key waits for this transaction (the write
    lock in SQLite, the unique index in PostgreSQL) and then finds it taken;
    if this transaction rolls back, the key was never taken.
    """
    if len(key) > MAX_KEY:
        key = "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    # RETURNING tells "inserted" from "was already there" on both backends
    # (rowcount is not reliable for ON CONFLICT DO NOTHING across drivers).
    stmt = (
        insert(ProcessedEvent).values(key=key, received_at=now).on_conflict_do_nothing().returning(ProcessedEvent.key)
    )
    return session.execute(stmt).first() is not None


def first_time(db: Database, key: str, now: datetime) -> bool:
    """Record ``key`` in a transaction of its own; True only for the first delivery.

    Raises:
        DatabaseBusy: another connection held the write lock past ACK_LOCK_WAIT_S.
    """
    with lock_wait(ACK_LOCK_WAIT_S), db.write() as session:
        return claim(session, key, now)


def forget_old(db: Database, now: datetime) -> int:
    """Drop keys older than Slack's retry window (run now and then)."""
    with db.write() as session:
        result = session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < now - KEEP_FOR))
        return int(getattr(result, "rowcount", 0) or 0)
