"""A changed meeting plan tells each owner once: one DM per person and change, through the outbox."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from bot.outbox import store
from bot.outbox.sender import LEASE
from bot.reminders import plan_notice
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.meeting_plan import MeetingInput, move_meeting, replace_meetings
from bot.services.people import Actor
from bot.services.plan_notices import KIND, plan_notices
from storage.db import Database
from storage.models import CommitmentStatus, OutboxMessage
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
PLAN_2027 = [date(2027, m, d) for m, d in [(2, 11), (3, 11), (4, 15), (6, 17), (9, 23), (10, 21), (12, 9)]]


@pytest.fixture
def db_bun(db: Database, clock: ManualClock) -> Database:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USARA", "Sara Sekreterare")], clock.now())
        bun = committee_service.get_committee(s, "BUN")
        replace_meetings(s, bun, [MeetingInput(d, uid=f"m{d:%m}") for d in PLAN_2027], clock.now(), person_id=None)
    return db


def _register(db: Database, clock: ManualClock, text: str, owner: str | None, deadline: str) -> str:
    name = f"Person {owner}" if owner else None
    raw = CommitmentInput(text=text, committee="BUN", owner_user_id=owner, owner_name=name, deadline=deadline)
    with db.write() as s:
        draft = cs.validate(s, raw, clock.now().date())
        return cs.create(s, ADMIN, draft, clock.now()).reference


def _move(db: Database, clock: ManualClock, old: date, new: date, *, times: int = 1) -> int:
    """Move the meeting and plan the notices in one transaction; return how many notices were new."""
    with db.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        change = move_meeting(s, bun, old, new, clock.now(), person_id=None)
        return sum(plan_notices(s, bun, change, clock.now()) for _ in range(times))


def _notices(db: Database) -> list[OutboxMessage]:
    with db.read() as s:
        return list(s.scalars(select(OutboxMessage).where(OutboxMessage.kind == KIND).order_by(OutboxMessage.id)))


def test_a_move_with_three_commitments_of_two_owners_is_two_dms_once(db_bun: Database, clock: ManualClock) -> None:
    march = "vid nämndens sammanträde i mars 2027"
    anna_1 = _register(db_bun, clock, "Återrapportera arbetet med rutinen", "UANNA", march)
    anna_2 = _register(db_bun, clock, "Redovisa uppföljningen av internkontrollen", "UANNA", march)
    bo = _register(db_bun, clock, "Återrapportera utbildningsinsatsen", "UBO", march)
    _register(db_bun, clock, "Ett åtagande till ett annat sammanträde", "UBO", "vid nämndens sammanträde i juni 2027")

    # Planned twice in the same transaction (a double press): two rows, not four.
    assert _move(db_bun, clock, date(2027, 3, 11), date(2027, 3, 18), times=2) == 2
    # The same move again (a retried request): the meeting is already there, nothing more is planned.
    assert _move(db_bun, clock, date(2027, 3, 11), date(2027, 3, 18)) == 0
    rows = _notices(db_bun)
    assert sorted(str(r.recipient) for r in rows) == ["UANNA", "UBO"]

    svc = offline_services(db_bun, clock)
    sent = {}
    for claimed in store.claim(db_bun, "test", clock.now(), lease=LEASE, limit=10):
        outcome = plan_notice.render(svc, claimed)
        assert isinstance(outcome, plan_notice.Send), outcome
        sent[outcome.channel] = outcome.text + " " + str(outcome.blocks)
    assert set(sent) == {"UANNA", "UBO"}
    assert anna_1 in sent["UANNA"] and anna_2 in sent["UANNA"] and bo not in sent["UANNA"]
    assert bo in sent["UBO"] and anna_1 not in sent["UBO"]
    # The meeting's old and new day, and the new deadline.
    assert "11 till 18 mars 2027" in sent["UBO"]
    assert "18 mars 2027" in sent["UANNA"]


def test_a_commitment_without_an_owner_is_told_to_the_secretary(db_bun: Database, clock: ManualClock) -> None:
    ref = _register(db_bun, clock, "Återrapportera arbetet", None, "vid nämndens sammanträde i mars 2027")
    assert _move(db_bun, clock, date(2027, 3, 11), date(2027, 3, 25)) == 1
    (row,) = _notices(db_bun)
    assert row.recipient == "USARA"
    svc = offline_services(db_bun, clock)
    (claimed,) = store.claim(db_bun, "test", clock.now(), lease=LEASE, limit=10)
    outcome = plan_notice.render(svc, claimed)
    assert isinstance(outcome, plan_notice.Send)
    shown = str(outcome.blocks)
    assert ref in shown and "25 mars 2027" in shown and "ansvarig" in shown


def test_a_commitment_done_before_the_notice_is_sent_is_left_out(db_bun: Database, clock: ManualClock) -> None:
    ref = _register(db_bun, clock, "Återrapportera arbetet", "UANNA", "vid nämndens sammanträde i mars 2027")
    _move(db_bun, clock, date(2027, 3, 11), date(2027, 3, 25))
    with db_bun.write() as s:
        c = cs.get_by_reference(s, ref)
        c.status = CommitmentStatus.DONE
    svc = offline_services(db_bun, clock)
    (claimed,) = store.claim(db_bun, "test", clock.now(), lease=LEASE, limit=10)
    assert isinstance(plan_notice.render(svc, claimed), plan_notice.Skip)
