"""The timer in each process (APScheduler 3.x, memory job store).

It only says "now"; what is due is decided from the database, so several
replicas may all tick without doing anything twice.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.background import BackgroundScheduler

from bot.services.context import Services
from bot.services.dedupe import forget_old
from bot.services.imports import forget_old_drafts

log = logging.getLogger(__name__)


def housekeeping(services: Services) -> None:
    """Forget delivery ids older than Slack's retry window, and import drafts nobody finished."""
    removed = forget_old(services.db, services.clock.now())
    if removed:
        log.info("forgot %d old delivery ids", removed)
    with services.db.write() as session:
        drafts = forget_old_drafts(session, services.clock.now())
    if drafts:
        log.info("removed %d unfinished import drafts", drafts)


def start_timer(services: Services) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone=services.settings.timezone)
    scheduler.add_job(housekeeping, "interval", hours=1, args=[services], id="housekeeping", coalesce=True)
    scheduler.start()
    return scheduler
