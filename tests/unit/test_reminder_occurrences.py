"""Occurrences of a recurring commitment, and the first date of a rhythm without a deadline."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reminders.schedule import first_occurrence, occurrences

OCCURRENCES: list[tuple[str, date, str | None, date, date, list[date]]] = [
    (
        "one deadline, inside the window",
        date(2026, 6, 30),
        None,
        date(2026, 1, 1),
        date(2026, 12, 31),
        [date(2026, 6, 30)],
    ),
    ("one deadline, outside the window", date(2026, 6, 30), None, date(2026, 7, 1), date(2026, 12, 31), []),
    ("an empty rule is no rule", date(2026, 6, 30), "  ", date(2026, 6, 30), date(2026, 6, 30), [date(2026, 6, 30)]),
    (
        "last day of February every year, leap years included",
        date(2024, 2, 29),
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
        date(2024, 1, 1),
        date(2028, 12, 31),
        [date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28), date(2028, 2, 29)],
    ),
    (
        "last day of every month",
        date(2026, 1, 31),
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        date(2026, 1, 1),
        date(2026, 6, 30),
        [
            date(2026, 1, 31),
            date(2026, 2, 28),
            date(2026, 3, 31),
            date(2026, 4, 30),
            date(2026, 5, 31),
            date(2026, 6, 30),
        ],
    ),
    (
        "end of March and September",
        date(2026, 3, 31),
        "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1",
        date(2026, 1, 1),
        date(2027, 12, 31),
        [date(2026, 3, 31), date(2026, 9, 30), date(2027, 3, 31), date(2027, 9, 30)],
    ),
    (
        "end of each term (two times per school year), window in the middle",
        date(2024, 6, 30),
        "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1",
        date(2025, 7, 1),
        date(2026, 7, 1),
        [date(2025, 12, 31), date(2026, 6, 30)],
    ),
    (
        "four times per term",
        date(2026, 2, 28),
        "FREQ=YEARLY;BYMONTH=2,3,5,6,8,10,11,12;BYMONTHDAY=-1",
        date(2026, 1, 1),
        date(2026, 12, 31),
        [
            date(2026, 2, 28),
            date(2026, 3, 31),
            date(2026, 5, 31),
            date(2026, 6, 30),
            date(2026, 8, 31),
            date(2026, 10, 31),
            date(2026, 11, 30),
            date(2026, 12, 31),
        ],
    ),
    (
        "every other Friday, not in July",
        date(2026, 6, 19),
        "FREQ=WEEKLY;INTERVAL=2;BYMONTH=1,2,3,4,5,6,8,9,10,11,12;BYDAY=FR",
        date(2026, 6, 1),
        date(2026, 8, 31),
        [date(2026, 6, 19), date(2026, 8, 14), date(2026, 8, 28)],
    ),
    (
        "the first deadline is an occurrence even off the rule (RFC 5545 DTSTART)",
        date(2026, 3, 15),
        "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1",
        date(2026, 1, 1),
        date(2026, 12, 31),
        [date(2026, 3, 15), date(2026, 3, 31), date(2026, 9, 30)],
    ),
    (
        "nothing before the first deadline",
        date(2026, 9, 30),
        "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1",
        date(2026, 1, 1),
        date(2026, 12, 31),
        [date(2026, 9, 30)],
    ),
    (
        "COUNT and an RRULE: prefix are understood",
        date(2026, 1, 31),
        "RRULE:FREQ=MONTHLY;COUNT=3;BYMONTHDAY=-1",
        date(2026, 1, 1),
        date(2026, 12, 31),
        [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)],
    ),
    (
        "window ends included",
        date(2026, 1, 31),
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        date(2026, 2, 28),
        date(2026, 3, 31),
        [date(2026, 2, 28), date(2026, 3, 31)],
    ),
    (
        "an empty window",
        date(2026, 1, 31),
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        date(2026, 3, 31),
        date(2026, 2, 28),
        [],
    ),
]


@pytest.mark.parametrize(
    ("why", "first", "rule", "start", "end", "expected"), OCCURRENCES, ids=[row[0] for row in OCCURRENCES]
)
def test_occurrences(why: str, first: date, rule: str | None, start: date, end: date, expected: list[date]) -> None:
    assert occurrences(first, rule, start, end) == expected, why


@pytest.mark.parametrize(
    "rule",
    ["FREQ=FORTNIGHTLY", "FREQ=YEARLY;BYFOO=1", "hello", "FREQ=MONTHLY;INTERVAL=x", "FREQ=HOURLY", "freq=secondly"],
)
def test_unusable_rules_raise_value_error(rule: str) -> None:
    with pytest.raises(ValueError):
        occurrences(date(2026, 1, 31), rule, date(2026, 1, 1), date(2026, 12, 31))


FIRST = [
    ("a month's last day after the day registered", "FREQ=MONTHLY;BYMONTHDAY=-1", date(2027, 1, 12), date(2027, 1, 31)),
    # Due the day it is registered, the owner would first hear of it as overdue: the next date is the first.
    ("registered on a date of the rule", "FREQ=MONTHLY;BYMONTHDAY=-1", date(2027, 3, 31), date(2027, 4, 30)),
    ("daily, from the next day", "FREQ=DAILY", date(2027, 1, 12), date(2027, 1, 13)),
    ("the end of the term", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", date(2027, 6, 16), date(2027, 6, 30)),
    ("after the summer", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", date(2027, 7, 1), date(2027, 12, 31)),
    ("a prefix is allowed", "RRULE:FREQ=WEEKLY;BYDAY=FR", date(2027, 1, 11), date(2027, 1, 15)),
    ("a spent rule has none", "FREQ=MONTHLY;UNTIL=20261231", date(2027, 1, 12), None),
]


@pytest.mark.parametrize(("why", "rule", "registered", "expected"), FIRST, ids=[row[0] for row in FIRST])
def test_a_rhythm_without_a_deadline_starts_at_its_first_date(
    why: str, rule: str, registered: date, expected: date | None
) -> None:
    assert first_occurrence(rule, registered) == expected, why


@pytest.mark.parametrize("rule", ["FREQ=FORTNIGHTLY", "hello", "FREQ=HOURLY", "freq=secondly"])
def test_a_first_date_of_an_unusable_rule_raises_value_error(rule: str) -> None:
    with pytest.raises(ValueError):
        first_occurrence(rule, date(2027, 1, 12))
