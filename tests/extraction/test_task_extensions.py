"""Agencies' pages about their own work, told over two sentences: a time said in one sentence and pointed back
to with "Då" in the next, a range of days written with a dash straight after the month, what a proposal is for,
and a task's time extended after it was set. Sentences written by the team in the shapes of county boards' and
agencies' pages."""

from __future__ import annotations

from datetime import date

from bot.language.periods import find_deadlines
from tests.extraction.helpers import commitments, run

DAY = date(2020, 9, 20)


def test_then_takes_the_time_of_the_sentence_before() -> None:
    text = (
        "Kablar och hovslagare är några av de områden som Länsstyrelsen kontrollerar den 28 september–2 oktober. "
        "Då genomförs en tillsynsvecka med åtta separata tillsynsprojekt."
    )
    (found,) = commitments(run(text, document_date=DAY))
    assert found.deadlines == (date(2020, 10, 2),)
    assert "tillsynsvecka" in found.text


def test_a_dash_straight_after_a_month_opens_the_ranges_last_day() -> None:
    (found,) = find_deadlines("den 28 september–2 oktober", DAY)
    assert found.note == "range:2020-09-28/2020-10-02"
    # a number after a word's dash is no day: "covid-19 maj" names no 19 May
    assert all(d.phrase != "19 maj" for d in find_deadlines("efter covid-19 maj", DAY))


def test_what_a_proposal_is_for_is_no_commitment() -> None:
    text = (
        "Regeringen har gett Livsmedelsverket i uppdrag att utarbeta ett förslag. Förslaget ska göra det möjligt "
        "för regeringen att följa upp hur samverkan mellan kommunerna utvecklas.\n\n"
        "Uppdraget ska redovisas till Näringsdepartementet senast den 31 december 2020."
    )
    found = [f for f in commitments(run(text, document_date=DAY)) if f.deadlines]
    assert len(found) == 1 and found[0].text.startswith("Uppdraget ska redovisas")


def test_a_tasks_time_extended_after_it_was_set_is_its_deadline() -> None:
    text = (
        "Uppdraget ska redovisas till Näringsdepartementet senast den 31 december 2020.\n"
        "Uppdraget har förlängts till 31 mars 2021."
    )
    (found,) = commitments(run(text, document_date=DAY))
    assert found.deadlines == (date(2021, 3, 31),)
    # an earlier date is never taken for an extension
    text = "Uppdraget ska redovisas senast den 31 december 2020. Tiden har förlängts till 31 mars 2020."
    (found,) = commitments(run(text, document_date=date(2020, 1, 10)))
    assert found.deadlines == (date(2020, 12, 31),)
