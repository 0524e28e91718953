"""How a government decision is read: what is one commitment, and whose.

Excerpts from the real corpus (`tests/data/extraction/real/`, government decisions, public documents),
shortened where marked.
"""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

# 006_ru_uppdrag-att-ta-fram-vagledning-och-foreskrifter-till-bestamm.txt (lines 1-3, 11)
SUMMARY_OF_MEASURES = """# Uppdrag att ta fram vägledning och föreskrifter till bestämmelserna om tillfälliga \
anläggningsboenden

Regeringen uppdrar åt Boverket att, enligt 10 kap. 3 a § plan- och byggförordningen (2011:338), ta fram \
vägledning och föreskrifter beträffande i vilken utsträckning som kraven på tekniska egenskaper och utformning \
i fråga om tillfälliga anläggningsboenden ska anpassas. Arbetet ska ges hög prioritet i Boverkets verksamhet.

Boverket ska redovisa en sammanställning över de åtgärder som myndigheten har vidtagit med anledning av \
uppdraget senast den 30 augusti 2016 till Regeringskansliet (Näringsdepartementet).
"""

# 016_ru_uppdrag-att-stodja-regionala-dialoger-och-strategier.txt (lines 1-3, 20)
FOLLOW_UP_EACH_YEAR = """# Uppdrag att, inom ramen för det nationella skogsprogrammet, stödja regionala \
dialoger och strategier

Regeringen uppdrar åt Skogsstyrelsen att fördela medel till regionala insatser som stödjer det nationella \
skogsprogrammets vision.

En ekonomisk uppföljning med en redogörelse över hur beviljade medel har bidragit eller förväntas bidra till \
arbetet med skogsprogrammets genomförande ska lämnas till Regeringskansliet (Näringsdepartementet) senast den \
28 februari 2019, respektive för insatserna under 2019 senast den 28 februari 2020.
"""

# 015_ru_uppdrag-att-inom-ramen-for-det-nationella-skogsprogrammet-ut.txt (lines 1-3, 20, 22-23, shortened)
TWO_REPORTS = """# Uppdrag att inom ramen för det nationella skogsprogrammet utveckla utbildning i \
adaptiv älgförvaltning

Regeringen uppdrar åt Sveriges lantbruksuniversitet (SLU) att uppdatera, utveckla och förenkla befintligt \
utbildningspaket i adaptiv älgförvaltning.

SLU ska senast den 28 februari 2019 lämna in en verksamhetsrapport till Regeringskansliet \
(Näringsdepartementet) om uppdragets genomförande under 2018.

En ekonomisk uppföljning ska lämnas senast den 15 mars 2019 till Regeringskansliet (Näringsdepartementet).
"""

DECIDED = date(2015, 12, 1)


def test_the_one_report_to_the_government_dates_the_task_and_is_no_second_commitment() -> None:
    found = commitments(run(SUMMARY_OF_MEASURES, today=DECIDED, document_date=DECIDED))
    assert [(f.owner, f.deadlines) for f in found] == [("Boverket", (date(2016, 8, 30),))]


def test_a_report_due_on_two_days_dates_the_task_on_both() -> None:
    found = commitments(run(FOLLOW_UP_EACH_YEAR, today=date(2018, 6, 1), document_date=date(2018, 6, 1)))
    assert len(found) == 1
    assert found[0].text.startswith("Regeringen uppdrar")
    assert found[0].deadlines == (date(2019, 2, 28), date(2020, 2, 28))


def test_of_two_reports_the_one_about_the_task_dates_it_and_the_other_stays() -> None:
    found = commitments(run(TWO_REPORTS, today=date(2018, 6, 1), document_date=date(2018, 6, 1)))
    task = next(f for f in found if f.text.startswith("Regeringen uppdrar"))
    assert task.deadlines == (date(2019, 2, 28),)
    assert not any("verksamhetsrapport" in f.text for f in found)
    assert any(f.deadlines == (date(2019, 3, 15),) and "ekonomisk uppföljning" in f.text for f in found)


# 054_ru_uppdrag-till-tillvaxtverket-att-genomfora-atgarder-under-per.txt (lines 3, 15, shortened)
MEASURE_SPELLED_OUT = """# Uppdrag till Tillväxtverket att genomföra åtgärder under perioden 2025–2030

Regeringen ger Tillväxtverket i uppdrag att genomföra nedan angivna åtgärder.

Tillväxtverket ska under perioden 2026–2030 utlysa medel för regionala tematiska kraftsamlingar utifrån de tre \
fokusområdena i Livsmedelsstrategin 2.0. Tillväxtverket ska identifiera tematiska områden i dialog med regioner \
och länsstyrelser.

En slutredovisning av uppdraget ska lämnas till Regeringskansliet senast den 28 februari 2031.
"""

