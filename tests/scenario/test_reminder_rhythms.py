"""Reminders about a recurring commitment: its first deadline is the rhythm's, not the day it was registered."""

from __future__ import annotations

from datetime import date, timedelta

from tests.scenario.conftest import World
from tests.scenario.test_reminders import reminders_to


def day_by_day(world: World, first: date, last: date) -> dict[date, tuple[list[str], list[str]]]:
    """Run each day's 08:30 from `first` to `last`; what reached anna and sara on each day."""
    seen: dict[date, tuple[list[str], list[str]]] = {}
    day = first
    while day <= last:
        before_anna, before_sara = len(reminders_to(world, "anna")), len(reminders_to(world, "sara"))
        world.at(f"{day.isoformat()} 08:30")
        seen[day] = (reminders_to(world, "anna")[before_anna:], reminders_to(world, "sara")[before_sara:])
        day += timedelta(days=1)
    return seen


def test_a_monthly_rhythm_starts_at_its_first_month_end_not_on_the_day_it_was_registered(world: World) -> None:
    world.quick_committee()
    world.at("2027-01-12 07:00")  # a Tuesday, before the day's reminders go out
    world.add("Gå igenom rutinerna", deadline="", recurrence="varje månad")
    seen = day_by_day(world, date(2027, 1, 12), date(2027, 3, 3))

    # Nothing on the day it was registered, and nothing that calls it late before its first deadline has passed.
    assert seen[date(2027, 1, 12)] == ([], [])
    before_first = [text for day, (to_anna, _) in seen.items() if day <= date(2027, 1, 31) for text in to_anna]
    assert before_first, "no reminder before the first month end"
    assert all("skulle ha varit klart" not in text for text in before_first), before_first
    assert all("12 januari 2027" not in text for text in before_first), before_first
    # The first reminder is about the rhythm's first deadline, the last day of January.
    assert "31 januari 2027" in before_first[0]
    # No escalation about a deadline that never was; the first one comes 14 days after 31 January.
    escalated = [day for day, (_, to_sara) in seen.items() if any("Obesvarat" in text for text in to_sara)]
    assert escalated and min(escalated) >= date(2027, 2, 12), escalated
    assert all("31 januari 2027" in text for text in seen[min(escalated)][1])
    # Never two reminders about it on one day, even where January's overdue rhythm meets February's reminders.
    crowded = {day: to_anna for day, (to_anna, _) in seen.items() if len(to_anna) > 1}
    assert crowded == {}


def test_twice_a_school_year_registered_two_weeks_before_the_term_ends(world: World) -> None:
    world.quick_committee()
    world.at("2027-06-16 07:00")  # a Wednesday, 14 days before 30 June
    world.add("Följ upp tillbudsrapporterna", deadline="", recurrence="två gånger per läsår")
    world.at("2027-06-16 08:30")
    sent = reminders_to(world, "anna")
    assert len(sent) == 1, sent
    assert "30 juni 2027" in sent[0] and "om 14 dagar" in sent[0]
    assert "16 juni 2027" not in sent[0]
    # The rhythm is named as a rhythm, not quoted beside the date as if it were the date's words.
    assert "återkommer två gånger per år" in sent[0]
    assert "”två gånger per läsår”" not in sent[0]


def test_when_last_months_occurrence_is_done_this_months_reminder_is_the_one_sent(world: World) -> None:
    world.quick_committee()
    world.at("2027-01-12 07:00")
    world.add("Gå igenom rutinerna", deadline="", recurrence="varje månad")
    world.at("2027-01-29 08:30")  # the working day before Sunday 31 January
    dm = world.slack.dm("anna").id
    january = [m for m in world.slack.visible_messages("anna", dm) if "31 januari 2027" in str(m.blocks)]
    assert len(january) == 1
    world.click("anna", january[0], "Markera som klart")
    world.at("2027-02-11 08:30")
    sent = len(reminders_to(world, "anna"))
    # 12 February: January's overdue rhythm and February's 14 days before meet; January's is done.
    world.at("2027-02-12 08:30")
    new = reminders_to(world, "anna")[sent:]
    assert len(new) == 1, new
    assert "28 februari 2027" in new[0] and "skulle ha varit klart" not in new[0]
