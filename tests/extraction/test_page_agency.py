"""Whose page it is: an agency's page about its own work names itself once, anywhere, and then speaks as
"vi" or in the passive; what it promises there is the agency's.

Pages written by the team in the shape of state agencies' project pages; the agencies named are real,
the projects are not.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, run

DAY = date(2026, 2, 1)

OWN_PAGE = """Kartläggning av väntetider i tandvården

Vi ska genomföra en nationell kartläggning av väntetiderna under vecka 12, 16–20 mars 2026.
Resultaten kommer att publiceras i oktober 2026.

Socialstyrelsens kartläggning bygger på uppgifter från regionerna.
"""

# Named only after a preposition, an agency is someone the page speaks of, not who speaks.
ABOUT_IT = """Ny gång- och cykelväg vid skolan

Planen är att vägen ska byggas under hösten 2026.
Det har dragit ut på tiden eftersom tillstånd behövs från Trafikverket.
"""

# A municipality's page that names an agency is the municipality's.
MUNICIPAL = """Ny detaljplan för centrum

Lantmäteriet har godkänt förrättningen. Detaljplanen ska antas i maj 2026.
Frågor besvaras av Botkyrka kommun.
"""


def _owners(page: str) -> dict[str, str | None]:
    return {f.text.split()[0]: f.owner for f in commitments(run(page, document_date=DAY, today=DAY))}


def test_we_and_the_passive_on_an_agencys_own_page_are_the_agency() -> None:
    owners = _owners(OWN_PAGE)
    assert owners["Vi"] == "Socialstyrelsen"
    assert owners["Resultaten"] == "Socialstyrelsen"


@pytest.mark.parametrize("page", [ABOUT_IT, MUNICIPAL], ids=["after a preposition", "a municipality's page"])
def test_an_agency_the_page_only_speaks_of_owns_nothing(page: str) -> None:
    owners = _owners(page)
    assert owners and set(owners.values()) == {None}


@pytest.mark.parametrize(
    ("told", "agency"),
    [
        ("SBU har i årets regleringsbrev fått i uppdrag att sammanställa kunskapsluckor om munhälsa.", "SBU"),
        ("Folkhälsomyndigheten har regeringens uppdrag att samordna arbetet mot ensamhet.", "Folkhälsomyndigheten"),
        ("Formas har fått i uppgift av regeringen att samordna forskningen om bostäder.", "Formas"),
    ],
)
def test_a_task_the_agency_has_carries_to_its_report(told: str, agency: str) -> None:
    page = f"Regeringsuppdrag\n\n{told}\n\nUppdraget ska redovisas senast den 31 maj 2026.\n"
    (report,) = commitments(run(page, document_date=DAY, today=DAY))
    assert report.owner == agency and report.deadlines == (date(2026, 5, 31),)


TASK_RUNS = """Laddinfrastruktur i länen

Energimyndigheten har fått i uppdrag att samordna stödet till laddinfrastruktur. Inom uppdraget ska \
Energimyndigheten:

  • Ge expertstöd till länsstyrelserna
  • Följa upp de beviljade åtgärderna och deras spridning.

Budget

Uppdraget pågår under perioden 2026–2028. Energimyndigheten har fått 2 miljoner kronor för 2026.
"""


def test_a_tasks_undated_parts_are_due_when_the_task_runs_out() -> None:
    found = commitments(run(TASK_RUNS, document_date=DAY, today=DAY))
    parts = [f for f in found if f.text.startswith(("Ge expertstöd", "Följa upp"))]
    assert len(parts) == 2 and {f.deadlines for f in parts} == {(date(2028, 12, 31),)}
    # A period that has run out by the page's day dates nothing.
    late = commitments(run(TASK_RUNS, document_date=date(2029, 3, 1), today=date(2029, 3, 1)))
    assert not any(f.deadlines for f in late if f.text.startswith(("Ge expertstöd", "Följa upp")))


def test_an_agencys_page_that_speaks_of_every_municipality_is_still_the_agencys() -> None:
    page = (
        "Stöd till kommunerna\n\nVi ska ta fram en vägledning under våren 2026. Varje kommun ska kunna använda den.\n\n"
        "Boverket svarar på frågor om vägledningen.\n"
    )
    owners = {f.text.split()[0]: f.owner for f in commitments(run(page, document_date=DAY, today=DAY))}
    assert owners["Vi"] == "Boverket"


@pytest.mark.parametrize(
    "aside",
    [
        "Beslutet kan överklagas till förvaltningsrätten.",
        "Handläggningen följer förvaltningslagen.",
        "Förslaget rör de lokala säkerhetsnämnderna vid kärnkraftverken.",
        "Arbetet sker i samråd med universitetsförvaltningen.",
    ],
)
def test_a_state_bodys_words_do_not_make_an_agencys_page_municipal(aside: str) -> None:
    # Written by the team in the shape of an agency's page of its government tasks.
    page = (
        "Regeringsuppdrag\n\nVarje år får Strålsäkerhetsmyndigheten uppdrag av regeringen.\n\n"
        f"Förslaget ska lämnas till Regeringskansliet senast den 31 augusti 2026. {aside}\n"
    )
    assert set(_owners(page).values()) == {"Strålsäkerhetsmyndigheten"}


def test_an_agency_named_statens_and_more_words_is_the_pages_own() -> None:
    # Written by the team in the shape of an agency's news of its task; "Statens …" goes on in lower case.
    page = (
        "Nya servicekontor\n\nStatens servicecenter har lämnat sin första delrapport till regeringen.\n\n"
        "Slutredovisningen ska lämnas till regeringen senast den 31 januari 2027.\n\n"
        "Statens servicecenters generaldirektör välkomnar uppdraget.\n"
    )
    assert set(_owners(page).values()) == {"Statens servicecenter"}


def test_an_agencys_long_name_with_its_initials_is_the_pages_own() -> None:
    # Written by the team in the shape of an agency's page presenting an interim report of its task.
    page = (
        "Tillsyn av tvångsvården\n\nInspektionen för vård och omsorg (IVO) lämnar här en delredovisning av "
        "regeringsuppdraget.\n\nUppdraget ska därefter delredovisas senast den 31 maj 2027 och slutredovisas "
        "senast den 31 maj 2028. IVO publicerar rapporten på sin webbplats.\n"
    )
    assert set(_owners(page).values()) == {"Inspektionen för vård och omsorg"}
    # a long name whose initials are unknown names no agency the page can be sure of
    other = page.replace("Inspektionen för vård och omsorg (IVO)", "Inspektionen för okända ting (IOT)").replace(
        "IVO publicerar", "IOT publicerar"
    )
    assert set(_owners(other).values()) <= {None}
