"""How Slack measures a message: the total text its blocks carry, and lengths in UTF-16 code units.

Slack refuses a message whose blocks together carry too much text (``msg_blocks_too_long``) even
when every block is within its own limit. The limit is not documented; messages have been refused
at about 11,300 characters, so the stand-in refuses above ``MAX_BLOCK_TEXT``. What counts is every
text a person can read: text objects (section text and fields, headers, context, button labels,
option texts) and the text of rich-text elements.

Slack's per-field limits are counted as JavaScript does, in UTF-16 code units: an emoji outside the
Basic Multilingual Plane counts twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

MAX_BLOCK_TEXT = 11_000
"""The most block text the stand-in accepts in one message (Slack has refused at ~11,300)."""

_TEXT_OBJECTS = frozenset({"plain_text", "mrkdwn"})


def utf16_length(text: str) -> int:
    """The length of ``text`` as Slack counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        kind = value.get("type")
        text = value.get("text")
        if isinstance(text, str) and (kind in _TEXT_OBJECTS or kind in {"text", "emoji", "link"}):
            yield text
        for key, inner in value.items():
            if key != "text" or not isinstance(inner, str):
                yield from _texts(inner)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def block_text_length(blocks: Any) -> int:
    """The total text, in UTF-16 code units, that ``blocks`` carry (the measure of ``msg_blocks_too_long``)."""
    return sum(utf16_length(text) for text in _texts(blocks))
