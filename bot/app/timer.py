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
from bot.services.import_runs import forget_old as forget_old_runs
from bot.services.imports import forget_old_drafts

log = logging.getLogger(__name__)

TICK_SECONDS = 60


def housekeeping(services: Services) -> None:
    """Forget delivery ids older than Slack's retry window, import drafts nobody finished, old import runs."""
    removed = forget_old(services.db, services.clock.now())
    if removed:
        log.info("forgot %d old delivery ids", removed)
    with services.db.write() as session:
        drafts = forget_old_drafts(session, services.clock.now())
    if drafts:
        log.info("removed %d unfinished import drafts", drafts)
    with services.db.write() as session:
        runs = forget_old_runs(session, services.clock.now())
    if runs:
        log.info("forgot %d old import runs", runs)


def tick(scheduled: Scheduled) -> None:
    """One tick of the scheduled messages; a failure is logged, and the next tick tries again."""
    try:
        scheduled.tick()
    except Exception:  # the next tick tries again; a timer thread must not die
        log.exception("planning or sending scheduled messages failed")


def _look_after_imports(scheduled: Scheduled) -> None:
    try:
        scheduled.look_after_imports()
    except Exception:  # the next minute tries again
        log.exception("looking after imports in progress failed")


def _send_soon(scheduler: BackgroundScheduler, services: Services) -> None:
    """Bring the next tick forward to now (it runs in the timer's thread, one at a time as always)."""
    try:
        scheduler.modify_job("scheduled-messages", next_run_time=datetime.now(services.settings.timezone))
    except Exception:  # a stopped timer, say: the messages wait for the next start
        log.exception("could not bring the scheduled messages forward")


def start_timer(services: Services, scheduled: Scheduled | None = None) -> BackgroundScheduler:
    """Start the process's timer: housekeeping hourly, scheduled messages and imports every minute and now."""
    scheduler = BackgroundScheduler(timezone=services.settings.timezone)
    scheduler.add_job(housekeeping, "interval", hours=1, args=[services], id="housekeeping", coalesce=True)
    if scheduled is not None:
        scheduler.add_job(
            tick,
            "interval",
            seconds=TICK_SECONDS,
            args=[scheduled],
            id="scheduled-messages",
            coalesce=True,
            max_instances=1,
            # At start-up at once: whatever came due while the process was down goes out now.
            next_run_time=datetime.now(services.settings.timezone),
        )
        services.send_soon = lambda: _send_soon(scheduler, services)
        # A job of its own, so that a tick busy sending many messages does not hold up the renewal of
        # the leases of imports in progress; at start-up at once, to find imports a crash cut off.
        scheduler.add_job(
            _look_after_imports,
            "interval",
            seconds=TICK_SECONDS,
            args=[scheduled],
            id="imports",
            coalesce=True,
            max_instances=1,
            next_run_time=datetime.now(services.settings.timezone),
        )
    scheduler.start()
    return scheduler
