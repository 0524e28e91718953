"""Owners answer on the commitment's card: Klar, Pågår enligt plan, Försenad, Kommentera; visa."""

from __future__ import annotations

import pytest

from bot.services import commitments as commitment_service
from bot.services.commitments import CommitmentInput
from storage.models import CommitmentStatus
from tests.scenario.conftest import World

BYSTANDER_REFUSAL = "Bara den ansvariga, nämndsekreterarna och administratörer kan uppdatera BUN-1."


def announced(world: World) -> str:
    world.quick_committee()
    return world.add("Revidera den lokala BUS-överenskommelsen", announce=True)


@pytest.mark.transports("socket", "http")
def test_done_updates_the_card_in_place_and_keeps_history(world: World) -> None:
    ref = announced(world)
    card = world.card(ref)
    world.slack.clear_calls()
    world.click("anna", card, "Markera som klart")
    updates = world.slack.calls_to("chat.update")
    assert [(u.args["channel"], u.args["ts"]) for u in updates] == [(card.channel, card.ts)]
    after = world.card(ref)
    assert after.ts == card.ts
    text = world.slack.render_message(after)
    assert "Status: Klar" in text
    assert "[ Markera som klart ]" not in text  # a closed commitment has nothing left to answer
    assert world.history_kinds(ref) == ["created", "status"]
    assert world.slack.calls_to("chat.postMessage") == []  # no new message, the card changed
    assert "Du är inte ansvarig för något öppet åtagande just nu." in world.home_text("anna")


def test_on_track_keeps_the_buttons(world: World) -> None:
    ref = announced(world)
    world.click("anna", world.card(ref), "Pågår enligt plan")
    text = world.card_text(ref)
    assert "Status: Pågår" in text
    assert "[ Markera som klart ]  [ Pågår enligt plan ]  [ Meddela försening ]  [ Kommentera ]" in text
    assert world.history_kinds(ref) == ["created", "status"]
    world.run("olle", "bun", f"/atagande visa {ref}")
    assert "Anna Andersson: satte status Pågår" in world.last_text("olle", "bun")


@pytest.mark.transports("socket", "http")
def test_delayed_needs_a_new_date_and_a_reason(world: World) -> None:
    ref = announced(world)
    world.click("anna", world.card(ref), "Meddela försening")
    assert "BUN-1 blir försenat." in world.modal_text("anna")
    # Slack itself refuses empty required fields.
    empty = world.submit("anna")
    assert empty.ack is None and set(empty.client_errors) == {"deadline", "reason"}
    world.fill("anna", **{"Nytt slutdatum": "när vi hinner", "Varför ändras slutdatumet?": "Personalbrist"})
    refused = world.submit("anna")
    assert refused.response is not None
    assert refused.response["errors"] == {
        "deadline": "Jag förstår inte ”när vi hinner” som ett datum. Skriv t.ex. 2027-04-30, ”senast i april 2027”, "
        "”under hösten 2027” eller ”v. 12”."
    }
    assert "! Jag förstår inte ”när vi hinner” som ett datum." in world.modal_text("anna")
    world.fill("anna", **{"Nytt slutdatum": "2026-12-01"})
    refused = world.submit("anna")
    assert refused.response is not None and "har redan passerat" in refused.response["errors"]["deadline"]
    world.fill("anna", **{"Nytt slutdatum": "senast i juni 2027", "Varför ändras slutdatumet?": "Gäller 19121212-1212"})
    refused = world.submit("anna")
    assert refused.response is not None and list(refused.response["errors"]) == ["reason"]
    assert world.history_kinds(ref) == ["created"]
    world.fill("anna", **{"Varför ändras slutdatumet?": "Personalbrist under våren"})
    assert world.submit("anna").response is None
    text = world.card_text(ref)
    assert "🔴" in text
    assert "Status: Försenad" in text
    assert "Klart senast: 30 juni 2027 (”senast i juni 2027”)" in text
    assert "Ursprungligen: 30 april 2027 (”senast i april 2027”)" in text
    assert world.history_kinds(ref) == ["created", "deadline"]
    world.run("anna", "bun", f"/atagande visa {ref}")
    assert "ändrade slutdatumet från 30 april 2027 till 30 juni 2027: ”Personalbrist under våren”" in world.last_text(
        "anna", "bun"
    )


