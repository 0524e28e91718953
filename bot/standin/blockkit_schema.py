"""Block Kit's schema as the stand-in checks it: the fields of each block, element and view type, and Slack's limits.

Mostly data: a field not named here is refused, as Slack's schema validation does.
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = [
    "ACCESSORY_TYPES",
    "ACTIONS_TYPES",
    "BLOCK_KEYS",
    "COMMON_BLOCK_KEYS",
    "ELEMENT_KEYS",
    "HOME_KEYS",
    "INPUT_TYPES",
    "INTERACTIVE_TYPES",
    "MAX_BLOCKS",
    "MAX_MESSAGE_TEXT",
    "MODAL_KEYS",
    "RICH_CONTAINERS",
    "RICH_LEAVES",
    "SELECT_TYPES",
    "TEXT_INPUT_TYPES",
    "JsonDict",
    "Surface",
]

JsonDict = dict[str, Any]
Surface = Literal["message", "modal", "home"]

MAX_BLOCKS: dict[Surface, int] = {"message": 50, "modal": 100, "home": 100}
MAX_MESSAGE_TEXT = 40_000

COMMON_BLOCK_KEYS = {"type", "block_id"}
BLOCK_KEYS: dict[str, set[str]] = {
    "section": {"text", "fields", "accessory", "expand"},
    "header": {"text"},
    "divider": set(),
    "context": {"elements"},
    "actions": {"elements"},
    "input": {"label", "element", "hint", "optional", "dispatch_action"},
    "image": {"image_url", "slack_file", "alt_text", "title"},
    "rich_text": {"elements"},
}

_SELECT_COMMON = {"placeholder", "confirm", "focus_on_load"}
ELEMENT_KEYS: dict[str, set[str]] = {
    "button": {"text", "value", "url", "style", "confirm", "accessibility_label"},
    "static_select": _SELECT_COMMON | {"options", "option_groups", "initial_option"},
    "multi_static_select": _SELECT_COMMON | {"options", "option_groups", "initial_options", "max_selected_items"},
    "external_select": _SELECT_COMMON | {"initial_option", "min_query_length"},
    "multi_external_select": _SELECT_COMMON | {"initial_options", "min_query_length", "max_selected_items"},
    "users_select": _SELECT_COMMON | {"initial_user"},
    "multi_users_select": _SELECT_COMMON | {"initial_users", "max_selected_items"},
    "conversations_select": _SELECT_COMMON
    | {"initial_conversation", "default_to_current_conversation", "response_url_enabled", "filter"},
    "multi_conversations_select": _SELECT_COMMON
    | {"initial_conversations", "default_to_current_conversation", "max_selected_items", "filter"},
    "channels_select": _SELECT_COMMON | {"initial_channel", "response_url_enabled"},
    "multi_channels_select": _SELECT_COMMON | {"initial_channels", "max_selected_items"},
    "datepicker": _SELECT_COMMON | {"initial_date"},
    "timepicker": _SELECT_COMMON | {"initial_time", "timezone"},
    "plain_text_input": {
        "placeholder",
        "initial_value",
        "multiline",
        "min_length",
        "max_length",
        "dispatch_action_config",
        "focus_on_load",
    },
    "checkboxes": {"options", "initial_options", "confirm", "focus_on_load"},
    "radio_buttons": {"options", "initial_option", "confirm", "focus_on_load"},
    "overflow": {"options", "confirm"},
    "url_text_input": {"placeholder", "initial_value", "dispatch_action_config", "focus_on_load"},
    "email_text_input": {"placeholder", "initial_value", "dispatch_action_config", "focus_on_load"},
    "number_input": {
        "placeholder",
        "is_decimal_allowed",
        "initial_value",
        "min_value",
        "max_value",
        "dispatch_action_config",
        "focus_on_load",
    },
    "image": {"image_url", "slack_file", "alt_text"},
}

SELECT_TYPES = frozenset(
    {
        "static_select",
        "external_select",
        "users_select",
        "conversations_select",
        "channels_select",
        "multi_static_select",
        "multi_external_select",
        "multi_users_select",
        "multi_conversations_select",
        "multi_channels_select",
    }
)
TEXT_INPUT_TYPES = frozenset({"plain_text_input", "url_text_input", "email_text_input", "number_input"})
ACCESSORY_TYPES = SELECT_TYPES | {
    "button",
    "overflow",
    "datepicker",
    "timepicker",
    "checkboxes",
    "radio_buttons",
    "image",
}
ACTIONS_TYPES = ACCESSORY_TYPES - {"image"}
INPUT_TYPES = SELECT_TYPES | TEXT_INPUT_TYPES | {"datepicker", "timepicker", "checkboxes", "radio_buttons"}
INTERACTIVE_TYPES = frozenset(ACTIONS_TYPES | TEXT_INPUT_TYPES)

RICH_CONTAINERS: dict[str, set[str]] = {
    "rich_text_section": {"elements"},
    "rich_text_list": {"elements", "style", "indent", "offset", "border"},
    "rich_text_preformatted": {"elements", "border", "language"},
    "rich_text_quote": {"elements", "border"},
}
RICH_LEAVES: dict[str, set[str]] = {
    "text": {"text", "style"},
    "link": {"url", "text", "unsafe", "style"},
    "emoji": {"name", "unicode", "skin_tone", "style"},
    "user": {"user_id", "style"},
    "channel": {"channel_id", "style"},
    "usergroup": {"usergroup_id", "style"},
    "broadcast": {"range", "style"},
    "date": {"timestamp", "format", "url", "fallback", "style"},
    "color": {"value"},
}

MODAL_KEYS = {
    "type",
    "title",
    "blocks",
    "close",
    "submit",
    "private_metadata",
    "callback_id",
    "clear_on_close",
    "notify_on_close",
    "external_id",
    "submit_disabled",
}
HOME_KEYS = {"type", "blocks", "private_metadata", "callback_id", "external_id"}
