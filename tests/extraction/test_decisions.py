"""A decision that gives a task is read as those who follow it up read it (bot/extraction/decisions.py).

Every passage is copied from a DEV text in tests/data/extraction/real/ (named beside it; never from the
untouched part): the task is registered once, due when it is reported; an interim report is a commitment
of its own; a dated lead-in makes its list one commitment; what the task contains is no commitment.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, run

# 017_ru_uppdrag-att-utreda-anvandning-av-alternativa-anlaggningstekn.txt (lines 3-15, 21, shortened items)
DATED_LISTS = """# Uppdrag att utreda användning av alternativa anläggningstekniker

Regeringen uppdrar åt Trafikverket att ta fram en modell för hur anläggning av bredband i landsbygd kan ske \
inom statliga vägars vägområde.

Trafikverket ska senast den 15 november 2018

* Analysera, bedöma och föreslå var inom vägområdet anläggning av bredband kan ske om ytterslänt och släntfot \
inte kan användas.
* Identifiera risker som kan uppkomma vid anläggning av bredband i olika delar av vägområdet och användning av \
alternativa anläggningstekniker samt föreslå riskreducerande åtgärder.

Trafikverket ska senast den 31 december 2018

* Bedöma om den egna organisationen som hanterar ledningsärenden (så kallade grävtillstånd) bör utformas \
annorlunda, mot bakgrund av vad som framkommer i genomförandet av detta uppdrag.
"""


def test_a_dated_lead_in_makes_its_list_one_commitment_owned_by_its_subject() -> None:
    found = commitments(run(DATED_LISTS, today=date(2018, 7, 1), document_date=date(2018, 7, 1)))
    lists = [f for f in found if f.text.startswith("Trafikverket ska senast")]
    assert [f.deadlines for f in lists] == [(date(2018, 11, 15),), (date(2018, 12, 31),)]
    assert all(f.owner == "Trafikverket" for f in lists)
    assert "Identifiera risker" in lists[0].text  # the items are the commitment's text
    assert not any(f.text.startswith(("Analysera", "Identifiera", "Bedöma")) for f in found)


# 035_ru_uppdrag-om-utveckling-och-forvaltning-av-en-tjanst-for-utfar.txt (lines 3, 7-10, 19; items shortened)
UNDATED_LIST = """Regeringen uppdrar åt E-hälsomyndigheten utveckla och förvalta en tjänst för att utfärda \
vaccinationsbevis till dem som vaccinerats mot covid-19.

E-hälsomyndigheten ska:

* utveckla och förvalta en tjänst för utfärdande av vaccinationsbevis som möter EU:s specifikationer,
* ansvara för en tillhörande verifieringstjänst,
* säkerställa att det finns en organisation för förvaltning av tjänsten efter att tjänsten tagits i drift, och

