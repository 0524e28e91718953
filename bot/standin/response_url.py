"""What happens when an app answers through a response_url (or a slash command's ack body).

A response is a new ephemeral message for the user (default), a message in the
channel (``response_type: in_channel``), a replacement of the message the
interaction came from (``replace_original``) or its deletion (``delete_original``).
Each response_url takes 5 responses within 30 minutes.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from bot.standin.errors import SlackError
from bot.standin.faults import FaultPlan
from bot.standin.messages import bot_message, message_content
from bot.standin.recording import ApiCall, CallLog, decode_args
from bot.standin.replies import HttpReply, json_reply
from bot.standin.workspace import JsonDict, Message, ResponseUrl, Workspace

RESPONSE_URL = "response_url"
"""The pseudo-method name response_url posts are recorded (and can be faulted) under."""


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() in ("true", "1")


def _source(workspace: Workspace, target: ResponseUrl) -> Message | None:
    if target.source_ts is None:
        return None
    if target.source_ephemeral:
        return workspace.find_ephemeral(target.channel_id, target.user_id, target.source_ts)
    return workspace.find_message(target.channel_id, target.source_ts)


def apply_response(workspace: Workspace, target: ResponseUrl, body: JsonDict) -> Message | None:
    """Carry out one response for ``target``; returns the message posted or changed, if any.

    Raises:
        SlackError: the content is not acceptable (``no_text``, ``invalid_blocks`` …).
    """
    with workspace.lock:
        if _truthy(body.get("delete_original")):
            original = _source(workspace, target)
            if original is not None:
                workspace.remove_message(original)
            return None
        content = message_content(body)
        response_type = body.get("response_type", "ephemeral")
        if response_type not in ("ephemeral", "in_channel"):
            raise SlackError("invalid_payload", messages=["[ERROR] response_type must be ephemeral or in_channel"])
        if _truthy(body.get("replace_original")):
            original = _source(workspace, target)
            if original is not None:
                original.text = content.text
                original.blocks = content.blocks
                original.attachments = content.attachments
                original.state = {}
                workspace.notify()
                return original
        channel = workspace.channels[target.channel_id]
        thread_ts = body.get("thread_ts")
        message = bot_message(
            workspace,
            channel,
            content,
            thread_ts=str(thread_ts) if thread_ts else None,
            ephemeral_to=None if response_type == "in_channel" else target.user_id,
        )
        return workspace.add_message(message)


def _parse(body: bytes, content_type: str) -> JsonDict:
    if content_type.split(";", maxsplit=1)[0].strip().lower() == "application/x-www-form-urlencoded":
        form = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        body = form.get("payload", "").encode()
    try:
        parsed = json.loads(body)
    except ValueError:
        raise SlackError("invalid_payload") from None
    if not isinstance(parsed, dict):
        raise SlackError("invalid_payload")
    return parsed


def handle_response_url(
    workspace: Workspace,
    url: str,
    body: bytes,
    content_type: str,
    *,
    log: CallLog,
    faults: FaultPlan,
) -> HttpReply:
    """Answer a POST to the response_url ``url`` (recorded as method ``"response_url"``)."""
    parsed: JsonDict = {}
    fault = faults.take(RESPONSE_URL, include_wildcard=False)
    if fault is not None and fault.kind == "server_error":
        reply = json_reply({"ok": False, "error": "internal_error"}, status=fault.status)
    elif fault is not None and fault.kind == "rate_limited":
        reply = json_reply(
            {"ok": False, "error": "ratelimited"},
            status=429,
            headers=(("Retry-After", str(fault.retry_after)),),
        )
    elif fault is not None and fault.kind == "error":
        reply = json_reply({"ok": False, "error": fault.error}, status=400)
    else:
        try:
            parsed = _parse(body, content_type)
            reply = _respond(workspace, url, parsed)
        except SlackError as error:
            reply = json_reply(error.body(), status=400)
    log.record(
        ApiCall(
            method=RESPONSE_URL,
            args=decode_args(parsed),
            response=reply.json(),
            status=reply.status,
            at=workspace.now(),
            headers={"url": url},
        )
    )
    workspace.notify()
    return reply


def _respond(workspace: Workspace, url: str, body: JsonDict) -> HttpReply:
    with workspace.lock:
        target = workspace.response_urls.get(url)
        if target is None:
            return json_reply({"ok": False, "error": "no_service"}, status=404)
        if workspace.now() - target.issued_at > workspace.response_url_ttl:
            return json_reply({"ok": False, "error": "expired_url"}, status=404)
        if target.uses >= workspace.response_url_uses:
            return json_reply({"ok": False, "error": "used_url"}, status=404)
        target.uses += 1
        apply_response(workspace, target, body)
        return json_reply({"ok": True})
