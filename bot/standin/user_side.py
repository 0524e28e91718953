"""People using Slack: commands, clicks, selections, modals, shortcuts, messages, Home tab.

Each action builds the payload a Slack client would cause, delivers it through the
attached transport (Socket Mode or HTTP), waits for the app's ack and then does
what Slack does with the ack (a command's reply, a modal's ``response_action``).
Delivery never holds the workspace lock: the app calls the Web API meanwhile.
"""

from __future__ import annotations

import copy
from typing import Any

from bot.standin import payloads
from bot.standin.blockkit import INTERACTIVE_TYPES, SELECT_TYPES
from bot.standin.delivery import Envelope
from bot.standin.errors import SlackError
from bot.standin.response_url import apply_response
from bot.standin.user_messages import MessageActions
from bot.standin.user_modals import ModalActions
from bot.standin.user_plumbing import ALL_EVENTS, Interaction, Surface, Where, find_element
from bot.standin.view_state import action_entry, find_option, is_stateful, user_value
from bot.standin.workspace import SLACKBOT_ID, Channel, JsonDict, Message, User, View

# Interaction, Where, find_element and ALL_EVENTS are the user side's: importable from here too.
__all__ = ["ALL_EVENTS", "Interaction", "UserSide", "Where", "find_element"]

_SELECTABLE = frozenset(SELECT_TYPES | {"overflow", "radio_buttons", "checkboxes", "datepicker", "timepicker"})


