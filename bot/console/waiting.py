"""Waiting for the bot in the console: a long read is waited out with a word to the person, never a traceback.

The console shows what changed only once the bot has done the work a person's action gave it
(`LocalBot.settle`). Reading a document of millions of characters takes some seconds, longer than
`settle`'s own timeout; the person is told once that the bot is still working, and after five minutes the
console goes on, the rest showing when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

__all__ = ["settle_patiently"]

_WAIT = 10.0
_MAX_WAITS = 30


class Settles(Protocol):
    def settle(self, timeout: float = ...) -> None: ...


def settle_patiently(bot: Settles, say: Callable[[str], None]) -> None:
    """Wait for `bot`; `say` a template key ("console_still_working", "console_gave_up_waiting") when slow."""
    for waited in range(_MAX_WAITS):
        try:
            bot.settle(timeout=_WAIT)
            return
        except TimeoutError:
            if waited == 0:
                say("console_still_working")
    say("console_gave_up_waiting")
