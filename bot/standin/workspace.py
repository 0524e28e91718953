"""The stand-in's Slack workspace: team, people, channels, messages, views, triggers, files.

Everything Slack would remember between two calls lives here, behind one lock
(``Workspace.lock``). The Web API, Socket Mode, HTTP delivery and the user side all
read and change it; tests read it through the facade (``SlackStandIn``).
"""

from __future__ import annotations

import copy
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from bot.standin.ids import IdFactory, TimestampSource, random_secret

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
    is_restricted: bool = False
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
            "is_ultra_restricted": False,
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


@dataclass
class View:
    """A modal on a user's stack, or a user's Home tab (``type`` ``"modal"`` / ``"home"``).

    ``state`` holds what the user has filled in; ``errors`` are the messages the
    app returned with ``response_action: errors`` (block_id -> text), shown under
    the fields until the next submission.
    """

    id: str
    team_id: str
    user_id: str
    type: str
    blocks: list[JsonDict]
    hash: str
    app_id: str
    bot_id: str
    title: JsonDict | None = None
    submit: JsonDict | None = None
    close: JsonDict | None = None
    callback_id: str = ""
    private_metadata: str = ""
    external_id: str = ""
    clear_on_close: bool = False
    notify_on_close: bool = False
    submit_disabled: bool = False
    root_view_id: str | None = None
    previous_view_id: str | None = None
    state: StateValues = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def to_slack(self) -> JsonDict:
        """The view object as Slack returns it from ``views.*`` and sends it in payloads."""
        return {
            "id": self.id,
            "team_id": self.team_id,
            "type": self.type,
            "blocks": copy.deepcopy(self.blocks),
            "private_metadata": self.private_metadata,
            "callback_id": self.callback_id,
            "state": {"values": copy.deepcopy(self.state)},
            "hash": self.hash,
            "title": copy.deepcopy(self.title),
            "clear_on_close": self.clear_on_close,
            "notify_on_close": self.notify_on_close,
            "close": copy.deepcopy(self.close),
            "submit": copy.deepcopy(self.submit),
            "previous_view_id": self.previous_view_id,
            "root_view_id": self.root_view_id or self.id,
            "app_id": self.app_id,
            "external_id": self.external_id,
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }


@dataclass
class Trigger:
    """A trigger_id handed to the app with an interaction; it opens at most one view."""

    id: str
    user_id: str
    issued_at: float
    used: bool = False


ResponseUrlKind = Literal["commands", "actions"]


@dataclass
class ResponseUrl:
    """A response_url handed to the app: 5 uses within 30 minutes.

    ``source_ts`` is the message the interaction came from (so ``replace_original``
    and ``delete_original`` know what to change); None for slash commands.
    """

    url: str
    kind: ResponseUrlKind
    user_id: str
    channel_id: str
    issued_at: float
    source_ts: str | None = None
    source_ephemeral: bool = False
    uses: int = 0


@dataclass
class StoredFile:
    """A file the app uploaded (files.getUploadURLExternal …) or a user shared."""

    id: str
    name: str
    title: str
    declared_length: int
    user: str
    created: int
    upload_secret: str
    alt_txt: str = ""
    snippet_type: str = ""
    content: bytes | None = None
    completed: bool = False
    channels: list[str] = field(default_factory=list)

    def to_slack(self, *, team_id: str, base_url: str, team_domain: str) -> JsonDict:
        """The file object as ``files.info`` returns it."""
        extension = self.name.rsplit(".", 1)[-1].lower() if "." in self.name else "text"
        private = f"{base_url}files-pri/{team_id}-{self.id}/{self.name}"
        return {
            "id": self.id,
            "created": self.created,
            "timestamp": self.created,
            "name": self.name,
            "title": self.title,
            "mimetype": _MIMETYPES.get(extension, "application/octet-stream"),
            "filetype": extension,
            "pretty_type": extension.upper(),
            "user": self.user,
            "user_team": team_id,
            "editable": False,
            "size": len(self.content) if self.content is not None else self.declared_length,
            "mode": "hosted",
            "is_external": False,
            "external_type": "",
            "is_public": bool(self.channels),
            "public_url_shared": False,
            "display_as_bot": False,
            "username": "",
            "url_private": private,
            "url_private_download": f"{base_url}files-pri/{team_id}-{self.id}/download/{self.name}",
            "permalink": f"https://{team_domain}.slack.com/files/{self.user}/{self.id}/{self.name}",
            "channels": [c for c in self.channels if not c.startswith("D")],
            "groups": [],
            "ims": [c for c in self.channels if c.startswith("D")],
            "comments_count": 0,
            "alt_txt": self.alt_txt,
        }


