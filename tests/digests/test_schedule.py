"""When digests and overviews go out: parsing, working days, daylight saving, catch-up, keys."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.digests.schedule import (
    Period,
    digest_slot,
    due_digest,
    due_overview,
    iso_week_key,
    next_digest,
    next_overview,
    overview_slot,
)
from bot.domain.digest_schedule import DEFAULT_SCHEDULE, DigestSchedule, DigestScheduleError
from bot.domain.errors import UserError
from bot.language.workdays import is_working_day
from bot.texts import Texts
from tests.conftest import STOCKHOLM

MONDAY_8 = DigestSchedule()


def _local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def _utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# --------------------------------------------------------------------------- #
# Parsing
# --------------------------------------------------------------------------- #

VALID: list[tuple[str, str]] = [
    ("mon 08:00", "mon 08:00"),
    ("måndag 08:00", "mon 08:00"),
    ("Måndag 8:00", "mon 08:00"),
    ("mån 8:00", "mon 08:00"),
    ("må 8", "mon 08:00"),
    ("mån kl.8", "mon 08:00"),
    ("måndagar kl. 08:00", "mon 08:00"),
    ("varje måndag klockan 7.45", "mon 07:45"),
    ("tisdag 9", "tue 09:00"),
    ("tis kl 9:15", "tue 09:15"),
    ("onsdagen 13.30", "wed 13:30"),
    ("ons 0:05", "wed 00:05"),
    ("tors 23:59", "thu 23:59"),
    ("torsdag, 10", "thu 10:00"),
    ("fre 07:30", "fri 07:30"),
    ("fredag", "fri 08:00"),
    ("  FRE   07:30  ", "fri 07:30"),
    ("Friday 7:30", "fri 07:30"),
    ("on mondays at 8", "mon 08:00"),
    ("wed 12:00", "wed 12:00"),
]


@pytest.mark.parametrize(("raw", "canonical"), VALID)
def test_valid_schedules_are_stored_in_one_form(raw: str, canonical: str) -> None:
    schedule = DigestSchedule.parse(raw)
    assert schedule.canonical() == canonical
    assert DigestSchedule.parse(schedule.canonical()) == schedule


INVALID: list[tuple[str, str, str]] = [
    (
        "",
        "err_digest_schedule_empty",
        "Ange veckodag och klockslag för veckosammanfattningen, t.ex. ”måndag kl. 08.00”.",
    ),
    (
        "   ",
        "err_digest_schedule_empty",
        "Ange veckodag och klockslag för veckosammanfattningen, t.ex. ”måndag kl. 08.00”.",
    ),
    (
        "lördag 10:00",
        "err_digest_schedule_weekend",
        "Veckosammanfattningen går ut på en vardag, när kanalen läses. Välj en dag från måndag till fredag.",
    ),
    (
        "sön 8",
        "err_digest_schedule_weekend",
        "Veckosammanfattningen går ut på en vardag, när kanalen läses. Välj en dag från måndag till fredag.",
    ),
    (
        "sat 08:00",
        "err_digest_schedule_weekend",
        "Veckosammanfattningen går ut på en vardag, när kanalen läses. Välj en dag från måndag till fredag.",
    ),
    (
        "månag 08:00",
        "err_digest_schedule_day",
        "”månag” är ingen veckodag. Skriv t.ex. ”måndag kl. 08.00” eller ”fre 7.30”.",
    ),
    (
        "vecka 8",
        "err_digest_schedule_day",
        "”vecka” är ingen veckodag. Skriv t.ex. ”måndag kl. 08.00” eller ”fre 7.30”.",
    ),
    (
        "mån 25:00",
        "err_digest_schedule_time",
        "”25:00” är inget klockslag. Skriv timme och minut mellan 00.00 och 23.59, t.ex. 08.00, 8 eller 7.30.",
    ),
    (
        "tis 8:61",
        "err_digest_schedule_time",
        "”8:61” är inget klockslag. Skriv timme och minut mellan 00.00 och 23.59, t.ex. 08.00, 8 eller 7.30.",
    ),
    (
        "fre 7:5",
        "err_digest_schedule_time",
        "”7:5” är inget klockslag. Skriv timme och minut mellan 00.00 och 23.59, t.ex. 08.00, 8 eller 7.30.",
    ),
    (
        "ons åtta",
        "err_digest_schedule_time",
        "”åtta” är inget klockslag. Skriv timme och minut mellan 00.00 och 23.59, t.ex. 08.00, 8 eller 7.30.",
    ),
    (
        "mån 8 och tors 9",
        "err_digest_schedule_unreadable",
        "Jag förstår inte ”mån 8 och tors 9” som veckodag och klockslag. "
        "Skriv t.ex. ”måndag kl. 08.00”, ”tis 9” eller ”fre 7.30”.",
    ),
    (
        "08:00",
        "err_digest_schedule_unreadable",
        "Jag förstår inte ”08:00” som veckodag och klockslag. "
        "Skriv t.ex. ”måndag kl. 08.00”, ”tis 9” eller ”fre 7.30”.",
    ),
    (
        "0 8 * * 1",
        "err_digest_schedule_unreadable",
        "Jag förstår inte ”0 8 * * 1” som veckodag och klockslag. "
        "Skriv t.ex. ”måndag kl. 08.00”, ”tis 9” eller ”fre 7.30”.",
    ),
]


@pytest.mark.parametrize(("raw", "key", "message"), INVALID)
def test_invalid_schedules_say_why_in_swedish_on_the_field(raw: str, key: str, message: str) -> None:
    with pytest.raises(DigestScheduleError) as info:
        DigestSchedule.parse(raw)
    error = info.value
    assert (error.field, error.key) == ("digest_schedule", key)
    assert str(error) == message
    # Handlers turn a UserError into a sentence on its field the same way.
    assert isinstance(error, UserError) and isinstance(error, ValueError)
    assert Texts().get(error.key, **error.params) == message


@given(st.text(max_size=80))
def test_any_input_gives_a_schedule_or_a_swedish_sentence(raw: str) -> None:
    try:
        schedule = DigestSchedule.parse(raw)
    except DigestScheduleError as error:
        assert error.field == "digest_schedule"
        assert str(error).endswith(".") and len(str(error)) < 200
    else:
        assert DigestSchedule.parse(schedule.canonical()) == schedule


def test_long_input_is_quoted_shortened() -> None:
    with pytest.raises(DigestScheduleError) as info:
        DigestSchedule.parse("måndag " + "x" * 200)
    assert info.value.key == "err_digest_schedule_unreadable"
    assert len(str(info.value)) < 160


@pytest.mark.parametrize(
    ("schedule", "described"),
    [
        (DigestSchedule(), "måndagar kl. 08.00"),
        (DigestSchedule(1, time(9, 0)), "tisdagar kl. 09.00"),
        (DigestSchedule(2, time(13, 30)), "onsdagar kl. 13.30"),
        (DigestSchedule(3, time(0, 5)), "torsdagar kl. 00.05"),
        (DigestSchedule(4, time(7, 30)), "fredagar kl. 07.30"),
    ],
)
def test_describe_in_swedish(schedule: DigestSchedule, described: str) -> None:
    assert schedule.describe() == described


@given(st.integers(min_value=0, max_value=4), st.integers(min_value=0, max_value=23), st.integers(0, 59))
def test_canonical_and_described_forms_read_back(weekday: int, hour: int, minute: int) -> None:
    schedule = DigestSchedule(weekday, time(hour, minute))
    assert DigestSchedule.parse(schedule.canonical()) == schedule
    assert DigestSchedule.parse(schedule.describe()) == schedule


def test_default_and_stored_values() -> None:
    assert DigestSchedule.parse(DEFAULT_SCHEDULE) == DigestSchedule() == DigestSchedule(0, time(8, 0))
    assert DigestSchedule.stored("fri 07:30") == DigestSchedule(4, time(7, 30))
    # A row edited by hand into nonsense still gets its digest, on the default day.
    assert DigestSchedule.stored("sat 25:00") == DigestSchedule()
    assert DigestSchedule.stored(None) == DigestSchedule()
    with pytest.raises(DigestScheduleError):
        DigestSchedule(5, time(8, 0))


# --------------------------------------------------------------------------- #
# Keys and periods
# --------------------------------------------------------------------------- #


def test_keys() -> None:
    slot = digest_slot(MONDAY_8, date(2026, 12, 2))
    assert slot.week == "2026-W49"
    assert slot.key(12) == "digest:12:2026-W49"
    assert overview_slot(date(2026, 12, 15)).key == "overview:2026-12"
    # ISO years: 1 January 2027 belongs to the last week of 2026, 29 December 2025 to 2026's first.
    assert iso_week_key(date(2027, 1, 1)) == "2026-W53"
    assert iso_week_key(date(2025, 12, 29)) == "2026-W01"
    assert iso_week_key(date(2027, 1, 4)) == "2027-W01"


def test_periods_of_consecutive_weeks_meet() -> None:
    day = date(2026, 1, 5)
    previous = digest_slot(MONDAY_8, day)
    for _ in range(60):
        day += timedelta(days=7)
        slot = digest_slot(MONDAY_8, day)
        assert slot.period.start == previous.send_at
        assert slot.period.end == slot.send_at
        previous = slot


def test_period_needs_aware_ends() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Period(datetime(2026, 1, 1), datetime(2026, 1, 2, tzinfo=UTC))
    period = Period(_utc(2026, 1, 1, 0), _utc(2026, 1, 8, 0))
    assert _utc(2026, 1, 1, 0) in period
    assert _utc(2026, 1, 8, 0) not in period


# --------------------------------------------------------------------------- #
# Daylight saving
# --------------------------------------------------------------------------- #


def _walk(schedule: DigestSchedule, start: datetime, end: datetime, step: timedelta) -> list[tuple[str, datetime]]:
    """Every (week, send_at) `due_digest` reports, in order, checking every `step` from start to end."""
    seen: list[tuple[str, datetime]] = []
    now = start
    while now <= end:
        slot = due_digest(schedule, now)
        if slot is not None and (not seen or seen[-1][0] != slot.week):
            assert slot.send_at <= now
            seen.append((slot.week, slot.send_at))
        now += step
    return seen


def test_spring_forward_week_neither_skips_nor_doubles() -> None:
    # Sunday 29 March 2026 02:00 → 03:00: Monday 08:00 is 07:00 UTC before it, 06:00 UTC after.
    seen = _walk(MONDAY_8, _utc(2026, 3, 16, 0), _utc(2026, 4, 5, 21), timedelta(minutes=15))
    assert seen == [
        ("2026-W12", _utc(2026, 3, 16, 7)),
        ("2026-W13", _utc(2026, 3, 23, 7)),
        ("2026-W14", _utc(2026, 3, 30, 6)),
    ]
    assert all(send_at.astimezone(STOCKHOLM).time() == time(8, 0) for _, send_at in seen)
    slot = digest_slot(MONDAY_8, date(2026, 3, 30))
    # The week of the change is an hour shorter, and nothing falls between the periods.
    assert slot.period == Period(_utc(2026, 3, 23, 7), _utc(2026, 3, 30, 6))
    assert slot.period.end - slot.period.start == timedelta(days=7, hours=-1)


def test_fall_back_week_neither_skips_nor_doubles() -> None:
    # Sunday 25 October 2026 03:00 → 02:00: 02:00-03:00 happens twice, an hour longer week.
    friday = DigestSchedule(4, time(7, 30))
    seen = _walk(friday, _utc(2026, 10, 12, 0), _utc(2026, 11, 1, 22), timedelta(minutes=15))
    assert seen == [
        ("2026-W42", _utc(2026, 10, 16, 5, 30)),
        ("2026-W43", _utc(2026, 10, 23, 5, 30)),
        ("2026-W44", _utc(2026, 10, 30, 6, 30)),
    ]
    seen = _walk(MONDAY_8, _utc(2026, 10, 19, 0), _utc(2026, 11, 1, 22), timedelta(minutes=15))
    assert seen == [("2026-W43", _utc(2026, 10, 19, 6)), ("2026-W44", _utc(2026, 10, 26, 7))]
    assert digest_slot(MONDAY_8, date(2026, 10, 26)).period.end - digest_slot(
        MONDAY_8, date(2026, 10, 26)
    ).period.start == timedelta(days=7, hours=1)


@pytest.mark.parametrize(
    "moment",
    [
        # The hour that does not exist and the hour that happens twice, written in UTC.
        _utc(2026, 3, 29, 1, 30),
        _utc(2026, 10, 25, 0, 30),
        _utc(2026, 10, 25, 1, 30),
    ],
)
def test_the_night_of_the_change_is_an_ordinary_sunday(moment: datetime) -> None:
    slot = due_digest(MONDAY_8, moment)
    assert slot is not None and slot.week in ("2026-W13", "2026-W43")
    upcoming = next_digest(MONDAY_8, moment)
    assert upcoming.send_at.astimezone(STOCKHOLM) == datetime.combine(
        upcoming.send_at.astimezone(STOCKHOLM).date(), time(8, 0), tzinfo=STOCKHOLM
    )
    assert upcoming.send_at.astimezone(STOCKHOLM).weekday() == 0


# --------------------------------------------------------------------------- #
# Catch-up
# --------------------------------------------------------------------------- #


def test_a_process_that_starts_late_in_the_week_still_sends_it() -> None:
    week_49 = digest_slot(MONDAY_8, date(2026, 11, 30))
    assert week_49.send_at == _utc(2026, 11, 30, 7)
    assert due_digest(MONDAY_8, _local(2026, 11, 30, 7, 59)) is None
    assert due_digest(MONDAY_8, _local(2026, 11, 30, 8, 0)) == week_49
    # Down at 08:00 Monday, up again Tuesday: this week's digest is due, once (one key).
    assert due_digest(MONDAY_8, _local(2026, 12, 1, 10, 17)) == week_49
    assert due_digest(MONDAY_8, _local(2026, 12, 6, 23, 59)) == week_49
    # Up again only next Monday before 08:00: last week's is not sent, this week's comes at 08:00.
    assert due_digest(MONDAY_8, _local(2026, 12, 7, 7, 0)) is None
    assert next_digest(MONDAY_8, _local(2026, 12, 7, 7, 0)).week == "2026-W50"


def test_next_digest() -> None:
    assert next_digest(MONDAY_8, _local(2026, 11, 30, 7, 0)).send_at == _local(2026, 11, 30, 8, 0)
    assert next_digest(MONDAY_8, _local(2026, 11, 30, 8, 0)).send_at == _local(2026, 12, 7, 8, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        due_digest(MONDAY_8, datetime(2026, 11, 30, 8))


@given(
    st.integers(min_value=0, max_value=4),
    st.integers(min_value=0, max_value=23),
    st.integers(min_value=0, max_value=59),
    st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)),
)
def test_due_and_next_agree_everywhere(weekday: int, hour: int, minute: int, now: datetime) -> None:
    schedule = DigestSchedule(weekday, time(hour, minute))
    local_day = now.astimezone(STOCKHOLM).date()
    slot = digest_slot(schedule, local_day)
    due = due_digest(schedule, now)
    assert (due is not None) == (slot.send_at <= now)
    upcoming = next_digest(schedule, now)
    assert upcoming.send_at > now
    assert upcoming.period.start <= now or upcoming == slot
    # The slot is in its own ISO week, at the chosen local time, on a working day.
    send_local = slot.send_at.astimezone(STOCKHOLM)
    assert iso_week_key(send_local.date()) == slot.week == iso_week_key(local_day)
    assert send_local.time() == time(hour, minute)
    assert is_working_day(send_local.date())


# --------------------------------------------------------------------------- #
# Holidays
# --------------------------------------------------------------------------- #

HOLIDAYS: list[tuple[str, DigestSchedule, date, date]] = [
    ("annandag påsk (Monday): the next working day", MONDAY_8, date(2026, 4, 6), date(2026, 4, 7)),
    (
        "långfredag: no working day left in the week, the day before",
        DigestSchedule(4),
        date(2026, 4, 3),
        date(2026, 4, 2),
    ),
    ("första maj on a Friday", DigestSchedule(4), date(2026, 5, 1), date(2026, 4, 30)),
    ("Kristi himmelsfärd (Thursday): Friday", DigestSchedule(3), date(2026, 5, 14), date(2026, 5, 15)),
    ("midsommarafton", DigestSchedule(4), date(2026, 6, 19), date(2026, 6, 18)),
    ("juldagen on a Friday: julafton too, so Wednesday", DigestSchedule(4), date(2026, 12, 25), date(2026, 12, 23)),
    (
        "julafton on a Thursday: juldagen follows, so Wednesday",
        DigestSchedule(3),
        date(2026, 12, 24),
        date(2026, 12, 23),
    ),
    ("juldagen on a Monday: annandag too, so Wednesday", MONDAY_8, date(2028, 12, 25), date(2028, 12, 27)),
    ("juldagen on a Thursday, annandag on Friday", DigestSchedule(3), date(2025, 12, 25), date(2025, 12, 23)),
    ("nyårsdagen 2027 (Friday) in 2026-W53", DigestSchedule(4), date(2027, 1, 1), date(2026, 12, 30)),
    ("trettondedag jul (Wednesday): Thursday", DigestSchedule(2), date(2027, 1, 6), date(2027, 1, 7)),
    ("an ordinary Monday", MONDAY_8, date(2026, 11, 30), date(2026, 11, 30)),
]


@pytest.mark.parametrize(("why", "schedule", "planned", "sent"), HOLIDAYS, ids=[h[0] for h in HOLIDAYS])
def test_holidays_move_the_digest_within_its_week(
    why: str, schedule: DigestSchedule, planned: date, sent: date
) -> None:
    slot = digest_slot(schedule, planned)
    assert slot.send_at == datetime.combine(sent, schedule.at, tzinfo=STOCKHOLM)
    assert slot.week == iso_week_key(planned)


def test_annandag_pask_digest_catches_up_on_tuesday() -> None:
    assert due_digest(MONDAY_8, _local(2026, 4, 6, 9, 0)) is None
    slot = due_digest(MONDAY_8, _local(2026, 4, 7, 8, 0))
    assert slot is not None and slot.week == "2026-W15"
    # The week after starts from Tuesday's digest: nothing reported twice or lost.
    assert digest_slot(MONDAY_8, date(2026, 4, 13)).period.start == slot.send_at


# --------------------------------------------------------------------------- #
# Monthly overview
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("month", "sent"),
    [
        (date(2026, 1, 1), _local(2026, 1, 2, 8)),  # nyårsdagen, then a Friday
        (date(2026, 3, 1), _local(2026, 3, 2, 8)),  # a Sunday
        (date(2026, 4, 1), _local(2026, 4, 1, 8)),  # summer time: 06:00 UTC
        (date(2026, 5, 1), _local(2026, 5, 4, 8)),  # första maj on a Friday
        (date(2026, 11, 1), _local(2026, 11, 2, 8)),  # winter time again: 07:00 UTC
        (date(2027, 1, 1), _local(2027, 1, 4, 8)),
    ],
)
def test_overview_on_the_first_working_day_at_eight(month: date, sent: datetime) -> None:
    slot = overview_slot(month)
    assert slot.send_at == sent
    assert slot.month == f"{month.year}-{month.month:02d}"


def test_overview_catch_up_and_next() -> None:
    assert due_overview(_local(2026, 5, 1, 12)) is None
    assert due_overview(_local(2026, 5, 4, 7, 59)) is None
    may = due_overview(_local(2026, 5, 4, 8))
    assert may is not None and may.key == "overview:2026-05"
    assert due_overview(_local(2026, 5, 31, 23, 59)) == may
    assert due_overview(_local(2026, 6, 1, 7)) is None
    assert next_overview(_local(2026, 5, 4, 8)).send_at == _local(2026, 6, 1, 8)
    assert next_overview(_local(2026, 12, 10, 8)).key == "overview:2027-01"
    assert next_overview(_local(2026, 5, 2, 8)) == may
