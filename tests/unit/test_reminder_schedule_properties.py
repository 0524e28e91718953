"""Properties of planned reminders and of occurrences, over generated deadlines, policies and rules."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.reminder_policy import ReminderPolicy
from bot.language.workdays import is_working_day
from bot.reminders.schedule import occurrences, planned_reminders, send_time_on
from tests.conftest import STOCKHOLM

policies = st.builds(
    ReminderPolicy,
    before_days=st.lists(st.integers(1, 365), max_size=6).map(tuple),
    on_the_day=st.booleans(),
    overdue_every_days=st.integers(0, 60),
    escalate_after_days=st.integers(0, 60),
)
deadlines = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    deadline=deadlines,
    policy=policies,
    horizon=st.integers(-400, 200),
    created=st.one_of(st.none(), st.integers(-400, 30)),
)
def test_every_reminder_is_0830_on_a_working_day_in_its_place(
    deadline: date, policy: ReminderPolicy, horizon: int, created: int | None
) -> None:
    until = deadline + timedelta(days=horizon)
    not_before = None if created is None else send_time_on(deadline) + timedelta(days=created, minutes=created)
    planned = planned_reminders(deadline, policy, occurrence=deadline, until=until, not_before=not_before)

    owner_days: list[date] = []
    for reminder in planned:
        assert reminder.send_at.tzinfo is UTC
        local = reminder.send_at.astimezone(STOCKHOLM)
        assert local.time() == time(8, 30)
        assert is_working_day(local.date())
        assert local.date() <= until
        assert not_before is None or reminder.send_at >= not_before
        if reminder.kind == "before":
            assert reminder.offset_days < 0
            assert local.date() < deadline
        elif reminder.kind == "on_day":
            assert reminder.offset_days == 0
            assert local.date() <= deadline
        else:
            assert reminder.offset_days > 0
            assert local.date() > deadline
        if reminder.kind != "escalation":
            owner_days.append(local.date())
    # Never two reminders to the owner on one day, and every key is unique.
    assert len(owner_days) == len(set(owner_days))
    assert len({reminder.key(1) for reminder in planned}) == len(planned)
    assert [reminder.send_at for reminder in planned] == sorted(reminder.send_at for reminder in planned)


@settings(max_examples=200, deadline=None)
@given(deadline=deadlines, policy=policies, near=st.integers(-30, 120), far=st.integers(0, 120))
def test_a_longer_horizon_only_adds_later_reminders(
    deadline: date, policy: ReminderPolicy, near: int, far: int
) -> None:
    # The timer plans again and again with a moving horizon; the outbox keys must not change under it.
    short_until = deadline + timedelta(days=near)
    long_until = short_until + timedelta(days=far)
    short = planned_reminders(deadline, policy, occurrence=deadline, until=short_until)
    long = planned_reminders(deadline, policy, occurrence=deadline, until=long_until)
    assert short == [r for r in long if r.send_at.astimezone(STOCKHOLM).date() <= short_until]


@settings(max_examples=200, deadline=None)
@given(
    first=deadlines,
    rule=st.sampled_from(
        [
            None,
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1",
            "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1",
            "FREQ=WEEKLY;BYDAY=FR",
        ]
    ),
    start=deadlines,
    length=st.integers(0, 800),
)
def test_occurrences_are_sorted_distinct_and_inside_the_window(
    first: date, rule: str | None, start: date, length: int
) -> None:
    end = start + timedelta(days=length)
    found = occurrences(first, rule, start, end)
    assert found == sorted(set(found))
    assert all(start <= day <= end and day >= first for day in found)
    assert (first in found) == (start <= first <= end)
