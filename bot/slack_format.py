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
    cut = escaped[: max(0, limit - len(ellipsis))]
    start = cut.rfind("&")
    if start != -1 and ";" not in cut[start:]:
        cut = cut[:start]  # the cut fell inside "&amp;", "&lt;" or "&gt;"
    return cut.rstrip() + ellipsis


_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def parse_mentions(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Slack-escaped user mentions (``<@U123|anna>``) in a command's text, with spans."""
    return [(m.group(1), m.span()) for m in _MENTION.finditer(text)]
