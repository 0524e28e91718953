"""Many committees: App Home and /atagande nämnd show them page by page, each page within Slack's limits."""

from __future__ import annotations

from typing import Any

from bot.services import committees as committee_service
from bot.standin.sizes import block_text_length
from tests.scenario.conftest import World
from tests.scenario.test_home import open_home

COMMITTEES = 122
# What the bot keeps each message under (Slack has refused ~11,300 characters of block text).
MESSAGE_TEXT = 10_000


def many_committees(world: World, n: int = COMMITTEES) -> list[str]:
    """``n`` committees with long names and two secretaries each, straight into the database."""
    svc = world.bot.svc
    admin = world.actor("admin")
    now = svc.clock.now()
    secretaries = [(world.uid("sara"), "Sara Sekreterare"), (world.uid("anna"), "Anna Andersson")]
    codes = [f"N{i:03d}" for i in range(1, n + 1)]
    with svc.db.write() as session:
        for i, code in enumerate(codes, start=1):
            name = f"Nämnden för samhällsbyggnad, kultur, fritid och förebyggande arbete i kommundel {i}"
            committee_service.create_committee(session, admin, code, name, now)
            committee_service.add_secretaries(session, admin, code, secretaries, now)
    return codes


def within_limits(blocks: list[dict[str, Any]], most_blocks: int) -> None:
    assert len(blocks) <= most_blocks
    assert block_text_length(blocks) <= MESSAGE_TEXT


def test_home_pages_the_committees_and_reaches_the_last(world: World) -> None:
    codes = many_committees(world)
    text = open_home(world, "sara")
    within_limits(world.slack.home("sara").blocks, 100)  # type: ignore[union-attr]
    assert f"{COMMITTEES} nämnder" in text and "sida 1 av 7" in text
    assert f"*{codes[0]}*" in str(world.slack.home("sara").blocks)  # type: ignore[union-attr]
    assert codes[-1] not in text
    seen: set[str] = set()
    for page in range(2, 8):
        world.click("sara", "home", "Nästa ▶")
        view = world.slack.home("sara")
        assert view is not None
        within_limits(view.blocks, 100)
        text = world.home_text("sara")
        assert f"sida {page} av 7" in text
        seen.update(code for code in codes if f"*{code}*" in str(view.blocks))
    assert codes[-1] in seen and "Nästa ▶" not in world.home_text("sara")
    world.click("sara", "home", "◀ Föregående")
    assert "sida 6 av 7" in world.home_text("sara")


def test_the_committee_list_pages_and_reaches_the_last(world: World) -> None:
    codes = many_committees(world)
    world.run("admin", "allmant", "/atagande nämnd")
    message = world.last("admin", "allmant")
    within_limits(message.blocks, 50)
    text = world.slack.render_message(message)
    assert f"{COMMITTEES} nämnder" in text and "sida 1 av 7" in text
    assert codes[0] in text and codes[-1] not in text
    for page in range(2, 8):
        world.click("admin", world.last("admin", "allmant"), "Nästa ▶")
        message = world.last("admin", "allmant")
        within_limits(message.blocks, 50)
        assert f"sida {page} av 7" in world.slack.render_message(message)
    assert codes[-1] in world.slack.render_message(message)
    # The page replaced the list: one list in the channel, not seven.
    lists = [t for t in world.ephemeral_of("admin", "allmant") if "nämnder" in t]
    assert len(lists) == 1
