"""An agency's own page about a task it was given: who owns what follows, and report dates that have passed.

Pages written by the team in the shape of state agencies' pages on government assignments ("Regeringsuppdrag",
"Senast uppdaterad: …"); the agencies named are real, the tasks are not.
"""

from __future__ import annotations

from datetime import date

from bot.extraction.agencies import assigned_agency, receiving_agency
from bot.language.normalize import match_text
from tests.extraction.helpers import commitments, cue_reason, run

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


def _found(page: str, day: date) -> list[tuple[str, tuple[date, ...]]]:
    return [(f.text, f.deadlines) for f in commitments(run(page, document_date=day, today=day))]


def test_an_interim_and_a_final_report_in_one_sentence_are_two_commitments() -> None:
    day = date(2026, 3, 1)
    page = "Uppdrag\n\nUppdraget ska delredovisas senast den 1 april 2026 och slutredovisas senast den 1 april 2027.\n"
    found = _found(page, day)
    assert [d for _, d in found] == [(date(2026, 4, 1),), (date(2027, 4, 1),)]
    assert found[1][0].startswith("Uppdraget … slutredovisas")
    page = (
        "Uppdrag\n\nEn delredovisning ska lämnas senast den 30 juni 2026 och slutredovisningen ska lämnas "
        "senast den 30 juni 2027.\n"
    )
    assert [d for _, d in _found(page, day)] == [(date(2026, 6, 30),), (date(2027, 6, 30),)]
    # Read after the interim report was due: its limit has passed and is still its deadline.
    page = "Uppdrag\n\nUppdraget ska delredovisas senast den 1 april 2026 och slutredovisas senast den 1 april 2027.\n"
    assert [d for _, d in _found(page, date(2026, 9, 1))] == [(date(2026, 4, 1),), (date(2027, 4, 1),)]


def test_reports_in_the_present_and_orders_with_a_limit() -> None:
    day = date(2026, 3, 1)
    # A rhythm on a named day is first due on the next one, here the page's own day.
    assert [d for _, d in _found("Styrning\n\nSenast den 1 mars varje år lämnar vi ett budgetunderlag.\n", day)] == [
        (day,)
    ]
    order = "Tillsyn\n\nSkolinspektionen kräver att kommunen rättar till bristerna före den 2 november 2026.\n"
    assert [d for _, d in _found(order, day)] == [(date(2026, 11, 1),)]
    term = "Tillsyn\n\nKommunerna har på sig till den 15 mars 2026 för att redovisa sina åtgärder.\n"
    assert [d for _, d in _found(term, day)] == [(date(2026, 3, 15),)]


def test_a_yearly_report_from_a_first_day_and_an_assessment_to_deliver() -> None:
    page = (
        "Uppdrag\n\nUnder strategiperioden ska Folkhälsomyndigheten årligen, med start 1 maj 2026, lämna en "
        "rapport om verksamheten och en bedömning av dess samlade resultat.\n"
    )
    (report,) = commitments(run(page, document_date=date(2026, 2, 1), today=date(2026, 2, 1)))
    assert report.deadlines == (date(2026, 5, 1),)
    assert report.recurrence is not None and "BYMONTH=5" in report.recurrence


def test_a_yearly_report_on_a_named_day_is_first_due_on_the_next_one() -> None:
    page = "Uppdrag\n\nSocialstyrelsen ska senast den 31 mars varje år lämna en lägesrapport om tandvården.\n"
    (report,) = commitments(run(page, document_date=date(2026, 5, 1), today=date(2026, 5, 1)))
    assert report.deadlines == (date(2027, 3, 31),)
    assert report.recurrence is not None and "BYMONTHDAY=31" in report.recurrence
    # "årligen" alone names no day: a rhythm, with no first date made up.
    (yearly,) = commitments(run(page.replace("senast den 31 mars varje år", "årligen"), today=date(2026, 5, 1)))
    assert yearly.deadlines == () and yearly.recurrence is not None


def test_a_list_after_an_inverted_subject_is_the_agencys_tasks() -> None:
    page = (
        "Samordning\n\nI förhållande till stödet ska Energimyndigheten:\n\n"
        "  • Vägleda länsstyrelserna i deras arbete\n"
        "  • Göra uppföljning av beviljade åtgärder\n"
    )
    found = commitments(run(page, document_date=date(2026, 2, 1), today=date(2026, 2, 1)))
    assert [f.text.split()[0] for f in found] == ["Vägleda", "Göra"]


