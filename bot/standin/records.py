"""The records of the stand-in's workspace: the team, its people, conversations and messages.

Each record gives its Slack JSON form (``to_slack``); the `Workspace` keeps them.
"""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

__all__ = [
    "DEFAULT_TZ",
    "SLACKBOT_ID",
    "Channel",
    "JsonDict",
    "Message",
    "StateValues",
    "Team",
    "User",
    "ts_key",
]

JsonDict = dict[str, Any]
# block_id -> action_id -> the element's value as Slack reports it in ``state.values``.
StateValues = dict[str, dict[str, JsonDict]]

SLACKBOT_ID = "USLACKBOT"
DEFAULT_TZ = "Europe/Stockholm"

_TZ_LABELS = {"CET": "Central European Time", "CEST": "Central European Summer Time"}


def _normalized(name: str) -> str:
    # Slack's *_normalized fields drop diacritics: "Åsa Öberg" -> "Asa Oberg".
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass
class Team:
    """The workspace itself (``T…``)."""

    id: str
    name: str
    domain: str

    @property
    def url(self) -> str:
        """The workspace URL, ``https://<domain>.slack.com/``."""
        return f"https://{self.domain}.slack.com/"


@dataclass
class User:
    """A member of the workspace (``U…``); the bot user is one too (``is_bot``)."""

    id: str
    team_id: str
    name: str
    real_name: str
    display_name: str = ""
    is_admin: bool = False
    is_owner: bool = False
    is_primary_owner: bool = False
    is_restricted: bool = False  # a guest (multi-channel, or single-channel when also ultra)
    is_ultra_restricted: bool = False
    deleted: bool = False
    is_bot: bool = False
    tz: str = DEFAULT_TZ
    bot_id: str | None = None
    app_id: str | None = None
    updated: int = 0

    def to_slack(self, now: float) -> JsonDict:
        """The user object as ``users.info`` / ``users.list`` return it."""
        zone = ZoneInfo(self.tz)
        local = datetime.fromtimestamp(now, zone)
        offset = local.utcoffset()
        tz_name = local.tzname() or self.tz
        first, _, last = self.real_name.partition(" ")
        profile: JsonDict = {
            "title": "",
            "phone": "",
            "skype": "",
            "real_name": self.real_name,
            "real_name_normalized": _normalized(self.real_name),
            "display_name": self.display_name,
            "display_name_normalized": _normalized(self.display_name),
            "fields": None,
            "status_text": "",
            "status_emoji": "",
            "status_expiration": 0,
            "avatar_hash": "g" + self.id[-11:].lower(),
            "first_name": first,
            "last_name": last,
            "image_24": f"https://secure.gravatar.com/avatar/{self.id}.jpg?s=24",
            "image_48": f"https://secure.gravatar.com/avatar/{self.id}.jpg?s=48",
            "image_72": f"https://secure.gravatar.com/avatar/{self.id}.jpg?s=72",
            "team": self.team_id,
        }
        if self.is_bot:
            profile["bot_id"] = self.bot_id
            profile["api_app_id"] = self.app_id or ""
            profile["always_active"] = True
        return {
            "id": self.id,
            "team_id": self.team_id,
            "name": self.name,
            "deleted": self.deleted,
            "color": "9f69e7",
            "real_name": self.real_name,
            "tz": self.tz,
            "tz_label": _TZ_LABELS.get(tz_name, tz_name),
            "tz_offset": int(offset.total_seconds()) if offset is not None else 0,
            "profile": profile,
            "is_admin": self.is_admin,
            "is_owner": self.is_owner,
            "is_primary_owner": self.is_primary_owner,
            "is_restricted": self.is_restricted,
            "is_ultra_restricted": self.is_ultra_restricted,
            "is_bot": self.is_bot,
            "is_app_user": False,
            "updated": self.updated,
            "is_email_confirmed": not self.is_bot,
            "who_can_share_contact_card": "EVERYONE",
        }


