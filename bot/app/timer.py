"""The timer in each process (APScheduler 3.x, memory job store).

It only says "now"; what is due is decided from the database, so several
replicas may all tick without doing anything twice.
"""

from __future__ import annotations

import logging
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler

from bot.app.scheduled import Scheduled
from bot.services.context import Services
from bot.services.dedupe import forget_old
from bot.services.imports import forget_old_drafts

log = logging.getLogger(__name__)

TICK_SECONDS = 60


def housekeeping(services: Services) -> None:
    """Forget delivery ids older than Slack's retry window, and import drafts nobody finished."""
    removed = forget_old(services.db, services.clock.now())
    if removed:
        log.info("forgot %d old delivery ids", removed)
    with services.db.write() as session:
        drafts = forget_old_drafts(session, services.clock.now())
    if drafts:
        log.info("removed %d unfinished import drafts", drafts)


def _tick(scheduled: Scheduled) -> None:
    try:
        scheduled.tick()
    except Exception:  # the next tick tries again; a timer thread must not die
        log.exception("planning or sending scheduled messages failed")


def start_timer(services: Services, scheduled: Scheduled | None = None) -> BackgroundScheduler:
    """Start the process's timer: housekeeping hourly, scheduled messages every minute and now."""
    scheduler = BackgroundScheduler(timezone=services.settings.timezone)
    scheduler.add_job(housekeeping, "interval", hours=1, args=[services], id="housekeeping", coalesce=True)
    if scheduled is not None:
        scheduler.add_job(
            _tick,
            "interval",
            seconds=TICK_SECONDS,
            args=[scheduled],
            id="scheduled-messages",
            coalesce=True,
            max_instances=1,
            # At start-up at once: whatever came due while the process was down goes out now.
            next_run_time=datetime.now(services.settings.timezone),
        )
    scheduler.start()
    return scheduler