def test_the_report_of_a_task_belongs_to_the_agency_named_for_it() -> None:
    day = date(2026, 3, 1)
    given = (
        "Uppdrag\n\nRegeringen har gett Livsmedelsverket i uppdrag att ta fram en arbetsplan. "
        "Uppdraget ska redovisas senast den 30 april 2026.\n"
    )
    owners = [f.owner for f in commitments(run(given, document_date=day, today=day))]
    assert owners and set(owners) == {"Livsmedelsverket"}
    subject = (
        "Uppdrag\n\nJämställdhetsmyndigheten ska följa upp länsstrategierna.\n\n"
        "Uppdraget ska redovisas senast den 1 oktober 2026.\n"
    )
    report = next(f for f in commitments(run(subject, document_date=day, today=day)) if f.deadlines)
    assert report.owner == "Jämställdhetsmyndigheten"
    # A sentence that does not point back to the task is nobody's by that rule (and on a page naming two
    # agencies, whose page it is is not known either).
    other = subject.replace("Uppdraget ska redovisas", "Vägen ska i samråd med Trafikverket asfalteras")
    road = next(f for f in commitments(run(other, document_date=day, today=day)) if f.deadlines)
    assert road.owner is None


def test_the_second_step_is_the_clause_from_its_conjunction() -> None:
    text = "Uppdrag\n\nUppdraget ska delredovisas senast den 1 april 2026 och slutredovisas senast den 1 april 2027.\n"
    found = commitments(run(text, document_date=date(2026, 3, 1), today=date(2026, 3, 1)))
    assert text[found[1].span[0] : found[1].span[1]].startswith("och slutredovisas")


def test_what_a_task_rests_on_or_money_is_spent_on_is_no_task() -> None:
    assert cue_reason("Informationen ska grundas på undersökningar av god kvalitet.") is None
    assert cue_reason("Pengarna ska i första hand användas för att stödja nya samarbetsformer.") is None
    # A task whose object is used later still is one.
    assert (
        cue_reason("Universitetskanslersämbetet ska lämna förslag på kriterier som kan användas vid prövningen.")
        == "ska"
    )
    assert cue_reason("Kommunen ska bygga en ny skola under 2027.") == "ska"


def test_agencies_named_by_initials_and_who_a_relative_clause_only_describes() -> None:
    day = date(2026, 3, 1)
    page = "Uppdrag\n\nMFoF ska stödja kommunerna.\n\nUppdraget ska redovisas senast den 1 april 2026.\n"
    report = next(f for f in commitments(run(page, document_date=day, today=day)) if f.deadlines)
    assert report.owner == "MFoF"
    lead = (
        "Samordning\n\nI förhållande till stödet ska Energimyndigheten:\n\n"
        "  • Vägleda länsstyrelserna och Naturvårdsverket som ansvarar för Klimatklivet\n"
    )
    (item,) = commitments(run(lead, document_date=day, today=day))
    assert item.owner == "Energimyndigheten"


def test_a_dated_task_in_a_relative_clause_with_a_named_subject() -> None:
    page = (
        "Nytt uppdrag\n\nUppdraget innehåller frågor som Arbetsförmedlingen ska analysera och sedan "
        "återrapportera senast den 1 november 2026.\n"
    )
    (task,) = commitments(run(page, document_date=date(2026, 5, 9), today=date(2026, 5, 9)))
    assert task.deadlines == (date(2026, 11, 1),) and task.owner == "Arbetsförmedlingen"
    # Without a time it only describes the questions.
    undated = "Rutiner\n\nRutinen beskriver de frågor som nämnden ska ta ställning till.\n"
    assert commitments(run(undated, document_date=date(2026, 5, 9), today=date(2026, 5, 9))) == []


