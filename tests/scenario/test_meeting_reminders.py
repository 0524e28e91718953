"""A commitment due at a committee meeting: reminded before the meeting's agenda closes, and following
the meeting when it moves."""

from __future__ import annotations

from datetime import date

from bot.services import committees as committee_service
from bot.services.meeting_plan import MeetingInput, move_meeting, replace_meetings
from tests.scenario.conftest import World
from tests.scenario.test_reminders import outbox, reminders_to

PLAN_2027 = [date(2027, m, d) for m, d in [(2, 11), (3, 11), (4, 15), (6, 17), (9, 23), (10, 21), (12, 9)]]


def plan(world: World, days: list[date]) -> None:
    svc = world.bot.svc
    with svc.db.write() as session:
        bun = committee_service.get_committee(session, "BUN")
        replace_meetings(session, bun, [MeetingInput(d) for d in days], svc.clock.now(), person_id=None)


def move(world: World, old: date, new: date) -> None:
    svc = world.bot.svc
    with svc.db.write() as session:
        bun = committee_service.get_committee(session, "BUN")
        move_meeting(session, bun, old, new, svc.clock.now(), person_id=None)


def test_the_owner_is_reminded_before_the_agenda_closes_and_the_reminders_follow_a_moved_meeting(
    world: World,
) -> None:
    world.quick_committee()
    plan(world, PLAN_2027)
    world.add("Återrapportera arbetet med skolnärvaron", deadline="vid nämndens sammanträde i april 2027")
    # The meeting is Thursday 15 April; 15 working days before it, the agenda closes Tuesday 23 March.
    world.at("2027-03-08 08:30")
    assert reminders_to(world, "anna") == []
    world.at("2027-03-09 08:30")  # 14 days before the agenda closes
    sent = reminders_to(world, "anna")
    assert len(sent) == 1
    assert "sammanträde" in sent[0] and "15 april 2027" in sent[0]
    assert "ärendeberedningen" in sent[0] and "23 mars 2027" in sent[0] and "om 14 dagar" in sent[0]

    # The meeting moves a week; the agenda now closes Thursday 1 April.
    move(world, date(2027, 4, 15), date(2027, 4, 22))
    world.at("2027-03-18 08:30")  # 14 days before the new closing
    sent = reminders_to(world, "anna")
    assert len(sent) == 2
    assert "22 april 2027" in sent[-1] and "1 april 2027" in sent[-1]
    world.at("2027-03-19 08:30")  # the old plan's 3 days before: gone with it
    assert len(reminders_to(world, "anna")) == 2
    world.at("2027-04-01 08:30")  # the closing day
    sent = reminders_to(world, "anna")
    assert len(sent) == 3 and "i dag" in sent[-1] and "22 april 2027" in sent[-1]
    keys = [key for key, state, _ in outbox(world) if key.startswith("remind:") and state == "sent"]
    assert all(":2027-04-22:" in key for key in keys[1:])
