"""What a plan describes rather than promises: the measures a budget decides on ("avgör vilka åtgärder som ska
genomföras"), a law quoted, a task declared done, the auditors' wish for an answer; and whom a plan names when it
does promise. Sentences written by the team in the shape of municipal plans, minutes and press releases."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, run

DAY = date(2022, 6, 15)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nämndernas budgetar avgör vilka åtgärder som ska genomföras av respektive förvaltning.",
        "Förvaltningen redovisar vilka insatser som ska genomföras.",
        "Enligt lag (2000:1383) om kommunernas bostadsförsörjningsansvar skall varje kommun planera "
        "bostadsförsörjningen, och riktlinjerna skall antas av kommunfullmäktige under varje mandatperiod.",
        "Stadsledningskontorets uppdrag att återkomma med förslag på åtgärder förklaras slutfört.",
        "Revisorerna önskar senast under februari 2023 få besked om vilka åtgärder som styrelser och nämnder "
        "vidtagit eller ämnar vidta.",
    ],
)
def test_described_not_promised(sentence: str) -> None:
    assert commitments(run(sentence, document_date=DAY)) == []


def test_a_plan_in_a_relative_clause_with_a_time_still_promises() -> None:
    text = "Nämnden tar fram en handlingsplan som ska vara klar under hösten 2022."
    (found,) = commitments(run(text, document_date=DAY))
    assert found.deadlines == (date(2022, 12, 31),)


def test_a_period_a_step_is_planned_to_run_is_done_by_its_end() -> None:
    text = "Granskningsperioden kommer troligtvis att pågå från och med december 2022 till februari 2023."
    (found,) = commitments(run(text, document_date=DAY))
    assert found.deadlines == (date(2023, 2, 28),)


def test_the_goals_horizon_is_no_deadline() -> None:
    text = (
        "Den årliga uppföljningen publiceras varje år som en rapport i november. Uppföljningen av de "
        "övergripande målen till 2040 finns alltid tillgänglig här."
    )
    (found,) = commitments(run(text, document_date=date(2023, 10, 24)))
    assert found.deadlines == (date(2023, 11, 30),)


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        (
            "Kommunstyrelsen har nu givit kommunchefen i uppdrag att återkomma med förslag på vidare hantering.",
            "kommunchefen",
        ),
        (
            "Samhällsbyggnad får i uppdrag av bygg- och miljönämnden att upprätta en detaljplan för området.",
            "Samhällsbyggnad",
        ),
        (
            "Länets sjukhus kommer på vissa vårdavdelningar att behålla antalet vårdplatser till och med oktober.",
            "Länets sjukhus",
        ),
    ],
)
def test_who_a_plan_names(sentence: str, owner: str) -> None:
    (found,) = commitments(run(sentence, document_date=DAY))
    assert found.owner == owner


def test_initials_a_sentence_spells_out_own_nothing_below_it() -> None:
    text = (
        "Kommunen har utbildat alla chefer i systematiskt arbetsmiljöarbete (SAM).\n\n"
        "Det kommer att kompletteras med kvartalsvisa träffar under hösten 2022."
    )
    (found,) = commitments(run(text, document_date=DAY))
    assert found.owner != "SAM"


@pytest.mark.parametrize(
    "sentence",
    [
        "Gång- och cykelvägen kommer att sträcka sig från Öjabykrysset till Härlövsvägen.",
        "Den nya stadsdelsparken kommer bland annat att erbjuda grönytor och en lekplats.",
    ],
)
def test_what_a_thing_will_be_like_is_no_promise(sentence: str) -> None:
    assert commitments(run(sentence, document_date=DAY)) == []


def test_an_actor_offering_still_promises() -> None:
    (found,) = commitments(run("Kommunen kommer att erbjuda sommarskola under 2023.", document_date=DAY))
    assert found.deadlines == (date(2023, 12, 31),)


def test_an_inverted_actor_offering_promises() -> None:
    text = "Under hösten 2022 kommer kulturskolan att erbjuda undervisning på distans."
    (found,) = commitments(run(text, document_date=DAY))
    assert found.deadlines == (date(2022, 12, 31),)
    assert found.owner == "kulturskolan"


def test_a_day_a_change_takes_effect_is_no_deadline() -> None:
    # The rule: when something takes effect or starts is not when it is due.
    text = "Från och med den 1 april 2023 ska räddningstjänsten ta över ledningen av insatserna."
    for found in commitments(run(text, document_date=DAY)):
        assert found.deadlines == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Det är inte fastslaget att alla sexton tåg kommer att beställas under 2023.",
        "Med deltagarnas erfarenhet är jag trygg med att vi kommer att hitta en bra grund under hösten 2022.",
        "Detta hus kommer att lyfta och utveckla tandvården i hela länet.",
    ],
)
def test_what_is_undecided_hoped_or_an_effect_is_no_promise(sentence: str) -> None:
    assert commitments(run(sentence, document_date=DAY)) == []


def test_an_actor_developing_still_promises() -> None:
    (found,) = commitments(run("Förvaltningen kommer att utveckla e-tjänsten under hösten 2022.", document_date=DAY))
    assert found.owner == "Förvaltningen"


def test_a_provision_cited_in_the_text_is_no_promise() -> None:
    text = "Vidare finns i 7 kap. 1 § att kvalitetsarbetet ska genomföras senast 2023."
    assert commitments(run(text, document_date=DAY)) == []
