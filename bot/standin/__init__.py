"""A local stand-in for Slack: Web API, Socket Mode, signed HTTP delivery and simulated users.

It is Slack's side of the wire and imports nothing from the rest of the bot. Tests
and ``atagande console`` drive the real Bolt app through it; see ``SlackStandIn``.
"""

from __future__ import annotations

from bot.standin.api_spec import DEFAULT_SCOPES, METHODS
from bot.standin.clock import ManualClock
from bot.standin.delivery import Ack, Envelope
from bot.standin.pacing import ChannelRate
from bot.standin.recording import ApiCall
from bot.standin.render import mrkdwn_to_text, render_message, render_view
from bot.standin.standin import SlackStandIn
from bot.standin.user_side import Interaction, Where
from bot.standin.workspace import Channel, Message, User, View, Workspace

__all__ = [
    "DEFAULT_SCOPES",
    "METHODS",
    "Ack",
    "ApiCall",
    "Channel",
    "ChannelRate",
    "Envelope",
    "Interaction",
    "ManualClock",
    "Message",
    "SlackStandIn",
    "User",
    "View",
    "Where",
    "Workspace",
    "mrkdwn_to_text",
    "render_message",
    "render_view",
]