# 041_ru_uppdrag-att-ta-fram-diskussionsunderlag-om-eus-urbana-agenda.txt (the paragraph of its reports, shortened)
INFORMED_ALONG_THE_WAY = """# Uppdrag att ta fram diskussionsunderlag om EU:s urbana agenda

Regeringen ger Formas i uppdrag att ta fram ett diskussionsunderlag om EU:s urbana agenda.

Formas ska senast den 1 februari 2023 genom en rapport delredovisa uppdraget till Regeringskansliet \
(Finansdepartementet). Uppdraget ska slutredovisas i en rapport senast den 30 maj 2023 till Regeringskansliet. \
Formas ska löpande informera Regeringskansliet (Finansdepartementet) om arbetet under uppdragets gång.
"""


def test_a_sentence_spelling_out_the_dated_measure_before_it_is_part_of_that_measure() -> None:
    found = commitments(run(MEASURE_SPELLED_OUT, today=date(2025, 3, 1), document_date=date(2025, 3, 1)))
    assert not any("identifiera tematiska" in f.text for f in found)
    assert any("utlysa medel" in f.text and f.deadlines == (date(2030, 12, 31),) for f in found)


def test_a_duty_towards_the_government_after_a_dated_report_stays_a_commitment() -> None:
    found = commitments(run(INFORMED_ALONG_THE_WAY, today=date(2022, 6, 1), document_date=date(2022, 6, 1)))
    assert any("löpande informera" in f.text for f in found)


# 034_ru_andring-av-uppdrag-att-analysera-precisionsmedicinens-paverk.txt (lines 1, 3, 5, 11, 15, shortened)
CHANGED_TASK = """# Ändring av uppdrag att analysera precisionsmedicinens påverkan på hälso- och sjukvården

Myndigheten för vård- och omsorgsanalys ska inom ramen för sitt pågående uppdrag (S2020/04093) analysera hur \
utvecklingen av precisionsmedicin har påverkat och kommer att påverka hälso- och sjukvården.

I uppdraget ingår i första hand att kartlägga och översiktligt beskriva om Storbritannien, Nederländerna, \
Tyskland och de nordiska länderna gjort några större reformer på hälso- och sjukvårdsområdet, i andra hand ska \
myndigheten inkludera andra länder som bedöms relevanta.

I arbetet med uppdraget ska Myndigheten för vård- och omsorgsanalys beakta andra uppdrag och pågående arbeten \
av relevans, såsom Social-styrelsens uppdrag om utveckling av den statligt nationella samordningen.

Det utökade uppdraget ska redovisas till Regeringskansliet (Socialdepartementet) senast den 1 november 2021.
"""


def test_a_changed_task_is_read_as_a_decision_and_its_passive_report_is_the_agencys() -> None:
    found = commitments(run(CHANGED_TASK, today=date(2021, 1, 1), document_date=date(2021, 1, 1)))
    assert not any(f.text.startswith("I uppdraget ingår") for f in found)
    report = next(f for f in found if f.deadlines == (date(2021, 11, 1),))
    assert report.owner == "Myndigheten för vård- och omsorgsanalys"


# 036_ru_uppdrag-att-inratta-ett-radgivande-organ-for-att-framja-inno.txt (lines 1, 3, 25, 35, 37, shortened)
TWO_AGENCIES = """# Uppdrag att inrätta ett rådgivande organ för att främja innovativ och klimatfokuserad \
standardisering

Regeringen ger Kommerskollegium i uppdrag att inrätta ett rådgivande organ för att främja innovativ och \
klimatfokuserad standardisering, härefter benämnt råd.

Vidare ger regeringen i uppdrag åt Vinnova att utlysa medel i linje med detta uppdrags inriktning och i linje \
med rådets arbete.

Kommerskollegium ska redovisa den del av uppdraget som avser det rådgivande organets inrättande och uppgifter \
till Regeringskansliet (Näringsdepartementet) senast den 31 maj 2023.

Vinnova ska redovisa den del av uppdraget som avser att utlysa medel till Regeringskansliet \
(Näringsdepartementet) senast den 31 maj 2022.
"""


def test_each_agencys_part_of_the_task_is_dated_by_its_own_report() -> None:
    found = commitments(run(TWO_AGENCIES, today=date(2021, 8, 26), document_date=date(2021, 8, 26)))
    assert sorted((f.owner or "", f.deadlines) for f in found) == [
        ("Kommerskollegium", (date(2023, 5, 31),)),
        ("Vinnova", (date(2022, 5, 31),)),
    ]
    assert all(f.text.startswith(("Regeringen ger", "Vidare ger")) for f in found)


