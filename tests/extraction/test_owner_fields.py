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
