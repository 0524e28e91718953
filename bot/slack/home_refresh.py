"""Refresh App Home tabs in the background, one user at a time, coalescing requests.

A status change should show on the owner's Home, but rebuilding a Home tab
is the most expensive thing a click causes. One worker thread does it after
the answer has been shown, and a user asked for twice while waiting is
refreshed once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class HomeRefresher:
    """Queue of user ids whose Home tab should be republished."""

    def __init__(self, publish: Callable[[str], None]) -> None:
        self._publish = publish
        self._pending: dict[str, None] = {}
        self._cond = threading.Condition()
        self._busy = False
        self._thread = threading.Thread(target=self._run, name="home-refresh", daemon=True)
        self._thread.start()

    def request(self, user_id: str) -> None:
        with self._cond:
            self._pending[user_id] = None
            self._cond.notify()

    def idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._busy

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending:
                    self._busy = False
                    self._cond.wait()
                user_id = next(iter(self._pending))
                del self._pending[user_id]
                self._busy = True
            try:
                self._publish(user_id)
            except Exception:  # one user's Home must not stop the others'
                log.exception("refreshing Home for %s failed", user_id)