def test_comment_with_an_evidence_link(world: World) -> None:
    ref = announced(world)
    world.click("anna", world.card(ref), "Kommentera")
    assert "Kommentera BUN-1." in world.modal_text("anna")
    for bad in ("protokollet på intranätet", "ftp://intra.example.se/p", "javascript:alert(1)", "https://intranat"):
        world.fill("anna", **{"Kommentar": "Beslut i nämnden", "Länk till underlag": bad})
        refused = world.submit("anna")
        assert refused.response == {
            "response_action": "errors",
            "errors": {"evidence_url": "Länken måste vara en hel webbadress som börjar med https:// eller http://."},
        }, bad
    assert world.history_kinds(ref) == ["created"]
    world.fill("anna", **{"Länk till underlag": "https://intra.example.se/protokoll/2027-02-14"})
    assert world.submit("anna").response is None
    assert world.history_kinds(ref) == ["created", "comment"]
    world.run("olle", "bun", f"/atagande visa {ref}")
    text = world.last_text("olle", "bun")
    assert "Anna Andersson: kommenterade – ”Beslut i nämnden”" in text
    assert "(https://intra.example.se/protokoll/2027-02-14)" in text


def test_a_comment_needs_text_and_no_personal_number(world: World) -> None:
    ref = announced(world)
    world.click("anna", world.card(ref), "Kommentera")
    world.fill("anna", Kommentar="  ")
    refused = world.submit("anna")
    assert refused.response is not None and refused.response["errors"] == {"comment": "Fyll i det här fältet."}
    world.fill("anna", Kommentar="Elev 1212121212 har fått stöd")
    refused = world.submit("anna")
    assert refused.response is not None and "personnummer" in refused.response["errors"]["comment"]
    assert world.history_kinds(ref) == ["created"]


def test_a_bystander_cannot_answer_and_nothing_changes(world: World) -> None:
    ref = announced(world)
    card = world.card(ref)
    before = world.slack.render_message(card)
    world.slack.clear_calls()
    for label in ("Markera som klart", "Pågår enligt plan", "Meddela försening", "Kommentera"):
        world.click("olle", card, label)
        answer = world.last("olle", "bun")
        assert answer.is_ephemeral, label
        assert BYSTANDER_REFUSAL in world.slack.render_message(answer), label
        assert world.slack.open_view("olle") is None, label
    assert world.slack.calls_to("chat.update") == []
    assert world.slack.calls_to("views.open") == []
    assert world.history_kinds(ref) == ["created"]
    assert world.slack.render_message(world.card(ref)) == before
    # Only olle saw the refusals.
    assert all(BYSTANDER_REFUSAL not in t for t in world.ephemeral_of("anna", "bun"))


def test_the_secretary_may_answer_for_the_owner(world: World) -> None:
    ref = announced(world)
    world.click("sara", world.card(ref), "Pågår enligt plan")
    assert "Status: Pågår" in world.card_text(ref)


@pytest.mark.transports("socket", "http")
def test_answering_in_the_owners_dm_updates_both_messages(world: World) -> None:
    ref = announced(world)
    dm = world.slack.dm("anna").id
    dm_card = world.last("anna", dm)
    assert "Du är ansvarig för BUN-1." in world.slack.render_message(dm_card)
    world.click("anna", dm_card, "Pågår enligt plan")
    assert "Status: Pågår" in world.card_text(ref)
    assert "Status: Pågår" in world.last_text("anna", dm)
    assert world.last("anna", dm).ts == dm_card.ts


