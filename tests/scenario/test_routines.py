"""``/rutin``: search, share, list, show, other names, add and remove, through the real bot and the stand-in."""

from __future__ import annotations

import json

import pytest

from bot.services import routines as routine_service
from storage.db import Database
from tests.scenario.conftest import World

ROUTINES = [
    (
        "Samordnad individuell plan",
        "När en person behöver insatser från både socialtjänsten och regionen ska en samordnad "
        "individuell plan upprättas. Kallelse skickas inom fem arbetsdagar.",
        [],
    ),
    (
        "Rutin för orosanmälan",
        "Den som misstänker att ett barn far illa gör en orosanmälan till socialtjänsten <!channel> & genast.",
        ["Anmälan om missförhållanden"],
    ),
    *[
        (f"Rutin för {what} i förskolan", f"Så hanteras {what} i förskolan: ansvar, dokumentation och uppföljning.", [])
        for what in (
            "läkemedel",
            "allergier",
            "utflykter",
            "brandlarm",
            "sjukdom",
            "tillsyn",
            "hämtning",
        )
    ],
]


def add_routines(world: World) -> dict[str, int]:
    svc = world.bot.svc
    ids: dict[str, int] = {}
    with svc.db.write() as session:
        for title, body, aliases in ROUTINES:
            routine, _ = routine_service.add_routine(
                session,
                title=title,
                body=body,
                now=svc.clock.now(),
                source="https://intranat.example.se/r",
                aliases=aliases,
            )
            ids[title] = routine.id
    return ids


def last_ephemeral(world: World, user: str, channel: str = "bun") -> str:
    shown = world.ephemeral_of(user, channel)
    assert shown, f"{user} got no answer"
    return shown[-1]


def last_blocks(world: World, user: str, channel: str = "bun") -> str:
    return json.dumps(world.last(user, channel).blocks, ensure_ascii=False)


@pytest.mark.transports("socket", "http")
def test_search_without_diacritics_and_by_abbreviation_shares_in_the_channel(world: World) -> None:
    add_routines(world)
    world.run("olle", "bun", "/rutin orosanmalan")
    message = world.last("olle", "bun")
    assert message.is_ephemeral
    text = world.slack.render_message(message)
    assert "Rutin för orosanmälan" in text and "[ Dela i kanalen ]" in text
    blocks = last_blocks(world, "olle")
    assert "*orosanmälan*" in blocks  # the matched word in bold
    assert "<!channel>" not in blocks and "&lt;!channel&gt;" in blocks and "&amp;" in blocks

    world.run("olle", "bun", "/rutin SIP")
    text = last_ephemeral(world, "olle")
    assert "Samordnad individuell plan" in text
    assert "*samordnad*" in last_blocks(world, "olle")

    world.run("olle", "bun", "/rutin forskolan")
    shares = [b for b in world.last("olle", "bun").blocks if b.get("accessory", {}).get("action_id") == "routine_share"]
    assert len(shares) == 5

    world.run("anna", "bun", "/rutin orosanmalan")
    world.click("anna", world.last("anna", "bun"), "Dela i kanalen")
    posted = [m for m in world.slack.visible_messages("olle", "bun") if not m.is_ephemeral]
    assert len(posted) == 1
    shared = world.slack.render_message(posted[0])
    assert "@anna" in shared and "delade en rutin" in shared and "Rutin för orosanmälan" in shared
    assert "intranat.example.se" in shared
    # The search answers stay with who asked.
    assert not any("Rutiner för" in world.slack.render_message(m) for m in posted)


def test_help_nonsense_long_and_stop_word_queries(world: World) -> None:
    world.run("olle", "bun", "/rutin orosanmälan")
    assert "Rutinbiblioteket är tomt" in last_ephemeral(world, "olle")
    add_routines(world)
    world.run("olle", "bun", "/rutin")
    assert "/rutin ny" in last_ephemeral(world, "olle") and "Rutinbiblioteket" in last_ephemeral(world, "olle")
    world.run("olle", "bun", "/rutin x")
    assert "minst två bokstäver" in last_ephemeral(world, "olle")
    world.run("olle", "bun", "/rutin hjälp")
    assert "/rutin lista" in last_ephemeral(world, "olle")

    world.run("olle", "bun", "/rutin och för att")
    assert "bara av småord" in last_ephemeral(world, "olle")

    world.run("olle", "bun", "/rutin Rutin för orosanmalen")
    assert "Rutin för orosanmälan" in last_ephemeral(world, "olle")
    world.run("olle", "bun", "/rutin orosanmälan qwxzy plorkt blankett")
    answer = last_ephemeral(world, "olle")
    assert "Menade du" in answer and "• Rutin för orosanmälan" in answer
    world.run("olle", "bun", "/rutin qwxzy plorkt")
    answer = last_ephemeral(world, "olle")
    assert "Menade du" not in answer and "/rutin lista" in answer

    world.run("olle", "bun", "/rutin orosanmälan " + "mycket lång fråga " * 20)
    answer = last_ephemeral(world, "olle")
    assert "kortades" in answer and "200 tecken" in answer


