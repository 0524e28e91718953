"""A bot stopped inside a running process (the tests, the console, a benchmark) lets go of everything it held.

Every scenario starts a bot; one that kept its services alive after stopping kept its database
engine, caches and indexes too, and a few hundred of them made each full garbage collection of the
test process take seconds: long enough to miss Slack's three seconds for an acknowledgement.
"""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from bot.app.local_slack import LocalBot, Mode
from bot.clock import ManualClock
from bot.slack.home_refresh import HomeRefresher


@pytest.mark.parametrize("mode", ["socket", "http"])
def test_a_stopped_bot_leaves_no_thread_and_no_services_behind(
    database_url: str, clock: ManualClock, mode: Mode
) -> None:
    before = set(threading.enumerate())
    bot = LocalBot(database_url=database_url, clock=clock, mode=mode)
    bot.start()
    bot.settle()
    assert bot.services is not None
    services = weakref.ref(bot.services)
    started = [t for t in threading.enumerate() if t not in before]
    assert "home-refresh" in [t.name for t in started]
    bot.stop()
    del bot
    gc.collect()
    assert [t.name for t in started if t.is_alive()] == []
    assert services() is None


def test_the_home_refresher_publishes_until_stopped() -> None:
    published: list[str] = []
    done = threading.Event()

    def publish(user_id: str) -> None:
        published.append(user_id)
        done.set()

    refresher = HomeRefresher(publish)
    refresher.request("U1")
    assert done.wait(10)
    refresher.stop()
    refresher.request("U2")
    # Stopped, it takes no more work and is idle, so a bot's settle() does not wait for it.
    assert published == ["U1"] and refresher.idle()
