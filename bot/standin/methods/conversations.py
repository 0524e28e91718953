"""``conversations.open``, ``.info``, ``.members``, ``.history``, ``.replies`` and ``.join``."""

from __future__ import annotations

from collections.abc import Callable

from bot.standin.errors import SlackError
from bot.standin.messages import visible_to_bot
from bot.standin.methods.context import CallContext
from bot.standin.workspace import Channel, JsonDict, Message, Workspace

_MAX_MPIM_USERS = 8


def _require_scope_for(ctx: CallContext, channel: Channel, access: str) -> None:
    """Refuse unless the app has `access` ("read", "history") for this type of conversation."""
    if channel.is_im:
        kind = "im"
    elif channel.is_mpim:
        kind = "mpim"
    elif channel.is_private:
        kind = "groups"
    else:
        kind = "channels"
    ctx.require_scope(f"{kind}:{access}")


def open_conversation(ctx: CallContext) -> JsonDict:
    """Open (or find) the bot's DM with one user, or a group DM with several."""
    workspace = ctx.workspace
    channel_id = ctx.text("channel")
    users_arg = ctx.text("users")
    if channel_id is not None:
        channel = visible_to_bot(workspace, channel_id)
        if not (channel.is_im or channel.is_mpim):
            raise SlackError("method_not_supported_for_channel_type")
    elif users_arg is None:
        raise SlackError("users_list_not_supplied")
    else:
        users = []
        for user_id in (part.strip() for part in users_arg.split(",") if part.strip()):
            user = workspace.users.get(user_id)
            if user is None:
                raise SlackError("user_not_found")
            if user.deleted:
                raise SlackError("user_disabled")
            if user.id != workspace.bot_user.id:
                users.append(user)
        if not users:
            raise SlackError("not_enough_users")
        if len(users) > _MAX_MPIM_USERS:
            raise SlackError("too_many_users")
        before = set(workspace.channels)
        if len(users) == 1:
            ctx.require_scope("im:write")
            channel = workspace.dm(users[0])
        else:
            ctx.require_scope("mpim:write")
            channel = workspace.add_mpim(users)
        if channel.id in before:
            body: JsonDict = {"no_op": True, "already_open": True}
        else:
            body = {}
        body["channel"] = _opened(ctx, channel)
        return body
    return {"channel": _opened(ctx, channel)}


def _opened(ctx: CallContext, channel: Channel) -> JsonDict:
    workspace = ctx.workspace
    if ctx.flag("return_im"):
        return channel.to_slack(team_id=workspace.team.id, bot_user_id=workspace.bot_user.id, now=workspace.now())
    return {"id": channel.id}


def info(ctx: CallContext) -> JsonDict:
    """The conversation object; needs the read scope for the conversation's type."""
    workspace = ctx.workspace
    channel = visible_to_bot(workspace, ctx.text("channel") or "")
    _require_scope_for(ctx, channel, "read")
    body = channel.to_slack(
        team_id=workspace.team.id,
        bot_user_id=workspace.bot_user.id,
        now=workspace.now(),
        num_members=ctx.flag("include_num_members"),
    )
    if ctx.flag("include_locale"):
        body["locale"] = "sv-SE"
    return {"channel": body}


def members(ctx: CallContext) -> JsonDict:
    """The member ids of a conversation, paginated with ``cursor`` / ``limit``."""
    workspace = ctx.workspace
    channel = visible_to_bot(workspace, ctx.text("channel") or "")
    _require_scope_for(ctx, channel, "read")
    page, next_cursor = ctx.page(list(channel.members))
    return {"members": page, "response_metadata": {"next_cursor": next_cursor}}


def _timestamp(ctx: CallContext, name: str) -> float | None:
    value = ctx.text(name)
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        raise SlackError("invalid_ts_" + name) from None


def _window(ctx: CallContext) -> Callable[[float], bool]:
    """Whether a ts is within ``oldest`` and ``latest`` (ends only with ``inclusive``)."""
    oldest, latest = _timestamp(ctx, "oldest"), _timestamp(ctx, "latest")
    inclusive = ctx.flag("inclusive")

    def within(ts: float) -> bool:
        if oldest is not None and (ts < oldest or (ts == oldest and not inclusive)):
            return False
        return latest is None or ts < latest or (ts == latest and inclusive)

    return within