@dataclass
class Message:
    """A message in a channel, or an ephemeral one only ``ephemeral_to`` sees.

    ``user`` is the author (the bot user's id for the bot's messages, which also
    carry ``bot_id``). ``state`` holds what the viewer picked in the message's
    selects and pickers, reported back in ``block_actions`` payloads.
    """

    channel: str
    ts: str
    text: str = ""
    blocks: list[JsonDict] = field(default_factory=list)
    user: str | None = None
    bot_id: str | None = None
    app_id: str | None = None
    team: str | None = None
    thread_ts: str | None = None
    subtype: str | None = None
    edited: JsonDict | None = None
    ephemeral_to: str | None = None
    files: list[JsonDict] = field(default_factory=list)
    attachments: list[JsonDict] = field(default_factory=list)
    metadata: JsonDict | None = None
    state: StateValues = field(default_factory=dict)
    client_msg_id: str | None = None

    @property
    def is_ephemeral(self) -> bool:
        """True for a message only one user sees (``chat.postEphemeral``, command replies)."""
        return self.ephemeral_to is not None

    @property
    def is_reply(self) -> bool:
        """True for a reply inside a thread (not the thread's parent)."""
        return self.thread_ts is not None and self.thread_ts != self.ts

    def to_slack(self, bot_profile: JsonDict | None = None) -> JsonDict:
        """The message object as Slack puts it in API responses and payloads."""
        body: JsonDict = {"type": "message", "text": self.text, "ts": self.ts}
        if self.subtype is not None:
            body["subtype"] = self.subtype
        if self.user is not None:
            body["user"] = self.user
        if self.bot_id is not None:
            body["bot_id"] = self.bot_id
            body["app_id"] = self.app_id
            if bot_profile is not None:
                body["bot_profile"] = bot_profile
        if self.client_msg_id is not None:
            body["client_msg_id"] = self.client_msg_id
        if self.team is not None:
            body["team"] = self.team
        if self.blocks:
            body["blocks"] = copy.deepcopy(self.blocks)
        if self.attachments:
            body["attachments"] = copy.deepcopy(self.attachments)
        if self.files:
            body["files"] = copy.deepcopy(self.files)
            body["upload"] = False
        if self.thread_ts is not None:
            body["thread_ts"] = self.thread_ts
        if self.edited is not None:
            body["edited"] = dict(self.edited)
        if self.metadata is not None:
            body["metadata"] = copy.deepcopy(self.metadata)
        return body


@dataclass
class Channel:
    """A conversation: public or private channel (``C…``) or a DM with the bot (``D…``)."""

    id: str
    name: str
    created: int
    creator: str
    is_private: bool = False
    is_im: bool = False
    is_mpim: bool = False
    is_archived: bool = False
    members: list[str] = field(default_factory=list)
    im_user: str | None = None
    topic: str = ""
    purpose: str = ""
    messages: list[Message] = field(default_factory=list)
    ephemerals: list[Message] = field(default_factory=list)

    def to_slack(self, *, team_id: str, bot_user_id: str, now: float, num_members: bool = False) -> JsonDict:
        """The conversation object as ``conversations.info`` returns it to the bot."""
        if self.is_im:
            return {
                "id": self.id,
                "created": self.created,
                "is_archived": self.is_archived,
                "is_im": True,
                "is_org_shared": False,
                "context_team_id": team_id,
                "updated": int(now * 1000),
                "user": self.im_user,
                "is_user_deleted": False,
                "priority": 0,
                "is_open": True,
                "last_read": "0000000000.000000",
            }
        body: JsonDict = {
            "id": self.id,
            "name": self.name,
            "is_channel": not self.is_mpim,
            "is_group": False,
            "is_im": False,
            "is_mpim": self.is_mpim,
            "is_private": self.is_private or self.is_mpim,
            "created": self.created,
            "is_archived": self.is_archived,
            "is_general": False,
            "unlinked": 0,
            "name_normalized": self.name,
            "is_shared": False,
            "is_org_shared": False,
            "is_pending_ext_shared": False,
            "pending_shared": [],
            "context_team_id": team_id,
            "updated": int(now * 1000),
            "parent_conversation": None,
            "creator": self.creator,
            "is_ext_shared": False,
            "shared_team_ids": [team_id],
            "pending_connected_team_ids": [],
            "is_member": bot_user_id in self.members,
            "topic": {"value": self.topic, "creator": "", "last_set": 0},
            "purpose": {"value": self.purpose, "creator": "", "last_set": 0},
            "previous_names": [],
        }
        if num_members:
            body["num_members"] = len(self.members)
        return body


def ts_key(ts: str) -> tuple[int, int]:
    """Sort key for Slack ts strings (numeric, not lexical)."""
    seconds, _, micros = ts.partition(".")
    return int(seconds), int(micros or 0)
