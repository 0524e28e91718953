"""``files.getUploadURLExternal``, ``files.completeUploadExternal``, ``files.info``, ``files.list``."""

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
    targets = [destination_for_bot(ctx.workspace, key, ctx.scopes) for key in keys]
    # Sharing a file needs membership: chat:write.public covers messages only, so a public channel
    # the bot has not joined answers not_in_channel
    # (https://docs.slack.dev/reference/methods/files.completeUploadExternal/).
    if any(ctx.workspace.bot_user.id not in channel.members for channel in targets):
        raise SlackError("not_in_channel")
    return targets


def _visible_to_bot(ctx: CallContext, stored: StoredFile) -> bool:
    """The bot's own files, and files shared where the bot is a member."""
    workspace = ctx.workspace
    bot = workspace.bot_user.id
    if stored.user == bot:
        return True
    return any(
        bot in workspace.channels[channel_id].members
        for channel_id in stored.channels
        if channel_id in workspace.channels
    )


def info(ctx: CallContext) -> JsonDict:
    """A file the bot can see: its own, or one shared where the bot is a member."""
    workspace = ctx.workspace
    stored = workspace.files.get(ctx.text("file") or "")
    if stored is None or not stored.completed or not _visible_to_bot(ctx, stored):
        raise SlackError("file_not_found")
    body = stored.to_slack(team_id=workspace.team.id, base_url=workspace.base_url, team_domain=workspace.team.domain)
    return {"file": body, "comments": [], "response_metadata": {"next_cursor": ""}}


# files.list's type filter: Slack's categories, by file extension.
_TYPE_EXTENSIONS = {
    "pdfs": {"pdf"},
    "images": {"png", "jpg", "jpeg", "gif", "webp", "bmp"},
    "zips": {"zip"},
    "snippets": {"text", "txt"},
}


def _timestamp(ctx: CallContext, name: str) -> float | None:
    raw = ctx.text(name)
    if raw is None or raw == "":
        return None
    try:
        return float(raw)
    except ValueError:
        raise SlackError("invalid_arguments", messages=[f"[ERROR] {name} must be a Unix timestamp"]) from None


def list_files(ctx: CallContext) -> JsonDict:
    """Files the bot can see, newest first, filtered as Slack filters them (its first page of 100)."""
    workspace = ctx.workspace
    user = ctx.text("user")
    channel = ctx.text("channel")
    ts_from, ts_to = _timestamp(ctx, "ts_from"), _timestamp(ctx, "ts_to")
    kinds = [k.strip() for k in (ctx.text("types") or "all").split(",") if k.strip()]
    unknown = [k for k in kinds if k != "all" and k not in _TYPE_EXTENSIONS and k not in ("spaces", "gdocs")]
    if unknown:
        raise SlackError("unknown_type", messages=[f"[ERROR] unknown file type {unknown[0]}"])
    if channel is not None and channel not in workspace.channels:
        raise SlackError("channel_not_found")
    count, page = 100, 1
    with workspace.lock:
        found = []
        for stored in workspace.files.values():
            extension = stored.name.rsplit(".", 1)[-1].lower() if "." in stored.name else "text"
            if not stored.completed or not _visible_to_bot(ctx, stored):
                continue
            if user is not None and stored.user != user:
                continue
            if channel is not None and channel not in stored.channels:
                continue
            if (ts_from is not None and stored.created < ts_from) or (ts_to is not None and stored.created > ts_to):
                continue
            if "all" not in kinds and not any(extension in _TYPE_EXTENSIONS.get(k, set()) for k in kinds):
                continue
            found.append(stored)
        # Newest first; files from the same second in the order they were shared, latest first.
        found.reverse()
        found.sort(key=lambda f: -f.created)
        total = len(found)
        chosen = found[(page - 1) * count : page * count]
        files = [
            f.to_slack(team_id=workspace.team.id, base_url=workspace.base_url, team_domain=workspace.team.domain)
            for f in chosen
        ]
    pages = max(1, -(-total // count))
    return {"files": files, "paging": {"count": count, "total": total, "page": page, "pages": pages}}


HANDLERS = {
    "files.getUploadURLExternal": get_upload_url,
    "files.completeUploadExternal": complete_upload,
    "files.info": info,
    "files.list": list_files,
}
