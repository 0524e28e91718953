"""The real bot, driven through the local Slack stand-in over Socket Mode and HTTP.

Every scenario runs twice: once over a real Socket Mode connection, once over
real signed HTTP requests. The stand-in checks every Web API call against
Slack's reference in ``../shared/slack-api-ref``; a missing reference fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bot.clock import ManualClock
from bot.local_slack import LocalBot, Mode
from bot.standin import SlackStandIn
from tests.conftest import SHARED

REFERENCE = SHARED / "slack-api-ref"


@dataclass
class World:
    """The bot and a small workspace: an admin, a secretary, an owner, a bystander."""

    bot: LocalBot
    slack: SlackStandIn
    clock: ManualClock

    def run(self, user: str, channel: str, text: str) -> None:
        """Type a slash command and wait for the bot to finish."""
        command, _, rest = text.partition(" ")
        interaction = self.slack.slash_command(user, channel, command, rest)
        assert interaction.acked, f"{text!r} was not acknowledged"
        self.bot.settle()

    def last_text(self, user: str, channel: str) -> str:
        message = self.slack.latest_visible(user, channel)
        assert message is not None
        return self.slack.render_message(message)

    def setup_bun(self) -> None:
        self.run("admin", "bun", "/atagande nämnd ny BUN Barn- och utbildningsnämnden")
        self.run("admin", "bun", "/atagande nämnd sekreterare BUN @sara")
        self.run("sara", "bun", "/atagande kanal BUN")


@pytest.fixture(params=["socket", "http"])
def world(request: pytest.FixtureRequest, database_url: str, clock: ManualClock) -> Iterator[World]:
    assert REFERENCE.is_dir(), f"Slack's API reference is missing at {REFERENCE}"
    mode: Mode = request.param
    bot = LocalBot(database_url=database_url, clock=clock, mode=mode, reference_dir=REFERENCE)
    slack = bot.slack
    slack.start()
    slack.add_user("admin", real_name="Alex Admin", is_admin=True)
    for name, real in (("sara", "Sara Sekreterare"), ("anna", "Anna Andersson"), ("olle", "Olle Olsson")):
        slack.add_user(name, real_name=real)
    slack.add_channel("bun", members=["admin", "sara", "anna", "olle"])
    slack.add_channel("allmant", members=["admin", "sara", "anna", "olle"])
    bot.start()
    try:
        yield World(bot=bot, slack=slack, clock=clock)
        assert slack.problems == [], slack.problems
    finally:
        bot.stop()