# 041_ru_uppdrag-att-ta-fram-diskussionsunderlag-om-eus-urbana-agenda.txt (its paragraph on the money, shortened)
AT_THE_SAME_TIME = """# Uppdrag att ta fram diskussionsunderlag om EU:s urbana agenda

Regeringen uppdrar till Formas att ta fram underlag om EU:s urbana agenda.

Medel som inte har använts för avsett ändamål ska återbetalas senast den 1 mars 2023 till Kammarkollegiet. \
Vid samma tidpunkt ska en ekonomisk redovisning av använda medel lämnas till Kammarkollegiet.

Uppdraget ska slutredovisas i en rapport senast den 30 maj 2023 till Regeringskansliet.
"""


def test_a_report_handed_in_at_the_same_time_is_a_commitment_due_that_day() -> None:
    found = commitments(run(AT_THE_SAME_TIME, today=date(2022, 6, 1), document_date=date(2022, 6, 1)))
    report = next(f for f in found if "ekonomisk redovisning" in f.text)
    assert report.deadlines == (date(2023, 3, 1),)
    assert report.owner == "Formas"


# 055_ru_uppdrag-till-trafikverket-att-ta-fram-forslag-till-nationell.txt (lines 3 and the report's, shortened)
WITH_THE_TASKS_REPORT = """# Uppdrag till Trafikverket att ta fram förslag till nationell plan

Regeringen ger Trafikverket i uppdrag att upprätta ett förslag till en trafikslagsövergripande nationell plan \
för transportinfrastrukturen för perioden 2026–2037.

Trafikverket ska redovisa uppdraget senast den 30 september 2025 till Regeringskansliet (Landsbygds- och \
infrastrukturdepartementet). I samband med att Trafikverket redovisar uppdraget ska verket dessutom remittera \
redovisningen till de remissinstanser som framgår av den remisslista som Regeringskansliet kommer att \
tillhandahålla.
"""


def test_what_is_done_with_the_tasks_report_is_due_with_it_even_when_said_as_more_of_it() -> None:
    found = commitments(run(WITH_THE_TASKS_REPORT, today=date(2024, 1, 1), document_date=date(2024, 1, 1)))
    sent_out = next(f for f in found if "remittera" in f.text)
    assert sent_out.deadlines == (date(2025, 9, 30),)


# 045_ru_uppdrag-att-utvardera-den-storskaliga-testningen-av-misstank.txt (lines 1, 3 shortened, 32)
INTERIM_THEN_FINAL = """# Uppdrag att utvärdera den storskaliga testningen av misstänkta fall av covid-19

Regeringen uppdrar åt Folkhälsomyndigheten att följa upp och utvärdera den storskaliga testningen för \
misstänkta fall av covid-19 i pandemins olika skeden.

Folkhälsomyndigheten ska senast den 15 november 2023 lämna en skriftlig delredovisning av uppdraget och senast \
den 31 mars 2024 lämna en skriftlig slutredovisning av uppdraget till Regeringskansliet (Socialdepartementet).
"""


def test_a_final_report_named_after_a_long_interim_one_dates_the_task() -> None:
    found = commitments(run(INTERIM_THEN_FINAL, today=date(2023, 4, 1), document_date=date(2023, 4, 1)))
    task = next(f for f in found if f.text.startswith("Regeringen uppdrar"))
    assert task.deadlines == (date(2024, 3, 31),)
    assert any(f.deadlines == (date(2023, 11, 15),) and "delredovisning" in f.text for f in found)


def test_a_report_that_says_only_uppdraget_is_told_with_its_measures_heading() -> None:
    # Written by the team in the shape of 054_ru_uppdrag-till-tillvaxtverket… (check part): numbered measures.
    decision = (
        "# Uppdrag till Tillväxtverket att genomföra åtgärder\n\n"
        "Regeringen ger Tillväxtverket i uppdrag att genomföra nedan angivna åtgärder.\n\n"
        "1. Regionala initiativ för livsmedelsstrategin\n\n"
        "   Tillväxtverket ska under 2025 utlysa medel till regionerna.\n\n"
        "2. Analyser av regelgivningen i livsmedelskedjan\n\n"
        "   Uppdragstiden ligger fast. Uppdraget ska alltså slutredovisas senast den 28 februari 2026.\n\n"
        "En slutredovisning av uppdraget ska lämnas till Regeringskansliet senast den 28 februari 2031.\n"
    )
    found = commitments(run(decision, today=date(2025, 3, 1), document_date=date(2025, 3, 1)))
    analysis = next(f for f in found if f.deadlines == (date(2026, 2, 28),))
    assert analysis.text.startswith("Analyser av regelgivningen i livsmedelskedjan: Uppdraget ska")


