"""The budget year as municipal news tells it: a decision scheduled at a body's meeting ("Budgeten klubbas av
kommunfullmäktige den 28 november"), tasks given to "kommunens nämnder", a supervisor's demand on the
municipality. Sentences written by the team in the shape of municipal news pages and protocols."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, recommendations, run

DAY = date(2019, 6, 25)


@pytest.mark.parametrize(
    ("sentence", "deadline", "owner"),
    [
        ("Budgeten klubbas slutgiltigt av kommunfullmäktige den 28 november.", date(2019, 11, 28), "kommunfullmäktige"),
        (
            "I höst fattar kommunfullmäktige det slutliga beslutet om budget 2020.",
            date(2019, 12, 31),
            "kommunfullmäktige",
        ),
        ("Beslut om själva budgeten för 2020 tas i november.", date(2019, 11, 30), None),
        (
            "Det slutgiltiga beslutet om budget 2020 sker sedan av kommunfullmäktige i november 2019.",
            date(2019, 11, 30),
            "kommunfullmäktige",
        ),
        (
            "Ärendet väntas behandlas vid kommunstyrelsens sammanträde den 27 augusti.",
            date(2019, 8, 27),
            "kommunstyrelsen",
        ),
    ],
)
def test_a_decision_scheduled_at_a_meeting_is_the_deciding_bodys(
    sentence: str, deadline: date, owner: str | None
) -> None:
    (found,) = commitments(run(sentence, document_date=DAY))
    assert found.deadlines == (deadline,)
    assert found.owner == owner


def test_what_follows_a_decision_told_in_the_past_is_ahead() -> None:
    text = (
        "Arbetsutskottet beslutade igår att anta förslaget, varefter ärendet kommer till kommunstyrelsen för "
        "beslut den 22 oktober."
    )
    (found,) = commitments(run(text, document_date=date(2019, 10, 8)))
    assert found.deadlines == (date(2019, 10, 22),)
    assert found.owner == "kommunstyrelsen"
    text = "Förslaget återremitterades, vilket betyder att ärendet skjuts upp till den 30 juli."
    (found,) = commitments(run(text, document_date=DAY))
    assert found.deadlines == (date(2019, 7, 30),)


def test_a_decision_in_the_past_alone_is_no_promise() -> None:
    text = "Arbetsutskottet beslutade igår att anta förslaget, och ärendet behandlades av kommunstyrelsen den 22 maj."
    assert commitments(run(text, document_date=DAY)) == []


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        (
            "På kommunfullmäktige den 4 februari fick kommunens nämnder i uppdrag att ta fram förslag på "
            "besparingar senast den 15 april.",
            "kommunens nämnder",
        ),
        (
            "Under maj och juni ska varje nämnd och styrelse fatta beslut om sin internbudget.",
            "varje nämnd och styrelse",
        ),
        ("Senast den 11 oktober ska regionledningen vara klar med sina åtgärder.", "regionledningen"),
        (
            "Beslutet innehåller även ett uppdrag till regionstyrelsen om att återkomma med förslag under hösten.",
            "regionstyrelsen",
        ),
        (
            "Skolinspektionen kräver att kommunen rättar till bristerna före den 15 januari 2020.",
            "kommunen",
        ),
    ],
)
def test_the_one_given_the_task_after_the_verb_owns_it(sentence: str, owner: str) -> None:
    (found,) = commitments(run(sentence, document_date=DAY))
    assert found.owner == owner


def test_a_body_approving_in_a_relative_clause_or_a_condition_is_not_the_owner() -> None:
    text = "Förvaltningen ska ta fram en ny plan under hösten som sedan antas av kommunfullmäktige."
    (found,) = commitments(run(text, document_date=DAY))
    assert found.owner == "Förvaltningen"
    text = "Om detaljplanen antas av kommunfullmäktige i juni, så påbörjas bygget av skolan under hösten 2020."
    (found,) = commitments(run(text, document_date=DAY))
    assert found.owner != "kommunfullmäktige"


def test_guidance_and_reasons_are_no_leadership() -> None:
    text = "Under hösten ska handledningen av nya lärare ses över."
    (found,) = commitments(run(text, document_date=DAY))
    assert found.owner is None


def test_two_months_said_under_are_one_stretch_of_work() -> None:
    (found,) = commitments(run("Under maj och juni 2020 ska nämnden fatta beslut om budgeten.", document_date=DAY))
    assert found.deadlines == (date(2020, 6, 30),)
    (found,) = commitments(run("Nämnden ska rapportera i maj och juni 2020.", document_date=DAY))
    assert found.deadlines == (date(2020, 5, 31), date(2020, 6, 30))


def test_the_auditors_coming_with_recommendations_recommend() -> None:
    text = (
        "Därefter kommer revisorerna med ett antal rekommendationer, som att låta genomföra en analys av "
        "konsekvenserna för målen."
    )
    ex = run(text, document_date=DAY)
    assert commitments(ex) == []
    assert len(recommendations(ex)) == 1


def test_the_board_preparing_the_matter_for_a_decision_is_a_step_of_its_own() -> None:
    text = (
        "Under juni månad ska nämnderna lämna ett yttrande över förslaget. Därefter bereder kommunstyrelsen "
        "ärendet för beslut i kommunfullmäktige i november."
    )
    found = commitments(run(text, document_date=date(2019, 5, 10)))
    assert [f.deadlines for f in found] == [(date(2019, 6, 30),), (date(2019, 11, 30),)]
