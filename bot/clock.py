"""Injectable clock: the application never calls ``datetime.now()`` directly.

Tests and the console travel in time by swapping the clock; everything that
asks "what day is it" in the bot goes through one of these.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from typing import Final, Protocol
from zoneinfo import ZoneInfo

# The zone the committees live in when ATAGANDE_TIMEZONE says nothing; the one
# place it is named. Running code takes its zone from the clock (`Clock.tz`),
# which the settings give; this is the default of those settings, and of pure
# functions' `tz` parameters for their tests.
DEFAULT_TIMEZONE: Final = ZoneInfo("Europe/Stockholm")


class Clock(Protocol):
    """Source of the current time, always timezone-aware."""

    @property
    def tz(self) -> ZoneInfo: ...

    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    """The real wall clock in the configured timezone."""

    def __init__(self, tz: ZoneInfo) -> None:
        self._tz = tz

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    def now(self) -> datetime:
        return datetime.now(self._tz)

    def today(self) -> date:
        return self.now().date()


class ManualClock:
    """A clock that only moves when told to; thread-safe.

    Used by tests and by the console's ``:tid`` command.
    """

    def __init__(self, start: datetime, tz: ZoneInfo) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=tz)
        self._tz = tz
        self._now = start.astimezone(tz)
        self._lock = threading.Lock()

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def today(self) -> date:
        return self.now().date()

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self._tz)
        with self._lock:
            self._now = moment.astimezone(self._tz)

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._now = self._now + delta
