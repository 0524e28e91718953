"""What a weekly digest and the monthly overview report, loaded from the database.

A digest answers five questions about one committee:

- which open commitments are past their deadline (röd);
- which open commitments are due within 30 days (gul; each line still shows
  its own light, green when the owner has reported lately);
- which became done during the digest's period (grön), from the history;
- which deadlines were moved during the period, from what to what and why
  (the period's moves, not every moved deadline ever: last week's reasons
  were in last week's digest, and the commitment's light stays red anyway);
- which open commitments have had no update for 30 days.

A commitment can answer more than one question (overdue and silent): each
section is one question, so it is listed under each. A section carries its
first lines (at most `SECTION_LIMIT`) and how many there are in all, so the
message can say how many more there are without loading them.

`load_digests` loads any number of committees in a fixed number of queries
(window functions pick each committee's first lines), whatever the number of
committees or commitments; `load_digest` is the same for one committee.

The section types live in `sections` and the monthly overview in `overview`;
both are imported from here as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Executable, and_, case, func, or_, select
from sqlalchemy.orm import Session

from bot.clock import DEFAULT_TIMEZONE
from bot.digests.overview import CommitteeCounts, Counts, Overview, load_overview
from bot.digests.schedule import Period
from bot.digests.sections import (
    NO_UPDATE,
    SECTION_LIMIT,
    CommitteeDigest,
    DigestItem,
    DoneItem,
    LightRow,
    MovedItem,
    Section,
    last_week,
)
from bot.services.commitment_queries import OPEN_STATUSES
from bot.services.traffic import DUE_SOON, light
from storage.models import Commitment, CommitmentStatus, Committee, Person, StatusUpdate, UpdateKind

__all__ = [
    "NO_UPDATE",
    "SECTION_LIMIT",
    "CommitteeCounts",
    "CommitteeDigest",
    "Counts",
    "DigestItem",
    "DoneItem",
    "MovedItem",
    "Overview",
    "Section",
    "last_week",
    "load_digest",
    "load_digests",
    "load_overview",
]


_ITEM_COLUMNS = (
    Commitment.id,
    Commitment.committee_id,
    Commitment.number,
    Commitment.text,
    Commitment.status,
    Commitment.deadline,
    Commitment.original_deadline,
    Commitment.recurrence_phrase,
    Commitment.owner_role,
    Commitment.message_channel,
    Commitment.message_ts,
    Commitment.last_update_at,
    Commitment.created_at,
    Person.slack_user_id,
)
_ITEM_WIDTH = len(_ITEM_COLUMNS)


class _Loader:
    """The queries of one `load_digests` call, sharing its committees and moment."""

    def __init__(
        self, session: Session, requests: Sequence[tuple[Committee, Period]], now: datetime, tz: ZoneInfo, limit: int
    ) -> None:
        self.session = session
        self.codes = {committee.id: committee.code for committee, _ in requests}
        self.now = now
        self.today = now.astimezone(tz).date()
        self.limit = limit
        ids = list(self.codes)
        self.open = and_(Commitment.committee_id.in_(ids), Commitment.status.in_(OPEN_STATUSES))
        self.overdue = Commitment.deadline < self.today
        self.due_soon = Commitment.deadline.between(self.today, self.today + DUE_SOON)
        # A commitment never updated has been silent since it was registered.
        self.last_touched = func.coalesce(Commitment.last_update_at, Commitment.created_at)
        self.silent = self.last_touched <= now - NO_UPDATE
        by_period: dict[Period, list[int]] = {}
        for committee, period in requests:
            by_period.setdefault(period, []).append(committee.id)
        # Committees due at the same moment share a period; one condition per period.
        self.in_period = or_(
            *(
                and_(
                    Commitment.committee_id.in_(group),
                    StatusUpdate.created_at >= period.start,
                    StatusUpdate.created_at < period.end,
                )
                for period, group in by_period.items()
            )
        )

    def item(self, row: Sequence[Any]) -> DigestItem:
        (
            cid,
            committee_id,
            number,
            text,
            status,
            deadline,
            original,
            recurrence,
            role,
            channel,
            ts,
            updated,
            created,
        ) = row[: _ITEM_WIDTH - 1]
        lamp = light(LightRow(status, deadline, original, updated), self.today, self.now)
        return DigestItem(
            id=cid,
            committee_id=committee_id,
            reference=f"{self.codes[committee_id]}-{number}",
            text=text,
            status=status,
            light=lamp,
            deadline=deadline,
            original_deadline=original,
            recurrence_phrase=recurrence,
            owner_user_id=row[_ITEM_WIDTH - 1],
            owner_role=role,
            message_channel=channel,
            message_ts=ts,
            last_update_at=updated,
            created_at=created,
        )

    def open_counts(self) -> dict[int, tuple[int, int, int, int]]:
        """Per committee: open, overdue, due soon, silent."""
        stmt = (
            select(
                Commitment.committee_id,
                func.count(),
                func.count(case((self.overdue, 1))),
                func.count(case((self.due_soon, 1))),
                func.count(case((self.silent, 1))),
            )
            .where(self.open)
            .group_by(Commitment.committee_id)
        )
        return {row[0]: (row[1], row[2], row[3], row[4]) for row in self.session.execute(stmt)}

    def open_items(self, condition: ColumnElement[bool], *order: Any) -> dict[int, list[DigestItem]]:
        """Each committee's first open commitments meeting ``condition``, in ``order``."""
        rank = func.row_number().over(partition_by=Commitment.committee_id, order_by=(*order, Commitment.number))
        ranked = select(Commitment.id.label("id"), rank.label("rank")).where(self.open, condition).subquery()
        stmt = (
            select(*_ITEM_COLUMNS)
            .join(ranked, ranked.c.id == Commitment.id)
            .outerjoin(Person, Person.id == Commitment.owner_id)
            .where(ranked.c.rank <= self.limit)
            .order_by(Commitment.committee_id, ranked.c.rank)
        )
        found: dict[int, list[DigestItem]] = {}
        for row in self.session.execute(stmt):
            found.setdefault(row[1], []).append(self.item(row))
        return found

    def done(self) -> tuple[dict[int, list[DoneItem]], dict[int, int]]:
        """Commitments marked done during their committee's period and still done."""
        marked = (
            select(StatusUpdate.commitment_id.label("id"), func.max(StatusUpdate.created_at).label("done_at"))
            .join(Commitment, Commitment.id == StatusUpdate.commitment_id)
            .where(
                StatusUpdate.kind == UpdateKind.STATUS,
                StatusUpdate.status == CommitmentStatus.DONE,
                # Reopened since: no longer news to celebrate.
                Commitment.status == CommitmentStatus.DONE,
                self.in_period,
            )
            .group_by(StatusUpdate.commitment_id)
            .subquery()
        )
        rank = func.row_number().over(
            partition_by=Commitment.committee_id, order_by=(marked.c.done_at.desc(), Commitment.number)
        )
        ranked = (
            select(marked.c.id, marked.c.done_at, Commitment.committee_id, rank.label("rank"))
            .join(Commitment, Commitment.id == marked.c.id)
            .subquery()
        )
        counts = self._counts(ranked.c.committee_id)
        stmt = (
            select(*_ITEM_COLUMNS, ranked.c.done_at)
            .join(ranked, ranked.c.id == Commitment.id)
            .outerjoin(Person, Person.id == Commitment.owner_id)
            .where(ranked.c.rank <= self.limit)
            .order_by(Commitment.committee_id, ranked.c.rank)
        )
        found: dict[int, list[DoneItem]] = {}
        for row in self._rows(stmt):
            found.setdefault(row[1], []).append(DoneItem(self.item(row), row[_ITEM_WIDTH]))
        return found, counts

    def moved(self) -> tuple[dict[int, list[MovedItem]], dict[int, int]]:
        """Deadline moves during their committee's period, latest first."""
        rank = func.row_number().over(
            partition_by=Commitment.committee_id, order_by=(StatusUpdate.created_at.desc(), StatusUpdate.id.desc())
        )
        ranked = (
            select(StatusUpdate.id.label("id"), Commitment.committee_id, rank.label("rank"))
            .join(Commitment, Commitment.id == StatusUpdate.commitment_id)
            .where(StatusUpdate.kind.in_((UpdateKind.DEADLINE, UpdateKind.PLAN)), self.in_period)
            .subquery()
        )
        counts = self._counts(ranked.c.committee_id)
        stmt = (
            select(
                *_ITEM_COLUMNS,
                StatusUpdate.created_at,
                StatusUpdate.old_deadline,
                StatusUpdate.new_deadline,
                StatusUpdate.reason,
                StatusUpdate.kind,
            )
            .select_from(StatusUpdate)
            .join(ranked, ranked.c.id == StatusUpdate.id)
            .join(Commitment, Commitment.id == StatusUpdate.commitment_id)
            .outerjoin(Person, Person.id == Commitment.owner_id)
            .where(ranked.c.rank <= self.limit)
            .order_by(Commitment.committee_id, ranked.c.rank)
        )
        found: dict[int, list[MovedItem]] = {}
        for row in self._rows(stmt):
            moved_at, old, new, reason, kind = row[_ITEM_WIDTH:]
            item = MovedItem(self.item(row), moved_at, old, new, reason or "", str(getattr(kind, "value", kind)))
            found.setdefault(row[1], []).append(item)
        return found, counts

    def _rows(self, stmt: Executable) -> Iterator[Sequence[Any]]:
        # Rows wider than the item columns are read by position; their extra
        # columns' types are the query's business, not the item's.
        yield from self.session.execute(stmt)

    def _counts(self, committee_column: Any) -> dict[int, int]:
        stmt = select(committee_column, func.count()).group_by(committee_column)
        return {row[0]: row[1] for row in self.session.execute(stmt)}


