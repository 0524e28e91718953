"""The Socket Mode endpoint: handshake, hello, acks, timeouts and reconnects."""

from __future__ import annotations

import json
import threading

import pytest
from slack_sdk import WebClient
from websockets.exceptions import InvalidStatus
from websockets.sync.client import ClientConnection, connect

from bot.standin import SlackStandIn
from tests.standin.conftest import Driven, populate


def socket_url(slack: SlackStandIn) -> str:
    url: str = WebClient(base_url=slack.api_url).apps_connections_open(app_token=slack.app_token)["url"]
    return url


def test_hello_then_envelopes_with_acks() -> None:
    with SlackStandIn() as slack:
        populate(slack)
        with connect(socket_url(slack)) as client:
            hello = json.loads(client.recv(timeout=5))
            assert hello["type"] == "hello"
            assert hello["connection_info"] == {"app_id": slack.app_id}
            slack.attach_socket_mode()
            acker = threading.Thread(target=ack_one, args=(client,))
            acker.start()
            interaction = slack.slash_command("anna", "bun", "/atagande", "hjälp")
            acker.join(timeout=5)
        assert interaction.acked and interaction.response == {"text": "Hjälp kommer"}
        assert [m.text for m in slack.visible_messages("anna", "bun")] == ["Hjälp kommer"]


def ack_one(client: ClientConnection) -> None:
    envelope = json.loads(client.recv(timeout=5))
    assert envelope["type"] == "slash_commands"
    assert envelope["accepts_response_payload"] is True
    assert envelope["payload"]["command"] == "/atagande"
    client.send(json.dumps({"envelope_id": envelope["envelope_id"], "payload": {"text": "Hjälp kommer"}}))


def test_an_envelope_without_ack_times_out() -> None:
    with SlackStandIn(ack_timeout=0.3) as slack:
        populate(slack)
        with connect(socket_url(slack)) as client:
            client.recv(timeout=5)
            slack.attach_socket_mode()
            event = slack.post_user_message("anna", "bun", "hallå?")
            sent = json.loads(client.recv(timeout=5))
        assert event is not None and not event.acked and event.ack is not None
        assert event.ack.reason == "timeout"
        assert (sent["type"], sent["retry_attempt"], sent["retry_reason"]) == ("events_api", 0, "")
        assert sent["accepts_response_payload"] is False


def test_unknown_tickets_are_refused(standin: SlackStandIn) -> None:
    with pytest.raises(InvalidStatus):
        connect(f"ws://127.0.0.1:{standin.socket_mode.port}/link/?ticket=forged", open_timeout=5)
    with pytest.raises(TimeoutError):
        standin.attach_socket_mode(wait=0.1)


def test_the_real_client_reconnects_when_asked(socket_driven: Driven) -> None:
    slack = socket_driven.slack
    assert slack.socket_mode.connections_seen == 1

    slack.socket_mode.request_reconnect()

    slack.wait_for(
        lambda: slack.socket_mode.connections_seen == 2 and slack.socket_mode.connection_count == 1,
        what="the reconnect",
    )
    assert len(slack.calls_to("apps.connections.open")) == 2
    assert slack.slash_command("anna", "bun", "/demo", "igen").acked
    slack.wait_for_message("anna", "bun", containing="igen")
