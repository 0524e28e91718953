"""How much a message carries, and how to split one that carries too much, on block boundaries.

Slack refuses a message whose blocks together carry too much text (``msg_blocks_too_long``)
even when every block is within its own limit. The limit is undocumented (messages have been
refused at about 11,300 characters), so the bot keeps every message to ``MESSAGE_TEXT_BUDGET``
and sends the rest as continuations in the first message's thread. Text is counted as Slack
counts it, in UTF-16 code units (an emoji outside the Basic Multilingual Plane is two).

A split falls between blocks, never inside one: a section is read whole or not at all, and a
single block is already held to its own limit by the builders in `bot.ui.blocks`. A leaf module,
so that the outbox, the UI and the reminders can all measure without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Final

Block = dict[str, Any]

MESSAGE_BLOCKS: Final = 50
"""The most blocks Slack takes in one message."""

MESSAGE_TEXT_BUDGET: Final = 10_000
"""The most block text the bot puts in one message: a margin below where Slack starts refusing."""

_TEXT_TYPES: Final = frozenset({"plain_text", "mrkdwn", "text", "emoji", "link"})


def utf16_length(text: str) -> int:
    """The length of ``text`` as Slack counts it."""
    return len(text.encode("utf-16-le")) // 2


def _readable(value: Any) -> Iterator[str]:
    """Every text a person can read in ``value``: text objects and rich-text leaves (not values, ids, URLs)."""
    if isinstance(value, dict):
        text = value.get("text")
        if isinstance(text, str) and value.get("type") in _TEXT_TYPES:
            yield text
        for key, inner in value.items():
            if not (key == "text" and isinstance(inner, str)):
                yield from _readable(inner)
    elif isinstance(value, list):
        for item in value:
            yield from _readable(item)


def block_text(blocks: Sequence[Block] | Block) -> int:
    """The text ``blocks`` carry in all, in UTF-16 code units."""
    return sum(utf16_length(text) for text in _readable(blocks))


def fits(blocks: Sequence[Block], *, budget: int = MESSAGE_TEXT_BUDGET, max_blocks: int = MESSAGE_BLOCKS) -> bool:
    """Whether ``blocks`` go in one message."""
    return len(blocks) <= max_blocks and block_text(blocks) <= budget


def split_blocks(
    blocks: Sequence[Block], *, budget: int = MESSAGE_TEXT_BUDGET, max_blocks: int = MESSAGE_BLOCKS
) -> list[list[Block]]:
    """``blocks`` in order as messages of at most ``budget`` text and ``max_blocks`` blocks each.

    Every block is in exactly one message, in its order. A block that alone carries more than
    ``budget`` (none of the bot's do: the per-block limits keep them far below) gets a message
    of its own rather than being cut.
    """
    messages: list[list[Block]] = []
    current: list[Block] = []
    used = 0
    for block in blocks:
        size = block_text(block)
        if current and (used + size > budget or len(current) >= max_blocks):
            messages.append(current)
            current, used = [], 0
        current.append(block)
        used += size
    if current or not messages:
        messages.append(current)
    return messages
