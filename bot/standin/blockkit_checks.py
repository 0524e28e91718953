"""Checks of Block Kit elements and blocks, with Slack's limits and messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from bot.standin.blockkit_objects import ObjectChecks
from bot.standin.blockkit_schema import (
    ACCESSORY_TYPES,
    ACTIONS_TYPES,
    BLOCK_KEYS,
    COMMON_BLOCK_KEYS,
    ELEMENT_KEYS,
    INPUT_TYPES,
    MAX_BLOCKS,
    RICH_CONTAINERS,
    RICH_LEAVES,
    JsonDict,
)
from bot.standin.sizes import utf16_length

__all__ = ["Checker", "block_elements"]

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


class Checker(ObjectChecks):
    """Collects problems while walking one surface's blocks."""

    # -- elements ----------------------------------------------------------------------

    def element(self, value: Any, pointer: str, *, allowed_types: frozenset[str] | set[str], where: str) -> None:
        element = self.obj(value, pointer)
        if element is None:
            return
        kind = element.get("type")
        if not isinstance(kind, str) or kind not in ELEMENT_KEYS:
            self.fail(f"unsupported element type: {kind}", f"{pointer}/type")
            return
        if kind not in allowed_types:
            self.fail(f"{kind} is not allowed in {where}", f"{pointer}/type")
            return
        common = {"type"} if kind == "image" else {"type", "action_id"}
        self.keys(element, ELEMENT_KEYS[kind] | common, pointer)
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
            # The menu loads its options later, but what it starts with must be a whole option
            # (plain text of at most 75 characters, a value of at most 150), as Slack checks it.
            if "initial_option" in element:
                self.option(element["initial_option"], f"{pointer}/initial_option", plain_only=True, allow_url=False)
            if "initial_options" in element:
                chosen = self.array(element["initial_options"], f"{pointer}/initial_options", max_items=100)
                for index, option in enumerate(chosen):
                    self.option(option, f"{pointer}/initial_options/{index}", plain_only=True, allow_url=False)

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
            # 2,000 on image blocks and image elements alike
            # (https://docs.slack.dev/reference/block-kit/blocks/image-block), counted as Slack
            # counts, in UTF-16 code units: an emoji outside the BMP takes two.
            alt, alt_pointer = obj["alt_text"], f"{pointer}/alt_text"
            if self.string(alt, alt_pointer, max_len=2000, min_len=1) and utf16_length(alt) > 2000:
                self.fail("must be less than 2001 characters", alt_pointer)

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
        if not isinstance(kind, str) or kind not in BLOCK_KEYS:
            self.fail(f"unsupported block type: {kind}", f"{pointer}/type")
            return
        if kind == "input" and self.surface != "modal":
            self.fail("input blocks are only allowed in modals", f"{pointer}/type")
        self.keys(block, BLOCK_KEYS[kind] | COMMON_BLOCK_KEYS, pointer)
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
        for element_pointer, element in block_elements(block, pointer):
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
            self.element(block["accessory"], f"{pointer}/accessory", allowed_types=ACCESSORY_TYPES, where="accessory")
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
            self.element(element, f"{pointer}/elements/{index}", allowed_types=ACTIONS_TYPES, where="actions blocks")

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
            self.element(block["element"], f"{pointer}/element", allowed_types=INPUT_TYPES, where="input blocks")
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
        if kind not in RICH_CONTAINERS:
            self.fail(f"unsupported rich text element type: {kind}", f"{pointer}/type")
            return
        self.keys(container, RICH_CONTAINERS[kind] | {"type"}, pointer)
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
            if leaf_kind not in RICH_LEAVES:
                self.fail(f"unsupported rich text element type: {leaf_kind}", f"{child_pointer}/type")
                continue
            self.keys(leaf, RICH_LEAVES[leaf_kind] | {"type"}, child_pointer)


def block_elements(block: JsonDict, pointer: str) -> Iterator[tuple[str, JsonDict]]:
    kind = block.get("type")
    if kind == "section" and isinstance(block.get("accessory"), dict):
        yield f"{pointer}/accessory", block["accessory"]
    elif kind == "actions" and isinstance(block.get("elements"), list):
        for index, element in enumerate(block["elements"]):
            if isinstance(element, dict):
                yield f"{pointer}/elements/{index}", element
    elif kind == "input" and isinstance(block.get("element"), dict):
        yield f"{pointer}/element", block["element"]


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
