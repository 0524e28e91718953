"""Changing a committee's meeting plan, and the commitments that follow it.

A commitment tied to a meeting (`Commitment.meeting_id`) is due on the meeting's day; moving the
meeting moves it, with a history row ("sammanträdet flyttades från 12 till 19 mars"). One whose
phrase waits for a plan ("till nämndens sista sammanträde 2027" imported before the plan was there)
is dated when the plan arrives; one following the årshjul is dated again when the årshjul changes.
`follow` does all three, from the stored anchors, in the caller's transaction; the caller tells the
owners once (`plan_notices`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.domain.meetings import MeetingInput
from bot.domain.reminder_policy import RECURRING_LOOKBACK
from bot.language.committee_year import Missing, YearPlan, read_tie, resolve_tie
from bot.services.commitment_queries import OPEN_STATUSES
from bot.services.committee_year import plan_for
from bot.services.validation import rhythm_rule
from storage.meeting_models import Meeting
from storage.models import Commitment, Committee, StatusUpdate, UpdateKind

__all__ = ["Followed", "MeetingInput", "PlanChange", "follow", "move_meeting", "replace_meetings"]


@dataclass(frozen=True)
class Followed:
    """A commitment whose deadline followed the plan: from `old` to `new`, and why."""

    commitment_id: int
    owner_id: int | None
    old: date | None
    new: date
    why: str  # "moved", "removed", "event", "dated"


@dataclass
class PlanChange:
    """What a change of the plan did: meetings added, moved (old, new) and removed, and who followed."""

    added: list[date] = field(default_factory=list)
    moved: list[tuple[date, date]] = field(default_factory=list)
    removed: list[date] = field(default_factory=list)
    followed: list[Followed] = field(default_factory=list)


def replace_meetings(
    session: Session,
    committee: Committee,
    meetings: Iterable[MeetingInput],
    now: datetime,
    *,
    person_id: int | None,
    years: Iterable[int] | None = None,
) -> PlanChange:
    """Make the committee's meetings in `years` (default: the years the list covers) the given ones.

    A meeting is the same meeting when it has the same calendar UID (a re-exported .ics with a moved
    meeting), or else the same day; a meeting of those years not in the list is removed.
    """
    wanted = sorted({m.day: m for m in meetings}.values(), key=lambda m: m.day)
    covered = set(years) if years is not None else {m.day.year for m in wanted}
    existing = list(session.scalars(select(Meeting).where(Meeting.committee_id == committee.id).order_by(Meeting.day)))
    by_uid = {m.uid: m for m in existing if m.uid}
    by_day = {m.day: m for m in existing}
    change = PlanChange()
    matched: dict[int, MeetingInput] = {}
    new_items: list[MeetingInput] = []
    for item in wanted:
        row = by_uid.get(item.uid) if item.uid else None
        if row is None or row.id in matched:
            row = by_day.get(item.day)
        if row is None or row.id in matched:
            new_items.append(item)
        else:
            matched[row.id] = item
    moves = {m.id: m.day for m in existing if m.id in matched and matched[m.id].day != m.day}
    # The unique (committee, day) must hold after every statement: removed meetings go first, moved
    # ones are parked on days no meeting has (two meetings may swap days), then everything is written.
    for row in existing:
        if row.id not in matched and row.day.year in covered:
            change.removed.append(row.day)
            session.delete(row)
    session.flush()
    rows_by_id = {m.id: m for m in existing}
    for offset, row_id in enumerate(moves):
        rows_by_id[row_id].day = date(1900, 1 + offset // 28 % 12, 1 + offset % 28)
    session.flush()
    for row in existing:
        if row.id not in matched:
            continue
        item = matched[row.id]
        if row.id in moves:
            change.moved.append((moves[row.id], item.day))
        row.day, row.starts, row.title, row.uid = item.day, item.starts, item.title[:200], item.uid or row.uid
        row.updated_at = now
    for item in new_items:
        session.add(
            Meeting(
                committee_id=committee.id,
                day=item.day,
                starts=item.starts,
                title=item.title[:200],
                uid=item.uid,
                created_at=now,
                updated_at=now,
            )
        )
        change.added.append(item.day)
    session.flush()
    change.followed = follow(session, committee, now, person_id=person_id, moved=moves, removed=set(change.removed))
    return change


def move_meeting(
    session: Session, committee: Committee, old: date, new: date, now: datetime, *, person_id: int | None
) -> PlanChange:
    """Move one meeting from `old` to `new`; the commitments tied to it follow."""
    row = session.scalar(select(Meeting).where(Meeting.committee_id == committee.id, Meeting.day == old))
    if row is None or old == new:
        return PlanChange()
    row.day, row.updated_at = new, now
    session.flush()
    change = PlanChange(moved=[(old, new)])
    change.followed = follow(session, committee, now, person_id=person_id, moved={row.id: old})
    return change


def follow(
    session: Session,
    committee: Committee,
    now: datetime,
    *,
    person_id: int | None,
    moved: dict[int, date] | None = None,
    removed: set[date] | None = None,
    today: date | None = None,
) -> list[Followed]:
    """Date every open commitment of the committee that is tied to its year again, in the current plan.

    `moved` maps a moved meeting's id to its old day, `removed` holds the days of removed meetings:
    they only name the reason in the history. Each changed commitment gets one history row.
    """
    plan = plan_for(session, committee.id)
    rows = session.execute(select(Meeting.id, Meeting.day).where(Meeting.committee_id == committee.id))
    days_by_id: dict[int, date] = dict(rows.all())
    ids_by_day = {day: i for i, day in days_by_id.items()}
    today = today or now.date()
    stmt = select(Commitment).where(
        Commitment.committee_id == committee.id,
        Commitment.status.in_(OPEN_STATUSES),
        or_(Commitment.anchor.is_not(None), Commitment.meeting_id.is_not(None), Commitment.deadline.is_(None)),
    )
    out: list[Followed] = []
    for c in session.scalars(stmt):
        done = _follow_one(c, plan, days_by_id, ids_by_day, today, moved or {}, removed or set())
        if done is None:
            continue
        old, new, why = done
        session.add(
            StatusUpdate(
                commitment_id=c.id,
                person_id=person_id,
                created_at=now,
                kind=UpdateKind.PLAN,
                status=c.status,
                old_deadline=old,
                new_deadline=new,
                new_deadline_phrase=c.deadline_phrase,
                reason=why,
            )
        )
        c.updated_at = now
        out.append(Followed(c.id, c.owner_id, old, new, why))
    session.flush()
    return out


def _follow_one(
    c: Commitment,
    plan: YearPlan,
    days_by_id: dict[int, date],
    ids_by_day: dict[date, int],
    today: date,
    moved: dict[int, date],
    removed: set[date],
) -> tuple[date | None, date, str] | None:
    """(old, new, why) when the commitment's deadline changes in this plan; None when it stays."""
    anchor = c.anchor
    if anchor is None:
        # Imported before the plan was there: the phrase kept waits for it.
        if c.deadline is not None or not c.deadline_phrase:
            return None
        tie = read_tie(c.deadline_phrase)
        if tie is None or tie.recurring:
            return None
        anchor = tie.anchor
    if anchor == "each" or anchor.endswith(":yearly"):
        _follow_rhythm(c, anchor, plan, ids_by_day, today)
        return None
    old = c.deadline
    was_moved = c.meeting_id in moved if c.meeting_id is not None else False
    # An årshjul event's meeting is the årshjul's to say (a changed event changes the meeting), so
    # only a meeting phrase keeps its meeting whatever the plan around it does.
    day_of_meeting = days_by_id.get(c.meeting_id) if c.meeting_id is not None else None
    if day_of_meeting is not None and not anchor.startswith("event:"):
        # Tied to a meeting that still exists: its day is the deadline, wherever it moved.
        new = day_of_meeting
        meeting_day: date | None = new
    else:
        # The meeting is gone (or there was none): the anchor, read in today's plan, decides.
        found = resolve_tie(anchor, plan, min(today, old) if old else today)
        if isinstance(found, Missing):
            return None
        new, meeting_day = found.day, found.meeting
    c.anchor = anchor
    c.meeting_id = ids_by_day.get(meeting_day) if meeting_day else None
    if new == old:
        return None
    c.deadline = new
    if c.original_deadline is None or c.original_deadline == old:
        # The meeting moved, not the work: the commitment keeps its promise (no red light for a moved
        # deadline); the history row records the move.
        c.original_deadline = new
        c.original_deadline_phrase = c.deadline_phrase
    if old is None:
        return None, new, "dated"
    if was_moved:
        return old, new, "moved"
    if old in removed:
        return old, new, "removed"
    return old, new, "event" if anchor.startswith("event:") else "moved"


def _follow_rhythm(c: Commitment, anchor: str, plan: YearPlan, ids_by_day: dict[date, int], today: date) -> None:
    """A rhythm that follows the plan ("vid varje sammanträde") gets the plan's meetings; no history row.

    Its reminders follow the new rule; the meetings already passed stay in it (up to the planner's
    look-back), so an occurrence still unanswered is not forgotten. A yearly event's rhythm keeps its rule.
    """
    if anchor != "each":
        return
    kept = tuple(d for d in plan.meetings if d >= today - RECURRING_LOOKBACK)
    ahead = [d for d in kept if d >= today]
    if not ahead:
        return
    c.recurrence = rhythm_rule(kept[0], kept)
    c.meeting_id = ids_by_day.get(ahead[0])
