"""Slack delivers at least once: a retry never acts twice. HTTP mode checks signatures, serves /healthz."""

from __future__ import annotations

import json
import time
import urllib.request
from urllib.parse import urlencode

import pytest

from bot.standin.http_delivery import HttpDelivery
from tests.scenario.conftest import World

# Redelivery is the transports' business: every case runs over both.
pytestmark = pytest.mark.transports("socket", "http")


def test_a_redelivered_home_event_publishes_once(world: World) -> None:
    opened = world.act(lambda: world.slack.open_home("anna"))
    assert opened is not None and opened.acked
    assert len(world.slack.calls_to("views.publish")) == 1
    again = world.slack.redeliver(opened)
    assert again.acked and again.event_id == opened.event_id
    world.bot.settle()
    assert len(world.slack.calls_to("views.publish")) == 1


def test_a_repeated_submission_registers_once(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny")
    world.fill(
        "sara",
        **{"Vad ska göras?": "Revidera rutinen", "Klart senast": "2027-05-31", "Ansvarig (person i Slack)": "anna"},
    )
    submitted = world.submit("sara")
    assert submitted.response is None
    posts = len(world.slack.calls_to("chat.postMessage"))
    ack = world.resend(submitted)
    assert ack.acked
    assert world.count_commitments() == 1
    assert len(world.slack.calls_to("chat.postMessage")) == posts
    world.card("BUN-1")


def test_a_repeated_save_click_registers_once(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN Revidera rutinen senast i april 2027 @anna")
    click = world.click("sara", world.last("sara", "bun"), "Spara")
    calls = len(world.slack.calls)
    assert world.resend(click).acked
    assert world.count_commitments() == 1
    assert len(world.slack.calls) == calls
    world.card("BUN-1")


def test_a_repeated_answer_is_recorded_once(world: World) -> None:
    world.quick_committee()
    ref = world.add("Åtgärd", announce=True)
    click = world.click("anna", world.card(ref), "Pågår enligt plan")
    assert world.resend(click).acked
    assert world.history_kinds(ref) == ["created", "status"]


def test_a_repeated_command_answers_once(world: World) -> None:
    command = world.run("admin", "bun", "/atagande nämnd ny BUN Barn- och utbildningsnämnden")
    answers = len(world.slack.calls_to("response_url"))
    assert world.resend(command).acked
    assert len(world.slack.calls_to("response_url")) == answers
    assert "Nämnden BUN finns redan" not in world.last_text("admin", "bun")


def _command_body(world: World, text: str) -> bytes:
    return urlencode(
        {
            "token": world.slack.verification_token,
            "team_id": world.slack.team_id,
            "channel_id": world.slack.channel("bun").id,
            "channel_name": "bun",
            "user_id": world.uid("admin"),
            "user_name": "admin",
            "command": "/atagande",
            "text": text,
            "api_app_id": world.slack.app_id,
            "response_url": f"{world.slack.base_url}commands/forged",
            "trigger_id": "forged.trigger",
        }
    ).encode()


@pytest.mark.transports("http")
def test_a_bad_or_stale_signature_gets_401_and_nothing_runs(world: World) -> None:
    url = f"{world.bot.http_url}/slack/events"
    body = _command_body(world, "nämnd ny BUN Barn- och utbildningsnämnden")
    content_type = "application/x-www-form-urlencoded"
    forged = HttpDelivery(url, "not-the-signing-secret")
    answer = forged.post(body, forged.signed_headers(body, content_type))
    assert answer.status == 401
    genuine = HttpDelivery(url, world.slack.signing_secret)
    stale = genuine.post(body, genuine.signed_headers(body, content_type, timestamp=int(time.time()) - 600))
    assert stale.status == 401
    unsigned = genuine.post(body, {"Content-Type": content_type})
    assert unsigned.status == 401
    world.bot.settle()
    assert world.committees() == {}
    assert world.slack.calls == []


@pytest.mark.transports("http")
def test_healthz_checks_the_database(world: World) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{world.bot.http_url}/healthz", timeout=5) as response:
        assert response.status == 200
        assert json.loads(response.read()) == {"ok": True, "database": "ok"}
