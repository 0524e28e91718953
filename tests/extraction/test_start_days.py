"""A change that takes effect on a day ahead must be in place by then: "Från och med den 1 april 2024 tar
förbundet över …" is due on 1 April 2024. A year or a month that opens a duty ("från och med 2024 ska …") has no
day to be ready by. Sentences written by the team in the shape of municipal and regional news."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, run

DAY = date(2023, 11, 20)


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("Från och med den 1 april 2024 ska räddningstjänsten ta över ledningen av insatserna.", date(2024, 4, 1)),
        ("Med start 1 mars 2024 kommer förvaltningen att införa en ny e-tjänst.", date(2024, 3, 1)),
        ("Från den 15 januari kommer kulturskolan att erbjuda undervisning på distans.", date(2024, 1, 15)),
    ],
)
def test_a_change_on_a_day_ahead_is_due_that_day(sentence: str, deadline: date) -> None:
    (found,) = commitments(run(sentence, document_date=DAY))
    assert found.deadlines == (deadline,)


def test_a_year_that_opens_a_duty_gives_no_day() -> None:
    (found,) = commitments(run("Från och med 2025 ska nämnden redovisa arbetet i årsredovisningen.", document_date=DAY))
    assert found.deadlines == ()