Under arbetets gång ska E-hälsomyndigheten informera Regeringskansliet om hur arbetet går. Delredovisning \
lämnas senast den 30 september 2021. Slutredovisning presenteras senast den 15 juni 2023.
"""


def test_an_undated_list_is_the_tasks_content_and_the_reports_date_the_task_and_the_interim() -> None:
    found = commitments(run(UNDATED_LIST, today=date(2021, 6, 1), document_date=date(2021, 6, 1)))
    by_start = {f.text[:20]: f for f in found}
    task = by_start["Regeringen uppdrar å"]
    assert task.deadlines == (date(2023, 6, 15),)  # the final report is the task's deadline
    assert task.owner == "E-hälsomyndigheten"
    interim = [f for f in found if "Delredovisning" in f.text and "Slutredovisning" not in f.text]
    assert [f.deadlines for f in interim] == [(date(2021, 9, 30),)]
    assert not any(f.text.startswith(("utveckla", "ansvara", "säkerställa")) for f in found)


# Each pair: two adjacent sentences, two commitments with a deadline each.
TWO_REPORTS = [
    (  # 041_ru_uppdrag-att-ta-fram-diskussionsunderlag-om-eus-urbana-agenda.txt, line 16
        "Formas ska senast den 1 februari genom en rapport delredovisa uppdraget till Regeringskansliet "
        "(Finansdepartementet). Uppdraget ska slutredovisas i en rapport senast den 30 maj 2023 till "
        "Regeringskansliet.",
        date(2022, 6, 1),
        {date(2023, 2, 1), date(2023, 5, 30)},
    ),
    (  # 037_ru_uppdrag-att-analysera-regelfragor-sa-att-andelen-som-reser-m.txt, last paragraph
        "Uppdraget ska redovisas till Regeringskansliet (Infrastrukturdepartementet) senast den 31 oktober 2022. "
        "Den del av uppdraget som avser regler om enkelriktad trafik ska delredovisas till Regeringskansliet "
        "(Infrastrukturdepartementet) senast den 31 mars 2022.",
        date(2021, 10, 1),
        {date(2022, 10, 31), date(2022, 3, 31)},
    ),
]


@pytest.mark.parametrize(("text", "decided", "dates"), TWO_REPORTS, ids=["041", "037"])
def test_two_dated_reports_in_a_row_are_two_commitments(text: str, decided: date, dates: set[date]) -> None:
    found = commitments(run(text, today=decided, document_date=decided))
    assert sorted(len(f.deadlines) for f in found) == [1, 1]
    assert {f.deadlines[0] for f in found} == dates


# What the task contains, how it is done or paid for: in the decision, after its task.
CONTENT = [
    # 005_ru_uppdrag-att-ta-fram-underlag-infor-arbetet-med-en-svensk-fly.txt, line 20
    "Strategin ska främja ett bättre utnyttjande av befintliga resurser samt en bättre samordning mellan olika "
    "sektorsområden för att nå gemensamma mål.",
    # 029_ru_uppdrag-att-ta-fram-forslag-till-nationellt-regionalfondspro.txt, line 41
    "Potentialen med att öka samarbetet över gränserna inom EU ska tas tillvara.",
    # 029, line 95
    "Geografisk spridning i hela landet ska säkerställas.",
    # 031_ru_uppdrag-om-statens-skolverks-och-statens-skolinspektions-moj.txt, line 8
    "Skolverket ska också redovisa vilka konsekvenser detta får för skolhuvudmäns, andra myndigheters och "
    "enskildas möjligheter att få uppgifter från Skolverket.",
    # 041_ru_uppdrag-att-ta-fram-diskussionsunderlag-om-eus-urbana-agenda.txt, line 14
    "För uppdraget får Formas under 2022 använda 1 000 000 kronor som ska redovisas mot det under utgiftsområde 18 "
    "Samhällsplanering, bostadsförsörjning och byggande samt konsumentpolitik för budgetåret 2022 uppförda anslaget.",
    # 059_ru_uppdrag-till-statens-skolverk-att-forbereda-inforandet-av-en.txt, line 15
    "Skolverket ska därigenom bl.a. säkerställa att vetenskaplig empiri vad gäller elevers kognitiva utveckling "
    "beaktas.",
    # 060_ru_uppdrag-till-trafikanalys-att-forbereda-overforing-av-uppgif.txt, line 9
    "Vid behov ska Trafikanalys även samråda med Ekonomistyrningsverket som efter den 1 januari 2026 kommer att "
    "vara sammanslagen med Statskontoret.",
]
_TASK = "Regeringen uppdrar åt Skolverket att ta fram förslag till nya läroplaner.\n\n"


@pytest.mark.parametrize("sentence", CONTENT, ids=lambda s: s[:30])
def test_what_the_task_contains_is_no_commitment_of_its_own(sentence: str) -> None:
    found = commitments(run(_TASK + sentence + "\n", today=date(2020, 1, 1), document_date=date(2020, 1, 1)))
    assert [f.text[:30] for f in found] == [_TASK[:30]]


def test_the_same_sentences_in_an_answer_are_still_read_as_promises() -> None:
    # An answer to an audit is not a decision: "Skolverket ska också redovisa …" there stays a promise.
    answer = (
        "Rekommendation 1\nNämnden bör säkerställa att rutinerna är kända.\n\nNämndens svar:\n"
        "Förvaltningen ska också redovisa vilka konsekvenser detta får för skolorna senast den 31 maj 2020.\n"
    )
    found = commitments(run(answer, today=date(2020, 1, 1), document_date=date(2020, 1, 1)))
    assert [f.deadlines for f in found] == [(date(2020, 5, 31),)]


# 053_ru_uppdrag-till-livsmedelsverket-att-genomfora-atgarder-under-p.txt, lines 14 and 26
PERIODS = [
    "Livsmedelsverket ska under perioden 2026–2030, i dialog med Statens jordbruksverk och Naturvårdsverket, "
    "fortsätta att arbeta för att minska livsmedelsförluster och matsvinn i hela livsmedelskedjan.",
    "Livsmedelsverket ska under perioden 2026–2030 verka för en fortsatt utveckling av offentliga måltider.",
]


@pytest.mark.parametrize("sentence", PERIODS, ids=["matsvinn", "maltider"])
def test_work_during_a_period_is_due_at_its_end(sentence: str) -> None:
    found = commitments(run(sentence, today=date(2025, 3, 1), document_date=date(2025, 3, 1)))
    assert [f.deadlines for f in found] == [(date(2030, 12, 31),)]


# 043_ru_uppdrag-att-genomfora-en-granskning-och-uppfoljning-av-trafi.txt, lines 7-14 (the third item shortened)
YEARLY_LIST = """Regeringen ger Trafikanalys i uppdrag att granska och följa upp Trafikverkets \
kostnadskontroll.

