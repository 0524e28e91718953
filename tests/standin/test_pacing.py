"""One channel takes a short burst of the bot's messages, then about one a second (429 + Retry-After)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.standin import ChannelRate, ManualClock, SlackStandIn
from tests.standin.conftest import populate


@pytest.fixture
def timed() -> Iterator[tuple[SlackStandIn, ManualClock, WebClient]]:
    clock = ManualClock()
    with SlackStandIn(now=clock, channel_rate=ChannelRate(burst=3, per_second=1.0)) as slack:
        populate(slack)
        slack.add_channel("kf", members=["anna"])
        yield slack, clock, WebClient(token=slack.bot_token, base_url=slack.api_url)


def _post(web: WebClient, channel: str) -> int | str:
    """The ts's whole seconds of a posted message, or the Retry-After of a refusal."""
    try:
        web.chat_postMessage(channel=channel, text="hej")
    except SlackApiError as refused:
        assert refused.response.status_code == 429
        assert refused.response["error"] == "ratelimited"
        return f"retry after {refused.response.headers['Retry-After']}"
    return 200


def test_a_burst_then_one_message_a_second(timed: tuple[SlackStandIn, ManualClock, WebClient]) -> None:
    slack, clock, web = timed

    assert [_post(web, "bun") for _ in range(4)] == [200, 200, 200, "retry after 1"]
    # Another channel has its own allowance.
    assert _post(web, "kf") == 200
    clock.advance(1.0)
    assert [_post(web, "bun"), _post(web, "bun")] == [200, "retry after 1"]
    clock.advance(10.0)
    # Quiet time fills the bucket up to the burst, no further.
    assert [_post(web, "bun") for _ in range(4)] == [200, 200, 200, "retry after 1"]

    refused = [c for c in slack.calls_to("chat.postMessage") if c.status == 429]
    assert len(refused) == 3
    # A refused message is not in the channel: 7 of the 10 posts to #bun arrived.
    assert len(slack.visible_messages("anna", "bun")) == 7


def test_retry_after_says_when_the_next_message_fits(timed: tuple[SlackStandIn, ManualClock, WebClient]) -> None:
    slack, clock, web = timed
    slack.channel_rate = ChannelRate(burst=1, per_second=0.25)

    assert [_post(web, "bun"), _post(web, "bun")] == [200, "retry after 4"]
    clock.advance(3.0)
    assert _post(web, "bun") == "retry after 1"
    clock.advance(1.0)
    assert _post(web, "bun") == 200


def test_no_rate_when_a_test_pins_none(timed: tuple[SlackStandIn, ManualClock, WebClient]) -> None:
    slack, _clock, web = timed
    slack.channel_rate = None

    assert {_post(web, "bun") for _ in range(20)} == {200}