def test_show_gives_history_and_the_right_buttons(world: World) -> None:
    ref = announced(world)
    world.click("anna", world.card(ref), "Pågår enligt plan")
    world.run("olle", "bun", f"/atagande visa {ref}")
    text = world.last_text("olle", "bun")
    assert "Historik" in text
    assert "Sara Sekreterare: registrerade åtagandet, klart senast 30 april 2027" in text
    assert "[ Markera som klart ]" not in text and "[ Ändra ]" not in text  # a reader only reads
    world.run("anna", "bun", "/atagande visa bun 1")
    assert "[ Markera som klart ]" in world.last_text("anna", "bun")
    assert "[ Ändra ]" not in world.last_text("anna", "bun")
    world.run("sara", "bun", "/atagande visa BUN-1")
    assert "[ Ändra ]" in world.last_text("sara", "bun")


def test_done_in_the_show_answer_updates_it_and_the_card(world: World) -> None:
    ref = announced(world)
    world.run("anna", "allmant", f"/atagande visa {ref}")
    world.click("anna", world.last("anna", "allmant"), "Markera som klart")
    assert "Status: Klar" in world.last_text("anna", "allmant")
    assert "Status: Klar" in world.card_text(ref)


def test_show_explains_unknown_and_malformed_references(world: World) -> None:
    announced(world)
    world.run("olle", "bun", "/atagande visa BUN-99")
    assert "Det finns inget åtagande BUN-99." in world.last_text("olle", "bun")
    world.run("olle", "bun", "/atagande visa hej")
    assert "”hej” är ingen referens till ett åtagande. En referens ser ut som BUN-14." in world.last_text("olle", "bun")
    world.run("olle", "bun", "/atagande visa")
    assert "Ange vilket åtagande, t.ex. /atagande visa BUN-14." in world.last_text("olle", "bun")
    world.run("olle", "bun", "/atagande visa XYZ-1")
    assert "Det finns inget åtagande XYZ-1." in world.last_text("olle", "bun")


def test_the_secretary_edits_and_a_moved_date_needs_a_reason(world: World) -> None:
    ref = announced(world)
    world.run("sara", "bun", f"/atagande visa {ref}")
    world.click("sara", world.last("sara", "bun"), "Ändra")
    text = world.modal_text("sara")
    assert "Ändra åtagande" in text and "[ senast i april 2027 ]" in text
    world.fill("sara", **{"Klart senast": "senast i maj 2027"})
    assert "”senast i maj 2027” → 31 maj 2027" in world.modal_text("sara")
    refused = world.submit("sara")
    assert refused.response == {"response_action": "errors", "errors": {"reason": "Skriv varför datumet ändras."}}
    world.fill("sara", **{"Anledning till ändringen": "Nämnden flyttade sitt möte"})
    assert world.submit("sara").response is None
    text = world.card_text(ref)
    assert "Klart senast: 31 maj 2027" in text and "Ursprungligen: 30 april 2027" in text
    assert world.history_kinds(ref) == ["created", "deadline"]
    # The secretary's own answer was refreshed too.
    assert "Klart senast: 31 maj 2027" in world.ephemeral_of("sara", "bun")[-1]


def test_an_owner_cannot_edit(world: World) -> None:
    ref = announced(world)
    world.run("sara", "bun", f"/atagande visa {ref}")
    edit_button = world.last("sara", "bun")
    # Anna cannot see sara's ephemeral; she gets no edit button of her own either.
    world.run("anna", "bun", f"/atagande visa {ref}")
    assert "[ Ändra ]" not in world.last_text("anna", "bun")
    assert edit_button.is_ephemeral


