"""What a weekly digest reports, section by section, as plain values.

`content` loads them (`load_digests`); `blocks` lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Generic, NamedTuple, TypeVar

from bot.digests.schedule import Period
from bot.services.traffic import Light
from storage.models import CommitmentStatus

# An open commitment nobody has touched for this long needs a nudge.
NO_UPDATE = timedelta(days=30)
# A digest is read, not searched: past this many lines a section only counts
# the rest and names the command that lists them all.
SECTION_LIMIT = 15

T = TypeVar("T")


class LightRow(NamedTuple):
    """The columns of a commitment its light needs (`bot.services.traffic.LightFacts`), read from a plain row."""

    status: CommitmentStatus
    deadline: date | None
    original_deadline: date | None
    last_update_at: datetime | None


@dataclass(frozen=True)
class DigestItem:
    """One commitment as a digest line shows it; ``light`` as of the digest's moment."""

    id: int
    committee_id: int
    reference: str
    text: str
    status: CommitmentStatus
    light: Light
    deadline: date | None
    original_deadline: date | None
    recurrence_phrase: str | None
    owner_user_id: str | None
    owner_role: str | None
    message_channel: str | None
    message_ts: str | None
    last_update_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class DoneItem:
    """A commitment that became done during the period, and when."""

    item: DigestItem
    done_at: datetime


@dataclass(frozen=True)
class MovedItem:
    """One deadline move during the period: from what, to what, why, and when."""

    item: DigestItem
    moved_at: datetime
    old_deadline: date | None
    new_deadline: date | None
    reason: str
    # "plan" when the meeting plan moved it: `reason` is then meeting_plan's "moved", "removed", "event" or "dated".
    kind: str = "deadline"


@dataclass(frozen=True)
class Section(Generic[T]):
    """The first lines of one digest section and how many there are in all."""

    items: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        """How many are counted but not among ``items``."""
        return self.total - len(self.items)


@dataclass(frozen=True)
class CommitteeDigest:
    """Everything one committee's weekly digest reports.

    States (overdue, due soon, silent) are as of ``as_of``; events (done,
    moved) are those inside ``period``.
    """

    committee_id: int
    code: str
    name: str
    as_of: datetime
    today: date
    period: Period
    open_total: int
    overdue: Section[DigestItem]
    due_soon: Section[DigestItem]
    done: Section[DoneItem]
    moved: Section[MovedItem]
    silent: Section[DigestItem]

    @property
    def is_empty(self) -> bool:
        """Nothing to report (the digest still goes out, saying so)."""
        sections: tuple[Section[Any], ...] = (self.overdue, self.due_soon, self.done, self.moved, self.silent)
        return all(section.total == 0 for section in sections)


def last_week(now: datetime) -> Period:
    """The seven days up to ``now``: the period of a digest made outside its schedule."""
    return Period(now - timedelta(days=7), now)
