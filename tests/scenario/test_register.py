"""Registering in one line: ``/atagande ny BUN … senast i april 2027 @anna``, Spara / Ändra."""

from __future__ import annotations

import json

import pytest

from bot.services import commitments as commitment_service
from tests.scenario.conftest import World

ONE_LINE = "/atagande ny BUN Revidera den lokala BUS-överenskommelsen senast i april 2027 @anna"


def raw_blocks(world: World, user: str, channel: str) -> str:
    return json.dumps(world.last(user, channel).blocks, ensure_ascii=False)


@pytest.mark.transports("socket", "http")
def test_one_line_preview_then_save(world: World) -> None:
    world.setup_bun()
    world.run("sara", "bun", ONE_LINE)
    preview = world.last("sara", "bun")
    assert preview.is_ephemeral
    text = world.slack.render_message(preview)
    assert "Så här förstod jag det." in text
    assert "Vad: Revidera den lokala BUS-överenskommelsen" in text
    assert "Ansvarig: @anna" in text
    assert "Klart senast: 30 april 2027 (”senast i april 2027”)" in text
    assert "[ Spara ]  [ Ändra ]" in text
    assert world.count_commitments() == 0
    world.click("sara", preview, "Spara")
    # The preview turns into the receipt, the card is in the channel, the owner is told.
    receipt = world.last_text("sara", "bun")
    assert "✅ BUN-1 är registrerat." in world.ephemeral_of("sara", "bun")[-1]
    assert "Spara" not in world.ephemeral_of("sara", "bun")[-1]
    assert "BUN-1" in receipt
    assert "[ Markera som klart ]  [ Pågår enligt plan ]  [ Meddela försening ]  [ Kommentera ]" in world.card_text(
        "BUN-1"
    )
    assert "Du är ansvarig för BUN-1." in world.dm_text("anna")
    assert "BUN-1" in world.home_text("anna")
    assert world.count_commitments() == 1


@pytest.mark.transports("socket", "http")
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
    world.fill("sara", **{"Den ansvarigas roll som den står i svaret": "förvaltningschef"})
    assert world.submit("sara").response is None
    # The preview the modal came from now says it is done.
    assert "✅ BUN-1 är registrerat." in world.ephemeral_of("sara", "bun")[-1]
    assert "Ansvarig: @anna (förvaltningschef)" in world.card_text("BUN-1")


