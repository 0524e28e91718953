"""A busy database: another connection holds SQLite's write lock while people use the bot.

The ack does not wait for the lock, the person is told in one Swedish sentence, and nothing
is half-done: once the lock is gone, the same action works.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.scenario.conftest import World

BUSY = "databasen är upptagen just nu"


@contextmanager
def write_lock_held(world: World) -> Iterator[None]:
    """Hold the database's write lock from a second connection (as a long import or a backup tool would)."""
    engine = world.bot.svc.db.engine
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's database-wide write lock")
    holder = sqlite3.connect(str(engine.url.database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


@pytest.mark.transports("socket", "http")
def test_a_command_while_the_database_is_locked_is_acked_and_explained(world: World) -> None:
    with write_lock_held(world):
        command = world.slack.slash_command("admin", "allmant", "/atagande", "nämnd ny SN Socialnämnden")
        assert command.acked
        world.bot.settle()
        answer = world.last("admin", "allmant")
        assert answer.is_ephemeral
        assert BUSY in world.slack.render_message(answer).casefold()
    assert "SN" not in world.committees()
    world.run("admin", "allmant", "/atagande nämnd ny SN Socialnämnden")
    assert "SN" in world.committees()


def test_a_submission_while_the_database_is_locked_keeps_the_modal_with_the_sentence(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny")
    world.fill(
        "sara",
        **{"Vad ska göras?": "Revidera rutinen", "Klart senast": "2027-05-31", "Ansvarig (person i Slack)": "anna"},
    )
    with write_lock_held(world):
        refused = world.submit("sara")
        assert refused.acked and refused.response is not None
        assert refused.response["response_action"] == "errors"
        assert any(BUSY in message.casefold() for message in refused.response["errors"].values())
    assert world.count_commitments() == 0
    assert world.slack.open_view("sara") is not None
    assert world.submit("sara").response is None
    assert world.count_commitments() == 1


def test_a_file_shared_while_the_database_is_locked_is_not_lost(world: World) -> None:
    # Nobody clicks for an event: dropping it would leave the person waiting for an answer that never comes.
    world.quick_committee()
    answer = "Förvaltningen kommer att revidera rutinen för orosanmälan senast i december 2027.\n"
    with write_lock_held(world):
        dm = world.slack.dm("sara")
        world.act(lambda: world.slack.upload_file("sara", dm, "svar.txt", answer.encode("utf-8")))
    world.bot.settle()
    thread = "\n".join(world.slack.render_message(m) for m in world.slack.visible_messages("sara", dm.id))
    assert "Jag läser" in thread or BUSY in thread.casefold(), thread