Trafikanalys ska därefter till Regeringskansliet (Infrastrukturdepartementet) senast den 30 april årligen, \
från och med 2024 till och med 2028, redovisa:

− en övergripande beskrivning av problembilden med
kostnadsökningar för verksamheten inom nationell plan för
transportinfrastrukturen,
− en redogörelse för vilka förbättringsområden som Trafikanalys föreslår för vidare uppföljning och analys.
"""


def test_a_yearly_report_from_one_year_to_another_is_a_rhythm_that_ends() -> None:
    found = commitments(run(YEARLY_LIST, today=date(2022, 8, 1), document_date=date(2022, 8, 1)))
    yearly = [f for f in found if f.text.startswith("Trafikanalys ska därefter")]
    assert len(yearly) == 1
    assert yearly[0].deadlines == (date(2024, 4, 30),)  # the first report
    assert yearly[0].recurrence is not None and "UNTIL=20281231" in yearly[0].recurrence
    assert yearly[0].owner == "Trafikanalys"


def test_an_answer_that_gives_a_task_is_still_read_as_an_answer() -> None:
    # Written by the team: a committee's answer whose decision gives the administration a task.
    answer = (
        "Förslag till beslut\nNämnden ger förvaltningen i uppdrag att revidera rutinen för orosanmälan.\n\n"
        "Rekommendation 1\nNämnden bör säkerställa att rutinerna är kända.\n\nNämndens svar:\n"
        "Rutinen ska revideras och gås igenom med all personal.\n"
    )
    found = commitments(run(answer, today=date(2024, 3, 1), document_date=date(2024, 3, 1)))
    # Read as a decision, the undated passive "Rutinen ska revideras" would be the task's content.
    assert any(f.text.startswith("Rutinen ska revideras") for f in found)


# 040_ru_uppdrag-att-pa-prov-genomfora-fiskeriforvaltningsatgarder-so.txt (check part), lines 3 and 13
TRAWL = """Regeringen ger Havs- och vattenmyndigheten i uppdrag att genomföra ett tidsbegränsat vetenskapligt \
projekt som motsvarar en utflyttning av trålgränsen för fartyg som fiskar efter pelagiska arter i Östersjön.

Havs- och vattenmyndigheten ska ha en kontinuerlig dialog om uppdragets genomförande med Regeringskansliet \
(Näringsdepartementet). Myndigheten ska senast den 30 november 2022 och årligen i april från och med 2023 komma \
in med en lägesrapport om genomförandet av uppdraget till Regeringskansliet (Näringsdepartementet). Havs- och \
vattenmyndigheten ska därefter senast den 30 april 2027 lämna en slutredovisning av uppdraget till \
Regeringskansliet (Näringsdepartementet).
"""


def test_the_final_report_dates_the_task_ends_the_rhythm_of_reports_and_leaves_a_dialog_undated() -> None:
    found = commitments(run(TRAWL, today=date(2022, 8, 1), document_date=date(2022, 8, 1)))
    task = next(f for f in found if f.text.startswith("Regeringen ger"))
    assert task.deadlines == (date(2027, 4, 30),)
    yearly = next(f for f in found if "lägesrapport" in f.text)
    assert yearly.deadlines[0] == date(2022, 11, 30)
    assert yearly.recurrence is not None and "BYMONTH=4" in yearly.recurrence
    assert "UNTIL=20270429" in yearly.recurrence  # the last status report is the one before the final report
    dialog = [f for f in found if "kontinuerlig dialog" in f.text]
    assert all(not f.deadlines for f in dialog)  # a duty that goes on while the work does


# 030_ru_uppdrag_att_forbereda_programperioden.txt (check part), lines 3, 20 and 22 (shortened)
SUBTASK = """Regeringen uppdrar åt Tillväxtverket att förbereda och vidta de åtgärder som behövs för att vara \
förvaltande myndighet för regionalfondsprogrammen.

Tillväxtverket ska, utifrån regionala förslag, analysera och jämföra vilka indikatorer och målsättningar som \
inkluderas i respektive regionalt program.

