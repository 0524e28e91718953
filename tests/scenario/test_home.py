"""App Home: my commitments as red / yellow / green, my committees, quick actions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.scenario.conftest import World


def open_home(world: World, user: str) -> str:
    world.act(lambda: world.slack.open_home(user))
    return world.home_text(user)


@pytest.mark.transports("socket", "http")
def test_home_groups_my_commitments_by_traffic_light(world: World) -> None:
    world.quick_committee()
    world.add("Åtgärd som blir försenad", deadline="2027-01-15")
    world.add("Åtgärd som snart ska vara klar", deadline="2027-02-20")
    world.add("Åtgärd långt fram", deadline="2027-09-30")
    world.add("Någon annans åtgärd", deadline="2027-09-30", owner="olle")
    world.clock.advance(timedelta(days=14))  # 25 January 2027
    text = open_home(world, "anna")
    red = text.index("🔴 Försenade eller flyttade (1)")
    yellow = text.index("🟡 Klara inom 30 dagar, utan färsk uppdatering (1)")
    green = text.index("🟢 Enligt plan (1)")
    assert red < text.index("BUN-1 Åtgärd som blir försenad") < yellow
    assert yellow < text.index("BUN-2 Åtgärd som snart ska vara klar") < green
    assert green < text.index("BUN-3 Åtgärd långt fram")
    assert "BUN-4" not in text
    # My committees, and no register button for someone who is no secretary.
    assert "Mina nämnder" in text
    assert "BUN – Barn- och utbildningsnämnden · #bun · 4 öppna" in text
    assert "du är sekreterare" not in text
    assert "[ Läs in igen ]" in text and "Nytt åtagande" not in text


def test_an_update_turns_yellow_green_and_a_moved_date_red(world: World) -> None:
    world.quick_committee()
    soon = world.add("Snart klar", deadline="2027-02-01", announce=True)
    later = world.add("Senare", deadline="2027-10-01", announce=True)
    assert "🟡 Klara inom 30 dagar" in open_home(world, "anna")
    world.click("anna", world.card(soon), "Pågår enligt plan")
    text = world.home_text("anna")  # refreshed by the click, without opening it again
    assert "🟡" not in text and "🟢 Enligt plan (2)" in text
    world.click("anna", world.card(later), "Meddela försening")
    world.fill("anna", **{"Nytt slutdatum": "2027-12-15", "Varför ändras slutdatumet?": "Väntar på upphandling"})
    assert world.submit("anna").response is None
    text = world.home_text("anna")
    assert "🔴 Försenade eller flyttade (1)" in text
    assert "BUN-2 Senare — 15 december 2027" in text


def test_a_secretary_sees_committees_and_the_register_button(world: World) -> None:
    world.quick_committee()
    world.quick_committee("SN", "Socialnämnden", channel="")
    world.add("Åtgärd", deadline="2027-05-01")
    text = open_home(world, "sara")
    assert "Du är inte ansvarig för något öppet åtagande just nu. 🎉" in text
    assert "BUN – Barn- och utbildningsnämnden · #bun · 1 öppet · du är sekreterare" in text
    assert "SN – Socialnämnden · 0 öppna · du är sekreterare" in text
    assert "[ Nytt åtagande ]  [ Läs in igen ]" in text
    world.click("sara", "home", "Nytt åtagande")
    assert "Nytt åtagande" in world.modal_text("sara")


def test_an_admin_sees_every_committee(world: World) -> None:
    world.quick_committee()
    world.quick_committee("SN", "Socialnämnden", channel="")
    text = open_home(world, "kim")
    assert "BUN – Barn- och utbildningsnämnden" in text and "SN – Socialnämnden" in text
    assert "[ Nytt åtagande ]" in text


def test_a_newcomer_gets_a_friendly_home(world: World) -> None:
    text = open_home(world, "olle")
    assert "Du är inte ansvarig för något öppet åtagande just nu." in text
    assert "Du är inte sekreterare i någon nämnd." in text
    assert "Skriv /atagande hjälp för alla kommandon." in text


@pytest.mark.transports("socket", "http")
def test_refresh_shows_what_changed_meanwhile(world: World) -> None:
    world.quick_committee()
    assert "Du är inte ansvarig för något öppet åtagande" in open_home(world, "anna")
    world.add("Ny åtgärd", deadline="2027-06-01")  # registered behind the Home tab's back
    world.click("anna", "home", "Läs in igen")
    assert "BUN-1 Ny åtgärd" in world.home_text("anna")


def test_many_commitments_stay_within_slacks_limits(world: World) -> None:
    world.quick_committee()
    for n in range(25):
        world.add(f"Åtgärd {n}", deadline="2027-08-31")
    text = open_home(world, "anna")
    assert "🟢 Enligt plan (25)" in text
    assert "… och 5 till. Se alla med /atagande mina." in text
    view = world.slack.home("anna")
    assert view is not None and len(view.blocks) <= 100


def test_read_again_rereads_home_and_says_when(world: World) -> None:
    # "Läs in igen", not "Uppdatera" (which is what an owner does to a status): it reads Home afresh.
    world.quick_committee()
    assert "BUN-1" not in open_home(world, "anna")
    world.add("Åtgärd som tillkom efteråt", deadline="2027-09-30")  # stored, Home not published
    world.clock.advance(timedelta(minutes=25))  # 09.25
    world.click("anna", "home", "Läs in igen")
    text = world.home_text("anna")
    assert "BUN-1 Åtgärd som tillkom efteråt" in text
    assert "kl. 09.25" in text  # when it was read, so that a press shows something even if nothing changed
    assert "Uppdatera" not in text


def test_the_answer_buttons_are_verbs(world: World) -> None:
    from bot.ui.commitment import ACTION_DELAYED, ACTION_DONE

    world.quick_committee()
    ref = world.add("Åtgärd", deadline="2027-09-30", announce=True)
    buttons = {
        e["action_id"]: e["text"]["text"]
        for b in world.card(ref).blocks
        if b["type"] == "actions"
        for e in b["elements"]
    }
    assert buttons[ACTION_DONE] == "Markera som klart"
    assert buttons[ACTION_DELAYED] == "Meddela försening"
    world.click("anna", world.card(ref), "Meddela försening")
    assert (world.modal("anna").title or {}).get("text") == "Meddela försening"
