"""People using Slack: commands, clicks, selections, modals, shortcuts, messages, Home tab.

Each action builds the payload a Slack client would cause, delivers it through the
attached transport (Socket Mode or HTTP), waits for the app's ack and then does
what Slack does with the ack (a command's reply, a modal's ``response_action``).
Delivery never holds the workspace lock: the app calls the Web API meanwhile.
"""

from __future__ import annotations

import copy
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.standin import payloads
from bot.standin.blockkit import INTERACTIVE_TYPES, SELECT_TYPES, iter_elements, plain_text_of
from bot.standin.delivery import Ack, Envelope, EnvelopeType, Transport
from bot.standin.errors import SlackError
from bot.standin.http_delivery import HttpDelivery
from bot.standin.ids import random_secret
from bot.standin.response_url import apply_response
from bot.standin.view_state import (
    action_entry,
    all_options,
    client_side_problem,
    find_option,
    is_stateful,
    user_value,
)
from bot.standin.views import build_view, check_view, update_view
from bot.standin.workspace import (
    SLACKBOT_ID,
    Channel,
    JsonDict,
    Message,
    StateValues,
    StoredFile,
    User,
    View,
    Workspace,
)

Where = Message | View | Literal["modal", "home"] | tuple[str, str]
"""Where a user acts: a message (as returned by ``visible_messages``), a view,
``"modal"`` (their top modal), ``"home"`` (their Home tab) or ``(channel, ts)``."""

ALL_EVENTS = frozenset(
    {
        "message.channels",
        "message.groups",
        "message.im",
        "message.mpim",
        "app_mention",
        "app_home_opened",
        "file_shared",
    }
)
"""Event subscriptions (manifest names) the stand-in can produce; the default."""

_SELECTABLE = frozenset(SELECT_TYPES | {"overflow", "radio_buttons", "checkboxes", "datepicker", "timepicker"})
_MESSAGE_SUBSCRIPTION = {"channel": "message.channels", "group": "message.groups", "im": "message.im"}


@dataclass(frozen=True)
class Interaction:
    """One thing a user did and what the app answered.

    ``ack`` is None when nothing was sent: Slack's client refused a modal with an
    empty required field (see ``client_errors``) or the app does not receive the
    event. ``response`` is the ack's payload (``response_action`` …).
    """

    type: EnvelopeType
    payload: JsonDict
    ack: Ack | None
    envelope_id: str | None = None
    trigger_id: str | None = None
    response_url: str | None = None
    event_id: str | None = None
    retry_attempt: int = 0
    client_errors: dict[str, str] = field(default_factory=dict)

    @property
    def acked(self) -> bool:
        """True if the app acknowledged in time."""
        return self.ack is not None and self.ack.acked

    @property
    def response(self) -> JsonDict | None:
        """The app's response payload, if it sent one with the ack."""
        return self.ack.payload if self.ack is not None else None


@dataclass
class _Surface:
    blocks: list[JsonDict]
    state: StateValues
    message: Message | None = None
    view: View | None = None


def _labels(block: JsonDict, element: JsonDict) -> set[str]:
    labels = {
        plain_text_of(element.get("text")),
        plain_text_of(element.get("placeholder")),
        plain_text_of(block.get("label")),
    }
    if block.get("type") == "section":
        labels.add(plain_text_of(block.get("text")))
    return {label.casefold() for label in labels if label}


def find_element(
    blocks: list[JsonDict],
    key: str,
    *,
    kinds: Iterable[str],
    block_id: str | None = None,
    value: str | None = None,
) -> tuple[JsonDict, JsonDict]:
    """The element (and its block) a person means by ``key``: an action_id, a block_id,
    a button's text, a placeholder, an input's label or a section's text.

    Raises:
        LookupError: nothing matches, or several do (pass ``block_id`` or ``value``).
    """
    wanted = set(kinds)
    found = []
    offered = []
    for block, element in iter_elements(blocks):
        if element.get("type") not in wanted:
            continue
        offered.append(f"{element['type']} {element.get('action_id')!r} {sorted(_labels(block, element))}")
        if block_id is not None and block.get("block_id") != block_id:
            continue
        if value is not None and element.get("value") != value:
            continue
        if key in (element.get("action_id"), block.get("block_id")) or key.casefold() in _labels(block, element):
            found.append((block, element))
    if not found:
        raise LookupError(f"nothing called {key!r} to use here; offered: {'; '.join(offered) or 'nothing'}")
    if len(found) > 1:
        raise LookupError(f"{key!r} matches {len(found)} elements; pass block_id= or value= to choose")
    return found[0]


