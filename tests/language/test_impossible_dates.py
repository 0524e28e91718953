"""A date that is not in the calendar ("2027-02-30", "31 april 2027") is named, so the bot can say so."""

from __future__ import annotations

import pytest

from bot.language.impossible import impossible_date


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("senast 2027-02-30", "2027-02-30"),
        ("Revidera rutinen senast 2027-02-30.", "2027-02-30"),
        ("2027-13-01", "2027-13-01"),
        ("senast 31 april 2027", "31 april 2027"),
        ("klart 30 februari", "30 februari"),
        ("senast 30/2 2027", "30/2 2027"),
        ("2026-02-29", "2026-02-29"),
    ],
)
def test_a_day_that_does_not_exist_is_named(text: str, named: str) -> None:
    assert impossible_date(text) == named


@pytest.mark.parametrize(
    "text",
    ["senast 2027-02-28", "2028-02-29", "senast 30 april 2027", "senast i april 2027", "v. 12", "30/4 2027", ""],
)
def test_a_day_that_exists_or_no_day_at_all_names_nothing(text: str) -> None:
    assert impossible_date(text) is None
