"""Which reminders and escalations fall due in a window of time, as outbox rows.

The timer calls this every minute with the window since the last planning
(kept in the database, so a process that was down plans what it missed and
every replica sees the same window). Reminders all go out at 08:30, so most
windows contain no sending moment and cost one query for the mark.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot.domain.reminder_policy import RECURRING_LOOKBACK, ReminderPolicy, ReminderPolicyError
from bot.language.rrule_text import is_meetings_rule
from bot.outbox.store import Planned, enqueue, read_mark
from bot.reminders.agenda import agenda_closes, agenda_reach
from bot.reminders.schedule import (
    PlannedReminder,
    first_occurrence,
    occurrences,
    planned_reminders,
    send_time_on,
)
from bot.services.commitments import OPEN_STATUSES
from storage.db import Database
from storage.meeting_models import Meeting
from storage.models import Commitment, CommitmentStatus, Committee, SchedulerMark, StatusUpdate

log = logging.getLogger(__name__)

MARK = "reminders"
# After a long outage only the last month is caught up: a reminder older than
# that would only confuse, and the overdue rhythm brings the owner back anyway.
MAX_CATCH_UP = timedelta(days=31)
_SHIFT_MARGIN = timedelta(days=14)
SUPERSEDED = "superseded"
# Another reminder about the same commitment goes out at the same moment.
ONE_A_DAY = "one_a_day"
# In an escalation's payload: the owner's reminder about the same deadline goes out at the same moment.
WITH_REMINDER = "with_reminder"


@dataclass(frozen=True)
class _Row:
    id: int
    committee_id: int
    deadline: date | None
    recurrence: str | None
    created_at: datetime
    # Due at a meeting (its day is the deadline, or each occurrence is one): the committee's working
    # days from the agenda's closing to the meeting; None for any other commitment.
    agenda_days: int | None = None


def send_days(start: datetime, end: datetime, tz: ZoneInfo) -> list[date]:
    """The days whose 08:30 lies in (start, end]."""
    first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
    days = []
    day = first
    while day <= last:
        if start < send_time_on(day, tz) <= end:
            days.append(day)
        day += timedelta(days=1)
    return days


def committee_policies(session: Session) -> dict[int, ReminderPolicy]:
    """Each committee's policy; a stored policy that no longer reads falls back to the defaults."""
    policies: dict[int, ReminderPolicy] = {}
    for committee_id, code, stored in session.execute(select(Committee.id, Committee.code, Committee.reminder_policy)):
        try:
            policies[committee_id] = ReminderPolicy.from_json(stored or {})
        except ReminderPolicyError as exc:
            log.warning("committee %s has an unreadable reminder policy (%s); using the defaults", code, exc)
            policies[committee_id] = ReminderPolicy()
    return policies


@lru_cache(maxsize=8192)
def _plan_one(
    deadline: date, policy: ReminderPolicy, until: date, since: date, tz: ZoneInfo, agenda_days: int | None = None
) -> list[PlannedReminder]:
    # Many commitments share a deadline (end of a month, a term, a meeting): worked out once.
    closes = agenda_closes(deadline, agenda_days) if agenda_days is not None else None
    return planned_reminders(deadline, policy, occurrence=deadline, until=until, since=since, tz=tz, closes=closes)


def _rows(session: Session, horizon: date, tied_horizon: date) -> list[_Row]:
    """The open commitments that may have a reminder before `horizon`, or before `tied_horizon` when due at a meeting.

    The meeting and the committee are joined in the same query: a commitment is due at its meeting
    while the meeting's day is its deadline (an owner's new date after "Meddela försening" is not).
    """
    c = Commitment
    stmt = (
        select(c.id, c.committee_id, c.deadline, c.recurrence, c.created_at, Meeting.day, Committee.agenda_days)
        .join(Committee, Committee.id == c.committee_id)
        .outerjoin(Meeting, Meeting.id == c.meeting_id)
        .where(
            c.status.in_(OPEN_STATUSES),
            or_(
                c.recurrence.is_not(None),
                c.deadline <= horizon,
                and_(c.meeting_id.is_not(None), c.deadline <= tied_horizon),
            ),
        )
    )
    rows = []
    for cid, committee_id, deadline, recurrence, created_at, meeting_day, agenda_days in session.execute(stmt):
        tied = is_meetings_rule(recurrence) if recurrence else meeting_day is not None and meeting_day == deadline
        rows.append(_Row(cid, committee_id, deadline, recurrence, created_at, agenda_days if tied else None))
    return rows


