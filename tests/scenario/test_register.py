"""Registering in one line: ``/atagande ny BUN … senast i april 2027 @anna``, Spara / Ändra."""

from __future__ import annotations

import json

from tests.scenario.conftest import World

ONE_LINE = "/atagande ny BUN Revidera den lokala BUS-överenskommelsen senast i april 2027 @anna"


def raw_blocks(world: World, user: str, channel: str) -> str:
    return json.dumps(world.last(user, channel).blocks, ensure_ascii=False)


def test_one_line_preview_then_save(world: World) -> None:
    world.setup_bun()
    world.run("sara", "bun", ONE_LINE)
    preview = world.last("sara", "bun")
    assert preview.is_ephemeral
    text = world.slack.render_message(preview)
    assert "Så här förstod jag det." in text
    assert "Vad: Revidera den lokala BUS-överenskommelsen" in text
    assert "Ägare: @anna" in text
    assert "Klart senast: 30 april 2027 (”senast i april 2027”)" in text
    assert "[ Spara ]  [ Ändra ]" in text
    assert world.count_commitments() == 0
    world.click("sara", preview, "Spara")
    # The preview turns into the receipt, the card is in the channel, the owner is told.
    receipt = world.last_text("sara", "bun")
    assert "✅ BUN-1 är registrerat." in world.ephemeral_of("sara", "bun")[-1]
    assert "Spara" not in world.ephemeral_of("sara", "bun")[-1]
    assert "BUN-1" in receipt
    assert "[ Klar ]  [ Pågår enligt plan ]  [ Försenad ]  [ Kommentera ]" in world.card_text("BUN-1")
    assert "Du är ägare för BUN-1." in world.dm_text("anna")
    assert "BUN-1" in world.home_text("anna")
    assert world.count_commitments() == 1


def test_change_opens_the_modal_prefilled_and_saves_from_there(world: World) -> None:
    world.setup_bun()
    world.run("sara", "bun", ONE_LINE)
    world.click("sara", world.last("sara", "bun"), "Ändra")
    text = world.modal_text("sara")
    assert "[ Revidera den lokala BUS-överenskommelsen ]" in text
    assert "[ @anna ▾ ]" in text
    assert "[ senast i april 2027 ]" in text
    assert "”senast i april 2027” → 30 april 2027" in text
    assert "[ BUN – Barn- och utbildningsnämnden ▾ ]" in text
    world.fill("sara", **{"Ägarens roll som den står i svaret": "förvaltningschef"})
    assert world.submit("sara").response is None
    # The preview the modal came from now says it is done.
    assert "✅ BUN-1 är registrerat." in world.ephemeral_of("sara", "bun")[-1]
    assert "Ägare: @anna (förvaltningschef)" in world.card_text("BUN-1")


def test_a_recurrence_in_one_line(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN Följ upp tillbudsrapporterna två gånger per läsår")
    text = world.last_text("sara", "bun")
    assert "Återkommer: två gånger per läsår" in text
    world.click("sara", world.last("sara", "bun"), "Spara")
    assert "Återkommer: två gånger per läsår" in world.card_text("BUN-1")


def test_an_unknown_committee_code_is_explained(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny XYZ Revidera rutinen senast i april 2027 @anna")
    answer = world.last("sara", "bun")
    assert answer.is_ephemeral
    assert "Börja med nämndens kod. ”XYZ” är ingen känd nämnd" in world.slack.render_message(answer)
    world.run("sara", "bun", "/atagande ny revidera rutinen senast i april 2027")
    assert "”revidera” är ingen känd nämnd" in world.last_text("sara", "bun")


def test_problems_are_shown_in_the_preview_and_only_change_is_offered(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN Revidera rutinen senast i april 2026 @anna")
    text = world.last_text("sara", "bun")
    assert "Det här behöver rättas innan åtagandet kan sparas:" in text
    assert "⚠️ Datumet (30 april 2026) har redan passerat." in text
    assert "[ Ändra ]" in text and "Spara" not in text
    world.run("sara", "bun", "/atagande ny BUN Revidera rutinen")
    assert "⚠️ Ange när det ska vara klart, eller hur ofta det återkommer." in world.last_text("sara", "bun")
    world.run("sara", "bun", "/atagande ny BUN Utred 19121212-1212 senast i april 2027")
    assert "personnummer eller samordningsnummer" in world.last_text("sara", "bun")
    world.run("sara", "bun", "/atagande ny BUN")
    assert "Spara" not in world.last_text("sara", "bun")
    assert world.count_commitments() == 0


def test_a_bystander_cannot_register_in_one_line(world: World) -> None:
    world.quick_committee()
    world.run("olle", "bun", ONE_LINE)
    answer = world.last("olle", "bun")
    assert answer.is_ephemeral
    assert "Det här får bara sekreterarna för BUN och administratörer göra." in world.slack.render_message(answer)
    assert world.count_commitments() == 0


def test_user_text_is_escaped_never_a_ping_or_a_fake_link(world: World) -> None:
    world.quick_committee()
    world.run(
        "sara",
        "bun",
        "/atagande ny BUN Informera <!channel> & <https://evil.example|Intranätet> om <b>rutinen</b> "
        "senast i april 2027 @anna",
    )
    preview = raw_blocks(world, "sara", "bun")
    assert "&lt;!channel&gt; &amp; &lt;https://evil.example|Intranätet&gt;" in preview
    assert "<!channel>" not in preview and "<https://evil" not in preview
    world.click("sara", world.last("sara", "bun"), "Spara")
    posts = world.slack.calls_to("chat.postMessage")
    assert posts, "the card was not posted"
    for call in posts:
        sent = f"{call.args.get('text')} {json.dumps(call.args.get('blocks'), ensure_ascii=False)}"
        assert "<!channel>" not in sent, sent
        assert "<https://evil" not in sent, sent
        assert "&lt;!channel&gt;" in sent
    # People see exactly what was typed.
    assert "Informera <!channel> & <https://evil.example|Intranätet> om <b>rutinen</b>" in world.card_text("BUN-1")


def test_a_link_in_a_comment_cannot_break_out_of_its_mrkdwn(world: World) -> None:
    world.quick_committee()
    ref = world.add("Revidera rutinen", announce=True)
    world.click("anna", world.card(ref), "Kommentera")
    world.fill(
        "anna",
        **{
            "Kommentar": "Se protokollet",
            "Länk till underlag (valfritt)": "https://intra.example.se/p?a=1&b=<!channel>",
        },
    )
    assert world.submit("anna").response is None
    world.run("anna", "bun", f"/atagande visa {ref}")
    history = raw_blocks(world, "anna", "bun")
    assert "<!channel>" not in history
    # One whole link: nothing in the URL ends it early.
    assert "<https://intra.example.se/p?a=1&amp;b=%3C!channel%3E|" in history
    assert "intra.example.se/p?a=1&b=<!channel> (https://intra.example.se/p?a=1&b=%3C!channel%3E)" in world.last_text(
        "anna", "bun"
    )