def test_a_task_told_on_a_page_is_due_when_it_is_reported() -> None:
    day = date(2026, 1, 10)
    page = (
        "Nya uppdrag 2026\n\nGrov fridskränkning\n\nBrå ska följa upp brottet grov fridskränkning. "
        "I det ingår att beskriva brotten. Brå ska även undersöka vilket stöd målsäganden får. "
        "Uppdraget ska redovisas till Regeringskansliet senast den 15 juni 2027.\n"
    )
    found = commitments(run(page, document_date=day, today=day))
    assert [f.text.split()[:2] for f in found] == [["Brå", "ska"], ["Brå", "ska"]]
    assert {f.deadlines for f in found} == {(date(2027, 6, 15),)}
    # Another body's task before the report: the report is not Brå's, and Brå's task stays undated.
    other = page.replace("Brå ska även undersöka", "Polisen ska även undersöka")
    first = commitments(run(other, document_date=day, today=day))
    assert [f.deadlines for f in first if f.owner == "Brå"] == [()]


def test_a_time_fronted_before_a_verb_in_the_past_is_when_it_happened() -> None:
    page = "Nya uppdrag\n\nI början av december fick Kulturrådet i uppdrag att ta initiativ till en bokserie.\n"
    (task,) = commitments(run(page, document_date=date(2026, 1, 10), today=date(2026, 1, 10)))
    assert task.deadlines == ()
    # A time after the verb is still the task's.
    dated = "Nya uppdrag\n\nKulturrådet fick i uppdrag att under 2026 ta fram en bokserie.\n"
    (task,) = commitments(run(dated, document_date=date(2026, 1, 10), today=date(2026, 1, 10)))
    assert task.deadlines == (date(2026, 12, 31),)


def test_what_a_decision_brings_and_what_it_does_not() -> None:
    assert cue_reason("Polismyndigheten får därför uppdraget att själva utveckla den interna styrningen.") == "assign"
    assert cue_reason("Nytt i regleringsbrevet är att nämnden ska analysera och bedöma resultatet under 2026.") == "ska"
    assert cue_reason("Uppdraget innebär inte att Trafikanalys ska göra en utvärdering av beslutet.") is None


def test_an_agency_named_with_an_apposition_and_one_given_the_responsibility() -> None:
    def given(sentence: str) -> str | None:
        return assigned_agency(sentence, match_text(sentence).folded)

    assert given("Regeringen uppdrar åt Naturvårdsverket, som samordnande myndighet, att utveckla tillsynen.") == (
        "Naturvårdsverket"
    )
    # A list of agencies keeps its commas.
    assert given("Regeringen uppdrar åt Skolverket, Skolinspektionen och SPSM att samverka.") == (
        "Skolverket, Skolinspektionen och SPSM"
    )
    sentence = "MFoF får ansvaret att stödja genomförandet av strategin."
    assert receiving_agency(sentence, match_text(sentence).folded) == "MFoF"


def test_we_who_hand_in_a_report_are_the_body_named_before() -> None:
    page = (
        "Styrning och uppföljning\n\nSkolverket styrs av regeringen genom instruktion och regleringsbrev.\n\n"
        "Senast den 1 mars varje år lämnar vi ett budgetunderlag till regeringen.\n"
    )
    (report,) = commitments(run(page, document_date=date(2026, 1, 10), today=date(2026, 1, 10)))
    assert report.owner == "Skolverket"


def test_a_report_told_in_the_lead_and_exactly_further_on_is_one_commitment() -> None:
    page = (
        "Nytt uppdrag om samverkan\n\nNu startar arbetet med ett nytt uppdrag. Uppdraget ska redovisas i slutet "
        "av 2027.\n\nUKÄ har fått i uppdrag av regeringen att utvärdera samverkan. Uppdraget nämndes redan i "
        "propositionen och ska redovisas för Utbildningsdepartementet 31 oktober 2027.\n"
    )
    found = _found(page, date(2026, 5, 8))
    assert [d for _, d in found] == [(date(2027, 10, 31),)]


def test_the_agencies_in_the_plural_own_what_they_shall_do() -> None:
    # Written by the team in the shape of an agency's page on a task given to all agencies.
    page = (
        "Praktik i staten\n\nMyndigheterna ska senast den 1 oktober 2026 redovisa till Statskontoret hur "
        "uppdraget genomförs.\n\nMyndigheterna ska också löpande redovisa vilka åtgärder de har vidtagit.\n"
    )
    found = commitments(run(page, document_date=date(2026, 6, 1), today=date(2026, 6, 1)))
    assert [f.owner for f in found] == ["Myndigheterna", "Myndigheterna"]


