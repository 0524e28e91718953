"""The day a meeting's agenda closes: a number of Swedish working days before the meeting."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reminders.agenda import agenda_closes


@pytest.mark.parametrize(
    ("meeting", "days", "closes"),
    [
        # Three plain weeks back from a Friday.
        (date(2027, 3, 12), 15, date(2027, 2, 19)),
        # Långfredagen and annandag påsk (26 and 29 March 2027) are not counted: 18 March without them.
        (date(2027, 4, 8), 15, date(2027, 3, 16)),
        # Julafton, juldagen, nyårsafton, nyårsdagen and trettondedag jul lie between.
        (date(2027, 1, 14), 15, date(2026, 12, 17)),
        # One working day before a Monday is the Friday.
        (date(2027, 3, 15), 1, date(2027, 3, 12)),
        # A committee whose agenda closes on the day itself.
        (date(2027, 3, 12), 0, date(2027, 3, 12)),
    ],
)
def test_the_agenda_closes_working_days_before_the_meeting(meeting: date, days: int, closes: date) -> None:
    assert agenda_closes(meeting, days) == closes


def test_a_meeting_on_a_day_off_counts_back_from_the_working_days_before_it() -> None:
    # Saturday 13 March 2027: one working day before it is Friday 12 March.
    assert agenda_closes(date(2027, 3, 13), 1) == date(2027, 3, 12)
