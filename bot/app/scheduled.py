"""The bot's own messages: plan what is due into the outbox, then send it.

One :class:`Scheduled` per process. The timer (bot/app/timer.py) calls `tick`
every minute and once at start-up (so a process that was down catches up);
the console calls it after `:tid` moves the clock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.digests import premeeting
from bot.digests.sending import DIGEST, OVERVIEW, DigestRenderer, plan_digests
from bot.outbox.outcome import Renderer
from bot.outbox.ratelimit import ChannelPacer
from bot.outbox.sender import Sender
from bot.reminders import combined as combined_reminders
from bot.reminders import messages as reminder_messages
from bot.reminders import plan_notice
from bot.reminders.planning import plan_reminders
from bot.services.context import Services
from bot.services.plan_notices import KIND as PLAN_NOTICE
from bot.slack import import_cards
from bot.slack.import_recovery import look_after_imports

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TickResult:
    planned: int
    handled: int


def renderers(services: Services, team_url: Callable[[], str | None]) -> dict[str, Renderer]:
    """What each kind of outbox row turns into."""
    reminder: Renderer = partial(reminder_messages.render, services)
    digests = DigestRenderer(services, team_url)
    return {
        "reminder": reminder,
        "escalation": reminder,
        reminder_messages.COMBINED: partial(combined_reminders.render, services),
        DIGEST: digests.digest,
        OVERVIEW: digests.overview,
        premeeting.PREMEETING: partial(premeeting.render, services),
        import_cards.SUMMARY: partial(import_cards.render_summary, services),
        import_cards.CARD: partial(import_cards.render_card, services),
        PLAN_NOTICE: partial(plan_notice.render, services),
    }


class Scheduled:
    """Plans and sends scheduled messages for one process.

    Args:
        services: the application's services (database, clock, texts).
        client: a Web API client for sending; see `bot.outbox.sender.plain_client`.
        worker: the name written on this process's claims.
        pacer: keeps posts to one channel a second apart (the local stand-in passes one on instant time).
        sleep: waits out Slack's Retry-After (the local stand-in passes the pacer's instant time).
    """

    def __init__(
        self,
        services: Services,
        client: WebClient,
        *,
        worker: str | None = None,
        pacer: ChannelPacer | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.services = services
        self.client = client
        self._team_url: str | None = None
        self.sender = Sender(
            services.db,
            client,
            services.clock,
            renderers(services, self.team_url),
            worker=worker,
            pacer=pacer,
            sleep=sleep,
            on_sent=partial(import_cards.record_card, services),
        )
        # One tick at a time in this process; other processes are kept apart by the database.
        self._lock = threading.Lock()

    def team_url(self) -> str | None:
        """The workspace's URL (for links to messages), asked of Slack once."""
        if self._team_url is None:
            try:
                self._team_url = str(self.client.auth_test().get("url") or "") or None
            except SlackApiError as exc:
                log.warning("auth.test failed: %s; digests link by reference", exc.response.get("error"))
        return self._team_url

    def tick(self) -> TickResult:
        with self._lock:
            svc = self.services
            now = svc.clock.now()
            planned = plan_reminders(svc.db, now, svc.clock.tz) + plan_digests(svc.db, now, svc.clock.tz)
            planned += premeeting.plan_premeetings(svc.db, now, svc.clock.tz)
            handled = self.sender.run_once()
            if planned or handled:
                log.info("scheduled messages: %d planned, %d handled", planned, handled)
            return TickResult(planned=planned, handled=handled)

    def look_after_imports(self) -> int:
        """Keep this process's imports alive; tell the users of imports cut off by a crash (once each)."""
        return look_after_imports(self.services, self.client)