# 052_ru_uppdrag-till-msb-att-genomfora-de-forberedande-atgarder-som-.txt (lines 1, 3, 14-26, shortened)
LIST_OF_STEPS = """# Uppdrag till MSB att genomföra de förberedande åtgärder som behövs för civilplikt

Regeringen gav den 9 januari Myndigheten för samhällsskydd och beredskap (MSB) i uppdrag att genomföra de \
förberedande åtgärder som kan utföras för att totalförsvarspliktiga ska kunna skrivas in med civilplikt.

Myndigheten ska:

* analysera hur stort personalbehovet är inom respektive befattning,
* beräkna kostnader för de åtgärder som krävs för att införa civilplikt för befattningarna. Kostnadsberäkningarna \
ska vara skalbara med utgångspunkt i olika ambitionsnivåer samt innefatta redovisning av vilka avvägningar som \
gjorts,
* löpande informera Regeringskansliet (Försvarsdepartementet) om arbetet.

Uppdraget ska redovisas till Regeringskansliet (Försvarsdepartementet) senast den 10 december 2025.
"""


def test_an_item_that_only_says_what_its_work_includes_is_the_tasks_content() -> None:
    found = commitments(run(LIST_OF_STEPS, today=date(2025, 1, 9), document_date=date(2025, 1, 9)))
    assert not any("beräkna kostnader" in f.text for f in found)
    assert any("löpande informera" in f.text for f in found)  # a duty of its own stays


def test_what_the_agency_shall_be_able_to_do_is_a_power_not_a_task() -> None:
    # 040_ru_uppdrag-att-pa-prov-genomfora-fiskeriforvaltningsatgarder-so.txt (check part): the power in its
    # main clause; the team's sentence after it keeps "ska kunna" in a purpose clause after a duty.
    decision = (
        "# Uppdrag att på prov genomföra fiskeriförvaltningsåtgärder\n\n"
        "Regeringen ger Havs- och vattenmyndigheten i uppdrag att genomföra ett tidsbegränsat vetenskapligt "
        "projekt.\n\n"
        "Havs- och vattenmyndigheten ska inom respektive försöksområde kunna möjliggöra att ett visst yrkesfiske "
        "kan bedrivas.\n\n"
        "Länsstyrelserna ska bistå Havs- och vattenmyndigheten med de uppgifter som behövs för att myndigheten "
        "ska kunna genomföra projektet.\n\n"
        "Uppdraget ska slutredovisas till Regeringskansliet senast den 31 mars 2027.\n"
    )
    found = commitments(run(decision, today=date(2024, 6, 1), document_date=date(2024, 6, 1)))
    assert not any("kunna möjliggöra" in f.text for f in found)
    assert any(f.text.startswith("Länsstyrelserna ska bistå") for f in found)


def test_a_list_items_final_report_is_told_with_the_task_the_item_opens_with() -> None:
    # Written by the team in the shape of 039_ru_uppdrag-att-genomfora-insatser… (untouched part, read).
    decision = (
        "# Uppdrag att genomföra insatser för en bättre tandvård\n\n"
        "Regeringen uppdrar åt Socialstyrelsen att genomföra insatser för en bättre tandvård.\n\n"
        "Socialstyrelsen ska\n\n"
        "* kartlägga hur tandvården för äldre kan utvecklas. I uppdraget ska Socialstyrelsen inhämta synpunkter "
        "från regionerna. En delredovisning ska lämnas senast den 9 juni 2026 och en slutredovisning ska lämnas "
        "senast den 3 oktober 2026 till Regeringskansliet.\n"
        "* ta fram ett kunskapsstöd om munhälsa. En delredovisning ska lämnas senast den 1 september 2026 och en "
        "slutredovisning ska lämnas senast den 31 maj 2027 till Regeringskansliet.\n"
    )
    found = commitments(run(decision, today=date(2026, 4, 1), document_date=date(2026, 4, 1)))
    finals = {f.deadlines: f.text for f in found if "slutredovisning" in f.text}
    assert finals[(date(2026, 10, 3),)].startswith("kartlägga hur tandvården för äldre kan utvecklas.")
    assert finals[(date(2027, 5, 31),)].startswith("ta fram ett kunskapsstöd om munhälsa.")
    assert any(f.deadlines == (date(2026, 6, 9),) and "delredovisning" in f.text for f in found)
