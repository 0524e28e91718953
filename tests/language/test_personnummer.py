"""Swedish personal identity numbers and coordination numbers."""

from __future__ import annotations

import pytest

from bot.language.personnummer import contains_personal_number, find_personal_numbers, luhn_ok


def with_check_digit(nine: str) -> str:
    """The nine digits YYMMDDNNN with their Luhn check digit appended."""
    for digit in "0123456789":
        if luhn_ok(nine + digit):
            return nine + digit
    raise AssertionError("no check digit")


def wrong_check_digit(nine: str) -> str:
    right = with_check_digit(nine)
    return nine + str((int(right[-1]) + 1) % 10)


VALID = with_check_digit("850101123")  # 1985-01-01
LEAP = with_check_digit("000229456")  # 2000-02-29
COORDINATION = with_check_digit("850161234")  # samordningsnummer: day 1 + 60


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (f"{VALID[:6]}-{VALID[6:]}", f"{VALID[:6]}-{VALID[6:]}"),
        (f"{VALID[:6]}+{VALID[6:]}", f"{VALID[:6]}+{VALID[6:]}"),
        (f"{VALID[:6]} {VALID[6:]}", f"{VALID[:6]} {VALID[6:]}"),
        (VALID, VALID),
        (f"19{VALID[:6]}-{VALID[6:]}", f"19{VALID[:6]}-{VALID[6:]}"),
        (f"19{VALID}", f"19{VALID}"),
        (f"{COORDINATION[:6]}-{COORDINATION[6:]}", f"{COORDINATION[:6]}-{COORDINATION[6:]}"),
        (f"19{COORDINATION}", f"19{COORDINATION}"),
        (f"{LEAP[:6]}-{LEAP[6:]}", f"{LEAP[:6]}-{LEAP[6:]}"),
        (f"20{LEAP}", f"20{LEAP}"),
        (f"Eleven (pnr {VALID[:6]}-{VALID[6:]}) har flyttat.", f"{VALID[:6]}-{VALID[6:]}"),
    ],
)
def test_finds_personal_numbers(text: str, number: str) -> None:
    assert contains_personal_number(text)
    (span,) = find_personal_numbers(text)
    assert text[span[0] : span[1]] == number


@pytest.mark.parametrize(
    "text",
    [
        f"{wrong_check_digit('850101123')[:6]}-{wrong_check_digit('850101123')[6:]}",
        "2023/BUN 0148",
        "2023-05-15",
        "070-123 45 67",
        "08-123 456 78",
        "0701234567" if not luhn_ok("0701234567") else "0701234568",
        "1 234 567 890 kr",
        "12345678901234",
        f"1{VALID}",
        f"{VALID}9",
        f"12-{VALID}",
        "851301-1234",  # month 13
        "850132-1234",  # day 32
        f"19{LEAP}",  # 1900 was not a leap year
        f"{VALID[:6]}+{VALID[6:]}".replace(VALID[:6], "19" + VALID[:6], 1),  # "+" with a century
        "Dnr 2019-000123",
        "tel 0046 8 123 456",
    ],
)
def test_does_not_match(text: str) -> None:
    assert find_personal_numbers(text) == []
    assert not contains_personal_number(text)


def test_luhn() -> None:
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189875")
