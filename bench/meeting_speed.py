"""One planning tick when commitments are due at committee meetings, beside the same tick without them.

    python -m bench.meeting_speed [--size 100000] [--committees 300] [--runs 3]

Seeds a database as `bench.scheduled_speed` does (SQLite in a temporary directory; deadlines past,
near and far, every twentieth commitment recurring), times `reminders_between` for the 08:30 tick
of a Monday (the untied baseline), then gives every committee 11 meetings a year (the second
Thursday of each month but July, 2026–2028), ties a share of the one-off commitments to the meeting
of their deadline's month (`Commitment.meeting_id`, the deadline its day, as a tied phrase does), and
makes some rhythms "vid varje sammanträde" (an RDATE list of the committee's meetings), and times
the same tick again. Also times the look for pre-meeting summaries due at that tick
(`planned_premeetings`). Target: the tied tick under 1 s at 100,000 commitments. Figures, not
assertions: this is not a test.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select, text, update

from bench.scheduled_speed import STOCKHOLM, TICK, TICK_TARGET_S, _database, _seed
from bot.digests.premeeting import planned_premeetings
from bot.reminders.planning import reminders_between
from bot.reminders.schedule import first_occurrence
from storage.db import Database
from storage.meeting_models import Meeting
from storage.models import Commitment, Committee

YEARS = (2026, 2027, 2028)
# Of the one-off commitments, one in TIED_EVERY is due at a meeting; of the rhythms, one in RHYTHM_EVERY
# follows every meeting. A register where a committee answers audits: most are dated, many at meetings.
TIED_EVERY = 4
RHYTHM_EVERY = 3


def meeting_days(year: int) -> list[date]:
    """The second Thursday of each month but July: 11 meetings."""
    days = []
    for month in range(1, 13):
        if month == 7:
            continue
        first = date(year, month, 1)
        days.append(first + timedelta(days=(3 - first.weekday()) % 7 + 7))
    return days


def _add_meetings(db: Database) -> dict[tuple[int, int, int], tuple[int, date]]:
    """Every committee's meetings; (committee, year, month) → (meeting id, day)."""
    plan = [d for year in YEARS for d in meeting_days(year)]
    with db.write() as s:
        committees = list(s.scalars(select(Committee.id)))
        now = TICK
        rows = [
            {"committee_id": k, "day": d, "title": "Sammanträde", "created_at": now, "updated_at": now}
            for k in committees
            for d in plan
        ]
        s.execute(insert(Meeting), rows)
        found = s.execute(select(Meeting.id, Meeting.committee_id, Meeting.day))
        return {(k, d.year, d.month): (mid, d) for mid, k, d in found}


def _tie(db: Database, meetings: dict[tuple[int, int, int], tuple[int, date]]) -> tuple[int, int]:
    """Tie one-off commitments to their month's meeting and make some rhythms 'vid varje sammanträde'."""
    rhythm = "RDATE:" + ",".join(d.strftime("%Y%m%d") for year in YEARS for d in meeting_days(year))
    with db.write() as s:
        one_off = s.execute(
            select(Commitment.id, Commitment.committee_id, Commitment.deadline).where(
                Commitment.recurrence.is_(None), text(f"commitments.id % {TIED_EVERY} = 1")
            )
        )
        ties = []
        for cid, k, deadline in one_off:
            found = meetings.get((k, deadline.year, deadline.month)) if deadline is not None else None
            if found is not None:
                ties.append(
                    {"id": cid, "meeting_id": found[0], "deadline": found[1], "anchor": f"month:{found[1]:%Y-%m}"}
                )
        s.execute(update(Commitment), ties)
        rhythms = s.execute(
            update(Commitment)
            .where(Commitment.recurrence.is_not(None), text(f"commitments.id % {RHYTHM_EVERY} = 0"))
            .values(recurrence=rhythm, recurrence_phrase="vid varje sammanträde", deadline=None, anchor="each")
        )
        first_occurrence.cache_clear()
        return len(ties), int(getattr(rhythms, "rowcount", 0) or 0)


def _time(db: Database, runs: int, work: Callable[[Database], int]) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        found = work(db)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), found


def _tick(db: Database) -> int:
    with db.read() as s:
        return len(reminders_between(s, TICK - timedelta(minutes=1), TICK, STOCKHOLM))


def _premeetings(db: Database) -> int:
    with db.read() as s:
        return len(planned_premeetings(s, TICK, STOCKHOLM))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000, help="commitments")
    parser.add_argument("--committees", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (the median is shown)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="atagande-bench-") as tmp:
        db = _database("sqlite", Path(tmp))
        _seed(db, args.size, args.committees)
        untied_s, untied_due = _time(db, args.runs, _tick)
        tied, rhythms = _tie(db, _add_meetings(db))
        tied_s, tied_due = _time(db, args.runs, _tick)
        pre_s, pre_due = _time(db, args.runs, _premeetings)
        db.dispose()
    verdict = "ok" if tied_s < TICK_TARGET_S else "OVER"
    print(
        f"One planning tick on {TICK:%A %Y-%m-%d %H:%M}, {args.size:,} commitments, {args.committees} committees "
        f"× 11 meetings a year (SQLite; median of {args.runs} runs)"
    )
    print(f"  untied (baseline):                      {untied_s:7.3f} s  {untied_due:>6,} rows planned")
    print(
        f"  {tied:,} due at a meeting, {rhythms:,} at every meeting: {tied_s:7.3f} s  {tied_due:>6,} rows planned  "
        f"(target < {TICK_TARGET_S:.0f} s: {verdict})"
    )
    print(f"  pre-meeting summaries due at the tick:  {pre_s:7.3f} s  {pre_due:>6,} summaries")


if __name__ == "__main__":
    main()
