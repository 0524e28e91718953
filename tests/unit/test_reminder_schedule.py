"""When reminders go out: working days and holidays, after the deadline, daylight saving, outbox keys."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from bot.domain.reminder_policy import ReminderPolicy
from bot.reminders.schedule import PlannedReminder, ReminderKind, due, occurrences, planned_reminders, send_time_on
from tests.conftest import STOCKHOLM

DEFAULT = ReminderPolicy()
ONLY_AFTER = ReminderPolicy(before_days=(), on_the_day=False)

Row = tuple[str, int, date]


def _plan(
    deadline: date,
    policy: ReminderPolicy = DEFAULT,
    *,
    until: date | None = None,
    not_before: datetime | None = None,
) -> list[PlannedReminder]:
    return planned_reminders(deadline, policy, occurrence=deadline, until=until or deadline, not_before=not_before)


def _rows(planned: list[PlannedReminder]) -> list[Row]:
    """(kind, offset, local send day) for comparing against a table."""
    return [(p.kind, p.offset_days, p.send_at.astimezone(STOCKHOLM).date()) for p in planned]


def _local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


# --------------------------------------------------------------------------- #
# Working days and holidays (until = the deadline: no overdue reminders)
# --------------------------------------------------------------------------- #

SCHEDULES: list[tuple[str, date, list[Row]]] = [
    (
        "deadline after midsummer: 3 days before is midsommarafton, goes out on Thursday",
        date(2026, 6, 22),
        [("before", -14, date(2026, 6, 8)), ("before", -3, date(2026, 6, 18)), ("on_day", 0, date(2026, 6, 22))],
    ),
    (
        "deadline on midsommarafton: on the day moves to Thursday",
        date(2026, 6, 19),
        [("before", -14, date(2026, 6, 5)), ("before", -3, date(2026, 6, 16)), ("on_day", 0, date(2026, 6, 18))],
    ),
    (
        "deadline on midsommardagen (Saturday)",
        date(2026, 6, 20),
        [("before", -14, date(2026, 6, 5)), ("before", -3, date(2026, 6, 17)), ("on_day", 0, date(2026, 6, 18))],
    ),
    (
        "deadline 14 days after midsommarafton",
        date(2026, 7, 3),
        [("before", -14, date(2026, 6, 18)), ("before", -3, date(2026, 6, 30)), ("on_day", 0, date(2026, 7, 3))],
    ),
    (
        "deadline on julafton",
        date(2026, 12, 24),
        [("before", -14, date(2026, 12, 10)), ("before", -3, date(2026, 12, 21)), ("on_day", 0, date(2026, 12, 23))],
    ),
    (
        "deadline on annandag jul (Saturday): back past juldagen and julafton, onto 3 days before",
        date(2026, 12, 26),
        [("before", -14, date(2026, 12, 11)), ("on_day", 0, date(2026, 12, 23))],
    ),
    (
        "deadline on nyårsafton",
        date(2026, 12, 31),
        [("before", -14, date(2026, 12, 17)), ("before", -3, date(2026, 12, 28)), ("on_day", 0, date(2026, 12, 30))],
    ),
    (
        "deadline on trettondedag jul: 3 days before skips a weekend, nyårsdagen and nyårsafton",
        date(2027, 1, 6),
        [("before", -14, date(2026, 12, 23)), ("before", -3, date(2026, 12, 30)), ("on_day", 0, date(2027, 1, 5))],
    ),
    (
        "deadline on annandag påsk: on the day falls back onto the 3-days-before day",
        date(2026, 4, 6),
        [("before", -14, date(2026, 3, 23)), ("on_day", 0, date(2026, 4, 2))],
    ),
    (
        "3 days before is första maj",
        date(2026, 5, 4),
        [("before", -14, date(2026, 4, 20)), ("before", -3, date(2026, 4, 30)), ("on_day", 0, date(2026, 5, 4))],
    ),
    (
        "deadline on a Saturday, 14 days before also a Saturday",
        date(2026, 3, 14),
        [("before", -14, date(2026, 2, 27)), ("before", -3, date(2026, 3, 11)), ("on_day", 0, date(2026, 3, 13))],
    ),
    (
        "deadline on a Sunday: 3 days before (Thursday) and on the day (back to Friday) differ",
        date(2026, 3, 15),
        [("before", -14, date(2026, 2, 27)), ("before", -3, date(2026, 3, 12)), ("on_day", 0, date(2026, 3, 13))],
    ),
    (
        "Sunday after midsummer: 3 days before and on the day both land on Thursday, on the day wins",
        date(2026, 6, 21),
        [("before", -14, date(2026, 6, 5)), ("on_day", 0, date(2026, 6, 18))],
    ),
    (
        "an ordinary Wednesday",
        date(2026, 9, 16),
        [("before", -14, date(2026, 9, 2)), ("before", -3, date(2026, 9, 11)), ("on_day", 0, date(2026, 9, 16))],
    ),
]


@pytest.mark.parametrize(("why", "deadline", "expected"), SCHEDULES, ids=[row[0] for row in SCHEDULES])
def test_default_schedule_around_holidays_and_weekends(why: str, deadline: date, expected: list[Row]) -> None:
    assert _rows(_plan(deadline)) == expected, why


# --------------------------------------------------------------------------- #
# After the deadline, the same-day rule and the planning horizon
# --------------------------------------------------------------------------- #

AFTER_DEADLINE: list[tuple[str, ReminderPolicy, date, date, list[Row]]] = [
    (
        "default policy through Christmas and New Year; the escalation waits for the first working day after 14 days",
        DEFAULT,
        date(2026, 12, 17),
        date(2027, 1, 15),
        [
            ("before", -14, date(2026, 12, 3)),
            ("before", -3, date(2026, 12, 14)),
            ("on_day", 0, date(2026, 12, 17)),
            ("overdue", 7, date(2026, 12, 23)),
            ("overdue", 14, date(2026, 12, 30)),
            # Day 14 is nyårsafton: the owner's reminder goes out before it, the escalation after the New Year.
            ("escalation", 14, date(2027, 1, 4)),
            ("overdue", 21, date(2027, 1, 7)),
            ("overdue", 28, date(2027, 1, 14)),
        ],
    ),
    (
        "daily overdue reminders never fall back onto the deadline; days 1-5 merge on the Monday",
        ReminderPolicy(before_days=(), overdue_every_days=1, escalate_after_days=0),
        date(2026, 12, 23),
        date(2026, 12, 29),
        [("on_day", 0, date(2026, 12, 23)), ("overdue", 5, date(2026, 12, 28)), ("overdue", 6, date(2026, 12, 29))],
    ),
    (
        "an escalation one day after a deadline before Christmas waits for the next working day",
        ReminderPolicy(before_days=(), on_the_day=False, overdue_every_days=0, escalate_after_days=1),
        date(2026, 12, 23),
        date(2027, 1, 31),
        [("escalation", 1, date(2026, 12, 28))],
    ),
    (
        "overdue week ends on midsommarafton: goes out on Thursday",
        ONLY_AFTER,
        date(2026, 6, 12),
        date(2026, 6, 30),
        [("overdue", 7, date(2026, 6, 18)), ("overdue", 14, date(2026, 6, 26)), ("escalation", 14, date(2026, 6, 26))],
    ),
    (
        "a reminder planned just past the horizon that moves back onto it is included",
        ReminderPolicy(before_days=(), on_the_day=False, escalate_after_days=0),
        date(2026, 6, 12),
        date(2026, 6, 18),
        [("overdue", 7, date(2026, 6, 18))],
    ),
    (
        "the horizon ends the overdue reminders and holds back the escalation",
        DEFAULT,
        date(2026, 9, 16),
        date(2026, 9, 23),
        [
            ("before", -14, date(2026, 9, 2)),
            ("before", -3, date(2026, 9, 11)),
            ("on_day", 0, date(2026, 9, 16)),
            ("overdue", 7, date(2026, 9, 23)),
        ],
    ),
    (
        "a horizon before the deadline plans only what goes out by then",
        DEFAULT,
        date(2026, 9, 16),
        date(2026, 9, 10),
        [("before", -14, date(2026, 9, 2))],
    ),
    (
        "3, 2 and 1 days before a Monday all fall on Friday: one reminder, the latest offset",
        ReminderPolicy(before_days=(3, 2, 1)),
        date(2026, 9, 21),
        date(2026, 9, 21),
        [("before", -1, date(2026, 9, 18)), ("on_day", 0, date(2026, 9, 21))],
    ),
    (
        "every other day while overdue: Saturday to Friday, day 10 (Sunday) past the horizon back onto it",
        ReminderPolicy(before_days=(), on_the_day=False, overdue_every_days=2, escalate_after_days=0),
        date(2026, 9, 17),
        date(2026, 9, 25),
        [
            ("overdue", 2, date(2026, 9, 18)),
            ("overdue", 4, date(2026, 9, 21)),
            ("overdue", 6, date(2026, 9, 23)),
            ("overdue", 10, date(2026, 9, 25)),
        ],
    ),
    (
        "nothing at all",
        ReminderPolicy(before_days=(), on_the_day=False, overdue_every_days=0, escalate_after_days=0),
        date(2026, 9, 17),
        date(2027, 9, 17),
        [],
    ),
]


@pytest.mark.parametrize(
    ("why", "policy", "deadline", "until", "expected"), AFTER_DEADLINE, ids=[row[0] for row in AFTER_DEADLINE]
)
def test_overdue_escalation_and_horizon(
    why: str, policy: ReminderPolicy, deadline: date, until: date, expected: list[Row]
) -> None:
    assert _rows(_plan(deadline, policy, until=until)) == expected, why


NOT_BEFORE: list[tuple[str, date, date, datetime, list[Row]]] = [
    (
        "created after the 14-day reminder",
        date(2026, 6, 22),
        date(2026, 6, 22),
        _local(2026, 6, 10, 10),
        [("before", -3, date(2026, 6, 18)), ("on_day", 0, date(2026, 6, 22))],
    ),
    (
        "created at 09:00 on the day of a reminder: that one is past",
        date(2026, 6, 22),
        date(2026, 6, 22),
        _local(2026, 6, 18, 9),
        [("on_day", 0, date(2026, 6, 22))],
    ),
    (
        "created at exactly 08:30 (given in UTC): the reminder still goes out",
        date(2026, 6, 22),
        date(2026, 6, 22),
        datetime(2026, 6, 18, 6, 30, tzinfo=UTC),
        [("before", -3, date(2026, 6, 18)), ("on_day", 0, date(2026, 6, 22))],
    ),
    (
        "created on midsommardagen for a Sunday deadline: the moved on-the-day reminder is dropped",
        date(2026, 6, 21),
        date(2026, 6, 30),
        _local(2026, 6, 20, 10),
        [("overdue", 7, date(2026, 6, 26))],
    ),
]


@pytest.mark.parametrize(
    ("why", "deadline", "until", "not_before", "expected"), NOT_BEFORE, ids=[row[0] for row in NOT_BEFORE]
)
def test_nothing_before_the_commitment_existed(
    why: str, deadline: date, until: date, not_before: datetime, expected: list[Row]
) -> None:
    assert _rows(_plan(deadline, until=until, not_before=not_before)) == expected, why


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        _plan(date(2026, 6, 22), not_before=datetime(2026, 6, 1, 8))
    with pytest.raises(ValueError, match="timezone-aware"):
        due(_plan(date(2026, 6, 22)), datetime(2026, 6, 1, 8))


# --------------------------------------------------------------------------- #
# Daylight saving: 08:30 local on the right day
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 28), datetime(2026, 3, 28, 7, 30, tzinfo=UTC)),
        (date(2026, 3, 29), datetime(2026, 3, 29, 6, 30, tzinfo=UTC)),
        (date(2026, 3, 30), datetime(2026, 3, 30, 6, 30, tzinfo=UTC)),
        (date(2026, 10, 24), datetime(2026, 10, 24, 6, 30, tzinfo=UTC)),
        (date(2026, 10, 25), datetime(2026, 10, 25, 7, 30, tzinfo=UTC)),
        (date(2026, 10, 26), datetime(2026, 10, 26, 7, 30, tzinfo=UTC)),
    ],
)
def test_send_time_is_0830_local_on_daylight_saving_days(day: date, expected: datetime) -> None:
    moment = send_time_on(day)
    assert moment == expected
    assert moment.tzinfo is UTC
    local = moment.astimezone(STOCKHOLM)
    assert (local.date(), local.time()) == (day, time(8, 30))


@pytest.mark.parametrize(
    ("deadline", "until", "kind", "offset", "expected"),
    [
        # The spring change is a Sunday: the reminder goes out on Friday, still winter time.
        (date(2026, 3, 29), date(2026, 3, 29), "on_day", 0, datetime(2026, 3, 27, 7, 30, tzinfo=UTC)),
        (date(2026, 3, 29), date(2026, 3, 29), "before", -3, datetime(2026, 3, 26, 7, 30, tzinfo=UTC)),
        (date(2026, 3, 30), date(2026, 3, 30), "on_day", 0, datetime(2026, 3, 30, 6, 30, tzinfo=UTC)),
        (date(2026, 3, 30), date(2026, 3, 30), "before", -3, datetime(2026, 3, 27, 7, 30, tzinfo=UTC)),
        (date(2026, 3, 25), date(2026, 4, 1), "overdue", 7, datetime(2026, 4, 1, 6, 30, tzinfo=UTC)),
        # The autumn change: Friday before is summer time, Monday after winter time.
        (date(2026, 10, 25), date(2026, 10, 25), "on_day", 0, datetime(2026, 10, 23, 6, 30, tzinfo=UTC)),
        (date(2026, 10, 26), date(2026, 10, 26), "on_day", 0, datetime(2026, 10, 26, 7, 30, tzinfo=UTC)),
        (date(2026, 10, 21), date(2026, 10, 28), "on_day", 0, datetime(2026, 10, 21, 6, 30, tzinfo=UTC)),
        (date(2026, 10, 21), date(2026, 10, 28), "overdue", 7, datetime(2026, 10, 28, 7, 30, tzinfo=UTC)),
    ],
)
def test_reminders_around_daylight_saving_changes(
    deadline: date, until: date, kind: ReminderKind, offset: int, expected: datetime
) -> None:
    found = {(p.kind, p.offset_days): p.send_at for p in _plan(deadline, until=until)}
    assert found[(kind, offset)] == expected


# --------------------------------------------------------------------------- #
# Outbox keys and what is due
# --------------------------------------------------------------------------- #


def test_keys_name_commitment_occurrence_and_offset() -> None:
    planned = _plan(date(2026, 6, 22), until=date(2026, 7, 31))
    assert [p.key(42) for p in planned] == [
        "remind:42:2026-06-22:-14",
        "remind:42:2026-06-22:-3",
        "remind:42:2026-06-22:0",
        "remind:42:2026-06-22:7",
        "remind:42:2026-06-22:14",
        "escalate:42:2026-06-22",
        "remind:42:2026-06-22:21",
        "remind:42:2026-06-22:28",
        "remind:42:2026-06-22:35",
    ]


def test_occurrence_not_deadline_names_the_key() -> None:
    # A moved deadline keeps the keys of its occurrence unless the caller says otherwise.
    planned = planned_reminders(date(2026, 9, 30), DEFAULT, occurrence=date(2026, 6, 30), until=date(2026, 9, 30))
    assert [p.key(7) for p in planned] == [
        "remind:7:2026-06-30:-14",
        "remind:7:2026-06-30:-3",
        "remind:7:2026-06-30:0",
    ]
    assert {p.deadline for p in planned} == {date(2026, 9, 30)}
    assert {p.occurrence for p in planned} == {date(2026, 6, 30)}


def test_each_occurrence_of_a_rhythm_has_its_own_keys() -> None:
    rule = "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1"
    keys = [
        reminder.key(5)
        for occurrence in occurrences(date(2026, 3, 31), rule, date(2026, 1, 1), date(2026, 12, 31))
        for reminder in planned_reminders(occurrence, DEFAULT, occurrence=occurrence, until=occurrence)
    ]
    assert keys == [
        "remind:5:2026-03-31:-14",
        "remind:5:2026-03-31:-3",
        "remind:5:2026-03-31:0",
        "remind:5:2026-09-30:-14",
        "remind:5:2026-09-30:-3",
        "remind:5:2026-09-30:0",
    ]


@pytest.mark.parametrize(
    ("now", "offsets"),
    [
        (datetime(2026, 6, 8, 6, 29, 59, tzinfo=UTC), []),
        (datetime(2026, 6, 8, 6, 30, tzinfo=UTC), [-14]),
        (_local(2026, 6, 18, 8, 29), [-14]),
        (_local(2026, 6, 18, 8, 30), [-14, -3]),
        (_local(2026, 7, 1, 12), [-14, -3, 0, 7]),
    ],
)
def test_due_is_what_has_reached_its_time(now: datetime, offsets: list[int]) -> None:
    planned = _plan(date(2026, 6, 22), until=date(2026, 7, 31))
    assert [p.offset_days for p in due(planned, now)] == offsets
