"""``files.getUploadURLExternal``, ``files.completeUploadExternal``, ``files.info``."""

from __future__ import annotations

from bot.standin.errors import SlackError
from bot.standin.ids import random_secret
from bot.standin.messages import Content, bot_message, check_blocks, destination_for_bot, parse_json_arg
from bot.standin.methods.context import CallContext
from bot.standin.workspace import Channel, JsonDict, StoredFile


def get_upload_url(ctx: CallContext) -> JsonDict:
    """Reserve a file id and an upload URL (``http://127.0.0.1:PORT/upload/v1/…``) for its bytes."""
    workspace = ctx.workspace
    filename = ctx.text("filename")
    length = ctx.number("length", 0)
    if filename is None or length <= 0:
        raise SlackError("invalid_arguments", messages=["[ERROR] filename and a positive length are required"])
    stored = StoredFile(
        id=workspace.ids.next("F"),
        name=filename,
        title=filename,
        declared_length=length,
        user=workspace.bot_user.id,
        created=int(workspace.now()),
        upload_secret=random_secret(32),
        alt_txt=ctx.text("alt_txt") or "",
        snippet_type=ctx.text("snippet_type") or "",
    )
    with workspace.lock:
        workspace.files[stored.id] = stored
    return {"upload_url": f"{workspace.base_url}upload/v1/{stored.upload_secret}", "file_id": stored.id}


def complete_upload(ctx: CallContext) -> JsonDict:
    """Finish uploads; with ``channel_id`` (or ``channels``) share them there in one bot message."""
    workspace = ctx.workspace
    entries = parse_json_arg(ctx.args.get("files"), name="files", error="invalid_arguments")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) and "id" in e for e in entries):
        raise SlackError("invalid_arguments", messages=["[ERROR] files must be a JSON array of {id, title}"])
    files = []
    for entry in entries:
        stored = workspace.files.get(str(entry["id"]))
        if stored is None or stored.content is None or stored.user != workspace.bot_user.id:
            raise SlackError("file_not_found")
        files.append((stored, entry))
    targets = _targets(ctx)
    blocks = check_blocks(ctx.args["blocks"]) if ctx.args.get("blocks") is not None else []
    with workspace.lock:
        for stored, entry in files:
            stored.completed = True
            if entry.get("title"):
                stored.title = str(entry["title"])
        for channel in targets:
            for stored, _ in files:
                stored.channels.append(channel.id)
            content = Content(text=ctx.text("initial_comment") or "", blocks=blocks)
            message = bot_message(workspace, channel, content, thread_ts=ctx.text("thread_ts"))
            message.files = [
                s.to_slack(team_id=workspace.team.id, base_url=workspace.base_url, team_domain=workspace.team.domain)
                for s, _ in files
            ]
            workspace.add_message(message)
    return {"files": [{"id": stored.id, "title": stored.title} for stored, _ in files]}


def _targets(ctx: CallContext) -> list[Channel]:
    keys = []
    if ctx.text("channel_id") is not None:
        keys.append(str(ctx.text("channel_id")))
    keys.extend(part.strip() for part in (ctx.text("channels") or "").split(",") if part.strip())
    return [destination_for_bot(ctx.workspace, key, ctx.scopes) for key in keys]


def info(ctx: CallContext) -> JsonDict:
    """A file the bot can see: its own, or one shared where the bot is a member."""
    workspace = ctx.workspace
    stored = workspace.files.get(ctx.text("file") or "")
    if stored is None or not stored.completed:
        raise SlackError("file_not_found")
    bot = workspace.bot_user.id
    shared_with_bot = any(
        bot in workspace.channels[channel_id].members
        for channel_id in stored.channels
        if channel_id in workspace.channels
    )
    if stored.user != bot and not shared_with_bot:
        raise SlackError("file_not_found")
    body = stored.to_slack(team_id=workspace.team.id, base_url=workspace.base_url, team_domain=workspace.team.domain)
    return {"file": body, "comments": [], "response_metadata": {"next_cursor": ""}}


HANDLERS = {
    "files.getUploadURLExternal": get_upload_url,
    "files.completeUploadExternal": complete_upload,
    "files.info": info,
}
