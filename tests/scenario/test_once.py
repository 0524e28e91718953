"""A person who clicks or submits twice gets one change; an old message cannot undo a newer answer.

Slack's own redeliveries repeat the trigger_id (test_dedupe.py). These are two distinct requests for
one intent: the same payload again with a fresh trigger_id, as a double click sends before the first
click's answer has replaced the buttons.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest

from bot.services import commitments as commitment_service
from bot.standin.delivery import Ack
from bot.standin.user_side import Interaction
from storage.models import CommitmentStatus
from tests.scenario.conftest import World


def again(world: World, interaction: Interaction) -> Ack:
    """Send ``interaction``'s payload once more as a new request (a second click or submit)."""
    payload = json.loads(json.dumps(interaction.payload))
    payload["trigger_id"] = world.slack.workspace.issue_trigger(payload["user"]["id"])
    return world.resend(dataclasses.replace(interaction, payload=payload))


def announced(world: World) -> str:
    world.quick_committee()
    return world.add("Revidera den lokala BUS-överenskommelsen", announce=True)


def status_of(world: World, ref: str) -> CommitmentStatus:
    with world.bot.svc.db.read() as session:
        return commitment_service.get_by_reference(session, ref).status


@pytest.mark.transports("socket", "http")
def test_a_double_click_on_save_registers_once(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN Revidera rutinen senast i april 2027 @anna")
    click = world.click("sara", world.last("sara", "bun"), "Spara")
    assert again(world, click).acked
    assert world.count_commitments() == 1
    world.card("BUN-1")
    assert any("redan sparat" in t for t in world.ephemeral_of("sara", "bun"))


@pytest.mark.transports("socket", "http")
def test_a_double_submit_of_the_register_form_registers_once(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny")
    world.fill(
        "sara",
        **{"Vad ska göras?": "Revidera rutinen", "Klart senast": "2027-05-31", "Ansvarig (person i Slack)": "anna"},
    )
    submitted = world.submit("sara")
    assert submitted.response is None
    second = again(world, submitted)
    assert second.acked and second.payload is None
    assert world.count_commitments() == 1
    world.card("BUN-1")


def test_a_double_click_on_done_writes_one_row(world: World) -> None:
    ref = announced(world)
    click = world.click("anna", world.card(ref), "Markera som klart")
    assert again(world, click).acked
    assert world.history_kinds(ref) == ["created", "status"]
    assert status_of(world, ref) == CommitmentStatus.DONE


def test_on_track_twice_the_same_day_writes_one_row(world: World) -> None:
    ref = announced(world)
    click = world.click("anna", world.card(ref), "Pågår enligt plan")
    again(world, click)
    world.click("anna", world.card(ref), "Pågår enligt plan")
    assert world.history_kinds(ref) == ["created", "status"]
    # Another day it is a new answer (a reminder's "still on track"), and is kept.
    world.clock.advance(timedelta(days=1))
    world.click("anna", world.card(ref), "Pågår enligt plan")
    assert world.history_kinds(ref) == ["created", "status", "status"]


def test_a_double_submit_of_delayed_moves_the_date_once(world: World) -> None:
    ref = announced(world)
    world.click("anna", world.card(ref), "Meddela försening")
    world.fill(
        "anna", **{"Nytt slutdatum": "senast i juni 2027", "Varför ändras slutdatumet?": "Personalbrist under våren"}
    )
    submitted = world.submit("anna")
    assert submitted.response is None
    assert again(world, submitted).acked
    assert world.history_kinds(ref) == ["created", "deadline"]
