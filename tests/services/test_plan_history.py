"""A deadline the plan moved shows wherever a moved deadline shows: the card's history, the follow-up
pack, the weekly digest; and it is no answer of the owner's for the reminders."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.digests.blocks import digest_message
from bot.digests.content import load_digest
from bot.outbox.store import Claimed
from bot.reminders.messages import ReminderFacts, reminder_args, why_not
from bot.reports import facts
from bot.reports.data import collect
from bot.reports.markdown import render_markdown
from bot.services import command_queries
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.meeting_plan import MeetingInput, move_meeting, replace_meetings
from bot.services.people import Actor
from bot.ui.commitment import history_text
from storage.db import Database
from storage.models import CommitmentStatus
from tests.conftest import STOCKHOLM
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
ANNA = Actor("UANNA", "Anna Andersson", is_admin=False)
MARCH, MOVED_TO = date(2027, 3, 11), date(2027, 3, 18)
PLAN_2027 = [date(2027, m, d) for m, d in [(2, 11), (3, 11), (4, 15), (6, 17), (9, 23), (10, 21), (12, 9)]]
SAID = "sammanträdet flyttades från 11 mars 2027 till 18 mars 2027"


@pytest.fixture
def moved(db: Database, clock: ManualClock) -> str:
    """BUN-1, due at the March meeting, answered "Pågår enligt plan" in January; the meeting moved on 1 February."""
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USARA", "Sara Sekreterare")], clock.now())
        bun = committee_service.get_committee(s, "BUN")
        replace_meetings(s, bun, [MeetingInput(d) for d in PLAN_2027], clock.now(), person_id=None)
        raw = CommitmentInput(
            text="Återrapportera arbetet",
            committee="BUN",
            owner_user_id=ANNA.user_id,
            owner_name=ANNA.name,
            deadline="vid nämndens sammanträde i mars 2027",
        )
        c = cs.create(s, ADMIN, cs.validate(s, raw, clock.today()), clock.now())
        cs.set_status(s, ANNA, c, CommitmentStatus.IN_PROGRESS, clock.now())
        ref = c.reference
    clock.set(datetime(2027, 2, 1, 10, 0, tzinfo=STOCKHOLM))
    with db.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        move_meeting(s, bun, MARCH, MOVED_TO, clock.now(), person_id=None)
    clock.set(datetime(2027, 2, 2, 9, 0, tzinfo=STOCKHOLM))
    return ref


def test_the_cards_history_says_the_meeting_moved(db: Database, clock: ManualClock, moved: str) -> None:
    svc = offline_services(db, clock)
    card = command_queries.card(svc, "USARA", moved, channel_id="C1")
    shown = history_text(svc.texts, card.history)
    (line,) = [line for line in shown.splitlines() if "1 februari 2027" in line]
    assert SAID in line and "– jag:" in line


def test_the_follow_up_pack_lists_the_move_among_the_changed_deadlines(
    db: Database, clock: ManualClock, moved: str
) -> None:
    svc = offline_services(db, clock)
    with db.read() as s:
        report = collect(s, "BUN", clock.today(), clock.now())
    (row,) = list(report.commitments())
    assert [(m.old, m.new) for m in row.moves] == [(MARCH, MOVED_TO)]
    assert any(SAID in said for said in facts.moves(svc.texts, row))
    assert SAID in render_markdown(report, svc.texts)


def test_the_weekly_digest_lists_the_move(db: Database, clock: ManualClock, moved: str) -> None:
    svc = offline_services(db, clock)
    with db.read() as s:
        digest = load_digest(s, committee_service.get_committee(s, "BUN"), clock.now())
    assert [(m.item.reference, m.old_deadline, m.new_deadline) for m in digest.moved.items] == [
        (moved, MARCH, MOVED_TO)
    ]
    message = digest_message(svc.texts, digest)
    assert SAID in str(message.blocks) and "”moved”" not in str(message.blocks)


def test_a_move_by_the_plan_is_no_answer_of_the_owners(db: Database, clock: ManualClock, moved: str) -> None:
    svc = offline_services(db, clock)
    with db.read() as s:
        c = cs.get_by_reference(s, moved)
        row = Claimed(
            id=1,
            key="remind:test",
            kind="reminder",
            commitment_id=c.id,
            committee_id=c.committee_id,
            occurrence=MOVED_TO,
            recipient=None,
            payload={"deadline": MOVED_TO.isoformat(), "reminder": "before"},
            due_at=clock.now(),
            attempts=0,
            channel=None,
            sending_since=None,
        )
        # Anna's "Pågår enligt plan" was in January: the plan's history row of yesterday is not an answer.
        assert why_not(svc, c, row) is None
        facts_now = ReminderFacts("reminder", row.payload, None, clock.now(), clock.now())
        said = reminder_args(svc, c, facts_now)
        assert said["last_comment"] != "moved"
        assert said["last_at"] is not None and said["last_at"] < clock.now() - timedelta(days=7)
