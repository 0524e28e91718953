"""A committee's meeting plan from a calendar file, and the plan as it stands.

`import_plan` reads an .ics or .csv file (bot/documents/calendar) and makes its meetings the
committee's for the years the file covers (`meeting_plan.replace_meetings`): meetings of those years
the file no longer lists are removed, moved ones move their commitments. Only the committee's
secretaries and admins may. `show_plan` lists a year's meetings with the day each agenda closes
(`Committee.agenda_days` working days before) and the commitments due there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.clock import DEFAULT_TIMEZONE
from bot.documents.calendar import read_plan
from bot.domain.errors import PermissionDenied
from bot.language.workdays import working_days_before
from bot.services.commitment_queries import OPEN_STATUSES
from bot.services.committees import can_manage, get_committee
from bot.services.meeting_plan import Followed, MeetingInput, replace_meetings
from bot.services.people import Actor, ensure_person
from bot.services.plan_notices import plan_notices
from storage.meeting_models import Meeting
from storage.models import Commitment, Committee

__all__ = [
    "PlanImported",
    "PlanRead",
    "PlanShown",
    "ShownMeeting",
    "TiedCommitment",
    "import_plan",
    "read_meetings",
    "show_plan",
]


@dataclass(frozen=True)
class PlanRead:
    """What a plan file holds: meetings per year, and its first and last meeting."""

    count: int
    per_year: tuple[tuple[int, int], ...]
    first: date
    last: date

    @classmethod
    def of(cls, meetings: list[MeetingInput]) -> PlanRead:
        days = sorted(m.day for m in meetings)
        return cls(len(days), tuple(sorted(Counter(d.year for d in days).items())), days[0], days[-1])


@dataclass(frozen=True)
class PlanImported:
    """What importing a plan did: the committee, what was read, and what changed."""

    code: str
    read: PlanRead
    added: int
    moved: tuple[tuple[date, date], ...]
    removed: tuple[date, ...]
    followed: tuple[Followed, ...]


@dataclass(frozen=True)
class TiedCommitment:
    reference: str
    text: str
    owner: str | None


@dataclass(frozen=True)
class ShownMeeting:
    day: date
    starts: str | None
    title: str
    agenda_closes: date
    commitments: tuple[TiedCommitment, ...]


@dataclass(frozen=True)
class PlanShown:
    code: str
    name: str
    year: int
    agenda_days: int
    meetings: tuple[ShownMeeting, ...]


def _zone(now: datetime) -> ZoneInfo:
    # The clock's zone is the settings' (ATAGANDE_TIMEZONE): a meeting at 00.30 is on that zone's day.
    return now.tzinfo if isinstance(now.tzinfo, ZoneInfo) else DEFAULT_TIMEZONE


def read_meetings(filename: str | None, data: bytes, now: datetime) -> list[MeetingInput]:
    """The meetings of a plan file, read in the clock's zone; CalendarError when it is not a plan."""
    return read_plan(data, filename, _zone(now))


def managed_committee(session: Session, actor: Actor, code: str) -> Committee:
    """The committee, if `actor` may change its plan (its secretaries and admins)."""
    committee = get_committee(session, code)
    if not can_manage(committee, actor):
        raise PermissionDenied("err_secretary_only", code=committee.code)
    return committee


def import_plan(
    session: Session, actor: Actor, committee_code: str, filename: str | None, data: bytes, now: datetime
) -> PlanImported:
    """Make the file's meetings the committee's plan for the years it covers; the tied commitments follow."""
    committee = managed_committee(session, actor, committee_code)
    meetings = read_meetings(filename, data, now)
    # The command line acts as an admin without a Slack user: its changes are nobody's in the history.
    person_id = ensure_person(session, actor.user_id, actor.name, now).id if actor.user_id else None
    change = replace_meetings(session, committee, meetings, now, person_id=person_id)
    plan_notices(session, committee, change, now)  # each ansvarig told once, in this transaction
    return PlanImported(
        code=committee.code,
        read=PlanRead.of(meetings),
        added=len(change.added),
        moved=tuple(change.moved),
        removed=tuple(change.removed),
        followed=tuple(change.followed),
    )


def show_plan(session: Session, code: str, year: int) -> PlanShown:
    """The committee's meetings in `year`, each with its agenda's closing day and its open tied commitments."""
    committee = get_committee(session, code)
    meetings = list(
        session.scalars(
            select(Meeting)
            .where(Meeting.committee_id == committee.id, Meeting.day.between(date(year, 1, 1), date(year, 12, 31)))
            .order_by(Meeting.day)
        )
    )
    tied: dict[int, list[TiedCommitment]] = {m.id: [] for m in meetings}
    if meetings:
        rows = session.scalars(
            select(Commitment)
            .where(Commitment.meeting_id.in_(tied), Commitment.status.in_(OPEN_STATUSES))
            .options(selectinload(Commitment.owner), selectinload(Commitment.committee))
            .order_by(Commitment.number)
        )
        for c in rows:
            owner = c.owner.display_name or c.owner.slack_user_id if c.owner is not None else None
            tied[c.meeting_id or 0].append(TiedCommitment(c.reference, c.text, owner))
    return PlanShown(
        code=committee.code,
        name=committee.name,
        year=year,
        agenda_days=committee.agenda_days,
        meetings=tuple(
            ShownMeeting(m.day, m.starts, m.title, working_days_before(m.day, committee.agenda_days), tuple(tied[m.id]))
            for m in meetings
        ),
    )
