"""``conversations.replies``: a thread, its parent first, then its replies oldest first.

The outbox needs it to find a reply it may already have posted (a continuation of a long
digest goes into the digest's thread, and ``conversations.history`` lists no replies).
"""

from __future__ import annotations

from bot.standin.errors import SlackError
from bot.standin.messages import visible_to_bot
from bot.standin.methods.context import CallContext
from bot.standin.methods.conversations import _require_scope_for
from bot.standin.workspace import JsonDict


def replies(ctx: CallContext) -> JsonDict:
    """The thread of ``ts`` in ``channel``, between ``oldest`` and ``latest``, the parent always first.

    As in ``conversations.history``, metadata is in the answer only with ``include_all_metadata``.
    """
    workspace = ctx.workspace
    channel = visible_to_bot(workspace, ctx.text("channel") or "")
    _require_scope_for(ctx, channel, "history")
    ts = ctx.text("ts")
    if ts is None:
        raise SlackError("invalid_arguments", messages=["[ERROR] missing required field: ts"])
    with_metadata = ctx.flag("include_all_metadata")
    with workspace.lock:
        parent = workspace.find_message(channel.id, ts)
        if parent is None:
            raise SlackError("thread_not_found")
        root = parent.thread_ts or parent.ts
        thread = [m for m in channel.messages if root in (m.ts, m.thread_ts)]
        thread.sort(key=lambda m: float(m.ts))
        page, next_cursor = ctx.page(thread, default_limit=100, max_limit=1000)
        messages = []
        for message in page:
            body = message.to_slack(workspace.bot_profile if message.user == workspace.bot_user.id else None)
            if not with_metadata:
                body.pop("metadata", None)
            messages.append(body)
    return {"messages": messages, "has_more": bool(next_cursor), "response_metadata": {"next_cursor": next_cursor}}


HANDLERS = {"conversations.replies": replies}
