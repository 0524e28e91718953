"""The sammanträdesplan modal's service: a committee's meetings of one year, and its meeting settings.

`meetings_form` gives what `/atagande nämnd sammanträden BUN 2027` shows; `read_plan` checks what
was submitted (each sentence on its field) and `save_plan` writes it through
`meeting_plan.replace_meetings`, so the commitments tied to the plan follow in the same transaction.
Only the committee's secretaries and admins see or change the plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.errors import PermissionDenied, UserError, ValidationFailed
from bot.services import committees as committee_service
from bot.services.context import Services
from bot.services.meeting_plan import MeetingInput, replace_meetings
from bot.services.people import Actor, find_person
from bot.services.plan_notices import plan_notices
from bot.services.validation import Errors
from storage.meeting_models import Meeting

__all__ = [
    "MAX_MEETINGS",
    "MeetingsForm",
    "PlanEdit",
    "PlanSaved",
    "can_edit_plan",
    "default_year",
    "meetings_form",
    "plan_offer",
    "read_plan",
    "save_plan",
]

# More meetings than this in one year is a typing mistake, or a calendar file's job (`calendar import`).
MAX_MEETINGS = 24
# Working days: the agenda closes at most three months ahead; the summary comes at most a month before.
MAX_AGENDA_DAYS = 60
MAX_PREMEETING_DAYS = 20


@dataclass(frozen=True)
class MeetingsForm:
    """What the modal shows of a committee's year."""

    code: str
    name: str
    year: int
    meetings: tuple[date, ...]
    agenda_days: int
    premeeting_days: int
    premeeting_report: bool


@dataclass(frozen=True)
class PlanEdit:
    """A checked submission: the year's meetings, each with the day it had before (None: a new one)."""

    year: int
    meetings: tuple[tuple[date | None, date], ...]
    agenda_days: int
    premeeting_days: int
    premeeting_report: bool


@dataclass(frozen=True)
class PlanSaved:
    """What saving did, for the confirmation."""

    code: str
    year: int
    meetings: tuple[date, ...]
    added: int
    moved: int
    removed: int
    followed: int
    agenda_days: int
    premeeting_days: int
    premeeting_report: bool
    # The commitments whose deadline followed: their cards are brought up to date after the save.
    followed_ids: tuple[int, ...] = ()


def default_year(today: date) -> int:
    """The year the modal opens on: this one, or next year in December, when next year's plan is made."""
    return today.year + 1 if today.month == 12 else today.year


def check_year(text: str, today: date) -> int:
    """The year typed after the code ("2027"), or the default one; a sentence for anything else."""
    text = text.strip()
    if not text:
        return default_year(today)
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise UserError("err_meetings_year", value=text)
    return int(text)


def can_edit_plan(svc: Services, actor: Actor, code: str) -> bool:
    """Whether `actor` may change the committee's plan (for offering the button that opens the modal)."""
    with svc.db.read() as session:
        try:
            committee = committee_service.get_committee(session, code)
        except UserError:
            return False
        return committee_service.can_manage(committee, actor)


def plan_offer(session: Session, actor: Actor, code: str, errors: Errors) -> tuple[str, int] | None:
    """(committee, year) of the plan to offer when a deadline or rhythm waits for the committee's meetings.

    Only to someone who may change the plan; an årshjul event that is missing is the admins' (`årshjul`).
    """
    for field in ("deadline", "recurrence"):
        key, params = errors.get(field, ("", {}))
        if key == "err_deadline_needs_plan" and params.get("what") in ("meetings", "meeting_in_month"):
            year = params.get("year")
            break
    else:
        return None
    if not isinstance(year, int) or not code:
        return None
    try:
        committee = committee_service.get_committee(session, code)
    except UserError:
        return None
    return (committee.code, year) if committee_service.can_manage(committee, actor) else None


def meetings_form(svc: Services, actor: Actor, code: str, year: int) -> MeetingsForm:
    """The committee's meetings of `year` and its meeting settings (its secretaries and admins)."""
    if not code:
        raise UserError("err_meetings_code_missing")
    with svc.db.read() as session:
        committee = committee_service.get_committee(session, code)
        if not committee_service.can_manage(committee, actor):
            raise PermissionDenied("err_secretary_only", code=committee.code)
        days = session.scalars(
            select(Meeting.day).where(Meeting.committee_id == committee.id).order_by(Meeting.day)
        ).all()
        return MeetingsForm(
            code=committee.code,
            name=committee.name,
            year=year,
            meetings=tuple(d for d in days if d.year == year),
            agenda_days=committee.agenda_days,
            premeeting_days=committee.premeeting_days,
            premeeting_report=committee.premeeting_report,
        )


