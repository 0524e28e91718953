"""Who may do what: admins, secretaries in their committees, owners on their own; everyone reads."""

from __future__ import annotations

from bot.services import committees as committee_service
from tests.scenario.conftest import World


def test_a_secretary_registers_only_in_their_own_committee(world: World) -> None:
    world.quick_committee()
    world.quick_committee("SN", "Socialnämnden", channel="allmant")
    with world.bot.svc.db.write() as session:
        committee_service.remove_secretaries(session, world.actor("admin"), "SN", [world.uid("sara")])
    world.run("sara", "allmant", "/atagande ny SN Inför SIP-rutinen senast i juni 2027")
    assert "Det här får bara sekreterarna för SN och administratörer göra." in world.last_text("sara", "allmant")
    assert world.count_commitments() == 0


def test_a_removed_secretary_loses_the_right_to_register(world: World) -> None:
    world.setup_bun()
    world.run("sara", "bun", "/atagande ny BUN Revidera rutinen senast i april 2027")
    preview = world.last("sara", "bun")
    world.run("admin", "bun", "/atagande nämnd sekreterare BUN ta bort @sara")
    # The preview was shown before; saving it now is refused.
    world.click("sara", preview, "Spara")
    assert "Det här får bara sekreterarna för BUN och administratörer göra." in world.ephemeral_of("sara", "bun")[-1]
    assert world.count_commitments() == 0
    world.run("sara", "bun", "/atagande ny")
    assert "Du är inte sekreterare i någon nämnd" in world.last_text("sara", "bun")


def test_an_admin_from_the_settings_registers_anywhere_and_answers_anything(world: World) -> None:
    world.quick_committee()
    world.run("kim", "bun", "/atagande ny BUN Revidera rutinen senast i april 2027 @anna")
    world.click("kim", world.last("kim", "bun"), "Spara")
    assert "✅ BUN-1 är registrerat." in world.ephemeral_of("kim", "bun")[-1]
    world.click("kim", world.card("BUN-1"), "Pågår enligt plan")
    assert "Status: Pågår" in world.card_text("BUN-1")


def test_an_owner_updates_only_their_own(world: World) -> None:
    world.quick_committee()
    mine = world.add("Annas åtgärd", announce=True)
    theirs = world.add("Olles åtgärd", owner="olle", announce=True)
    world.click("anna", world.card(theirs), "Markera som klart")
    assert "Bara den ansvariga, nämndsekreterarna och administratörer kan uppdatera BUN-2." in world.last_text(
        "anna", "bun"
    )
    assert world.history_kinds(theirs) == ["created"]
    world.click("anna", world.card(mine), "Markera som klart")
    assert world.history_kinds(mine) == ["created", "status"]


def test_a_secretary_of_another_committee_cannot_update(world: World) -> None:
    world.quick_committee()
    world.quick_committee("SN", "Socialnämnden", channel="")
    with world.bot.svc.db.write() as session:
        committee_service.remove_secretaries(session, world.actor("admin"), "BUN", [world.uid("sara")])
    ref = world.add("Åtgärd", announce=False, committee="SN")
    assert ref == "SN-1"
    with world.bot.svc.db.write() as session:
        committee_service.add_secretaries(
            session, world.actor("admin"), "BUN", [(world.uid("olle"), "Olle Olsson")], world.clock.now()
        )
    world.run("olle", "allmant", "/atagande visa SN-1")
    text = world.last_text("olle", "allmant")
    assert "SN-1" in text and "[ Markera som klart ]" not in text and "[ Ändra ]" not in text


def test_everyone_may_read(world: World) -> None:
    world.quick_committee()
    world.add("Revidera rutinen för orosanmälan")
    for command in ("/atagande lista BUN", "/atagande visa BUN-1", "/atagande sök orosanmälan"):
        world.run("olle", "allmant", command)
        assert "BUN-1" in world.last_text("olle", "allmant"), command
    world.run("olle", "allmant", "/atagande nämnd lista")
    assert "BUN – Barn- och utbildningsnämnden" in world.last_text("olle", "allmant")
