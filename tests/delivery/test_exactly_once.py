"""Exactly once across replicas: several senders on one database, one of them killed mid-run.

On PostgreSQL (ATAGANDE_TEST_DATABASE_URL; CI sets it): four worker processes share
2,000 due reminders and 50 digests; one is killed with SIGKILL after it has sent some;
its claims expire (a short lease) and are taken over. Every key must reach the stand-in
exactly once and every row end `sent`. On SQLite the same delivery runs in one process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from storage.db import Database
from storage.models import OutboxMessage, OutboxState
from tests.conftest import PG_URL, REPO
from tests.delivery.fleet import (
    FRIDAY,
    STOCKHOLM,
    OffsetClock,
    build_sender,
    keys_in_slack,
    new_standin,
    outbox_rows,
    populate,
    run_until_done,
    seed,
    ts_in_slack,
)

WORKERS = 4
LEASE_SECONDS = 3.0
KILL_AFTER = 30  # messages the victim has sent when it is killed
WAIT = 150.0  # real seconds the whole run may take before the test gives up


def _offset() -> timedelta:
    return FRIDAY - datetime.now(STOCKHOLM) + timedelta(seconds=1)


def check_exactly_once(slack_keys: dict[str, int], rows: dict[str, tuple[OutboxState, str | None, str | None]]) -> None:
    duplicates = {k: n for k, n in slack_keys.items() if n > 1}
    assert duplicates == {}, f"sent more than once: {sorted(duplicates.items())[:10]}"
    lost = sorted(set(rows) - set(slack_keys))
    assert lost == [], f"{len(lost)} never reached Slack, e.g. {lost[:10]}"
    unknown = sorted(set(slack_keys) - set(rows))
    assert unknown == [], f"messages without an outbox row: {unknown[:10]}"
    not_sent = {k: v[0].value for k, v in rows.items() if v[0] != OutboxState.SENT}
    assert not_sent == {}, f"rows not recorded as sent: {sorted(not_sent.items())[:10]}"


@pytest.mark.slow
def test_one_process_sends_every_row_once(database_url: str, db: Database) -> None:
    clock = OffsetClock(STOCKHOLM, _offset())
    with new_standin(clock.timestamp) as slack:
        fleet = populate(slack, owners=60, committees=10)
        assert seed(db, fleet, commitments=200, digests=10) == 210
        sender = build_sender(
            db, slack.api_url, slack.bot_token, worker="solo", clock=clock, lease=timedelta(seconds=LEASE_SECONDS)
        )
        assert run_until_done(sender, db, timeout=60)
        rows = outbox_rows(db)
        check_exactly_once(keys_in_slack(slack), rows)
        where = ts_in_slack(slack)
        assert {k: (channel, ts) for k, (_, channel, ts) in rows.items()} == where
        assert sum(k.startswith("digest:") for k in rows) == 10
        # Every kind of reminder the seeding chose went out, through the real renderer.
        offsets = {k.rsplit(":", 1)[-1] for k in rows if k.startswith("remind:")}
        assert offsets == {"-14", "-3", "0", "7"}, offsets
        assert slack.problems == []


class _Worker:
    """A worker process and the keys it reports sending (read from its stdout in a thread)."""

    def __init__(self, name: str, args: list[str]) -> None:
        self.name = name
        self.sent: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.delivery.worker", *args],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.stderr = ""
        self._out = threading.Thread(target=self._read, daemon=True)
        self._err = threading.Thread(target=self._read_err, daemon=True)
        self._out.start()
        self._err.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("sent "):
                self.sent.append(line.split(" ", 1)[1].strip())

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        self.stderr = self.proc.stderr.read()

    def wait(self, timeout: float) -> int | None:
        try:
            return self.proc.wait(timeout=max(timeout, 0.1))
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._out.join(timeout=5)
        self._err.join(timeout=5)


@pytest.fixture
def workers() -> Iterator[list[_Worker]]:
    started: list[_Worker] = []
    yield started
    for worker in started:
        worker.stop()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL.startswith("postgresql"), reason="needs ATAGANDE_TEST_DATABASE_URL on PostgreSQL")
def test_replicas_send_every_row_exactly_once_when_one_is_killed(
    database_url: str, db: Database, workers: list[_Worker]
) -> None:
    offset = _offset()
    clock = OffsetClock(STOCKHOLM, offset)
    with new_standin(clock.timestamp) as slack:
        fleet = populate(slack, owners=400, committees=50)
        assert seed(db, fleet, commitments=2000, digests=50) == 2050
        for i in range(WORKERS):
            name = f"worker-{i}"
            args = [database_url, slack.api_url, slack.bot_token, name, str(offset.total_seconds()), str(LEASE_SECONDS)]
            workers.append(_Worker(name, args))
        victim = workers[0]
        end = time.monotonic() + WAIT
        while len(victim.sent) < KILL_AFTER:
            assert victim.proc.poll() is None, f"{victim.name} ended early: {victim.stderr}"
            assert time.monotonic() < end, "the victim never got going"
            time.sleep(0.01)
        victim.proc.send_signal(signal.SIGKILL)
        victim.proc.wait(timeout=10)
        with db.read() as s:
            held = s.scalar(
                select(func.count()).where(
                    OutboxMessage.claimed_by == victim.name, OutboxMessage.state == OutboxState.PENDING
                )
            )
        # The point of the test: the dead worker left claimed rows the others must take over.
        assert held, "the killed worker held no claims"

        for worker in workers[1:]:
            code = worker.wait(end - time.monotonic())
            assert code == 0, f"{worker.name} ended with {code}: {worker.stderr[-2000:]}"
        rows = outbox_rows(db)
        check_exactly_once(keys_in_slack(slack), rows)
        assert {k: (channel, ts) for k, (_, channel, ts) in rows.items()} == ts_in_slack(slack)
        # What the victim said it sent is in Slack, and the others sent the rest.
        assert len(victim.sent) >= KILL_AFTER
        survivors = [key for w in workers[1:] for key in w.sent]
        assert len(set(survivors)) == len(survivors)
        assert slack.problems == []
