"""Imports in progress, recorded in the database so that one cut off by a crash is not waited for in vain.

Reading a shared document happens after the ack, in one process's memory: a
``kill -9`` there used to leave the user looking at "Jag läser …" for ever.
Each reading is a row with a lease. The process doing the reading renews the
lease (its timer does, every minute) while the reading lasts and closes the row
when the thread has its answer; a row whose lease ran out belongs to a process
that is gone. Whoever finds it first (the next start, or another replica's
timer) claims it, as the outbox claims a message, tells the user, and closes it:
so the user is told once, however many processes start.

Reading again on our own is not tried: the document may be what killed the
process, and reading it again would kill the next one the same way.
"""

from __future__ import annotations

import os
import socket
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.models import ImportRun, ImportRunState

# How long a reading counts as alive without its lease being renewed. The timer renews it every
# minute, so a few missed ticks (a busy process) do not make a live import look dead; a dead one is
# found within this time of the crash.
LEASE = timedelta(minutes=5)
# Closed rows are kept this long (to look into afterwards), then removed by the housekeeping.
KEEP = timedelta(days=30)


class LiveImports:
    """The readings this process is doing now, and the name it writes on its rows."""

    def __init__(self) -> None:
        self.worker = f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._ids: set[int] = set()
        self._lock = threading.Lock()

    def add(self, run_id: int) -> None:
        with self._lock:
            self._ids.add(run_id)

    def discard(self, run_id: int) -> None:
        with self._lock:
            self._ids.discard(run_id)

    def ids(self) -> list[int]:
        with self._lock:
            return sorted(self._ids)


@dataclass(frozen=True)
class CutOff:
    """A reading whose process died: where to tell its user, and what about."""

    id: int
    user_id: str
    channel_id: str
    thread_ts: str
    filename: str | None
    pasted: bool


def begin(
    session: Session,
    live: LiveImports,
    now: datetime,
    *,
    user_id: str,
    channel_id: str,
    thread_ts: str,
    file_id: str | None,
    filename: str | None,
    lease: timedelta = LEASE,
) -> int:
    """Record a reading that starts now in this process; returns its id (for `finish`)."""
    run = ImportRun(
        user_id=user_id,
        channel_id=channel_id,
        thread_ts=thread_ts,
        file_id=file_id,
        filename=filename[:300] if filename else None,
        state=ImportRunState.RUNNING,
        worker=live.worker,
        lease_until=now + lease,
        started_at=now,
    )
    session.add(run)
    session.flush()
    live.add(run.id)
    return run.id


def finish(session: Session, run_id: int, now: datetime) -> None:
    """The reading has answered in its thread (a review button or the sentence that says why not)."""
    session.execute(
        update(ImportRun)
        .where(ImportRun.id == run_id, ImportRun.state == ImportRunState.RUNNING)
        .values(state=ImportRunState.FINISHED, finished_at=now)
    )


def renew(session: Session, live: LiveImports, now: datetime, lease: timedelta = LEASE) -> int:
    """Keep this process's readings alive for another `lease`; returns how many."""
    ids = live.ids()
    if not ids:
        return 0
    result = session.execute(
        update(ImportRun)
        .where(ImportRun.id.in_(ids), ImportRun.state == ImportRunState.RUNNING, ImportRun.worker == live.worker)
        .values(lease_until=now + lease)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def claim_cut_off(session: Session, live: LiveImports, now: datetime, lease: timedelta = LEASE) -> list[CutOff]:
    """Take over the readings whose lease ran out, so that this process alone tells their users.

    A row is taken only if it still is the dead process's, with its lease run
    out: of two processes that find it at once, the second changes nothing
    and skips it.
    While this process tells the user, the row is leased to it; if telling
    fails, the lease runs out and the row is found again.
    """
    mine = set(live.ids())
    stale = session.execute(
        select(ImportRun.id, ImportRun.worker).where(
            ImportRun.state == ImportRunState.RUNNING, ImportRun.lease_until < now
        )
    ).all()
    claimed: list[CutOff] = []
    for run_id, worker in stale:
        if run_id in mine:
            continue  # alive here, only its renewal is late
        taken = session.execute(
            update(ImportRun)
            .where(
                ImportRun.id == run_id,
                ImportRun.state == ImportRunState.RUNNING,
                ImportRun.worker == worker,
                ImportRun.lease_until < now,
            )
            .values(worker=live.worker, lease_until=now + lease)
        )
        if not getattr(taken, "rowcount", 0):
            continue
        run = session.get(ImportRun, run_id)
        if run is not None:
            claimed.append(
                CutOff(run.id, run.user_id, run.channel_id, run.thread_ts, run.filename, pasted=run.file_id is None)
            )
    return claimed


def told(session: Session, run_id: int, now: datetime) -> None:
    """The user of a cut-off reading has been told; nobody tells again."""
    session.execute(
        update(ImportRun)
        .where(ImportRun.id == run_id, ImportRun.state == ImportRunState.RUNNING)
        .values(state=ImportRunState.CUT_OFF, finished_at=now)
    )


def forget_old(session: Session, now: datetime, keep: timedelta = KEEP) -> int:
    """Remove closed rows older than `keep`; returns how many."""
    result = session.execute(
        delete(ImportRun).where(ImportRun.state != ImportRunState.RUNNING, ImportRun.started_at < now - keep)
    )
    return int(getattr(result, "rowcount", 0) or 0)
