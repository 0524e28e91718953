"""``chat.postMessage``, ``chat.postEphemeral``, ``chat.update``, ``chat.delete``, ``chat.getPermalink``."""

from __future__ import annotations

import json

from bot.standin.errors import SlackError
from bot.standin.messages import (
    MAX_UPDATE_TEXT,
    bot_message,
    destination_for_bot,
    message_content,
    parse_json_arg,
    visible_to_bot,
)
from bot.standin.methods.context import CallContext
from bot.standin.workspace import JsonDict, Message

# Slack refuses metadata over its size limit with ``metadata_too_large`` ("Metadata exceeds size
# limit", https://api.slack.com/methods/chat.postMessage and chat.update; the metadata itself:
# https://docs.slack.dev/messaging/message-metadata). The reference gives no number, so the
# stand-in holds the serialized JSON to 8 KB (UTF-8 bytes): far above the outbox's key, well
# below anything a whole payload would need.
MAX_METADATA_BYTES = 8 * 1024


def _metadata(ctx: CallContext) -> JsonDict | None:
    raw = ctx.args.get("metadata")
    if raw is None:
        return None
    metadata = parse_json_arg(raw, name="metadata", error="invalid_metadata_format")
    if not isinstance(metadata, dict) or "event_type" not in metadata or "event_payload" not in metadata:
        raise SlackError("invalid_metadata_format")
    if len(json.dumps(metadata, ensure_ascii=False, separators=(",", ":")).encode()) > MAX_METADATA_BYTES:
        raise SlackError("metadata_too_large")
    return metadata


def _required_text(ctx: CallContext, name: str) -> str:
    value = ctx.text(name)
    if value is None:
        raise SlackError("invalid_arguments", messages=[f"[ERROR] missing required field: {name}"])
    return value


def post_message(ctx: CallContext) -> JsonDict:
    """Post as the bot; ``channel`` may be an id, a channel name or a user id (the bot's DM)."""
    workspace = ctx.workspace
    channel = destination_for_bot(workspace, _required_text(ctx, "channel"), ctx.scopes)
    content = message_content(ctx.args)
    thread_ts = ctx.text("thread_ts")
    if ctx.pacing is not None:
        # Checked last, once the call is otherwise sound: a refused message costs no token.
        ctx.pacing.take(channel.id)
    message = bot_message(workspace, channel, content, thread_ts=thread_ts, metadata=_metadata(ctx))
    workspace.add_message(message)
    return {"channel": channel.id, "ts": message.ts, "message": message.to_slack(workspace.bot_profile)}


def post_ephemeral(ctx: CallContext) -> JsonDict:
    """Show a message to one member of the channel only."""
    workspace = ctx.workspace
    channel = destination_for_bot(workspace, _required_text(ctx, "channel"), ctx.scopes)
    user = workspace.users.get(_required_text(ctx, "user"))
    if user is None:
        raise SlackError("user_not_found")
    if user.id not in channel.members:
        raise SlackError("user_not_in_channel")
    content = message_content(ctx.args)
    message = bot_message(workspace, channel, content, thread_ts=ctx.text("thread_ts"), ephemeral_to=user.id)
    workspace.add_message(message)
    return {"message_ts": message.ts}


def _own_message(ctx: CallContext, *, refusal: str) -> Message:
    workspace = ctx.workspace
    channel = visible_to_bot(workspace, _required_text(ctx, "channel"))
    message = workspace.find_message(channel.id, _required_text(ctx, "ts"))
    if message is None:
        raise SlackError("message_not_found")
    if message.bot_id != workspace.bot_id:
        raise SlackError(refusal)
    return message


def update(ctx: CallContext) -> JsonDict:
    """Change one of the bot's messages; blocks or attachments not sent are kept."""
    workspace = ctx.workspace
    message = _own_message(ctx, refusal="cant_update_message")
    # chat.update takes far less text than chat.postMessage: Slack answers msg_too_long over 4,000.
    content = message_content(ctx.args, max_text=MAX_UPDATE_TEXT)
    # Checked before anything changes: a refused update leaves the message as it was.
    metadata = _metadata(ctx) if "metadata" in ctx.args else None
    with workspace.lock:
        if "text" in ctx.args or "markdown_text" in ctx.args:
            message.text = content.text
        if content.blocks_given:
            message.blocks = content.blocks
            # The elements changed, so whatever the viewer had picked is gone.
            message.state = {}
        if content.attachments_given:
            message.attachments = content.attachments
        if "metadata" in ctx.args:
            message.metadata = metadata
        message.edited = {"user": workspace.bot_user.id, "ts": workspace.next_ts()}
        workspace.notify()
        return {
            "channel": message.channel,
            "ts": message.ts,
            "text": message.text,
            "message": message.to_slack(workspace.bot_profile),
        }


def delete(ctx: CallContext) -> JsonDict:
    """Delete one of the bot's messages."""
    message = _own_message(ctx, refusal="cant_delete_message")
    ctx.workspace.remove_message(message)
    return {"channel": message.channel, "ts": message.ts}


def get_permalink(ctx: CallContext) -> JsonDict:
    """The ``https://<domain>.slack.com/archives/C…/p…`` link of a message."""
    workspace = ctx.workspace
    channel = visible_to_bot(workspace, _required_text(ctx, "channel"))
    ts = _required_text(ctx, "message_ts")
    message = workspace.find_message(channel.id, ts)
    if message is None:
        raise SlackError("message_not_found")
    permalink = f"{workspace.team.url}archives/{channel.id}/p{ts.replace('.', '')}"
    if message.is_reply:
        permalink += f"?thread_ts={message.thread_ts}&cid={channel.id}"
    return {"channel": channel.id, "permalink": permalink}


HANDLERS = {
    "chat.postMessage": post_message,
    "chat.postEphemeral": post_ephemeral,
    "chat.update": update,
    "chat.delete": delete,
    "chat.getPermalink": get_permalink,
}
