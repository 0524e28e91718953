"""A one-line registration tied to a meeting the plan lacks offers the plan; the saved one names the meeting."""

from __future__ import annotations

import json

import pytest

from tests.scenario.conftest import World

LINE = "/atagande ny BUN Återrapportera arbetet till nämndens sista sammanträde 2027 @anna"


def _buttons(world: World, user: str) -> list[str]:
    blocks = world.last(user, "bun").blocks or []
    return [
        e["text"]["text"] for b in blocks if b.get("type") == "actions" for e in b.get("elements", []) if "text" in e
    ]


@pytest.mark.transports("socket", "http")
def test_the_preview_offers_the_plan_and_then_dates_the_commitment_to_the_meeting(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", LINE)
    assert "ingen sammanträdesplan för 2027" in world.last_text("sara", "bun")
    assert "Lägg in sammanträdesplan" in _buttons(world, "sara")
    world.click("sara", world.last("sara", "bun"), "Lägg in sammanträdesplan")
    assert "sammanträdesplanen för 2027" in world.modal_text("sara")
    world.fill("sara", **{"Nytt sammanträde 1": "2027-03-11", "Nytt sammanträde 2": "2027-12-09"})
    world.submit("sara")

    world.run("sara", "bun", LINE)
    assert "9 december 2027, nämndens sammanträde" in world.last_text("sara", "bun")
    world.click("sara", world.last("sara", "bun"), "Spara")
    registered = world.ephemeral_of("sara", "bun")[-1]
    assert "BUN-1 är registrerat" in registered
    assert "9 december 2027, nämndens sammanträde" in registered
    assert "9 december 2027, nämndens sammanträde" in world.card_text("BUN-1")


def test_no_plan_button_for_someone_who_may_not_change_the_plan(world: World) -> None:
    world.quick_committee()
    world.run("olle", "bun", LINE)
    shown = json.dumps(world.last("olle", "bun").blocks, ensure_ascii=False)
    assert "Lägg in sammanträdesplan" not in shown