def test_a_commitment_cancelled_while_the_modal_is_open(world: World) -> None:
    ref = announced(world)
    world.click("anna", world.card(ref), "Meddela försening")
    with world.bot.svc.db.write() as session:
        c = commitment_service.get_by_reference(session, ref)
        commitment_service.set_status(session, world.actor("sara"), c, CommitmentStatus.CANCELLED, world.clock.now())
    world.fill("anna", **{"Nytt slutdatum": "2027-08-31", "Varför ändras slutdatumet?": "Sjukskrivning"})
    refused = world.submit("anna")
    # The reason is shown on the modal's own field, not on one it does not have.
    assert refused.response == {
        "response_action": "errors",
        "errors": {"deadline": "BUN-1 är avbrutet och kan inte uppdateras."},
    }
    assert world.history_kinds(ref) == ["created", "status"]


def test_an_owner_replaced_while_commenting_is_refused_in_the_modal(world: World) -> None:
    ref = announced(world)
    world.click("anna", world.card(ref), "Kommentera")
    with world.bot.svc.db.write() as session:
        c = commitment_service.get_by_reference(session, ref)
        draft = commitment_service.validate(
            session,
            CommitmentInput(
                text=c.text, committee="BUN", owner_user_id=world.uid("olle"), deadline=c.deadline_phrase or ""
            ),
            world.clock.today(),
            current=commitment_service.current_deadline(c),
        )
        commitment_service.edit(session, world.actor("sara"), c, draft, None, "", world.clock.now())
    world.fill("anna", Kommentar="Klart snart")
    refused = world.submit("anna")
    assert refused.response is not None
    assert refused.response["errors"] == {"comment": BYSTANDER_REFUSAL}


def test_a_card_full_of_ampersands_is_still_updated(world: World) -> None:
    # chat.update takes at most 4,000 characters of text; "&" is five once escaped, so the fallback text
    # must be cut after escaping, not before.
    world.quick_committee()
    ref = world.add("Ta fram R&D-plan " + "& " * 990, announce=True)
    world.click("anna", world.card(ref), "Markera som klart")
    assert world.slack.problems == []
    assert "Status: Klar" in world.card_text(ref)
    card = world.card(ref)
    assert len(card.text) <= 4000 and "&amp;" in card.text and not card.text.endswith(("&", "&a", "&am", "&amp"))


def test_a_long_history_shows_its_latest_entries_whole_and_counts_the_older(world: World) -> None:
    # Six long comments with a link each are more than a section holds: the card shows the newest whole,
    # never a link cut in two, and says how many older ones there are and where they all are.
    from bot.services import answers

    world.quick_committee()
    ref = world.add("Revidera rutinen")
    commitment_id = int(ref.split("-")[1])
    for n in range(6):
        answers.comment(
            world.bot.svc, world.actor("anna"), commitment_id, f"Steg {n}: " + "utredning " * 80, f"https://x.se/{n}"
        )
    world.run("anna", "bun", f"/atagande visa {ref}")
    shown = world.last("anna", "bun")
    history = next(b["text"]["text"] for b in shown.blocks if "Historik" in str(b.get("text", {}).get("text", "")))
    assert len(history) <= 3000 and not history.endswith("…")
    assert "Steg 5" in history and "https://x.se/5" in history  # the newest, whole
    assert "Steg 0" not in history
    assert "tidigare händelser" in history and "/atagande rapport" in history


def test_an_edits_reason_is_shown_as_its_reason_not_as_new_words(world: World) -> None:
    # Found by a new user: the history read "ändrade åtagandet: ”Sommarlovet börjar 11 juni”", the reason quoted
    # as if it were the commitment's new text.
    ref = announced(world)
    world.run("sara", "bun", f"/atagande visa {ref}")
    world.click("sara", world.last("sara", "bun"), "Ändra")
    world.fill("sara", **{"Vad ska göras?": "Revidera den lokala överenskommelsen tillsammans med skolorna"})
    world.fill("sara", **{"Anledning till ändringen": "Skolorna vill vara med"})
    assert world.submit("sara").response is None
    world.run("sara", "bun", f"/atagande visa {ref}")
    shown = world.ephemeral_of("sara", "bun")[-1]
    assert "ändrade åtagandet (motivering: ”Skolorna vill vara med”)" in shown
