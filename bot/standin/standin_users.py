"""What the stand-in's people do and see, as ``SlackStandIn`` offers it, and waiting for the app.

`StandInUsers` is a part of `SlackStandIn`: each action hands over to its
`UserSide`; the waits watch the workspace and the record of calls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.standin.recording import ApiCall, CallLog
from bot.standin.render import render_message, render_view
from bot.standin.user_side import Interaction, UserSide, Where
from bot.standin.workspace import Channel, JsonDict, Message, User, View, Workspace, ts_key

__all__ = ["StandInUsers"]


class StandInUsers:
    """The ``SlackStandIn``'s people: their actions, what they see, and waiting for the app's answer.

    The ``SlackStandIn`` sets up ``workspace``, ``user_side`` and ``log``.
    """

    workspace: Workspace
    user_side: UserSide
    log: CallLog

    # -- the user side ---------------------------------------------------------------------------

    def slash_command(self, user: str | User, channel: str | Channel, command: str, text: str = "") -> Interaction:
        """``user`` runs ``/command text`` in ``channel``. See ``UserSide.slash_command``."""
        return self.user_side.slash_command(user, channel, command, text)

    def click_button(
        self,
        user: str | User,
        where: Where,
        button: str,
        *,
        block_id: str | None = None,
        value: str | None = None,
    ) -> Interaction:
        """``user`` clicks ``button`` (action_id or text) in a message, ``"modal"``, ``"home"`` or a view."""
        return self.user_side.click_button(user, where, button, block_id=block_id, value=value)

    def select_option(
        self, user: str | User, where: Where, menu: str, option: Any, *, block_id: str | None = None
    ) -> Interaction | None:
        """``user`` picks ``option`` (text or value) in ``menu``. See ``UserSide.select_option``."""
        return self.user_side.select_option(user, where, menu, option, block_id=block_id)

    def fill(
        self, user: str | User, field: str, value: Any, *, typed: str | None = None, block_id: str | None = None
    ) -> Interaction | None:
        """``user`` fills ``field`` (block_id, action_id or label) of their modal. See ``UserSide.fill``."""
        return self.user_side.fill(user, field, value, typed=typed, block_id=block_id)

    def suggestions(self, user: str | User, field: str, typed: str, *, block_id: str | None = None) -> list[JsonDict]:
        """What the app offers when ``user`` types ``typed`` into an external select. See ``UserSide.suggestions``."""
        return self.user_side.suggestions(user, field, typed, block_id=block_id)

    def submit_view(self, user: str | User) -> Interaction:
        """``user`` submits their top modal; the ack's ``response_action`` is honoured."""
        return self.user_side.submit_view(user)

    def close_view(self, user: str | User) -> Interaction | None:
        """``user`` closes their top modal (``view_closed`` only with ``notify_on_close``)."""
        return self.user_side.close_view(user)

    def global_shortcut(self, user: str | User, callback_id: str) -> Interaction:
        """``user`` runs the global shortcut ``callback_id``."""
        return self.user_side.global_shortcut(user, callback_id)

    def message_shortcut(self, user: str | User, channel: str | Channel, ts: str, callback_id: str) -> Interaction:
        """``user`` runs the message shortcut ``callback_id`` on message ``ts``."""
        return self.user_side.message_shortcut(user, channel, ts, callback_id)

    def open_home(self, user: str | User) -> Interaction | None:
        """``user`` opens the app's Home tab (``app_home_opened``)."""
        return self.user_side.open_home(user)

    def post_user_message(
        self, user: str | User, channel: str | Channel, text: str, *, thread_ts: str | None = None
    ) -> Interaction | None:
        """``user`` writes ``text`` in ``channel``; the app gets the ``message`` event if it would."""
        return self.user_side.post_user_message(user, channel, text, thread_ts=thread_ts)

    def upload_file(
        self, user: str | User, channel: str | Channel, filename: str, content: bytes, *, text: str = ""
    ) -> Interaction | None:
        """``user`` shares a file in ``channel``."""
        return self.user_side.upload_file(user, channel, filename, content, text=text)

    def redeliver(self, interaction: Interaction, reason: str | None = None) -> Interaction:
        """Deliver an event again with the same ``event_id`` and the next ``retry_attempt``."""
        return self.user_side.redeliver(interaction, reason)

    def visible_messages(self, user: str | User, channel: str | Channel) -> list[Message]:
        """What ``user`` sees in ``channel``: messages and their own ephemerals, oldest first."""
        return self.user_side.visible_messages(user, channel)

    def latest_visible(self, user: str | User, channel: str | Channel | None = None) -> Message | None:
        """The newest message ``user`` sees (in ``channel`` or anywhere)."""
        return self.user_side.latest_visible(user, channel)

    def open_view(self, user: str | User) -> View | None:
        """The modal ``user`` is looking at (a copy), or None."""
        return self.user_side.open_view(user)

    def home(self, user: str | User) -> View | None:
        """``user``'s Home tab (a copy), or None."""
        return self.user_side.home(user)

    @property
    def interactions(self) -> list[Interaction]:
        """Every delivery so far, oldest first."""
        return list(self.user_side.interactions)

    @property
    def problems(self) -> list[str]:
        """Acks Slack would refuse or could not use (a bad ``response_action`` …); should stay empty."""
        return list(self.user_side.problems)

    # -- rendering ---------------------------------------------------------------------------------

    def render_message(self, message: Message) -> str:
        """``message`` as terminal text."""
        return render_message(message, self.workspace)

    def render_view(self, view: View) -> str:
        """A modal or Home tab as terminal text."""
        return render_view(view, self.workspace)

    def render_channel(self, user: str | User, channel: str | Channel) -> str:
        """Everything ``user`` sees in ``channel`` as terminal text."""
        return "\n\n".join(self.render_message(message) for message in self.visible_messages(user, channel))

    # -- waiting for the app -----------------------------------------------------------------------------

    def wait_for(self, predicate: Callable[[], bool], *, timeout: float = 5.0, what: str = "the condition") -> None:
        """Wait until ``predicate()`` holds; the app keeps working after its ack.

        Raises:
            TimeoutError: naming ``what`` after ``timeout`` real seconds.
        """
        if not self.workspace.wait_for(predicate, timeout):
            raise TimeoutError(f"waited {timeout} s for {what}")

    def wait_for_call(self, method: str, *, count: int = 1, timeout: float = 5.0) -> ApiCall:
        """Wait until ``method`` has been called ``count`` times; returns that call."""
        self.wait_for(lambda: len(self.log.to(method)) >= count, timeout=timeout, what=f"{count} × {method}")
        return self.log.to(method)[count - 1]

    def wait_for_view(self, user: str | User, *, callback_id: str | None = None, timeout: float = 5.0) -> View:
        """Wait until ``user`` has a modal open (with ``callback_id`` if given); returns a copy."""

        def shown() -> bool:
            view = self.open_view(user)
            return view is not None and (callback_id is None or view.callback_id == callback_id)

        self.wait_for(shown, timeout=timeout, what=f"a modal for {user}")
        view = self.open_view(user)
        assert view is not None  # wait_for just saw it
        return view

    def wait_for_message(
        self,
        user: str | User,
        channel: str | Channel | None = None,
        *,
        containing: str = "",
        after: Message | None = None,
        timeout: float = 5.0,
    ) -> Message:
        """Wait for a message ``user`` sees (in ``channel``, newer than ``after``, with
        ``containing`` in its text or blocks); returns the newest such message."""
        found: list[Message] = []

        def seen() -> bool:
            person = self.workspace.user(user)
            if channel is not None:
                conversations = [self.workspace.channel(channel)]
            else:
                conversations = [c for c in self.workspace.channels.values() if person.id in c.members]
            matches = [
                message
                for conversation in conversations
                for message in self.workspace.visible_messages(person.id, conversation.id)
                if (after is None or ts_key(message.ts) > ts_key(after.ts))
                and (not containing or containing in message.text or containing in str(message.blocks))
            ]
            if matches:
                found.append(max(matches, key=lambda message: ts_key(message.ts)))
            return bool(matches)

        self.wait_for(seen, timeout=timeout, what=f"a message for {user} containing {containing!r}")
        return found[-1]
