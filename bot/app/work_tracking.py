"""An executor for Bolt's work after the ack that knows whether any of it is still running.

The console and the tests wait for "the bot has answered" before they look;
Slack calls alone cannot tell that (reading a long PDF makes none for a
while), so they also wait until this executor is idle.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class TrackingExecutor(ThreadPoolExecutor):
    """A ThreadPoolExecutor that counts the tasks submitted and not yet finished."""

    def __init__(self, max_workers: int = 5) -> None:
        super().__init__(max_workers=max_workers, thread_name_prefix="atagande-work")
        self._busy = 0
        self._lock = threading.Lock()

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        with self._lock:
            self._busy += 1
        try:
            future = super().submit(fn, *args, **kwargs)
        except BaseException:
            self._done(None)
            raise
        future.add_done_callback(self._done)
        return future

    def _done(self, _future: Any) -> None:
        with self._lock:
            self._busy -= 1

    @property
    def busy(self) -> int:
        """Tasks submitted and not yet finished."""
        with self._lock:
            return self._busy
