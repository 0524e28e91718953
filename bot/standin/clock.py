"""A hand-driven clock for tests of the stand-in's timing rules."""

from __future__ import annotations

import threading


class ManualClock:
    """A clock that only moves when told to; pass it as ``SlackStandIn(now=clock)``.

    It controls the stand-in's notion of time: message timestamps, ``event_time``,
    trigger_id expiry (3 s) and response_url expiry (30 min). It does not slow down
    or speed up real waiting (acks are still awaited for 3 real seconds).
    """

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds``."""
        with self._lock:
            self._now += seconds

    def set(self, timestamp: float) -> None:
        """Jump to the Unix time ``timestamp``."""
        with self._lock:
            self._now = timestamp
