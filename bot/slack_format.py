"""Escaping for Slack's mrkdwn.

Slack treats ``&``, ``<`` and ``>`` as control characters: ``<!channel>``
pings everyone and ``<https://evil|Intranätet>`` fakes a link. Every piece of
user text that goes into a mrkdwn field is escaped; text the bot builds itself
(links, mentions) is wrapped in :class:`Mrkdwn` to say it is already safe.
"""

from __future__ import annotations

import re


class Mrkdwn(str):
    """A string that is already valid, safe Slack mrkdwn and must not be escaped again."""

    __slots__ = ()


def escape(text: object) -> str:
    """Escape user text for a mrkdwn field (idempotent for :class:`Mrkdwn`)."""
    if isinstance(text, Mrkdwn):
        return text
    s = str(text)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Undo Slack's entity escaping of user text (slash command text arrives escaped)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def link(url: str, label: str) -> Mrkdwn:
    """A mrkdwn link whose label is user text; the URL must already be validated."""
    safe_label = escape(label).replace("|", "¦")
    # "<" or ">" would end the link early; "&" is an entity in mrkdwn, in URLs too.
    safe_url = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return Mrkdwn(f"<{safe_url}|{safe_label}>")


def mention(user_id: str) -> Mrkdwn:
    if not re.fullmatch(r"[UW][A-Z0-9]+", user_id):
        return Mrkdwn(escape(user_id))
    return Mrkdwn(f"<@{user_id}>")


def channel_link(channel_id: str) -> Mrkdwn:
    if not re.fullmatch(r"[CGD][A-Z0-9]+", channel_id):
        return Mrkdwn(escape(channel_id))
    return Mrkdwn(f"<#{channel_id}>")


def truncate(text: str, limit: int, ellipsis: str = "…") -> str:
    """Cut ``text`` to at most ``limit`` characters, marking the cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - len(ellipsis))].rstrip() + ellipsis


def escape_within(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` escaped for mrkdwn and cut to at most ``limit`` characters, never inside an entity.

    Cut after escaping: "&" is five characters once escaped, so text cut first can grow past a limit
    Slack enforces (chat.update's 4,000).
    """
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    end = max(0, limit - len(ellipsis))
    while _inside_entity(escaped, end):  # back to before "&amp;", "&lt;" or "&gt;"
        end -= 1
    return escaped[:end].rstrip() + ellipsis


def _inside_entity(escaped: str, end: int) -> bool:
    """Whether cutting ``escaped`` at ``end`` would split "&amp;", "&lt;" or "&gt;"."""
    start = escaped.rfind("&", max(0, end - 4), end)
    return start != -1 and ";" not in escaped[start:end]


def escaped_pieces(text: str, limit: int) -> list[Mrkdwn]:
    """User text escaped for mrkdwn, in consecutive pieces of at most ``limit`` characters.

    A long text is shown whole over several blocks (a section holds 3,000 characters) instead of
    being cut: each piece ends at a space or line break, so no word, entity or link label is split;
    only a single word longer than ``limit`` is split, and then never inside an entity.
    """
    rest = escape(text).strip()
    pieces: list[Mrkdwn] = []
    while len(rest) > limit:
        end = max(rest.rfind(" ", 0, limit + 1), rest.rfind("\n", 0, limit + 1))
        if end <= 0:
            end = limit
            while _inside_entity(rest, end):
                end -= 1
        pieces.append(Mrkdwn(rest[:end].rstrip()))
        rest = rest[end:].lstrip()
    if rest or not pieces:
        pieces.append(Mrkdwn(rest))
    return pieces


def word_preview(text: str, limit: int, ellipsis: str = "…") -> str:
    """The beginning of ``text`` in at most ``limit`` characters, ending at a whole word, marked when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ellipsis)) + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else cut[:-1]
    return cut.rstrip(" ,;:") + ellipsis


_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def parse_mentions(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Slack-escaped user mentions (``<@U123|anna>``) in a command's text, with spans."""
    return [(m.group(1), m.span()) for m in _MENTION.finditer(text)]
