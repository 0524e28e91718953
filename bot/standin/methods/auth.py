"""``auth.test`` and ``apps.connections.open``."""

from __future__ import annotations

from bot.standin.methods.context import CallContext
from bot.standin.workspace import JsonDict


def auth_test(ctx: CallContext) -> JsonDict:
    """Who the bot token belongs to (Bolt calls this when the app starts)."""
    workspace = ctx.workspace
    return {
        "url": workspace.team.url,
        "team": workspace.team.name,
        "user": workspace.bot_user.name,
        "team_id": workspace.team.id,
        "user_id": workspace.bot_user.id,
        "bot_id": workspace.bot_id,
        "is_enterprise_install": False,
    }


def apps_connections_open(ctx: CallContext) -> JsonDict:
    """A fresh Socket Mode URL (``ws://127.0.0.1:PORT/link/?ticket=…``)."""
    return {"url": ctx.socket_url()}


HANDLERS = {"auth.test": auth_test, "apps.connections.open": apps_connections_open}
