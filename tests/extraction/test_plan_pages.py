"""Plans a municipality publishes as a page rather than as prose: a calendar whose time headings sit right
over their sentences, rows of a stretch and its years, an area's "Projekttid" field, and a time given as
"innan X träder i kraft den …". Pages written by the team in the shapes of municipalities' and regions'
pages (school choice calendars, water and sewage expansion plans, opening hours)."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2019, 3, 20)


def test_a_calendars_time_heading_right_over_its_sentence_dates_it() -> None:
    text = """Från ansökan till skolstart

JANUARI 2019
Informationsmöten hålls på skolorna.

SLUTET AV APRIL 2019
Besked om placering skickas ut till dem som sökt inom ansökningsperioden (9 januari-28 februari).

MAJ 2019
Besked om placering skickas ut till dem som sökt sent.
"""
    found = sorted(commitments(run(text, document_date=DAY)), key=lambda f: f.span)
    assert [f.deadlines for f in found] == [(date(2019, 4, 30),), (date(2019, 5, 31),)]
    # the bracketed period only glosses "ansökningsperioden"; no owner is read out of the clause
    assert all(f.owner is None for f in found)


def test_rows_of_a_stretch_and_its_years_are_steps_due_when_their_years_end() -> None:
    text = """Projekttid:

Östanbjörke – Sätter – Bäck: 2022
Bäck – Bäckalund: 2023
Bäckalund: 2023–2024
Avveckling av reningsanläggningen: 2024
"""
    found = sorted(commitments(run(text, document_date=date(2021, 6, 30))), key=lambda f: f.span)
    assert [f.deadlines for f in found] == [
        (date(2022, 12, 31),),
        (date(2023, 12, 31),),
        (date(2024, 12, 31),),
        (date(2024, 12, 31),),
    ]


def test_a_tasks_own_fields_are_no_rows_of_steps() -> None:
    text = """3. vidta språkvårdande insatser för att stärka det samiska språket.
Uppdragstid: 2022-2024
Redovisning: 2023-12-01
Slutredovisning: 2025-01-31
"""
    found = commitments(run(text, document_date=date(2023, 2, 1)))
    assert not any(f.text.startswith(("Uppdragstid", "Slutredovisning")) for f in found)


def test_an_areas_project_time_field_is_a_step_named_by_the_area() -> None:
    text = """Utbyggnad av vatten och avlopp

Se projekttid för de berörda områdena nedan.

Häljeby

Vatten + spillvatten

Projekttid: 2021–2022

Ed

Vatten + spillvatten

Projekttid: 2028
"""
    found = sorted(commitments(run(text, document_date=date(2021, 6, 30))), key=lambda f: f.span)
    assert [f.deadlines for f in found] == [(date(2022, 12, 31),), (date(2028, 12, 31),)]
    assert found[0].text.startswith("Häljeby") and found[1].text.startswith("Ed")


def test_before_something_takes_effect_on_a_day_is_the_day_before() -> None:
    text = "De nya öppettiderna kommer att publiceras på 1177.se innan förändringen träder i kraft den 1 juni."
    (found,) = commitments(run(text, document_date=date(2020, 3, 26)))
    assert found.deadlines == (date(2020, 5, 31),)
    text = "Rutinen ska vara klar innan skolan börjar den 17 augusti."
    (found,) = commitments(run(text, document_date=date(2020, 3, 26)))
    assert found.deadlines == (date(2020, 8, 16),)


def test_a_clause_with_a_passive_before_ska_names_no_owner() -> None:
    text = (
        "Broschyren Dags att söka skola skickas ut till alla vårdnadshavare vars barn ska börja förskoleklass "
        "hösten 2019."
    )
    for found in commitments(run(text, document_date=date(2018, 11, 1))):
        assert found.owner is None


def test_a_phase_that_lasts_a_year_dates_what_is_done_in_it() -> None:
    text = "Slutlig tidplan och budget kommer att fastställas under fas 1, vilken förväntas pågå hela 2019."
    (found,) = commitments(run(text, document_date=date(2019, 3, 15)))
    assert found.deadlines == (date(2019, 12, 31),)


def test_work_that_starts_on_a_day_ahead_is_due_that_day() -> None:
    for text, due in (
        ("Kulturskolan startar all undervisning onsdagen den 25 augusti.", date(2021, 8, 25)),
        ("Den 29 augusti går arbetet med ledningarna igång igen.", date(2021, 8, 29)),
    ):
        (found,) = commitments(run(text, document_date=date(2021, 8, 10)))
        assert found.deadlines == (due,)
