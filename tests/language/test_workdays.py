"""Swedish working days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.language.workdays import (
    holidays_in_year,
    is_working_day,
    last_working_day_on_or_before,
    midsummer_eve,
    next_working_day_on_or_after,
    previous_working_day,
)


@pytest.mark.parametrize(
    ("year", "eve"),
    [
        (2021, date(2021, 6, 25)),
        (2022, date(2022, 6, 24)),
        (2023, date(2023, 6, 23)),
        (2024, date(2024, 6, 21)),
    ],
)
def test_midsummer_eve(year: int, eve: date) -> None:
    assert midsummer_eve(year) == eve
    assert eve.weekday() == 4


def test_midsummer_and_the_day_before() -> None:
    assert not is_working_day(date(2023, 6, 23))
    assert is_working_day(date(2023, 6, 22))
    assert previous_working_day(date(2023, 6, 23)) == date(2023, 6, 22)


@pytest.mark.parametrize(
    "day",
    [
        date(2023, 12, 24),  # julafton (a Sunday anyway)
        date(2024, 12, 24),  # julafton on a Tuesday
        date(2024, 12, 31),  # nyårsafton on a Tuesday
        date(2024, 1, 1),  # nyårsdagen
        date(2024, 1, 6),  # trettondedag jul (a Saturday)
        date(2025, 1, 6),  # trettondedag jul on a Monday
        date(2024, 3, 29),  # långfredagen
        date(2024, 4, 1),  # annandag påsk
        date(2024, 5, 1),
        date(2024, 5, 9),  # Kristi himmelfärdsdag
        date(2024, 6, 6),  # nationaldagen
        date(2024, 12, 25),
        date(2024, 12, 26),
        date(2023, 6, 17),  # a Saturday
        date(2023, 6, 18),  # a Sunday
    ],
)
def test_not_working_days(day: date) -> None:
    assert not is_working_day(day)


@pytest.mark.parametrize("day", [date(2024, 3, 28), date(2024, 4, 2), date(2024, 12, 23), date(2024, 12, 27)])
def test_working_days(day: date) -> None:
    assert is_working_day(day)


def test_easter_2024() -> None:
    assert last_working_day_on_or_before(date(2024, 4, 1)) == date(2024, 3, 28)
    assert next_working_day_on_or_after(date(2024, 3, 29)) == date(2024, 4, 2)
    assert previous_working_day(date(2024, 4, 2)) == date(2024, 3, 28)


def test_new_year() -> None:
    assert last_working_day_on_or_before(date(2025, 1, 1)) == date(2024, 12, 30)
    assert {date(2023, 12, 24), date(2023, 12, 31), date(2023, 6, 23)} <= holidays_in_year(2023)


def test_edges_of_the_calendar_do_not_raise() -> None:
    assert last_working_day_on_or_before(date.min) == date.min
    assert next_working_day_on_or_after(date.max) in (date.max, date.max - timedelta(days=1))
    previous_working_day(date.min)
    assert isinstance(is_working_day(date(9999, 12, 31)), bool)
