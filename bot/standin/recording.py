"""The record of every request the app made to the stand-in's Slack side."""

from __future__ import annotations

import contextlib
import json
import threading
from dataclasses import dataclass, field
from typing import Any

JsonDict = dict[str, Any]

# Arguments Slack takes as JSON text; the record shows them parsed.
_JSON_ARGS = ("blocks", "attachments", "view", "files", "metadata", "unfurled_attachments")


def decode_args(args: JsonDict) -> JsonDict:
    """A copy of ``args`` with JSON-text arguments (``blocks``, ``view`` …) parsed."""
    decoded = dict(args)
    for key in _JSON_ARGS:
        value = decoded.get(key)
        if isinstance(value, str):
            # Malformed JSON is kept as sent; the method itself reports it.
            with contextlib.suppress(ValueError):
                decoded[key] = json.loads(value)
    return decoded


@dataclass(frozen=True)
class ApiCall:
    """One request: a Web API method, or ``"response_url"`` / ``"file_upload"`` for those endpoints.

    ``args`` are decoded (``blocks`` and ``view`` parsed from JSON); ``response`` is
    the JSON body answered (None if it was not JSON); ``at`` is stand-in time.
    """

    method: str
    args: JsonDict
    response: JsonDict | None
    status: int
    at: float
    token: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True if Slack answered HTTP 200 with ``"ok": true``."""
        return self.status == 200 and bool(self.response and self.response.get("ok"))

    @property
    def error(self) -> str | None:
        """Slack's error code, if the call failed."""
        if self.response is None:
            return None
        error = self.response.get("error")
        return str(error) if error is not None else None


class CallLog:
    """Thread-safe list of ``ApiCall`` in arrival order."""

    def __init__(self) -> None:
        self._calls: list[ApiCall] = []
        self._lock = threading.Lock()

    def record(self, call: ApiCall) -> None:
        """Append ``call``."""
        with self._lock:
            self._calls.append(call)

    def all(self) -> list[ApiCall]:
        """Every call so far, oldest first (a copy)."""
        with self._lock:
            return list(self._calls)

    def to(self, method: str) -> list[ApiCall]:
        """The calls of ``method``, oldest first."""
        with self._lock:
            return [call for call in self._calls if call.method == method]

    def clear(self) -> None:
        """Forget every call."""
        with self._lock:
            self._calls.clear()
