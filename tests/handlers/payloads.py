"""Request bodies shaped like Slack's: a slash command, a button click, a modal's submission, an event.

Only the fields the bot reads, with the names Slack gives them. A submission
is built from the view a listener opened, so its block and action ids are the
modal's own and a field left alone carries its initial value, as in Slack.
"""

from __future__ import annotations

import copy
from typing import Any

TEAM = "T0KOMMUN"
RESPONSE_URL = "https://hooks.slack.test/actions/T0KOMMUN/1/abc"
TRIGGER = "1337.42.trigger"


def command(
    text: str, *, user: str, channel: str = "C0BUN", channel_name: str = "bun", name: str = "/atagande"
) -> dict[str, Any]:
    return {
        "token": "verification",
        "team_id": TEAM,
        "channel_id": channel,
        "channel_name": channel_name,
        "user_id": user,
        "command": name,
        "text": text,
        "response_url": RESPONSE_URL,
        "trigger_id": TRIGGER,
    }


def click(
    action_id: str,
    value: str,
    *,
    user: str,
    channel: str = "C0BUN",
    message_ts: str | None = "1700000000.000900",
    ephemeral: bool = False,
    view: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A button click in a message (or, with ``view``, in a modal)."""
    body: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": TEAM},
        "user": {"id": user},
        "trigger_id": TRIGGER,
        "actions": [{"type": "button", "action_id": action_id, "block_id": "b", "value": value}],
    }
    if view is not None:
        body["container"] = {"type": "view", "view_id": view.get("id", "V0001")}
        body["view"] = view
        return body
    body["channel"] = {"id": channel}
    body["response_url"] = RESPONSE_URL
    container: dict[str, Any] = {"type": "message", "channel_id": channel, "is_ephemeral": ephemeral}
    if message_ts is not None:
        container["message_ts"] = message_ts
    body["container"] = container
    return body


def home_click(action_id: str, value: str, *, user: str) -> dict[str, Any]:
    """A button click on the App Home tab: no channel, no response_url."""
    return {
        "type": "block_actions",
        "team": {"id": TEAM},
        "user": {"id": user},
        "trigger_id": TRIGGER,
        "container": {"type": "view", "view_id": "VHOME"},
        "view": {"id": "VHOME", "type": "home"},
        "actions": [{"type": "button", "action_id": action_id, "block_id": "b", "value": value}],
    }


def _state(element: dict[str, Any], value: str | None) -> dict[str, Any]:
    """What Slack puts in ``view.state.values`` for one element: ``value``, else its initial value."""
    kind = element.get("type")
    if kind in ("static_select", "external_select"):
        # An external select's options came from the app as the person typed: a value picks
        # one with that value (options, if any, are a static select's).
        chosen = None
        if value is not None:
            chosen = next((o for o in element.get("options", []) if o["value"] == value), {"value": value})
        else:
            chosen = element.get("initial_option")
        return {"type": kind, "selected_option": chosen}
    if kind == "checkboxes":
        # A typed value ticks the option with that value; "" ticks none.
        options = [o for o in element.get("options", []) if o["value"] == value] if value is not None else None
        return {
            "type": kind,
            "selected_options": options if options is not None else element.get("initial_options", []),
        }
    if kind == "users_select":
        return {"type": kind, "selected_user": value if value is not None else element.get("initial_user")}
    if kind == "datepicker":
        return {"type": kind, "selected_date": value if value is not None else element.get("initial_date")}
    return {"type": kind, "value": value if value is not None else element.get("initial_value")}


def submission(view: dict[str, Any], *, user: str, **values: str) -> dict[str, Any]:
    """The ``view_submission`` of ``view`` with ``values`` typed in (by block id); other fields as opened."""
    unknown = set(values) - {b.get("block_id") for b in view.get("blocks", []) if b.get("type") == "input"}
    assert not unknown, f"the modal has no input {unknown}"
    state: dict[str, dict[str, Any]] = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        element = block["element"]
        state[block["block_id"]] = {element["action_id"]: _state(element, values.get(block["block_id"]))}
    submitted = copy.deepcopy(view)
    submitted.setdefault("id", "V0001")
    submitted.setdefault("hash", "1700000000.abc")
    submitted["state"] = {"values": state}
    return {"type": "view_submission", "team": {"id": TEAM}, "user": {"id": user}, "view": submitted}


def home_opened(user: str, tab: str = "home") -> dict[str, Any]:
    return {"type": "app_home_opened", "user": user, "channel": "D" + user[1:], "tab": tab}
