"""The traffic light of a commitment (docs/architecture.md, "Commitments").

grön: done, or on track; gul: due within 30 days without a recent update;
röd: overdue, or its deadline has been put off, or reported late.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta
from typing import Protocol

from storage.models import CommitmentStatus

DUE_SOON = timedelta(days=30)
RECENT_UPDATE = timedelta(days=14)


class Light(enum.StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    NONE = "none"


class LightFacts(Protocol):
    """What the light depends on: a Commitment, or a row of just these columns.

    Digests and overviews light thousands of commitments from plain rows,
    without loading them as ORM objects.
    """

    @property
    def status(self) -> CommitmentStatus: ...

    @property
    def deadline(self) -> date | None: ...

    @property
    def original_deadline(self) -> date | None: ...

    @property
    def last_update_at(self) -> datetime | None: ...


def light(c: LightFacts, today: date, now: datetime) -> Light:
    if c.status == CommitmentStatus.CANCELLED:
        return Light.NONE
    if c.status == CommitmentStatus.DONE:
        return Light.GREEN
    if c.deadline is not None and c.deadline < today:
        return Light.RED
    if c.status == CommitmentStatus.DELAYED:
        return Light.RED
    if c.original_deadline is not None and c.deadline is not None and c.deadline > c.original_deadline:
        return Light.RED  # put off: a deadline brought forward is no delay
    recently_updated = c.last_update_at is not None and now - c.last_update_at <= RECENT_UPDATE
    if c.deadline is not None and c.deadline - today <= DUE_SOON and not recently_updated:
        return Light.YELLOW
    return Light.GREEN
