"""The bot's membership of a committee's channel, as the services need to know it.

Slack lets the bot post to a public channel it is not in (``chat:write.public``), but reading the
channel (the outbox's look-up for a message already sent) and sharing files there (the follow-up
pack, the overview's chart) need membership. So binding a channel makes the bot a member: it joins
a public channel itself, and a private one must invite it (``/invite @Åtagandeboten``).
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol


class Membership(Enum):
    MEMBER = "member"  # the bot is in the channel (it joined, or was invited)
    NEEDS_INVITE = "needs_invite"  # a private channel the bot has not been invited to
    ARCHIVED = "archived"  # nobody can join an archived channel


class ChannelAccess(Protocol):
    """Makes the bot a member of a channel where it can do that itself."""

    def ensure_member(self, channel_id: str) -> Membership: ...
