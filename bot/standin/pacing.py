"""Slack's per-channel posting rate: about one message a second, after a short burst.

Slack's rate-limit guide (https://docs.slack.dev/apis/web-api/rate-limits, "Posting messages":
"1 per second; short bursts >1 allowed") and chat.postMessage's own page ("special rate limiting
conditions") say an app may post about one message per second to one channel, with short bursts
of more allowed; beyond that Slack answers HTTP 429 with ``Retry-After`` and
``{"ok": false, "error": "ratelimited"}``. The stand-in models it as a token bucket per channel,
measured on a clock it is given (the stand-in clock by default), so a test decides when time passes
and the rule gives the same answers every run.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass

from bot.standin.errors import SlackError


@dataclass(frozen=True)
class ChannelRate:
    """How fast one channel takes the bot's messages: ``burst`` at once, then ``per_second``."""

    burst: int = 4
    per_second: float = 1.0

    def __post_init__(self) -> None:
        if self.burst < 1 or self.per_second <= 0:
            raise ValueError("a channel rate needs a burst of at least 1 and a positive rate")


SLACK_CHANNEL_RATE = ChannelRate()
"""The stand-in's default: a burst of four, then one message a second."""


class RateLimited(SlackError):
    """Too many messages to one channel: Slack's 429 with ``Retry-After: retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("ratelimited")
        self.retry_after = retry_after


class ChannelBuckets:
    """One token bucket per channel; ``take`` spends a token or refuses with `RateLimited`."""

    def __init__(self, rate: ChannelRate | None, clock: Callable[[], float]) -> None:
        self.rate = rate
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, channel: str) -> None:
        """Let one message into ``channel`` now, or raise `RateLimited` (nothing is posted then).

        Raises:
            RateLimited: the channel's burst is spent; ``retry_after`` is when a token is back.
        """
        rate = self.rate
        if rate is None:
            return
        with self._lock:
            now = self.clock()
            tokens, last = self._buckets.get(channel, (float(rate.burst), now))
            # A clock set back (a test, or a restarted local bot) refills nothing and takes nothing away.
            tokens = min(float(rate.burst), tokens + max(now - last, 0.0) * rate.per_second)
            if tokens < 1.0:
                self._buckets[channel] = (tokens, now)
                raise RateLimited(max(1, math.ceil((1.0 - tokens) / rate.per_second)))
            self._buckets[channel] = (tokens - 1.0, now)

    def reset(self) -> None:
        """Forget what every channel has taken (a fresh second everywhere)."""
        with self._lock:
            self._buckets.clear()
