"""Block Kit checks with Slack's limits, and the walks over blocks the rest of the stand-in needs.

``validate_blocks`` / ``validate_view`` return the problems Slack would report
(``[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]``);
an empty list means Slack would accept the payload. Unknown fields are refused, as
Slack's schema validation does.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from bot.standin.ids import random_secret

JsonDict = dict[str, Any]
Surface = Literal["message", "modal", "home"]

MAX_BLOCKS: dict[Surface, int] = {"message": 50, "modal": 100, "home": 100}
MAX_MESSAGE_TEXT = 40_000


@dataclass(frozen=True)
class BlockProblem:
    """One reason Slack would refuse the blocks, with the JSON pointer to the offending spot."""

    message: str
    pointer: str

    def __str__(self) -> str:
        return f"[ERROR] {self.message} [json-pointer:{self.pointer}]"


_COMMON_BLOCK_KEYS = {"type", "block_id"}
_BLOCK_KEYS: dict[str, set[str]] = {
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
_ELEMENT_KEYS: dict[str, set[str]] = {
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
_ACCESSORY_TYPES = SELECT_TYPES | {
    "button",
    "overflow",
    "datepicker",
    "timepicker",
    "checkboxes",
    "radio_buttons",
    "image",
}
_ACTIONS_TYPES = _ACCESSORY_TYPES - {"image"}
_INPUT_TYPES = SELECT_TYPES | TEXT_INPUT_TYPES | {"datepicker", "timepicker", "checkboxes", "radio_buttons"}
INTERACTIVE_TYPES = frozenset(_ACTIONS_TYPES | TEXT_INPUT_TYPES)

_RICH_CONTAINERS: dict[str, set[str]] = {
    "rich_text_section": {"elements"},
    "rich_text_list": {"elements", "style", "indent", "offset", "border"},
    "rich_text_preformatted": {"elements", "border", "language"},
    "rich_text_quote": {"elements", "border"},
}
_RICH_LEAVES: dict[str, set[str]] = {
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

_MODAL_KEYS = {
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
_HOME_KEYS = {"type", "blocks", "private_metadata", "callback_id", "external_id"}

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


class _Checker:
    """Collects problems while walking one surface's blocks."""

    def __init__(self, surface: Surface) -> None:
        self.surface = surface
        self.problems: list[BlockProblem] = []
        self.block_ids: set[str] = set()

    def fail(self, message: str, pointer: str) -> None:
        self.problems.append(BlockProblem(message, pointer))

    # -- primitives -------------------------------------------------------------

    def keys(self, obj: JsonDict, allowed: set[str], pointer: str) -> None:
        for key in obj:
            if key not in allowed:
                self.fail(f"invalid additional property: {key}", f"{pointer}/{key}")

    def string(self, value: Any, pointer: str, *, max_len: int, min_len: int = 0) -> bool:
        if not isinstance(value, str):
            self.fail("must be a string", pointer)
            return False
        if len(value) > max_len:
            self.fail(f"must be less than {max_len + 1} characters", pointer)
            return False
        if len(value) < min_len:
            self.fail(f"must be more than {min_len - 1} characters", pointer)
            return False
        return True

    def boolean(self, obj: JsonDict, key: str, pointer: str) -> None:
        if key in obj and not isinstance(obj[key], bool):
            self.fail("must be a boolean", f"{pointer}/{key}")

    def integer(self, obj: JsonDict, key: str, pointer: str, *, low: int, high: int) -> int | None:
        if key not in obj:
            return None
        value = obj[key]
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail("must be an integer", f"{pointer}/{key}")
            return None
        if not low <= value <= high:
            self.fail(f"must be between {low} and {high}", f"{pointer}/{key}")
            return None
        return value

    def obj(self, value: Any, pointer: str) -> JsonDict | None:
        if not isinstance(value, dict):
            self.fail("must provide an object", pointer)
            return None
        return value

    def array(self, value: Any, pointer: str, *, max_items: int, min_items: int = 1) -> list[Any]:
        if not isinstance(value, list):
            self.fail("must provide an array", pointer)
            return []
        if len(value) > max_items:
            self.fail(f"no more than {max_items} items allowed", pointer)
        if len(value) < min_items:
            self.fail(f"must provide at least {min_items} item{'s' if min_items > 1 else ''}", pointer)
        return value

    def text_object(self, value: Any, pointer: str, *, max_len: int, plain_only: bool = False) -> None:
        text = self.obj(value, pointer)
        if text is None:
            return
        kind = text.get("type")
        if kind not in ("plain_text", "mrkdwn"):
            self.fail("must be either plain_text or mrkdwn", f"{pointer}/type")
            return
        if plain_only and kind != "plain_text":
            self.fail("must be plain_text", f"{pointer}/type")
        allowed = {"type", "text", "emoji"} if kind == "plain_text" else {"type", "text", "verbatim"}
        self.keys(text, allowed, pointer)
        if "text" not in text:
            self.fail("missing required field: text", pointer)
        else:
            self.string(text["text"], f"{pointer}/text", max_len=max_len, min_len=1)
        self.boolean(text, "emoji", pointer)
        self.boolean(text, "verbatim", pointer)

    def url(self, obj: JsonDict, key: str, pointer: str) -> None:
        if key in obj:
            self.string(obj[key], f"{pointer}/{key}", max_len=3000, min_len=1)

    # -- composition objects -------------------------------------------------------

    def confirm(self, value: Any, pointer: str) -> None:
        confirm = self.obj(value, pointer)
        if confirm is None:
            return
        self.keys(confirm, {"title", "text", "confirm", "deny", "style"}, pointer)
        for key, max_len in (("title", 100), ("confirm", 30), ("deny", 30)):
            if key not in confirm:
                self.fail(f"missing required field: {key}", pointer)
            else:
                self.text_object(confirm[key], f"{pointer}/{key}", max_len=max_len, plain_only=True)
        if "text" not in confirm:
            self.fail("missing required field: text", pointer)
        else:
            self.text_object(confirm["text"], f"{pointer}/text", max_len=300)
        if "style" in confirm and confirm["style"] not in ("primary", "danger"):
            self.fail("must be a valid enum value", f"{pointer}/style")

    def option(self, value: Any, pointer: str, *, plain_only: bool, allow_url: bool) -> None:
        option = self.obj(value, pointer)
        if option is None:
            return
        allowed = {"text", "value", "description"} | ({"url"} if allow_url else set())
        self.keys(option, allowed, pointer)
        if "text" not in option:
            self.fail("missing required field: text", pointer)
        else:
            self.text_object(option["text"], f"{pointer}/text", max_len=75, plain_only=plain_only)
        if "value" not in option:
            self.fail("missing required field: value", pointer)
        else:
            self.string(option["value"], f"{pointer}/value", max_len=150, min_len=1)
        if "description" in option:
            self.text_object(option["description"], f"{pointer}/description", max_len=75, plain_only=plain_only)
        self.url(option, "url", pointer)

    def options(
        self, element: JsonDict, pointer: str, *, max_items: int, plain_only: bool, allow_url: bool = False
    ) -> list[JsonDict]:
        """Check ``options`` / ``option_groups``; return all options for initial-value checks."""
        found: list[JsonDict] = []
        if "options" in element and "option_groups" in element:
            self.fail("options and option_groups cannot both be provided", pointer)
        if "option_groups" in element:
            groups = self.array(element["option_groups"], f"{pointer}/option_groups", max_items=100)
            for index, raw in enumerate(groups):
                group_pointer = f"{pointer}/option_groups/{index}"
                group = self.obj(raw, group_pointer)
                if group is None:
                    continue
                self.keys(group, {"label", "options"}, group_pointer)
                if "label" not in group:
                    self.fail("missing required field: label", group_pointer)
                else:
                    self.text_object(group["label"], f"{group_pointer}/label", max_len=75, plain_only=True)
                inner = self.array(group.get("options"), f"{group_pointer}/options", max_items=100)
                for inner_index, option in enumerate(inner):
                    self.option(
                        option,
                        f"{group_pointer}/options/{inner_index}",
                        plain_only=plain_only,
                        allow_url=allow_url,
                    )
                found.extend(option for option in inner if isinstance(option, dict))
        elif "options" in element:
            options = self.array(element["options"], f"{pointer}/options", max_items=max_items)
            for index, option in enumerate(options):
                self.option(option, f"{pointer}/options/{index}", plain_only=plain_only, allow_url=allow_url)
            found.extend(option for option in options if isinstance(option, dict))
        else:
            self.fail("missing required field: options", pointer)
        return found

    def initial_options(self, element: JsonDict, known: list[JsonDict], pointer: str) -> None:
        wanted: list[tuple[Any, str]] = []
        if "initial_option" in element:
            wanted.append((element["initial_option"], f"{pointer}/initial_option"))
        if "initial_options" in element:
            chosen = element["initial_options"]
            if isinstance(chosen, list):
                wanted.extend((item, f"{pointer}/initial_options/{i}") for i, item in enumerate(chosen))
            else:
                self.fail("must provide an array", f"{pointer}/initial_options")
        for option, option_pointer in wanted:
            if not any(_same_option(option, candidate) for candidate in known):
                self.fail("must match one of the provided options", option_pointer)

    # -- elements ----------------------------------------------------------------------

    def element(self, value: Any, pointer: str, *, allowed_types: frozenset[str] | set[str], where: str) -> None:
        element = self.obj(value, pointer)
        if element is None:
            return
        kind = element.get("type")
        if not isinstance(kind, str) or kind not in _ELEMENT_KEYS:
            self.fail(f"unsupported element type: {kind}", f"{pointer}/type")
            return
        if kind not in allowed_types:
            self.fail(f"{kind} is not allowed in {where}", f"{pointer}/type")
            return
        common = {"type"} if kind == "image" else {"type", "action_id"}
        self.keys(element, _ELEMENT_KEYS[kind] | common, pointer)
        if "action_id" in element:
            self.string(element["action_id"], f"{pointer}/action_id", max_len=255, min_len=1)
        if "placeholder" in element:
            self.text_object(element["placeholder"], f"{pointer}/placeholder", max_len=150, plain_only=True)
        if "confirm" in element:
            self.confirm(element["confirm"], f"{pointer}/confirm")
        self.boolean(element, "focus_on_load", pointer)
        self._element_details(kind, element, pointer)

    def _element_details(self, kind: str, element: JsonDict, pointer: str) -> None:
        if kind == "button":
            if "text" not in element:
                self.fail("missing required field: text", pointer)
            else:
                self.text_object(element["text"], f"{pointer}/text", max_len=75, plain_only=True)
            if "value" in element:
                self.string(element["value"], f"{pointer}/value", max_len=2000)
            self.url(element, "url", pointer)
            if "style" in element and element["style"] not in ("primary", "danger"):
                self.fail("must be a valid enum value", f"{pointer}/style")
            if "accessibility_label" in element:
                self.string(element["accessibility_label"], f"{pointer}/accessibility_label", max_len=75)
        elif kind in ("static_select", "multi_static_select"):
            known = self.options(element, pointer, max_items=100, plain_only=True)
            self.initial_options(element, known, pointer)
        elif kind in ("checkboxes", "radio_buttons"):
            known = self.options(element, pointer, max_items=10, plain_only=False)
            self.initial_options(element, known, pointer)
        elif kind == "overflow":
            self.options(element, pointer, max_items=5, plain_only=True, allow_url=True)
        elif kind == "plain_text_input":
            self._plain_text_input(element, pointer)
        elif kind in ("url_text_input", "email_text_input"):
            if "initial_value" in element:
                self.string(element["initial_value"], f"{pointer}/initial_value", max_len=3000)
        elif kind == "number_input":
            self._number_input(element, pointer)
        elif kind == "datepicker" and "initial_date" in element:
            if not _is_date(element["initial_date"]):
                self.fail("must be a valid date in the format YYYY-MM-DD", f"{pointer}/initial_date")
        elif kind == "timepicker" and "initial_time" in element:
            if not isinstance(element["initial_time"], str) or not _TIME.match(element["initial_time"]):
                self.fail("must be a valid time in the format HH:mm", f"{pointer}/initial_time")
        elif kind == "image":
            self._image(element, pointer)
        if kind.startswith("multi_"):
            self.integer(element, "max_selected_items", pointer, low=1, high=100)
        if kind in ("external_select", "multi_external_select"):
            self.integer(element, "min_query_length", pointer, low=0, high=100)

    def _plain_text_input(self, element: JsonDict, pointer: str) -> None:
        self.boolean(element, "multiline", pointer)
        low = self.integer(element, "min_length", pointer, low=0, high=3000)
        high = self.integer(element, "max_length", pointer, low=1, high=3000)
        if low is not None and high is not None and low > high:
            self.fail("min_length must not exceed max_length", f"{pointer}/min_length")
        if "initial_value" in element:
            limit = high if high is not None else 3000
            self.string(element["initial_value"], f"{pointer}/initial_value", max_len=limit)

    def _number_input(self, element: JsonDict, pointer: str) -> None:
        if "is_decimal_allowed" not in element:
            self.fail("missing required field: is_decimal_allowed", pointer)
        self.boolean(element, "is_decimal_allowed", pointer)
        for key in ("initial_value", "min_value", "max_value"):
            if key in element and (not isinstance(element[key], str) or not _NUMBER.match(element[key])):
                self.fail("must be a number written as a string", f"{pointer}/{key}")

    def _image(self, obj: JsonDict, pointer: str) -> None:
        if "image_url" not in obj and "slack_file" not in obj:
            self.fail("missing required field: image_url", pointer)
        self.url(obj, "image_url", pointer)
        if "alt_text" not in obj:
            self.fail("missing required field: alt_text", pointer)
        else:
            self.string(obj["alt_text"], f"{pointer}/alt_text", max_len=2000, min_len=1)

    # -- blocks ---------------------------------------------------------------------------

    def blocks(self, value: Any, pointer: str) -> None:
        if not isinstance(value, list):
            self.fail("must provide an array", pointer)
            return
        limit = MAX_BLOCKS[self.surface]
        if len(value) > limit:
            self.fail(f"no more than {limit} items allowed", pointer)
        for index, block in enumerate(value):
            self.block(block, f"{pointer}/{index}")

    def block(self, value: Any, pointer: str) -> None:
        block = self.obj(value, pointer)
        if block is None:
            return
        kind = block.get("type")
        if not isinstance(kind, str) or kind not in _BLOCK_KEYS:
            self.fail(f"unsupported block type: {kind}", f"{pointer}/type")
            return
        if kind == "input" and self.surface != "modal":
            self.fail("input blocks are only allowed in modals", f"{pointer}/type")
        self.keys(block, _BLOCK_KEYS[kind] | _COMMON_BLOCK_KEYS, pointer)
        if "block_id" in block and self.string(block["block_id"], f"{pointer}/block_id", max_len=255, min_len=1):
            if block["block_id"] in self.block_ids:
                self.fail(f"duplicate block_id: {block['block_id']}", f"{pointer}/block_id")
            self.block_ids.add(block["block_id"])
        checks = {
            "section": self._block_section,
            "header": self._block_header,
            "divider": self._block_divider,
            "context": self._block_context,
            "actions": self._block_actions,
            "input": self._block_input,
            "image": self._block_image,
            "rich_text": self._block_rich_text,
        }
        checks[kind](block, pointer)
        # Slack asks action_ids to be unique among the elements of one block.
        action_ids: set[str] = set()
        for element_pointer, element in _block_elements(block, pointer):
            action_id = element.get("action_id")
            if isinstance(action_id, str):
                if action_id in action_ids:
                    self.fail(f"duplicate action_id: {action_id}", f"{element_pointer}/action_id")
                action_ids.add(action_id)

    def _block_section(self, block: JsonDict, pointer: str) -> None:
        if "text" not in block and "fields" not in block:
            self.fail("must provide either text or fields", pointer)
        if "text" in block:
            self.text_object(block["text"], f"{pointer}/text", max_len=3000)
        if "fields" in block:
            fields = self.array(block["fields"], f"{pointer}/fields", max_items=10)
            for index, text in enumerate(fields):
                self.text_object(text, f"{pointer}/fields/{index}", max_len=2000)
        if "accessory" in block:
            self.element(block["accessory"], f"{pointer}/accessory", allowed_types=_ACCESSORY_TYPES, where="accessory")
        self.boolean(block, "expand", pointer)

    def _block_header(self, block: JsonDict, pointer: str) -> None:
        if "text" not in block:
            self.fail("missing required field: text", pointer)
        else:
            self.text_object(block["text"], f"{pointer}/text", max_len=150, plain_only=True)

    def _block_divider(self, block: JsonDict, pointer: str) -> None:
        del block, pointer  # a divider has nothing to check beyond its keys

    def _block_context(self, block: JsonDict, pointer: str) -> None:
        elements = self.array(block.get("elements"), f"{pointer}/elements", max_items=10)
        for index, raw in enumerate(elements):
            element_pointer = f"{pointer}/elements/{index}"
            element = self.obj(raw, element_pointer)
            if element is None:
                continue
            if element.get("type") == "image":
                self.keys(element, {"type", "image_url", "slack_file", "alt_text"}, element_pointer)
                self._image(element, element_pointer)
            else:
                self.text_object(element, element_pointer, max_len=3000)

    def _block_actions(self, block: JsonDict, pointer: str) -> None:
        elements = self.array(block.get("elements"), f"{pointer}/elements", max_items=25)
        for index, element in enumerate(elements):
            self.element(element, f"{pointer}/elements/{index}", allowed_types=_ACTIONS_TYPES, where="actions blocks")

    def _block_input(self, block: JsonDict, pointer: str) -> None:
        if "label" not in block:
            self.fail("missing required field: label", pointer)
        else:
            self.text_object(block["label"], f"{pointer}/label", max_len=2000, plain_only=True)
        if "hint" in block:
            self.text_object(block["hint"], f"{pointer}/hint", max_len=2000, plain_only=True)
        if "element" not in block:
            self.fail("missing required field: element", pointer)
        else:
            self.element(block["element"], f"{pointer}/element", allowed_types=_INPUT_TYPES, where="input blocks")
        self.boolean(block, "optional", pointer)
        self.boolean(block, "dispatch_action", pointer)

    def _block_image(self, block: JsonDict, pointer: str) -> None:
        self._image(block, pointer)
        if "title" in block:
            self.text_object(block["title"], f"{pointer}/title", max_len=2000, plain_only=True)

    def _block_rich_text(self, block: JsonDict, pointer: str) -> None:
        for index, raw in enumerate(self.array(block.get("elements"), f"{pointer}/elements", max_items=100)):
            self._rich_container(raw, f"{pointer}/elements/{index}")

    def _rich_container(self, value: Any, pointer: str) -> None:
        container = self.obj(value, pointer)
        if container is None:
            return
        kind = container.get("type")
        if kind not in _RICH_CONTAINERS:
            self.fail(f"unsupported rich text element type: {kind}", f"{pointer}/type")
            return
        self.keys(container, _RICH_CONTAINERS[kind] | {"type"}, pointer)
        children = self.array(container.get("elements"), f"{pointer}/elements", max_items=1000, min_items=0)
        for index, child in enumerate(children):
            child_pointer = f"{pointer}/elements/{index}"
            if kind == "rich_text_list":
                self._rich_container(child, child_pointer)
                continue
            leaf = self.obj(child, child_pointer)
            if leaf is None:
                continue
            leaf_kind = leaf.get("type")
            if leaf_kind not in _RICH_LEAVES:
                self.fail(f"unsupported rich text element type: {leaf_kind}", f"{child_pointer}/type")
                continue
            self.keys(leaf, _RICH_LEAVES[leaf_kind] | {"type"}, child_pointer)