Uppdraget ska redovisas till regeringen (Näringsdepartementet) senast den 31 oktober 2020.
"""


def test_what_a_decision_tells_the_agency_to_do_is_due_when_the_task_is_reported() -> None:
    found = commitments(run(SUBTASK, today=date(2020, 4, 1), document_date=date(2020, 4, 1)))
    assert len(found) == 2
    assert all(f.deadlines == (date(2020, 10, 31),) for f in found)
    sub = next(f for f in found if f.text.startswith("Tillväxtverket ska"))
    assert sub.deadline_note is not None and "from_task" in sub.deadline_note  # the review says where it came from


# 048_ru_uppdrag-att-for-kommunal-vuxenutbildning-ta-fram-kurser-i-ut.txt (check part), line 34, after its task
INTERIM_AND_FINAL = """Regeringen uppdrar åt Statens skolverk att ta fram kurser i svenska för invandrare.

Uppdraget ska delredovisas till Regeringskansliet (Utbildningsdepartementet) senast den 11 november 2024 och \
slutredovisas till senast den 15 december 2025.
"""


def test_an_interim_and_a_final_report_in_one_sentence_date_the_interim_and_the_task() -> None:
    found = commitments(run(INTERIM_AND_FINAL, today=date(2024, 4, 1), document_date=date(2024, 4, 1)))
    assert sorted(f.deadlines for f in found) == [(date(2024, 11, 11),), (date(2025, 12, 15),)]
    assert next(f for f in found if f.text.startswith("Regeringen")).deadlines == (date(2025, 12, 15),)

    # The same decision giving its task "enligt nedan", told in the sections after it
    # (048_ru_uppdrag-att-for-kommunal-vuxenutbildning…, check part): the lead is the task.
    below = INTERIM_AND_FINAL.replace(
        "uppdrar åt Statens skolverk att ta fram kurser i svenska för invandrare.",
        "ger Statens skolverk uppdrag enligt nedan.\n\nSkolverket ska ta fram kurser i svenska för invandrare.",
    )
    found = commitments(run(below, today=date(2024, 4, 1), document_date=date(2024, 4, 1)))
    lead = next(f for f in found if f.text.startswith("Regeringen"))
    assert (lead.owner, lead.deadlines) == ("Statens skolverk", (date(2025, 12, 15),))


# 004_ru_uppdrag-att-framja-anstallning-av-nyanlanda-i-de-grona-narin.txt (check part), line 7 (its end)
SAME_TIME = """Regeringen uppdrar åt Skogsstyrelsen att genomföra ett pilotprojekt för nyanlända i de gröna näringarna.

Medlen utbetalas engångsvis efter rekvisition ställd till Kammarkollegiet. Rekvisition ska ske senast den 15 \
november 2016. Medel som inte utnyttjats ska återbetalas till Kammarkollegiet senast den 31 januari 2017. Vid samma \
tidpunkt ska Skogsstyrelsen lämna en ekonomisk redovisning över använda medel till Regeringskansliet \
(Näringsdepartementet).
"""


def test_a_report_due_at_the_same_time_takes_the_date_before_it() -> None:
    found = commitments(run(SAME_TIME, today=date(2016, 3, 1), document_date=date(2016, 3, 1)))
    economic = [f for f in found if "ekonomisk redovisning" in f.text and not f.text.startswith("Regeringen")]
    assert [f.deadlines for f in economic] == [(date(2017, 1, 31),)]


def test_how_long_something_lasts_is_no_deadline() -> None:
    # 038_ru_uppdrag-att-anordna-en-forsoksverksamhet-med-kompletterande-.txt (check part), line 5
    text = (
        "Regeringen ger Linköpings universitet i uppdrag att anordna en försöksverksamhet.\n\n"
        "Försöksverksamheten ska startas upp under 2022 och pågå till och med den 31 januari 2028.\n"
    )
    found = commitments(run(text, today=date(2021, 12, 1), document_date=date(2021, 12, 1)))
    started = next(f for f in found if f.text.startswith("Försöksverksamheten"))
    assert started.deadlines == (date(2022, 12, 31),)


# 054_ru_uppdrag-till-tillvaxtverket-att-genomfora-atgarder-under-per.txt (check part), lines 3, 30-32 and the end
REPORTED_TWICE = """Regeringen ger Tillväxtverket i uppdrag att genomföra nedan angivna åtgärder.

2. Analyser av den samlade regelgivningen för den samlade livsmedelkedjan

   Uppdragstiden ligger fast. Uppdraget ska alltså slutredovisas senast den 28 februari 2026.

