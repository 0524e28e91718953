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


def test_a_part_delivered_as_the_interim_report_is_due_then_and_the_task_at_the_final() -> None:
    text = (
        "Brottsoffermyndigheten får i uppdrag att kartlägga vilket stöd som ges till brottsoffer i landet. Inom "
        "ramen för uppdraget ska myndigheten ta fram en plan för hur myndigheten kan utveckla rollen som "
        "informationscentrum för brottsofferfrågor samt vidta åtgärder för ett likvärdigt stöd i hela landet. "
        "En delredovisning av uppdraget i form av en plan för hur myndigheten kan utveckla rollen som "
        "informationscentrum för brottsofferfrågor ska ske till Regeringskansliet senast den 29 september 2023. "
        "Uppdraget ska slutredovisas till Regeringskansliet senast den 28 juni 2024."
    )
    found = commitments(run(text, document_date=date(2023, 1, 1)))
    task = next(f for f in found if "kartlägga" in f.text)
    part = next(f for f in found if f.text.startswith("Inom ramen"))
    assert task.deadlines == (date(2024, 6, 28),)
    assert part.deadlines == (date(2023, 9, 29),)


def test_the_role_a_body_is_to_have_is_no_owner() -> None:
    text = (
        "En delredovisning i form av en plan för hur myndigheten kan utveckla rollen som informationscentrum för "
        "brottsofferfrågor ska ske senast den 29 september 2023."
    )
    for found in commitments(run(text, document_date=date(2023, 1, 1))):
        assert found.owner is None or "centrum" not in found.owner


def test_work_set_for_a_time_over_a_list_is_one_commitment_per_item() -> None:
    text = """Under höstens tillsynsvecka fokuseras på följande tillsynsområden:

  • Fisketillsyn i Vänern.
  • Tillsyn av överförmyndare.
  • Kontroll av nedläggning av fiberkabel.
"""
    found = commitments(run(text, document_date=DAY))
    assert [f.text.split()[0] for f in found] == ["Fisketillsyn", "Tillsyn", "Kontroll"]
    # the areas a report took up, told in the past, are none
    past = text.replace("Under höstens tillsynsvecka fokuseras", "Under förra årets tillsynsvecka fokuserades")
    assert commitments(run(past, document_date=DAY)) == []


def test_a_paragraph_opened_by_a_year_times_its_undated_promises() -> None:
    text = (
        "Under 2021 har Sida fått fyra särskilda uppdrag av regeringen. Vi ska redovisa innehåll och resultat "
        "av den tjänsteexport som bedrivs i samverkan med andra myndigheter."
    )
    found = [f for f in commitments(run(text, document_date=date(2021, 2, 1))) if "redovisa" in f.text]
    assert [f.deadlines for f in found] == [(date(2021, 12, 31),)]
    # a year already past when the page was written tells what was done then
    past = commitments(run(text.replace("2021", "2019"), document_date=date(2021, 2, 1)))
    assert all(f.deadlines != (date(2019, 12, 31),) for f in past if "redovisa" in f.text)
