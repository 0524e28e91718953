"""Identifiers, timestamps and secrets shaped like the ones Slack hands out."""

from __future__ import annotations

import secrets
import threading

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _base36(number: int) -> str:
    digits = []
    while True:
        number, rest = divmod(number, 36)
        digits.append(_ALPHABET[rest])
        if number == 0:
            return "".join(reversed(digits))


class IdFactory:
    """Hands out Slack-shaped ids (``U…``, ``C…``, ``V…``, ``Ev…``) that never repeat.

    Ids are counters per prefix, so a test that builds the same workspace twice
    sees the same ids (``U0000000001`` is always the first user).
    """

    def __init__(self) -> None:
        self._counters: dict[str, int] = {}
        self._lock = threading.Lock()

    def next(self, prefix: str) -> str:
        """Return the next unused id with ``prefix`` (``"U"``, ``"C"``, ``"D"``, ``"V"`` …)."""
        with self._lock:
            number = self._counters.get(prefix, 0) + 1
            self._counters[prefix] = number
        return f"{prefix}{_base36(number).rjust(10, '0')}"


def random_secret(length: int = 24) -> str:
    """Return an unguessable lowercase alphanumeric string of ``length`` characters."""
    alphabet = _ALPHABET.lower()
    return "".join(secrets.choice(alphabet) for _ in range(length))


class TimestampSource:
    """Message timestamps (``"1700000000.000100"``) that strictly increase.

    Slack's ``ts`` is seconds.microseconds and doubles as the message id, so two
    messages may never share one even when the clock stands still (a test clock).
    """

    def __init__(self) -> None:
        self._last_micros = 0
        self._lock = threading.Lock()

    def next(self, now: float) -> str:
        """Return a ts not before ``now`` and after every ts handed out so far."""
        with self._lock:
            micros = max(int(now * 1_000_000), self._last_micros + 1)
            self._last_micros = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"
