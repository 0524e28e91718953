"""Deadlines that follow the committee's plan: dated by it, waiting for it, moving with it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.clock import ManualClock
from bot.domain.errors import ValidationFailed
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.meeting_plan import MeetingInput, move_meeting, replace_meetings
from bot.services.people import Actor
from storage.db import Database
from storage.models import Commitment, StatusUpdate, UpdateKind

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
PLAN_2027 = [date(2027, m, d) for m, d in [(2, 11), (3, 11), (4, 15), (6, 17), (9, 23), (10, 21), (12, 9)]]


@pytest.fixture
def db_bun(db: Database, clock: ManualClock) -> Database:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
    return db


def _plan(db: Database, clock: ManualClock, days: list[date], **kw: object) -> None:
    with db.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        replace_meetings(s, bun, [MeetingInput(d, uid=f"m{d:%m}") for d in days], clock.now(), person_id=None)


def _register(db: Database, clock: ManualClock, deadline: str = "", recurrence: str = "") -> int:
    raw = CommitmentInput(text="Återrapportera arbetet", committee="BUN", deadline=deadline, recurrence=recurrence)
    with db.write() as s:
        draft = cs.validate(s, raw, clock.now().date())
        return cs.create(s, ADMIN, draft, clock.now()).id


def test_a_meeting_phrase_is_dated_to_the_meeting(db_bun: Database, clock: ManualClock) -> None:
    _plan(db_bun, clock, PLAN_2027)
    cid = _register(db_bun, clock, "till nämndens sista sammanträde 2027")
    with db_bun.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.deadline == date(2027, 12, 9)
        assert c.meeting is not None and c.meeting.day == date(2027, 12, 9)
        assert c.anchor == "last:2027"


def test_without_a_plan_the_phrase_is_refused_naming_what_is_missing(db_bun: Database, clock: ManualClock) -> None:
    with pytest.raises(ValidationFailed) as err:
        _register(db_bun, clock, "till nämndens sista sammanträde 2027")
    key, params = err.value.errors["deadline"]
    assert key == "err_deadline_needs_plan"
    assert (params["what"], params["year"]) == ("meetings", 2027)


def test_moving_the_meeting_moves_the_commitment_with_history(db_bun: Database, clock: ManualClock) -> None:
    _plan(db_bun, clock, PLAN_2027)
    cid = _register(db_bun, clock, "vid nämndens sammanträde i mars 2027")
    with db_bun.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        change = move_meeting(s, bun, date(2027, 3, 11), date(2027, 3, 18), clock.now(), person_id=None)
        assert [f.new for f in change.followed] == [date(2027, 3, 18)]
    with db_bun.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.deadline == date(2027, 3, 18)
        rows = [u for u in s.query(StatusUpdate).filter_by(commitment_id=cid) if u.kind == UpdateKind.PLAN]
        assert [(u.old_deadline, u.new_deadline, u.reason) for u in rows] == [
            (date(2027, 3, 11), date(2027, 3, 18), "moved")
        ]


def test_a_reimported_calendar_moves_by_uid_and_swaps_days(db_bun: Database, clock: ManualClock) -> None:
    _plan(db_bun, clock, PLAN_2027)
    first = _register(db_bun, clock, "vid nämndens sammanträde i februari 2027")
    second = _register(db_bun, clock, "vid nämndens sammanträde i mars 2027")
    with db_bun.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        # February's and March's meetings swap days (same UIDs).
        items = [MeetingInput(d, uid=f"m{d:%m}") for d in PLAN_2027 if d.month not in (2, 3)]
        items += [MeetingInput(date(2027, 3, 11), uid="m02"), MeetingInput(date(2027, 2, 11), uid="m03")]
        change = replace_meetings(s, bun, items, clock.now(), person_id=None)
        assert sorted(change.moved) == [(date(2027, 2, 11), date(2027, 3, 11)), (date(2027, 3, 11), date(2027, 2, 11))]
    with db_bun.read() as s:
        assert [s.get(Commitment, i).deadline for i in (first, second)] == [date(2027, 3, 11), date(2027, 2, 11)]  # type: ignore[union-attr]


def test_every_meeting_is_a_rhythm_of_the_plans_meetings(db_bun: Database, clock: ManualClock) -> None:
    _plan(db_bun, clock, PLAN_2027)
    cid = _register(db_bun, clock, recurrence="vid varje sammanträde")
    with db_bun.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.recurrence is not None
        assert c.recurrence.startswith("RDATE:20270211,20270311")
        assert c.anchor == "each"


def test_a_moved_meeting_is_no_delay_of_the_work(db_bun: Database, clock: ManualClock) -> None:
    from bot.services.traffic import Light, light

    _plan(db_bun, clock, PLAN_2027)
    cid = _register(db_bun, clock, "vid nämndens sammanträde i oktober 2027")
    with db_bun.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        move_meeting(s, bun, date(2027, 10, 21), date(2027, 10, 28), clock.now(), person_id=None)
    with db_bun.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.deadline == date(2027, 10, 28)
        assert light(c, clock.now().date(), clock.now()) != Light.RED


def test_every_meeting_follows_a_moved_meeting_quietly(db_bun: Database, clock: ManualClock) -> None:
    _plan(db_bun, clock, PLAN_2027)
    cid = _register(db_bun, clock, recurrence="vid varje sammanträde")
    with db_bun.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        change = move_meeting(s, bun, date(2027, 4, 15), date(2027, 4, 22), clock.now(), person_id=None)
        # A rhythm is no deadline that moved: nobody is told, no history row, but the rule follows.
        assert change.followed == []
    with db_bun.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.recurrence is not None and c.deadline is None
        assert "20270422" in c.recurrence and "20270415" not in c.recurrence
