"""A stand-in user writing messages, sharing files and opening the Home tab: the events the app gets."""

from __future__ import annotations

import copy
import uuid

from bot.standin import payloads
from bot.standin.delivery import Envelope
from bot.standin.http_delivery import HttpDelivery
from bot.standin.ids import random_secret
from bot.standin.user_plumbing import Interaction, UserPlumbing
from bot.standin.workspace import Channel, JsonDict, Message, StoredFile, User

__all__ = ["MessageActions"]

_MESSAGE_SUBSCRIPTION = {"channel": "message.channels", "group": "message.groups", "im": "message.im"}


class MessageActions(UserPlumbing):
    """A person writes, shares a file or opens the Home tab, and the app gets the events; a part of `UserSide`."""

    def redeliver(self, interaction: Interaction, reason: str | None = None) -> Interaction:
        """Send an event again with the same ``event_id``, as Slack retries unacked events.

        ``retry_attempt`` goes up by one; ``reason`` defaults to Slack's (``timeout`` over
        Socket Mode, ``http_timeout`` over HTTP).
        """
        if interaction.type != "events_api" or interaction.event_id is None:
            raise ValueError("only events are redelivered")
        if reason is None:
            reason = "http_timeout" if isinstance(self._transport(), HttpDelivery) else "timeout"
        envelope = Envelope(
            "events_api",
            copy.deepcopy(interaction.payload),
            retry_attempt=interaction.retry_attempt + 1,
            retry_reason=reason,
        )
        return self._send(envelope, event_id=interaction.event_id)

    def open_home(self, user: str | User) -> Interaction | None:
        """``user`` opens the app's Home tab (``app_home_opened``, with the published view if any)."""
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            event: JsonDict = {
                "type": "app_home_opened",
                "user": person.id,
                "channel": workspace.dm(person).id,
                "tab": "home",
                "event_ts": self._action_ts(),
            }
            home = workspace.home_view(person.id)
            if home is not None:
                event["view"] = home.to_slack()
        return self._event("app_home_opened", event)

    def post_user_message(
        self,
        user: str | User,
        channel: str | Channel,
        text: str,
        *,
        thread_ts: str | None = None,
    ) -> Interaction | None:
        """``user`` writes ``text`` in ``channel`` (a member); the app gets a ``message`` event
        if it is in the channel and subscribed, and ``app_mention`` when mentioned.

        Returns the ``message`` event's interaction (None if not delivered).
        """
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            conversation = self._member_channel(person, channel)
            message = Message(
                channel=conversation.id,
                ts=workspace.next_ts(),
                text=text,
                blocks=payloads.rich_text_blocks(text, random_secret(5)),
                user=person.id,
                team=workspace.team.id,
                thread_ts=thread_ts,
                client_msg_id=str(uuid.uuid4()),
            )
            workspace.add_message(message)
            event = payloads.message_event(message, conversation)
        return self._after_user_message(conversation, message, event)

    def _after_user_message(self, conversation: Channel, message: Message, event: JsonDict) -> Interaction | None:
        workspace = self.workspace
        if workspace.bot_user.id not in conversation.members:
            return None
        kind = payloads.channel_type(conversation)
        delivered = self._event(_MESSAGE_SUBSCRIPTION.get(kind, "message.mpim"), event)
        if f"<@{workspace.bot_user.id}>" in message.text and not conversation.is_im:
            mention = {key: value for key, value in event.items() if key not in ("channel_type", "subtype")}
            mention["type"] = "app_mention"
            self._event("app_mention", mention)
        return delivered

    def upload_file(
        self,
        user: str | User,
        channel: str | Channel,
        filename: str,
        content: bytes,
        *,
        text: str = "",
        title: str | None = None,
    ) -> Interaction | None:
        """``user`` shares a file in ``channel``: a ``file_share`` message (and ``file_shared`` event).

        The app can read the bytes at the file's ``url_private`` with its bot token.
        Returns the ``message`` event's interaction (None if not delivered).
        """
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            conversation = self._member_channel(person, channel)
            stored = StoredFile(
                id=workspace.ids.next("F"),
                name=filename,
                title=title or filename,
                declared_length=len(content),
                user=person.id,
                created=int(workspace.now()),
                upload_secret=random_secret(32),
                content=content,
                completed=True,
                channels=[conversation.id],
            )
            workspace.files[stored.id] = stored
            file_object = stored.to_slack(
                team_id=workspace.team.id, base_url=workspace.base_url, team_domain=workspace.team.domain
            )
            message = Message(
                channel=conversation.id,
                ts=workspace.next_ts(),
                text=text,
                user=person.id,
                team=workspace.team.id,
                subtype="file_share",
                files=[file_object],
            )
            workspace.add_message(message)
            event = payloads.message_event(message, conversation)
        delivered = self._after_user_message(conversation, message, event)
        if workspace.bot_user.id in conversation.members:
            self._event(
                "file_shared",
                {
                    "type": "file_shared",
                    "file_id": stored.id,
                    "user_id": person.id,
                    "file": {"id": stored.id},
                    "channel_id": conversation.id,
                    "event_ts": message.ts,
                },
            )
        return delivered
