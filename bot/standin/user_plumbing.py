"""What every action of a stand-in user shares: the `Interaction` it gives, the element a person
means (`find_element`), the surface they act on, and delivering the payload to the app.

`UserPlumbing` is the base of `UserSide` and of its parts (`user_modals`, `user_messages`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.standin import payloads
from bot.standin.blockkit import iter_elements, plain_text_of, validate_suggestions
from bot.standin.delivery import Ack, Envelope, EnvelopeType, Transport
from bot.standin.view_state import all_options
from bot.standin.workspace import Channel, JsonDict, Message, StateValues, User, View, Workspace

__all__ = ["ALL_EVENTS", "Interaction", "Surface", "UserPlumbing", "Where", "find_element"]

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
class Surface:
    """What a person acts on: a message or a view, its blocks and the state of its inputs."""

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


class UserPlumbing:
    """What the workspace's people share when they act: the workspace, the transport, the record.

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
            raise LookupError(f"{person.name} är inte med i {conversation.name}; lägg till personen först")
        return conversation

    def _surface(self, person: User, where: Where) -> Surface:
        workspace = self.workspace
        if isinstance(where, tuple):
            channel = workspace.channel(where[0])
            found = workspace.find_message(channel.id, where[1])
            if found is None:
                raise LookupError(f"Det finns inget meddelande {where[1]} i {channel.name}")
            where = found
        if isinstance(where, Message):
            if where.is_ephemeral:
                message = workspace.find_ephemeral(where.channel, person.id, where.ts)
            else:
                message = workspace.find_message(where.channel, where.ts)
            if message is None or not workspace.can_see(person.id, workspace.channels[where.channel]):
                raise LookupError(f"{person.name} kan inte se meddelandet {where.ts} (borttaget?)")
            return Surface(blocks=message.blocks, state=message.state, message=message)
        if where == "home":
            view = workspace.home_view(person.id)
            if view is None:
                raise LookupError(f"Appen har inte publicerat någon hemflik för {person.name}")
        elif where == "modal":
            view = workspace.top_modal(person.id)
            if view is None:
                raise LookupError(f"{person.name} har inget formulär öppet")
        else:
            view = workspace.views.get(where.id)
            if view is None or view.user_id != person.id:
                raise LookupError(f"Formuläret {where.id} är inte öppet för {person.name}")
            if view.type == "modal" and workspace.top_modal(person.id) is not view:
                raise LookupError(f"Formuläret {where.id} ligger under ett annat formulär")
        return Surface(blocks=view.blocks, state=view.state, view=view)

    def _block_actions(self, person: User, surface: Surface, action: JsonDict) -> Interaction:
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
        self, person: User, surface: Surface, block: JsonDict, element: JsonDict
    ) -> Callable[[str], list[JsonDict]]:
        # Slack asks only once the person has typed min_query_length characters (3 unless the
        # element says otherwise; 0 loads the list as the menu opens):
        # https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element#external_select
        least = element.get("min_query_length", 3)

        def options(query: str) -> list[JsonDict]:
            if len(query) < least:
                raise ValueError(f"Slack frågar appen efter val först efter {least} skrivna tecken, inte ”{query}”")
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
                raise ValueError(f"Appen gav inga val för ”{query}”")
            problems = validate_suggestions(interaction.response)
            if problems:
                self._problem(f"options for {element['action_id']!r} that Slack refuses: {problems[0]}")
                raise ValueError(f"Slack tar inte emot appens val för ”{query}”: {problems[0]}")
            return all_options(interaction.response)

        return options

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
