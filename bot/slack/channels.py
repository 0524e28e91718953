"""The bot's membership of channels, through the Web API.

A public channel the bot is not in takes its messages (``chat:write.public``) but answers
``not_in_channel`` to ``conversations.history`` and to sharing a file, so the bot joins a public
channel (``conversations.join``, scope ``channels:join``) when a committee is bound to it, and joins
late when it meets ``not_in_channel`` in a channel bound before it did. A private channel cannot be
joined (``method_not_supported_for_channel_type``): someone in it invites the bot.
See https://docs.slack.dev/reference/methods/conversations.join/.
"""

from __future__ import annotations

import logging
from typing import TypeVar

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services.channels import Membership

log = logging.getLogger(__name__)

T = TypeVar("T")

# What conversations.join answers for a conversation the bot cannot join by itself.
_NOT_JOINABLE = ("method_not_supported_for_channel_type", "channel_not_found")
# What reading a conversation answers when the bot is not in it (a private one is invisible to it).
_NOT_A_MEMBER = ("not_in_channel", "channel_not_found")


def _error(exc: SlackApiError) -> str:
    return str(exc.response.get("error") or "")


class SlackChannelAccess:
    """:class:`~bot.services.channels.ChannelAccess` backed by the Web API."""

    def __init__(self, client: WebClient) -> None:
        self._client = client

    def ensure_member(self, channel_id: str) -> Membership:
        """Join a public channel; for a private one (or a group DM), say whether the bot was invited.

        Raises:
            SlackApiError: anything else Slack answers (the caller's guard shows one sentence).
        """
        try:
            self._client.conversations_join(channel=channel_id)
            return Membership.MEMBER
        except SlackApiError as exc:
            if _error(exc) == "is_archived":
                return Membership.ARCHIVED
            if _error(exc) not in _NOT_JOINABLE:
                raise
        # Not joinable: the bot is in it only if invited. Reading one message tells, with the
        # groups:history scope the bot has anyway (a private channel it is not in is invisible).
        try:
            self._client.conversations_history(channel=channel_id, limit=1)
        except SlackApiError as exc:
            if _error(exc) in _NOT_A_MEMBER:
                return Membership.NEEDS_INVITE
            raise
        return Membership.MEMBER
