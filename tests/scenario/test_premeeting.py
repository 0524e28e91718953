"""'Inför sammanträdet': the committee's channel hears, some working days before each meeting, what is to
be reported back there, what is overdue and what moved; once, and for the meeting's new day when it moves."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from storage.models import Committee
from tests.scenario.conftest import World
from tests.scenario.test_meeting_reminders import PLAN_2027, move, plan


def summaries_in(world: World, channel: str) -> list[str]:
    return [
        world.slack.render_message(m)
        for m in world.slack.visible_messages("olle", channel)
        if not m.is_ephemeral and (m.metadata or {}).get("event_payload", {}).get("key", "").startswith("premeeting:")
    ]


def test_the_channel_hears_before_each_meeting_once_and_the_summary_follows_a_moved_meeting(world: World) -> None:
    world.quick_committee()
    plan(world, PLAN_2027)
    world.add("Återrapportera skolnärvaron", deadline="vid nämndens sammanträde i mars 2027")  # BUN-1, 11 March
    world.add("Revidera rutinen för kränkande behandling", deadline="2027-02-25")  # BUN-2, between the meetings
    world.add("Ta fram en plan för elevhälsan", deadline="2027-01-20")  # BUN-3, overdue by then
    world.add("Redovisa läsfrämjande insatser", deadline="vid nämndens sammanträde i april 2027")  # BUN-4
    world.at("2027-01-11 09:05")
    # 11 March is a Thursday; five working days before it is Thursday 4 March.
    world.at("2027-03-04 08:29")
    assert summaries_in(world, "bun") == []  # February's meeting passed while nobody looked: no summary after it
    world.at("2027-03-04 08:30")
    march = summaries_in(world, "bun")
    assert len(march) == 1
    assert "Inför sammanträdet" in march[0]
    reported, _, rest = march[0].partition("Försenat")
    assert "BUN-1" in reported and "BUN-2" in reported and "BUN-4" not in march[0]
    assert "BUN-3" in rest and "20 januari 2027" in rest
    world.at("2027-03-04 12:00")
    world.at("2027-03-05 08:30")
    assert len(summaries_in(world, "bun")) == 1

    # April's meeting moves from Thursday 15 to Thursday 22 April before its summary (due 8 April) went out.
    move(world, date(2027, 4, 15), date(2027, 4, 22))
    with world.bot.svc.db.write() as session:
        session.execute(update(Committee).values(premeeting_report=True))
    world.at("2027-04-08 08:30")
    assert len(summaries_in(world, "bun")) == 1  # March's only: the old day's summary is not sent
    world.at("2027-04-15 08:30")  # five working days before the new day
    april = summaries_in(world, "bun")[1:]
    assert len(april) == 1 and "22 april" in april[0]
    reported, _, moved = april[0].partition("Flyttat")
    assert "BUN-4" in reported
    assert "BUN-4" in moved and "15 april 2027" in moved and "22 april 2027" in moved
    # The follow-up report goes with it as a Word file.
    files = list(world.slack.workspace.files.values())
    assert any(f.name.endswith(".docx") and f.content and f.content[:2] == b"PK" for f in files)
    world.at("2027-04-19 08:30")
    assert len(summaries_in(world, "bun")) == 2
