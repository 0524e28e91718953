"""Swedish personal identity numbers and coordination numbers."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
WRONG = wrong_check_digit("850101123")
YOUNG = with_check_digit("070123456")  # 2007-01-23, written like a mobile number 070-123 45 6x
WRONG_YOUNG = wrong_check_digit("070123456")
WRONG_COORDINATION = wrong_check_digit("850161234")
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
        # A mistyped number is still personal data: the check digit does not matter.
        (f"{WRONG[:6]}-{WRONG[6:]}", f"{WRONG[:6]}-{WRONG[6:]}"),
        (f"{WRONG[:6]}+{WRONG[6:]}", f"{WRONG[:6]}+{WRONG[6:]}"),
        (WRONG, WRONG),
        (f"19{WRONG[:6]}-{WRONG[6:]}", f"19{WRONG[:6]}-{WRONG[6:]}"),
        (f"19{WRONG}", f"19{WRONG}"),
        ("19121212-1213", "19121212-1213"),
        (
            f"Samordningsnummer {WRONG_COORDINATION[:6]}-{WRONG_COORDINATION[6:]}",
            f"{WRONG_COORDINATION[:6]}-{WRONG_COORDINATION[6:]}",
        ),
        (f"20{WRONG_YOUNG}", f"20{WRONG_YOUNG}"),
        (f"{WRONG_YOUNG[:6]}-{WRONG_YOUNG[6:]}", f"{WRONG_YOUNG[:6]}-{WRONG_YOUNG[6:]}"),
        # Ten bare digits from 0 are also a phone number: a correct check digit, or a label, decides.
        (YOUNG, YOUNG),
        (f"pnr {WRONG_YOUNG}", WRONG_YOUNG),
        (f"Personnummer: {WRONG_YOUNG}", WRONG_YOUNG),
    ],
)
def test_finds_personal_numbers(text: str, number: str) -> None:
    assert contains_personal_number(text)
    (span,) = find_personal_numbers(text)
    assert text[span[0] : span[1]] == number


@pytest.mark.parametrize(
    "text",
    [
        "2023/BUN 0148",
        "Dnr KS 2023-0148",
        "BUN 2023.148",
        "KS 2023-000148",
        "2023-03-10",
        "20230310",
        "2023-W10",
        "kl. 13.30-15.00",
        "kl 0830-1630",
        "12 345 678",
        "1 250 000 kr",
        "212000-1355",  # an organisationsnummer (a municipality's): month 20 is no month
        "556677-8899",  # an aktiebolag's
        # A phone number written without spaces, with a wrong check digit: a phone number.
        WRONG_YOUNG,
        "0311234567" if not luhn_ok("0311234567") else "0311234568",
        # A compact date, a space and four digits (a time, an amount) without a correct check digit.
        f"{WRONG[:6]} {WRONG[6:]}",
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


# --------------------------------------------------------------------------- #
# Properties, both ways: every personnummer whatever its check digit is
# refused; case numbers, phone numbers, amounts and dates are not.
# --------------------------------------------------------------------------- #

PROPERTY = settings(max_examples=400, deadline=None)
AROUND = st.sampled_from(["{}", "Eleven {} har flyttat.", "({})", "pnr {}, tel. 08-123 456 78", "{}."])


@st.composite
def personal_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(the number as written, its ten digits YYMMDDNNNC) with any check digit."""
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    day = born.day + (60 if draw(st.booleans()) else 0)  # samordningsnummer
    ten = f"{born:%y%m}{day:02d}{draw(st.integers(0, 999)):03d}{draw(st.integers(0, 9))}"
    form = draw(st.sampled_from(["yymmdd-", "yymmdd+", "yymmdd", "yyyymmdd-", "yyyymmdd"]))
    if form.startswith("yyyy"):
        return f"{born.year // 100}{ten[:6]}{form[8:]}{ten[6:]}", ten
    return f"{ten[:6]}{form[6:]}{ten[6:]}", ten


@PROPERTY
@given(personal_numbers(), AROUND)
def test_every_personal_number_is_refused_whatever_its_check_digit(number: tuple[str, str], around: str) -> None:
    written, ten = number
    text = around.format(written)
    if written == ten and ten.startswith("0") and not text.startswith("pnr"):
        # Ten bare digits from 0 are a phone number's national form too ("0701234567"):
        # there only a correct check digit makes it a personnummer.
        assert contains_personal_number(text) == luhn_ok(ten)
        return
    assert contains_personal_number(text)
    assert written in [text[s:e] for s, e in find_personal_numbers(text)]


