"""A task list with each task's report dates as fields under it, and a numbered list that goes on past them.

Written by the team in the shape of a page listing an agency's tasks from its regleringsbrev; the agency is
real, the tasks are not.
"""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2025, 9, 1)

TASKS = """Uppdrag

Kemikalieinspektionen ska:
1. kartlägga användningen av bekämpningsmedel i privata trädgårdar och föreslå åtgärder.
Uppdragstid: 2025
Redovisning: 2026-03-31
Regleringsbrev 2025 (esv.se)
2. ta fram vägledning till kommunerna om tillsyn av kemikalier i förskolor.
Uppdragstid: 2025-2027
Redovisning: 2026-02-15
Slutredovisning: 2027-12-01
Regleringsbrev 2025 (esv.se)
3. sammanställa en lägesbild över giftfri miljö.
Redovisning: 2026-04-30

Kontakt
"""


def _by_first_word() -> dict[str, tuple[date, ...]]:
    found = commitments(run(TASKS, today=DAY, document_date=DAY))
    return {f.text.split()[0]: f.deadlines for f in found}


def test_each_numbered_task_goes_on_with_the_list_past_its_fields() -> None:
    found = commitments(run(TASKS, today=DAY, document_date=DAY))
    tasks = [f for f in found if f.text.split()[0] in ("kartlägga", "ta", "sammanställa")]
    assert len(tasks) == 3
    assert {f.owner for f in tasks} == {"Kemikalieinspektionen"}


def test_a_task_is_due_at_its_last_report_and_an_earlier_report_is_its_own() -> None:
    got = _by_first_word()
    assert got["kartlägga"] == (date(2026, 3, 31),)
    assert got["ta"] == (date(2027, 12, 1),)
    assert got["Redovisning:"] == (date(2026, 2, 15),)  # the interim report of the second task
    assert got["sammanställa"] == (date(2026, 4, 30),)


def test_a_report_field_far_below_or_after_prose_dates_nothing() -> None:
    text = (
        "Kemikalieinspektionen ska under året kartlägga användningen av bekämpningsmedel.\n"
        "Arbetet sker i samråd med Naturvårdsverket och länsstyrelserna, som bidrar med underlag.\n"
        "Redovisning: 2026-03-31\n"
    )
    found = commitments(run(text, today=DAY, document_date=DAY))
    assert any(f.text.startswith("Kemikalieinspektionen") for f in found)
    assert not any(f.text.startswith("Kemikalieinspektionen") and f.deadlines == (date(2026, 3, 31),) for f in found)


# The same shape with a lead-in "har även i uppdrag att:", sources read as headings between the tasks, and a
# field without its colon (written by the team after a page of an agency's tasks).
LEAD_IN = """Uppdrag

Myndigheten har även i uppdrag att:

1. tillsammans med Skolverket utveckla ett verktyg för arbetet mot rasism.
Uppdragstid: 2025-2026
Slutredovisning 2026-01-15.
Ändringsbeslut 2025-03-17 Myndighet (esv.se)

2. genomföra en studie av elevers attityder kring intolerans.
Slutredovisning: 2027-03-01
"""


def test_tasks_under_a_task_lead_in_go_on_past_headings_and_a_field_needs_no_colon() -> None:
    found = commitments(run(LEAD_IN, today=DAY, document_date=DAY))
    assert {f.text.split()[0]: f.deadlines for f in found} == {
        "tillsammans": (date(2026, 1, 15),),
        "genomföra": (date(2027, 3, 1),),
    }
