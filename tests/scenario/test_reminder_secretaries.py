"""A secretary gets one message a day about a commitment, even when a reminder and the escalation fall on one day.

With the default policy the overdue reminder every 7 days and the escalation
after 14 days meet on day 14. When the reminder itself goes to the secretaries
(no owner, or an owner who has left Slack), or the owner is a secretary, both
used to arrive: two DMs about the same commitment on the same morning.
"""

from __future__ import annotations

import pytest

from tests.scenario.conftest import World
from tests.scenario.test_reminders import outbox, reminders_to


def _day_14(world: World, user: str) -> list[str]:
    """What ``user`` got on the morning the overdue reminder and the escalation meet (deadline Friday 30 April)."""
    world.at("2027-01-11 09:05")
    world.at("2027-05-13 08:30")
    before = len(reminders_to(world, user))
    world.at("2027-05-14 08:30")
    return reminders_to(world, user)[before:]


@pytest.mark.parametrize("owner", ["nobody", "left Slack"])
def test_a_commitment_without_an_owner_gives_its_secretary_one_message_a_day(world: World, owner: str) -> None:
    world.quick_committee()
    world.add("Följ upp rutinen för orosanmälan", deadline="2027-04-30", owner=None if owner == "nobody" else "anna")
    if owner == "left Slack":
        world.slack.user("anna").deleted = True
    got = _day_14(world, "sara")
    assert len(got) == 1, got
    assert "14 dagar" in got[0] and "30 april 2027" in got[0]
    assert "[ Byt ansvarig ]" in got[0]
    # The other message of the day is recorded as not sent, and why.
    assert any(key.startswith("escalate:1:2027-04-30") and error == "one_a_day" for key, _, error in outbox(world))


def test_a_secretary_who_owns_the_commitment_gets_one_message_a_day(world: World) -> None:
    world.quick_committee()
    world.add("Följ upp rutinen för orosanmälan", deadline="2027-04-30", owner="sara")
    got = _day_14(world, "sara")
    assert len(got) == 1, got
    assert "14 dagar" in got[0] and "[ Markera som klart ]" in got[0]
