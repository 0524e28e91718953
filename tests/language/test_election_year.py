"""'Valåret': the year of the next general election (Sweden votes every four years, on the second Sunday of
September: 2018, 2022, 2026 …)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.language.periods import find_deadlines


@pytest.mark.parametrize(
    ("reference", "year"),
    [
        (date(2023, 10, 24), 2026),
        (date(2022, 5, 1), 2022),  # before the election: this year
        (date(2022, 9, 11), 2022),  # election day itself
        (date(2022, 10, 1), 2026),  # after it: the next one
        (date(2025, 12, 31), 2026),
    ],
)
def test_the_election_year_is_the_next_one(reference: date, year: int) -> None:
    (found,) = find_deadlines("Under valåret ska alla delar av planen utvärderas.", reference)
    assert found.dates == (date(year, 12, 31),)


def test_the_word_alone_needs_a_preposition() -> None:
    assert find_deadlines("Valåret blev turbulent.", date(2023, 1, 1)) == []
