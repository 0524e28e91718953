"""Injected faults reach slack_sdk as Slack's would: 429 + Retry-After, 5xx, ok:false, slowness."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler, ServerErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from bot.standin import SlackStandIn


def test_rate_limit_is_retried_after_retry_after(standin: SlackStandIn) -> None:
    standin.inject("chat.postMessage", "rate_limited", retry_after=0)
    web = WebClient(
        token=standin.bot_token,
        base_url=standin.api_url,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)],
    )

    assert web.chat_postMessage(channel="bun", text="hej")["ok"]

    limited, passed = standin.calls_to("chat.postMessage")
    assert (limited.status, limited.error, limited.headers["Retry-After"]) == (429, "ratelimited", "0")
    assert passed.ok
    assert len(standin.visible_messages("anna", "bun")) == 1


def test_rate_limit_without_a_retry_handler_raises(standin: SlackStandIn, web: WebClient) -> None:
    standin.inject("chat.postMessage", "rate_limited", retry_after=7)
    with pytest.raises(SlackApiError) as raised:
        web.chat_postMessage(channel="bun", text="hej")
    assert raised.value.response.status_code == 429
    assert raised.value.response["error"] == "ratelimited"
    assert raised.value.response.headers["Retry-After"] == "7"
    assert standin.visible_messages("anna", "bun") == []


def test_server_errors(standin: SlackStandIn, web: WebClient) -> None:
    standin.inject("*", "server_error", status=503)
    retrying = WebClient(
        token=standin.bot_token,
        base_url=standin.api_url,
        retry_handlers=[ServerErrorRetryHandler(max_retry_count=1)],
    )
    assert retrying.auth_test()["ok"]
    assert [call.status for call in standin.calls_to("auth.test")] == [503, 200]

    standin.inject("users.info", "server_error", times=2, status=500)
    for _ in range(2):
        with pytest.raises(SlackApiError) as raised:
            web.users_info(user=standin.user("anna").id)
        assert raised.value.response.status_code == 500
    assert web.users_info(user=standin.user("anna").id)["ok"]


def test_ok_false_with_a_chosen_error(standin: SlackStandIn, web: WebClient) -> None:
    standin.inject("views.publish", "error", error="not_enabled")
    with pytest.raises(SlackApiError) as raised:
        web.views_publish(user_id=standin.user("anna").id, view={"type": "home", "blocks": []})
    assert raised.value.response["error"] == "not_enabled"
    assert standin.home("anna") is None


def test_slow_answers_still_arrive(standin: SlackStandIn, web: WebClient) -> None:
    standin.inject("auth.test", "slow", seconds=0.2)
    assert web.auth_test()["ok"]
    assert standin.faults.pending() == []


def test_response_url_faults(standin: SlackStandIn) -> None:
    url = standin.workspace.issue_response_url(
        "commands", user_id=standin.user("anna").id, channel_id=standin.channel("bun").id
    )
    standin.inject("response_url", "server_error", status=500)
    assert WebhookClient(url).send(text="hej").status_code == 500
    assert WebhookClient(url).send(text="hej").status_code == 200
    assert [m.text for m in standin.visible_messages("anna", "bun")] == ["hej"]


def test_fault_plans_are_validated(standin: SlackStandIn) -> None:
    with pytest.raises(ValueError):
        standin.inject("auth.test", "teapot")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        standin.inject("auth.test", "server_error", status=418)
    standin.inject("auth.test", "error", times=3)
    standin.clear_faults()
    assert standin.faults.pending() == []
