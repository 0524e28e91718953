"""What a government decision says about HOW a task is done is no commitment of its own.

Readers of real decisions (tests/data/extraction/real/, gold beside each text) count the task, its
reports and anything with its own date; not the consultations the agency must hold, what it must take
into account, how the work is paid for, or what a report is to contain. Every sentence below is copied
from a text of its dev or check part (the file is named beside it; never from the untouched part).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, run

DECIDED = date(2020, 1, 1)


def _reported(sentence: str) -> bool:
    return bool(commitments(run(sentence, today=DECIDED, document_date=DECIDED)))


# Whom to consult and what to take into account: the manner of the work, not a task.
MANNER = [
    # 007_ru_uppdrag-att-utveckla-miljozonsbestammelserna.txt
    "Vid genomförandet av uppdraget ska Transportstyrelsen samråda med Naturvårdsverket, Trafikverket, "
    "Polismyndigheten, Sveriges Kommuner och Landsting samt företrädare för näringslivet.",
    # 011_ru_uppdrag-att-forbereda-och-medverka-i-genomforandet-av-strate.txt
    "Uppdraget ska utföras i nära samarbete med Regeringskansliets samordningsgrupp sammankallad av Sveriges "
    "nationella samordnare för EU:s strategi för Östersjöregionen.",
    # 011_ru_uppdrag-att-forbereda-och-medverka-i-genomforandet-av-strate.txt
    "Tillväxtverket ska därför samråda särskilt med företrädare för den lokala och regionala nivån i Sverige om "
    "utformningen av forumet.",
    # 017_ru_uppdrag-att-utreda-anvandning-av-alternativa-anlaggningstekn.txt
    "Trafikverket ska även beakta relevanta internationella erfarenheter av användning av sådana anläggningsmetoder.",
    # 023_ru_uppdrag-att-bedoma-och-vid-behov-foresla-forebyggande-atgard.txt
    "Uppdraget ska genomföras i nära dialog med Naturvårdsverket och SVA.",
    # 023_ru_uppdrag-att-bedoma-och-vid-behov-foresla-forebyggande-atgard.txt
    "Jordbruksverket ska i möjligaste mån beakta de synpunkter som framförs av nämnda myndigheter.",
    # 029_ru_uppdrag-att-ta-fram-forslag-till-nationellt-regionalfondspro.txt
    "Förslaget till program ska tas fram i dialog med regionerna och Gotlands kommun.",
    # 029_ru_uppdrag-att-ta-fram-forslag-till-nationellt-regionalfondspro.txt
    "Hänsyn ska vidare tas till förslaget till EU:s långsiktiga budget (MFF).",
    # 031_ru_uppdrag-om-statens-skolverks-och-statens-skolinspektions-moj.txt
    "Skolverket ska vid genomförandet av uppdraget även samråda med Statistiska centralbyrån (SCB).",
    # 041_ru_uppdrag-att-ta-fram-diskussionsunderlag-om-eus-urbana-agenda.txt
    "Vid genomförandet av uppdraget ska Formas inhämta synpunkter från ett urval av EU:s medlemsstater, "
    "Eurocities, Europeiska kommissionen, Boverket, Energimyndigheten, Vinnova, övriga myndigheter i Rådet för "
    "hållbara städer samt andra berörda statliga myndigheter.",
    # 043_ru_uppdrag-att-genomfora-en-granskning-och-uppfoljning-av-trafi.txt
    "Trafikanalys ska vid uppdragets genomförande samverka med Ekonomistyrningsverket.",
    # 060_ru_uppdrag-till-trafikanalys-att-forbereda-overforing-av-uppgif.txt
    "Trafikanalys ska samråda med Tillväxtanalys vid uppdragets genomförande.",
]

# How the task is paid for: a condition of the decision, not something to do.
FUNDING = [
    # 019_ru_uppdrag-att-inratta-en-nationell-samordnare-for-inrikes-sjof.txt
    "Utgifterna ska belasta det under utgiftsområde 22 Kommunikationer uppförda anslaget 1:1 Utveckling av "
    "statens transportinfrastruktur, anslagsposten 12.1 Planering, stöd och myndighetsutövning.",
    # 043_ru_uppdrag-att-genomfora-en-granskning-och-uppfoljning-av-trafi.txt
    "Den utveckling som behöver ske för att stärka Trafikverkets kostnadskontroll i verksamheterna ska ske inom "
    "ramen för det ekonomiadministrativa regelverk som gäller för staten.",
    # 047_ru_uppdrag-att-vidta-atgarder-for-planeringen-av-transportinfra.txt
    "Finansiering av åtgärderna i deluppdraget ska ske inom ramen för Trafik-verkets årliga anslag och "
    "genomförandet ska ske under förutsättning att övriga namngivna objekt i den nationella "
    "trafikslagsövergripande planen för transportinfrastrukturen för perioden 2022–2023 inte påverkas på ett "
    "sådant sätt att de behöver senareläggas.",
    # 049_ru_uppdrag-om-riktade-insatser-for-hogre-kunskapsresultat-och-o.txt
    "Verksamhetskostnader till följd av uppdraget ska belasta anslag 1:1 Statens skolverk.",
    # 060_ru_uppdrag-till-trafikanalys-att-forbereda-overforing-av-uppgif.txt
    "Organisationsförändringen ska genomföras på ett kostnadseffektivt sätt och hanteras inom befintliga "
    "ekonomiska ramar.",
]

# What a report is to contain: the content of a report counted elsewhere, with no date of its own.
CONTENT = [
    # 011_ru_uppdrag-att-forbereda-och-medverka-i-genomforandet-av-strate.txt
    "I detta sammanhang ska särskilt redovisas politiska och sakliga effekter nationellt och lokalt, "
    "Östersjöregionalt och på EU-nivå.",
    # 031_ru_uppdrag-om-statens-skolverks-och-statens-skolinspektions-moj.txt
    "För- och nackdelar med olika alternativ ska redovisas.",
    # 031_ru_uppdrag-om-statens-skolverks-och-statens-skolinspektions-moj.txt
    "Ekonomiska konsekvenser av författningsförslagen ska redovisas och beräknas för staten och kommunerna.",
    # 037_ru_uppdrag-att-analysera-regelfragor-sa-att-andelen-som-reser-m.txt
    "Konsekvenserna av eventuella författningsförslag ska beskrivas i enligt med vad som anges i förordningen "
    "(2007:1244) om konsekvensutredning vid regelgivning.",
    # 060_ru_uppdrag-till-trafikanalys-att-forbereda-overforing-av-uppgif.txt
    "Av redovisningen ska det även framgå hur de beräknade kostnaderna fördelar sig avseende tid före den "
    "1 januari 2027 och därefter.",
]

# Still commitments: the task, a report with its date, a duty with its own rhythm.
STILL = [
    # 031_ru_uppdrag-om-statens-skolverks-och-statens-skolinspektions-moj.txt
    "Uppdraget ska redovisas senast den 4 september 2020.",
    # 047_ru_uppdrag-att-vidta-atgarder-for-planeringen-av-transportinfra.txt
    "Delen om direkt extern medfinansiering ska redovisas till Regeringskansliet (Landsbygds- och "
    "infrastrukturdepartementet) senast den 31 maj 2024.",
    # 049_ru_uppdrag-om-riktade-insatser-for-hogre-kunskapsresultat-och-o.txt
    "Skolverket ska slutföra samverkansperioden för huvudmän i redan beslutade urvalsomgångar samt även övriga "
    "åtaganden som myndigheten har planerat för inom ramen för de två nuvarande uppdragen.",
    # 041_ru_uppdrag-att-ta-fram-diskussionsunderlag-om-eus-urbana-agenda.txt
    "Formas ska löpande informera Regeringskansliet (Finansdepartementet) om arbetet under uppdragets gång.",
    # 001_ru_s20123905fs.txt
    "Resultatet av uppföljningen ska redovisas senast den 15 april 2014.",
]


@pytest.mark.parametrize("sentence", MANNER)
def test_how_the_work_is_done_is_no_commitment(sentence: str) -> None:
    assert not _reported(sentence)


@pytest.mark.parametrize("sentence", FUNDING)
def test_how_the_work_is_paid_for_is_no_commitment(sentence: str) -> None:
    assert not _reported(sentence)


@pytest.mark.parametrize("sentence", CONTENT)
def test_what_a_report_contains_is_no_commitment(sentence: str) -> None:
    assert not _reported(sentence)


@pytest.mark.parametrize("sentence", STILL)
def test_tasks_and_dated_reports_still_are(sentence: str) -> None:
    assert _reported(sentence)


def test_more_of_the_task_for_its_agency_is_its_content_unless_it_has_a_time() -> None:
    # Written by the team in the shape of a government decision.
    decision = (
        "Uppdrag att utveckla stödet till besöksnäringen\n\n"
        "Regeringen uppdrar åt Tillväxtverket att utveckla stödet till besöksnäringen. "
        "Tillväxtverket ska därutöver föreslå eventuella justeringar av stödet. "
        "Tillväxtverket ska också senast den 1 mars 2021 lämna en delrapport. "
        "Uppdraget ska redovisas senast den 30 september 2021.\n"
    )
    found = commitments(run(decision, today=DECIDED, document_date=DECIDED))
    assert not any("justeringar" in f.text for f in found)
    assert {d for f in found for d in f.deadlines} == {date(2021, 3, 1), date(2021, 9, 30)}


# A step inside the work, opened by the part of the work it belongs to (dev and check parts of the corpus).
STEPS = [
    # 028_ru_uppdrag-att-gora-en-forhandsbedomning-avseende-finansierings.txt
    "I förhandsbedömningen ska Tillväxtverket analysera behov i branscher där det vanligtvis är långa ledtider "
    "för nya lösningar att nå marknaden samt behov utifrån olika typer av målgrupper.",
    # 048_ru_uppdrag-att-for-kommunal-vuxenutbildning-ta-fram-kurser-i-ut.txt
    "Vid utformningen av statsbidragsbestämmelserna ska Skolverket ta ställning till om bidrag bara ska få "
    "lämnas till samverkande kommuner som kan erbjuda en fortsättning på kurserna och yrkespaketen på gymnasial "
    "nivå.",
    # 055_ru_uppdrag-till-trafikverket-att-ta-fram-forslag-till-nationell.txt
    "Till grund för den samlade bedömningen ska Trafikverket upprätta och redovisa en systemkalkyl för "
    "förslaget till nationell plan.",
]


@pytest.mark.parametrize("step", STEPS)
def test_a_step_opened_by_the_part_of_the_work_it_belongs_to_is_the_tasks_content(step: str) -> None:
    # The task and its report from 028 (lines 3 and 18), the step between them.
    decision = (
        "Uppdrag att göra en förhandsbedömning\n\n"
        "Regeringen uppdrar åt Tillväxtverket att göra en förhandsbedömning avseende finansieringsinstrument "
        "inför programperioden 2021–2027.\n\n"
        f"{step}\n\n"
        "Uppdraget ska redovisas till regeringen (Näringsdepartementet) senast den 15 oktober 2020.\n"
    )
    found = commitments(run(decision, today=DECIDED, document_date=DECIDED))
    assert [(f.text[:20], f.deadlines) for f in found] == [("Regeringen uppdrar å", (date(2020, 10, 15),))]


def test_a_government_decision_has_no_recommendations() -> None:
    # Written by the team: the task's list reads like recommendations, but the government quotes no auditors.
    decision = (
        "Uppdrag att utveckla kunskapsstödet\n\n"
        "Regeringen uppdrar åt Läkemedelsverket att utveckla kunskapsstödet. Myndigheten bör därvid:\n\n"
        "* föreslå en lämplig process för nominering av läkemedel,\n"
        "* bedöma hur många bedömningar som myndigheten kan göra på ett år.\n\n"
        "Uppdraget ska redovisas senast den 30 september 2021.\n"
    )
    found = run(decision, today=DECIDED, document_date=DECIDED).findings
    assert [f.kind for f in found] == ["commitment"]
