"""Block Kit checks with Slack's limits, and the walks over blocks the rest of the stand-in needs.

``validate_blocks`` / ``validate_view`` return the problems Slack would report
(``[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]``);
an empty list means Slack would accept the payload. Unknown fields are refused, as
Slack's schema validation does.

The schema (fields and limits) is in `blockkit_schema`, the checks in
`blockkit_objects` (text objects, options …) and `blockkit_checks` (elements and
blocks).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from bot.standin.blockkit_checks import Checker, block_elements
from bot.standin.blockkit_objects import BlockProblem
from bot.standin.blockkit_schema import (
    HOME_KEYS,
    INTERACTIVE_TYPES,
    MAX_BLOCKS,
    MAX_MESSAGE_TEXT,
    MODAL_KEYS,
    SELECT_TYPES,
    TEXT_INPUT_TYPES,
    JsonDict,
    Surface,
)
from bot.standin.ids import random_secret

# The schema's limits and element kinds are importable from here, as the rest of the stand-in does.
__all__ = [
    "INTERACTIVE_TYPES",
    "MAX_BLOCKS",
    "MAX_MESSAGE_TEXT",
    "SELECT_TYPES",
    "TEXT_INPUT_TYPES",
    "BlockProblem",
    "Surface",
    "iter_elements",
    "plain_text_of",
    "validate_blocks",
    "validate_suggestions",
    "validate_view",
    "with_ids",
]


def validate_blocks(blocks: Any, surface: Surface, pointer: str = "/blocks") -> list[BlockProblem]:
    """Problems Slack would report for ``blocks`` shown on ``surface``; empty if it would accept."""
    checker = Checker(surface)
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
    checker = Checker(surface)
    checker.keys(view, MODAL_KEYS if kind == "modal" else HOME_KEYS, pointer)
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


def validate_suggestions(answer: Any) -> list[BlockProblem]:
    """Problems Slack finds in an app's answer to ``block_suggestion``; empty if it would show it.

    The answer holds ``options`` (at most 100) or ``option_groups`` (at most 100),
    each option plain text of at most 75 characters with a value of at most 150, as
    for a static select's options: https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element#external_select
    (Slack shows the menu empty and says the options could not load when the answer is refused.)
    """
    checker = Checker("modal")
    answer = checker.obj(answer, "")
    if answer is not None:
        checker.keys(answer, {"options", "option_groups"}, "")
        # Nothing found is an empty list, which Slack shows as "No results".
        if answer.get("options") != [] or "option_groups" in answer:
            checker.options(answer, "", max_items=100, plain_only=True)
    return checker.problems


def iter_elements(blocks: list[JsonDict]) -> Iterator[tuple[JsonDict, JsonDict]]:
    """Every interactive element with its block: section accessories, actions, input elements."""
    for block in blocks:
        for _, element in block_elements(block, ""):
            yield block, element


def with_ids(blocks: list[JsonDict]) -> list[JsonDict]:
    """A copy of ``blocks`` with the ``block_id`` / ``action_id`` Slack fills in when missing."""
    stored = copy.deepcopy(blocks)
    for block in stored:
        block.setdefault("block_id", random_secret(5))
        for _, element in block_elements(block, ""):
            if element.get("type") != "image":
                element.setdefault("action_id", random_secret(5))
    return stored


def plain_text_of(text: Any) -> str:
    """The ``text`` of a text object (``""`` for anything else)."""
    if isinstance(text, dict) and isinstance(text.get("text"), str):
        return str(text["text"])
    return ""
