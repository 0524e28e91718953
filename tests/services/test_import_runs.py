"""Readings of shared documents as rows with a lease: a live one is left alone, a dead one is taken over once."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.services import import_runs
from bot.services.import_runs import LEASE, LiveImports
from storage.db import Database
from storage.models import ImportRun, ImportRunState
from tests.conftest import STOCKHOLM

START = datetime(2027, 3, 1, 9, 0, tzinfo=STOCKHOLM)


def _begin(db: Database, live: LiveImports, *, file_id: str | None = "F1") -> int:
    with db.write() as session:
        return import_runs.begin(
            session,
            live,
            START,
            user_id="USARA",
            channel_id="DSARA",
            thread_ts="1.000100",
            file_id=file_id,
            filename="svar.pdf" if file_id else None,
        )


def _state(db: Database, run_id: int) -> ImportRunState:
    with db.read() as session:
        run = session.get(ImportRun, run_id)
        assert run is not None
        return run.state


def test_a_reading_whose_process_renews_its_lease_is_never_taken_over(db: Database) -> None:
    reader, other = LiveImports(), LiveImports()
    run_id = _begin(db, reader)
    later = START
    for _ in range(5):  # the reader's timer renews it every few minutes, long past the first lease
        later += LEASE - timedelta(minutes=1)
        with db.write() as session:
            assert import_runs.renew(session, reader, later) == 1
            assert import_runs.claim_cut_off(session, other, later) == []
    assert _state(db, run_id) == ImportRunState.RUNNING


def test_a_dead_reading_is_taken_over_by_one_process_only(db: Database) -> None:
    dead, first, second = LiveImports(), LiveImports(), LiveImports()
    run_id = _begin(db, dead)
    dead.discard(run_id)  # the process is gone; its memory with it
    after = START + LEASE + timedelta(seconds=1)
    with db.write() as session:
        taken = import_runs.claim_cut_off(session, first, after)
    with db.write() as session:
        assert import_runs.claim_cut_off(session, second, after) == []
    assert [(t.id, t.thread_ts, t.filename, t.pasted) for t in taken] == [(run_id, "1.000100", "svar.pdf", False)]
    with db.write() as session:
        import_runs.told(session, run_id, after)
    # Told: nobody takes it again, however late.
    with db.write() as session:
        assert import_runs.claim_cut_off(session, second, after + 10 * LEASE) == []
    assert _state(db, run_id) == ImportRunState.CUT_OFF


def test_a_finished_reading_is_not_taken_over_and_is_forgotten_later(db: Database) -> None:
    live, other = LiveImports(), LiveImports()
    run_id = _begin(db, live, file_id=None)
    with db.write() as session:
        import_runs.finish(session, run_id, START)
    with db.write() as session:
        assert import_runs.claim_cut_off(session, other, START + 2 * LEASE) == []
        assert import_runs.forget_old(session, START + timedelta(days=1)) == 0
    with db.write() as session:
        assert import_runs.forget_old(session, START + import_runs.KEEP + timedelta(days=1)) == 1
