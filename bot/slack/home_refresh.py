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
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="home-refresh", daemon=True)
        self._thread.start()

    def request(self, user_id: str) -> None:
        with self._cond:
            if self._stopped:
                return
            self._pending[user_id] = None
            self._cond.notify()

    def idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._busy

    def stop(self) -> None:
        """End the worker once it is between users (what is still pending is dropped).

        The worker holds the publish callback, and with it the app's services; a bot that
        stops without this keeps them, its database engine and caches, alive for good.
        """
        with self._cond:
            self._stopped = True
            self._pending.clear()
            self._cond.notify()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopped:
                    self._busy = False
                    self._cond.wait()
                if self._stopped:
                    self._busy = False
                    return
                user_id = next(iter(self._pending))
                del self._pending[user_id]
                self._busy = True
            try:
                self._publish(user_id)
            except Exception:  # one user's Home must not stop the others'
                log.exception("refreshing Home for %s failed", user_id)
