"""What Slack requires to call each method the stand-in implements: scopes and token type.

Written by hand from Slack's method documentation: the reference the argument table
is generated from (``slack_methods.json``) does not carry scopes or token types. The
keys of ``ACCESS`` are the methods the stand-in implements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TokenType = Literal["bot", "app"]


@dataclass(frozen=True)
class Access:
    """Who may call a method: the bot token's scopes it needs, and the kind of token."""

    scopes: tuple[str, ...] = ()
    token_type: TokenType = "bot"


ACCESS: dict[str, Access] = {
    "auth.test": Access(),
    "apps.connections.open": Access(("connections:write",), token_type="app"),
    "chat.postMessage": Access(("chat:write",)),
    "chat.postEphemeral": Access(("chat:write",)),
    "chat.update": Access(("chat:write",)),
    "chat.delete": Access(("chat:write",)),
    "chat.getPermalink": Access(),
    # im:write for a DM, mpim:write for a group DM: checked by the handler.
    "conversations.open": Access(),
    # channels:read / groups:read / im:read / mpim:read by conversation type: the handler.
    "conversations.info": Access(),
    # channels:history / groups:history / im:history / mpim:history by type: the handler.
    "conversations.history": Access(),
    # The same history scopes, by type: the handler.
    "conversations.replies": Access(),
    "conversations.members": Access(),
    "users.info": Access(("users:read",)),
    "users.list": Access(("users:read",)),
    "views.open": Access(),
    "views.push": Access(),
    "views.update": Access(),
    "views.publish": Access(),
    "files.getUploadURLExternal": Access(("files:write",)),
    "files.completeUploadExternal": Access(("files:write",)),
    "files.info": Access(("files:read",)),
    "files.list": Access(("files:read",)),
}
"""Every method the stand-in implements, with the access Slack requires for it."""
