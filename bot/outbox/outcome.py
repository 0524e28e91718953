"""What a renderer decides for one outbox row: send it, skip it, split it, or give up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.outbox.store import Claimed, Planned


@dataclass(frozen=True)
class Send:
    """Post `blocks` to `channel` (a channel id, or a user id for a DM).

    `upload` is a file to upload in the message's thread afterwards
    (file name, bytes, title), e.g. the monthly overview's chart.
    `thread_ts` posts it as a reply in that thread (an imported commitment's card
    under the import's summary).
    """

    channel: str
    text: str
    blocks: list[dict[str, Any]]
    upload: tuple[str, bytes, str] | None = None
    thread_ts: str | None = None


@dataclass(frozen=True)
class Skip:
    """Nothing to send any more (done, answered, moved); the reason is recorded."""

    reason: str


@dataclass(frozen=True)
class Split:
    """One message per recipient instead of this row (escalations to several secretaries)."""

    children: Sequence[Planned] = field(default_factory=tuple)


@dataclass(frozen=True)
class Fail:
    """Cannot be delivered without a person acting (no owner and no secretary …); shown to admins."""

    error: str


@dataclass(frozen=True)
class Later:
    """Not yet: what this row needs is not in Slack yet (a card's thread parent); try again after `seconds`.

    Not an attempt: nothing was sent, so the row keeps its attempts and is not given up on.
    """

    seconds: float
    reason: str


Outcome = Send | Skip | Split | Fail | Later
Renderer = Callable[[Claimed], Outcome]
