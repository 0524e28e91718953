"""Views (modals and Home tabs), trigger_ids and response_urls: the records, and the workspace's part that keeps them.

`SurfaceState` is a part of `Workspace`: the views by id, each user's modal
stack and Home tab, the trigger_ids that open views and the response_urls
handed out with interactions.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from bot.standin.ids import random_secret
from bot.standin.records import JsonDict, StateValues, Team

__all__ = ["ResponseUrl", "ResponseUrlKind", "SurfaceState", "Trigger", "View"]


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


class SurfaceState:
    """The views, modal stacks, Home tabs, trigger_ids and response_urls of the `Workspace`.

    The `Workspace` sets these attributes up and wakes its waiters in ``notify``.
    """

    lock: threading.RLock
    now: Callable[[], float]
    team: Team
    base_url: str
    trigger_ttl: float | None
    views: dict[str, View]
    modal_stacks: dict[str, list[str]]
    homes: dict[str, str]
    triggers: dict[str, Trigger]
    response_urls: dict[str, ResponseUrl]

    def notify(self) -> None:
        raise NotImplementedError  # the Workspace's

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
