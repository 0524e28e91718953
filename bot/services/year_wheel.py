"""The municipality's årshjul for a year: the days of its recurring events, set by an admin.

Until an admin saves a year, its events are the language core's conventional days (`default_event`),
shown as defaults (förval). Saving confirms every event of the year (`YearEvent.confirmed`) and dates
again, in every committee, the open commitments that follow the årshjul (`meeting_plan.follow`).
Everyone may look; only admins change it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bot.domain.errors import PermissionDenied, ValidationFailed
from bot.language.committee_year import EVENT_KINDS, default_event
from bot.services.context import Services
from bot.services.meeting_plan import PlanChange, follow
from bot.services.people import Actor, find_person
from bot.services.plan_notices import plan_notices
from bot.services.validation import Errors
from storage.meeting_models import YearEvent
from storage.models import Committee

__all__ = ["Wheel", "WheelEvent", "WheelSaved", "read_wheel", "save_wheel", "wheel"]


@dataclass(frozen=True)
class WheelEvent:
    """One event of the year: its day, the month of the meeting that handles it (None: the first meeting
    on or after the day), and whether an admin confirmed it (False: the bot's default)."""

    kind: str
    day: date
    meeting_month: int | None
    confirmed: bool


@dataclass(frozen=True)
class Wheel:
    year: int
    events: tuple[WheelEvent, ...]
    can_edit: bool


@dataclass(frozen=True)
class WheelSaved:
    year: int
    events: tuple[WheelEvent, ...]
    followed: int
    # The commitments whose deadline followed: their cards are brought up to date after the save.
    followed_ids: tuple[int, ...] = ()


def wheel(svc: Services, actor: Actor, year: int) -> Wheel:
    """The year's events in the order of the year's work, stored or default."""
    with svc.db.read() as session:
        stored = {e.kind: e for e in session.scalars(select(YearEvent).where(YearEvent.year == year))}
    events: list[WheelEvent] = []
    for kind in EVENT_KINDS:
        row = stored.get(kind)
        if row is not None:
            events.append(WheelEvent(kind, row.day, row.meeting_month, row.confirmed))
            continue
        default = default_event(kind, year)
        if default is not None:
            events.append(WheelEvent(kind, default.day, default.meeting_month, False))
    return Wheel(year, tuple(events), actor.is_admin)


def read_wheel(year: int, raw: Mapping[str, tuple[str, str]]) -> tuple[WheelEvent, ...]:
    """The events from the modal: kind → (ISO day, month of the handling meeting or "0").

    An event about `year` falls in the year before it (the budget), in it, or after it (the bokslut);
    a day further off is a slip of the date picker and is said on its field.
    """
    errors: Errors = {}
    events: list[WheelEvent] = []
    for kind in EVENT_KINDS:
        day_text, month_text = raw.get(kind, ("", ""))
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            errors[kind] = ("err_wheel_no_day", {"event": kind, "year": year})
            continue
        if not year - 1 <= day.year <= year + 1:
            errors[kind] = ("err_wheel_day_far", {"event": kind, "year": year, "day": day})
            continue
        month = int(month_text) if month_text.isdigit() and 1 <= int(month_text) <= 12 else None
        events.append(WheelEvent(kind, day, month, True))
    if errors:
        raise ValidationFailed(errors)
    return tuple(events)


def save_wheel(svc: Services, actor: Actor, year: int, events: tuple[WheelEvent, ...]) -> WheelSaved:
    """Store and confirm the year's events (admins only); the commitments following them follow."""
    if not actor.is_admin:
        raise PermissionDenied("err_admin_only")
    now = svc.clock.now()
    with svc.db.write() as session:
        person = find_person(session, actor.user_id)
        person_id = person.id if person else None
        stored = {e.kind: e for e in session.scalars(select(YearEvent).where(YearEvent.year == year))}
        for event in events:
            row = stored.get(event.kind)
            if row is None:
                row = YearEvent(kind=event.kind, year=year)
                session.add(row)
            row.day, row.meeting_month, row.confirmed = event.day, event.meeting_month, True
            row.updated_by_id, row.updated_at = person_id, now
        session.flush()
        followed = 0
        ids: list[int] = []
        for committee in session.scalars(select(Committee).order_by(Committee.code)):
            change = PlanChange(followed=follow(session, committee, now, person_id=person_id))
            plan_notices(session, committee, change, now)  # each ansvarig told once, in this transaction
            followed += len(change.followed)
            ids.extend(f.commitment_id for f in change.followed)
        return WheelSaved(year, events, followed, tuple(ids))
