"""Imports cut off by a crash: the user hears of it in the import's thread, once.

Runs at start-up and then every minute in each process (bot/app/timer.py), so
the reading leases of this process are kept alive, and a reading whose process
died is found by whichever process looks first after its lease ran out.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from bot.services import import_runs
from bot.services.context import Services

log = logging.getLogger(__name__)


def look_after_imports(services: Services, client: WebClient) -> int:
    """Renew this process's readings and tell the users of readings cut off; returns how many were told."""
    svc = services
    now = svc.clock.now()
    with svc.db.write() as session:
        import_runs.renew(session, svc.live_imports, now)
        cut_off = import_runs.claim_cut_off(session, svc.live_imports, now)
    told = 0
    for run in cut_off:
        text = svc.texts.get_md("import_cut_off", name=run.filename or "", pasted=run.pasted)
        try:
            client.chat_postMessage(channel=run.channel_id, thread_ts=run.thread_ts, text=text)
        except Exception as exc:  # the claim's lease runs out and the next look tries again
            log.warning("could not tell %s that import %s was cut off: %s", run.user_id, run.id, exc)
            continue
        with svc.db.write() as session:
            import_runs.told(session, run.id, svc.clock.now())
        told += 1
    if told:
        log.info("told %d users that their import was cut off by a restart", told)
    return told
