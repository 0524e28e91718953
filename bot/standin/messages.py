"""Message content and destinations as Slack checks them for every way an app can post.

Used by the ``chat.*`` methods, by response_url posts and by slash-command acks,
which Slack all hold to the same rules (Block Kit limits, 40,000 characters of text).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.standin.blockkit import MAX_MESSAGE_TEXT, validate_blocks, with_ids
from bot.standin.errors import SlackError
from bot.standin.sizes import MAX_BLOCK_TEXT, block_text_length
from bot.standin.workspace import Channel, JsonDict, Message, Workspace

MAX_MARKDOWN_TEXT = 12_000
# chat.update's own limit on `text` (msg_too_long), far below chat.postMessage's.
MAX_UPDATE_TEXT = 4_000
MAX_ATTACHMENTS = 100


@dataclass
class Content:
    """What a message says. ``blocks_given`` tells "no blocks" from "blocks not sent"
    (``chat.update`` keeps the old blocks when none are sent)."""

    text: str = ""
    blocks: list[JsonDict] = field(default_factory=list)
    attachments: list[JsonDict] = field(default_factory=list)
    blocks_given: bool = False
    attachments_given: bool = False


def parse_json_arg(value: Any, *, name: str, error: str) -> Any:
    """``value`` parsed if it is JSON text (form posts), as is otherwise (JSON posts).

    Raises:
        SlackError: ``error`` if the text is not JSON.
    """
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise SlackError(error, messages=[f"[ERROR] {name} is not valid JSON"]) from None
    return value


def check_blocks(raw: Any) -> list[JsonDict]:
    """Message blocks parsed and checked, with Slack's ``block_id`` / ``action_id`` filled in.

    Every way a message takes blocks comes through here, so the total-size rule holds for all of
    them: Slack answers ``msg_blocks_too_long`` when the blocks together carry too much text, even
    if each is within its own limit (the error chat.postMessage and chat.update name in
    https://api.slack.com/methods/chat.postMessage; the number is undocumented, see ``sizes``).

    Raises:
        SlackError: ``invalid_blocks_format`` (not a JSON array), ``invalid_blocks`` or
            ``msg_blocks_too_long``.
    """
    blocks = parse_json_arg(raw, name="blocks", error="invalid_blocks_format")
    if not isinstance(blocks, list):
        raise SlackError("invalid_blocks_format", messages=["[ERROR] blocks must be a JSON array"])
    problems = validate_blocks(blocks, "message")
    if problems:
        raise SlackError(
            "invalid_blocks",
            messages=[str(problem) for problem in problems],
            extra={"errors": [f"{p.message} [json-pointer:{p.pointer}]" for p in problems]},
        )
    total = block_text_length(blocks)
    if total > MAX_BLOCK_TEXT:
        raise SlackError(
            "msg_blocks_too_long",
            messages=[f"[ERROR] the blocks carry {total} characters of text, more than {MAX_BLOCK_TEXT}"],
        )
    return with_ids(blocks)


def message_content(args: Mapping[str, Any], *, required: bool = True, max_text: int = MAX_MESSAGE_TEXT) -> Content:
    """The content of a message from API-style arguments (``text``, ``blocks``, ``attachments``,
    ``markdown_text``).

    Raises:
        SlackError: ``no_text``, ``msg_too_long``, ``invalid_blocks``, ``invalid_blocks_format``,
            ``invalid_attachments``, ``too_many_attachments``, ``markdown_text_conflict``.
    """
    content = Content()
    text = args.get("text")
    markdown = args.get("markdown_text")
    if text not in (None, "") and markdown not in (None, ""):
        raise SlackError("markdown_text_conflict")
    if markdown not in (None, ""):
        if not isinstance(markdown, str) or len(markdown) > MAX_MARKDOWN_TEXT:
            raise SlackError("msg_too_long")
        content.text = markdown
    elif text is not None:
        content.text = str(text)
        if len(content.text) > max_text:
            raise SlackError("msg_too_long")
    if args.get("blocks") is not None:
        content.blocks = check_blocks(args["blocks"])
        content.blocks_given = True
    if args.get("attachments") is not None:
        attachments = parse_json_arg(args["attachments"], name="attachments", error="invalid_attachments")
        if not isinstance(attachments, list) or not all(isinstance(a, dict) for a in attachments):
            raise SlackError("invalid_attachments")
        if len(attachments) > MAX_ATTACHMENTS:
            raise SlackError("too_many_attachments")
        content.attachments = attachments
        content.attachments_given = True
    if required and not (content.text or content.blocks or content.attachments):
        raise SlackError("no_text")
    return content


def visible_to_bot(workspace: Workspace, key: str) -> Channel:
    """The conversation ``key`` (an id) as the bot can see it.

    Private channels and DMs the bot is not in are invisible to it, so Slack says
    ``channel_not_found`` rather than ``not_in_channel`` for them.

    Raises:
        SlackError: ``channel_not_found``.
    """
    channel = workspace.channels.get(key)
    if channel is None:
        raise SlackError("channel_not_found")
    private = channel.is_private or channel.is_im or channel.is_mpim
    if private and workspace.bot_user.id not in channel.members:
        raise SlackError("channel_not_found")
    return channel


def destination_for_bot(workspace: Workspace, key: str, scopes: Collection[str]) -> Channel:
    """Where the bot's message to ``channel=key`` goes, as ``chat.postMessage`` resolves it.

    ``key`` may be a conversation id, a channel name (``#bun`` or ``bun``) or a user id,
    which means the DM between the bot and that user. The bot posts to public channels
    it is not in only with ``chat:write.public``.

    Raises:
        SlackError: ``channel_not_found``, ``not_in_channel``, ``is_archived``.
    """
    user = workspace.users.get(key)
    if user is not None:
        if user.deleted or user.is_bot or user.id == workspace.slackbot.id:
            raise SlackError("channel_not_found")
        return workspace.dm(user)
    channel = workspace.channels.get(key) or workspace.find_channel(key)
    if channel is None:
        raise SlackError("channel_not_found")
    channel = visible_to_bot(workspace, channel.id)
    if channel.is_archived:
        raise SlackError("is_archived")
    if workspace.bot_user.id not in channel.members and "chat:write.public" not in scopes:
        raise SlackError("not_in_channel")
    return channel


def bot_message(
    workspace: Workspace,
    channel: Channel,
    content: Content,
    *,
    thread_ts: str | None = None,
    ephemeral_to: str | None = None,
    metadata: JsonDict | None = None,
) -> Message:
    """A new message from the bot (not yet stored)."""
    return Message(
        channel=channel.id,
        ts=workspace.next_ts(),
        text=content.text,
        blocks=content.blocks,
        attachments=content.attachments,
        user=workspace.bot_user.id,
        bot_id=workspace.bot_id,
        app_id=workspace.app_id,
        team=workspace.team.id,
        thread_ts=thread_ts,
        ephemeral_to=ephemeral_to,
        metadata=metadata,
    )