def _days(errors: Errors, field: str, raw: str, high: int) -> int:
    value = raw.strip()
    if not value.isdigit() or not 1 <= int(value) <= high:
        errors[field] = ("err_meetings_days", {"value": value, "high": high})
        return 0
    return int(value)


def read_plan(
    year: int,
    pickers: Sequence[tuple[str, date | None, str]],
    removed: Sequence[str],
    settings: Mapping[str, str],
    premeeting_report: bool,
) -> PlanEdit:
    """Check the submitted modal; ValidationFailed puts each sentence on its field.

    `pickers` are (field, the day the meeting had before or None for an empty picker, the ISO date
    picked or ""); `removed` the ISO days of the meetings ticked for removal; `settings` the raw
    "agenda_days" and "premeeting_days". Two meetings on one day, a day outside the year, and more
    than MAX_MEETINGS meetings are refused on the picker that caused it.
    """
    errors: Errors = {}
    gone = set(removed)
    seen: set[date] = set()
    kept: list[tuple[date | None, date]] = []
    for field, before, picked in pickers:
        if before is not None and before.isoformat() in gone:
            continue  # ticked for removal: whatever its picker says
        if not picked:
            if before is not None:
                gone.add(before.isoformat())  # a cleared picker removes its meeting
            continue
        try:
            day = date.fromisoformat(picked)
        except ValueError:
            errors[field] = ("err_meetings_not_a_date", {"value": picked})
            continue
        if day.year != year:
            errors[field] = ("err_meeting_outside_year", {"day": day, "year": year})
        elif day in seen:
            errors[field] = ("err_meeting_twice", {"day": day})
        elif len(kept) >= MAX_MEETINGS:
            errors[field] = ("err_meetings_too_many", {"year": year, "most": MAX_MEETINGS})
        else:
            seen.add(day)
            kept.append((before, day))
    agenda = _days(errors, "agenda_days", settings.get("agenda_days", ""), MAX_AGENDA_DAYS)
    premeeting = _days(errors, "premeeting_days", settings.get("premeeting_days", ""), MAX_PREMEETING_DAYS)
    if errors:
        raise ValidationFailed(errors)
    return PlanEdit(year, tuple(kept), agenda, premeeting, premeeting_report)


def save_plan(svc: Services, actor: Actor, code: str, edit: PlanEdit) -> PlanSaved:
    """Make the committee's meetings of the year the edited ones and store its settings.

    A meeting whose day was changed in its picker is the same meeting, moved: the commitments tied
    to it move with it (`replace_meetings` matches it by its UID, which a meeting entered here gets).
    """
    now = svc.clock.now()
    with svc.db.write() as session:
        committee = committee_service.get_committee(session, code)
        if not committee_service.can_manage(committee, actor):
            raise PermissionDenied("err_secretary_only", code=committee.code)
        rows = {
            m.day: m
            for m in session.scalars(select(Meeting).where(Meeting.committee_id == committee.id))
            if m.day.year == edit.year
        }
        wanted: list[MeetingInput] = []
        for before, day in edit.meetings:
            row = rows.get(before) if before is not None else None
            if row is None:
                wanted.append(MeetingInput(day))
                continue
            if row.uid is None:
                # Without a calendar id the plan would match a moved meeting by day and lose it.
                row.uid = f"atagande-meeting-{row.id}"
            wanted.append(MeetingInput(day, starts=row.starts, title=row.title, uid=row.uid))
        session.flush()
        person = find_person(session, actor.user_id)
        change = replace_meetings(
            session, committee, wanted, now, person_id=person.id if person else None, years={edit.year}
        )
        plan_notices(session, committee, change, now)  # each ansvarig told once, in this transaction
        committee.agenda_days = edit.agenda_days
        committee.premeeting_days = edit.premeeting_days
        committee.premeeting_report = edit.premeeting_report
        return PlanSaved(
            code=committee.code,
            year=edit.year,
            meetings=tuple(sorted(day for _, day in edit.meetings)),
            added=len(change.added),
            moved=len(change.moved),
            removed=len(change.removed),
            followed=len(change.followed),
            agenda_days=edit.agenda_days,
            premeeting_days=edit.premeeting_days,
            premeeting_report=edit.premeeting_report,
            followed_ids=tuple(f.commitment_id for f in change.followed),
        )
