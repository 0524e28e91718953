"""The HTTP answers the stand-in's endpoints give, independent of the server plumbing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

JSON_TYPE = "application/json; charset=utf-8"


@dataclass(frozen=True)
class HttpReply:
    """Status, body and headers of one HTTP answer."""

    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: tuple[tuple[str, str], ...] = ()

    def json(self) -> Any:
        """The body parsed as JSON (None if it is not JSON)."""
        try:
            return json.loads(self.body)
        except ValueError:
            return None


def json_reply(body: Any, status: int = 200, headers: tuple[tuple[str, str], ...] = ()) -> HttpReply:
    """A JSON answer."""
    return HttpReply(status=status, body=json.dumps(body).encode(), headers=headers)


def text_reply(text: str, status: int = 200, content_type: str = "text/plain; charset=utf-8") -> HttpReply:
    """A plain-text (or HTML) answer."""
    return HttpReply(status=status, body=text.encode(), content_type=content_type)
