"""Reports and steps told in one breath: a yearly report over a span of years, an interim and a final report
named as nouns, work that starts at one time and is done at another, a time given as one of two, lists opened
by a timed "ska … redovisa:", and a stop whose space a web page lost. Sentences written by the team in the
shapes of agencies' and schools' pages."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2022, 8, 25)


def test_a_yearly_report_over_named_years_is_not_due_at_the_end_of_the_task() -> None:
    text = (
        "Uppdraget sträcker sig fram till 2027 och Statskontoret ska senast den 31 mars varje år, från och med "
        "2024 till och med 2027, redovisa hur arbetet fortskrider."
    )
    (found,) = commitments(run(text, today=DAY))
    assert found.deadlines == (date(2024, 3, 31),)
    assert found.recurrence is not None and "UNTIL=2027" in found.recurrence


def test_a_first_time_named_stays_the_deadline_of_a_yearly_report() -> None:
    text = (
        "Från och med verksamhetsåret 2023 kommer förvaltningen att redovisa resultaten i nämndens årliga "
        "kvalitetsrapport, första gången i oktober 2023."
    )
    (found,) = commitments(run(text, today=DAY))
    assert found.deadlines == (date(2023, 10, 31),)


def test_an_interim_and_a_final_report_named_as_nouns_are_two_commitments() -> None:
    text = (
        "Myndigheten för delaktighet ska lämna en delredovisning av uppdraget senast den 15 mars 2023 och "
        "slutredovisning senast den 30 september 2023 till Regeringskansliet (Socialdepartementet)."
    )
    found = commitments(run(text, today=DAY))
    assert sorted(f.deadlines for f in found) == [(date(2023, 3, 15),), (date(2023, 9, 30),)]
    final = next(f for f in found if f.deadlines == (date(2023, 9, 30),))
    assert "slutredovisning" in final.text and "delredovisning" not in final.text
    assert {f.owner for f in found} == {"Myndigheten för delaktighet"}


def test_work_that_starts_and_is_done_later_is_due_when_it_is_done() -> None:
    text = "Granskningen i kommunen startar i september och beräknas vara klar i november."
    found = commitments(run(text, today=DAY))
    assert [f.deadlines for f in found] == [(date(2022, 11, 30),)]
    works = "Arbetena utförs av entreprenören under sommaren och beräknas vara klara under hösten 2022."
    assert [f.deadlines for f in commitments(run(works, today=DAY))] == [(date(2022, 12, 31),)]
    # two steps, each a thing of its own to do, stay two
    two = "Förvaltningen startar utbildningen i september och ska redovisa resultatet i december."
    assert sorted(f.deadlines for f in commitments(run(two, today=DAY))) == [
        (date(2022, 9, 30),),
        (date(2022, 12, 31),),
    ]


def test_one_of_two_times_is_due_at_the_later() -> None:
    text = "Inspektionen planerar att komma i slutet av oktober eller i början av november."
    found = commitments(run(text, today=DAY))
    assert [f.deadlines for f in found] == [(date(2022, 11, 10),)]


def test_a_timed_ska_lead_in_opens_a_list_of_commitments() -> None:
    text = (
        "Myndigheten ska senast den 30 april 2023 redovisa:\n\n"
        "  • en beskrivning av kostnadsutvecklingen inom den nationella planen,\n"
        "  • en bedömning av vilka förbättringar som behövs.\n"
    )
    found = commitments(run(text, today=DAY))
    assert len(found) == 2
    assert all(f.deadlines == (date(2023, 4, 30),) for f in found)
    # without a time the lead-in lists what one task covers, as the government's decisions do
    untimed = "Myndigheten ska beskriva, analysera och bedöma:\n\n  • kostnaderna,\n  • förbättringarna.\n"
    assert len(commitments(run(untimed, today=DAY))) <= 1


def test_a_stop_without_its_space_still_ends_the_sentence() -> None:
    text = (
        "Myndigheten granskar alla skolor i kommunen och kommer under hösten att besöka fem av dessa.Tillsynen "
        "startar i september och beräknas vara klar i december."
    )
    found = commitments(run(text, today=DAY))
    assert sorted(f.deadlines for f in found) == [(date(2022, 12, 31),), (date(2022, 12, 31),)]
    assert any(f.text.startswith("Tillsynen") for f in found)


def test_the_government_s_own_funding_is_not_the_task_an_agency_reports() -> None:
    text = (
        "Uppdrag att kartlägga fuktskador i skolor\n\n"
        "Regeringens beslut\n\n"
        "Boverket har fått i uppdrag av regeringen att kartlägga fuktskador i skolbyggnader.\n\n"
        "Boverket får under 2023 använda 400 000 kronor för att genomföra uppdraget. För 2024 avser regeringen "
        "att avsätta ytterligare 400 000 kronor för fortsatt genomförande av uppdraget.\n\n"
        "Boverket ska redovisa uppdraget till Regeringskansliet (Finansdepartementet) senast den 31 december 2024.\n"
    )
    found = commitments(run(text, today=DAY))
    assert any(f.owner == "Boverket" and f.deadlines == (date(2024, 12, 31),) for f in found)
    assert not any(f.owner == "Regeringen" and f.deadlines == (date(2024, 12, 31),) for f in found)


def test_a_decision_to_be_taken_by_a_council_is_its_commitment() -> None:
    text = (
        "I dag presenterades ett förslag till äldreomsorgsplan för socialnämnden. "
        "Beslut tas av kommunfullmäktige i februari 2023."
    )
    found = commitments(run(text, today=DAY))
    assert [(f.owner, f.deadlines) for f in found] == [("kommunfullmäktige", (date(2023, 2, 28),))]


def test_a_task_given_as_a_noun_has_its_receiver_as_owner() -> None:
    text = (
        "Vidare föreslås att uppdrag ges till kommunens styrelse och nämnder att tillvarata alla möjligheter till "
        "besparingar, för att vid årets slut redovisa ett överskott mot budget."
    )
    found = commitments(run(text, today=DAY))
    assert [(f.owner, f.deadlines) for f in found] == [("kommunens styrelse och nämnder", (date(2022, 12, 31),))]


def test_work_named_once_and_taken_up_with_its_time_is_one_commitment() -> None:
    text = (
        "En oberoende utvärdering av regionens arbete under pandemin kommer att genomföras. Syftet är att "
        "organisationen ska dra lärdomar.\n\n"
        "Utvärderingen ska genomföras av en extern part och slutrapporten redovisas vid regionstyrelsens "
        "sammanträde den 30 mars 2023.\n"
    )
    found = commitments(run(text, today=DAY))
    assert [f.deadlines for f in found] == [(date(2023, 3, 30),)]


def test_how_a_thing_is_regarded_an_appointment_and_an_inquiry_s_proposal_are_no_commitments() -> None:
    for text in (
        "Hela regionen ska ses som upptagningsområde.",
        "Kommunstyrelsen beslutade i måndags att anställa Anna Berg som kommundirektör.",
        "Utredningen föreslår vidare att kommunen ska begränsa hyressättningen under 2023.",
    ):
        assert commitments(run(text, today=DAY)) == [], text
    assert len(commitments(run("Rutinen ska ses över under 2023.", today=DAY))) == 1


def test_a_report_owed_belongs_to_the_one_agency_that_owns_the_task() -> None:
    page = (
        "Pilotområden mot buller (2023)\n\n"
        "Naturvårdsverket ska i samarbete med Trafikverket och andra berörda aktörer identifiera åtgärder mot "
        "buller i ett antal pilotområden.\n\n"
        "Redovisning\n\n"
        "En plan för det fortsatta arbetet och finansiering ska redovisas senast den 30 september 2023.\n"
    )
    found = commitments(run(page, today=DAY))
    assert [f.owner for f in found if f.deadlines == (date(2023, 9, 30),)] == ["Naturvårdsverket"]
    decision = (
        "Regeringens beslut\n\n"
        "Regeringen beslutar att förlänga tiden för redovisning av uppdraget att utvärdera tillsynen. Uppdraget "
        "ska delredovisas till Regeringskansliet senast den 31 maj 2023.\n\n"
        "Skälen för regeringens beslut\n\n"
        "Livsmedelsverket kommer att genomföra insatser under innevarande och kommande år i arbetet med tillsynen.\n"
    )
    found = commitments(run(decision, today=DAY))
    assert [f.owner for f in found if f.deadlines == (date(2023, 5, 31),)] == ["Livsmedelsverket"]


def test_we_on_a_page_of_a_body_known_by_its_initials_is_that_body() -> None:
    text = (
        "Arbete på Storgatan\n\n"
        "VA SYD renoverar vatten- och avloppsledningar på Storgatan i Lund. Ledningarna är gamla och behöver "
        "förnyas.\n\n"
        "Under hösten kommer vi att renovera dricksvattenledningen.\n"
    )
    found = commitments(run(text, today=DAY))
    assert [(f.owner, f.deadlines) for f in found] == [("VA SYD", (date(2022, 12, 31),))]
    law = "Enligt LSS har alla rätt till stöd.\n\nUnder hösten kommer vi att se över rutinen.\n"
    assert [f.owner for f in commitments(run(law, today=DAY))] != ["LSS"]


def test_a_level_or_a_role_to_come_is_no_commitment() -> None:
    for text in (
        "Kommunalskatten kommer även 2023 att ligga på 21,61 kronor.",
        "Lokalbehovsanalysen kommer att utgöra underlag till kommunens lokalförsörjningsplan under 2023.",
    ):
        assert commitments(run(text, today=DAY)) == [], text
