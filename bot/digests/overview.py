"""Kommunstyrelsen's monthly overview: each committee's commitments counted by status and light.

It is loaded in two queries, whatever the number of committees or commitments.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import DEFAULT_TIMEZONE
from bot.digests.sections import LightRow
from bot.services.commitment_queries import OPEN_STATUSES
from bot.services.traffic import Light, light
from storage.models import Commitment, CommitmentStatus, Committee


@dataclass(frozen=True)
class Counts:
    """How many commitments per status and per light, and how many open ones are overdue."""

    by_status: Mapping[CommitmentStatus, int]
    by_light: Mapping[Light, int]
    overdue: int

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def open(self) -> int:
        return sum(self.by_status[status] for status in OPEN_STATUSES)


@dataclass(frozen=True)
class CommitteeCounts:
    """One committee's line in the overview."""

    committee_id: int
    code: str
    name: str
    counts: Counts


@dataclass(frozen=True)
class Overview:
    """Kommunstyrelsen's monthly overview: every committee's counts, and the totals.

    ``month`` is "2026-12"; committees are in code order, those without any
    commitment included (a committee with nothing registered is news too).
    """

    month: str
    as_of: datetime
    committees: tuple[CommitteeCounts, ...]
    totals: Counts


class _Tally:
    def __init__(self) -> None:
        self.by_status = dict.fromkeys(CommitmentStatus, 0)
        self.by_light = dict.fromkeys(Light, 0)
        self.overdue = 0

    def add(self, facts: LightRow, lamp: Light, today: date) -> None:
        self.by_status[facts.status] += 1
        self.by_light[lamp] += 1
        if facts.status in OPEN_STATUSES and facts.deadline is not None and facts.deadline < today:
            self.overdue += 1

    def merge(self, other: _Tally) -> None:
        for status, count in other.by_status.items():
            self.by_status[status] += count
        for lamp, count in other.by_light.items():
            self.by_light[lamp] += count
        self.overdue += other.overdue

    def counts(self) -> Counts:
        return Counts(dict(self.by_status), dict(self.by_light), self.overdue)


def load_overview(session: Session, now: datetime, *, tz: ZoneInfo = DEFAULT_TIMEZONE) -> Overview:
    """Counts per committee and in all, as of ``now``, in two queries.

    The light of each commitment is the one App Home and the cards show
    (`bot.services.traffic.light`), worked out from just the columns it needs.
    """
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    local = now.astimezone(tz)
    today = local.date()
    committees = list(session.scalars(select(Committee).order_by(Committee.code)))
    tallies = {committee.id: _Tally() for committee in committees}
    rows = session.execute(
        select(
            Commitment.committee_id,
            Commitment.status,
            Commitment.deadline,
            Commitment.original_deadline,
            Commitment.last_update_at,
        )
    )
    for committee_id, status, deadline, original, updated in rows:
        facts = LightRow(status, deadline, original, updated)
        tally = tallies.get(committee_id)
        if tally is not None:
            tally.add(facts, light(facts, today, now), today)
    totals = _Tally()
    for tally in tallies.values():
        totals.merge(tally)
    return Overview(
        month=f"{local.year:04d}-{local.month:02d}",
        as_of=now,
        committees=tuple(
            CommitteeCounts(committee.id, committee.code, committee.name, tallies[committee.id].counts())
            for committee in committees
        ),
        totals=totals.counts(),
    )