def test_list_show_aliases_and_who_may_change(world: World) -> None:
    world.quick_committee()
    ids = add_routines(world)
    number = ids["Rutin för orosanmälan"]
    world.run("olle", "bun", "/rutin lista")
    listing = last_ephemeral(world, "olle")
    assert f"{number}. Rutin för orosanmälan" in listing and "9 rutiner" in listing

    world.run("olle", "bun", f"/rutin visa {number}")
    card = last_ephemeral(world, "olle")
    assert "Anmälan om missförhållanden" in card and "intranat.example.se" in card
    assert "[ Dela i kanalen ]" in card and "[ Ta bort ]" not in card

    world.run("olle", "bun", f"/rutin alias {number} BOA, barn som far illa")
    assert "Bara administratörer och nämndsekreterare" in last_ephemeral(world, "olle")
    world.run("olle", "bun", "/rutin ny")
    assert "Bara administratörer och nämndsekreterare" in last_ephemeral(world, "olle")
    assert world.slack.open_view("olle") is None
    world.run("olle", "bun", f"/rutin ta bort {number}")
    assert "Bara administratörer och nämndsekreterare" in last_ephemeral(world, "olle")

    world.run("sara", "bun", f"/rutin alias {number} BOA, barn som far illa")
    assert "BOA, barn som far illa" in last_ephemeral(world, "sara")
    world.run("olle", "bun", "/rutin barn som far illa")
    assert "Rutin för orosanmälan" in last_ephemeral(world, "olle")


def found(world: World, query: str) -> bool:
    """Whether olle's search for `query` answers with the routine about orosanmälan as a hit."""
    world.run("olle", "bun", f"/rutin {query}")
    answer = world.last("olle", "bun")
    hits = [b for b in answer.blocks if b.get("accessory", {}).get("action_id") == "routine_share"]
    return any("Rutin för orosanmälan" in json.dumps(b, ensure_ascii=False) for b in hits)


def test_other_names_are_found_at_once_by_the_running_bot(world: World, database_url: str) -> None:
    # The clock stands still, as in the console: a change in the same second as the index still counts.
    world.quick_committee()
    number = add_routines(world)["Rutin för orosanmälan"]
    assert found(world, "orosanmälan")  # the bot has built its index
    assert not found(world, "blåljuspärmen")

    world.run("sara", "bun", f"/rutin alias {number} Blåljuspärmen, Anmälan om missförhållanden")
    assert found(world, "blåljuspärmen")
    world.run("sara", "bun", f"/rutin alias {number} Anmälan om missförhållanden")
    assert not found(world, "blåljuspärmen")

    # The command line (another process, its own connection) changes the names while the bot runs.
    other = Database.from_url(database_url)
    try:
        with other.write() as session:
            routine_service.set_aliases(session, number, ["Gula kuvertet"], world.clock.now())
    finally:
        other.dispose()
    assert found(world, "gula kuvertet")
    assert not found(world, "missförhållanden")


