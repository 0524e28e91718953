"""The Swedish deadline grammar in running text: the year work is for, meetings' days, weeks, glued and halved
periods, and days written with a slash (split from `test_periods`)."""

from __future__ import annotations

from datetime import date

from bot.language.periods import find_deadlines, parse_deadline

D = date.fromisoformat
REF = D("2023-03-10")  # the date of sample 000


def test_the_year_work_is_for_is_a_time_of_its_own_kind() -> None:
    # "en strategi för 2021", "år 2021": the year the work is for, marked so the extraction can let any other
    # time in the sentence win (a budget year is no deadline when the sentence names one).
    for text in ("ta fram en strategi för 2021", "år 2021 startar en beredning"):
        found = find_deadlines(text, date(2020, 11, 26))
        assert [(d.dates, d.note) for d in found] == [((date(2021, 12, 31),), "year_named")]
    assert find_deadlines("Det var 2021 som det hände.", date(2020, 11, 26)) == []
    under = find_deadlines("under år 2021", date(2020, 11, 26))
    assert under[0].note is None  # after "under" it is a time like any other


def test_a_meetings_day_in_six_digits_as_protocols_write_it() -> None:
    # "vid nästa styrelsemöte, 201116": year, month and day, only after a meeting's name.
    ref = date(2020, 10, 1)
    assert [d.dates for d in find_deadlines("beslut vid nästa styrelsemöte, 201116", ref) if d.dates] == [
        (date(2020, 11, 16),)
    ]
    assert [d.dates for d in find_deadlines("ett extra möte 210621", ref) if d.dates] == [(date(2021, 6, 21),)]
    # Six digits anywhere else are numbers of anything; an impossible day is none.
    assert find_deadlines("Ärende 201116 behandlades.", ref) == []
    assert [d for d in find_deadlines("nästa möte 201345", ref) if d.dates] == []


def test_weeks_listed_by_number_and_a_building_start() -> None:
    ref = date(2027, 4, 19)
    found = find_deadlines("Provtagning sker under veckorna 24, 28 och 32.", ref)
    assert [d.dates for d in found] == [(date(2027, 6, 18), date(2027, 7, 16), date(2027, 8, 13))]
    # A number after a week that is no week: "vecka 12 och 25 procent".
    assert [d.dates for d in find_deadlines("vecka 12 och 25 procent", ref)] == [(date(2028, 3, 24),)]
    assert [(d.dates, d.note) for d in find_deadlines("byggstart 2028", ref)] == [((date(2028, 12, 31),), "year_named")]


def test_a_bare_year_right_after_ske_and_a_limit_after_it_keeps_its_own_words() -> None:
    ref = date(2026, 6, 1)
    assert [(d.dates, d.phrase) for d in find_deadlines("Uppföljningen beräknas ske 2027.", ref)] == [
        ((date(2027, 12, 31),), "ske 2027")
    ]
    # Before "senast" the limit is said by "senast", which the extraction reads as a limit.
    found = find_deadlines("Delredovisning ska ske senast den 31 maj 2027.", ref)
    assert [d.phrase for d in found] == ["senast den 31 maj 2027"]


def test_a_year_glued_to_its_preposition() -> None:
    # "fortsätter under2022": a space lost in the source; other words glued to a number are no time.
    ref = date(2021, 6, 1)
    assert [d.dates for d in find_deadlines("arbetet fortsätter under2022.", ref)] == [(date(2022, 12, 31),)]
    assert find_deadlines("ärendenummer2022", ref) == []


def test_one_week_or_the_next_is_done_by_the_later() -> None:
    # "markberedningen påbörjas i vecka 11 eller 12": one or the other, so the later week's last working day.
    found = find_deadlines("Markberedningen påbörjas i vecka 11 eller 12.", date(2027, 1, 31))
    # Friday 26 March 2027 is Good Friday: the week's last working day is the Thursday.
    assert [d.dates for d in found] == [(date(2027, 3, 25),)]
    assert parse_deadline("april eller maj", date(2027, 3, 10)) is None  # typed months stay a question


def test_the_second_half_of_a_period_is_done_by_its_end() -> None:
    ref = date(2027, 6, 1)
    assert [d.dates for d in find_deadlines("Under andra halvan av hösten görs enkäten.", ref)] == [
        (date(2027, 12, 31),)
    ]


def test_a_day_with_a_slash_before_a_time_of_day_is_a_date_in_running_text() -> None:
    # Written by the team in the shape of a builder's time plan: "Första spadtag 27/2 14:00".
    found = find_deadlines("Första spadtag 27/3 14:00 vid skolan", REF)
    assert [(d.phrase, d.dates) for d in found] == [("27/3", (D("2023-03-27"),))]
    assert find_deadlines("Hälften av eleverna, 1/2, deltog 14:00", REF) == []
