"""A meeting moved in the plan: the owner is told once in a DM, and the card's history says why the date moved."""

from __future__ import annotations

from datetime import date

from bot.services import committees as committee_service
from bot.services.meeting_plan import MeetingInput, move_meeting, replace_meetings
from bot.services.plan_notices import plan_notices
from tests.scenario.conftest import World

PLAN_2027 = [date(2027, m, d) for m, d in [(2, 11), (3, 11), (4, 15), (6, 17), (9, 23), (10, 21), (12, 9)]]
MARCH, MOVED_TO = date(2027, 3, 11), date(2027, 3, 18)


def _move(world: World) -> None:
    """Move the March meeting and plan its notices in one transaction, as the plan's commands do."""
    svc = world.bot.svc
    with svc.db.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        change = move_meeting(s, bun, MARCH, MOVED_TO, svc.clock.now(), person_id=None)
        plan_notices(s, bun, change, svc.clock.now())


def test_moving_a_meeting_tells_the_owner_once_and_the_history_says_why(world: World) -> None:
    world.quick_committee()
    svc = world.bot.svc
    with svc.db.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        replace_meetings(s, bun, [MeetingInput(d) for d in PLAN_2027], svc.clock.now(), person_id=None)
    ref = world.add(
        "Återrapportera arbetet med rutinen", deadline="vid nämndens sammanträde i mars 2027", announce=True
    )
    other = world.add("Redovisa internkontrollen", deadline="vid nämndens sammanträde i juni 2027")
    before = world.dm_text("anna")

    _move(world)
    _move(world)  # pressed twice: the meeting has already moved
    world.at("2027-01-11 09:10")
    world.at("2027-01-11 09:20")  # the next tick sends nothing more
    told = world.dm_text("anna").removeprefix(before)
    assert told.count("Sammanträdet flyttades från 11 till 18 mars 2027") == 1
    assert ref in told and other not in told
    assert "klart senast 18 mars 2027" in told

    world.run("anna", "bun", f"/atagande visa {ref}")
    card = world.last_text("anna", "bun")
    assert "Klart senast: 18 mars 2027" in card
    assert "jag: sammanträdet flyttades från 11 mars 2027 till 18 mars 2027" in card
    assert world.history_kinds(ref) == ["created", "plan"]