def load_digests(
    session: Session,
    requests: Iterable[tuple[Committee, Period]],
    now: datetime,
    *,
    tz: ZoneInfo = DEFAULT_TIMEZONE,
    limit: int = SECTION_LIMIT,
) -> dict[int, CommitteeDigest]:
    """The digests of many committees, by committee id, in eight queries in all.

    Args:
        session: any session; nothing is written.
        requests: each committee with its digest's period (`DigestSlot.period`).
        now: the moment the digest describes (aware); states are as of it.
        tz: the time zone whose date is "today".
        limit: the most lines loaded per section.
    """
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    wanted = list(requests)
    if not wanted:
        return {}
    loader = _Loader(session, wanted, now, tz, limit)
    counts = loader.open_counts()
    overdue = loader.open_items(loader.overdue, Commitment.deadline)
    due_soon = loader.open_items(loader.due_soon, Commitment.deadline)
    silent = loader.open_items(loader.silent, loader.last_touched)
    done, done_counts = loader.done()
    moved, moved_counts = loader.moved()
    digests: dict[int, CommitteeDigest] = {}
    for committee, period in wanted:
        key = committee.id
        open_total, overdue_total, due_soon_total, silent_total = counts.get(key, (0, 0, 0, 0))
        digests[key] = CommitteeDigest(
            committee_id=key,
            code=committee.code,
            name=committee.name,
            as_of=now,
            today=loader.today,
            period=period,
            open_total=open_total,
            overdue=Section(tuple(overdue.get(key, ())), overdue_total),
            due_soon=Section(tuple(due_soon.get(key, ())), due_soon_total),
            done=Section(tuple(done.get(key, ())), done_counts.get(key, 0)),
            moved=Section(tuple(moved.get(key, ())), moved_counts.get(key, 0)),
            silent=Section(tuple(silent.get(key, ())), silent_total),
        )
    return digests


def load_digest(
    session: Session,
    committee: Committee,
    now: datetime,
    period: Period | None = None,
    *,
    tz: ZoneInfo = DEFAULT_TIMEZONE,
    limit: int = SECTION_LIMIT,
) -> CommitteeDigest:
    """One committee's digest; ``period`` defaults to the seven days up to ``now``."""
    return load_digests(session, [(committee, period or last_week(now))], now, tz=tz, limit=limit)[committee.id]
