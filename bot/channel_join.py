"""Web API calls that need the bot in the channel: join a public channel it is not in, and call again.

A public channel bound to a committee before binding made the bot join it answers
``not_in_channel`` to ``conversations.history`` and to sharing a file. The outbox, the follow-up
pack and the chart meet that; this joins (``conversations.join``, scope ``channels:join``) and
tries once more. A leaf module: the outbox and the handlers use it without importing each other.
See https://docs.slack.dev/reference/methods/conversations.join/.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

T = TypeVar("T")


def joining_if_needed(client: WebClient, channel: str, call: Callable[[], T]) -> T:
    """``call()``; if Slack answers ``not_in_channel`` (a public channel bound before the bot joined
    it), join the channel and call once more. Any other error, or a failed join, is raised."""
    try:
        return call()
    except SlackApiError as exc:
        if str(exc.response.get("error") or "") != "not_in_channel":
            raise
    log.info("the bot was not in %s; joining it and trying again", channel)
    client.conversations_join(channel=channel)
    return call()


def join_before_sharing(client: WebClient, channel: str) -> None:
    """Join ``channel`` before a file is shared there, if it is a public channel the bot is not in.

    Slack refuses a share only after the file is uploaded, so joining after that refusal would leave
    the first upload behind, unshared. A conversation the bot cannot join (private, a DM) is left to
    the share itself, which says why it failed.
    """
    if channel.startswith("D"):
        return
    try:
        client.conversations_join(channel=channel)
    except SlackApiError as exc:
        log.debug("not joining %s before sharing: %s", channel, exc.response.get("error"))
