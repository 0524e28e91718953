"""A page's owner given as a field, and a body's name under it that is no act.

Written by the team in the shape of a municipality's environmental barometer page for one measure.
"""

from __future__ import annotations

from datetime import date

from bot.extraction.owner_fields import field_owner
from tests.extraction.helpers import commitments, run

DAY = date(2026, 2, 9)

MEASURE = """Fortsätta planeringen för utbyggnad av VA

Befintligt VA-program har reviderats och kommer att skickas ut på remiss i mars 2026.
Programmet beräknas antas i oktober 2026.

Kommentar

Arbetet följer tidplanen.

Ansvarig organisation:
  • Kommunstyrelsen
Delansvarig:
  • Stadsbyggnadsnämnden
  • Tekniska nämnden
"""


def test_the_pages_one_owner_field_owns_what_names_no_owner() -> None:
    found = commitments(run(MEASURE, today=DAY, document_date=DAY))
    assert [(f.deadlines, f.owner) for f in found] == [
        ((date(2026, 3, 31),), "Kommunstyrelsen"),
        ((date(2026, 10, 31),), "Kommunstyrelsen"),
    ]  # and "Tekniska nämnden", a name under a field, is no commitment


def test_an_owner_field_on_one_line_and_several_fields_that_disagree() -> None:
    assert field_owner("Ansvarig organisation: Kommunstyrelsen\n") == "Kommunstyrelsen"
    assert field_owner("Ansvarig: Rektor\nÅtgärd: …\nAnsvarig: Elevhälsan\n") is None
    assert field_owner("Ansvarig för frågan är kommunstyrelsen.\n") is None


# Written by the team in the shape of a municipality's news of its property projects.
PROJECTS = """Pågående fastighetsprojekt

Det händer mycket på Tekniska förvaltningen under året. Här är några av de åtgärder som förvaltningens
fastighetsenhet arbetar med just nu.

Västra förskolan
Om- och tillbyggnad av köket påbörjas i juni 2026.

Norra skolan
Byte av värmekälla beräknas vara klart hösten 2026.
"""


def test_the_one_unit_a_pages_lead_names_owns_what_names_no_owner() -> None:
    found = commitments(run(PROJECTS, today=date(2026, 3, 1), document_date=date(2026, 3, 1)))
    assert len(found) == 2 and {f.owner for f in found} == {"Tekniska förvaltningen"}
    # Two units in the lead: whose is which is not told.
    two = PROJECTS.replace("på Tekniska förvaltningen", "på Tekniska förvaltningen och Kultur- och fritidsnämnden")
    assert {f.owner for f in commitments(run(two, today=date(2026, 3, 1), document_date=date(2026, 3, 1)))} == {None}
