"""How long the planner takes to find and plan what is due, at 10,000 to 1,000,000 commitments.

    python -m bench.scheduled_speed [--sizes 10000,100000] [--committees 300] [--runs 3]
    python -m bench.scheduled_speed --sizes 10000,100000,1000000      # seeding 1,000,000 takes minutes

For each size, a fresh process seeds a database in bulk (SQLite in a temporary
directory; also PostgreSQL when ATAGANDE_BENCH_PG_URL is set, whose schema is
dropped and re-created) with commitments spread over the committees: deadlines
past, near and far, every twentieth one recurring (monthly or every term), all
statuses. It then times, on a Monday with reminders and digests due:

- `reminders_between` for one tick at 08:30 (the window 08:29–08:30): finding
  everything due; the target is under 1 s at 100,000 commitments;
- the full `plan_reminders` from midnight to 08:30, inserting the outbox rows
  (on a fresh outbox, as the first replica to plan that morning does);

- every committee's weekly digest loaded and rendered (target: 300 under 10 s);

and reports the process's peak memory (ru_maxrss, seeding included) and the
Python heap's peak during one `reminders_between` (tracemalloc). Figures, not
assertions: this is not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select, text, update

from bench.seed import seed
from bot.digests.blocks import digest_message
from bot.digests.content import load_digests
from bot.digests.schedule import digest_slot
from bot.domain.digest_schedule import DigestSchedule
from bot.reminders.planning import MARK, plan_reminders, reminders_between
from bot.texts import Texts
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Commitment, Committee, OutboxMessage, SchedulerMark

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Monday with no holiday near it; the seeding spreads deadlines around it.
TICK = datetime(2027, 4, 19, 8, 30, tzinfo=STOCKHOLM)
DIGEST_TARGET_S = 10.0  # "rendering all 300 digests under 10 s"
TICK_TARGET_S = 1.0  # "finding everything due at one tick under 1 s" (at 100,000 commitments)
RECURRING = ("FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;INTERVAL=4;BYMONTHDAY=-1", "FREQ=YEARLY")


def _database(backend: str, workdir: Path) -> Database:
    if backend == "sqlite":
        db = Database.from_url(f"sqlite:///{workdir / 'bench.sqlite3'}")
    else:
        db = Database.from_url(os.environ["ATAGANDE_BENCH_PG_URL"])
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade(db.engine)
    return db


def _seed(db: Database, size: int, committees: int) -> None:
    seed(db, commitments=size, committees=committees, people=max(size // 20, 50), now=TICK)
    with db.write() as s:
        for i, rule in enumerate(RECURRING):
            s.execute(
                update(Commitment)
                .where(text(f"commitments.id % 20 = {i}"))
                .values(recurrence=rule, recurrence_phrase="varje månad")
            )


def _fresh_outbox(db: Database) -> None:
    with db.write() as s:
        s.execute(delete(OutboxMessage))
        s.execute(delete(SchedulerMark).where(SchedulerMark.name == MARK))


def measure(backend: str, size: int, committees: int, runs: int) -> dict[str, Any]:
    """One size on one backend, in this process."""
    with tempfile.TemporaryDirectory(prefix="atagande-bench-") as tmp:
        db = _database(backend, Path(tmp))
        t0 = time.perf_counter()
        _seed(db, size, committees)
        seed_s = time.perf_counter() - t0
        start, end = TICK - timedelta(minutes=1), TICK
        tick_times, found = [], 0
        for _ in range(runs):
            with db.read() as s:
                t0 = time.perf_counter()
                found = len(reminders_between(s, start, end, STOCKHOLM))
                tick_times.append(time.perf_counter() - t0)
        with db.read() as s:
            tracemalloc.start()
            reminders_between(s, start, end, STOCKHOLM)
            heap_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        plan_times, inserted = [], 0
        for _ in range(runs):
            _fresh_outbox(db)
            t0 = time.perf_counter()
            inserted = plan_reminders(db, TICK, STOCKHOLM)
            plan_times.append(time.perf_counter() - t0)
        # A second replica planning the same window a moment later finds nothing new.
        t0 = time.perf_counter()
        again = plan_reminders(db, TICK + timedelta(seconds=1), STOCKHOLM)
        again_s = time.perf_counter() - t0
        digest_s = statistics.median(_render_all_digests(db) for _ in range(runs))
        db.dispose()
    return {
        "backend": backend,
        "size": size,
        "seed_s": seed_s,
        "tick_s": statistics.median(tick_times),
        "found": found,
        "plan_s": statistics.median(plan_times),
        "inserted": inserted,
        "again_s": again_s,
        "again": again,
        "heap_mb": heap_peak / 1e6,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "digest_s": digest_s,
    }


def _render_all_digests(db: Database) -> float:
    """Seconds to load and render every committee's weekly digest, as the Monday tick does."""
    texts = Texts()
    t0 = time.perf_counter()
    with db.read() as s:
        committees = list(s.scalars(select(Committee)))
        slot = digest_slot(DigestSchedule(), TICK.date(), STOCKHOLM)
        digests = load_digests(s, [(c, slot.period) for c in committees], TICK, tz=STOCKHOLM)
        for digest in digests.values():
            digest_message(texts, digest, team_url="https://kommunen.slack.com/")
    return time.perf_counter() - t0