_CODES = st.text(alphabet="ABCDEFGHIJKLMNOPRSTUVY", min_size=2, max_size=4)
_YEARS = st.integers(1990, 2035)


@st.composite
def case_numbers(draw: st.DrawFn) -> str:
    code, year, n = draw(_CODES), draw(_YEARS), draw(st.integers(1, 999_999))
    forms = [
        f"{year}/{code} {n % 10_000:04d}",
        f"Dnr {code} {year}-{n % 10_000:04d}",
        f"{code} {year}.{n % 1000}",
        f"{code} {year}-{n:06d}",
        f"{code}/{year}:{n % 1000}",
        f"{code}-{year}-{n % 10_000:04d}",
    ]
    return draw(st.sampled_from(forms))


def _groups(digits: str, sizes: list[int]) -> str:
    out, i = [], 0
    for size in sizes:
        out.append(digits[i : i + size])
        i += size
    return " ".join(part for part in out if part)


@st.composite
def phone_numbers(draw: st.DrawFn) -> str:
    """Swedish phone numbers as people write them: the area code apart, the rest in groups."""
    mobile = f"7{draw(st.sampled_from('02369'))}"
    area = draw(st.sampled_from([mobile, "8", "31", "40", "18", "90", "13", "470", "611", "980"]))
    subscriber = str(draw(st.integers(10**6, 10**8 - 1)))[: 9 - len(area)]
    grouped = _groups(
        subscriber, [3, 2, 2] if len(subscriber) == 7 else [3, 3, 2] if len(subscriber) == 8 else [2, 2, 2]
    )
    return draw(
        st.sampled_from(
            [
                f"0{area}-{grouped}",
                f"0{area} {grouped}",
                f"0{area}-{subscriber}",
                f"+46 {area} {grouped}",
                f"+46{area}{subscriber}",
                f"tel. 0{area}-{grouped}",
            ]
        )
    )


@st.composite
def bare_mobile_numbers(draw: st.DrawFn) -> str:
    return f"07{draw(st.sampled_from('02369'))}{draw(st.integers(0, 9_999_999)):07d}"


@st.composite
def amounts(draw: st.DrawFn) -> str:
    value = draw(st.integers(0, 10**12))
    grouped = f"{value:,}".replace(",", " ")
    bare = str(draw(st.integers(0, 999_999_999)))
    return draw(
        st.sampled_from(
            [
                f"{grouped} kr",
                grouped,
                f"{grouped},50 kr",
                f"{bare} kr",
                f"{grouped}:-",
                f"{value:,} kr".replace(",", "."),
            ]
        )
    )


@st.composite
def dates_and_times(draw: st.DrawFn) -> str:
    d = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    week = d.isocalendar()
    hh, mm = draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45]))
    return draw(
        st.sampled_from(
            [
                d.isoformat(),
                f"{d:%Y%m%d}",
                f"{d.day}/{d.month} {d.year}",
                f"{d.day}.{d.month}.{d.year}",
                f"{d.isoformat()} kl. {hh:02d}.{mm:02d}",
                f"{d:%Y%m%d} kl. {hh:02d}:{mm:02d}",
                f"{week.year}-W{week.week:02d}",
                f"v. {week.week} {week.year}",
                f"kl. {hh:02d}{mm:02d}-{(hh + 1) % 24:02d}{mm:02d}",
                f"{d.isoformat()}–{d.isoformat()}",
            ]
        )
    )


@PROPERTY
@given(st.one_of(case_numbers(), phone_numbers(), amounts(), dates_and_times()), AROUND)
def test_case_numbers_phone_numbers_amounts_and_dates_are_accepted(value: str, around: str) -> None:
    text = around.format(value).replace("pnr ", "")
    assert find_personal_numbers(text) == [], text
    assert not contains_personal_number(text)


@PROPERTY
@given(bare_mobile_numbers())
def test_a_bare_mobile_number_is_refused_only_with_a_correct_check_digit(number: str) -> None:
    # Without a label ("tel", "ring" make it a phone number whatever its check digit).
    assert contains_personal_number(f"Se {number}") == (_plausible(number) and luhn_ok(number))
    assert not contains_personal_number(f"Ring {number}")


def _plausible(ten: str) -> bool:
    month, day = int(ten[2:4]), int(ten[4:6])
    day = day - 60 if day > 60 else day
    return (
        1 <= month <= 12
        and day >= 1
        and any(day <= monthrange(y, month)[1] for y in (1900 + int(ten[:2]), 2000 + int(ten[:2])))
    )
