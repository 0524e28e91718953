"""The bot's own messages: plan what is due into the outbox, then send it.

One :class:`Scheduled` per process. The timer (bot/timer.py) calls `tick`
every minute and once at start-up (so a process that was down catches up);
the console calls it after `:tid` moves the clock.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import partial

from slack_sdk import WebClient

from bot.outbox.outcome import Renderer
from bot.outbox.sender import Sender
from bot.reminders import messages as reminder_messages
from bot.reminders.planning import plan_reminders
from bot.services.context import Services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TickResult:
    planned: int
    handled: int


def renderers(services: Services) -> dict[str, Renderer]:
    """What each kind of outbox row turns into."""
    reminder: Renderer = partial(reminder_messages.render, services)
    return {"reminder": reminder, "escalation": reminder}


class Scheduled:
    """Plans and sends scheduled messages for one process.

    Args:
        services: the application's services (database, clock, texts).
        client: a Web API client for sending; see `bot.outbox.sender.plain_client`.
        worker: the name written on this process's claims.
    """

    def __init__(self, services: Services, client: WebClient, *, worker: str | None = None) -> None:
        self.services = services
        self.sender = Sender(services.db, client, services.clock, renderers(services), worker=worker)
        # One tick at a time in this process; other processes are kept apart by the database.
        self._lock = threading.Lock()

    def tick(self) -> TickResult:
        with self._lock:
            svc = self.services
            now = svc.clock.now()
            planned = plan_reminders(svc.db, now, svc.clock.tz)
            handled = self.sender.run_once()
            if planned or handled:
                log.info("scheduled messages: %d planned, %d handled", planned, handled)
            return TickResult(planned=planned, handled=handled)
