"""More committees than a static select holds (Slack: at most 100 options): the pickers type ahead.

A municipality with 122 committees: the register modal opens with the channel's
committee even when it is number 110 in order, a person finds any committee by
typing part of its code or name (with or without å/ä/ö), and what they pick is
where the commitment is registered.
"""

from __future__ import annotations

import pytest

from bot.services import commitments as commitment_service
from bot.services import committees as committee_service
from bot.standin.blockkit import plain_text_of
from tests.scenario.conftest import World

COUNT = 122
# Number 110 in code order: beyond the first 100 that a static select could hold.
FAR_CODE = "N110"
FAR_NAME = "Överförmyndarnämnden"


def many_committees(world: World) -> None:
    """122 committees N001 … N122 with sara as secretary of each; #bun belongs to N110."""
    svc = world.bot.svc
    admin = world.actor("admin")
    now = svc.clock.now()
    sara = [(world.uid("sara"), "Sara Sekreterare")]
    with svc.db.write() as session:
        for number in range(1, COUNT + 1):
            code = f"N{number:03d}"
            name = FAR_NAME if code == FAR_CODE else f"Nämnd nummer {number}"
            committee_service.create_committee(session, admin, code, name, now)
            committee_service.add_secretaries(session, admin, code, sara, now)
        committee_service.bind_channel(session, admin, FAR_CODE, world.slack.channel("bun").id, "bun")


def committee_select(world: World, user: str) -> dict[str, object]:
    for block in world.modal(user).blocks:
        if block.get("block_id") == "committee":
            element: dict[str, object] = block["element"]
            return element
    raise AssertionError("the modal has no committee field")


def offered_codes(world: World, user: str, typed: str) -> list[str]:
    return [str(option["value"]) for option in world.slack.suggestions(user, "Nämnd", typed)]


@pytest.mark.transports("socket", "http")
def test_the_register_modal_finds_and_keeps_a_committee_beyond_the_first_hundred(world: World) -> None:
    many_committees(world)
    world.run("sara", "bun", "/atagande ny")
    element = committee_select(world, "sara")
    initial = element.get("initial_option")
    assert isinstance(initial, dict) and initial["value"] == FAR_CODE
    assert FAR_NAME in plain_text_of(initial["text"])
    # Slack's own placeholder is English: the picker says in Swedish that one types to search.
    assert "Skriv" in plain_text_of(element["placeholder"])

    # Opening the list (nothing typed) asks the app; typing narrows it, forgiving case and å/ä/ö.
    assert len(offered_codes(world, "sara", "")) == 100
    assert offered_codes(world, "sara", "överförm") == [FAR_CODE]
    assert offered_codes(world, "sara", "OVERFORMYNDAR") == [FAR_CODE]
    assert offered_codes(world, "sara", "nummer 12") == ["N012", "N112", "N120", "N121", "N122"]
    assert offered_codes(world, "sara", "n121") == ["N121"]

    # Pick another committee, then the far one again by typing: the submission carries the pick.
    world.act(lambda: world.slack.fill("sara", "Nämnd", "N121", typed="nummer 121"))
    world.act(lambda: world.slack.fill("sara", "Nämnd", FAR_CODE, typed="formyndar"))
    world.fill("sara", **{"Vad ska göras?": "Granska ställföreträdarnas årsräkningar", "Klart senast": "2027-05-31"})
    world.submit("sara")
    assert world.slack.open_view("sara") is None
    with world.bot.svc.db.read() as session:
        made = commitment_service.get_by_reference(session, f"{FAR_CODE}-1")
        assert made.committee.code == FAR_CODE
        assert made.text == "Granska ställföreträdarnas årsräkningar"


def test_the_committee_list_offers_only_the_committees_a_person_may_register_in(world: World) -> None:
    many_committees(world)
    world.quick_committee("BUN", "Barn- och utbildningsnämnden", channel="")
    world.run("admin", "allmant", "/atagande nämnd sekreterare BUN @anna")
    world.run("anna", "allmant", "/atagande ny")
    assert offered_codes(world, "anna", "") == ["BUN"]
    assert offered_codes(world, "anna", "nummer") == []
