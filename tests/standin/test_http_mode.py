"""HTTP delivery: Slack's signature, checked by the real Bolt app behind Starlette and uvicorn."""

from __future__ import annotations

import time

from slack_sdk.signature import SignatureVerifier

from bot.standin import SlackStandIn
from bot.standin.http_delivery import HttpDelivery, sign
from tests.standin.conftest import Driven


def test_signatures_match_slack_sdks_verifier() -> None:
    body = b"payload=%7B%7D"
    stamp = str(int(time.time()))
    assert SignatureVerifier("hemlis").is_valid(body, stamp, sign("hemlis", stamp, body))


def test_bad_or_stale_signatures_get_401(http_driven: Driven) -> None:
    slack = http_driven.slack
    delivery = HttpDelivery(http_driven.url, slack.signing_secret)
    body = b"token=x&team_id=T&user_id=U&command=%2Fdemo&text=hej"
    content_type = "application/x-www-form-urlencoded"

    forged = delivery.signed_headers(body, content_type)
    forged["X-Slack-Signature"] = "v0=" + "0" * 64
    assert delivery.post(body, forged).status == 401

    stale = delivery.signed_headers(body, content_type, timestamp=int(time.time()) - 6 * 60)
    assert delivery.post(body, stale).status == 401

    wrong_secret = HttpDelivery(http_driven.url, "fel-hemlighet")
    assert wrong_secret.post(body, wrong_secret.signed_headers(body, content_type)).status == 401

    # The stand-in's own deliveries are signed right.
    assert slack.slash_command("anna", "bun", "/demo", "signerat").acked
    assert slack.wait_for_message("anna", "bun", containing="signerat").is_ephemeral


def test_an_unreachable_app_is_not_acked(standin: SlackStandIn) -> None:
    slack = standin
    slack.attach_http("http://127.0.0.1:9/slack/events")
    interaction = slack.slash_command("anna", "bun", "/demo")
    assert not interaction.acked and interaction.ack is not None
    assert interaction.ack.reason == "connection_failed"
    note = slack.latest_visible("anna", "bun")
    assert note is not None and note.text == '/demo failed with the error "dispatch_failed"'
