"""Reminders across the change to and from summer time (Europe/Stockholm).

The planner is ticked every few minutes, in real (UTC) steps, from the Thursday before
to the Tuesday after each change; reminders fall on the Friday before and the Monday
after. Each must be planned once, at the first tick at or after its 08:30 local time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from bot.language.normalize import fold
from bot.reminders.planning import plan_reminders
from storage.db import Database
from storage.models import Commitment, CommitmentStatus, Committee, OutboxMessage, OutboxState, Person
from tests.delivery.fleet import STOCKHOLM

STEP = timedelta(minutes=7)

# (change, Friday before, Monday after, UTC hour of 08:30 on the Friday, on the Monday)
CHANGES = {
    "spring": (date(2026, 3, 29), date(2026, 3, 27), date(2026, 3, 30), 7, 6),
    "autumn": (date(2026, 10, 25), date(2026, 10, 23), date(2026, 10, 26), 6, 7),
}


def _seed(db: Database, friday: date, monday: date) -> dict[str, int]:
    """Commitments whose reminders land on `friday` and `monday`; name -> id."""
    deadlines = {
        "on_friday": friday,  # on the day: Friday
        "on_monday": monday,  # 3 days before: Friday (Sunday moved back); on the day: Monday
        "overdue_friday": friday - timedelta(days=7),  # 7 days overdue: Friday
        "before_monday": monday + timedelta(days=14),  # 14 days before: Monday
    }
    created = datetime(2026, 1, 1, tzinfo=STOCKHOLM)
    with db.write() as s:
        s.execute(insert(Person), [{"slack_user_id": "UOWNER001", "deleted": False, "created_at": created}])
        s.execute(
            insert(Committee),
            [{"code": "BUN", "name": "Barn- och utbildningsnämnden", "reminder_policy": {}, "created_at": created}],
        )
        for n, deadline in enumerate(deadlines.values(), start=1):
            s.execute(
                insert(Commitment),
                [
                    {
                        "committee_id": 1,
                        "number": n,
                        "text": f"Åtgärd {n}",
                        "owner_id": 1,
                        "deadline": deadline,
                        "deadline_phrase": deadline.isoformat(),
                        "status": CommitmentStatus.NOT_STARTED,
                        "search_text": fold(f"Åtgärd {n}"),
                        "created_at": created,
                        "updated_at": created,
                    }
                ],
            )
    return {name: n for n, name in enumerate(deadlines, start=1)}


def _expected(ids: dict[str, int], friday: date, monday: date) -> dict[str, date]:
    """Owner reminder key -> the day it goes out."""
    return {
        f"remind:{ids['on_friday']}:{friday}:0": friday,
        f"remind:{ids['on_monday']}:{monday}:-3": friday,
        f"remind:{ids['on_monday']}:{monday}:0": monday,
        f"remind:{ids['overdue_friday']}:{friday - timedelta(days=7)}:7": friday,
        f"remind:{ids['before_monday']}:{monday + timedelta(days=14)}:-14": monday,
    }


def _rows(db: Database) -> list[OutboxMessage]:
    with db.read() as s:
        return list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


@pytest.mark.parametrize("change", CHANGES)
def test_ticking_across_the_change_plans_every_reminder_once_at_0830(db: Database, change: str) -> None:
    day, friday, monday, friday_utc_hour, monday_utc_hour = CHANGES[change]
    ids = _seed(db, friday, monday)
    expected = _expected(ids, friday, monday)
    start = datetime.combine(friday - timedelta(days=1), datetime.min.time(), tzinfo=STOCKHOLM)
    end = datetime.combine(monday + timedelta(days=1), datetime.min.time(), tzinfo=STOCKHOLM) + timedelta(hours=12)
    planned_at: dict[str, datetime] = {}
    now = _utc(start)
    while now <= end:
        known = {r.key for r in _rows(db)} if plan_reminders(db, now.astimezone(STOCKHOLM), STOCKHOLM) else set()
        for key in known - set(planned_at):
            planned_at[key] = now
        now += STEP
    # The clock really crossed the change: the offset differs before and after.
    assert start.utcoffset() != end.utcoffset()
    rows = _rows(db)
    assert sorted(r.key for r in rows) == sorted(expected), "something skipped or doubled"
    for row in rows:
        assert row.state == OutboxState.PENDING, (row.key, row.state, row.error)
        send_day = expected[row.key]
        local = row.due_at.astimezone(STOCKHOLM)
        assert (local.date(), local.hour, local.minute) == (send_day, 8, 30), (row.key, local)
        utc_hour = friday_utc_hour if send_day == friday else monday_utc_hour
        assert (_utc(row.due_at).hour, _utc(row.due_at).minute) == (utc_hour, 30), (row.key, _utc(row.due_at))
        # Planned at the first tick at or after its moment, neither an hour early nor late.
        tick = planned_at[row.key]
        assert tick - STEP < _utc(row.due_at) <= tick, (row.key, tick, row.due_at)
    assert day.weekday() == 6  # the change is on the Sunday between


@pytest.mark.parametrize("change", CHANGES)
def test_a_process_down_over_the_weekend_catches_up_once(db: Database, change: str) -> None:
    _, friday, monday, _, monday_utc_hour = CHANGES[change]
    ids = _seed(db, friday, monday)
    expected = _expected(ids, friday, monday)

    def tick(day: date, hour: int, minute: int = 0) -> int:
        return plan_reminders(
            db,
            datetime.combine(day, datetime.min.time(), tzinfo=STOCKHOLM).replace(hour=hour, minute=minute),
            STOCKHOLM,
        )

    assert tick(friday - timedelta(days=1), 12) == 0  # Thursday, up and running; then down
    # Back on Monday after the change: Friday's and Monday's reminders, planned once.
    assert tick(monday, 10) == len(expected)
    assert tick(monday, 10, 5) == 0
    assert tick(monday + timedelta(days=1), 10) == 0
    rows = {r.key: r for r in _rows(db)}
    assert sorted(rows) == sorted(expected)
    for key, send_day in expected.items():
        local = rows[key].due_at.astimezone(STOCKHOLM)
        assert (local.date(), local.hour, local.minute) == (send_day, 8, 30), key
    # One message per commitment: Friday's 3-days-before reminder is superseded by Monday's.
    skipped = {k for k, r in rows.items() if r.state == OutboxState.SKIPPED}
    assert skipped == {f"remind:{ids['on_monday']}:{monday}:-3"}
    assert {rows[k].error for k in skipped} == {"superseded"}
    monday_rows = [r for r in rows.values() if r.due_at.astimezone(STOCKHOLM).date() == monday]
    assert {(_utc(r.due_at).hour, _utc(r.due_at).minute) for r in monday_rows} == {(monday_utc_hour, 30)}


@pytest.mark.parametrize("change", CHANGES)
def test_down_only_over_the_change_itself(db: Database, change: str) -> None:
    """Last tick on Saturday evening, next on Monday 08:45: Monday's reminders once, Friday's already planned."""
    day, friday, monday, _, _ = CHANGES[change]
    ids = _seed(db, friday, monday)
    expected = _expected(ids, friday, monday)
    on_friday = {k for k, d in expected.items() if d == friday}
    assert plan_reminders(db, datetime.combine(friday, datetime.min.time(), tzinfo=STOCKHOLM), STOCKHOLM) == 0
    saturday = datetime.combine(day - timedelta(days=1), datetime.min.time(), tzinfo=STOCKHOLM).replace(hour=22)
    assert plan_reminders(db, saturday, STOCKHOLM) == len(on_friday)
    monday_0845 = datetime.combine(monday, datetime.min.time(), tzinfo=STOCKHOLM).replace(hour=8, minute=45)
    assert plan_reminders(db, monday_0845, STOCKHOLM) == len(expected) - len(on_friday)
    assert sorted(r.key for r in _rows(db)) == sorted(expected)
