"""Guests read only their own commitments and those of the committee whose channel they act in.

The bot cannot ask Slack who is in a channel, but Slack lets a person use a
slash command only in a channel they are a member of: a guest acting in a
committee's channel is a member of it. Anything else is one sentence and no
commitment.
"""

from __future__ import annotations

import pytest

from bot.services import commitments as commitment_service
from bot.services.commitments import CommitmentInput
from bot.ui.lists import PAGE_SIZE
from tests.scenario.conftest import World

GUEST_SENTENCE = "Som gäst ser du bara dina egna åtaganden"


def guest_world(world: World, *, ultra: bool = False) -> None:
    """BUN bound to #bun with two commitments, SN without a channel; ``gast`` is a guest in both channels."""
    world.slack.add_user("gast", real_name="Gun Gäst", is_restricted=not ultra, is_ultra_restricted=ultra)
    world.slack.workspace.join("bun", "gast")
    world.slack.workspace.join("allmant", "gast")
    world.quick_committee()
    world.quick_committee("SN", "Socialnämnden", channel="")
    world.add("Revidera rutinen för orosanmälan", owner="anna")  # BUN-1
    world.add("Följ upp rutinen för elevhälsan", owner="gast")  # BUN-2
    world.add("Inför rutinen för SIP", owner="olle", committee="SN")  # SN-1


@pytest.mark.parametrize("ultra", [False, True])
def test_a_guest_outside_the_committee_channel_sees_no_commitment_of_it(world: World, ultra: bool) -> None:
    guest_world(world, ultra=ultra)
    for command in ("/atagande lista BUN", "/atagande visa BUN-1", "/atagande lista SN", "/atagande visa SN-1"):
        world.run("gast", "allmant", command)
        answer = world.last_text("gast", "allmant")
        assert GUEST_SENTENCE in answer, (command, answer)
        assert "BUN-1" not in answer and "SN-1" not in answer, (command, answer)
    world.run("gast", "allmant", "/atagande sök rutinen")
    found = world.last_text("gast", "allmant")
    # Only the guest's own commitment is found; the others match the word too.
    assert "BUN-2" in found
    assert "BUN-1" not in found and "SN-1" not in found
    world.run("gast", "allmant", "/atagande sök SN-1")
    assert "Inför rutinen för SIP" not in world.last_text("gast", "allmant")  # the query is echoed, not the text


def test_a_guest_reads_the_committee_of_the_channel_they_act_in(world: World) -> None:
    guest_world(world)
    world.run("gast", "bun", "/atagande lista")
    listed = world.last_text("gast", "bun")
    assert "BUN-1" in listed and "BUN-2" in listed
    world.run("gast", "bun", "/atagande lista BUN")
    assert "BUN-1" in world.last_text("gast", "bun")
    world.run("gast", "bun", "/atagande visa BUN-1")
    assert "Revidera rutinen för orosanmälan" in world.last_text("gast", "bun")
    world.run("gast", "bun", "/atagande sök rutinen")
    found = world.last_text("gast", "bun")
    assert "BUN-1" in found and "BUN-2" in found and "SN-1" not in found
    # Another committee, named in #bun, stays closed.
    world.run("gast", "bun", "/atagande lista SN")
    assert GUEST_SENTENCE in world.last_text("gast", "bun")
    assert "SN-1" not in world.last_text("gast", "bun")


def test_a_guest_owner_sees_their_own_commitments_anywhere(world: World) -> None:
    guest_world(world)
    world.run("gast", "allmant", "/atagande mina")
    mine = world.last_text("gast", "allmant")
    assert "BUN-2" in mine and "BUN-1" not in mine
    world.run("gast", "allmant", "/atagande visa BUN-2")
    assert "Följ upp rutinen för elevhälsan" in world.last_text("gast", "allmant")


def test_a_guest_gets_no_report_of_a_committee_outside_its_channel(world: World) -> None:
    guest_world(world)
    uploads_before = [c for c in world.slack.calls if c.method.startswith("files.")]
    world.run("gast", "allmant", "/atagande rapport BUN")
    assert GUEST_SENTENCE in world.last_text("gast", "allmant")
    assert [c for c in world.slack.calls if c.method.startswith("files.")] == uploads_before


def test_members_still_read_every_committee_anywhere(world: World) -> None:
    guest_world(world)
    world.run("olle", "allmant", "/atagande lista BUN")
    assert "BUN-1" in world.last_text("olle", "allmant")
    world.run("olle", "allmant", "/atagande visa SN-1")
    assert "Inför rutinen för SIP" in world.last_text("olle", "allmant")


def test_a_guests_home_shows_their_own_and_no_count_of_the_committees_others(world: World) -> None:
    guest_world(world)
    world.act(lambda: world.slack.open_home("gast"))
    home = world.home_text("gast")
    assert "BUN-2" in home and "BUN-1" not in home
    # BUN has two open commitments; the guest is responsible for one and is told of no other.
    assert "BUN – Barn- och utbildningsnämnden" in home
    assert "2 öppna" not in home
    world.act(lambda: world.slack.open_home("anna"))
    assert "2 öppna" in world.home_text("anna")


def test_a_guest_pages_the_list_of_the_channel_they_act_in(world: World) -> None:
    guest_world(world)
    svc = world.bot.svc
    sara = world.actor("sara")
    with svc.db.write() as session:
        for n in range(PAGE_SIZE):
            raw = CommitmentInput(
                text=f"Åtgärd {n + 1}", committee="BUN", owner_user_id=world.uid("anna"), deadline="2027-06-30"
            )
            commitment_service.create(
                session, sara, commitment_service.validate(session, raw, svc.clock.today()), svc.clock.now()
            )
    world.run("gast", "bun", "/atagande lista")
    first = world.last("gast", "bun")
    world.click("gast", first, "Visa fler")
    # "Visa fler" remembers the channel it was shown in: the second page is BUN's, not the refusal.
    second = world.slack.render_message(world.last("gast", "bun"))
    assert GUEST_SENTENCE not in second
    assert f"Visar {PAGE_SIZE + 1}–{PAGE_SIZE + 2} av {PAGE_SIZE + 2}." in second
