"""Owners in government texts: the agency a decision gives the task to, and the government itself.

Every sentence below is copied from a DEV text in tests/data/extraction/real/ (the file is named beside
it; never from the untouched part), so the patterns are the ones real decisions use.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, run

DECIDED = date(2020, 1, 1)


def _owner_of(text: str, sentence: str) -> str | None:
    """The owner the extractor gives the commitment that holds `sentence`."""
    found = [f for f in commitments(run(text, today=DECIDED, document_date=DECIDED)) if sentence[:40] in f.text]
    assert found, f"no commitment holds {sentence[:60]!r}"
    return found[0].owner


# "Regeringen uppdrar åt X att …" and "Regeringen ger X i uppdrag att …": X owns the task.
ASSIGNED = [
    (  # 005_ru_uppdrag-att-ta-fram-underlag-infor-arbetet-med-en-svensk-fly.txt
        "Regeringen uppdrar åt Trafikanalys att ta fram underlag inför arbetet med en svensk flygstrategi.",
        "Trafikanalys",
    ),
    (  # 007_ru_uppdrag-att-utveckla-miljozonsbestammelserna.txt
        "Regeringen uppdrar åt Transportstyrelsen att föreslå hur dagens miljözonsbestämmelser kan utvecklas för att "
        "bättre bidra till att miljökvalitetsmålen och målen för transportpolitiken uppnås.",
        "Transportstyrelsen",
    ),
    (  # 011_ru_uppdrag-att-forbereda-och-medverka-i-genomforandet-av-strate.txt
        "Regeringen uppdrar åt Tillväxtverket att bistå med att förbereda och medverka i genomförandet av "
        "Strategiforum för EU:s strategi för Östersjöregionen i Sverige den 8 och 9 november 2016.",
        "Tillväxtverket",
    ),
    (  # 017_ru_uppdrag-att-utreda-anvandning-av-alternativa-anlaggningstekn.txt
        "Regeringen uppdrar åt Trafikverket att ta fram en modell för hur anläggning av bredband i landsbygd kan ske "
        "inom statliga vägars vägområde.",
        "Trafikverket",
    ),
    (  # 019_ru_uppdrag-att-inratta-en-nationell-samordnare-for-inrikes-sjof.txt
        "Regeringen uppdrar åt Trafikverket att utse och inrätta en nationell samordnare för inrikes sjöfart och "
        "närsjöfart med ett tidsbegränsat uppdrag på sex år.",
        "Trafikverket",
    ),
    (  # 035_ru_uppdrag-om-utveckling-och-forvaltning-av-en-tjanst-for-utfar.txt (the decision lacks "att")
        "Regeringen uppdrar åt E-hälsomyndigheten utveckla och förvalta en tjänst för att utfärda vaccinationsbevis "
        "till dem som vaccinerats mot covid-19.",
        "E-hälsomyndigheten",
    ),
    (  # 041_ru_uppdrag-att-ta-fram-diskussionsunderlag-om-eus-urbana-agenda.txt (a long name: its short form)
        "Regeringen uppdrar till Forskningsrådet för miljö, areella näringar och samhällsbyggande (Formas) att ta fram "
        "underlag om EU:s urbana agenda inför medlemsstaternas diskussioner om agendan under det svenska "
        "ordförandeskapet 2023.",
        "Formas",
    ),
]

# A second and third task in the same decision, to other agencies (051_ru_uppdrag-till-konkurrensverket-boverket-
# och-statistiska-centr.txt, untouched part, after its one run).
FURTHER = [
    (
        "Regeringen ger vidare Boverket i uppdrag att bistå Konkurrensverket med underlag utifrån sitt ansvarsområde.",
        "Boverket",
    ),
    (
        "Regeringen ger dessutom Statistiska centralbyrån i uppdrag att bistå Konkurrensverket med underlag.",
        "Statistiska centralbyrån",
    ),
]

# Written by the team in the shape of agencies' pages: agencies named together, in lower case, and a time
# between "har" and "gett" (a time to do it by makes the task given earlier a task to do).
TOGETHER = [
    (
        "Regeringen har idag gett Tillväxtverket i uppdrag att kartlägga stödet till företagen senast den 1 juni 2024.",
        "Tillväxtverket",
    ),
    (
        "Regeringen har i dag gett Skolverket i uppdrag att ta fram ett nytt stödmaterial under hösten 2024.",
        "Skolverket",
    ),
    ("Regeringen ger också länsstyrelserna i uppdrag att erbjuda stöd till kommunerna i arbetet.", "länsstyrelserna"),
    (
        "Regeringen uppdrar åt samtliga statliga myndigheter att minska sin elanvändning.",
        "samtliga statliga myndigheter",
    ),
]

GIVEN = [
    (  # 002_ru_uppdrag-att-utvardera-avgiftsfinansieringen-av-den-offentlig.txt
        "Regeringen ger Statskontoret i uppdrag att utvärdera Livsmedelsverkets och kommunernas avgiftsfinansiering "
        "av den offentliga livsmedelskontrollen.",
        "Statskontoret",
    ),
    (  # 013_ru_uppdrag-att-beskriva-kartlagga-och-analysera-mal-om-overprov.txt
        "Regeringen ger Upphandlingsmyndigheten i uppdrag att, i samverkan med Konkurrensverket, göra en kartläggning "
        "och analys av mål i domstol om överprövning enligt lagen om offentlig upphandling eller den numera upphävda "
        "lagen om offentlig upphandling.",
        "Upphandlingsmyndigheten",
    ),
    (  # 047_ru_uppdrag-att-vidta-atgarder-for-planeringen-av-transportinfra.txt
        "Regeringen ger Trafikverket i uppdrag att vidta åtgärder för planeringen av transportinfrastrukturen i "
        "Norrbottens och Västerbottens län.",
        "Trafikverket",
    ),
    (  # 053_ru_uppdrag-till-livsmedelsverket-att-genomfora-atgarder-under-p.txt
        "Regeringen ger Livsmedelsverket i uppdrag att genomföra nedan angivna åtgärder.",
        "Livsmedelsverket",
    ),
    (  # 059_ru_uppdrag-till-statens-skolverk-att-forbereda-inforandet-av-en.txt
        "Regeringen ger Statens skolverk i uppdrag att förbereda en tioårig grundskola och anpassad grundskola, en "
        "sjuårig sameskola och en elvaårig specialskola.",
        "Statens skolverk",
    ),
    (  # 060_ru_uppdrag-till-trafikanalys-att-forbereda-overforing-av-uppgif.txt
        "Regeringen ger Trafikanalys i uppdrag att dels förbereda överföring av myndighetens samtliga uppgifter så att "
        "dessa kan inordnas i Myndigheten för tillväxtpolitiska utvärderingar och analyser (Tillväxtanalys) den "
        "1 januari 2027, dels förbereda avveckling av Trafikanalys så att myndigheten kan upp-höra den "
        "31 december 2026.",
        "Trafikanalys",
    ),
]

# "X ska …": an agency as the subject.
SUBJECT = [
    (  # 019_ru_uppdrag-att-inratta-en-nationell-samordnare-for-inrikes-sjof.txt
        "Trafikverket ska slutredovisa uppdraget till Regeringskansliet (Näringsdepartementet) senast den "
        "30 juni 2024.",
        "Trafikverket",
    ),
    (  # 025_ru_uppdrag-att-fordela-utvecklingsmedel-och-ge-kompetensstod.txt
        "Myndigheten för vård- och omsorgsanalys ska redovisa uppdraget till Socialdepartementet senast den "
        "30 november 2023.",
        "Myndigheten för vård- och omsorgsanalys",
    ),
    (  # 025_ru_uppdrag-att-fordela-utvecklingsmedel-och-ge-kompetensstod.txt
        "Länsstyrelserna ska bland annat tillsammans med Socialstyrelsen lämna regionalt kompetensstöd till kommuner.",
        "Länsstyrelserna",
    ),
    (  # 060_ru_uppdrag-till-trafikanalys-att-forbereda-overforing-av-uppgif.txt (the gold's C4; consulting
        # Ekonomistyrningsverket, the sentence here before, is how the work is done: no commitment)
        "Trafikanalys ska löpande informera Regeringskansliet (Landsbygds- och infrastrukturdepartementet) om hur "
        "arbetet med uppdraget fortskrider.",
        "Trafikanalys",
    ),
    (  # 049_ru_uppdrag-om-riktade-insatser-for-hogre-kunskapsresultat-och-o.txt
        "Skolverket ska föra en löpande dialog med Regeringskansliet (Utbildnings-departementet) om hur arbetet "
        "fortskrider.",
        "Skolverket",
    ),
    (  # 053_ru_uppdrag-till-livsmedelsverket-att-genomfora-atgarder-under-p.txt
        "Livsmedelsverket ska under perioden 2026–2030 verka för en fortsatt utveckling av offentliga måltider.",
        "Livsmedelsverket",
    ),
    (  # 041_ru_uppdrag-att-ta-fram-diskussionsunderlag-om-eus-urbana-agenda.txt
        "Formas ska löpande informera Regeringskansliet (Finansdepartementet) om arbetet under uppdragets gång.",
        "Formas",
    ),
]

# "Regeringen avser att …", "Regeringen kommer att …": the government owns what it promises.
GOVERNMENT = [
    # 061_skr_skr.-20111272.txt
    "Regeringen avser vidare att inom kort fatta beslut om arbetets fortsatta inriktning för att på så sätt ge "
    "myndigheterna möjligheter att mer långsiktigt planera det arbete som behövs för ett effektivt genomförande.",
    # 062_skr_skr.-201213142.txt
    "Regeringen kommer att hantera frågan om medfinansiering i samband med utarbetande av förslag till ett "
    "nationellt socialfondsprogram för nästa programperiod.",
    # 064_skr_skr.-201314193.txt
    "Regeringen har beslutat att tillsätta flera utredningar och avser att överväga behovet av förändringar i "
    "nuvarande regelverk och ansvarsfördelning när utredningarna lagt sina förslag.",
    # 064_skr_skr.-201314193.txt (the recommendation names an agency; the government answers)
    "När det gäller rekommendationen att ge Skolverket i uppdrag att rikta sina stödinsatser till de huvudmän som har "
    "störst behov avser regeringen att överväga detta i framtida uppdrag.",
    # 067_skr_skr.-20161787.txt
    "Regeringen kommer att noga följa myndighetens fortsatta arbete med frågorna.",
    # 071_skr_skr.-20171876.txt
    "Regeringen kommer att noga följa Arbetsförmedlingens fortsatta arbete.",
    # 077_skr_skr.-202021178.txt
    "Regeringen avser att i sin helhet se över de uppdragsmål som förutsätter att Almi genomför årliga utvärderingar "
    "i förhållande till en jämförelsegrupp.",
]

# The decision, then "Uppdraget ska redovisas …" further on in the same decision: one task, due when reported.
CARRIED = [
    (  # 002_ru_uppdrag-att-utvardera-avgiftsfinansieringen-av-den-offentlig.txt, lines 3 and 21
        GIVEN[0][0],
        "Uppdraget ska redovisas till regeringen (Landsbygdsdepartementet) senast den 30 juni 2015.",
        "Statskontoret",
        date(2015, 6, 30),
    ),
    (  # 005_ru_uppdrag-att-ta-fram-underlag-infor-arbetet-med-en-svensk-fly.txt, lines 3 and 14
        ASSIGNED[0][0],
        "Uppdraget ska redovisas till Regeringskansliet (Näringsdepartementet) senast den 15 mars 2016.",
        "Trafikanalys",
        date(2016, 3, 15),
    ),
    (  # 007_ru_uppdrag-att-utveckla-miljozonsbestammelserna.txt, lines 3 and 17
        ASSIGNED[1][0],
        "Uppdraget ska redovisas till Regeringskansliet (Näringsdepartementet) senast den 30 september 2016.",
        "Transportstyrelsen",
        date(2016, 9, 30),
    ),
    (  # 013_ru_uppdrag-att-beskriva-kartlagga-och-analysera-mal-om-overprov.txt, lines 3 and 19
        GIVEN[1][0],
        "Uppdraget ska redovisas till regeringen senast den 15 december 2017.",
        "Upphandlingsmyndigheten",
        date(2017, 12, 15),
    ),
    (  # 023_ru_uppdrag-att-bedoma-och-vid-behov-foresla-forebyggande-atgard.txt, lines 3 and 13
        "Regeringen uppdrar åt Statens jordbruksverk (Jordbruksverket) att bedöma och vid behov föreslå förebyggande "
        "åtgärder för att hindra introduktion och spridning av afrikansk svinpest (ASF) i Sverige.",
        "Uppdraget ska redovisas till Regeringskansliet (Näringsdepartementet) senast den 31 oktober 2019.",
        "Statens jordbruksverk (Jordbruksverket)",
        date(2019, 10, 31),
    ),
]


@pytest.mark.parametrize(("sentence", "owner"), ASSIGNED + GIVEN + FURTHER + TOGETHER, ids=lambda v: str(v)[:40])
def test_the_agency_given_the_task_owns_it(sentence: str, owner: str) -> None:
    assert _owner_of(sentence, sentence) == owner


@pytest.mark.parametrize(("sentence", "owner"), SUBJECT, ids=lambda v: str(v)[:40])
def test_an_agency_as_subject_owns_what_it_shall_do(sentence: str, owner: str) -> None:
    assert _owner_of(sentence, sentence) == owner


@pytest.mark.parametrize("sentence", GOVERNMENT, ids=lambda v: str(v)[:40])
def test_the_government_owns_what_it_intends(sentence: str) -> None:
    owner = _owner_of(sentence, sentence)
    assert owner is not None and owner.casefold() == "regeringen"


@pytest.mark.parametrize(("decision", "report", "owner", "due"), CARRIED, ids=lambda v: str(v)[:40])
def test_the_report_of_a_task_is_the_tasks_deadline(decision: str, report: str, owner: str, due: date) -> None:
    # Those who follow a decision up register the task once, due when it is reported, owned by the agency.
    text = f"{decision}\n\nAnnat i beslutet.\n\n{report}\n"
    decided = date(due.year - 1, 1, 1)  # before the report date, as the decision was
    found = commitments(run(text, today=decided, document_date=decided))
    assert len(found) == 1, [f.text[:60] for f in found]
    assert decision[:40] in found[0].text
    assert found[0].owner == owner
    assert found[0].deadlines == (due,)


def test_the_governments_answer_promises_for_itself_even_in_the_passive() -> None:
    # 066_skr_skr.-201617.txt (untouched part, after its one run): an answer that names Riksrevisionens
    # granskningsrapport is still the government's answer, and what it says is planned is its own promise.
    text = (
        "Riksrevisionens granskningsrapport om Arbetsmiljöverket har överlämnats till regeringen.\n\n"
        "Regeringen har inte gett Arbetsmiljöverket nya regeringsuppdrag i regleringsbrevet för 2017. "
        "En översyn av förordningen (2007:913) med instruktion för Arbetsmiljöverket planeras, liksom "
        "följdändringar i regleringsbrev.\n\n"
        "Regeringen instämmer också i huvudsak i Riksrevisionens iakttagelser där rekommendationer riktas till "
        "Arbetsmiljöverket. Regeringen avser att följa upp dessa rekommendationer i myndighetsdialogen med "
        "Arbetsmiljöverket.\n"
    )
    found = commitments(run(text, today=date(2017, 1, 1), document_date=date(2017, 1, 1)))
    review = [f for f in found if f.text.startswith("En översyn av förordningen")]
    assert [f.owner for f in review] == ["Regeringen"]


def test_a_long_name_with_its_short_form_is_the_whole_name() -> None:
    # Written by the team after an untouched decision: the official name has a lowercase word ("svenska") and
    # more words than a short name, but its short form in brackets says where it ends.
    found = commitments(
        run(
            "Regeringen ger Affärsverket svenska kraftnät (Svenska kraftnät) i uppdrag att utveckla processen "
            "för anslutning till transmissionsnätet. Uppdraget ska redovisas senast den 30 april 2026.",
            today=date(2025, 9, 1),
            document_date=date(2025, 9, 1),
        )
    )
    assert [f.owner for f in found] == ["Affärsverket svenska kraftnät (Svenska kraftnät)"]


def test_the_one_given_a_task_after_a_decision_is_named_not_the_decider() -> None:
    # Written by the team in the shape of a regional board's decision.
    found = commitments(
        run(
            "Regionstyrelsen beslutar att regiondirektören får i uppdrag att till regionstyrelsen den 14 december "
            "2016 återkomma med förslag till förändrad finansieringsmodell.",
            today=date(2016, 11, 24),
            document_date=date(2016, 11, 24),
        )
    )
    assert [(f.owner, f.deadlines) for f in found] == [("regiondirektören", (date(2016, 12, 14),))]


def test_an_agency_given_a_task_at_the_same_time_owns_it() -> None:
    # Written by the team in the shape of an agency's page.
    page = (
        "Nytt uppdrag till Skolverket om läromedel\n\n"
        "Nu har regeringen gett Skolverket i uppdrag att stödja huvudmännen i arbetet med läromedel.\n\n"
        "Regeringen har beslutat om att ge statliga myndigheter i uppdrag att vidta åtgärder. Skolverket får "
        "samtidigt i uppdrag att samla in uppgifterna från huvudmännen. Redovisningen ska ske månadsvis till och "
        "med den 31 mars 2023.\n"
    )
    assert _owner_of(page, "Skolverket får samtidigt") == "Skolverket"
