"""Phrases people type that the grammar once misread.

Each decision and its reason is in the table of `bot/language/periods.py`.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.language.periods import find_deadlines, parse_deadline, parse_recurrence

D = date.fromisoformat


def _dates(phrase: str, reference: date, *, typed: bool = False) -> list[str]:
    found = parse_deadline(phrase, reference, typed=typed)
    assert found is not None, phrase
    return [d.isoformat() for d in found.dates]


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        # The start of the school year named by its year: the day before 1 August of that year.
        ("till läsårsstarten 2027", D("2026-03-10"), "2027-07-31"),
        ("till läsårsstarten 2027", D("2026-09-01"), "2027-07-31"),
        ("innan läsårsstarten 2028", D("2026-03-10"), "2028-07-31"),
        ("inför skolstarten 2027", D("2026-11-02"), "2027-07-31"),
        ("klart till läsårsstarten hösten 2027", D("2026-03-10"), "2027-07-31"),
        ("vid läsårsslutet 2027", D("2026-03-10"), "2027-06-30"),
        # Without a year: the next one, as before.
        ("till läsårsstarten", D("2026-03-10"), "2026-07-31"),
    ],
)
def test_school_year_start_and_end_with_a_year(phrase: str, reference: date, expected: str) -> None:
    assert _dates(phrase, reference) == [expected]
    (found,) = find_deadlines(f"Rutinen ska vara på plats {phrase}.", reference)
    assert [d.isoformat() for d in found.dates] == [expected]
    assert found.phrase.endswith(phrase.rsplit(maxsplit=1)[-1])  # the year belongs to the phrase


def test_a_school_start_is_a_convention_and_says_so() -> None:
    found = parse_deadline("till läsårsstarten 2027", D("2026-03-10"))
    assert found is not None and "school_start" in (found.note or "")


def test_a_term_start_with_a_year_is_not_guessed() -> None:
    # Spring or autumn term? The year does not say, so neither is taken and the year is not dropped.
    assert parse_deadline("till terminsstarten 2027", D("2026-03-10")) is None
    assert not any(f.dates for f in find_deadlines("klart till terminsstarten 2027", D("2026-03-10")))


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        # In the summer (midsommarafton 2026 is 19 June) the autumn begins when the summer is over.
        ("till hösten", D("2026-07-31"), "2026-08-31"),
        ("till hösten", D("2026-06-19"), "2026-08-31"),
        ("till hösten", D("2026-08-05"), "2026-08-31"),
        ("inför hösten", D("2026-07-31"), "2026-08-31"),
        ("innan hösten", D("2026-08-31"), "2026-08-31"),
        # Before the summer the convention stands: the day before 1 August.
        ("till hösten", D("2026-03-10"), "2026-07-31"),
        ("till hösten", D("2026-06-18"), "2026-07-31"),
        # Once the autumn is on, the next one.
        ("till hösten", D("2026-09-01"), "2027-07-31"),
        # The autumn term is the school's: it may start in mid-August, so the convention stands.
        ("till höstterminen", D("2026-07-10"), "2026-07-31"),
        # Other readings of the autumn typed in the summer do not change.
        ("under hösten", D("2026-07-31"), "2026-12-31"),
    ],
)
def test_till_hosten_in_the_summer(phrase: str, reference: date, expected: str) -> None:
    assert _dates(phrase, reference) == [expected]
    assert _dates(phrase, reference, typed=True) == [expected]


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("under hösten", D("2026-12-10"), "2027-12-31"),
        ("under hösten", D("2026-12-01"), "2027-12-31"),
        ("under hösten", D("2026-12-31"), "2027-12-31"),
        ("höstterminen", D("2026-12-10"), "2027-12-31"),
        ("i höst", D("2026-12-10"), "2027-12-31"),
        ("under våren", D("2027-06-14"), "2028-06-30"),
        # Before the last month, this one.
        ("under hösten", D("2026-11-30"), "2026-12-31"),
        ("under våren", D("2027-05-31"), "2027-06-30"),
        # A year written is the year meant.
        ("under hösten 2026", D("2026-12-10"), "2026-12-31"),
        # "i slutet av hösten" asks for the very end: this one.
        ("i slutet av hösten", D("2026-12-10"), "2026-12-31"),
    ],
)
def test_a_season_typed_in_its_last_month_is_the_next_one(phrase: str, reference: date, expected: str) -> None:
    assert _dates(phrase, reference, typed=True) == [expected]


def test_the_next_season_carries_a_note_and_documents_keep_the_current_one() -> None:
    typed = parse_deadline("under hösten", D("2026-12-10"), typed=True)
    assert typed is not None and typed.note == "next_season"
    # A document dated in December was written before its date: its autumn is this one.
    assert _dates("under hösten", D("2026-12-10")) == ["2026-12-31"]
    this_one = parse_deadline("under hösten", D("2026-11-30"), typed=True)
    assert this_one is not None and this_one.note is None


def test_efter_sommaren_opens_a_range_and_gives_no_deadline() -> None:
    found = parse_deadline("efter sommaren", D("2026-03-10"))
    assert found is not None
    assert found.dates == () and found.kind == "range"
    assert found.undated == "start"
    (in_text,) = find_deadlines("Revidera rutinen efter sommaren", D("2026-03-10"))
    assert in_text.phrase == "efter sommaren" and in_text.undated == "start"


@pytest.mark.parametrize(
    "phrase",
    ["inför budgetarbetet 2028", "i samband med budgetarbetet 2028", "inför budgeten 2028", "till budget 2028"],
)
def test_a_municipal_event_in_a_named_year_is_one_occasion_without_a_date(phrase: str) -> None:
    found = parse_deadline(phrase, D("2026-03-10"))
    assert found is not None
    assert found.kind == "event" and found.dates == () and found.recurrence is None
    assert found.undated == "event"
    assert parse_recurrence(phrase, D("2026-03-10")) is None
    (in_text,) = find_deadlines(f"Revidera rutinen {phrase}", D("2026-03-10"))
    assert in_text.kind == "event" and in_text.phrase == phrase


def test_the_event_without_a_year_is_still_a_rhythm() -> None:
    assert parse_recurrence("i samband med budgetarbetet", D("2026-03-10")) == "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30"
    found = parse_deadline("inför budgetarbetet", D("2026-03-10"))
    assert found is not None and found.kind == "recurrence"


def test_dated_phrases_have_no_undated_reason() -> None:
    found = parse_deadline("senast i april 2027", D("2026-03-10"))
    assert found is not None and found.undated is None
    closed = parse_deadline("januari-mars 2027", D("2026-03-10"))
    assert closed is not None and closed.undated is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # Typed on Thursday 16 March 2017. A weekday alone is the next one; on its own day, next week's.
        ("senast på fredag", "2017-03-17"),
        ("på måndag", "2017-03-20"),
        ("till fredag", "2017-03-17"),
        ("senast torsdag", "2017-03-23"),
        # "nästa måndag" is the Monday of the week after this one.
        ("nästa måndag", "2017-03-20"),
        ("nästa fredag", "2017-03-24"),
        ("senast i morgon", "2017-03-17"),
        ("i övermorgon", "2017-03-18"),
        ("i dag", "2017-03-16"),
        # A weekday before a date is read with the date.
        ("på måndag 20/3", "2017-03-20"),
        ("måndag 18 juni", "2017-06-18"),
    ],
)
def test_weekdays_and_days_counted_from_today(phrase: str, expected: str) -> None:
    assert _dates(phrase, D("2017-03-16"), typed=True) == [expected]


def test_a_weekday_in_running_text_needs_a_preposition_and_today_is_no_deadline_there() -> None:
    text = "Arbetet startar på måndag. Fredag är en vanlig arbetsdag. Rutinen följs redan i dag."
    assert [d.phrase for d in find_deadlines(text, D("2017-03-16"))] == ["på måndag"]
    # "3/4" alone is a fraction; after a weekday it is a date.
    assert find_deadlines("3/4 av eleverna", D("2017-03-16")) == []
    assert [d.dates for d in find_deadlines("Leverans sker måndag 3/4.", D("2017-03-16"))] == [(D("2017-04-03"),)]
