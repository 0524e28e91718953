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


# Written by the team in the shape of a municipality's page about a comprehensive plan's time plan.
STEPS = """Tidplan

Arbetet tar flera år. Flera av momenten är formella:

1. Dialogmöten med boende (hösten 2025)

2. Förslag till strategi (vintern 2025)

3. Samråd (vår/sommar 2026)

4. Antagande i fullmäktige (sommar/höst 2026)
"""


def test_numbered_steps_with_their_time_in_brackets_are_a_schedule() -> None:
    found = commitments(run(STEPS, today=date(2025, 5, 2), document_date=date(2025, 5, 2)))
    assert [(f.text.split()[1], f.deadlines) for f in found] == [
        ("Dialogmöten", (date(2025, 12, 31),)),
        # After the autumn, the winter of that year is the one that runs into the next.
        ("Förslag", (date(2026, 2, 28),)),
        ("Samråd", (date(2026, 8, 31),)),
        ("Antagande", (date(2026, 12, 31),)),
    ]


def test_one_bracketed_time_is_no_schedule() -> None:
    text = "Nyheter\n\nBiblioteket har öppet som vanligt (hösten 2025)\n\nVälkommen!\n"
    assert commitments(run(text, today=date(2025, 5, 2), document_date=date(2025, 5, 2))) == []


# Written by the team in the shape of a municipality's page about a planning programme.
UNDER_TIMES = """Tidplan

Hösten 2025:

Ett förslag till program presenteras. Samråd genomförs.

Våren 2026:

Programmet revideras efter samrådet. Alla kan lämna synpunkter på förslaget.

Hösten 2026:

Programmet kommer att publiceras på webbplatsen när protokollet har justerats.

Kontakt

Planavdelningen svarar på frågor. Ärendet behandlas löpande.
"""


def test_steps_under_headings_that_are_times_are_due_when_their_time_ends() -> None:
    found = commitments(run(UNDER_TIMES, today=date(2026, 1, 10), document_date=date(2026, 1, 10)))
    got = {" ".join(f.text.split()[:2]): f.deadlines for f in found}
    # The autumn of 2025 had ended when the page was written: what it tells was done.
    assert not any(k.startswith(("Ett", "Samråd")) for k in got)
    assert got["Programmet revideras"] == (date(2026, 6, 30),)  # a step told in the present
    assert any(f.text.startswith("Programmet kommer") and f.deadlines == (date(2026, 12, 31),) for f in found)
    assert not any(k.startswith("Alla") for k in got)  # what anyone may do is no step
    assert not any(k.startswith("Ärendet") for k in got)  # under another heading: how things are done


def test_a_time_in_a_tables_rows_is_no_heading() -> None:
    text = (
        "Åtgärdsplan\n\nUtbildning av handläggare\nHR-strateg\nVårterminen 2026\n\n"
        "Översyn av rutinen\nEnhetschef\nHösten 2026\n\n"
        "Åtgärderna genomförs inom befintlig budget och ryms i ramen.\n"
    )
    found = commitments(run(text, today=date(2026, 1, 10), document_date=date(2026, 1, 10)))
    assert not any(f.text.startswith("Åtgärderna genomförs") and f.deadlines for f in found)