def reminders_between(session: Session, start: datetime, end: datetime, tz: ZoneInfo) -> list[Planned]:
    """Every reminder and escalation whose sending moment lies in (start, end], as outbox rows.

    Everything in one window goes out at once, so each commitment's owner gets
    one reminder from it: the latest (after an outage, a late start sends one
    message, not a pile), and where two occurrences of a rhythm meet on one
    day (last month's overdue reminder and this month's), the earlier, more
    urgent one, unless it is done. The others are recorded as skipped.
    """
    days = send_days(start, end, tz)
    if not days:
        return []
    first_day, last_day = days[0], days[-1]
    policies = committee_policies(session)
    if not policies:
        return []
    reach = max((max(p.before_days, default=0) for p in policies.values()), default=0)
    horizon = last_day + timedelta(days=reach) + _SHIFT_MARGIN
    # A commitment due at a meeting is reminded before the agenda closes, that much earlier.
    most_agenda_days = session.scalar(select(func.max(Committee.agenda_days))) or 0
    tied_horizon = horizon + agenda_reach(most_agenda_days)
    rows = _rows(session, horizon, tied_horizon)
    found: list[tuple[_Row, list[PlannedReminder]]] = []
    default = ReminderPolicy()
    for row in rows:
        policy = policies.get(row.committee_id, default)
        hits: list[PlannedReminder] = []
        row_horizon = tied_horizon if row.agenda_days is not None else horizon
        for occurrence, next_occurrence in _occurrences(row, first_day, row_horizon, tz):
            planned = _plan_one(occurrence, policy, last_day, first_day, tz, row.agenda_days)
            hits.extend(
                r
                for r in planned
                if start < r.send_at <= end
                and r.send_at >= row.created_at
                and (next_occurrence is None or r.send_at.astimezone(tz).date() < next_occurrence)
            )
        if hits:
            found.append((row, hits))
    # Only a rhythm with reminders about several occurrences in the window needs to know which are done.
    crowded = [row.id for row, hits in found if len({r.occurrence for r in hits if r.kind != "escalation"}) > 1]
    done = _done_occurrences(session, crowded) if crowded else set()
    return [planned for row, hits in found for planned in _as_rows(row, hits, done)]


def _done_occurrences(session: Session, commitment_ids: list[int]) -> set[tuple[int, date]]:
    """(commitment, occurrence) pairs whose last answer was Klar."""
    u = StatusUpdate
    stmt = (
        select(u.commitment_id, u.occurrence, u.status)
        .where(u.commitment_id.in_(commitment_ids), u.occurrence.is_not(None), u.status.is_not(None))
        .order_by(u.id)
    )
    last = {(cid, occurrence): status for cid, occurrence, status in session.execute(stmt)}
    return {
        (cid, occurrence)
        for (cid, occurrence), status in last.items()
        if occurrence and status == CommitmentStatus.DONE
    }


def _occurrences(row: _Row, first_day: date, horizon: date, tz: ZoneInfo) -> Iterable[tuple[date, date | None]]:
    """(occurrence, the one after it) pairs to plan; a one-off commitment has one, with no successor."""
    if not row.recurrence:
        if row.deadline is not None:
            yield row.deadline, None
        return
    start, end = first_day - RECURRING_LOOKBACK, horizon + RECURRING_LOOKBACK
    try:
        # Without a deadline of its own, a rhythm starts at its first date after registration, as in the calendar
        # export; the day it was registered is no deadline.
        dtstart = row.deadline or first_occurrence(row.recurrence, row.created_at.astimezone(tz).date())
        dates = occurrences(dtstart, row.recurrence, start, end) if dtstart is not None else []
    except (ValueError, TypeError) as exc:
        log.warning("commitment %s has a rhythm that does not read (%s); no reminders", row.id, exc)
        return
    for index, occurrence in enumerate(dates):
        if occurrence > horizon:
            break
        # Reminders about an occurrence stop when the next one comes due: by then it is old news.
        yield occurrence, dates[index + 1] if index + 1 < len(dates) else None


def _the_one(row: _Row, owner: list[PlannedReminder], done: set[tuple[int, date]]) -> PlannedReminder | None:
    """The owner reminder to send from one window: about an open occurrence, the latest, the earliest occurrence."""

    def rank(r: PlannedReminder) -> tuple[bool, datetime, int]:
        return (row.id, r.occurrence) not in done, r.send_at, -r.occurrence.toordinal()

    return max(owner, key=rank) if owner else None


def _as_rows(row: _Row, hits: list[PlannedReminder], done: set[tuple[int, date]]) -> list[Planned]:
    owner = [r for r in hits if r.kind != "escalation"]
    chosen = _the_one(row, owner, done)
    out = []
    for r in hits:
        skip = None
        if r.kind != "escalation" and chosen is not None and r is not chosen:
            skip = ONE_A_DAY if r.send_at == chosen.send_at else SUPERSEDED
        payload: dict[str, object] = {"deadline": r.deadline.isoformat(), "reminder": r.kind, "offset": r.offset_days}
        if r.kind == "escalation" and chosen is not None and chosen.occurrence == r.occurrence:
            # A reminder about the same deadline goes out with it: whoever that reminder reaches (the
            # owner, or the secretaries when there is no owner) is left out of the escalation, so
            # nobody gets two messages about one commitment on one morning (bot/reminders/messages.py).
            payload[WITH_REMINDER] = True
        out.append(
            Planned(
                key=r.key(row.id),
                kind="escalation" if r.kind == "escalation" else "reminder",
                due_at=r.send_at,
                commitment_id=row.id,
                committee_id=row.committee_id,
                occurrence=r.occurrence,
                payload=payload,
                skip_reason=skip,
            )
        )
    return out


def initial_mark(now: datetime, tz: ZoneInfo) -> datetime:
    """Where planning starts on a database that never planned: today's midnight, so today's 08:30 still counts."""
    return datetime.combine(now.astimezone(tz).date(), time(), tzinfo=tz)


def plan_reminders(db: Database, now: datetime, tz: ZoneInfo) -> int:
    """Plan everything due since the last planning, up to `now`; return how many rows were new.

    The window, the rows and the new mark are one transaction: a crash plans
    the same window again, and the unique keys make that harmless.
    """
    with db.write() as session:
        mark = read_mark(session, MARK, lock=True)
        if mark is None:
            mark = SchedulerMark(name=MARK, at=initial_mark(now, tz))
            session.add(mark)
            session.flush()
        start = max(mark.at, now - MAX_CATCH_UP)
        if now <= start:
            return 0
        added = enqueue(session, reminders_between(session, start, now, tz), now)
        mark.at = now
        return added
