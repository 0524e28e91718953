"""Moving a rhythm's start forward by whole periods must not change a single date in the window."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.reminders.schedule import _anchor, _rule_dates

RULES = (
    "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
    "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1",
    "FREQ=YEARLY",
    "FREQ=YEARLY;INTERVAL=2",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;INTERVAL=4;BYMONTHDAY=-1",
    "FREQ=MONTHLY;INTERVAL=3",
    "FREQ=MONTHLY",
    "FREQ=WEEKLY;INTERVAL=2",
    "FREQ=WEEKLY;BYDAY=MO,TH",
    "FREQ=DAILY;INTERVAL=10",
    "FREQ=MONTHLY;COUNT=5",
)


def _walked_from_the_start(rule: str, dtstart: date, start: date, end: date) -> tuple[date, ...]:
    window = rrulestr(rule, dtstart=datetime.combine(dtstart, time())).between(
        datetime.combine(start, time()), datetime.combine(end, time()), inc=True
    )
    return tuple(moment.date() for moment in window)


@settings(max_examples=300, deadline=None)
@given(
    rule=st.sampled_from(RULES),
    dtstart=st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31)),
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31)),
    length=st.integers(min_value=0, max_value=900),
)
def test_the_moved_start_gives_the_same_dates(rule: str, dtstart: date, start: date, length: int) -> None:
    end = start + timedelta(days=length)
    anchor = _anchor(dtstart, rule, start)
    assert anchor <= max(dtstart, start)
    moved = [d for d in _rule_dates(rule, anchor, start, end) if d >= dtstart]
    assert moved == list(_walked_from_the_start(rule, dtstart, start, end))


def test_a_long_running_rhythm_is_walked_from_near_the_window() -> None:
    anchor = _anchor(date(2011, 3, 31), "FREQ=MONTHLY;INTERVAL=4;BYMONTHDAY=-1", date(2027, 4, 1))
    assert date(2023, 4, 1) <= anchor <= date(2027, 4, 1)
    assert _anchor(date(2012, 2, 29), "FREQ=YEARLY", date(2027, 4, 1)) == date(2012, 2, 29)
