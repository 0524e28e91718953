"""The committee's year as the rest of the bot reads it: the plan a deadline phrase is dated in.

`plan_for` gathers a committee's meetings and the årshjul into the language core's `YearPlan`;
`tie` gives the meeting row a dated deadline is tied to. Changing the plan, and what follows from
it, is `meeting_plan`'s.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.language.committee_year import PlanEvent, YearPlan
from storage.meeting_models import Meeting, YearEvent
from storage.models import Committee

__all__ = ["meeting_on", "plan_for", "plan_for_code"]


def plan_for(session: Session, committee_id: int) -> YearPlan:
    """The committee's meetings and the årshjul's events (confirmed or not; defaults fill the rest)."""
    days = tuple(session.scalars(select(Meeting.day).where(Meeting.committee_id == committee_id).order_by(Meeting.day)))
    events = {
        (e.kind, e.year): PlanEvent(e.day, e.meeting_month, e.confirmed) for e in session.scalars(select(YearEvent))
    }
    return YearPlan(meetings=days, events=events)


def plan_for_code(session: Session, code: str) -> YearPlan | None:
    """The plan of the committee with this code; None when there is no such committee."""
    committee_id = session.scalar(select(Committee.id).where(Committee.code == code.strip().upper()))
    return plan_for(session, committee_id) if committee_id is not None else None


def meeting_on(session: Session, committee_id: int, day: date | None) -> Meeting | None:
    """The committee's meeting on `day`, if it has one."""
    if day is None:
        return None
    return session.scalar(select(Meeting).where(Meeting.committee_id == committee_id, Meeting.day == day))
