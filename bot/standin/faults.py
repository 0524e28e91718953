"""Faults a test can inject into the stand-in's Web API: 429, 5xx, ``ok: false``, slowness."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["rate_limited", "server_error", "error", "slow"]
FAULT_KINDS: tuple[FaultKind, ...] = ("rate_limited", "server_error", "error", "slow")


@dataclass
class Fault:
    """One planned fault for the next ``remaining`` calls of ``method`` (``"*"`` = any method).

    - ``rate_limited``: HTTP 429, ``Retry-After: retry_after``, ``{"ok": false, "error": "ratelimited"}``;
    - ``server_error``: HTTP ``status`` (500, 502, 503, 504) and no side effect;
    - ``error``: HTTP 200 ``{"ok": false, "error": error}`` and no side effect;
    - ``slow``: wait ``seconds`` (real time), then answer normally.
    """

    method: str
    kind: FaultKind
    remaining: int
    retry_after: int = 1
    status: int = 500
    error: str = "internal_error"
    seconds: float = 0.0


class FaultPlan:
    """The faults still to happen, consumed call by call (thread-safe)."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        """Plan ``fault``; faults for one method apply in the order they were added."""
        if fault.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {fault.kind!r}; use one of {', '.join(FAULT_KINDS)}")
        if fault.remaining < 1:
            raise ValueError("a fault must apply to at least one call")
        if fault.kind == "server_error" and not 500 <= fault.status <= 599:
            raise ValueError("a server_error needs an HTTP status between 500 and 599")
        with self._lock:
            self._faults.append(fault)

    def take(self, method: str, *, include_wildcard: bool = True) -> Fault | None:
        """The fault for this call of ``method`` (a method's own before ``"*"``), or None."""
        with self._lock:
            chosen = next((f for f in self._faults if f.method == method), None)
            if chosen is None and include_wildcard:
                chosen = next((f for f in self._faults if f.method == "*"), None)
            if chosen is None:
                return None
            chosen.remaining -= 1
            if chosen.remaining == 0:
                self._faults.remove(chosen)
            return chosen

    def pending(self) -> list[Fault]:
        """Faults not yet used up (a copy)."""
        with self._lock:
            return list(self._faults)

    def clear(self) -> None:
        """Drop every planned fault."""
        with self._lock:
            self._faults.clear()
