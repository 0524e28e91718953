"""A list's lead-in that points at an event dated before it ("Under höstens tillsynsvecka …:") gives its items
that event's time. Texts written by the team in the shape of a county board's news page."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2013, 9, 20)
PAGE = (
    "Tillsynsvecka i höst\n\n"
    "Länsstyrelsen tar en extra koll på skolor och fiske den 30 september–4 oktober. Då genomförs en andra "
    "tillsynsvecka med sex separata projekt.\n\n"
    "{lead}\n\n"
    "- Fisketillsyn i Vänern.\n"
    "- Tillsyn av överförmyndare.\n"
    "- Kartläggning av rökförbud på skolor.\n"
)


def test_the_items_take_the_time_of_the_event_their_lead_in_points_at() -> None:
    found = commitments(
        run(PAGE.format(lead="Under höstens tillsynsvecka fokuseras på följande områden:"), document_date=DAY)
    )
    items = [f for f in found if f.text.startswith(("Fisketillsyn", "Tillsyn av", "Kartläggning"))]
    assert len(items) == 3
    assert all(f.deadlines == (date(2013, 10, 4),) for f in items)


def test_a_lead_in_pointing_at_nothing_named_before_gives_no_time() -> None:
    found = commitments(
        run(PAGE.format(lead="Under höstens inventeringskampanj fokuseras på följande:"), document_date=DAY)
    )
    items = [f for f in found if f.text.startswith(("Fisketillsyn", "Tillsyn av", "Kartläggning"))]
    assert all(f.deadlines != (date(2013, 10, 4),) for f in items)
