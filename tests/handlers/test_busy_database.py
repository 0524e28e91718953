"""A listener whose write finds SQLite's write lock held: it waits a little, then says so in Swedish.

(The scenario tests in tests/scenario/test_busy_database.py cover the ack; here the lock is taken
after the delivery was recorded, as when it is taken between the ack and the work.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from slack_bolt import BoltContext

from bot.services.context import Services
from handlers import commands
from tests.handlers import payloads
from tests.handlers.conftest import ADMIN
from tests.handlers.fakes import FakeSlack, RecordingRespond, run_slash


def test_a_command_that_finds_the_lock_held_says_the_database_is_busy(
    services: Services, slack: FakeSlack, as_user: Callable[..., BoltContext], respond: RecordingRespond
) -> None:
    engine = services.db.engine
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's database-wide write lock")
    holder = sqlite3.connect(str(engine.url.database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        body = payloads.command("nämnd ny SN Socialnämnden", user=ADMIN)
        run_slash(commands, body=body, respond=respond, client=slack, context=as_user(ADMIN))
    finally:
        holder.rollback()
        holder.close()
    assert respond.texts == [services.texts.get("err_database_busy")]
    body = payloads.command("nämnd ny SN Socialnämnden", user=ADMIN)
    run_slash(commands, body=body, respond=respond, client=slack, context=as_user(ADMIN))
    assert "SN" in respond.texts[-1]
