"""Fuzz HTTP mode's endpoint: random, malformed and oversized bodies, signed and unsigned.

    python -m bench.http_fuzz [--requests 2000] [--huge-mb 300] [--seed 14]

Runs the real bot in HTTP mode behind uvicorn on loopback (an empty SQLite
database in a temporary folder) and POSTs random bodies at ``/slack/events``:
bytes, JSON that is or is not an object, form fields, interaction payloads that
are not JSON, bodies a little past the limit; each signed right, signed wrong,
with an odd timestamp or unsigned. It ends with two huge bodies of ``--huge-mb``
streamed from a generator (one with a Content-Length, one chunked), as the
300 MB POST of issue 14. Prints the requests sent, the count of each status,
the log lines that held a body, and the process's peak memory after a warm-up
and at the end: the bot must answer no 5xx, log no body, and stay flat.
tests/scenario/test_http_hostile.py runs a few hundred of the same requests.
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import random
import resource
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

from bot.app.http_app import MAX_BODY_BYTES
from bot.app.local_slack import LocalBot
from bot.clock import ManualClock
from bot.standin.http_delivery import HttpDelivery
from storage.db import Database
from storage.migrate import upgrade

# In every body sent, so that a log line holding (part of) a body can be found.
MARKER = "QZXHOSTILE"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# What a refused oversized body may look like to its sender: the bot answers 413 and closes the
# connection without reading on, and a sender still writing may see the close (0) first.
REFUSED = (413, 0)


def fuzz_body(rng: random.Random, limit: int = MAX_BODY_BYTES) -> tuple[bytes, str]:
    """One random body and its content type; each holds MARKER, one in seven is past `limit`."""
    kind = rng.randrange(7)
    if kind == 0:
        noise = rng.randbytes(rng.randrange(0, 600))
        cut = rng.randrange(len(noise) + 1)
        return noise[:cut] + MARKER.encode() + noise[cut:], rng.choice([FORM, JSON, "text/plain"])
    if kind == 1:
        obj = {
            rng.choice(["type", "event_id", "trigger_id", "payload", "x"]): rng.choice([MARKER, [MARKER], {MARKER: 1}])
            for _ in range(rng.randrange(1, 4))
        }
        return json.dumps(obj).encode(), JSON
    if kind == 2:
        return json.dumps(rng.choice([[MARKER], MARKER, 1, None])).encode(), JSON
    if kind == 3:
        fields = {rng.choice(["type", "text", "user_id", "z"]): MARKER + str(rng.random()) for _ in range(3)}
        return urlencode(fields).encode(), FORM
    if kind == 4:
        payload = rng.choice(["{" + MARKER, json.dumps([MARKER]), json.dumps({"type": MARKER}), MARKER])
        return urlencode({"payload": payload}).encode(), FORM
    if kind == 5:
        return b"{" + MARKER.encode() * rng.randrange(1, 50), rng.choice([FORM, JSON])
    return MARKER.encode() * ((limit + rng.randrange(1, 5000)) // len(MARKER) + 1), FORM


def fuzz_headers(rng: random.Random, delivery: HttpDelivery, body: bytes, content_type: str) -> dict[str, str]:
    """Slack's headers for `body`, in one of four ways: signed right, a wrong signature, an odd
    timestamp (none, no number, an hour old), no signature."""
    headers = delivery.signed_headers(body, content_type)
    mangle = rng.randrange(4)
    if mangle == 1:
        headers["X-Slack-Signature"] = "v0=" + rng.randbytes(32).hex()
    elif mangle == 2:
        headers["X-Slack-Request-Timestamp"] = rng.choice(["", "abc", "1e9", str(int(time.time()) - 3600)])
    elif mangle == 3:
        del headers["X-Slack-Signature"]
    return headers


def fuzz(delivery: HttpDelivery, rng: random.Random, requests: int, limit: int = MAX_BODY_BYTES) -> Counter[int]:
    """Send `requests` random POSTs; the count of each status (an oversized body's 0 counts as 413)."""
    statuses: Counter[int] = Counter()
    for _ in range(requests):
        body, content_type = fuzz_body(rng, limit)
        status = delivery.post(body, fuzz_headers(rng, delivery, body, content_type)).status
        statuses[413 if status in REFUSED and len(body) > limit else status] += 1
    return statuses


def _zeros(total: int, chunk: int = 1024 * 1024) -> Iterator[bytes]:
    block = b"0" * chunk
    for start in range(0, total, chunk):
        yield block[: min(chunk, total - start)]


def post_huge(url: str, size: int, *, chunked: bool) -> int:
    """Stream `size` bytes at the endpoint without holding them; the status (0 if the bot hung up)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    headers = {"Content-Type": FORM}
    if not chunked:
        headers["Content-Length"] = str(size)
    try:
        conn.request("POST", parts.path, body=_zeros(size), headers=headers, encode_chunked=chunked)
        return conn.getresponse().status
    except OSError:
        return 0
    finally:
        conn.close()


class _Bodies(logging.Handler):
    """Counts the log records that hold MARKER."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if MARKER in message:
            self.found.append(f"{record.name}: {message[:120]}")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--huge-mb", type=int, default=300)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    # At INFO, as `atagande run` logs, set before the bot is built (Bolt copies the level then); the
    # records go only to the counter, not to the terminal.
    logging.getLogger().setLevel(logging.INFO)
    bodies = _Bodies()
    logging.getLogger().addHandler(bodies)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="atagande-fuzz-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'fuzz.sqlite3'}"
        db = Database.from_url(url)
        upgrade(db.engine)
        db.dispose()
        clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=STOCKHOLM), STOCKHOLM)
        with LocalBot(database_url=url, clock=clock, mode="http") as bot:
            endpoint = f"{bot.http_url}/slack/events"
            delivery = HttpDelivery(endpoint, bot.slack.signing_secret, timeout=10)
            statuses = fuzz(delivery, rng, min(100, args.requests))  # warm-up: imports, caches, pools
            bot.settle()
            warm = _peak_mb()
            started = time.perf_counter()
            statuses += fuzz(delivery, rng, max(0, args.requests - 100))
            huge = args.huge_mb * 1024 * 1024
            for chunked in (False, True):
                status = post_huge(endpoint, huge, chunked=chunked)
                statuses[413 if status in REFUSED else status] += 1
            bot.settle()
            seconds = time.perf_counter() - started
    sent = sum(statuses.values())
    print(f"requests sent: {sent} (two of them {args.huge_mb} MB, streamed) in {seconds:.1f} s after the warm-up")
    print("statuses:", ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items())))
    print(f"5xx or no answer: {sum(n for s, n in statuses.items() if s >= 500 or s == 0)}")
    print(f"log lines holding a body: {len(bodies.found)}", *bodies.found[:5], sep="\n  ")
    print(f"peak RSS: {warm:.0f} MB after the warm-up, {_peak_mb():.0f} MB at the end")


if __name__ == "__main__":
    main()
