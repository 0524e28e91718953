"""Slack delivers at least once; this makes sure each delivery acts at most once."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage.db import Database, lock_wait
from storage.models import ProcessedEvent

KEEP_FOR = timedelta(days=2)
# How long recording a delivery waits for the write lock. It runs before the ack, which must not
# wait for a lock someone else holds: a quarter second covers another request's write (they take
# milliseconds), and beyond it the bot acks at once and says the database is busy.
ACK_LOCK_WAIT_S = 0.25


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


def first_time(db: Database, key: str, now: datetime) -> bool:
    """Record ``key``; True only for the first delivery (atomic across replicas).

    Raises:
        DatabaseBusy: another connection held the write lock past ACK_LOCK_WAIT_S.
    """
    insert = sqlite_insert if db.is_sqlite else pg_insert
    # RETURNING tells "inserted" from "was already there" on both backends
    # (rowcount is not reliable for ON CONFLICT DO NOTHING across drivers).
    stmt = (
        insert(ProcessedEvent).values(key=key, received_at=now).on_conflict_do_nothing().returning(ProcessedEvent.key)
    )
    with lock_wait(ACK_LOCK_WAIT_S), db.write() as session:
        return session.execute(stmt).first() is not None


def forget_old(db: Database, now: datetime) -> int:
    """Drop keys older than Slack's retry window (run now and then)."""
    with db.write() as session:
        result = session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < now - KEEP_FOR))
        return int(getattr(result, "rowcount", 0) or 0)
