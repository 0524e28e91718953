"""The stand-in refuses a message too big as a whole: its blocks' total text, its metadata, alt texts."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from slack_sdk import WebClient

from bot.standin import SlackStandIn
from bot.standin.sizes import MAX_BLOCK_TEXT
from tests.standin.conftest import populate
from tests.standin.test_web_api import error_of, section


def sections(total: int, *, each: int = 2500, char: str = "a") -> list[dict[str, Any]]:
    """Section blocks, each within its own 3,000, carrying ``total`` characters of text together."""
    blocks = []
    while total > 0:
        blocks.append(section(char * min(each, total)))
        total -= each
    return blocks


def test_a_message_whose_blocks_carry_too_much_text_in_total_is_refused(web: WebClient) -> None:
    assert web.chat_postMessage(channel="bun", text="x", blocks=sections(MAX_BLOCK_TEXT))["ok"]
    too_long = sections(MAX_BLOCK_TEXT + 1)
    assert error_of(lambda: web.chat_postMessage(channel="bun", text="x", blocks=too_long))["error"] == (
        "msg_blocks_too_long"
    )
    # Counted as Slack counts, in UTF-16 code units: an emoji outside the BMP is two.
    emoji = sections(MAX_BLOCK_TEXT // 2 + 1, each=1400, char="📅")
    assert error_of(lambda: web.chat_postMessage(channel="bun", text="x", blocks=emoji))["error"] == (
        "msg_blocks_too_long"
    )


def test_ephemeral_messages_and_updates_are_held_to_the_same_total(standin: SlackStandIn, web: WebClient) -> None:
    too_long = sections(MAX_BLOCK_TEXT + 1)
    anna = standin.user("anna").id
    ephemeral = error_of(lambda: web.chat_postEphemeral(channel="bun", user=anna, text="x", blocks=too_long))
    assert ephemeral["error"] == "msg_blocks_too_long"
    ts = web.chat_postMessage(channel="bun", text="x", blocks=[section("kort")])["ts"]
    channel = standin.channel("bun").id
    update = error_of(lambda: web.chat_update(channel=channel, ts=ts, text="x", blocks=too_long))
    assert update["error"] == "msg_blocks_too_long"
    assert standin.visible_messages("anna", "bun")[-1].blocks[0]["text"]["text"] == "kort"


def test_a_response_url_message_is_held_to_the_same_total(standin: SlackStandIn) -> None:
    url = standin.workspace.issue_response_url(
        "commands", user_id=standin.user("anna").id, channel_id=standin.channel("bun").id
    )
    body = json.dumps({"text": "x", "blocks": sections(MAX_BLOCK_TEXT + 1)}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            reply = json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        reply = json.loads(refused.read())
    assert reply["error"] == "msg_blocks_too_long"
    assert standin.visible_messages("anna", "bun") == []


def test_metadata_over_slacks_size_is_refused(standin: SlackStandIn, web: WebClient) -> None:
    small = {"event_type": "atagande_outbox", "event_payload": {"key": "digest:1:2027-W03"}}
    assert web.chat_postMessage(channel="bun", text="x", metadata=small)["ok"]
    big = {"event_type": "atagande_outbox", "event_payload": {"key": "k" * 9000}}
    assert error_of(lambda: web.chat_postMessage(channel="bun", text="x", metadata=big))["error"] == (
        "metadata_too_large"
    )
    ts = web.chat_postMessage(channel="bun", text="x")["ts"]
    channel = standin.channel("bun").id
    assert error_of(lambda: web.chat_update(channel=channel, ts=ts, text="y", metadata=big))["error"] == (
        "metadata_too_large"
    )


def test_alt_text_is_counted_in_utf16_on_image_blocks_and_image_elements(web: WebClient) -> None:
    url = "https://example.com/a.png"
    alt = "📅" * 1001  # 1,001 characters, 2,002 UTF-16 code units: over Slack's 2,000
    block = {"type": "image", "image_url": url, "alt_text": alt}
    body = error_of(lambda: web.chat_postMessage(channel="bun", text="x", blocks=[block]))
    assert body["response_metadata"]["messages"] == [
        "[ERROR] must be less than 2001 characters [json-pointer:/blocks/0/alt_text]"
    ]
    element = {"type": "image", "image_url": url, "alt_text": alt}
    context = {"type": "context", "elements": [element]}
    body = error_of(lambda: web.chat_postMessage(channel="bun", text="x", blocks=[context]))
    assert body["error"] == "invalid_blocks"
    accessory = {**section("bild"), "accessory": element}
    body = error_of(lambda: web.chat_postMessage(channel="bun", text="x", blocks=[accessory]))
    assert body["error"] == "invalid_blocks"
    assert web.chat_postMessage(channel="bun", text="x", blocks=[{**block, "alt_text": "📅" * 1000}])["ok"]


def test_a_threads_replies_are_listed_with_their_metadata() -> None:
    # What the outbox reads to find a continuation it may already have posted in a thread.
    with SlackStandIn(scopes=("chat:write", "channels:history")) as standin:
        populate(standin)
        web = WebClient(token=standin.bot_token, base_url=standin.api_url)
        read_a_thread(standin, web)


def read_a_thread(standin: SlackStandIn, web: WebClient) -> None:
    channel = standin.channel("bun").id
    parent = web.chat_postMessage(channel=channel, text="först")["ts"]
    marked = {"event_type": "atagande_outbox", "event_payload": {"key": "digest:1:2027-W03#2"}}
    reply = web.chat_postMessage(channel=channel, text="sedan", thread_ts=parent, metadata=marked)["ts"]
    web.chat_postMessage(channel=channel, text="annat")
    history = web.conversations_history(channel=channel, include_all_metadata=True)["messages"]
    assert reply not in [m["ts"] for m in history]
    thread = web.conversations_replies(channel=channel, ts=parent, include_all_metadata=True)["messages"]
    assert [m["ts"] for m in thread] == [parent, reply]
    assert thread[1]["metadata"]["event_payload"]["key"] == "digest:1:2027-W03#2"
    assert "metadata" not in web.conversations_replies(channel=channel, ts=parent)["messages"][1]
    assert error_of(lambda: web.conversations_replies(channel=channel, ts="1.000009"))["error"] == "thread_not_found"
