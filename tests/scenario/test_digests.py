"""Weekly digests and the monthly overview, sent by the clock through the outbox and the stand-in."""

from __future__ import annotations

from bot.services import committees as committee_service
from storage.models import Committee
from tests.scenario.conftest import World


def digests_in(world: World, channel: str) -> list[str]:
    return [
        world.slack.render_message(m)
        for m in world.slack.visible_messages("olle", channel)
        if not m.is_ephemeral and (m.metadata or {}).get("event_payload", {}).get("key", "").startswith("digest:")
    ]


def test_the_weekly_digest_comes_once_on_monday_morning(world: World) -> None:
    world.quick_committee()  # created Monday 11 January 2027, 09:00
    world.add("Revidera BUS-överenskommelsen", deadline="2027-01-20", announce=True)
    world.add("Ta fram en samverkansrutin", deadline="2027-01-15", announce=True)  # overdue by Monday
    world.at("2027-01-11 09:05")
    assert digests_in(world, "bun") == []  # this week's digest time passed before BUN existed
    world.at("2027-01-18 07:59")
    assert digests_in(world, "bun") == []
    world.at("2027-01-18 08:00")
    sent = digests_in(world, "bun")
    assert len(sent) == 1
    assert "BUN-2" in sent[0] and "BUN-1" in sent[0]
    world.at("2027-01-18 12:00")
    world.at("2027-01-19 08:00")
    assert len(digests_in(world, "bun")) == 1


def test_a_digest_missed_while_down_goes_out_once_late(world: World) -> None:
    world.quick_committee()
    world.add("Revidera rutinen", deadline="2027-02-26")
    world.at("2027-01-11 09:05")
    world.at("2027-01-20 13:00")  # down from Monday to Wednesday
    assert len(digests_in(world, "bun")) == 1
    world.at("2027-01-21 08:00")
    assert len(digests_in(world, "bun")) == 1


def test_the_overview_goes_to_kommunstyrelsen_with_a_chart(world: World) -> None:
    world.quick_committee()
    world.add("Revidera rutinen", deadline="2027-01-29")
    svc = world.bot.svc
    with svc.db.write() as session:
        committee_service.create_committee(session, world.actor("admin"), "KS", "Kommunstyrelsen", svc.clock.now())
        committee_service.bind_channel(
            session, world.actor("admin"), "KS", world.slack.channel("allmant").id, "allmant"
        )
    world.at("2027-01-11 09:05")
    world.at("2027-02-01 08:00")  # the first working day of February
    overview = [
        m
        for m in world.slack.visible_messages("olle", "allmant")
        if (m.metadata or {}).get("event_payload", {}).get("key") == "overview:2027-02"
    ]
    assert len(overview) == 1
    assert "BUN" in world.slack.render_message(overview[0])
    files = list(world.slack.workspace.files.values())
    assert any(f.name.endswith(".png") and f.content and f.content[:8] == b"\x89PNG\r\n\x1a\n" for f in files)
    world.at("2027-02-02 08:00")
    assert sum(1 for m in world.slack.visible_messages("olle", "allmant") if "overview:" in str(m.metadata)) == 1
    with svc.db.read() as session:
        assert session.query(Committee).count() == 2
