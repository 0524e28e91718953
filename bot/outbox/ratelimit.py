"""At most one message per second per channel, as Slack asks of chat.postMessage.

Per process: several replicas may each post once a second to one channel,
and Slack's 429 with Retry-After (honoured by the sender) covers that case.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class ChannelPacer:
    """Waits so that two posts to one channel are at least `interval` seconds apart."""

    def __init__(
        self,
        interval: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._monotonic = monotonic
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, channel: str) -> float:
        """Block until `channel` may be posted to; return the seconds waited."""
        with self._lock:
            now = self._monotonic()
            start = max(now, self._next.get(channel, now))
            self._next[channel] = start + self.interval
            if len(self._next) > 10_000:  # forget channels posted to long ago
                self._next = {c: t for c, t in self._next.items() if t > now}
        delay = start - now
        if delay > 0:
            self._sleep(delay)
        return delay

    def hold(self, channel: str, seconds: float) -> None:
        """Slack said "slow down" for this channel: nothing goes there for `seconds`."""
        with self._lock:
            now = self._monotonic()
            self._next[channel] = max(self._next.get(channel, now), now + seconds)


class InstantTime:
    """Monotonic time that a pacer's wait moves forward at once instead of sleeping.

    For the local stand-in, whose time is the caller's: the pacer keeps its accounting
    (who waited how long) while a test or the console does not wait in real time.
    """

    def __init__(self) -> None:
        self._now = 0.0
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self._now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self._now += max(seconds, 0.0)

    def pacer(self, interval: float = 1.0) -> ChannelPacer:
        return ChannelPacer(interval, monotonic=self.monotonic, sleep=self.sleep)
