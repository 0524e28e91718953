"""A programme's measure and the sentences after it that say "Åtgärden ska …": one commitment, the measure's,
with their time. Text written by the team in the shape of a water authority's programme of measures."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2016, 12, 20)


def test_a_measures_details_are_its_time_not_commitments_of_their_own() -> None:
    text = """Länsstyrelserna ska bedriva tillsyn vid samtliga vattenkraftverk och dammar i länet.

Åtgärden ska genomföras så att det årligen, från och med år 2017, utövas tillsyn vid minst en femtedel av dammarna.

Åtgärden ska påbörjas omgående och genomföras kontinuerligt.
"""
    (found,) = commitments(run(text, document_date=DAY))
    assert found.text.startswith("Länsstyrelserna ska bedriva tillsyn")
    assert found.owner == "Länsstyrelserna"
    assert found.deadlines == (date(2017, 12, 31),) and found.recurrence is not None


def test_a_measures_report_stays_a_commitment_of_its_own() -> None:
    text = """Länsstyrelserna ska bedriva tillsyn vid samtliga vattenkraftverk och dammar i länet.

Åtgärden ska redovisas till Havs- och vattenmyndigheten senast den 31 mars 2018.
"""
    found = commitments(run(text, document_date=DAY))
    assert any(f.deadlines == (date(2018, 3, 31),) and f.text.startswith("Åtgärden") for f in found)
