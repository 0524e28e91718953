"""The error the stand-in's Slack side raises when it refuses a request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class SlackError(Exception):
    """Slack says no: ``error`` is Slack's error code (``channel_not_found`` …).

    ``messages`` become ``response_metadata.messages`` (``[ERROR] …`` lines that say
    what and where); ``extra`` is merged into the response body (``needed`` and
    ``provided`` for ``missing_scope``, ``errors`` for ``invalid_blocks``).
    """

    def __init__(self, error: str, *, messages: Sequence[str] = (), extra: dict[str, Any] | None = None) -> None:
        super().__init__(error if not messages else f"{error}: {'; '.join(messages)}")
        self.error = error
        self.messages = list(messages)
        self.extra = dict(extra or {})

    def body(self) -> dict[str, Any]:
        """The JSON body Slack answers with: ``{"ok": false, "error": …}``."""
        body: dict[str, Any] = {"ok": False, "error": self.error, **self.extra}
        if self.messages:
            body["response_metadata"] = {"messages": list(self.messages)}
        return body