def test_new_routine_in_the_modal_then_found(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/rutin ny")
    assert "Ny rutin" in world.modal_text("sara")
    world.fill("sara", Titel="   ", Text="Hur en avvikelse rapporteras i verksamhetssystemet.")
    interaction = world.submit("sara")
    assert interaction.response and interaction.response.get("response_action") == "errors"
    assert "Rutinen behöver en titel." in world.modal_text("sara")

    world.fill(
        "sara",
        **{
            "Titel": "Rutin för avvikelsehantering",
            "Andra namn och förkortningar": "Lex Sarah\nAvvikelser",
            "Senast reviderad": "2026-06-30",
            "Rutinägare": "Kvalitetschef",
        },
    )
    world.submit("sara")
    assert world.slack.open_view("sara") is None
    assert "Rutinen är sparad" in last_ephemeral(world, "sara")

    world.run("anna", "bun", "/rutin lex sara")
    answer = last_ephemeral(world, "anna")
    assert "Rutin för avvikelsehantering" in answer and "Senast reviderad 30 juni 2026" in answer


def test_edit_a_routine_from_its_card_or_by_number(world: World) -> None:
    world.quick_committee()
    ids = add_routines(world)
    number = ids["Rutin för orosanmälan"]
    world.run("olle", "bun", f"/rutin visa {number}")
    assert "[ Ändra ]" not in last_ephemeral(world, "olle")
    world.run("olle", "bun", f"/rutin ändra {number}")
    assert "Bara administratörer och nämndsekreterare" in last_ephemeral(world, "olle")
    assert world.slack.open_view("olle") is None
    world.run("sara", "bun", "/rutin ändra")
    assert "/rutin ändra 3" in last_ephemeral(world, "sara")

    # The card's button opens the form holding the routine as it is.
    world.run("sara", "bun", f"/rutin visa {number}")
    world.click("sara", world.last("sara", "bun"), "Ändra")
    form = world.modal_text("sara")
    assert "Ändra rutin" in form and "Rutin för orosanmälan" in form and "Anmälan om missförhållanden" in form
    world.fill("sara", Titel="", **{"Senast reviderad": "2026-11-30"})
    assert world.submit("sara").client_errors == {"title": "Fyll i det här obligatoriska fältet."}
    world.fill("sara", Titel="   ")
    interaction = world.submit("sara")
    assert interaction.response and interaction.response.get("response_action") == "errors"
    assert "Rutinen behöver en titel." in world.modal_text("sara")
    world.fill("sara", Titel="Rutin för orosanmälan och anmälningsskyldighet")
    world.submit("sara")
    assert world.slack.open_view("sara") is None
    assert "Rutinen är uppdaterad som nummer" in last_ephemeral(world, "sara")

    with world.bot.svc.db.read() as session:
        routine = routine_service.get_routine(session, number)
        assert routine.title == "Rutin för orosanmälan och anmälningsskyldighet"
        assert routine.aliases == ["Anmälan om missförhållanden"] and routine.body.startswith("Den som misstänker")
        assert routine.revision_date is not None and routine.revision_date.isoformat() == "2026-11-30"
    world.run("olle", "bun", "/rutin anmalningsskyldighet")
    assert "Rutin för orosanmälan och anmälningsskyldighet" in last_ephemeral(world, "olle")


def test_a_text_too_long_for_the_form_is_kept_as_it_is(world: World) -> None:
    world.quick_committee()
    body = "Så här gör du när ett barn far illa. " * 200
    with world.bot.svc.db.write() as session:
        routine, _ = routine_service.add_routine(
            session, title="Handbok för orosanmälan", body=body, now=world.bot.svc.clock.now()
        )
        number = routine.id
    world.run("sara", "bun", f"/rutin ändra {number}")
    form = world.modal_text("sara")
    assert "Importera dokumentet igen" in form and "7\xa0400 tecken" in form
    world.fill("sara", Titel="Handbok för orosanmälan, 2027")
    world.submit("sara")
    with world.bot.svc.db.read() as session:
        routine = routine_service.get_routine(session, number)
        assert routine.title == "Handbok för orosanmälan, 2027" and routine.body == body


def test_other_names_too_many_for_the_form_are_kept_as_they_are(world: World) -> None:
    # Thirty names of a hundred characters are more than a form field holds (3,000): the form must not
    # offer them cut, or an unchanged save would drop the last ones.
    world.quick_committee()
    aliases = [f"Namn {n:02d} " + "x" * 110 for n in range(30)]
    with world.bot.svc.db.write() as session:
        routine, _ = routine_service.add_routine(
            session, title="Handbok", body="Kort text.", now=world.bot.svc.clock.now(), aliases=aliases
        )
        number = routine.id
    world.run("sara", "bun", f"/rutin ändra {number}")
    assert "/rutin alias" in world.modal_text("sara")
    world.fill("sara", Titel="Handbok, 2027")
    world.submit("sara")
    with world.bot.svc.db.read() as session:
        routine = routine_service.get_routine(session, number)
        assert routine.title == "Handbok, 2027" and list(routine.aliases or []) == aliases


@pytest.mark.transports("socket", "http")
def test_remove_with_a_confirm_dialog(world: World) -> None:
    world.quick_committee()
    ids = add_routines(world)
    number = ids["Rutin för orosanmälan"]
    world.run("sara", "bun", f"/rutin ta bort {number}")
    ask = world.last("sara", "bun")
    button = next(e for b in ask.blocks if b["type"] == "actions" for e in b["elements"])
    assert button["confirm"]["confirm"]["text"] == "Ja, ta bort" and button["style"] == "danger"
    world.click("sara", ask, "Ta bort")
    assert "är borttagen" in world.slack.render_message(world.last("sara", "bun"))
    world.run("olle", "bun", f"/rutin visa {number}")
    assert f"ingen rutin med nummer {number}" in last_ephemeral(world, "olle")


def test_sharing_where_the_bot_is_not_says_how_to_invite_it(world: World) -> None:
    add_routines(world)
    world.slack.add_channel("hemligt", is_private=True, members=["anna"], bot_is_member=False)
    world.run("anna", "hemligt", "/rutin orosanmalan")
    world.click("anna", world.last("anna", "hemligt"), "Dela i kanalen")
    assert "/invite" in last_ephemeral(world, "anna", "hemligt")
    assert not [m for m in world.slack.visible_messages("anna", "hemligt") if not m.is_ephemeral]


def test_the_routine_form_is_open_when_the_command_is_acknowledged(world: World) -> None:
    # The trigger_id lasts three seconds from the command: a form opened after the
    # acknowledgement (by a lazy listener, under load) can come too late, so it opens before it.
    world.quick_committee()
    number = add_routines(world)["Rutin för orosanmälan"]
    for text, title in (("ny", "Ny rutin"), (f"ändra {number}", "Rutin för orosanmälan")):
        interaction = world.slack.slash_command("sara", "bun", "/rutin", text)
        assert interaction.acked
        opened = world.slack.open_view("sara")  # looked at before the bot settles
        assert opened is not None, f"/rutin {text}: no form when the command was acknowledged"
        assert title in json.dumps(opened.to_slack(), ensure_ascii=False)
        world.bot.settle()
        world.slack.close_view("sara")
