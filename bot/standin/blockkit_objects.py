"""Checks of what blocks are made of: strings, numbers, arrays, text objects, confirm dialogs, options.

`ObjectChecks` collects the problems; `blockkit_checks.Checker` adds the elements and blocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.standin.blockkit_schema import JsonDict, Surface

__all__ = ["BlockProblem", "ObjectChecks"]


@dataclass(frozen=True)
class BlockProblem:
    """One reason Slack would refuse the blocks, with the JSON pointer to the offending spot."""

    message: str
    pointer: str

    def __str__(self) -> str:
        return f"[ERROR] {self.message} [json-pointer:{self.pointer}]"


class ObjectChecks:
    """Collects problems while walking one surface's blocks: the checks of their parts."""

    def __init__(self, surface: Surface) -> None:
        self.surface = surface
        self.problems: list[BlockProblem] = []
        self.block_ids: set[str] = set()

    def fail(self, message: str, pointer: str) -> None:
        self.problems.append(BlockProblem(message, pointer))

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


def _same_option(left: Any, right: JsonDict) -> bool:
    if not isinstance(left, dict):
        return False
    left_text = left.get("text", {}).get("text") if isinstance(left.get("text"), dict) else None
    right_text = right.get("text", {}).get("text") if isinstance(right.get("text"), dict) else None
    return bool(left.get("value") == right.get("value") and left_text == right_text)
