"""What a Web API method handler gets: the decoded arguments and the workspace."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from bot.standin.errors import SlackError
from bot.standin.pacing import ChannelBuckets
from bot.standin.workspace import JsonDict, Workspace

_Item = TypeVar("_Item")


@dataclass
class CallContext:
    """One validated Web API call, as a handler sees it.

    ``args`` are as sent (strings from form posts, JSON values from JSON posts),
    without ``token``. ``socket_url`` issues a Socket Mode URL (for
    ``apps.connections.open``).
    """

    method: str
    args: JsonDict
    workspace: Workspace
    scopes: frozenset[str]
    socket_url: Callable[[], str]
    # Posting rate per channel (bot/standin/pacing.py); None: no rate is kept.
    pacing: ChannelBuckets | None = None
    warnings: list[str] = field(default_factory=list)

    def text(self, name: str) -> str | None:
        """Argument ``name`` as text, None if absent or empty."""
        value = self.args.get(name)
        if value is None or value == "":
            return None
        return str(value)

    def flag(self, name: str) -> bool:
        """Argument ``name`` as a boolean (``true``/``1`` are true)."""
        value = self.args.get(name)
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("1", "true")

    def number(self, name: str, default: int) -> int:
        """Argument ``name`` as an integer, ``default`` if absent."""
        value = self.args.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise SlackError("invalid_arguments", messages=[f"[ERROR] {name} must be a number"]) from None

    def require_scope(self, *any_of: str) -> None:
        """Refuse with ``missing_scope`` unless the app has one of ``any_of``."""
        if not any(scope in self.scopes for scope in any_of):
            raise SlackError(
                "missing_scope",
                extra={"needed": ",".join(any_of), "provided": ",".join(sorted(self.scopes))},
            )

    def page(self, items: list[_Item], *, default_limit: int = 100, max_limit: int = 1000) -> tuple[list[_Item], str]:
        """The page of ``items`` that ``cursor`` and ``limit`` ask for, and the next cursor (``""`` last).

        Raises:
            SlackError: ``invalid_cursor`` or ``invalid_limit``.
        """
        limit = self.number("limit", default_limit)
        if limit < 0:
            raise SlackError("invalid_limit")
        limit = min(limit or default_limit, max_limit)
        start = 0
        cursor = self.text("cursor")
        if cursor is not None:
            try:
                decoded = base64.b64decode(cursor.encode(), validate=True).decode()
                kind, _, offset = decoded.partition(":")
                start = int(offset)
                if kind != "offset" or start < 0:
                    raise ValueError(decoded)
            except (ValueError, binascii.Error):
                raise SlackError("invalid_cursor") from None
        end = start + limit
        next_cursor = base64.b64encode(f"offset:{end}".encode()).decode() if end < len(items) else ""
        return items[start:end], next_cursor
