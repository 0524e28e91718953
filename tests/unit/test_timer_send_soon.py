"""The timer sends what the outbox holds at once when the bot asks (after an import), not at its next minute."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import cast
from zoneinfo import ZoneInfo

from bot.app.scheduled import Scheduled
from bot.app.timer import start_timer
from bot.services.context import Services


class CountingTicks:
    """Stands for the scheduled messages: counts the timer's ticks and lets a test wait for the next."""

    def __init__(self) -> None:
        self.ticks = 0
        self.ticked = threading.Condition()

    def tick(self) -> None:
        with self.ticked:
            self.ticks += 1
            self.ticked.notify_all()

    def look_after_imports(self) -> int:
        return 0

    def wait_for(self, ticks: int) -> bool:
        with self.ticked:
            return self.ticked.wait_for(lambda: self.ticks >= ticks, timeout=10)


def test_send_soon_brings_the_next_tick_forward() -> None:
    services = SimpleNamespace(settings=SimpleNamespace(timezone=ZoneInfo("Europe/Stockholm")), send_soon=None)
    scheduled = CountingTicks()
    scheduler = start_timer(cast(Services, services), cast(Scheduled, scheduled))
    try:
        assert scheduled.wait_for(1)  # the tick at start
        services.send_soon()  # the next would be a minute away
        assert scheduled.wait_for(2)
    finally:
        scheduler.shutdown(wait=True)
