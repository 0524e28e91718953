"""'Inför sammanträdet': a summary in the committee's channel some working days before each meeting.

Planned like the weekly digest: every tick looks for meetings whose summary day has come
(`Committee.premeeting_days` working days before the meeting, at the reminders' morning time) and
puts one outbox row per committee and meeting under `premeeting:<committee>:<meeting>`. The key
names the meeting, not its day: a meeting moved before its summary went out gets it for its new
day, and one moved after it does not get a second. A summary missed while the bot was down goes
out late, once, as long as the meeting is still ahead. The content is read when it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot.language.rrule_text import MEETINGS_PREFIX
from bot.outbox.outcome import Fail, Outcome, Send, Skip
from bot.outbox.store import Claimed, Planned, enqueue_unknown
from bot.reminders.agenda import agenda_closes, agenda_reach
from bot.reminders.schedule import send_time_on
from bot.reports.data import collect
from bot.reports.docx import render_docx
from bot.reports.formats import file_name, get_format
from bot.services.commitment_queries import OPEN_STATUSES
from bot.services.context import Services
from bot.slack_format import escape
from bot.ui import blocks as bk
from storage.db import Database
from storage.meeting_models import Meeting
from storage.models import Commitment, CommitmentStatus, Committee, StatusUpdate, UpdateKind

__all__ = ["PREMEETING", "plan_premeetings", "planned_premeetings", "premeeting_day", "render"]

PREMEETING: Final = "premeeting"
# Lines listed per part of the summary; Slack's section holds 3,000 characters.
MAX_LINES: Final = 12


def premeeting_day(meeting: date, working_days: int) -> date:
    """The day the summary of a meeting goes out: `working_days` working days before it."""
    return agenda_closes(meeting, working_days)


def planned_premeetings(session: Session, now: datetime, tz: ZoneInfo) -> list[Planned]:
    """The summaries due at `now`: meetings still ahead whose summary day has come, in bound channels."""
    today = now.astimezone(tz).date()
    most = session.scalar(select(func.max(Committee.premeeting_days))) or 0
    stmt = (
        select(Meeting.id, Meeting.day, Committee.id, Committee.premeeting_days)
        .join(Committee, Committee.id == Meeting.committee_id)
        .where(Committee.channel_id.is_not(None), Meeting.day >= today, Meeting.day <= today + agenda_reach(most))
    )
    planned = []
    for meeting_id, day, committee_id, working_days in session.execute(stmt):
        send_at = send_time_on(premeeting_day(day, working_days), tz)
        if send_at <= now:
            planned.append(
                Planned(
                    key=f"premeeting:{committee_id}:{meeting_id}",
                    kind=PREMEETING,
                    due_at=send_at,
                    committee_id=committee_id,
                    payload={"meeting_id": meeting_id, "day": day.isoformat()},
                )
            )
    return planned


def plan_premeetings(db: Database, now: datetime, tz: ZoneInfo) -> int:
    """Put the summaries that are due into the outbox; return how many were new.

    Read first, as the digests: most ticks find nothing due or every key already there.
    """
    return enqueue_unknown(db, lambda session: planned_premeetings(session, now, tz), now)


@dataclass(frozen=True)
class Summary:
    """What a summary lists: to be reported at the meeting, overdue, and deadlines moved since the last summary."""

    meeting: Meeting
    previous: date | None
    reported: list[Commitment]
    overdue: list[Commitment]
    moved: list[tuple[Commitment, StatusUpdate]]


def load_summary(session: Session, meeting: Meeting, today: date, tz: ZoneInfo) -> Summary:
    """The summary of `meeting` as things stand `today`; moves are those since the previous meeting's summary."""
    committee_id, day = meeting.committee_id, meeting.day
    previous = session.scalar(
        select(func.max(Meeting.day)).where(Meeting.committee_id == committee_id, Meeting.day < day)
    )
    c = Commitment
    since = previous or today
    reported = list(
        session.scalars(
            select(c)
            .where(
                c.committee_id == committee_id,
                c.status != CommitmentStatus.CANCELLED,
                or_(
                    c.meeting_id == meeting.id,
                    # "vid varje sammanträde": the rhythm lists the meeting's day.
                    c.recurrence.like(f"{MEETINGS_PREFIX}%{day:%Y%m%d}%"),
                    and_(c.recurrence.is_(None), c.deadline > since, c.deadline <= day),
                ),
            )
            .order_by(c.deadline, c.number)
        )
    )
    listed = {r.id for r in reported}
    overdue = [
        o
        for o in session.scalars(
            select(c)
            .where(c.committee_id == committee_id, c.status.in_(OPEN_STATUSES), c.deadline < today)
            .order_by(c.deadline, c.number)
        )
        if o.id not in listed
    ]
    u = StatusUpdate
    moves = (
        select(c, u)
        .join(u, u.commitment_id == c.id)
        .where(
            c.committee_id == committee_id,
            u.kind.in_((UpdateKind.DEADLINE, UpdateKind.PLAN)),
            u.new_deadline.is_not(None),
            u.old_deadline.is_not(None),
            u.old_deadline != u.new_deadline,
        )
    )
    if previous is not None:
        # What the channel has not heard of: moved since the previous meeting's summary went out.
        last_summary = send_time_on(premeeting_day(previous, meeting.committee.premeeting_days), tz)
        moves = moves.where(u.created_at >= last_summary)
    moved = [(m, update) for m, update in session.execute(moves.order_by(u.id))]
    return Summary(meeting, previous, reported, overdue, moved)


