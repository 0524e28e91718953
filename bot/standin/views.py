"""Views (modals and Home tabs) as Slack checks, stores and updates them."""

from __future__ import annotations

import json
from typing import Any

from bot.standin.blockkit import validate_view, with_ids
from bot.standin.errors import SlackError
from bot.standin.messages import parse_json_arg
from bot.standin.view_state import initial_state
from bot.standin.workspace import JsonDict, View, Workspace

MAX_VIEW_BYTES = 250 * 1024


def check_view(raw: Any, allowed_types: tuple[str, ...]) -> JsonDict:
    """A ``view`` argument parsed and checked against Block Kit and the view schema.

    Raises:
        SlackError: ``invalid_arguments`` (with ``[ERROR] …`` messages) or ``view_too_large``.
    """
    view = parse_json_arg(raw, name="view", error="invalid_arguments")
    if len(json.dumps(view)) > MAX_VIEW_BYTES:
        raise SlackError("view_too_large")
    problems = validate_view(view, allowed_types)
    if problems:
        raise SlackError("invalid_arguments", messages=[str(problem) for problem in problems])
    if not isinstance(view, dict):  # validate_view reported it; this is for the type checker
        raise SlackError("invalid_arguments")
    return view


def _check_external_id(workspace: Workspace, external_id: str, except_id: str | None) -> None:
    if external_id and any(
        view.external_id == external_id and view.id != except_id for view in workspace.views.values()
    ):
        raise SlackError("duplicate_external_id")


def build_view(workspace: Workspace, view: JsonDict, *, user_id: str) -> View:
    """A new ``View`` for ``user_id`` from a checked view definition."""
    _check_external_id(workspace, str(view.get("external_id", "")), None)
    blocks = with_ids(view.get("blocks", []))
    return View(
        id=workspace.ids.next("V"),
        team_id=workspace.team.id,
        user_id=user_id,
        type=str(view["type"]),
        blocks=blocks,
        hash=workspace.new_view_hash(),
        app_id=workspace.app_id,
        bot_id=workspace.bot_id,
        title=view.get("title"),
        submit=view.get("submit"),
        close=view.get("close"),
        callback_id=str(view.get("callback_id", "")),
        private_metadata=str(view.get("private_metadata", "")),
        external_id=str(view.get("external_id", "")),
        clear_on_close=bool(view.get("clear_on_close", False)),
        notify_on_close=bool(view.get("notify_on_close", False)),
        submit_disabled=bool(view.get("submit_disabled", False)),
        state=initial_state(blocks),
    )


def update_view(workspace: Workspace, existing: View, view: JsonDict) -> View:
    """Replace ``existing``'s content with ``view`` in place: same id, new hash.

    What the user typed survives where block_id/action_id are unchanged; errors are cleared.
    """
    with workspace.lock:
        _check_external_id(workspace, str(view.get("external_id", "")), existing.id)
        blocks = with_ids(view.get("blocks", []))
        existing.blocks = blocks
        existing.title = view.get("title")
        existing.submit = view.get("submit")
        existing.close = view.get("close")
        existing.callback_id = str(view.get("callback_id", ""))
        existing.private_metadata = str(view.get("private_metadata", ""))
        existing.external_id = str(view.get("external_id", ""))
        existing.clear_on_close = bool(view.get("clear_on_close", False))
        existing.notify_on_close = bool(view.get("notify_on_close", False))
        existing.submit_disabled = bool(view.get("submit_disabled", False))
        existing.state = initial_state(blocks, existing.state)
        existing.errors = {}
        existing.hash = workspace.new_view_hash()
        workspace.notify()
        return existing
