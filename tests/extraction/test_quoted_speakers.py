"""Promises in reported speech: the quoted person's after "säger", or the one named after "Enligt"; a task given
as an "uppgift" or to a body by its own name. Articles written by the team in the shape of local papers'
reports on a committee."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2018, 4, 15)


def test_a_promise_in_the_first_person_is_the_quoted_speakers() -> None:
    text = (
        "— Jag kommer att läsa beslutet mer noggrant och ta upp det på nästa möte, säger socialnämndens "
        "ordförande Mats Antonsson (KD).\n\nAnnons\n"
    )
    (found,) = commitments(run(text, document_date=DAY))
    assert found.owner == "socialnämndens ordförande Mats Antonsson"


def test_the_first_person_with_no_speaker_named_is_no_owner() -> None:
    (found,) = commitments(run("Jag kommer att läsa beslutet mer noggrant under våren.", document_date=DAY))
    assert found.owner is None


def test_according_to_a_named_person_the_promise_is_theirs() -> None:
    text = "Enligt Lotta Edholm kommer man nu att göra sitt yttersta för att minska lärarnas arbetsbelastning."
    (found,) = commitments(run(text, document_date=DAY))
    assert found.owner == "Lotta Edholm"
    # "Enligt planen" names no one
    (found,) = commitments(run("Enligt planen kommer man att bygga om skolan under 2019.", document_date=DAY))
    assert found.owner != "planen"


def test_a_task_given_as_an_uppgift_is_a_task() -> None:
    text = "Socialförvaltningen får i uppgift att ta fram en ny plan för hemtjänsten till hösten 2024."
    (found,) = commitments(run(text, document_date=date(2024, 1, 10)))
    assert found.owner == "Socialförvaltningen"
    assert found.deadlines == (date(2024, 7, 31),)


def test_a_body_given_a_task_by_its_own_name_owns_it() -> None:
    text = (
        "Kommunstyrelsen beslutade den 7 juli 2015 att uppdra till Kommunfastigheter att senarelägga byggstarten "
        "för kulturhuset till hösten 2016."
    )
    (found,) = commitments(run(text, document_date=date(2015, 7, 7)))
    assert found.owner == "Kommunfastigheter"
