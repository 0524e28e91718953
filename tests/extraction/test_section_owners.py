"""Owners given by a page's structure and lead-ins, and dates that are a meeting's day. Texts written by the
team in the shapes of published follow-ups of a committee's assignments and of municipal news pages."""

from __future__ import annotations

from datetime import date

from bot.extraction.owners import find_committees
from bot.language.normalize import match_text
from tests.extraction.helpers import commitments, run

DAY = date(2022, 12, 31)


def test_a_committee_line_owns_the_items_under_it() -> None:
    text = (
        "Uppdrag och kommentar T3\n\n(Miljö- och samhällsnämnden) .\n\nUtveckla samarbetsformerna.\n\n"
        "Implementering av processen ska ske under 2023.\n\n(Tekniska nämnden) .\n\nMinska felsorterat avfall.\n\n"
        "En ny sorteringsguide ska tas fram under 2023.\n\n"
        "Gör en översyn av styrmedlen (KS)\n\nFörbättringsförslagen ska presenteras för förvaltningsledningen "
        "tertial 1 2023.\n"
    )
    found = commitments(run(text, today=DAY))
    assert [(f.owner, f.deadlines) for f in found] == [
        ("Miljö- och samhällsnämnden", (date(2023, 12, 31),)),
        ("Tekniska nämnden", (date(2023, 12, 31),)),
        ("KS", (date(2023, 4, 30),)),
    ]


def test_items_take_the_owner_their_lead_in_tells_of() -> None:
    text = (
        "Den 20 februari fattade Arvika-Eda överförmyndarnämnd beslut om en handlingsplan. Om verksamheten får "
        "resurser har man som målsättning att under 2019 arbeta med:\n\n- att granska årsräkningar\n\n"
        "- att rekrytera ställföreträdare\n"
    )
    found = commitments(run(text, today=date(2019, 2, 21)))
    assert {f.owner for f in found} == {"Arvika-Eda överförmyndarnämnd"}


def test_a_joint_committee_is_named_with_its_municipalities() -> None:
    text = "I år fattade Upplands-Bro socialnämnd beslut om detta."
    assert [name for *_, name in find_committees(text, match_text(text).folded)] == ["Upplands-Bro socialnämnd"]


def test_the_day_a_committee_met_is_no_deadline_but_the_day_to_report_is() -> None:
    met = commitments(run("Nämnden den 10 februari beslutade att utreda julbelysningen.", today=date(2021, 2, 11)))
    assert [f.deadlines for f in met] == [()]
    report = commitments(run("Åtgärderna återrapporteras till nämnden den 25 mars.", today=date(2021, 2, 11)))
    assert [f.deadlines for f in report] == [(date(2021, 3, 25),)]
