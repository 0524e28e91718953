"""Slack failing after a change was saved: the user is told it was saved, never that nothing changed."""

from __future__ import annotations

from tests.scenario.conftest import World
from tests.scenario.test_once import announced


def test_a_slack_timeout_after_saving_says_it_was_saved(world: World) -> None:
    ref = announced(world)
    # Slack answers the card's update after the bot has given up waiting (the change is saved by then).
    world.bot.client.timeout = 1
    world.slack.inject("chat.update", "slow", seconds=2.5)
    world.click("anna", world.card(ref), "Markera som klart")
    said = " ".join(world.ephemeral_of("anna", "bun"))
    assert "inget ändrades" not in said
    assert f"Ändringen av {ref} är sparad" in said
    assert world.history_kinds(ref) == ["created", "status"]
    assert "Status: Klar" in world.card_text(ref)


def test_a_slack_timeout_after_registering_says_it_was_saved(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN Revidera rutinen senast i april 2027 @anna")
    world.bot.client.timeout = 1
    # The card's post reaches the channel after the bot has given up waiting for Slack's answer.
    world.slack.inject("chat.postMessage", "slow", seconds=2.5)
    world.click("sara", world.last("sara", "bun"), "Spara")
    said = " ".join(world.ephemeral_of("sara", "bun"))
    assert "inget ändrades" not in said
    assert "BUN-1 är registrerat och sparat" in said
    assert world.count_commitments() == 1
    # Slack's late answer arrives after the bot is idle: wait for the post itself, then count it.
    channel = world.slack.channel("bun").id
    world.slack.wait_for(
        lambda: any(c.status == 200 and c.args["channel"] == channel for c in world.slack.calls_to("chat.postMessage")),
        timeout=10,
        what="the late post of the card",
    )
    world.card("BUN-1")  # once: a post that timed out is not made again
