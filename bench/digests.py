"""Loading and rendering every committee's weekly digest, and the monthly overview.

    python -m bench.digests [--commitments 100000] [--committees 300] [--rounds 3]

Seeds a SQLite database (`bench.seed`: commitments spread over the past year
and the next two, every status) and adds a week of history: 3 % of the
commitments marked done during the digest's period, 2 % given a new deadline
with a reason, a third with a card message in the channel. Then, ``--rounds``
times (median reported):

- every committee's digest loaded with `load_digests` in one call, rendered
  with `digest_message` and checked against the stand-in's Block Kit limits;
- the peer: the same digests loaded one committee at a time (`load_digest`),
  the way a sender that loops over committees would, rendered the same way;
- the monthly overview (`load_overview` + `overview_message`).

Figures, not assertions: this is not a test.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select, update

from bench.seed import seed
from bot.digests.blocks import digest_message, overview_message
from bot.digests.content import load_digest, load_digests, load_overview
from bot.digests.schedule import digest_slot
from bot.domain.digest_schedule import DigestSchedule
from bot.standin.blockkit import validate_blocks
from bot.texts import Texts
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Commitment, CommitmentStatus, Committee, StatusUpdate, UpdateKind

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TARGET_S = 10.0
TEAM_URL = "https://kommunen.slack.com/"


def add_history(db: Database, now: datetime, since: datetime, rng: random.Random) -> None:
    """A week of answers: some commitments done, some moved, a third with a card message."""
    with db.read() as s:
        rows = list(s.execute(select(Commitment.id, Commitment.deadline, Commitment.committee_id)))
    updates: list[dict[str, object]] = []
    done_ids: list[int] = []
    window = (now - since).total_seconds()
    for cid, deadline, _committee in rows:
        roll = rng.random()
        stamp = since + timedelta(seconds=rng.uniform(0, window))
        if roll < 0.03:
            done_ids.append(cid)
            updates.append(
                {"commitment_id": cid, "created_at": stamp, "kind": UpdateKind.STATUS, "status": CommitmentStatus.DONE}
            )
        elif roll < 0.05 and deadline is not None:
            updates.append(
                {
                    "commitment_id": cid,
                    "created_at": stamp,
                    "kind": UpdateKind.DEADLINE,
                    "status": CommitmentStatus.DELAYED,
                    "old_deadline": deadline,
                    "new_deadline": deadline + timedelta(days=90),
                    "reason": "Arbetet väntar på regionens nya riktlinje",
                }
            )
    with db.write() as s:
        for start in range(0, len(updates), 5000):
            s.execute(insert(StatusUpdate), updates[start : start + 5000])
        for start in range(0, len(done_ids), 900):
            chunk = done_ids[start : start + 900]
            s.execute(update(Commitment).where(Commitment.id.in_(chunk)).values(status=CommitmentStatus.DONE))
        s.execute(
            update(Commitment)
            .where(Commitment.id % 3 == 0)
            .values(message_channel="C0000001", message_ts="1764489600.000100")
        )


def timed(run: Callable[[], int], rounds: int) -> tuple[float, int]:
    times: list[float] = []
    blocks = 0
    for _ in range(rounds):
        start = time.perf_counter()
        blocks = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--commitments", type=int, default=100_000)
    parser.add_argument("--committees", type=int, default=300)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    now = datetime(2026, 11, 30, 8, 0, tzinfo=STOCKHOLM)
    slot = digest_slot(DigestSchedule(), now.date())
    texts = Texts()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.from_url(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        upgrade(db.engine)
        started = time.perf_counter()
        seed(db, commitments=args.commitments, committees=args.committees, people=args.people, now=now)
        add_history(db, slot.send_at, slot.period.start, random.Random(11))
        print(
            f"seeded {args.commitments:,} commitments in {args.committees} committees "
            f"in {time.perf_counter() - started:.1f} s"
        )

        def check(blocks: list[dict[str, object]]) -> int:
            problems = validate_blocks(blocks, "message")
            if problems:
                raise SystemExit(f"Slack would refuse a digest: {problems[0]}")
            return len(blocks)

        def batched() -> int:
            with db.read() as s:
                committees = list(s.scalars(select(Committee).order_by(Committee.code)))
                digests = load_digests(s, [(c, slot.period) for c in committees], slot.send_at)
            return sum(check(digest_message(texts, d, team_url=TEAM_URL).blocks) for d in digests.values())

        def one_by_one() -> int:
            total = 0
            with db.read() as s:
                for committee in s.scalars(select(Committee).order_by(Committee.code)):
                    digest = load_digest(s, committee, slot.send_at, slot.period)
                    total += check(digest_message(texts, digest, team_url=TEAM_URL).blocks)
            return total

        def overview() -> int:
            with db.read() as s:
                result = load_overview(s, slot.send_at)
            return check(overview_message(texts, result).blocks)

        batched_s, blocks = timed(batched, args.rounds)
        single_s, _ = timed(one_by_one, args.rounds)
        overview_s, overview_blocks = timed(overview, args.rounds)
        db.dispose()

    print()
    header = f"{'operation':<52} {'median':>9} {'target':>9}"
    print(header)
    print("-" * len(header))
    print(f"{f'{args.committees} digests, load_digests + render (ours)':<52} {batched_s:>8.2f}s {TARGET_S:>8.1f}s")
    print(f"{f'{args.committees} digests, load_digest per committee (peer)':<52} {single_s:>8.2f}s {'':>9}")
    print(f"{'monthly overview, load_overview + render':<52} {overview_s:>8.2f}s {'':>9}")
    print()
    print(f"blocks in all digests: {blocks:,} (at most 50 each); overview: {overview_blocks} blocks")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
