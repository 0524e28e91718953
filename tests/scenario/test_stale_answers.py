"""An answer button on an old message checks the commitment as it is now, and never reopens it."""

from __future__ import annotations

from storage.models import CommitmentStatus
from tests.scenario.conftest import World
from tests.scenario.test_once import announced, status_of


def test_a_stale_button_in_the_owners_dm_does_not_reopen(world: World) -> None:
    ref = announced(world)
    dm = world.slack.dm("anna").id
    dm_card = world.last("anna", dm)
    world.click("anna", world.card(ref), "Markera som klart")
    assert status_of(world, ref) == CommitmentStatus.DONE
    world.click("anna", dm_card, "Pågår enligt plan")
    assert status_of(world, ref) == CommitmentStatus.DONE
    assert world.history_kinds(ref) == ["created", "status"]
    said = world.dm_text("anna")
    assert f"{ref} är redan klart" in said
    # The old message now shows the current state, with nothing left to answer.
    refreshed = world.slack.render_message(
        next(m for m in world.slack.visible_messages("anna", dm) if m.ts == dm_card.ts)
    )
    assert "Status: Klar" in refreshed and "[ Pågår enligt plan ]" not in refreshed


def test_a_stale_delayed_button_does_not_reopen(world: World) -> None:
    ref = announced(world)
    dm_card = world.last("anna", world.slack.dm("anna").id)
    world.click("anna", world.card(ref), "Markera som klart")
    world.click("anna", dm_card, "Meddela försening")
    assert world.slack.open_view("anna") is None
    assert f"{ref} är redan klart" in world.dm_text("anna")
    assert status_of(world, ref) == CommitmentStatus.DONE
