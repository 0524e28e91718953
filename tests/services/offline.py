"""Services for the service tests, without Slack: a user directory that knows given people, or everyone."""

from __future__ import annotations

from collections.abc import Mapping

from bot.clock import ManualClock
from bot.config import Settings
from bot.services.channels import Membership
from bot.services.context import Services
from bot.services.people import SlackUser
from bot.texts import Texts
from storage.db import Database


class KnownPeople:
    """Slack's users as a test needs them: those in `people`, or (without) anyone, as "Person <id>"."""

    def __init__(self, people: Mapping[str, SlackUser] | None = None) -> None:
        self._people = people

    def get(self, user_id: str) -> SlackUser | None:
        if self._people is None:
            return SlackUser(id=user_id, name=user_id.lower(), real_name=f"Person {user_id}")
        return self._people.get(user_id)


class InvitedEverywhere:
    """Channels as the service tests need them: the bot is (or becomes) a member of every one."""

    def __init__(self) -> None:
        self.joined: list[str] = []

    def ensure_member(self, channel_id: str) -> Membership:
        self.joined.append(channel_id)
        return Membership.MEMBER


def offline_services(
    db: Database,
    clock: ManualClock,
    *,
    people: Mapping[str, SlackUser] | None = None,
    admins: frozenset[str] = frozenset(),
) -> Services:
    settings = Settings(database_url="", timezone=clock.tz, slack_api_url="", bot_token="", admins=admins)
    return Services(
        settings=settings,
        db=db,
        clock=clock,
        texts=Texts(clock.tz),
        users=KnownPeople(people),
        channels=InvitedEverywhere(),
    )