class UserSide:
    """What the workspace's people do, delivered to the app.

    Args:
        workspace: the stand-in workspace.
        transport: returns the attached transport (None if none is attached).
        verification_token: the legacy ``token`` field of payloads.
        subscribed_events: event subscriptions (manifest names, e.g. ``message.im``);
            events outside them are not sent, as Slack would not send them.
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        transport: Callable[[], Transport | None],
        verification_token: str,
        subscribed_events: Iterable[str] | None = None,
    ) -> None:
        self.workspace = workspace
        self._transport = transport
        self.verification_token = verification_token
        self.subscribed_events = frozenset(subscribed_events) if subscribed_events is not None else ALL_EVENTS
        self._lock = threading.Lock()
        self.interactions: list[Interaction] = []
        self.problems: list[str] = []

    # -- plumbing ---------------------------------------------------------------------

    def _problem(self, text: str) -> None:
        with self._lock:
            self.problems.append(text)

    def _send(self, envelope: Envelope, **details: Any) -> Interaction:
        transport = self._transport()
        if transport is None:
            raise RuntimeError("no app is attached: call attach_socket_mode() or attach_http(url) first")
        ack = transport.deliver(envelope)
        interaction = Interaction(
            type=envelope.type,
            payload=envelope.payload,
            ack=ack,
            envelope_id=envelope.envelope_id,
            retry_attempt=envelope.retry_attempt,
            **details,
        )
        with self._lock:
            self.interactions.append(interaction)
        return interaction

    def _action_ts(self) -> str:
        return f"{self.workspace.now():.6f}"

    def _member_channel(self, person: User, channel: str | Channel) -> Channel:
        conversation = self.workspace.channel(channel)
        if person.id not in conversation.members:
            raise LookupError(f"{person.name} is not a member of {conversation.name}; add them first")
        return conversation

    def _surface(self, person: User, where: Where) -> _Surface:
        workspace = self.workspace
        if isinstance(where, tuple):
            channel = workspace.channel(where[0])
            found = workspace.find_message(channel.id, where[1])
            if found is None:
                raise LookupError(f"no message {where[1]} in {channel.name}")
            where = found
        if isinstance(where, Message):
            if where.is_ephemeral:
                message = workspace.find_ephemeral(where.channel, person.id, where.ts)
            else:
                message = workspace.find_message(where.channel, where.ts)
            if message is None or not workspace.can_see(person.id, workspace.channels[where.channel]):
                raise LookupError(f"{person.name} cannot see message {where.ts} (deleted?)")
            return _Surface(blocks=message.blocks, state=message.state, message=message)
        if where == "home":
            view = workspace.home_view(person.id)
            if view is None:
                raise LookupError(f"the app has published no Home tab for {person.name}")
        elif where == "modal":
            view = workspace.top_modal(person.id)
            if view is None:
                raise LookupError(f"{person.name} has no modal open")
        else:
            view = workspace.views.get(where.id)
            if view is None or view.user_id != person.id:
                raise LookupError(f"view {where.id} is not open for {person.name}")
            if view.type == "modal" and workspace.top_modal(person.id) is not view:
                raise LookupError(f"view {where.id} is covered by another modal")
        return _Surface(blocks=view.blocks, state=view.state, view=view)

    def _block_actions(self, person: User, surface: _Surface, action: JsonDict) -> Interaction:
        workspace = self.workspace
        with workspace.lock:
            trigger_id = workspace.issue_trigger(person.id)
            response_url = None
            if surface.message is not None:
                response_url = workspace.issue_response_url(
                    "actions",
                    user_id=person.id,
                    channel_id=surface.message.channel,
                    source_ts=surface.message.ts,
                    source_ephemeral=surface.message.is_ephemeral,
                )
            payload = payloads.block_actions(
                workspace,
                token=self.verification_token,
                user=person,
                actions=[action],
                trigger_id=trigger_id,
                message=surface.message,
                view=surface.view,
                response_url=response_url,
            )
        return self._send(Envelope("interactive", payload), trigger_id=trigger_id, response_url=response_url)

    def _suggester(
        self, person: User, surface: _Surface, block: JsonDict, element: JsonDict
    ) -> Callable[[str], list[JsonDict]]:
        def options(query: str) -> list[JsonDict]:
            with self.workspace.lock:
                payload = payloads.block_suggestion(
                    self.workspace,
                    token=self.verification_token,
                    user=person,
                    block_id=str(block["block_id"]),
                    action_id=str(element["action_id"]),
                    value=query,
                    message=surface.message,
                    view=surface.view,
                )
            interaction = self._send(Envelope("interactive", payload, accepts_response_payload=True))
            if not interaction.acked or not interaction.response:
                raise ValueError(f"the app offered no options for {query!r}")
            return all_options(interaction.response)

        return options

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
            reason = (
                "operation_timeout" if interaction.ack and interaction.ack.reason == "timeout" else "dispatch_failed"
            )
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
                raise LookupError(f"{person.name} cannot see message {ts} in {conversation.name}")
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
        self, person: User, surface: _Surface, block: JsonDict, element: JsonDict, choice: Any
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
            state = user_value(element, choice, workspace, options=suggester)
        with workspace.lock:
            if state is not None and is_stateful(element):
                surface.state.setdefault(str(block["block_id"]), {})[str(element["action_id"])] = state
                workspace.notify()
            dispatches = block.get("type") != "input" or bool(block.get("dispatch_action"))
            action = action_entry(block, element, state, self._action_ts())
        if not dispatches:
            return None
        return self._block_actions(person, surface, action)

    def fill(self, user: str | User, field: str, value: Any, *, block_id: str | None = None) -> Interaction | None:
        """``user`` fills in ``field`` (block_id, action_id or label) of their top modal.

        ``value`` is what a person would enter: text for text inputs; an option's text
        or value for selects and radio buttons (a list for multi-selects and
        checkboxes); a user's name or id for user selects; a channel's name or id;
        ``"YYYY-MM-DD"`` or a ``date`` for datepickers; ``"HH:MM"`` for timepickers.
        External selects ask the app for options (``block_suggestion``) first.
        Returns the ``block_actions`` interaction when the field dispatches actions.

        Raises:
            LookupError: no such field.
            ValueError: a person could not enter that (unknown option, too long …).
        """
        with self.workspace.lock:
            person = self.workspace.user(user)
            surface = self._surface(person, "modal")
            stateful = {kind for kind in INTERACTIVE_TYPES if kind not in ("button", "overflow")}
            block, element = find_element(surface.blocks, field, kinds=stateful, block_id=block_id)
        return self._choose(person, surface, block, element, value)

    # -- modals ---------------------------------------------------------------------------------

    def submit_view(self, user: str | User) -> Interaction:
        """``user`` presses the submit button of their top modal and Slack acts on the ack.

        The ack's ``response_action`` is honoured: ``errors`` (shown under the fields,
        the modal stays), ``update``, ``push``, ``clear``; a plain ack closes the modal.
        A required field left empty stops Slack's client from sending anything: the
        result then has ``ack`` None and ``client_errors``.
        """
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            view = workspace.top_modal(person.id)
            if view is None:
                raise LookupError(f"{person.name} has no modal open")
            if view.submit is None:
                raise LookupError(f"the modal {view.callback_id!r} has no submit button")
            refused: dict[str, str] = {}
            for block, element in iter_elements(view.blocks):
                if block.get("type") != "input":
                    continue
                current = view.state.get(str(block["block_id"]), {}).get(str(element["action_id"]))
                problem = client_side_problem(block, element, current)
                if problem is not None:
                    refused[str(block["block_id"])] = problem
            view.errors = refused
            workspace.notify()
            if refused:
                return Interaction(type="interactive", payload={}, ack=None, client_errors=refused)
            trigger_id = workspace.issue_trigger(person.id)
            payload = payloads.view_submission(
                workspace, token=self.verification_token, user=person, view=view, trigger_id=trigger_id
            )
        interaction = self._send(Envelope("interactive", payload, accepts_response_payload=True), trigger_id=trigger_id)
        self._apply_submission_ack(person, view, interaction)
        return interaction

    def _apply_submission_ack(self, person: User, view: View, interaction: Interaction) -> None:
        workspace = self.workspace
        if not interaction.acked:
            # Slack keeps the modal open and says it had trouble connecting.
            self._problem(f"view_submission of {view.callback_id!r} was not acked ({interaction.ack})")
            return
        response = interaction.response or {}
        action = response.get("response_action")
        with workspace.lock:
            if workspace.top_modal(person.id) is not view:
                self._problem(f"the modal {view.callback_id!r} changed while it was being submitted")
                return
            if action is None:
                workspace.pop_modal(person.id)
            elif action == "errors":
                self._show_errors(view, response.get("errors"))
            elif action in ("update", "push"):
                try:
                    checked = check_view(response.get("view"), ("modal",))
                except SlackError as error:
                    self._problem(f"response_action {action} with a view Slack refuses: {error}")
                    return
                if action == "update":
                    update_view(workspace, view, checked)
                elif len(workspace.modal_stack(person.id)) >= workspace.modal_stack_limit:
                    self._problem("response_action push beyond Slack's three stacked modals")
                else:
                    workspace.push_modal(build_view(workspace, checked, user_id=person.id), replace_stack=False)
            elif action == "clear":
                workspace.clear_modals(person.id)
            else:
                self._problem(f"unknown response_action {action!r}")
            workspace.notify()

    def _show_errors(self, view: View, errors: Any) -> None:
        if not isinstance(errors, dict) or not errors:
            self._problem(f"response_action errors without an errors object: {errors!r}")
            return
        inputs = {str(block.get("block_id")) for block in view.blocks if block.get("type") == "input"}
        shown: dict[str, str] = {}
        for block_id, text in errors.items():
            if block_id not in inputs:
                # Slack shows a generic error when an error names no input block.
                self._problem(f"response_action errors names {block_id!r}, which is not an input block")
            elif not isinstance(text, str) or not text:
                self._problem(f"response_action errors for {block_id!r} is not a text")
            else:
                shown[block_id] = text
        view.errors = shown

    def close_view(self, user: str | User) -> Interaction | None:
        """``user`` closes their top modal (all of them with ``clear_on_close``).

        Slack tells the app (``view_closed``) only if the view has ``notify_on_close``.
        """
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            view = workspace.top_modal(person.id)
            if view is None:
                raise LookupError(f"{person.name} has no modal open")
            if view.clear_on_close:
                workspace.clear_modals(person.id)
            else:
                workspace.pop_modal(person.id)
            if not view.notify_on_close:
                return None
            payload = payloads.view_closed(
                workspace,
                token=self.verification_token,
                user=person,
                view=view,
                is_cleared=view.clear_on_close,
            )
        return self._send(Envelope("interactive", payload))

    # -- events ------------------------------------------------------------------------------------

    def _event(self, subscription: str, event: JsonDict) -> Interaction | None:
        if subscription not in self.subscribed_events:
            return None
        workspace = self.workspace
        with workspace.lock:
            event_id = workspace.ids.next("Ev")
            payload = payloads.event_callback(
                workspace,
                token=self.verification_token,
                event=event,
                event_id=event_id,
                event_time=int(workspace.now()),
            )
        return self._send(Envelope("events_api", payload), event_id=event_id)

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
