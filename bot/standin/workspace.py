"""The stand-in's Slack workspace: team, people, channels, messages, views, triggers, files.

Everything Slack would remember between two calls lives here, behind one lock
(``Workspace.lock``). The Web API, Socket Mode, HTTP delivery and the user side all
read and change it; tests read it through the facade (``SlackStandIn``).

The records it keeps are in `records` (team, people, conversations, messages),
`surfaces` (views, trigger_ids and response_urls, with the part of the
Workspace that keeps them) and `stored_files`.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable, Iterable

from bot.standin.ids import IdFactory, TimestampSource
from bot.standin.records import (
    DEFAULT_TZ,
    SLACKBOT_ID,
    Channel,
    JsonDict,
    Message,
    StateValues,
    Team,
    User,
    ts_key,
)
from bot.standin.stored_files import StoredFile
from bot.standin.surfaces import ResponseUrl, ResponseUrlKind, SurfaceState, Trigger, View

# The records are importable from here too, as the rest of the stand-in and the tests do.
__all__ = [
    "DEFAULT_TZ",
    "SLACKBOT_ID",
    "Channel",
    "JsonDict",
    "Message",
    "ResponseUrl",
    "ResponseUrlKind",
    "StateValues",
    "StoredFile",
    "Team",
    "Trigger",
    "User",
    "View",
    "Workspace",
    "ts_key",
]


class Workspace(SurfaceState):
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
        is_restricted: bool = False,
        is_ultra_restricted: bool = False,
        is_bot: bool = False,
        deleted: bool = False,
        tz: str = DEFAULT_TZ,
        user_id: str | None = None,
    ) -> User:
        """Add a member called ``name`` (unique) and return it.

        ``user_id`` fixes the id (the console keeps ids stable across runs).
        ``is_restricted`` makes a guest; Slack marks a single-channel guest
        (``is_ultra_restricted``) as restricted too.
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
                is_restricted=is_restricted or is_ultra_restricted,
                is_ultra_restricted=is_ultra_restricted,
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
            raise KeyError(f"Det finns ingen användare ”{key}” i arbetsytan")
        return found

    # -- conversations --------------------------------------------------------------

    def add_channel(
        self,
        name: str,
        *,
        is_private: bool = False,
        members: Iterable[str | User] = (),
        bot_is_member: bool = False,
        topic: str = "",
        purpose: str = "",
        channel_id: str | None = None,
    ) -> Channel:
        """Add a channel called ``name`` with ``members`` (names, ids or users) and return it.

        As in Slack, a channel a person creates does not hold the bot: it joins a public one
        itself (``conversations.join``) and must be invited to a private one, which
        ``bot_is_member=True`` stands for.
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
            raise KeyError(f"Det finns ingen kanal ”{key}” i arbetsytan")
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
