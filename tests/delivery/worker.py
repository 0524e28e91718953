"""One sender process for tests/delivery/test_exactly_once.py.

    python -m tests.delivery.worker DB_URL API_URL TOKEN NAME OFFSET_SECONDS LEASE_SECONDS

Sends until nothing is pending in the outbox, printing ``sent KEY`` after each message
(the test kills one worker after a few of those), then exits 0; exits 2 if it is still
not done after two minutes, so a stuck run ends by itself.
"""

from __future__ import annotations

import logging
import sys
from datetime import timedelta

from bot.outbox.store import Claimed
from storage.db import Database
from tests.delivery.fleet import STOCKHOLM, OffsetClock, build_sender, run_until_done

TIMEOUT = 120.0


def main(argv: list[str]) -> int:
    db_url, api_url, token, name, offset, lease = argv
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format=f"{name} %(levelname)s %(message)s")
    db = Database.from_url(db_url)

    def on_sent(row: Claimed, channel: str, ts: str) -> None:
        print(f"sent {row.key}", flush=True)

    clock = OffsetClock(STOCKHOLM, timedelta(seconds=float(offset)))
    sender = build_sender(
        db, api_url, token, worker=name, clock=clock, lease=timedelta(seconds=float(lease)), on_sent=on_sent
    )
    try:
        return 0 if run_until_done(sender, db, timeout=TIMEOUT) else 2
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
