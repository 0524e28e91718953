"""Channel membership as Slack has it: a channel people create does not hold the bot until it
joins (public channels, ``conversations.join``) or is invited (private ones), and reading a public
channel or sharing a file there needs membership even where posting does not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.standin import SlackStandIn
from tests.standin.test_web_api import error_of


@pytest.fixture
def slack() -> Iterator[SlackStandIn]:
    """A stand-in with the default grant; anna created #allmant, the bot has not joined it."""
    with SlackStandIn() as standin:
        standin.add_user("anna")
        standin.add_channel("allmant", members=["anna"])
        yield standin


@pytest.fixture
def client(slack: SlackStandIn) -> WebClient:
    return WebClient(token=slack.bot_token, base_url=slack.api_url)


def test_a_channel_people_create_does_not_hold_the_bot(slack: SlackStandIn) -> None:
    assert slack.bot_user_id not in slack.channel("allmant").members


def test_the_history_of_a_public_channel_needs_membership(slack: SlackStandIn, client: WebClient) -> None:
    channel = slack.channel("allmant").id
    # chat:write.public lets the bot post there, but not read what is there.
    posted = client.chat_postMessage(channel=channel, text="Veckans sammanfattning")
    assert error_of(lambda: client.conversations_history(channel=channel))["error"] == "not_in_channel"
    joined = client.conversations_join(channel=channel)
    assert joined["channel"]["id"] == channel and joined["channel"]["is_member"] is True
    assert slack.bot_user_id in slack.channel("allmant").members
    found = client.conversations_history(channel=channel)["messages"]
    assert [m["ts"] for m in found] == [posted["ts"]]
    again = client.conversations_join(channel=channel)
    assert again["response_metadata"]["warnings"] == ["already_in_channel"]


def test_what_cannot_be_joined(slack: SlackStandIn, client: WebClient) -> None:
    slack.add_channel("ks-intern", is_private=True, members=["anna"])
    invited = slack.add_channel("bun-intern", is_private=True, members=["anna"], bot_is_member=True)
    archived = slack.add_channel("gammal", members=["anna"])
    slack.workspace.channel(archived).is_archived = True
    private, dm = slack.channel("ks-intern").id, slack.dm("anna").id
    for channel in (private, invited.id, dm):
        error = error_of(lambda channel=channel: client.conversations_join(channel=channel))
        assert error["error"] == "method_not_supported_for_channel_type", channel
    assert error_of(lambda: client.conversations_join(channel=archived.id))["error"] == "is_archived"
    assert error_of(lambda: client.conversations_join(channel="C0NOSUCH"))["error"] == "channel_not_found"
    assert slack.bot_user_id not in slack.channel("ks-intern").members


def test_joining_needs_channels_join() -> None:
    with SlackStandIn(scopes=["chat:write"]) as slack:
        slack.add_channel("allmant")
        client = WebClient(token=slack.bot_token, base_url=slack.api_url)
        error = error_of(lambda: client.conversations_join(channel=slack.channel("allmant").id))
        assert (error["error"], error["needed"]) == ("missing_scope", "channels:join")


def test_sharing_a_file_in_a_public_channel_needs_membership(slack: SlackStandIn, client: WebClient) -> None:
    channel = slack.channel("allmant").id
    error = error_of(lambda: client.files_upload_v2(channel=channel, content="Dnr 2023/0148", filename="pack.txt"))
    assert error["error"] == "not_in_channel"
    assert slack.channel("allmant").messages == []
    client.conversations_join(channel=channel)
    shared = client.files_upload_v2(channel=channel, content="Dnr 2023/0148", filename="pack.txt")
    assert channel in client.files_info(file=shared["file"]["id"])["file"]["channels"]
