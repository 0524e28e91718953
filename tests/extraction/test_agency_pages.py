"""An agency's own page about a task it was given: who owns what follows, and report dates that have passed.

Pages written by the team in the shape of state agencies' pages on government assignments ("Regeringsuppdrag",
"Senast uppdaterad: …"); the agencies named are real, the tasks are not.
"""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

PAGE = """Stärkt tillsyn av lekplatser

Boverket har fått i uppdrag av regeringen att ta fram vägledning om tillsyn av lekplatser.

Uppdraget ska delredovisas senast den 28 februari 2026. En slutrapport ska lämnas senast den 30 november 2026.

Vi kommer att samla in underlag från kommunerna under hösten 2026.

Senast uppdaterad: 2026-10-05
"""


def test_the_agency_given_the_task_owns_what_follows_on_its_own_page() -> None:
    found = commitments(run(PAGE, document_date=date(2026, 10, 5), today=date(2026, 10, 5)))
    owners = {f.text.split()[0]: f.owner for f in found}
    assert owners["Uppdraget"] == "Boverket"
    assert owners["En"] == "Boverket"
    assert owners["Vi"] == "Boverket"


def test_a_report_date_that_has_passed_is_still_the_deadline() -> None:
    found = commitments(run(PAGE, document_date=date(2026, 10, 5), today=date(2026, 10, 5)))
    interim = next(f for f in found if f.text.startswith("Uppdraget ska delredovisas"))
    assert interim.deadlines == (date(2026, 2, 28),)
    # A passed date beside one still ahead is background: the one ahead is the deadline.
    page = "Uppdrag\n\nI mars 2025 gav nämnden förvaltningen i uppdrag att senast i juni 2027 lämna en plan.\n"
    (task,) = commitments(run(page, document_date=date(2026, 10, 5), today=date(2026, 10, 5)))
    assert task.deadlines == (date(2027, 6, 30),)
