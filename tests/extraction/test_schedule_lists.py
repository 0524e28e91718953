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
