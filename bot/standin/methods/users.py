"""``users.info`` and ``users.list``."""

from __future__ import annotations

from bot.standin.errors import SlackError
from bot.standin.methods.context import CallContext
from bot.standin.workspace import JsonDict


def info(ctx: CallContext) -> JsonDict:
    """One user object (deleted users too, with ``deleted: true``)."""
    workspace = ctx.workspace
    user = workspace.users.get(ctx.text("user") or "")
    if user is None:
        raise SlackError("user_not_found")
    body = user.to_slack(workspace.now())
    if ctx.flag("include_locale"):
        body["locale"] = "sv-SE"
    return {"user": body}


def list_users(ctx: CallContext) -> JsonDict:
    """Every member, Slackbot and bots included, paginated with ``cursor`` / ``limit``."""
    workspace = ctx.workspace
    now = workspace.now()
    page, next_cursor = ctx.page(list(workspace.users.values()), default_limit=1000)
    members = []
    for user in page:
        body = user.to_slack(now)
        if ctx.flag("include_locale"):
            body["locale"] = "sv-SE"
        members.append(body)
    return {"members": members, "cache_ts": int(now), "response_metadata": {"next_cursor": next_cursor}}


HANDLERS = {"users.info": info, "users.list": list_users}
