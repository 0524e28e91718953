"""What a renderer decides for one outbox row: send it, skip it, split it, or give up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.outbox.store import Claimed, Gather, Members, Planned

__all__ = ["Fail", "Gather", "Later", "Members", "Outcome", "Renderer", "Reply", "Send", "Skip", "Split"]


@dataclass(frozen=True)
class Reply:
    """One message to post in the thread of the message a `Send` posts (its fallback text and blocks)."""

    text: str
    blocks: list[dict[str, Any]]


@dataclass(frozen=True)
class Send:
    """Post `blocks` to `channel` (a channel id, or a user id for a DM).

    `upload` is a file to upload in the message's thread afterwards
    (file name, bytes, title), e.g. the monthly overview's chart.

    `continuations` are posted in the message's thread afterwards, in order, each as an outbox
    row of its own (docs/architecture.md, "The outbox"). A message whose blocks carry more text
    than one message may is split by the sender on block boundaries, the rest going first among
    the continuations, with `continuation_text` (the message's `text` if None) as their fallback.
    `thread_ts` posts the message itself as a reply in that thread (an imported commitment's
    card under the import's summary).
    """

    channel: str
    text: str
    blocks: list[dict[str, Any]]
    upload: tuple[str, bytes, str] | None = None
    members: Members | None = None
    continuations: Sequence[Reply] = ()
    continuation_text: str | None = None
    thread_ts: str | None = None
    # Shown at the end of the first message when it is split, so a reader knows to open the thread.
    thread_note: str | None = None


@dataclass(frozen=True)
class Skip:
    """Nothing to send any more (done, answered, moved); the reason is recorded."""

    reason: str
    members: Members | None = None


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


Outcome = Send | Skip | Split | Fail | Gather | Later
Renderer = Callable[[Claimed], Outcome]
