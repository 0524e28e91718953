"""A building project's milestones told as nouns with their times: "Beräknad byggstart under sommaren 2022,
färdigställande i sommaren 2025". Each is a step to follow up; a bare "Planerad start:" in an outage notice is not.
Sentences written by the team in the shape of municipal project pages."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, run

DAY = date(2021, 6, 1)


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("Preliminär byggstart i början av 2022.", date(2022, 3, 31)),
        ("Beräknad inflyttning under hösten 2022.", date(2022, 12, 31)),
        ("Planerad byggstart är satt till slutet av april 2022.", date(2022, 4, 30)),
        ("Beräknad byggstart vecka 40 2021.", date(2021, 10, 8)),
        ("Planerad invigning i maj 2023.", date(2023, 5, 31)),
    ],
)
def test_a_planned_milestone_is_a_step_due_then(sentence: str, deadline: date) -> None:
    (found,) = commitments(run(sentence, document_date=DAY))
    assert found.deadlines == (deadline,)


def test_milestones_listed_in_one_sentence_are_followed_up_apart() -> None:
    text = "Beräknad byggstart under sommaren 2022, färdigställande i sommaren 2025."
    found = commitments(run(text, document_date=DAY))
    assert [f.deadlines for f in found] == [(date(2022, 8, 31),), (date(2025, 8, 31),)]
    text = "Planerad byggstart är satt till april 2022 med en preliminär inflyttning september 2023."
    found = commitments(run(text, document_date=DAY))
    assert [f.deadlines for f in found] == [(date(2022, 4, 30),), (date(2023, 9, 30),)]


def test_a_planned_start_with_no_milestone_named_is_no_step() -> None:
    assert commitments(run("Planerad start: 2021-09-28", document_date=DAY)) == []


def test_a_plan_joined_by_och_planen_ar_att_is_a_second_step() -> None:
    text = (
        "Paviljongerna avvecklas under hösten 2021 och planen är att den nya förskolan står klar under sommaren 2022."
    )
    found = commitments(run(text, document_date=DAY))
    assert [f.deadlines for f in found] == [(date(2021, 12, 31),), (date(2022, 8, 31),)]


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("Under vecka 40 genomför Länsstyrelsen omkring 300 tillsynsaktiviteter i länet.", date(2021, 10, 8)),
        ("I september arrangerar kulturförvaltningen en öppen dag på biblioteket.", date(2021, 9, 30)),
    ],
)
def test_work_told_in_the_present_after_a_time_ahead_is_planned(sentence: str, deadline: date) -> None:
    (found,) = commitments(run(sentence, document_date=DAY))
    assert found.deadlines == (deadline,)


def test_work_told_in_the_present_after_a_time_passed_is_news() -> None:
    assert commitments(run("I maj genomförde Länsstyrelsen 300 tillsynsaktiviteter.", document_date=DAY)) == []


def test_a_bracketed_time_closing_an_action_dates_it() -> None:
    text = (
        "Kommunen kommer att genomföra följande åtgärder:\n\n"
        "• Ta fram en klimatanpassningsplan (2022)\n"
        "• Se över krisledningsplanen (hösten 2023)\n"
        "• Revidera riktlinjerna för tjänsteresor (2019)\n"
    )
    found = commitments(run(text, document_date=DAY))
    by_text = {f.text.split(" (")[0]: f.deadlines for f in found}
    assert by_text["Ta fram en klimatanpassningsplan"] == (date(2022, 12, 31),)
    assert by_text["Se över krisledningsplanen"] == (date(2023, 12, 31),)
    assert by_text["Revidera riktlinjerna för tjänsteresor"] == ()  # a year before the document: the item's history


@pytest.mark.parametrize(
    ("sentence", "deadline", "owner"),
    [
        (
            "Målet är att strategin under hösten 2021 ska beslutas i kommunfullmäktige.",
            date(2021, 12, 31),
            "kommunfullmäktige",
        ),
        ("MAS skriver senast den 1 mars varje år en patientsäkerhetsberättelse.", date(2022, 3, 1), "MAS"),
        ("Nyöppningen av biblioteket beräknas istället ske runt midsommar.", date(2021, 6, 26), None),
    ],
)
def test_a_decision_aimed_at_a_report_written_by_a_day_and_a_time_about_then(
    sentence: str, deadline: date, owner: str | None
) -> None:
    (found,) = commitments(run(sentence, document_date=DAY))
    assert found.deadlines[0] == deadline
    assert found.owner == owner


def test_what_the_public_may_send_in_by_a_day_is_no_promise() -> None:
    text = "Eventuella synpunkter kan lämnas senast den 2 september 2021 via e-post till registrator@kommun.se."
    assert commitments(run(text, document_date=DAY)) == []


def test_a_step_then_told_after_a_first_is_timed_after_it() -> None:
    text = (
        "Målsättningen är att ombyggnaden av biblioteket ska vara klar innan årets slut och därefter väntar "
        "inflyttning med öppning någon gång i vår."
    )
    found = commitments(run(text, document_date=DAY))
    assert [f.deadlines for f in found] == [(date(2021, 12, 31),), (date(2022, 6, 30),)]
