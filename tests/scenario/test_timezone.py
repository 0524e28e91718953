"""Times people read are in the zone the bot is set to run in (ATAGANDE_TIMEZONE), not always Stockholm's."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from tests.scenario.conftest import World

# An hour ahead of Stockholm all year: both keep EU summer time.
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def clock() -> ManualClock:
    # The world's Settings take their zone from this clock, as ATAGANDE_TIMEZONE=Europe/Helsinki would give it.
    return ManualClock(datetime(2027, 1, 11, 9, 0, tzinfo=HELSINKI), HELSINKI)


def test_the_history_on_a_card_tells_the_time_of_the_configured_zone(world: World) -> None:
    world.quick_committee()
    ref = world.add("Revidera den lokala BUS-överenskommelsen", announce=True)
    world.at("2027-01-12T14:05")
    world.click("anna", world.card(ref), "Pågår enligt plan")
    world.run("olle", "bun", f"/atagande visa {ref}")
    answered = [line for line in world.last_text("olle", "bun").splitlines() if "satte status Pågår" in line]
    assert len(answered) == 1, answered
    # 14.05 in Helsinki is 13.05 in Stockholm.
    assert "12 januari 2027 kl. 14.05" in answered[0]