def _child(backend: str, size: int, committees: int, runs: int) -> dict[str, Any]:
    """Each size in a fresh process, so its peak memory is its own."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.scheduled_speed", "--one", backend, str(size), str(committees), str(runs)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _row(r: dict[str, Any]) -> str:
    target = "ok" if r["tick_s"] < TICK_TARGET_S else "OVER"
    digest = f"{r['digest_s']:.2f} s {'ok' if r['digest_s'] < DIGEST_TARGET_S else 'OVER'}"
    return (
        f"{r['backend']:<10} {r['size']:>9,} {r['seed_s']:>8.1f} s {r['tick_s']:>8.3f} s {target:>4} "
        f"{r['found']:>6,} {r['plan_s']:>8.3f} s {r['inserted']:>7,} {r['again_s']:>7.3f} s "
        f"{r['heap_mb']:>7.1f} MB {r['maxrss_mb']:>7.0f} MB  {digest}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000", help="commitment counts, comma-separated")
    parser.add_argument("--committees", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (the median is shown)")
    parser.add_argument("--one", nargs=4, metavar=("BACKEND", "SIZE", "COMMITTEES", "RUNS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        backend, size, committees, runs = args.one
        print(json.dumps(measure(backend, int(size), int(committees), int(runs))))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    backends = ["sqlite"] + (["postgresql"] if os.environ.get("ATAGANDE_BENCH_PG_URL") else [])
    print(f"Planning reminders on {TICK:%A %Y-%m-%d %H:%M} ({args.committees} committees; median of {args.runs} runs)")
    print(
        f"targets at 100,000 commitments: one tick (reminders_between at 08:30) under {TICK_TARGET_S:.0f} s, "
        f"all digests loaded and rendered under {DIGEST_TARGET_S:.0f} s"
    )
    print(
        f"{'backend':<10} {'commitm.':>9} {'seed':>10} {'one tick':>10} {'':>4} {'due':>6} "
        f"{'plan+ins.':>10} {'rows':>7} {'again':>9} {'heap pk':>10} {'maxrss':>10}  digest render"
    )
    for backend in backends:
        for size in sizes:
            print(_row(_child(backend, size, args.committees, args.runs)), flush=True)
    print("one tick: reminders_between(08:29, 08:30]; plan+ins.: plan_reminders from midnight, inserting the rows;")
    print("again: a second replica planning a second later (nothing new); heap pk: tracemalloc during one tick;")
    print("maxrss: the whole process, seeding included; digest render: every committee's weekly digest,")
    print("loaded together (load_digests) and rendered to Block Kit (digest_message).")


if __name__ == "__main__":
    main()