En slutredovisning av uppdraget och en ekonomisk redovisning per åtgärd ska lämnas till Regeringskansliet \
senast den 28 februari 2031.
"""


def test_a_task_reported_twice_is_due_at_its_last_report_and_the_earlier_stays() -> None:
    found = commitments(run(REPORTED_TWICE, today=date(2025, 3, 1), document_date=date(2025, 3, 1)))
    task = next(f for f in found if f.text.startswith("Regeringen ger"))
    assert task.deadlines == (date(2031, 2, 28),)
    assert any(f.deadlines == (date(2026, 2, 28),) and "slutredovisas" in f.text for f in found)


def test_an_interim_and_a_final_report_of_a_part_are_two_commitments() -> None:
    # 039_ru_uppdrag-att-genomfora-insatser-for-en-forbattrad-forlossning.txt (untouched part, after its one
    # run), line 8: a part of the task with an oral interim report and a final report in one sentence.
    text = (
        "Regeringen uppdrar åt Socialstyrelsen att genomföra insatser för en förbättrad förlossningsvård.\n\n"
        "Socialstyrelsen ska förbereda och stödja implementeringen av nationella riktlinjer för förlossningsvården. "
        "En muntlig delredovisning ska lämnas senast den 30 december 2022 och en slutredovisning ska lämnas "
        "senast den 31 maj 2023 till Regeringskansliet.\n"
    )
    found = commitments(run(text, today=date(2022, 4, 1), document_date=date(2022, 4, 1)))
    interim = [f for f in found if "muntlig delredovisning" in f.text]
    assert [f.deadlines for f in interim] == [(date(2022, 12, 30),)]
    assert any(f.deadlines == (date(2023, 5, 31),) and "slutredovisning" in f.text for f in found)


# Written by the team in the shape of a decision that gives a second agency a task in the inverted order
# (the agencies are real, the task is not).
SECOND_TASK = """Uppdrag att främja återbruk av byggmaterial

Regeringen ger Boverket i uppdrag att ta fram en vägledning om återbruk av byggmaterial.

Vidare ger regeringen Naturvårdsverket i uppdrag att kartlägga marknaden för återbrukat material.
"""


def test_a_second_task_given_in_the_inverted_order_is_that_agencys() -> None:
    day = date(2026, 11, 1)
    found = commitments(run(SECOND_TASK, today=day, document_date=day))
    assert {f.text.split()[0]: f.owner for f in found} == {"Regeringen": "Boverket", "Vidare": "Naturvårdsverket"}


@pytest.mark.parametrize("relative", ["som inte har använts", "som inte använts för avsett ändamål"])
def test_a_relative_clause_with_its_own_verb_leaves_ska_to_the_main_clause(relative: str) -> None:
    text = f"Uppdrag\n\nMedel {relative} ska återbetalas senast den 31 mars 2027 till Kammarkollegiet.\n"
    (paid_back,) = commitments(run(text, today=date(2026, 11, 1), document_date=date(2026, 11, 1)))
    assert paid_back.deadlines == (date(2027, 3, 31),)


@pytest.mark.parametrize(
    "about",
    [
        # 015_ru_… (dev part): the year the report is about
        "om uppdragets genomförande under 2023",
        # 042_ru_… (check part): the years what it estimates the costs of
        "samt uppskattade kostnader för att upprätthålla och erbjuda motsvarande utbud under 2024 och 2025",
    ],
)
def test_what_a_report_is_about_is_no_deadline_beside_the_day_it_is_due(about: str) -> None:
    day = date(2023, 6, 1)
    page = f"Uppdrag\n\nUniversitetet ska senast den 15 februari 2024 lämna en redovisning {about}.\n"
    (report,) = commitments(run(page, today=day, document_date=day))
    assert report.deadlines == (date(2024, 2, 15),)


def test_an_agency_named_after_ska_behind_a_fronted_clause_is_the_subject() -> None:
    # 054_ru_uppdrag-till-tillvaxtverket… (check part), line 66: a yearly interim report until the final one
    day = date(2025, 3, 1)
    page = (
        "Uppdrag till Tillväxtverket\n\nRegeringen uppdrar åt Tillväxtverket att genomföra åtgärder.\n\n"
        "För de åtgärder där inte annat framgår ska Tillväxtverket årligen, senast den 28 februari, lämna en "
        "delredovisning av uppdragets genomförande till Regeringskansliet.\n\n"
        "En slutredovisning av uppdraget ska lämnas till Regeringskansliet senast den 28 februari 2031.\n"
    )
    found = commitments(run(page, today=day, document_date=day))
    interim = next(f for f in found if "delredovisning" in f.text)
    assert (interim.owner, interim.deadlines[0]) == ("Tillväxtverket", date(2026, 2, 28))
    assert interim.recurrence is not None and "FREQ=YEARLY" in interim.recurrence
