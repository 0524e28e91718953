"""Element values as Slack reports them (``state.values``, ``actions[]``) and how a user sets them.

The user side turns "Anna picks *Klar*" into the exact JSON a Slack client would
produce; these functions know each element type's shape.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Any

from bot.standin.blockkit import iter_elements, plain_text_of
from bot.standin.workspace import JsonDict, StateValues, Workspace

# Which key of state.values holds an element's value, and whether it is a list.
_VALUE_KEYS: dict[str, str] = {
    "plain_text_input": "value",
    "url_text_input": "value",
    "email_text_input": "value",
    "number_input": "value",
    "static_select": "selected_option",
    "external_select": "selected_option",
    "radio_buttons": "selected_option",
    "multi_static_select": "selected_options",
    "multi_external_select": "selected_options",
    "checkboxes": "selected_options",
    "users_select": "selected_user",
    "multi_users_select": "selected_users",
    "conversations_select": "selected_conversation",
    "multi_conversations_select": "selected_conversations",
    "channels_select": "selected_channel",
    "multi_channels_select": "selected_channels",
    "datepicker": "selected_date",
    "timepicker": "selected_time",
}
_INITIAL_KEYS: dict[str, str] = {
    "value": "initial_value",
    "selected_option": "initial_option",
    "selected_options": "initial_options",
    "selected_user": "initial_user",
    "selected_users": "initial_users",
    "selected_conversation": "initial_conversation",
    "selected_conversations": "initial_conversations",
    "selected_channel": "initial_channel",
    "selected_channels": "initial_channels",
    "selected_date": "initial_date",
    "selected_time": "initial_time",
}
_LIST_KEYS = frozenset({"selected_options", "selected_users", "selected_conversations", "selected_channels"})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_stateful(element: JsonDict) -> bool:
    """True for elements whose value Slack keeps in ``state.values`` (not buttons, overflows)."""
    return element.get("type") in _VALUE_KEYS


def value_key(element: JsonDict) -> str:
    """The ``state.values`` key of ``element`` (``value``, ``selected_option`` …)."""
    return _VALUE_KEYS[str(element["type"])]


def initial_value(element: JsonDict) -> JsonDict:
    """The state entry of ``element`` before anyone touched it (its ``initial_*``, else empty)."""
    key = value_key(element)
    empty: Any = [] if key in _LIST_KEYS else None
    chosen = copy.deepcopy(element.get(_INITIAL_KEYS[key], empty))
    return {"type": element["type"], key: chosen}


def initial_state(blocks: list[JsonDict], previous: StateValues | None = None) -> StateValues:
    """``state.values`` for freshly shown ``blocks``.

    Values from ``previous`` survive where the same block_id/action_id still holds
    the same element type, as Slack keeps what a user typed across ``views.update``.
    """
    state: StateValues = {}
    for block, element in iter_elements(blocks):
        if not is_stateful(element):
            continue
        block_id, action_id = str(block["block_id"]), str(element["action_id"])
        kept = (previous or {}).get(block_id, {}).get(action_id)
        if kept is not None and kept.get("type") == element.get("type"):
            value = copy.deepcopy(kept)
        else:
            value = initial_value(element)
        state.setdefault(block_id, {})[action_id] = value
    return state


def all_options(element: JsonDict) -> list[JsonDict]:
    """The options of a select, checkbox or radio group (option groups flattened)."""
    if "option_groups" in element:
        return [option for group in element["option_groups"] for option in group.get("options", [])]
    return list(element.get("options", []))


def find_option(options: Sequence[JsonDict], wanted: str) -> JsonDict:
    """The option whose text or value is ``wanted``.

    Raises:
        ValueError: no option matches; the message lists the choices.
    """
    for option in options:
        if option.get("value") == wanted or plain_text_of(option.get("text")) == wanted:
            return copy.deepcopy(option)
    lowered = wanted.casefold()
    for option in options:
        if plain_text_of(option.get("text")).casefold() == lowered:
            return copy.deepcopy(option)
    choices = ", ".join(f"”{plain_text_of(option.get('text'))}”" for option in options)
    raise ValueError(f"”{wanted}” finns inte bland valen ({choices})")


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple, set)):
        return list(value)
    return [value]


def user_value(
    element: JsonDict,
    value: Any,
    workspace: Workspace,
    *,
    options: Callable[[str], list[JsonDict]] | None = None,
    typed: str | None = None,
) -> JsonDict:
    """The state entry after a user sets ``element`` to ``value``, as a Slack client would.

    ``value`` is what a person would pick or type: text for text inputs, an option's
    text or value for selects/radio buttons (a list for multi-selects and checkboxes),
    a user's name or id, a channel's name or id, ``"YYYY-MM-DD"`` (or a ``date``) for
    datepickers, ``"HH:MM"`` for timepickers. ``options`` asks the app for an
    external select's options given the typed text: what the person ``typed``
    (default: ``value`` itself), and ``value`` must be among them.

    Raises:
        ValueError: a person could not do that (option not offered, text longer than
            ``max_length``, no such user …).
    """
    kind = str(element["type"])
    key = value_key(element)
    result: Any
    if kind in ("plain_text_input", "url_text_input", "email_text_input", "number_input"):
        result = None if value is None or value == "" else str(value)
        max_length = element.get("max_length")
        if result is not None and isinstance(max_length, int) and len(result) > max_length:
            raise ValueError(f"Fältet tar högst {max_length} tecken.")
    elif kind in ("static_select", "radio_buttons"):
        result = find_option(all_options(element), str(value))
    elif kind in ("multi_static_select", "checkboxes"):
        result = [find_option(all_options(element), str(item)) for item in _as_list(value)]
    elif kind in ("external_select", "multi_external_select"):
        if options is None:
            raise ValueError("an external select needs the app's options")
        result = [find_option(options(str(item) if typed is None else typed), str(item)) for item in _as_list(value)]
        if kind == "external_select":
            result = result[0]
    elif kind in ("users_select", "multi_users_select"):
        result = [workspace.user(str(item)).id for item in _as_list(value)]
        if kind == "users_select":
            result = result[0]
    elif kind in (
        "conversations_select",
        "channels_select",
        "multi_conversations_select",
        "multi_channels_select",
    ):
        result = [workspace.channel(str(item)).id for item in _as_list(value)]
        if not kind.startswith("multi_"):
            result = result[0]
    elif kind == "datepicker":
        result = value.isoformat() if isinstance(value, date) else str(value)
        try:
            date.fromisoformat(result)
        except ValueError:
            # Slack's date picker offers only days that exist; a typed one must be one.
            raise ValueError(f"”{result}” är inget datum; skriv det som ÅÅÅÅ-MM-DD.") from None
    elif kind == "timepicker":
        result = value.strftime("%H:%M") if isinstance(value, time) else str(value)
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", result):
            raise ValueError(f"”{result}” är ingen tid; skriv den som 09:30.")
    else:
        raise ValueError(f"Ett fält av typen {kind} går inte att fylla i.")
    return {"type": kind, key: result}


def client_side_problem(block: JsonDict, element: JsonDict, value: JsonDict | None) -> str | None:
    """What a Slack client says before it lets a modal be submitted, or None if nothing.

    Slack checks required fields, ``min_length``, number ranges and e-mail/URL shapes
    itself; the app never sees such a submission.
    """
    kind = element.get("type")
    content = value.get(value_key(element)) if value is not None else None
    if content in (None, "", []):
        # Slack's own refusal of an empty required field, in the Swedish client's words.
        return None if block.get("optional") else "Fyll i det här obligatoriska fältet."
    if kind == "plain_text_input":
        min_length = element.get("min_length")
        if isinstance(min_length, int) and len(str(content)) < min_length:
            return f"Skriv minst {min_length} tecken."
    if kind == "number_input":
        try:
            number = float(str(content))
        except ValueError:
            return "Ange ett tal."
        if not element.get("is_decimal_allowed") and not str(content).lstrip("-").isdigit():
            return "Ange ett heltal."
        if "min_value" in element and number < float(element["min_value"]):
            return f"Ange ett tal som är minst {element['min_value']}."
        if "max_value" in element and number > float(element["max_value"]):
            return f"Ange ett tal som är högst {element['max_value']}."
    if kind == "email_text_input" and not _EMAIL.match(str(content)):
        return "Ange en giltig e-postadress."
    if kind == "url_text_input" and not re.match(r"^https?://\S+$", str(content)):
        return "Ange en giltig webbadress."
    return None


def action_entry(block: JsonDict, element: JsonDict, state: JsonDict | None, action_ts: str) -> JsonDict:
    """One ``actions[]`` entry of a ``block_actions`` payload for ``element``."""
    entry: JsonDict = {
        "type": element["type"],
        "block_id": block["block_id"],
        "action_id": element["action_id"],
    }
    if element["type"] == "button":
        entry["text"] = copy.deepcopy(element["text"])
        for key in ("value", "style", "url"):
            if key in element:
                entry[key] = element[key]
    elif state is not None:
        for key, content in state.items():
            if key != "type":
                entry[key] = copy.deepcopy(content)
    if "placeholder" in element:
        entry["placeholder"] = copy.deepcopy(element["placeholder"])
    entry["action_ts"] = action_ts
    return entry
