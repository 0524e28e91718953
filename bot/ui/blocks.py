"""Small builders for Block Kit JSON, with Slack's length limits applied.

User text can be long; Slack refuses a block whose text is over its limit,
so every builder cuts to the limit (with an ellipsis) instead of failing.
"""

from __future__ import annotations

import json
from typing import Any

from bot.message_size import MESSAGE_BLOCKS, Block
from bot.slack_format import truncate

__all__ = ["MESSAGE_BLOCKS", "Block"]

SECTION_TEXT = 3000
FIELD_TEXT = 2000
HEADER_TEXT = 150
BUTTON_TEXT = 75
OPTION_TEXT = 75
OPTION_VALUE = 150
CONTEXT_TEXT = 3000
PLACEHOLDER = 150
LABEL = 2000
MODAL_TITLE = 24
VIEW_BLOCKS = 100
INPUT_MAX = 3000


def plain(text: str, limit: int = SECTION_TEXT) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate(text, limit) or " ", "emoji": True}


def md(text: str, limit: int = SECTION_TEXT) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": truncate(text, limit) or " "}


def section(text: str, *, block_id: str | None = None, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": md(text)}
    if block_id:
        block["block_id"] = block_id
    if accessory:
        block["accessory"] = accessory
    return block


def fields(*texts: str) -> Block:
    return {"type": "section", "fields": [md(t, FIELD_TEXT) for t in texts[:10]]}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, HEADER_TEXT)}


def context(*texts: str, block_id: str | None = None) -> Block:
    block: Block = {"type": "context", "elements": [md(t, CONTEXT_TEXT) for t in texts[:10]]}
    if block_id:
        block["block_id"] = block_id
    return block


def divider() -> Block:
    return {"type": "divider"}


def button(label: str, action_id: str, value: str = "", *, style: str | None = None, url: str | None = None) -> Block:
    element: Block = {"type": "button", "text": plain(label, BUTTON_TEXT), "action_id": action_id}
    if value:
        element["value"] = value[:2000]
    if style:
        element["style"] = style
    if url:
        element["url"] = url
    return element


def actions(*elements: Block, block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements[:25])}
    if block_id:
        block["block_id"] = block_id
    return block


def option(text: str, value: str) -> Block:
    return {"text": plain(text, OPTION_TEXT), "value": value[:OPTION_VALUE]}


# Every field the bot builds takes its placeholder as a required argument: without one, Slack shows its
# own, in English ("Select a user", "Select a date"), in a form that is otherwise Swedish.


def text_input(
    action_id: str,
    *,
    placeholder: str,
    multiline: bool = False,
    initial: str | None = None,
    max_length: int | None = None,
    dispatch_on_enter: bool = False,
) -> Block:
    element: Block = {
        "type": "plain_text_input",
        "action_id": action_id,
        "multiline": multiline,
        "placeholder": plain(placeholder, PLACEHOLDER),
    }
    if initial:
        element["initial_value"] = initial[: max_length or INPUT_MAX]
    if max_length:
        element["max_length"] = max_length
    if dispatch_on_enter:
        element["dispatch_action_config"] = {"trigger_actions_on": ["on_enter_pressed"]}
    return element


def static_select(action_id: str, options: list[Block], initial_value: str | None = None, *, placeholder: str) -> Block:
    element: Block = {
        "type": "static_select",
        "action_id": action_id,
        "options": options[:100],
        "placeholder": plain(placeholder, PLACEHOLDER),
    }
    initial = next((o for o in options if o["value"] == initial_value), None)
    if initial is not None:
        element["initial_option"] = initial
    return element


def external_select(
    action_id: str, initial: Block | None = None, *, placeholder: str, min_query_length: int = 0
) -> Block:
    """A select whose options the app gives as the person types (``block_suggestion``).

    ``min_query_length`` 0 loads the list as soon as the menu opens.
    """
    element: Block = {
        "type": "external_select",
        "action_id": action_id,
        "min_query_length": min_query_length,
        "placeholder": plain(placeholder, PLACEHOLDER),
    }
    if initial is not None:
        element["initial_option"] = initial
    return element


def users_select(action_id: str, initial_user: str | None = None, *, placeholder: str) -> Block:
    element: Block = {"type": "users_select", "action_id": action_id, "placeholder": plain(placeholder, PLACEHOLDER)}
    if initial_user:
        element["initial_user"] = initial_user
    return element


def datepicker(action_id: str, initial: str | None = None, *, placeholder: str) -> Block:
    """A date picker; ``initial`` is an ISO date (YYYY-MM-DD)."""
    element: Block = {"type": "datepicker", "action_id": action_id, "placeholder": plain(placeholder, PLACEHOLDER)}
    if initial:
        element["initial_date"] = initial
    return element


def input_block(
    block_id: str,
    label: str,
    element: Block,
    *,
    optional: bool = False,
    hint: str | None = None,
    dispatch_action: bool = False,
) -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label, LABEL),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint, LABEL)
    if dispatch_action:
        block["dispatch_action"] = True
    return block


# A number of days fits in three digits (the forms' own bounds are checked when they are read).
DAYS_DIGITS = 3


def days_input(
    block_id: str, label: str, action_id: str, days: int, *, placeholder: str, hint: str | None = None
) -> Block:
    """A field for a number of days, shown with its current value ("Antal arbetsdagar före …")."""
    element = text_input(action_id, initial=str(days), max_length=DAYS_DIGITS, placeholder=placeholder)
    return input_block(block_id, label, element, hint=hint)


def modal(
    callback_id: str,
    title: str,
    blocks: list[Block],
    *,
    submit: str | None = None,
    close: str | None = None,
    private_metadata: str = "",
) -> Block:
    view: Block = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, MODAL_TITLE),
        "blocks": blocks[:VIEW_BLOCKS],
    }
    if submit:
        view["submit"] = plain(submit, MODAL_TITLE)
    if close:
        view["close"] = plain(close, MODAL_TITLE)
    if private_metadata:
        view["private_metadata"] = private_metadata[:3000]
    return view


def metadata(raw: str | None) -> dict[str, Any]:
    """A view's private_metadata as the JSON object the bot wrote; empty for anything else."""
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
