"""Shortcuts: "Nytt åtagande" (global) and "Registrera som åtagande" (on a message)."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.language.periods import find_deadlines
from bot.services.commitment_drafts import CommitmentInput
from bot.slack_format import parse_mentions, unescape
from bot.ui.modals import ModalMeta
from handlers.support import guarded, open_new_modal, services_of

GLOBAL_NEW = "new_commitment"
FROM_MESSAGE = "register_from_message"
PREFILL_LIMIT = 3000


def register(app: App) -> None:
    app.shortcut(GLOBAL_NEW)(new_commitment)
    app.shortcut(FROM_MESSAGE)(register_from_message)


@guarded
def new_commitment(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    svc = services_of(context)
    open_new_modal(svc, client, str(body["trigger_id"]), str(context.user_id), CommitmentInput(), ModalMeta())


def prefill_from_message(text: str, today: date) -> CommitmentInput:
    """Guess fields from a message: its text, the first mention as owner, its last deadline."""
    mentions = parse_mentions(text)
    owner = mentions[0][0] if mentions else None
    for _user, (start, end) in reversed(mentions):
        text = text[:start] + text[end:]
    # A message's text arrives with Slack's entities; the modal shows plain text.
    text = " ".join(unescape(text).split())
    found = find_deadlines(text, today)
    dated = [d for d in found if d.dates and d.kind != "recurrence"]
    rhythm = [d for d in found if d.recurrence]
    return CommitmentInput(
        text=text[:PREFILL_LIMIT],
        owner_user_id=owner,
        deadline=" ".join(dated[-1].phrase.split()) if dated else "",
        recurrence=" ".join(rhythm[-1].phrase.split()) if rhythm else "",
    )


@guarded
def register_from_message(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    svc = services_of(context)
    message = body.get("message") or {}
    channel = (body.get("channel") or {}).get("id")
    prefill = prefill_from_message(str(message.get("text", "")), svc.clock.today())
    permalink = None
    if channel and message.get("ts"):
        try:
            permalink = str(client.chat_getPermalink(channel=channel, message_ts=message["ts"])["permalink"])
        except SlackApiError:
            permalink = None  # the link back is a convenience; registering still works
    prefill.source_permalink = permalink
    meta = ModalMeta(source_permalink=permalink)
    # The form's committee is the channel's, when the message is in a committee's channel.
    open_new_modal(svc, client, str(body["trigger_id"]), str(context.user_id), prefill, meta, channel)
