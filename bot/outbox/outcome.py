"""What a renderer decides for one outbox row: send it, skip it, split it, or give up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.outbox.store import Claimed, Planned


@dataclass(frozen=True)
class Members:
    """The rows gathered into one combined message, settled in the transaction that records it.

    `sent` (id, key) are listed in it (recorded as sent with its channel and ts; their keys travel
    in the message's metadata too); `skipped` (id, reason) lost their point since they were
    gathered; `released` (id, when) are not in it: pending again from that moment (None: at once).
    `note` is kept in the combined row's payload.
    """

    sent: tuple[tuple[int, str], ...] = ()
    skipped: tuple[tuple[int, str], ...] = ()
    released: tuple[tuple[int, datetime | None], ...] = ()
    note: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Send:
    """Post `blocks` to `channel` (a channel id, or a user id for a DM).

    `upload` is a file to upload in the message's thread afterwards
    (file name, bytes, title), e.g. the monthly overview's chart.
    """

    channel: str
    text: str
    blocks: list[dict[str, Any]]
    upload: tuple[str, bytes, str] | None = None
    members: Members | None = None


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
class Gather:
    """Join one combined message to `recipient` instead of sending this row alone.

    The combined rows are keyed `key`, `key:2` … up to `parts`: a row joins the first that is
    not yet being sent. When every part is taken, the row stays pending until `overflow_at`.
    """

    recipient: str
    key: str
    kind: str
    parts: int
    overflow_at: datetime


Outcome = Send | Skip | Split | Fail | Gather
Renderer = Callable[[Claimed], Outcome]
