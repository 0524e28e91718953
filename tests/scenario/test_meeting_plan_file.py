"""A meeting plan shared in Slack: read, offered with a button, imported once; a tied commitment is dated by it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.services import commitments as commitment_service
from bot.standin.workspace import Message
from storage.meeting_models import Meeting
from tests.scenario.conftest import World
from tests.scenario.test_once import again

DATA = Path(__file__).resolve().parent.parent / "data" / "calendar"
BUTTON = "Läs in som BUN:s sammanträdesplan"


def share(world: World, user: str, channel: str, name: str) -> None:
    where = world.slack.dm(user) if channel == "dm" else world.slack.channel(channel)
    world.act(lambda: world.slack.upload_file(user, where, name, (DATA / name).read_bytes()))


def texts_in(world: World, user: str, channel: str) -> list[str]:
    where = world.slack.dm(user).id if channel == "dm" else world.slack.channel(channel).id
    # Thread replies are among what a user sees in a channel, each with its thread_ts.
    return [world.slack.render_message(m) for m in world.slack.visible_messages(user, where)]


def offer(world: World, user: str, channel: str) -> Message:
    where = world.slack.dm(user).id if channel == "dm" else world.slack.channel(channel).id
    found = [m for m in world.slack.visible_messages(user, where) if BUTTON in str(m.blocks)]
    assert found, texts_in(world, user, channel)
    return found[-1]


def meetings(world: World) -> list[date]:
    with world.bot.svc.db.read() as session:
        return list(session.scalars(select(Meeting.day).order_by(Meeting.day)))


@pytest.mark.transports("socket", "http")
def test_an_ics_shared_in_the_dm_dates_a_commitment_at_the_last_meeting(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "dm", "outlook_series_2027.ics")
    button = offer(world, "sara", "dm")
    said = world.slack.render_message(button)
    assert "10 sammanträden 2027" in said and "11 februari – 9 december" in said
    assert meetings(world) == []  # nothing is stored before the button is pressed
    click = world.click("sara", button, BUTTON)
    assert meetings(world)[-1] == date(2027, 12, 9) and len(meetings(world)) == 10
    assert any("sammanträdesplan är inläst" in t for t in texts_in(world, "sara", "dm"))
    # A second press of the same button imports nothing more and says nothing more.
    answers = len(texts_in(world, "sara", "dm"))
    assert again(world, click).acked
    assert len(texts_in(world, "sara", "dm")) == answers

    world.run("sara", "bun", "/atagande ny BUN Återrapportera arbetet till nämndens sista sammanträde 2027 @anna")
    world.click("sara", world.last("sara", "bun"), "Spara")
    with world.bot.svc.db.read() as session:
        c = commitment_service.get_by_reference(session, "BUN-1")
        assert c.deadline == date(2027, 12, 9)
        assert c.meeting is not None and c.meeting.day == date(2027, 12, 9)


def test_a_csv_plan_in_the_bound_channel_is_answered_in_its_thread(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "bun", "plan_excel_semikolon.csv")
    button = offer(world, "sara", "bun")
    assert button.thread_ts is not None  # in the thread of the shared file, not in the channel
    assert "5 sammanträden 2027" in world.slack.render_message(button)
    world.click("sara", button, BUTTON)
    assert meetings(world) == [
        date(2027, 2, 11),
        date(2027, 3, 11),
        date(2027, 4, 8),
        date(2027, 5, 12),
        date(2027, 12, 9),
    ]


def test_someone_who_is_not_secretary_cannot_import_the_plan(world: World) -> None:
    world.quick_committee()
    share(world, "olle", "bun", "plan_komma.csv")
    world.click("olle", offer(world, "olle", "bun"), BUTTON)
    assert meetings(world) == []
    assert any("sekreterarna för BUN" in t for t in world.ephemeral_of("olle", "bun"))


def test_a_broken_plan_is_answered_with_one_sentence_and_an_audit_csv_is_not_a_plan(world: World) -> None:
    world.quick_committee()
    dm, bun = world.slack.dm("sara"), world.slack.channel("bun")
    broken = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n"
    world.act(lambda: world.slack.upload_file("sara", dm, "plan.ics", broken))
    assert any("saknar datum" in t for t in texts_in(world, "sara", "dm"))
    # A table of recommendations in the committee's channel is no plan: the bot leaves it alone there.
    before = len(texts_in(world, "sara", "bun"))
    world.act(lambda: world.slack.upload_file("sara", bun, "svar.csv", b"Rekommendation;Svar\r\na;b\r\n"))
    assert len(texts_in(world, "sara", "bun")) == before + 1  # the shared file's own message only
    with world.bot.svc.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Meeting)) == 0
