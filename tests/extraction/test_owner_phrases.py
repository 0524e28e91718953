"""Owners a sentence names in ways beyond "X ska": the body that decides at its meeting, the body a task is put to,
the agent of a passive, and the one who states what will be done. Sentences written by the team in the shape of
minutes, news pages and answers to auditors."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, run

DAY = date(2020, 11, 2)


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Kommunfullmäktige fattar slutgiltigt beslut om äldreplanen måndag 14 december 2020.", "Kommunfullmäktige"),
        ("Verksamhetsplanen ska fastställas vid nästa styrelsemöte den 16 november.", "styrelsen"),
        (
            "Nämnden beslutar att uppdra åt förvaltningen att flytta träden till Kunskapsparken under våren 2021.",
            "förvaltningen",
        ),
        (
            "Förvaltningen instämmer i revisorernas bedömning och meddelar att rutinerna kommer att ses över under "
            "våren 2021.",
            "Förvaltningen",
        ),
        (
            "Simhallen ska tas upp i kommunfullmäktige i slutet av november för beslut om genomförande.",
            "kommunfullmäktige",
        ),
        (
            "Dessa förslag kommer nu att beredas/utredas av kommunens förvaltningar och sedan beslutas i nämnderna "
            "under 2021.",
            "kommunens förvaltningar",
        ),
    ],
)
def test_the_owner_named(sentence: str, owner: str) -> None:
    (found,) = commitments(run(sentence, document_date=DAY))
    assert found.owner == owner


def test_a_decision_at_the_next_meeting_in_minutes_is_the_minutes_committee() -> None:
    text = (
        "SAMMANTRÄDESPROTOKOLL\nKultur- och fritidsnämnden\n2008-09-16\n\n§ 85 Internbudget 2009\n\n"
        "Förvaltningschefen presenterade ett diskussionsunderlag.\n\nBeslut fattas på oktobersammanträdet.\n"
    )
    (found,) = commitments(run(text, document_date=date(2008, 9, 16)))
    assert found.owner == "Kultur- och fritidsnämnden"
    assert found.deadlines == (date(2008, 10, 31),)


def test_they_after_a_plural_owner_is_that_owner() -> None:
    text = (
        "I februari fick kommunens nämnder i uppdrag att presentera förslag på besparingar under våren 2021. "
        "De fick också i uppdrag att ta fram konsekvensbeskrivningar under hösten 2021."
    )
    found = commitments(run(text, document_date=DAY))
    assert [f.owner for f in found] == ["kommunens nämnder", "kommunens nämnder"]


def test_they_after_a_single_owner_is_no_one() -> None:
    text = "Förvaltningen ska ta fram en plan under våren 2021. De ska också utbilda personalen under hösten 2021."
    found = commitments(run(text, document_date=DAY))
    assert found[-1].owner != "Förvaltningen"


def test_we_after_a_joined_committee_name_is_that_committee() -> None:
    text = (
        "Kultur- och fritidsnämndens arbetsutskott beslutade idag att föreslå nämnden att ta tillbaka beslutet.\n\n"
        "- Ytterligare utredningar behövs, säger Gerd Olsson som är ordförande i kultur- och fritidsnämnden.\n\n"
        "- Nu kommer vi göra en fördjupad utredning av lokalerna under våren 2021, säger Gerd Olsson."
    )
    found = commitments(run(text, document_date=DAY))
    assert found[-1].owner in ("kultur- och fritidsnämnden", "Gerd Olsson")
    assert found[-1].owner != "fritidsnämnden"


def test_a_company_by_its_registered_name_owns_its_promise() -> None:
    text = "Norlandia Care AB skall inkomma med uppdaterade handlingsplaner månatligen under 2021."
    (found,) = commitments(run(text, document_date=DAY))
    assert found.owner == "Norlandia Care AB"


def test_the_day_news_was_told_is_no_deadline() -> None:
    text = (
        "Onsdagen den 28 juni meddelade kommunstyrelsens ordförande att hon gett kommunchefen i uppdrag att ta "
        "fram beslutsunderlag för en ny simhall."
    )
    (found,) = commitments(run(text, document_date=date(2023, 8, 15)))
    assert found.deadlines == ()
    assert found.owner == "kommunchefen"
