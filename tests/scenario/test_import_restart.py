"""An import cut off by a crash (kill -9, a lost machine): the next bot tells the user, once, in the import's thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest

from bot.app.local_slack import LocalBot
from bot.slack import import_flow
from bot.standin.workspace import Message
from tests.scenario.conftest import World
from tests.scenario.test_import import ANSWER


class _Killed(BaseException):
    """Ends the import's thread as kill -9 ends a process: no except clause of the bot's own runs."""


def _thread_under(world: World, user: str, starts: str) -> tuple[Message, list[Message]]:
    """The bot's message in ``user``'s DM that starts with ``starts``, and the replies under it."""
    messages = world.slack.visible_messages(user, world.slack.dm(user).id)
    roots = [
        m for m in messages if m.bot_id and m.thread_ts in (None, m.ts) and starts in world.slack.render_message(m)
    ]
    assert len(roots) == 1, [world.slack.render_message(m) for m in messages]
    root = roots[0]
    return root, [m for m in messages if m.thread_ts == root.ts and m.ts != root.ts]


@contextmanager
def _started_again(world: World, database_url: str) -> Iterator[LocalBot]:
    """A new bot process on the same database and the same workspace, as after a restart."""
    with LocalBot(database_url=database_url, clock=world.clock, mode=world.mode, slack=world.slack) as bot:
        bot.settle()
        yield bot


@pytest.fixture
def dies_while_reading(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Reading a document hangs until the test is over, then the thread ends as if killed; yields 'reading began'."""
    reading, release = threading.Event(), threading.Event()

    def hang(*_args: Any, **_kwargs: Any) -> None:
        reading.set()
        release.wait(30)
        raise _Killed

    monkeypatch.setattr(import_flow, "read_in_worker", hang)
    yield reading
    release.set()


def test_an_import_cut_off_by_a_crash_is_told_once_after_a_restart(
    world: World, database_url: str, dies_while_reading: threading.Event
) -> None:
    world.quick_committee()
    world.slack.upload_file("sara", world.slack.dm("sara"), "svar-elevhalsa.txt", ANSWER.encode("utf-8"))
    assert dies_while_reading.wait(10), "the import never began reading"
    # The first process is dead from here on: it is never asked anything again.

    # Started again at once: the import may as well be running in another replica, so nobody is told yet.
    with _started_again(world, database_url):
        _root, replies = _thread_under(world, "sara", "Jag läser")
        assert replies == []

    # Once the import's lease has run out, the next start tells the user in the import's own thread.
    world.clock.advance(timedelta(hours=1))
    with _started_again(world, database_url):
        _root, replies = _thread_under(world, "sara", "Jag läser")
        assert len(replies) == 1, [world.slack.render_message(m) for m in replies]
        told = world.slack.render_message(replies[0])
        assert "svar-elevhalsa.txt" in told and "igen" in told

    # A further start does not tell again.
    world.clock.advance(timedelta(hours=1))
    with _started_again(world, database_url):
        _root, replies = _thread_under(world, "sara", "Jag läser")
        assert len(replies) == 1


def test_an_import_that_finished_is_not_told_about_after_a_restart(world: World, database_url: str) -> None:
    world.quick_committee()
    share = world.slack.upload_file
    world.act(lambda: share("sara", world.slack.dm("sara"), "svar-elevhalsa.txt", ANSWER.encode("utf-8")))
    world.act(lambda: share("sara", world.slack.dm("sara"), "trasig.pdf", b"%PDF-1.7 nothing more"))
    _root, done = _thread_under(world, "sara", "svar-elevhalsa.txt")
    _root, refused = _thread_under(world, "sara", "trasig.pdf")
    assert done and refused  # the review button; the sentence that says why not

    world.clock.advance(timedelta(hours=1))
    with _started_again(world, database_url):
        assert _thread_under(world, "sara", "svar-elevhalsa.txt")[1] == done
        assert _thread_under(world, "sara", "trasig.pdf")[1] == refused