def history(ctx: CallContext) -> JsonDict:
    """Top-level messages, newest first, between ``oldest`` and ``latest``.

    As Slack does, message metadata is in the answer only with
    ``include_all_metadata``, and ``limit`` is at most 999.
    """
    workspace = ctx.workspace
    channel = visible_to_bot(workspace, ctx.text("channel") or "")
    _require_scope_for(ctx, channel, "history")
    _require_member(workspace, channel)
    within = _window(ctx)
    with workspace.lock:
        found = [m for m in channel.messages if not m.is_reply and within(float(m.ts))]
        found.sort(key=lambda m: float(m.ts), reverse=True)
        return {**_page_of(ctx, found), "pin_count": 0}


def _require_member(workspace: Workspace, channel: Channel) -> None:
    # A bot token reads only where the bot is a member; chat:write.public lets it post to a public
    # channel, never read it (https://docs.slack.dev/reference/methods/conversations.history/).
    if workspace.bot_user.id not in channel.members:
        raise SlackError("not_in_channel")


def _page_of(ctx: CallContext, found: list[Message]) -> JsonDict:
    """One page of ``found`` as Slack lists messages; metadata only with ``include_all_metadata``."""
    workspace = ctx.workspace
    page, next_cursor = ctx.page(found, default_limit=100, max_limit=999)
    messages = []
    for message in page:
        body = message.to_slack(workspace.bot_profile if message.user == workspace.bot_user.id else None)
        if not ctx.flag("include_all_metadata"):
            body.pop("metadata", None)
        messages.append(body)
    return {"messages": messages, "has_more": bool(next_cursor), "response_metadata": {"next_cursor": next_cursor}}


def replies(ctx: CallContext) -> JsonDict:
    """A thread: its parent, then its replies oldest first (``ts`` may name the parent or a reply).

    Replies are not in ``conversations.history``; this is the only way to read them. The same
    history scope as for ``conversations.history`` is needed.
    """
    workspace = ctx.workspace
    channel = visible_to_bot(workspace, ctx.text("channel") or "")
    _require_scope_for(ctx, channel, "history")
    _require_member(workspace, channel)
    ts = ctx.text("ts") or ""
    within = _window(ctx)
    with workspace.lock:
        named = workspace.find_message(channel.id, ts)
        if named is None:
            raise SlackError("thread_not_found")
        parent_ts = named.thread_ts or named.ts
        thread = [m for m in channel.messages if parent_ts in (m.ts, m.thread_ts) and within(float(m.ts))]
        thread.sort(key=lambda m: float(m.ts))
        return _page_of(ctx, thread)


def join(ctx: CallContext) -> JsonDict:
    """The bot joins a public channel (https://docs.slack.dev/reference/methods/conversations.join/).

    Only public channels can be joined: a private channel, a DM or a group DM takes an invitation,
    so Slack answers ``method_not_supported_for_channel_type``; an archived one ``is_archived``.
    Joining a channel the bot is already in succeeds with the warning ``already_in_channel``.
    """
    workspace = ctx.workspace
    with workspace.lock:
        channel = workspace.channels.get(ctx.text("channel") or "")
        if channel is None:
            raise SlackError("channel_not_found")
        if channel.is_private or channel.is_im or channel.is_mpim:
            raise SlackError("method_not_supported_for_channel_type")
        if channel.is_archived:
            raise SlackError("is_archived")
        if workspace.bot_user.id in channel.members:
            ctx.warnings.append("already_in_channel")
        else:
            workspace.join(channel, workspace.bot_user)
        body = channel.to_slack(team_id=workspace.team.id, bot_user_id=workspace.bot_user.id, now=workspace.now())
    return {"channel": body}


HANDLERS = {
    "conversations.join": join,
    "conversations.history": history,
    "conversations.replies": replies,
    "conversations.open": open_conversation,
    "conversations.info": info,
    "conversations.members": members,
}
