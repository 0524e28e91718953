"""An import that finds neither commitments nor recommendations says so and offers what can be done."""

from __future__ import annotations

from tests.scenario.conftest import World
from tests.scenario.test_import import share, thread_texts

# Written by the team: a text with no promise and no recommendation in it.
NOTHING = """Information om skolskjutsar

Skolskjutsen kör enligt tidtabellen som finns på kommunens webbplats. Frågor besvaras av växeln.
"""


def test_an_import_that_finds_nothing_offers_to_register_by_hand_not_a_review(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "info.txt", NOTHING.encode("utf-8"))
    last = thread_texts(world, "sara")[-1]
    assert "inga åtaganden" in last and "/atagande ny" in last
    dm = world.slack.dm("sara").id
    buttons = [
        str(e.get("text", {}).get("text"))
        for m in world.slack.visible_messages("sara", dm)
        for b in (m.blocks or [])
        if b.get("type") == "actions"
        for e in b.get("elements", [])
    ]
    assert not any("Granska" in b or "importera" in b.lower() for b in buttons), buttons
    assert any("rutin" in b for b in buttons)
