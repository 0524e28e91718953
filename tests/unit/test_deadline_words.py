"""Time phrases that give no date are told apart, in the one-liner and in the deadline field."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.quick_entry import parse_one_line
from bot.services.validation import Errors, check_deadline, resolve_deadline

TODAY = date(2027, 1, 11)
CODES = ("BUN",)


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("efter sommaren", "err_deadline_open"),
        ("från och med hösten", "err_deadline_open"),
        ("inför budgetarbetet 2028", "err_deadline_event"),
        ("i samband med årsredovisningen 2027", "err_deadline_event"),
        ("maj–november 2027", "err_deadline_range"),
        ("mellan oktober och december", "err_deadline_range"),
        ("till terminsstarten 2027", "err_deadline_unreadable"),
        ("någon gång", "err_deadline_unreadable"),
    ],
)
def test_a_phrase_without_a_date_gets_its_own_reason(value: str, key: str) -> None:
    errors: Errors = {}
    assert check_deadline(errors, "deadline", value, TODAY, required=True) is None
    assert errors["deadline"] == (key, {"value": value})


def test_typed_deadlines_read_the_season_as_said_now() -> None:
    december = resolve_deadline("under hösten", date(2027, 12, 6))
    assert december is not None
    assert december.date == date(2028, 12, 31) and december.note == "next_season"
    summer = resolve_deadline("till hösten", date(2027, 7, 31))
    assert summer is not None and summer.date == date(2027, 8, 31)
    school = resolve_deadline("till läsårsstarten 2027", TODAY)
    assert school is not None and school.date == date(2027, 7, 31) and school.note == "school_start"


@pytest.mark.parametrize("phrase", ["efter sommaren", "inför budgetarbetet 2028", "maj–november 2027"])
def test_one_line_gives_an_undated_phrase_to_the_deadline_field(phrase: str) -> None:
    raw = parse_one_line(f"BUN Revidera rutinen {phrase} <@U0ANNA|anna>", TODAY, CODES)
    assert raw.deadline == phrase
    assert raw.recurrence == ""
    assert raw.text == "Revidera rutinen"


def test_one_line_prefers_a_date_or_a_rhythm_to_an_open_start() -> None:
    dated = parse_one_line("BUN Börja efter sommaren och bli klar senast i december 2027", TODAY, CODES)
    assert dated.deadline == "senast i december 2027"
    rhythm = parse_one_line("BUN Följ upp elevhälsan två gånger per läsår från och med hösten", TODAY, CODES)
    assert rhythm.recurrence == "två gånger per läsår"
    assert rhythm.deadline == ""


def test_one_line_keeps_the_year_of_the_school_start() -> None:
    raw = parse_one_line("BUN Inför den nya rutinen till läsårsstarten 2027 <@U0ANNA|anna>", TODAY, CODES)
    assert raw.deadline == "till läsårsstarten 2027"
    assert raw.text == "Inför den nya rutinen"
