"""The Web API method handlers, one module per method group."""

from __future__ import annotations

from collections.abc import Callable

from bot.standin.methods import auth, chat, conversations, files, users, views
from bot.standin.methods.context import CallContext
from bot.standin.workspace import JsonDict

Handler = Callable[[CallContext], JsonDict]

HANDLERS: dict[str, Handler] = {
    **auth.HANDLERS,
    **chat.HANDLERS,
    **conversations.HANDLERS,
    **users.HANDLERS,
    **views.HANDLERS,
    **files.HANDLERS,
}
"""Handler of every implemented method, by method name."""

__all__ = ["HANDLERS", "CallContext", "Handler"]
