"""Committees: created by admins, secretaries named by admins, channels bound by secretaries."""

from __future__ import annotations

import pytest

from tests.scenario.conftest import World


def test_admin_creates_a_committee(world: World) -> None:
    world.run("admin", "bun", "/atagande nämnd ny BUN Barn- och utbildningsnämnden")
    answer = world.last(("admin"), "bun")
    assert answer.is_ephemeral
    text = world.slack.render_message(answer)
    assert "BUN – Barn- och utbildningsnämnden är skapad" in text
    assert "/atagande kanal BUN" in text
    assert world.committees() == {"BUN": ("Barn- och utbildningsnämnden", None, [])}


def test_a_non_admin_may_not_create_a_committee(world: World) -> None:
    world.run("sara", "bun", "/atagande nämnd ny SN Socialnämnden")
    answer = world.last("sara", "bun")
    assert answer.is_ephemeral
    assert "Det här får bara administratörer göra." in world.slack.render_message(answer)
    assert world.committees() == {}
    # Nobody else saw anything.
    assert world.slack.visible_messages("olle", "bun") == []


def test_an_admin_named_in_the_settings_is_an_admin(world: World) -> None:
    world.run("kim", "bun", "/atagande nämnd ny SN Socialnämnden")
    assert "SN – Socialnämnden är skapad" in world.last_text("kim", "bun")
    world.run("kim", "bun", "/atagande nämnd sekreterare SN @sara")
    assert world.committees()["SN"][2] == [world.uid("sara")]


def test_a_workspace_owner_is_an_admin(world: World) -> None:
    world.slack.add_user("agda", real_name="Agda Ägare", is_owner=True)
    world.slack.workspace.join("bun", "agda")
    world.run("agda", "bun", "/atagande nämnd ny KS Kommunstyrelsen")
    assert "KS – Kommunstyrelsen är skapad" in world.last_text("agda", "bun")


def test_bad_committee_commands_get_swedish_answers(world: World) -> None:
    world.run("admin", "bun", "/atagande nämnd ny BUN Barn- och utbildningsnämnden")
    world.run("admin", "bun", "/atagande nämnd ny BUN Barn- och utbildningsnämnden")
    assert "Nämnden BUN finns redan." in world.last_text("admin", "bun")
    world.run("admin", "bun", "/atagande nämnd ny SN")
    assert "Skriv nämndens namn efter koden" in world.last_text("admin", "bun")
    world.run("admin", "bun", "/atagande nämnd ny 9X Nian")
    assert "går inte att använda som nämndkod" in world.last_text("admin", "bun")
    world.run("admin", "bun", "/atagande nämnd ny")
    assert "Skriv nämndens namn efter koden" in world.last_text("admin", "bun")
    world.run("admin", "bun", "/atagande nämnd ny SN Socialnämnden 19121212-1212")
    assert "personnummer" in world.last_text("admin", "bun")
    world.run("admin", "bun", "/atagande nämnd ny SN " + "S" * 201)
    assert "för lång" in world.last_text("admin", "bun")
    assert list(world.committees()) == ["BUN"]


def test_list_committees(world: World) -> None:
    world.run("olle", "bun", "/atagande nämnd lista")
    assert "Det finns inga nämnder ännu." in world.last_text("olle", "bun")
    world.setup_bun()
    world.run("admin", "allmant", "/atagande nämnd ny SN Socialnämnden")
    world.run("olle", "allmant", "/atagande nämnd lista")
    text = world.last_text("olle", "allmant")
    assert "BUN – Barn- och utbildningsnämnden · #bun · sekreterare: @sara" in text
    assert "SN – Socialnämnden · ingen kanal · sekreterare: inga" in text


@pytest.mark.transports("socket", "http")
def test_admin_names_and_removes_secretaries(world: World) -> None:
    world.run("admin", "bun", "/atagande nämnd ny BUN Barn- och utbildningsnämnden")
    world.run("admin", "bun", "/atagande nämnd sekreterare BUN @sara @anna")
    assert "La till @sara, @anna som sekreterare för BUN." in world.last_text("admin", "bun")
    assert world.committees()["BUN"][2] == sorted([world.uid("sara"), world.uid("anna")])
    world.run("admin", "bun", "/atagande nämnd sekreterare BUN ta bort @sara")
    text = world.last_text("admin", "bun")
    assert "Tog bort @sara som sekreterare för BUN." in text
    assert "Sekreterare för BUN: @anna" in text
    assert world.committees()["BUN"][2] == [world.uid("anna")]


def test_only_admins_name_secretaries(world: World) -> None:
    world.setup_bun()
    world.run("sara", "bun", "/atagande nämnd sekreterare BUN @olle")
    assert "Det här får bara administratörer göra." in world.last_text("sara", "bun")
    world.run("olle", "bun", "/atagande nämnd sekreterare BUN ta bort @sara")
    assert "Det här får bara administratörer göra." in world.last_text("olle", "bun")
    assert world.committees()["BUN"][2] == [world.uid("sara")]


def test_secretary_commands_need_people_and_a_known_committee(world: World) -> None:
    world.run("admin", "bun", "/atagande nämnd ny BUN Barn- och utbildningsnämnden")
    world.run("admin", "bun", "/atagande nämnd sekreterare BUN")
    assert "Nämn personerna med @" in world.last_text("admin", "bun")
    world.run("admin", "bun", "/atagande nämnd sekreterare BUN @nobody")
    assert "Nämn personerna med @" in world.last_text("admin", "bun")
    world.run("admin", "bun", "/atagande nämnd sekreterare XYZ @sara")
    assert "Det finns ingen nämnd med koden XYZ." in world.last_text("admin", "bun")


def test_secretary_binds_the_channel_for_everyone_to_see(world: World) -> None:
    world.setup_bun()
    bound = world.last("olle", "bun")
    assert not bound.is_ephemeral
    assert "Den här kanalen hör nu till BUN – Barn- och utbildningsnämnden." in world.slack.render_message(bound)
    assert world.committees()["BUN"][1] == world.slack.channel("bun").id


def test_moving_a_channel_to_another_committee_says_so(world: World) -> None:
    world.setup_bun()
    world.run("admin", "bun", "/atagande nämnd ny SN Socialnämnden")
    world.run("admin", "bun", "/atagande kanal SN")
    assert "(Kanalen hörde tidigare till BUN.)" in world.last_text("admin", "bun")
    assert world.committees()["BUN"][1] is None


def test_a_bystander_may_not_bind_a_channel(world: World) -> None:
    world.setup_bun()
    world.run("olle", "allmant", "/atagande kanal BUN")
    answer = world.last("olle", "allmant")
    assert answer.is_ephemeral
    assert "Det här får bara sekreterarna för BUN och administratörer göra." in world.slack.render_message(answer)
    assert world.committees()["BUN"][1] == world.slack.channel("bun").id
    assert world.slack.visible_messages("anna", "allmant") == []


def test_binding_needs_a_known_committee_and_a_channel(world: World) -> None:
    world.setup_bun()
    world.run("sara", "allmant", "/atagande kanal")
    assert "Börja med nämndens kod" in world.last_text("sara", "allmant")
    world.run("sara", "allmant", "/atagande kanal XYZ")
    assert "Det finns ingen nämnd med koden XYZ." in world.last_text("sara", "allmant")
    dm = world.slack.dm("sara").id
    world.run("sara", dm, "/atagande kanal BUN")
    assert "inte i ett direktmeddelande" in world.last_text("sara", dm)
    assert world.committees()["BUN"][1] == world.slack.channel("bun").id
