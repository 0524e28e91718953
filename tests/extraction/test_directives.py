"""A committee's terms of reference (kommittédirektiv) as the government writes them: an inquirer who "ska bl.a."
do what the list under it says, ready before a new agency starts, and an interim and a final report in one
sentence, which date the tasks. Text written by the team in the shape of a directive."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2014, 2, 1)

_DIRECTIVE = """Sammanfattning

En särskild utredare ska förbereda inrättandet av en ny myndighet för skolforskning.

Utredaren ska bl.a.

 • vidta de åtgärder som krävs för att den nya myndigheten ska kunna inleda sin verksamhet den 1 januari 2015,
 • utarbeta en organisation för myndigheten, och
 • lämna ett förslag till hur myndighetens verksamhet kan följas upp.

Uppdraget ska delredovisas den 15 maj 2014 och slutredovisas senast den 19 december 2014.
"""


def test_an_inquirers_list_after_bl_a_is_its_tasks() -> None:
    found = commitments(run(_DIRECTIVE, document_date=DAY))
    items = [f for f in found if f.text.startswith(("vidta", "utarbeta", "lämna"))]
    assert len(items) == 3
    assert all(f.owner == "Utredaren" for f in items)
    assert next(f for f in found if f.text.startswith("En särskild utredare")).owner == "En särskild utredare"


def test_work_needed_before_an_agency_starts_on_a_day_is_due_the_day_before() -> None:
    found = commitments(run(_DIRECTIVE, document_date=DAY))
    (ready,) = [f for f in found if f.text.startswith("vidta")]
    assert ready.deadlines == (date(2014, 12, 31),)


def test_an_interim_and_a_final_report_in_one_sentence_date_the_tasks_and_the_interim() -> None:
    found = commitments(run(_DIRECTIVE, document_date=DAY))
    (interim,) = [f for f in found if "delredovisas" in f.text]
    assert interim.deadlines == (date(2014, 5, 15),) and "slutredovisas" not in interim.text
    # the tasks with no time of their own are due at the final report
    assert {f.deadlines for f in found if f.text.startswith(("utarbeta", "lämna"))} == {(date(2014, 12, 19),)}


def test_a_things_list_after_bl_a_is_what_it_holds() -> None:
    text = """Det nationella programmet ska bl.a.

 * främja insatser för samverkan mellan aktörer i olika län,
 * utveckla arbetet med återföring av kunskap och lärande.
"""
    assert commitments(run(text, document_date=DAY)) == []


def test_the_inquirys_report_is_the_inquirers() -> None:
    found = commitments(run(_DIRECTIVE, document_date=DAY))
    (interim,) = [f for f in found if "delredovisas" in f.text]
    assert interim.owner in ("Utredaren", "En särskild utredare")