def test_a_task_pages_end_date_field_dates_its_undated_tasks() -> None:
    # Written by the team in the shape of an agency's page listing a task given to the county boards.
    page = (
        "Regionala insatser mot våld i nära relationer\n\n"
        "Länsstyrelserna ska ta fram regionala handlingsplaner. Länsstyrelsen Östergötland ska bidra med "
        "kompetensstöd till övriga länsstyrelser. Länsstyrelserna ska underlätta insatser på regional nivå.\n\n"
        "Startdatum: 01 januari 2027\n\nSlutdatum: 31 december 2027\n"
    )
    found = commitments(run(page, document_date=date(2027, 1, 1), today=date(2027, 1, 1)))
    assert [(f.owner, f.deadlines) for f in found] == [
        ("Länsstyrelserna", (date(2027, 12, 31),)),
        ("Länsstyrelsen Östergötland", (date(2027, 12, 31),)),
        ("Länsstyrelserna", (date(2027, 12, 31),)),
    ]


def test_an_end_date_field_dates_a_task_page_read_as_a_decision() -> None:
    # Written by the team in the shape of an agency's page on a task, titled as a decision is.
    page = (
        "Uppdrag för särskilda åtaganden\n\n"
        "Lunds universitet ska bedriva forskning om mäns våld mot kvinnor.\n\n"
        "Startdatum: 01 januari 2027\n\nSlutdatum: 01 januari 2028\n"
    )
    found = commitments(run(page, document_date=date(2027, 1, 1), today=date(2027, 1, 1)))
    assert [(f.owner, f.deadlines) for f in found] == [("Lunds universitet", (date(2028, 1, 1),))]


def test_tasks_reported_together_and_a_subject_after_its_partners() -> None:
    # Written by the team in the shape of a research funder's page on two government tasks.
    page = (
        "Nytt uppdrag\n\n"
        "Forte får i uppdrag av regeringen att lämna underlag inför den kommande propositionen.\n\n"
        "Tillsammans med Formas, Vinnova och Vetenskapsrådet ska Forte också genomföra en gemensam analys.\n\n"
        "Uppdragen ska redovisas till regeringen senast den 31 oktober 2027.\n"
    )
    found = commitments(run(page, document_date=date(2027, 3, 1), today=date(2027, 3, 1)))
    assert [(f.owner, f.deadlines) for f in found] == [("Forte", (date(2027, 10, 31),))] * 2


def test_a_task_reported_is_never_joined_to_work_that_goes_on_as_before() -> None:
    # Written by the team in the shape of an agency's news page about an inquiry into merging it with another.
    page = (
        "Eventuell sammanslagning utreds\n\n"
        "Statens medieråd fortsätter sitt arbete med att stärka barn och unga som medvetna medieanvändare.\n\n"
        "Den som ska biträda departementet med utredningen är en särskild utredare. "
        "Uppdraget ska redovisas senast den 15 augusti.\n"
    )
    day = date(2022, 3, 17)
    found = commitments(run(page, document_date=day, today=day))
    reports = [f for f in found if f.text.startswith("Uppdraget")]
    assert [f.deadlines for f in reports] == [(date(2022, 8, 15),)]
    assert all(not f.deadlines for f in found if "fortsätter" in f.text)


def test_an_agencys_duty_to_report_in_its_regleringsbrev_is_a_commitment() -> None:
    # Real sentences from a regleringsbrev (Kammarkollegiet, budgetåret 2019; the fresh web batches).
    letter = (
        "Regleringsbrev för budgetåret 2019 avseende Kammarkollegiet\n\n"
        "Mål och återrapporteringskrav\n\n"
        "Myndigheten ska redovisa åtgärder för att bibehålla kvaliteten i handläggningen och för att "
        "effektivisera verksamheten.\n\n"
        "Myndigheten ska senast den 1 mars 2019 lämna en redogörelse för utvecklingen av public service-kontot.\n"
    )
    day = date(2018, 12, 20)
    found = commitments(run(letter, document_date=day, today=day))
    # the letter's heading names the agency "Myndigheten" points back to
    assert [(f.owner, f.deadlines) for f in found] == [
        ("Kammarkollegiet", ()),
        ("Kammarkollegiet", (date(2019, 3, 1),)),
    ]