def _block_elements(block: JsonDict, pointer: str) -> Iterator[tuple[str, JsonDict]]:
    kind = block.get("type")
    if kind == "section" and isinstance(block.get("accessory"), dict):
        yield f"{pointer}/accessory", block["accessory"]
    elif kind == "actions" and isinstance(block.get("elements"), list):
        for index, element in enumerate(block["elements"]):
            if isinstance(element, dict):
                yield f"{pointer}/elements/{index}", element
    elif kind == "input" and isinstance(block.get("element"), dict):
        yield f"{pointer}/element", block["element"]


def _same_option(left: Any, right: JsonDict) -> bool:
    if not isinstance(left, dict):
        return False
    left_text = left.get("text", {}).get("text") if isinstance(left.get("text"), dict) else None
    right_text = right.get("text", {}).get("text") if isinstance(right.get("text"), dict) else None
    return bool(left.get("value") == right.get("value") and left_text == right_text)


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def validate_blocks(blocks: Any, surface: Surface, pointer: str = "/blocks") -> list[BlockProblem]:
    """Problems Slack would report for ``blocks`` shown on ``surface``; empty if it would accept."""
    checker = _Checker(surface)
    checker.blocks(blocks, pointer)
    return checker.problems


def validate_view(view: Any, allowed_types: tuple[str, ...] = ("modal", "home")) -> list[BlockProblem]:
    """Problems Slack would report for a ``view`` argument (pointer ``/view``); empty if fine."""
    pointer = "/view"
    if not isinstance(view, dict):
        return [BlockProblem("must provide an object", pointer)]
    kind = view.get("type")
    if kind not in allowed_types:
        return [BlockProblem(f"must be one of: {', '.join(allowed_types)}", f"{pointer}/type")]
    surface: Surface = "modal" if kind == "modal" else "home"
    checker = _Checker(surface)
    checker.keys(view, _MODAL_KEYS if kind == "modal" else _HOME_KEYS, pointer)
    if kind == "modal":
        if "title" not in view:
            checker.fail("missing required field: title", pointer)
        else:
            checker.text_object(view["title"], f"{pointer}/title", max_len=24, plain_only=True)
        for key in ("submit", "close"):
            if key in view:
                checker.text_object(view[key], f"{pointer}/{key}", max_len=24, plain_only=True)
        has_input = isinstance(view.get("blocks"), list) and any(
            isinstance(block, dict) and block.get("type") == "input" for block in view["blocks"]
        )
        if has_input and "submit" not in view:
            checker.fail("submit is required when the view has input blocks", f"{pointer}/submit")
        for key in ("clear_on_close", "notify_on_close", "submit_disabled"):
            checker.boolean(view, key, pointer)
    if "blocks" not in view:
        checker.fail("missing required field: blocks", pointer)
    else:
        checker.blocks(view["blocks"], f"{pointer}/blocks")
    if "private_metadata" in view:
        checker.string(view["private_metadata"], f"{pointer}/private_metadata", max_len=3000)
    if "callback_id" in view:
        checker.string(view["callback_id"], f"{pointer}/callback_id", max_len=255)
    if "external_id" in view:
        checker.string(view["external_id"], f"{pointer}/external_id", max_len=255)
    return checker.problems


def iter_elements(blocks: list[JsonDict]) -> Iterator[tuple[JsonDict, JsonDict]]:
    """Every interactive element with its block: section accessories, actions, input elements."""
    for block in blocks:
        for _, element in _block_elements(block, ""):
            yield block, element


def with_ids(blocks: list[JsonDict]) -> list[JsonDict]:
    """A copy of ``blocks`` with the ``block_id`` / ``action_id`` Slack fills in when missing."""
    stored = copy.deepcopy(blocks)
    for block in stored:
        block.setdefault("block_id", random_secret(5))
        for _, element in _block_elements(block, ""):
            if element.get("type") != "image":
                element.setdefault("action_id", random_secret(5))
    return stored


def plain_text_of(text: Any) -> str:
    """The ``text`` of a text object (``""`` for anything else)."""
    if isinstance(text, dict) and isinstance(text.get("text"), str):
        return str(text["text"])
    return ""