def _part(svc: Services, part: str, items: list[dict[str, Any]]) -> bk.Block:
    return bk.section(svc.texts.md("premeeting.md.j2", part=part, items=items[:MAX_LINES], more=len(items) - MAX_LINES))


def _item(c: Commitment, update: StatusUpdate | None = None) -> dict[str, Any]:
    return {
        "ref": c.reference,
        "text": c.text,
        "deadline": c.deadline,
        "status": c.status.value,
        "owner": c.owner.display_name or c.owner.slack_user_id if c.owner else None,
        "old": update.old_deadline if update else None,
        "new": update.new_deadline if update else None,
        "why": update.reason if update else None,
        "plan": update is not None and update.kind == UpdateKind.PLAN,
    }


def render(svc: Services, row: Claimed) -> Outcome:
    """The outbox renderer for kind `PREMEETING`."""
    today = svc.clock.today()
    with svc.db.read() as session:
        committee = session.get(Committee, row.committee_id) if row.committee_id else None
        if committee is None:
            return Skip("committee_gone")
        if not committee.channel_id:
            return Fail("no_channel")
        meeting = session.get(Meeting, int(row.payload.get("meeting_id") or 0))
        if meeting is None:
            return Skip("meeting_gone")
        if meeting.day < today:
            return Skip("meeting_passed")
        summary = load_summary(session, meeting, today, svc.clock.tz)
        intro = svc.texts.md(
            "premeeting.md.j2", part="intro", day=meeting.day, code=committee.code, previous=summary.previous
        )
        blocks = [
            bk.section(intro),
            _part(svc, "reported", [_item(c) for c in summary.reported]),
            _part(svc, "overdue", [_item(c) for c in summary.overdue]),
            _part(svc, "moved", [_item(c, u) for c, u in summary.moved]),
        ]
        text = escape(svc.texts.get("premeeting_fallback", code=committee.code, day=meeting.day))
        upload = None
        if committee.premeeting_report:
            report = collect(session, committee.code, today, svc.clock.now())
            title = svc.texts.get("report_file_title", code=report.committee_code, date=report.today)
            upload = (file_name(report, get_format("docx")), render_docx(report, svc.texts), title)
        return Send(channel=committee.channel_id, text=text, blocks=blocks, upload=upload)
