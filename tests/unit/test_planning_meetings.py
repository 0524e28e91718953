"""The planner reminds about a commitment due at a meeting before the meeting's agenda closes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import update

from bot.clock import ManualClock
from bot.outbox.store import Planned
from bot.reminders.planning import reminders_between
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.meeting_plan import MeetingInput, replace_meetings
from bot.services.people import Actor
from storage.db import Database
from storage.models import Committee
from tests.conftest import STOCKHOLM

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
PLAN_2027 = [date(2027, m, d) for m, d in [(2, 11), (3, 11), (4, 15), (6, 17), (9, 23), (10, 21), (12, 9)]]


@pytest.fixture
def db_bun(db: Database, clock: ManualClock) -> Database:
    with db.write() as s:
        bun = committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        replace_meetings(s, bun, [MeetingInput(d) for d in PLAN_2027], clock.now(), person_id=None)
    return db


def _register(db: Database, clock: ManualClock, deadline: str = "", recurrence: str = "") -> int:
    raw = CommitmentInput(text="Återrapportera arbetet", committee="BUN", deadline=deadline, recurrence=recurrence)
    with db.write() as s:
        draft = cs.validate(s, raw, clock.now().date())
        return cs.create(s, ADMIN, draft, clock.now()).id


def _sent(db: Database, first: date, last: date, *, skipped: bool = False) -> list[Planned]:
    """What each morning's tick from `first` to `last` plans, to send (and with `skipped`, what it skips)."""
    out: list[Planned] = []
    day = first
    with db.read() as s:
        while day <= last:
            at = datetime.combine(day, time(8, 30), tzinfo=STOCKHOLM)
            planned = reminders_between(s, at - timedelta(minutes=1), at, STOCKHOLM)
            out += [p for p in planned if skipped or not p.skip_reason]
            day += timedelta(days=1)
    return out


def _days(planned: list[Planned], kind: str) -> list[date]:
    return [p.due_at.astimezone(STOCKHOLM).date() for p in planned if p.kind == kind]


def test_a_meeting_commitment_is_reminded_before_the_agenda_closes(db_bun: Database, clock: ManualClock) -> None:
    _register(db_bun, clock, "vid nämndens sammanträde i april 2027")  # Thursday 15 April; agenda closes 23 March
    sent = _sent(db_bun, date(2027, 2, 1), date(2027, 5, 10))
    # 14 days before the closing (Tuesday 9 March), 3 days before (Saturday 20 → Friday 19 March), and on it.
    assert _days(sent, "reminder")[:3] == [date(2027, 3, 9), date(2027, 3, 19), date(2027, 3, 23)]
    # Overdue and the escalation count from the meeting itself.
    assert _days(sent, "reminder")[3] == date(2027, 4, 22)
    assert _days(sent, "escalation") == [date(2027, 4, 29)]
    # 08:30 in Stockholm on both sides of the change to summer time (28 March).
    assert {p.due_at.astimezone(STOCKHOLM).time() for p in sent} == {time(8, 30)}
    assert {p.occurrence for p in sent} == {date(2027, 4, 15)}


def test_the_committees_agenda_days_decide_the_closing_day(db_bun: Database, clock: ManualClock) -> None:
    with db_bun.write() as s:
        s.execute(update(Committee).values(agenda_days=5))  # closes Thursday 8 April
    _register(db_bun, clock, "vid nämndens sammanträde i april 2027")
    sent = _sent(db_bun, date(2027, 3, 1), date(2027, 4, 14))
    assert _days(sent, "reminder") == [date(2027, 3, 25), date(2027, 4, 5), date(2027, 4, 8)]


def test_each_meeting_of_a_rhythm_is_reminded_before_its_own_agenda_closes(
    db_bun: Database, clock: ManualClock
) -> None:
    _register(db_bun, clock, recurrence="vid varje sammanträde")
    planned = _sent(db_bun, date(2027, 1, 12), date(2027, 3, 10), skipped=True)
    on_closing = [
        (p.occurrence, p.due_at.astimezone(STOCKHOLM).date()) for p in planned if (p.payload or {}).get("offset") == 0
    ]
    # 11 February closes 21 January; 11 March closes 18 February (the day February's is a week overdue, which
    # the owner hears of first: two occurrences on one morning make one reminder, the more urgent).
    assert on_closing == [(date(2027, 2, 11), date(2027, 1, 21)), (date(2027, 3, 11), date(2027, 2, 18))]


def test_an_untied_commitment_on_a_meeting_day_is_reminded_from_its_deadline(
    db_bun: Database, clock: ManualClock
) -> None:
    _register(db_bun, clock, "2027-04-15")  # the meeting's day, but not its phrase
    sent = _sent(db_bun, date(2027, 3, 1), date(2027, 4, 15))
    assert _days(sent, "reminder") == [date(2027, 4, 1), date(2027, 4, 12), date(2027, 4, 15)]
