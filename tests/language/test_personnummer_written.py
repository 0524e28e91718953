"""Personnummer as real text writes them, and numbers that only look like one.

Word puts a non-breaking hyphen (U+2011) or an en dash where a person typed "-",
pasted text brings non-breaking and zero-width spaces, and people write " - ",
"/" or two spaces. Each is still a personnummer, whatever the check digit. In
the other direction, a number that a label calls a phone number or a diary
reference ("Dnr BUN 230515-0001") is not one.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language.personnummer import contains_personal_number, find_personal_numbers

PROPERTY = settings(max_examples=300, deadline=None)

# Separators between the date and the last four digits that none of these stop being a personnummer.
SEPARATORS = ["\u2011", "\u2013", "\u2014", "\u2010", "\u2212", " - ", " \u2013 ", "/", "\u00a0-\u00a0", "-\u200b"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@pytest.mark.parametrize(
    "text",
    [
        "Eleven 850101\u20111234 har flyttat.",  # Word's non-breaking hyphen
        "Eleven 850101\u20131234 har flyttat.",  # en dash
        "Eleven 19850101\u20141234 har flyttat.",  # em dash, with the century
        "Eleven 850101 - 1234 har flyttat.",
        "Eleven 850101/1234 har flyttat.",
        "pnr 850101\u00a01233",  # a non-breaking space
        "pnr 850101  1233",  # two spaces
        "Eleven 8501\u200b01-1234 har flyttat.",  # a zero-width space inside the number
        "Eleverna 850101-1234,850202-2345 har flyttat.",  # a list
        "Eleverna 8501011234,8502022345 har flyttat.",
    ],
)
def test_separators_of_real_text_do_not_hide_a_personal_number(text: str) -> None:
    assert contains_personal_number(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Dnr BUN 230515-0001",
        "dnr: KS 230515-0001",
        "Diarienummer SN/230515-0001",
        "tel 0701234569",  # 2007-01-23 with a correct check digit, but a phone number by its label
        "Mobil: 0712034560",  # 2007-12-03
    ],
)
def test_a_label_that_says_what_the_number_is_prevents_a_false_alarm(text: str) -> None:
    assert find_personal_numbers(text) == [], text


def test_a_list_after_a_reference_is_still_read() -> None:
    """The reference label covers its own number, not a personnummer later in the text."""
    assert contains_personal_number("Dnr BUN 230515-0001 gäller eleven 850101-1234")


@st.composite
def written_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(a personnummer as pasted text writes it, any check digit; the number as it stands in the text)."""
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    day = born.day + (60 if draw(st.booleans()) else 0)
    ten = f"{born:%y%m}{day:02d}{draw(st.integers(0, 999)):03d}{draw(st.integers(0, 9))}"
    head = draw(st.sampled_from([ten[:6], f"{born.year // 100}{ten[:6]}"]))
    written = head + draw(st.sampled_from(SEPARATORS)) + ten[6:]
    if draw(st.booleans()):  # a zero-width character somewhere inside the digits
        at = draw(st.integers(1, len(written) - 1))
        written = written[:at] + draw(st.sampled_from(INVISIBLE)) + written[at:]
    return written, ten


AROUND = st.sampled_from(["{}", "Eleven {} har flyttat.", "({})", "{}, 850101-1234", "Elever: {},{}."])


@PROPERTY
@given(written_numbers(), AROUND)
def test_every_written_form_is_found_whatever_its_check_digit(number: tuple[str, str], around: str) -> None:
    written, _ten = number
    text = around.format(written, written)
    found = [text[s:e] for s, e in find_personal_numbers(text)]
    assert written in found, (text, found)


_CODES = st.text(alphabet="ABCDEFGHIJKLMNOPRSTUVY", min_size=2, max_size=4)


@st.composite
def references(draw: st.DrawFn) -> str:
    """A diary reference whose number has a personnummer's shape: a date and four digits."""
    when = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)))
    code = draw(_CODES)
    serial = f"{draw(st.integers(0, 9999)):04d}"
    label = draw(st.sampled_from(["Dnr", "dnr", "Dnr.", "Dnr:", "Diarienr", "Diarienummer", "Ärendenr", "Ref."]))
    sep = draw(st.sampled_from(["-", "\u2013", "\u2011", " "]))
    joint = draw(st.sampled_from([" ", "/", "-", " / "]))
    return f"{label} {code}{joint}{when:%y%m%d}{sep}{serial}"


@st.composite
def labelled_phone_numbers(draw: st.DrawFn) -> str:
    """A mobile number with its label, its ten digits written together (any check digit)."""
    number = f"07{draw(st.sampled_from('02369'))}{draw(st.integers(0, 9_999_999)):07d}"
    label = draw(st.sampled_from(["tel", "Tel.", "tel:", "telefon", "Mobil:", "mobilnr", "ring", "sms:a", "nås på"]))
    return f"{label} {number}"


@PROPERTY
@given(st.one_of(references(), labelled_phone_numbers()), st.sampled_from(["{}", "Se {}.", "({})"]))
def test_labelled_references_and_phone_numbers_are_not_personal_numbers(value: str, around: str) -> None:
    text = around.format(value)
    assert find_personal_numbers(text) == [], text


@PROPERTY
@given(written_numbers())
def test_spans_point_into_the_text_as_written(number: tuple[str, str]) -> None:
    written, ten = number
    text = f"Eleven {written} har flyttat."
    ((start, end),) = find_personal_numbers(text)
    digits = "".join(ch for ch in text[start:end] if ch.isdigit())
    assert digits.endswith(ten), (text, text[start:end])
