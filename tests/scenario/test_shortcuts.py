"""Shortcuts: "Registrera som åtagande" on a message, and the global "Nytt åtagande"."""

from __future__ import annotations

import pytest

from tests.scenario.conftest import World

FROM_MESSAGE = "register_from_message"
GLOBAL_NEW = "new_commitment"


def post(world: World, user: str, channel: str, text: str) -> str:
    """``user`` writes ``text`` (already in Slack's wire form) in ``channel``; returns its ts."""
    world.slack.post_user_message(user, channel, text)
    message = world.slack.visible_messages(user, channel)[-1]
    return message.ts


@pytest.mark.transports("socket", "http")
def test_register_a_message_with_everything_prefilled_and_a_link_back(world: World) -> None:
    world.quick_committee()
    ts = post(
        world,
        "sara",
        "bun",
        f"Vi ska revidera rutinen för orosanmälan senast i april 2027, <@{world.uid('anna')}> ansvarar.",
    )
    shortcut = world.act(lambda: world.slack.message_shortcut("sara", "bun", ts, FROM_MESSAGE))
    assert shortcut.acked
    text = world.modal_text("sara")
    assert "[ Vi ska revidera rutinen för orosanmälan senast i april 2027, ansvarar. ]" in text
    assert "[ senast i april 2027 ]" in text
    assert "”senast i april 2027” → 30 april 2027" in text
    assert "[ @anna ▾ ]" in text
    assert "[ BUN – Barn- och utbildningsnämnden ▾ ]" in text
    permalink = world.slack.calls_to("chat.getPermalink")
    assert len(permalink) == 1 and permalink[0].args["message_ts"] == ts
    link = str(permalink[0].response and permalink[0].response["permalink"])
    assert "Registreras från" in text and link in text
    assert world.submit("sara").response is None
    card = world.card_text("BUN-1")
    assert f"ursprungligt meddelande ({link})" in card
    assert "Ansvarig: @anna" in card


def test_slack_entities_in_the_message_become_plain_text(world: World) -> None:
    world.quick_committee()
    # Slack delivers "&", "<" and ">" typed in a message as entities.
    ts = post(world, "sara", "bun", "Rutin för barn &amp; unga &lt;5 år ska ses över under hösten 2027")
    world.act(lambda: world.slack.message_shortcut("sara", "bun", ts, FROM_MESSAGE))
    text = world.modal_text("sara")
    assert "[ Rutin för barn & unga <5 år ska ses över under hösten 2027 ]" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_a_message_in_an_unbound_channel_leaves_the_committee_to_choose(world: World) -> None:
    world.quick_committee()
    world.quick_committee("SN", "Socialnämnden", channel="")
    ts = post(world, "sara", "allmant", "Inför SIP-rutinen årligen")
    world.act(lambda: world.slack.message_shortcut("sara", "allmant", ts, FROM_MESSAGE))
    view = world.modal("sara")
    committee = next(b for b in view.blocks if b.get("block_id") == "committee")
    assert "initial_option" not in committee["element"]
    assert "[ årligen ]" in world.modal_text("sara")


def test_the_modal_opens_even_when_the_link_back_cannot_be_had(world: World) -> None:
    world.quick_committee()
    ts = post(world, "sara", "bun", "Uppdatera riktlinjen senast i juni 2027")
    world.slack.inject("chat.getPermalink", "error", error="message_not_found")
    world.act(lambda: world.slack.message_shortcut("sara", "bun", ts, FROM_MESSAGE))
    text = world.modal_text("sara")
    assert "[ Uppdatera riktlinjen senast i juni 2027 ]" in text
    assert "Registreras från" not in text


def test_a_bystander_is_told_why_no_modal_opens(world: World) -> None:
    world.quick_committee()
    ts = post(world, "olle", "bun", "Någon borde fixa det här senast i maj 2027")
    world.act(lambda: world.slack.message_shortcut("olle", "bun", ts, FROM_MESSAGE))
    assert world.slack.open_view("olle") is None
    answer = world.last("olle", "bun")
    assert answer.is_ephemeral
    assert "Du är inte sekreterare i någon nämnd" in world.slack.render_message(answer)
    assert world.slack.visible_messages("anna", "bun")[-1].ts == ts


@pytest.mark.transports("socket", "http")
def test_global_shortcut_opens_an_empty_modal(world: World) -> None:
    world.quick_committee()
    shortcut = world.act(lambda: world.slack.global_shortcut("sara", GLOBAL_NEW))
    assert shortcut.acked
    text = world.modal_text("sara")
    assert "Nytt åtagande" in text
    # With one committee to choose from, it is chosen.
    assert "[ BUN – Barn- och utbildningsnämnden ▾ ]" in text
    world.fill("sara", **{"Vad ska göras?": "Ta fram en plan för SIP", "Klart senast": "under våren 2027"})
    assert world.submit("sara").response is None
    assert "Klart senast: 30 juni 2027 (”under våren 2027”)" in world.card_text("BUN-1")
    assert "✅ BUN-1 är registrerat." in world.dm_text("sara")


def test_global_shortcut_for_a_bystander_answers_in_a_dm(world: World) -> None:
    world.quick_committee()
    world.act(lambda: world.slack.global_shortcut("olle", GLOBAL_NEW))
    assert world.slack.open_view("olle") is None
    assert "Du är inte sekreterare i någon nämnd" in world.dm_text("olle")
