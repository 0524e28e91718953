"""A throwaway Bolt app (not the real bot) that exercises every path of the stand-in."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import Ack, App, BoltRequest, Respond, Say
from slack_sdk import WebClient

from bot.standin import SlackStandIn

NEW_COMMITMENT_VIEW: dict[str, Any] = {
    "type": "modal",
    "callback_id": "new_commitment",
    "title": {"type": "plain_text", "text": "Nytt åtagande"},
    "submit": {"type": "plain_text", "text": "Spara"},
    "close": {"type": "plain_text", "text": "Avbryt"},
    "private_metadata": "BUN",
    "blocks": [
        {
            "type": "input",
            "block_id": "text",
            "label": {"type": "plain_text", "text": "Åtagande"},
            "element": {"type": "plain_text_input", "action_id": "value", "multiline": True},
        },
        {
            "type": "input",
            "block_id": "deadline",
            "label": {"type": "plain_text", "text": "Senast"},
            "element": {"type": "datepicker", "action_id": "value"},
        },
        {
            "type": "input",
            "block_id": "owner",
            "label": {"type": "plain_text", "text": "Ägare"},
            "element": {"type": "users_select", "action_id": "value"},
        },
        {
            "type": "input",
            "block_id": "status",
            "optional": True,
            "label": {"type": "plain_text", "text": "Status"},
            "element": {
                "type": "static_select",
                "action_id": "value",
                "options": [
                    {"text": {"type": "plain_text", "text": text}, "value": value}
                    for text, value in (
                        ("Ej påbörjad", "not_started"),
                        ("Pågår", "ongoing"),
                        ("Klar", "done"),
                    )
                ],
            },
        },
    ],
}

LIST_BLOCKS: list[dict[str, Any]] = [
    {"type": "section", "text": {"type": "mrkdwn", "text": "*BUN-1* Rutin för SIP &amp; samverkan"}},
    {
        "type": "actions",
        "block_id": "bun-1",
        "elements": [
            {
                "type": "button",
                "action_id": "mark_done",
                "style": "primary",
                "text": {"type": "plain_text", "text": "Klar"},
                "value": "BUN-1",
            },
            {
                "type": "button",
                "action_id": "ongoing",
                "text": {"type": "plain_text", "text": "Pågår"},
                "value": "BUN-1",
            },
        ],
    },
]


@dataclass
class Seen:
    """What the tiny app noticed, for assertions."""

    submissions: list[dict[str, Any]] = field(default_factory=list)
    deliveries: list[tuple[str, str | None]] = field(default_factory=list)
    processed: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)


def build_app(standin: SlackStandIn) -> tuple[App, Seen]:
    """A Bolt app talking to ``standin`` with a slash command, buttons, a modal and events."""
    client = WebClient(token=standin.bot_token, base_url=standin.api_url)
    app = App(client=client, signing_secret=standin.signing_secret)
    seen = Seen()

    @app.command("/demo")
    def demo(ack: Ack, respond: Respond, command: dict[str, Any]) -> None:
        ack()
        respond(f"Hej <@{command['user_id']}>, du skrev: {command['text']}")

    @app.command("/lista")
    def show_list(ack: Ack, client: WebClient, command: dict[str, Any]) -> None:
        ack()
        client.chat_postMessage(channel=command["channel_id"], text="BUN-1: Rutin för SIP", blocks=LIST_BLOCKS)

    @app.action("mark_done")
    def mark_done(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        client.chat_update(
            channel=body["container"]["channel_id"],
            ts=body["container"]["message_ts"],
            text="BUN-1 är klar",
            blocks=[
                {
                    "type": "section",
                    "text": {
                        "type": "mrkdwn",
                        "text": f":white_check_mark: *BUN-1* är klar (<@{body['user']['id']}>)",
                    },
                }
            ],
        )

    @app.command("/ny")
    def new(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=NEW_COMMITMENT_VIEW)

    @app.shortcut("new_commitment")
    def new_from_shortcut(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=NEW_COMMITMENT_VIEW)

    @app.view("new_commitment")
    def save(ack: Ack, view: dict[str, Any]) -> None:
        values = view["state"]["values"]
        text = values["text"]["value"]["value"] or ""
        if len(text) < 5:
            ack(response_action="errors", errors={"text": "Skriv minst fem tecken."})
            return
        ack()
        with seen.lock:
            seen.submissions.append(values)

    @app.event("app_home_opened")
    def home(event: dict[str, Any], client: WebClient) -> None:
        client.views_publish(
            user_id=event["user"],
            view={
                "type": "home",
                "blocks": [
                    {"type": "header", "text": {"type": "plain_text", "text": "Mina åtaganden"}},
                    {
                        "type": "section",
                        "text": {"type": "mrkdwn", "text": "Du har *inga* försenade åtaganden."},
                    },
                    {
                        "type": "actions",
                        "elements": [
                            {
                                "type": "button",
                                "action_id": "open_new",
                                "text": {"type": "plain_text", "text": "Nytt"},
                            }
                        ],
                    },
                ],
            },
        )

    @app.action("open_new")
    def open_new(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=NEW_COMMITMENT_VIEW)

    @app.event("message")
    def message(body: dict[str, Any], event: dict[str, Any], say: Say, request: BoltRequest) -> None:
        retry = request.headers.get("x-slack-retry-num", [None])[0]
        with seen.lock:
            first = body["event_id"] not in seen.processed
            seen.processed.add(body["event_id"])
            seen.deliveries.append((body["event_id"], retry))
        if first:
            say(f"Tack för ditt meddelande: {event['text']}")

    return app, seen