_MIMETYPES = {
    "txt": "text/plain",
    "csv": "text/csv",
    "md": "text/markdown",
    "pdf": "application/pdf",
    "json": "application/json",
    "ics": "text/calendar",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
}


class Workspace:
    """All state of the stand-in's Slack workspace.

    Public mutators take ``lock`` themselves (it is re-entrant); code that reads
    several things that must agree holds ``with workspace.lock:`` around them.
    ``changed`` is notified after mutations so waiters (``wait_for``) wake up.

    Args:
        now: the stand-in clock (Unix seconds); message ts, event_time and expiry use it.
        team_name, team_domain: the workspace's name and ``<domain>.slack.com``.
        bot_name: the bot user's ``name``.
        trigger_ttl: seconds a trigger_id stays valid (Slack: 3); None never expires.
    """

    response_url_ttl: float = 30 * 60
    response_url_uses: int = 5
    modal_stack_limit: int = 3

    def __init__(
        self,
        *,
        now: Callable[[], float] = time.time,
        team_name: str = "Exempel kommun",
        team_domain: str = "exempelkommun",
        bot_name: str = "atagandeboten",
        trigger_ttl: float | None = 3.0,
    ) -> None:
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.now = now
        self.ids = IdFactory()
        self._timestamps = TimestampSource()
        self.trigger_ttl = trigger_ttl
        # Set by the server once it listens: http://127.0.0.1:PORT/
        self.base_url = ""
        self.team = Team(id=self.ids.next("T"), name=team_name, domain=team_domain)
        self.app_id = self.ids.next("A")
        self.bot_id = self.ids.next("B")
        self.users: dict[str, User] = {}
        self.channels: dict[str, Channel] = {}
        self.views: dict[str, View] = {}
        self.modal_stacks: dict[str, list[str]] = {}
        self.homes: dict[str, str] = {}
        self.triggers: dict[str, Trigger] = {}
        self.response_urls: dict[str, ResponseUrl] = {}
        self.files: dict[str, StoredFile] = {}
        self.slackbot = User(id=SLACKBOT_ID, team_id=self.team.id, name="slackbot", real_name="Slackbot", is_bot=False)
        self.users[SLACKBOT_ID] = self.slackbot
        self.bot_user = User(
            id=self.ids.next("U"),
            team_id=self.team.id,
            name=bot_name,
            real_name=bot_name,
            is_bot=True,
            bot_id=self.bot_id,
            app_id=self.app_id,
        )
        self.users[self.bot_user.id] = self.bot_user

    # -- change notification --------------------------------------------------

    def notify(self) -> None:
        """Wake everybody waiting in ``wait_for``; call after changing state."""
        with self.changed:
            self.changed.notify_all()

    def wait_for(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """Block until ``predicate()`` (evaluated under the lock) is true; False on timeout."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                # Short slices: a mutation that forgot to notify still gets noticed.
                self.changed.wait(min(remaining, 0.05))
        return True

    # -- time and ids -----------------------------------------------------------

    def next_ts(self) -> str:
        """A fresh message ts from the stand-in clock, later than every earlier one."""
        return self._timestamps.next(self.now())

    @property
    def bot_profile(self) -> JsonDict:
        """The ``bot_profile`` Slack attaches to the bot's messages."""
        return {
            "id": self.bot_id,
            "deleted": False,
            "name": self.bot_user.name,
            "updated": 0,
            "app_id": self.app_id,
            "icons": {"image_36": "", "image_48": "", "image_72": ""},
            "team_id": self.team.id,
        }

    # -- people -------------------------------------------------------------------

    def add_user(
        self,
        name: str,
        *,
        real_name: str | None = None,
        display_name: str = "",
        is_admin: bool = False,
        is_owner: bool = False,
        is_bot: bool = False,
        deleted: bool = False,
        tz: str = DEFAULT_TZ,
        user_id: str | None = None,
    ) -> User:
        """Add a member called ``name`` (unique) and return it.

        ``user_id`` fixes the id (the console keeps ids stable across runs).
        """
        with self.lock:
            if self.find_user(name) is not None or (user_id is not None and user_id in self.users):
                raise ValueError(f"a user called {name!r} already exists")
            user = User(
                id=user_id or self.ids.next("U"),
                team_id=self.team.id,
                name=name,
                real_name=real_name if real_name is not None else name.capitalize(),
                display_name=display_name,
                is_admin=is_admin,
                is_owner=is_owner,
                is_primary_owner=False,
                is_bot=is_bot,
                deleted=deleted,
                tz=tz,
                bot_id=self.ids.next("B") if is_bot else None,
                updated=int(self.now()),
            )
            self.users[user.id] = user
            self.notify()
            return user

    def find_user(self, key: str) -> User | None:
        """The user with id ``key`` or name ``key`` (a leading ``@`` is ignored), or None.

        A name is matched as Slack matches handles, without regard to case ("@Anna" is anna).
        """
        with self.lock:
            if key in self.users:
                return self.users[key]
            name = key.removeprefix("@")
            exact = next((user for user in self.users.values() if user.name == name), None)
            if exact is not None:
                return exact
            folded = name.casefold()
            return next((user for user in self.users.values() if user.name.casefold() == folded), None)

    def user(self, key: str | User) -> User:
        """Like ``find_user`` but raises ``KeyError`` naming the missing user."""
        if isinstance(key, User):
            return key
        found = self.find_user(key)
        if found is None:
            raise KeyError(f"no user {key!r} in the stand-in workspace")
        return found

    # -- conversations --------------------------------------------------------------

    def add_channel(
        self,
        name: str,
        *,
        is_private: bool = False,
        members: Iterable[str | User] = (),
        bot_is_member: bool = True,
        topic: str = "",
        purpose: str = "",
        channel_id: str | None = None,
    ) -> Channel:
        """Add a channel called ``name`` with ``members`` (names, ids or users) and return it.

        The bot is a member unless ``bot_is_member`` is False (to test ``not_in_channel``).
        """
        with self.lock:
            name = name.removeprefix("#")
            if self.find_channel(name) is not None:
                raise ValueError(f"a channel called {name!r} already exists")
            member_ids = [self.user(member).id for member in members]
            if bot_is_member and self.bot_user.id not in member_ids:
                member_ids.append(self.bot_user.id)
            if channel_id is not None and channel_id in self.channels:
                raise ValueError(f"a channel with id {channel_id!r} already exists")
            channel = Channel(
                id=channel_id or self.ids.next("C"),
                name=name,
                created=int(self.now()),
                creator=member_ids[0] if member_ids else self.bot_user.id,
                is_private=is_private,
                members=member_ids,
                topic=topic,
                purpose=purpose,
            )
            self.channels[channel.id] = channel
            self.notify()
            return channel

    def find_channel(self, key: str) -> Channel | None:
        """The conversation with id ``key`` or name ``key`` (``#`` optional), or None."""
        with self.lock:
            if key in self.channels:
                return self.channels[key]
            name = key.removeprefix("#")
            return next(
                (c for c in self.channels.values() if c.name == name and not c.is_im),
                None,
            )

    def channel(self, key: str | Channel) -> Channel:
        """Like ``find_channel`` but raises ``KeyError`` naming the missing channel."""
        if isinstance(key, Channel):
            return key
        found = self.find_channel(key)
        if found is None:
            raise KeyError(f"no channel {key!r} in the stand-in workspace")
        return found

    def join(self, channel: str | Channel, user: str | User) -> None:
        """Make ``user`` (possibly the bot) a member of ``channel``."""
        with self.lock:
            conversation = self.channel(channel)
            member = self.user(user)
            if member.id not in conversation.members:
                conversation.members.append(member.id)
            self.notify()

    def leave(self, channel: str | Channel, user: str | User) -> None:
        """Remove ``user`` (possibly the bot) from ``channel``."""
        with self.lock:
            conversation = self.channel(channel)
            member = self.user(user)
            if member.id in conversation.members:
                conversation.members.remove(member.id)
            self.notify()

    def dm(self, user: str | User) -> Channel:
        """The DM between the bot and ``user`` (the app's Messages tab), created on first use."""
        with self.lock:
            person = self.user(user)
            for channel in self.channels.values():
                if channel.is_im and channel.im_user == person.id:
                    return channel
            channel = Channel(
                id=self.ids.next("D"),
                name=person.id,
                created=int(self.now()),
                creator=self.bot_user.id,
                is_im=True,
                members=[person.id, self.bot_user.id],
                im_user=person.id,
            )
            self.channels[channel.id] = channel
            self.notify()
            return channel

    def add_mpim(self, users: list[User]) -> Channel:
        """A group DM between the bot and ``users``, created on first use."""
        with self.lock:
            wanted = {user.id for user in users} | {self.bot_user.id}
            for channel in self.channels.values():
                if channel.is_mpim and set(channel.members) == wanted:
                    return channel
            names = "--".join(sorted(user.name for user in users))
            channel = Channel(
                id=self.ids.next("G"),
                name=f"mpdm-{names}-1",
                created=int(self.now()),
                creator=self.bot_user.id,
                is_private=True,
                is_mpim=True,
                members=sorted(wanted),
            )
            self.channels[channel.id] = channel
            self.notify()
            return channel

    def can_see(self, user_id: str, channel: Channel) -> bool:
        """True if ``user_id`` can read ``channel`` (members; anyone for public channels)."""
        if channel.is_im or channel.is_mpim or channel.is_private:
            return user_id in channel.members
        return True

    # -- messages -------------------------------------------------------------------

    def add_message(self, message: Message) -> Message:
        """Store ``message`` in its channel (or as an ephemeral) and return it."""
        with self.lock:
            channel = self.channels[message.channel]
            (channel.ephemerals if message.is_ephemeral else channel.messages).append(message)
            self.notify()
            return message

    def find_message(self, channel_id: str, ts: str) -> Message | None:
        """The channel message with ``ts`` (not ephemerals), or None."""
        with self.lock:
            channel = self.channels.get(channel_id)
            if channel is None:
                return None
            return next((m for m in channel.messages if m.ts == ts), None)

    def find_ephemeral(self, channel_id: str, user_id: str, ts: str) -> Message | None:
        """The ephemeral message ``ts`` shown to ``user_id`` in ``channel_id``, or None."""
        with self.lock:
            channel = self.channels.get(channel_id)
            if channel is None:
                return None
            return next(
                (m for m in channel.ephemerals if m.ts == ts and m.ephemeral_to == user_id),
                None,
            )

    def remove_message(self, message: Message) -> None:
        """Delete ``message`` (channel message or ephemeral)."""
        with self.lock:
            channel = self.channels[message.channel]
            pool = channel.ephemerals if message.is_ephemeral else channel.messages
            if message in pool:
                pool.remove(message)
            self.notify()

    def visible_messages(self, user_id: str, channel_id: str) -> list[Message]:
        """Messages ``user_id`` sees in ``channel_id``: channel messages and their ephemerals, by ts."""
        with self.lock:
            channel = self.channels[channel_id]
            if not self.can_see(user_id, channel):
                return []
            seen = [*channel.messages, *(m for m in channel.ephemerals if m.ephemeral_to == user_id)]
            return [copy.deepcopy(m) for m in sorted(seen, key=lambda m: ts_key(m.ts))]

    def latest_visible(self, user_id: str) -> Message | None:
        """The newest message ``user_id`` can see in any conversation they are in, or None."""
        with self.lock:
            newest: Message | None = None
            for channel in self.channels.values():
                if user_id not in channel.members:
                    continue
                for message in self.visible_messages(user_id, channel.id):
                    if newest is None or ts_key(message.ts) > ts_key(newest.ts):
                        newest = message
            return newest

    # -- views ------------------------------------------------------------------------

    def new_view_hash(self) -> str:
        """A fresh view hash (``"1700000000.a1b2c3d4"``)."""
        return f"{int(self.now())}.{random_secret(8)}"

    def modal_stack(self, user_id: str) -> list[View]:
        """The user's open modals, bottom first (at most three)."""
        with self.lock:
            return [self.views[view_id] for view_id in self.modal_stacks.get(user_id, [])]

    def top_modal(self, user_id: str) -> View | None:
        """The modal the user is looking at, or None."""
        stack = self.modal_stack(user_id)
        return stack[-1] if stack else None

    def home_view(self, user_id: str) -> View | None:
        """The Home tab the app published for ``user_id``, or None."""
        with self.lock:
            view_id = self.homes.get(user_id)
            return self.views.get(view_id) if view_id is not None else None

    def push_modal(self, view: View, *, replace_stack: bool) -> None:
        """Show ``view`` to its user: on top of the stack, or as the only modal."""
        with self.lock:
            stack = [] if replace_stack else self.modal_stacks.get(view.user_id, [])
            if replace_stack:
                for old in self.modal_stacks.get(view.user_id, []):
                    self.views.pop(old, None)
            if stack:
                view.previous_view_id = stack[-1]
                view.root_view_id = stack[0]
            else:
                view.root_view_id = view.id
            self.views[view.id] = view
            self.modal_stacks[view.user_id] = [*stack, view.id]
            self.notify()

    def pop_modal(self, user_id: str) -> View | None:
        """Close the top modal of ``user_id`` and return it."""
        with self.lock:
            stack = self.modal_stacks.get(user_id, [])
            if not stack:
                return None
            view = self.views.pop(stack.pop())
            if not stack:
                self.modal_stacks.pop(user_id, None)
            self.notify()
            return view

    def clear_modals(self, user_id: str) -> list[View]:
        """Close every modal of ``user_id``; returns them, top first."""
        with self.lock:
            closed = []
            while (view := self.pop_modal(user_id)) is not None:
                closed.append(view)
            return closed

    def publish_home(self, view: View) -> None:
        """Make ``view`` the Home tab of its user (replacing the previous one)."""
        with self.lock:
            old = self.homes.get(view.user_id)
            if old is not None:
                self.views.pop(old, None)
            self.views[view.id] = view
            self.homes[view.user_id] = view.id
            self.notify()

    # -- triggers and response_urls -----------------------------------------------------

    def issue_trigger(self, user_id: str) -> str:
        """A new trigger_id for an interaction by ``user_id``."""
        with self.lock:
            now = self.now()
            trigger_id = f"{int(now)}.{int(self.team.id[1:], 36)}.{random_secret(32)}"
            self.triggers[trigger_id] = Trigger(id=trigger_id, user_id=user_id, issued_at=now)
            return trigger_id

    def redeem_trigger(self, trigger_id: str) -> Trigger | str:
        """Use ``trigger_id`` once: the trigger, or the Slack error why it cannot be used."""
        with self.lock:
            trigger = self.triggers.get(trigger_id)
            if trigger is None:
                return "invalid_trigger_id"
            if trigger.used:
                return "exchanged_trigger_id"
            if self.trigger_ttl is not None and self.now() - trigger.issued_at > self.trigger_ttl:
                return "expired_trigger_id"
            trigger.used = True
            return trigger

    def issue_response_url(
        self,
        kind: ResponseUrlKind,
        *,
        user_id: str,
        channel_id: str,
        source_ts: str | None = None,
        source_ephemeral: bool = False,
    ) -> str:
        """A new response_url like ``http://127.0.0.1:PORT/commands/T…/1234/secret``."""
        with self.lock:
            if not self.base_url:
                raise RuntimeError("the stand-in is not started; response_urls need its HTTP server")
            serial = len(self.response_urls) + 1
            url = f"{self.base_url}{kind}/{self.team.id}/{serial}/{random_secret(24)}"
            self.response_urls[url] = ResponseUrl(
                url=url,
                kind=kind,
                user_id=user_id,
                channel_id=channel_id,
                issued_at=self.now(),
                source_ts=source_ts,
                source_ephemeral=source_ephemeral,
            )
            return url


def ts_key(ts: str) -> tuple[int, int]:
    """Sort key for Slack ts strings (numeric, not lexical)."""
    seconds, _, micros = ts.partition(".")
    return int(seconds), int(micros or 0)