def test_a_recurrence_in_one_line(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN Följ upp tillbudsrapporterna två gånger per läsår")
    text = world.last_text("sara", "bun")
    assert "Återkommer: två gånger per läsår" in text
    world.click("sara", world.last("sara", "bun"), "Spara")
    assert "Återkommer: två gånger per läsår" in world.card_text("BUN-1")


def test_an_unknown_committee_code_is_explained(world: World) -> None:
    # In a channel no committee is bound to, the line must name the committee.
    world.quick_committee()
    world.run("sara", "allmant", "/atagande ny XYZ Revidera rutinen senast i april 2027 @anna")
    answer = world.last("sara", "allmant")
    assert answer.is_ephemeral
    text = world.slack.render_message(answer)
    assert "Börja med nämndens kod" in text and "”XYZ” är ingen känd nämnd" in text
    world.run("sara", "allmant", "/atagande ny revidera rutinen senast i april 2027")
    assert "”revidera” är ingen känd nämnd" in world.last_text("sara", "allmant")
    assert world.count_commitments() == 0


def what_line(text: str) -> str:
    """The preview's "Vad:" line, as shown."""
    return next(line.strip() for line in text.splitlines() if line.strip().startswith("Vad:"))


UNKNOWN = "/atagande ny BUN Revidera överenskommelsen senast i april 2027 @okand"


def stored(world: World, ref: str) -> tuple[str, str | None]:
    """The commitment's text and its owner's Slack id, from the database."""
    with world.bot.svc.db.read() as session:
        c = commitment_service.get_by_reference(session, ref)
        return c.text, c.owner.slack_user_id if c.owner else None


def test_an_unknown_name_is_said_and_the_owner_is_chosen_before_saving(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", UNKNOWN)
    text = world.last_text("sara", "bun")
    assert "Jag hittade ingen användare som heter @okand" in text
    assert what_line(text) == "Vad: Revidera överenskommelsen"
    assert "Klart senast: 30 april 2027" in text
    # No plain Spara: the owner is chosen, or left out on purpose.
    assert "[ Spara ]" not in text
    assert "[ Välj ansvarig ]" in text and "[ Spara utan ansvarig ]" in text

    world.click("sara", world.last("sara", "bun"), "Välj ansvarig")
    form = world.modal_text("sara")
    assert "[ Revidera överenskommelsen ]" in form and "@okand" in form
    world.fill("sara", **{"Ansvarig (person i Slack)": "anna"})
    assert world.submit("sara").response is None
    assert "✅ BUN-1 är registrerat." in world.ephemeral_of("sara", "bun")[-1]
    assert stored(world, "BUN-1") == ("Revidera överenskommelsen", world.uid("anna"))
    assert "Du är ansvarig för BUN-1." in world.dm_text("anna")


def test_a_name_typed_with_a_capital_is_the_person_and_a_second_name_is_said(world: World) -> None:
    world.quick_committee()
    # Slack's handles ignore case: "@Anna" is anna.
    world.run("sara", "bun", "/atagande ny BUN Revidera överenskommelsen senast i april 2027 @Anna")
    text = world.last_text("sara", "bun")
    assert "hittade ingen användare" not in text and "[ Spara ]" in text
    # One commitment, one ansvarig: a second person named is not dropped without a word.
    world.run("sara", "bun", "/atagande ny BUN Revidera överenskommelsen senast i april 2027 @anna @olle")
    text = world.last_text("sara", "bun")
    owner_line = next(line for line in text.splitlines() if line.strip().startswith("Ansvarig:"))
    assert owner_line.split()[1] == "@anna" and "@olle kom inte med" in owner_line
    world.click("sara", world.last("sara", "bun"), "Spara")
    assert stored(world, "BUN-1") == ("Revidera överenskommelsen", world.uid("anna"))


def test_an_unknown_name_saved_without_an_owner_on_purpose_only(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", UNKNOWN)
    preview = world.last("sara", "bun")
    # A Spara of this preview (an old preview, a replay) does not store an owner-less commitment.
    chosen = world.click("sara", preview, "Välj ansvarig")
    world.slack.close_view("sara")
    chosen.payload["actions"][0]["action_id"] = "preview_save"
    world.resend(chosen)
    assert world.count_commitments() == 0
    assert "Jag hittade ingen användare som heter @okand" in world.ephemeral_of("sara", "bun")[-1]

    world.click("sara", preview, "Spara utan ansvarig")
    assert "✅ BUN-1 är registrerat." in world.ephemeral_of("sara", "bun")[-1]
    assert stored(world, "BUN-1") == ("Revidera överenskommelsen", None)
    assert world.count_commitments() == 1


def test_in_a_committees_channel_the_code_may_be_left_out(world: World) -> None:
    world.quick_committee()
    world.quick_committee("SN", "Socialnämnden", channel="")
    world.run("sara", "bun", "/atagande ny Revidera överenskommelsen senast i april 2027 @anna")
    text = world.last_text("sara", "bun")
    assert "Nämnd: BUN – Barn- och utbildningsnämnden" in text
    assert what_line(text) == "Vad: Revidera överenskommelsen"
    world.click("sara", world.last("sara", "bun"), "Spara")
    assert stored(world, "BUN-1") == ("Revidera överenskommelsen", world.uid("anna"))

    # Only an existing committee's code is a code: other first words are the text.
    world.run("sara", "bun", "/atagande ny SIP ska upprättas för eleven senast i maj 2027 @anna")
    text = world.last_text("sara", "bun")
    assert "Nämnd: BUN" in text and what_line(text) == "Vad: SIP ska upprättas för eleven"
    # Another committee's code is that committee, and the preview says how to keep the word in the text.
    world.run("sara", "bun", "/atagande ny SN ska yttra sig senast i maj 2027 @anna")
    text = world.last_text("sara", "bun")
    assert "Nämnd: SN – Socialnämnden" in text and what_line(text) == "Vad: ska yttra sig"
    assert "/atagande ny BUN SN" in text


def test_outside_a_committees_channel_the_line_names_the_committee(world: World) -> None:
    world.quick_committee()
    world.run("sara", "allmant", "/atagande ny Revidera överenskommelsen senast i april 2027 @anna")
    answer = world.last("sara", "allmant")
    assert answer.is_ephemeral
    text = world.slack.render_message(answer)
    assert "Börja med nämndens kod" in text and "kanal" in text
    assert "Spara" not in text
    assert world.count_commitments() == 0


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
            "Länk till underlag": "https://intra.example.se/p?a=1&b=<!channel>",
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
