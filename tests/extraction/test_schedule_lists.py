"""Schedules of a name and a time per line (written by the team in the shape of a municipal company's page)."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2017, 9, 25)


def test_each_line_of_a_schedule_is_a_commitment_by_its_time() -> None:
    text = (
        "Här är vår plan för fiberprojekten.\n\nStallängen          oktober\n\nForsen                november\n\n"
        "Innerstaden       mars 2018\n\nKymbo               klart halvårsskiftet 2018\n"
    )
    found = commitments(run(text, today=DAY, document_date=DAY))
    assert [(f.text, f.deadlines) for f in found] == [
        ("Stallängen oktober", (date(2017, 10, 31),)),
        ("Forsen november", (date(2017, 11, 30),)),
        ("Innerstaden mars 2018", (date(2018, 3, 31),)),
        ("Kymbo klart halvårsskiftet 2018", (date(2018, 6, 30),)),
    ]


def test_two_such_lines_are_no_schedule() -> None:
    text = "Kontakt\n\nStallängen          oktober\n\nForsen                november\n"
    assert commitments(run(text, today=DAY, document_date=DAY)) == []


def test_a_plans_list_of_results_to_reach_is_a_list_of_commitments() -> None:
    # Written by the team in the shape of a county's inspection project page.
    text = (
        "Tillsyn av flerbostadshus\n\nResultatmål\n\n• Ta fram en gemensam checklista för handläggarna\n"
        "• Sammanställa resultatet av tillsynen (klart februari 2021)\n"
    )
    found = commitments(run(text, today=date(2020, 3, 1), document_date=date(2020, 3, 1)))
    assert [(f.text.split()[0], f.deadlines) for f in found] == [
        ("Ta", ()),
        ("Sammanställa", (date(2021, 2, 28),)),
    ]