class UserSide(ModalActions, MessageActions):
    """What the workspace's people do, delivered to the app.

    Commands, shortcuts and Block Kit interaction are here; modals (`ModalActions`),
    messages, files and the Home tab (`MessageActions`) and the plumbing they share
    (`UserPlumbing`, whose arguments it takes) in their own modules.
    """

    # -- commands and shortcuts ------------------------------------------------------------

    def slash_command(self, user: str | User, channel: str | Channel, command: str, text: str = "") -> Interaction:
        """``user`` types ``/command text`` in ``channel`` (they must be a member).

        An ack with ``text``/``blocks`` is shown like Slack does (ephemeral unless
        ``response_type: in_channel``); no ack within 3 s shows Slackbot's
        "failed with the error" note to the user.
        """
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            conversation = self._member_channel(person, channel)
            trigger_id = workspace.issue_trigger(person.id)
            response_url = workspace.issue_response_url("commands", user_id=person.id, channel_id=conversation.id)
            payload = payloads.slash_command(
                workspace,
                token=self.verification_token,
                user=person,
                channel=conversation,
                command=command if command.startswith("/") else f"/{command}",
                text=text,
                trigger_id=trigger_id,
                response_url=response_url,
            )
        interaction = self._send(
            Envelope("slash_commands", payload, accepts_response_payload=True),
            trigger_id=trigger_id,
            response_url=response_url,
        )
        if not interaction.acked:
            late = interaction.ack is not None and interaction.ack.reason in ("timeout", "http_timeout")
            reason = "operation_timeout" if late else "dispatch_failed"
            self._slackbot_note(person, conversation, f'{payload["command"]} failed with the error "{reason}"')
        elif interaction.response and any(
            key in interaction.response for key in ("text", "blocks", "attachments", "markdown_text")
        ):
            try:
                apply_response(workspace, workspace.response_urls[response_url], interaction.response)
            except SlackError as error:
                self._problem(f"{payload['command']}: Slack refused the ack's message: {error}")
                self._slackbot_note(person, conversation, f'{payload["command"]} failed with the error "{error.error}"')
        return interaction

    def _slackbot_note(self, person: User, channel: Channel, text: str) -> None:
        workspace = self.workspace
        workspace.add_message(
            Message(
                channel=channel.id,
                ts=workspace.next_ts(),
                text=text,
                user=SLACKBOT_ID,
                ephemeral_to=person.id,
            )
        )

    def global_shortcut(self, user: str | User, callback_id: str) -> Interaction:
        """``user`` runs the global shortcut ``callback_id`` (from the lightning menu)."""
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            trigger_id = workspace.issue_trigger(person.id)
            payload = payloads.global_shortcut(
                workspace,
                token=self.verification_token,
                user=person,
                callback_id=callback_id,
                trigger_id=trigger_id,
                action_ts=self._action_ts(),
            )
        return self._send(Envelope("interactive", payload), trigger_id=trigger_id)

    def message_shortcut(self, user: str | User, channel: str | Channel, ts: str, callback_id: str) -> Interaction:
        """``user`` runs the message shortcut ``callback_id`` on message ``ts`` in ``channel``."""
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            conversation = workspace.channel(channel)
            message = workspace.find_message(conversation.id, ts)
            if message is None or not workspace.can_see(person.id, conversation):
                raise LookupError(f"{person.name} kan inte se meddelandet {ts} i {conversation.name}")
            trigger_id = workspace.issue_trigger(person.id)
            response_url = workspace.issue_response_url(
                "actions", user_id=person.id, channel_id=conversation.id, source_ts=message.ts
            )
            payload = payloads.message_shortcut(
                workspace,
                token=self.verification_token,
                user=person,
                message=message,
                callback_id=callback_id,
                trigger_id=trigger_id,
                response_url=response_url,
                action_ts=self._action_ts(),
            )
        return self._send(Envelope("interactive", payload), trigger_id=trigger_id, response_url=response_url)

    # -- Block Kit interaction -----------------------------------------------------------------

    def click_button(
        self,
        user: str | User,
        where: Where,
        button: str,
        *,
        block_id: str | None = None,
        value: str | None = None,
    ) -> Interaction:
        """``user`` clicks ``button`` (its action_id or its text) in a message, modal or Home tab."""
        with self.workspace.lock:
            person = self.workspace.user(user)
            surface = self._surface(person, where)
            block, element = find_element(surface.blocks, button, kinds={"button"}, block_id=block_id, value=value)
            action = action_entry(block, element, None, self._action_ts())
        return self._block_actions(person, surface, action)

    def select_option(
        self,
        user: str | User,
        where: Where,
        menu: str,
        option: Any,
        *,
        block_id: str | None = None,
    ) -> Interaction | None:
        """``user`` picks ``option`` in the select, overflow, radio group, checkboxes or picker ``menu``.

        ``option`` is what the person picks (see ``fill``). Elements of input blocks
        only send ``block_actions`` with ``dispatch_action``; otherwise this just
        records the choice (like ``fill``) and returns None.
        """
        with self.workspace.lock:
            person = self.workspace.user(user)
            surface = self._surface(person, where)
            block, element = find_element(surface.blocks, menu, kinds=_SELECTABLE, block_id=block_id)
        return self._choose(person, surface, block, element, option)

    def _choose(
        self,
        person: User,
        surface: Surface,
        block: JsonDict,
        element: JsonDict,
        choice: Any,
        *,
        typed: str | None = None,
    ) -> Interaction | None:
        workspace = self.workspace
        suggester = None
        if element["type"] in ("external_select", "multi_external_select"):
            suggester = self._suggester(person, surface, block, element)
        if element["type"] == "overflow":
            state: JsonDict | None = {
                "type": "overflow",
                "selected_option": find_option(element["options"], str(choice)),
            }
        else:
            state = user_value(element, choice, workspace, options=suggester, typed=typed)
        with workspace.lock:
            if state is not None and is_stateful(element):
                surface.state.setdefault(str(block["block_id"]), {})[str(element["action_id"])] = state
                workspace.notify()
            dispatches = block.get("type") != "input" or bool(block.get("dispatch_action"))
            action = action_entry(block, element, state, self._action_ts())
        if not dispatches:
            return None
        return self._block_actions(person, surface, action)

    def fill(
        self,
        user: str | User,
        field: str,
        value: Any,
        *,
        typed: str | None = None,
        block_id: str | None = None,
    ) -> Interaction | None:
        """``user`` fills in ``field`` (block_id, action_id or label) of their top modal.

        ``value`` is what a person would enter: text for text inputs; an option's text
        or value for selects and radio buttons (a list for multi-selects and
        checkboxes); a user's name or id for user selects; a channel's name or id;
        ``"YYYY-MM-DD"`` or a ``date`` for datepickers; ``"HH:MM"`` for timepickers.
        External selects ask the app for options (``block_suggestion``) first, with
        what the person ``typed`` into the menu (default: ``value`` itself), and
        ``value`` must be among the options the app offered.
        Returns the ``block_actions`` interaction when the field dispatches actions.

        Raises:
            LookupError: no such field.
            ValueError: a person could not enter that (unknown option, too long …).
        """
        person, surface, block, element = self._modal_field(user, field, block_id)
        return self._choose(person, surface, block, element, value, typed=typed)

    def suggestions(self, user: str | User, field: str, typed: str, *, block_id: str | None = None) -> list[JsonDict]:
        """The options the app offers when ``user`` types ``typed`` into the external select ``field``.

        Raises:
            LookupError: no such field.
            ValueError: ``field`` is no external select, Slack would not ask yet
                (``typed`` shorter than ``min_query_length``) or the app's answer is refused.
        """
        person, surface, block, element = self._modal_field(user, field, block_id)
        if element["type"] not in ("external_select", "multi_external_select"):
            raise ValueError(f"{field!r} is a {element['type']}, not an external select")
        return self._suggester(person, surface, block, element)(typed)

    def _modal_field(
        self, user: str | User, field: str, block_id: str | None
    ) -> tuple[User, Surface, JsonDict, JsonDict]:
        with self.workspace.lock:
            person = self.workspace.user(user)
            surface = self._surface(person, "modal")
            stateful = {kind for kind in INTERACTIVE_TYPES if kind not in ("button", "overflow")}
            block, element = find_element(surface.blocks, field, kinds=stateful, block_id=block_id)
        return person, surface, block, element

    # -- what people see ----------------------------------------------------------------------------

    def visible_messages(self, user: str | User, channel: str | Channel) -> list[Message]:
        """Messages ``user`` sees in ``channel`` (theirs ephemerals included), oldest first; copies."""
        workspace = self.workspace
        with workspace.lock:
            return workspace.visible_messages(workspace.user(user).id, workspace.channel(channel).id)

    def latest_visible(self, user: str | User, channel: str | Channel | None = None) -> Message | None:
        """The newest message ``user`` sees (in ``channel``, or anywhere they are a member)."""
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            if channel is None:
                return workspace.latest_visible(person.id)
            seen = workspace.visible_messages(person.id, workspace.channel(channel).id)
            return seen[-1] if seen else None

    def open_view(self, user: str | User) -> View | None:
        """A copy of the modal ``user`` is looking at, or None."""
        workspace = self.workspace
        with workspace.lock:
            view = workspace.top_modal(workspace.user(user).id)
            return copy.deepcopy(view) if view is not None else None

    def home(self, user: str | User) -> View | None:
        """A copy of ``user``'s Home tab as the app last published it, or None."""
        workspace = self.workspace
        with workspace.lock:
            view = workspace.home_view(workspace.user(user).id)
            return copy.deepcopy(view) if view is not None else None
