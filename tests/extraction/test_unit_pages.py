"""Municipal news pages told unit by unit: a school form's heading owns what is said under it, a season
between a subject and its verb is no part of the owner, a promise said again after a fronted time is one
promise, a page pointing to how it will work promises nothing, and a body's meeting that will act at a time
does. Sentences written by the team in the shapes of municipalities' and associations' pages."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2021, 8, 10)

_PAGE = """Nytt läsår

Läsåret börjar för alla elever i kommunens skolor i augusti.

Gymnasieskolan

Undervisningen kommer att ske på plats i skolans lokaler hela hösten.

Yrkeshögskolan

Under hösten kommer lektionerna att spridas ut över fler lokaler än vanligt.

Kulturskolan

Ensemblerna startar vecka 36. Information till eleverna kommer att skickas ut via e-post.
"""


def test_a_school_forms_heading_owns_what_is_said_under_it() -> None:
    found = {f.text.split()[0]: f.owner for f in commitments(run(_PAGE, today=DAY))}
    assert found["Undervisningen"] == "Gymnasieskolan"
    assert found["Under"] == "Yrkeshögskolan"
    assert found["Ensemblerna"] == "Kulturskolan"


def test_a_schools_own_name_over_building_works_is_the_place_not_the_owner() -> None:
    text = """Det händer mycket på Tekniska förvaltningen under året. Här är ett axplock av vad vi gör just nu.

Nästegårdsskolan

Renoveringen av skolgården beräknas vara klar hösten 2022.
"""
    (found,) = commitments(run(text, today=DAY))
    assert found.owner == "Tekniska förvaltningen"


def test_a_season_between_the_subject_and_its_verb_is_no_part_of_the_owner() -> None:
    for text in (
        "Ambitionen är att Vuxenutbildningen under hösten successivt ska återgå till närundervisning.",
        "Socialförvaltningen under våren ska ta fram en ny rutin för anmälningar.",
    ):
        (found,) = commitments(run(text, today=DAY))
        assert found.owner in ("Vuxenutbildningen", "Socialförvaltningen")
        assert found.deadlines[0].year == 2021 or found.deadlines[0].year == 2022


def test_a_promise_said_again_after_a_fronted_time_is_one_promise() -> None:
    text = (
        "En kulturgaranti behövs i länet. Ett förslag ska tas fram av Region Örebro län i samarbete med "
        "länets kommuner. Viktiga parter är länets kommuner och kulturinstitutionerna. Under 2022 ska ett "
        "förslag till regional kulturgaranti tas fram av Region Örebro län i samverkan med andra aktörer."
    )
    (found,) = commitments(run(text, today=DAY))
    assert found.deadlines == (date(2022, 12, 31),)
    assert found.owner == "Region Örebro län"


def test_a_page_pointing_to_how_it_will_work_promises_nothing() -> None:
    for text in (
        "Här kan du läsa mer om hur vi kommer att arbeta inom de prioriterade områdena.",
        "Den 10 maj får vi veta hur det kommer att se ut framöver.",
    ):
        assert commitments(run(text, today=DAY)) == []
    # the same verb in a main clause still promises
    assert commitments(run("Vi kommer att arbeta inom de prioriterade områdena under 2022.", today=DAY))


def test_a_bodys_meeting_that_will_act_at_a_time_is_a_commitment() -> None:
    text = "Det innebär först och främst ett förbundsmöte som i maj kommer att utse en styrelse för mandatperioden."
    (found,) = commitments(run(text, today=date(2019, 3, 1)))
    assert found.deadlines == (date(2019, 5, 31),)
    # a thing described by a relative clause is still no promise
    assert commitments(run("Det gäller de fastigheter som i maj kommer att ingå i området.", today=DAY)) == []


def test_items_that_only_name_places_are_what_the_lead_in_acts_on() -> None:
    text = """Linje 32

Väg 56 ska byggas om under hösten 2021 och ett antal hållplatser kommer att tas bort permanent:

 • Törunda (hållplatsen blir kvar för linje 515)
 • Matsäcksvilan
 • Löpdal
"""
    found = commitments(run(text, today=DAY))
    assert len(found) == 1 and "hållplatser" in found[0].text
    # items that say what is to be done stay commitments of their own
    tasks = """Förvaltningen kommer att:

 • Ta fram en rutin för anmälningar.
 • Utbilda personalen under hösten 2021.
"""
    assert len(commitments(run(tasks, today=DAY))) == 2


def test_rules_quoted_and_pages_pointing_elsewhere_promise_nothing() -> None:
    for text in (
        "Riktlinjer för hur kommunen ska genomföra medborgardialoger antogs.",
        "När du klickar på den rutan kommer du till en samlingssida för trafikförändringarna.",
        "Varje kommun ska planera bostadsförsörjningen för att skapa förutsättningar för goda bostäder.",
        "4 kap 1 § Grundskoleförordningen: Läsåret ska börja i augusti och sluta i juni.",
    ):
        assert commitments(run(text, today=DAY)) == [], text
    # the body's own acts in the same words still promise
    (found,) = commitments(run("Kommunen ska genomföra medborgardialoger under hösten 2021.", today=DAY))
    assert found.deadlines == (date(2021, 12, 31),)
    (found,) = commitments(run("Kommunen ska planera bostadsförsörjningen under 2022.", today=DAY))
    assert found.deadlines == (date(2022, 12, 31),)


def test_an_abbreviation_between_kommer_and_its_verb_still_promises() -> None:
    for text in (
        "Om fas 2 godkänns i september kommer man bl.a. upphandla entreprenörer och ta fram systemhandlingar.",
        "Förvaltningen kommer bl.a. att se över rutinerna under hösten 2021.",
    ):
        assert len(commitments(run(text, today=DAY))) == 1, text
