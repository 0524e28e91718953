"""Slack misbehaving: rate limits, server errors, refusals and slow answers."""

from __future__ import annotations

import pytest

from bot.slack.users import SlackUserDirectory
from tests.scenario.conftest import World


def register_one_line(world: World, text: str = "Revidera rutinen") -> None:
    world.run("sara", "bun", f"/atagande ny BUN {text} senast i april 2027 @anna")
    world.click("sara", world.last("sara", "bun"), "Spara")


def wait_for_receipt(world: World, ref: str) -> str:
    """The registrar's receipt, once the bot has got past Slack's trouble (retries take seconds)."""
    world.slack.wait_for(
        lambda: any(f"{ref} är registrerat" in t for t in world.ephemeral_of("sara", "bun")),
        timeout=15,
        what=f"the receipt for {ref}",
    )
    world.bot.settle()
    return next(t for t in reversed(world.ephemeral_of("sara", "bun")) if f"{ref} är registrerat" in t)


def channel_posts(world: World) -> list[tuple[int, str | None]]:
    channel = world.slack.channel("bun").id
    return [(c.status, c.error) for c in world.slack.calls_to("chat.postMessage") if c.args["channel"] == channel]


@pytest.mark.slow
@pytest.mark.transports("socket", "http")
def test_a_rate_limit_is_waited_out_and_the_card_arrives_once(world: World) -> None:
    world.quick_committee()
    world.slack.inject("chat.postMessage", "rate_limited", retry_after=1)
    register_one_line(world)
    receipt = wait_for_receipt(world, "BUN-1")
    assert "⚠️" not in receipt
    assert channel_posts(world) == [(429, "ratelimited"), (200, None)]
    world.card("BUN-1")  # exactly one card
    assert "Du är ansvarig för BUN-1." in world.dm_text("anna")


def test_a_server_error_is_retried(world: World) -> None:
    world.quick_committee()
    world.slack.inject("chat.postMessage", "server_error", status=503)
    register_one_line(world)
    wait_for_receipt(world, "BUN-1")
    assert [status for status, _ in channel_posts(world)] == [503, 200]
    world.card("BUN-1")


def test_a_missing_channel_is_explained_and_the_commitment_kept(world: World) -> None:
    world.quick_committee()
    world.slack.inject("chat.postMessage", "error", error="channel_not_found")
    register_one_line(world)
    receipt = wait_for_receipt(world, "BUN-1")
    assert "⚠️ Nämndens kanal finns inte längre. Koppla en ny kanal med /atagande kanal BUN" in receipt
    assert world.count_commitments() == 1
    assert not [m for m in world.slack.visible_messages("olle", "bun") if "BUN-1" in str(m.blocks)]
    # The owner still heard of it.
    assert "Du är ansvarig för BUN-1." in world.dm_text("anna")


def test_the_bot_outside_the_channel_says_how_to_invite_it(world: World) -> None:
    world.quick_committee()
    world.slack.inject("chat.postMessage", "error", error="not_in_channel")
    register_one_line(world)
    receipt = wait_for_receipt(world, "BUN-1")
    assert "Bjud in mig med /invite @Åtagandeboten." in receipt
    assert world.count_commitments() == 1


def test_slack_down_for_a_while_still_saves_and_says_so(world: World) -> None:
    world.quick_committee()
    # Every attempt (first try and both retries) fails, for the card and the DM.
    world.slack.inject("chat.postMessage", "server_error", status=500, times=6)
    register_one_line(world)
    receipt = wait_for_receipt(world, "BUN-1")
    assert "Jag kunde inte publicera åtagandet i nämndens kanal just nu; det är sparat ändå." in receipt
    assert "Jag kunde inte skicka ett meddelande till den ansvariga." in receipt
    assert world.count_commitments() == 1


@pytest.mark.slow
def test_a_slow_views_open_is_survived(world: World) -> None:
    world.quick_committee()
    world.slack.inject("views.open", "slow", seconds=2.0)
    command = world.slack.slash_command("sara", "bun", "/atagande", "ny")
    assert command.acked
    view = world.slack.wait_for_view("sara", callback_id="commitment_new", timeout=10)
    assert view.title is not None and view.title["text"] == "Nytt åtagande"
    world.bot.settle()


def test_a_modal_that_cannot_open_is_explained(world: World) -> None:
    world.quick_committee()
    world.slack.inject("views.open", "error", error="expired_trigger_id")
    world.run("sara", "bun", "/atagande ny")
    assert world.slack.open_view("sara") is None
    answer = world.last("sara", "bun")
    assert answer.is_ephemeral
    assert "Slack svarar inte just nu" in world.slack.render_message(answer)


def test_a_card_that_cannot_be_updated_does_not_lose_the_answer(world: World) -> None:
    world.quick_committee()
    ref = world.add("Åtgärd", announce=True)
    world.slack.inject("chat.update", "error", error="message_not_found")
    world.click("anna", world.card(ref), "Markera som klart")
    assert world.history_kinds(ref) == ["created", "status"]
    world.run("anna", "bun", f"/atagande visa {ref}")
    assert "Status: Klar" in world.last_text("anna", "bun")


def test_users_info_failing_gives_a_swedish_answer(world: World) -> None:
    world.quick_committee()
    world.slack.inject("users.info", "error", error="fatal_error", times=3)
    world.run("olle", "allmant", "/atagande nämnd ny SN Socialnämnden")
    text = world.last_text("olle", "allmant")
    assert "Slack svarar inte just nu" in text or "Något gick fel hos mig" in text
    assert "SN" not in world.committees()


@pytest.mark.transports("socket", "http")
def test_slack_failing_during_a_submission_keeps_the_modal_with_a_swedish_error(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny")
    world.fill(
        "sara",
        **{"Vad ska göras?": "Revidera rutinen", "Klart senast": "2027-05-31", "Ansvarig (person i Slack)": "anna"},
    )
    # Who the registrar is must be asked again (the cache is gone), and Slack refuses:
    # first the owner's name (not needed to register), then the registrar (needed).
    users = world.bot.svc.users
    assert isinstance(users, SlackUserDirectory)
    users.forget(world.uid("sara"))
    world.slack.inject("users.info", "error", error="fatal_error", times=2)
    refused = world.submit("sara")
    assert refused.acked and refused.response is not None
    assert refused.response == {
        "response_action": "errors",
        "errors": {"text": "Slack svarar inte just nu, så jag kunde inte visa svaret. Försök igen om en liten stund."},
    }
    assert world.count_commitments() == 0
    assert world.slack.open_view("sara") is not None
    assert world.submit("sara").response is None
    assert world.count_commitments() == 1


def test_the_owners_name_is_not_needed_to_register(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny")
    world.fill(
        "sara",
        **{"Vad ska göras?": "Revidera rutinen", "Klart senast": "2027-05-31", "Ansvarig (person i Slack)": "anna"},
    )
    world.slack.inject("users.info", "error", error="fatal_error")
    assert world.submit("sara").response is None
    assert "Ansvarig: @anna" in world.card_text("BUN-1")
