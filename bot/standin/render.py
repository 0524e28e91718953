"""Messages, modals and Home tabs as readable terminal text (for the console and test failures).

Slack mrkdwn becomes plain text: ``*bold*`` loses its stars, ``<url|label>`` becomes
``label (url)``, ``<@U…>`` becomes ``@name``, ``&amp;`` becomes ``&``. Buttons read
``[ Klar ]``, selects show their choice or placeholder and their options, input
fields show their label, value and any error as ``! message``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.standin.blockkit import plain_text_of
from bot.standin.view_state import all_options, value_key
from bot.standin.workspace import DEFAULT_TZ, JsonDict, Message, StateValues, View, Workspace

_TOKEN = re.compile(r"<([^<>\n]+)>")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"(?<![\w~])~(?=\S)([^~\n]+?)(?<=\S)~(?![\w~])")
_EMOJI_NAME = re.compile(r":([a-z0-9_+\-]+):")
_EMOJI = {
    "white_check_mark": "✅",
    "heavy_check_mark": "✔",
    "x": "❌",
    "warning": "⚠",
    "red_circle": "🔴",
    "large_yellow_circle": "🟡",
    "yellow_circle": "🟡",
    "large_green_circle": "🟢",
    "green_circle": "🟢",
    "calendar": "📅",
    "date": "📅",
    "spiral_calendar_pad": "🗓",
    "memo": "📝",
    "pencil": "📝",
    "bell": "🔔",
    "hourglass": "⌛",
    "hourglass_flowing_sand": "⏳",
    "clipboard": "📋",
    "mag": "🔍",
    "page_facing_up": "📄",
    "paperclip": "📎",
    "information_source": "ℹ",
    "bulb": "💡",
    "house": "🏠",
    "arrow_right": "→",
    "no_entry": "⛔",
    "tada": "🎉",
    "wave": "👋",
}
_RULE = "─" * 40


def _user_name(workspace: Workspace | None, user_id: str) -> str:
    if workspace is not None and user_id in workspace.users:
        return workspace.users[user_id].name
    return user_id


def _channel_name(workspace: Workspace | None, channel_id: str) -> str:
    if workspace is not None and channel_id in workspace.channels:
        return workspace.channels[channel_id].name
    return channel_id


def _token(match: re.Match[str], workspace: Workspace | None) -> str:
    inside = match.group(1)
    target, _, label = inside.partition("|")
    if target.startswith("@"):
        return "@" + (label or _user_name(workspace, target[1:]))
    if target.startswith("#"):
        return "#" + (label or _channel_name(workspace, target[1:]))
    if target.startswith("!subteam^"):
        return label or "@group"
    if target.startswith("!date^"):
        return label or target.split("^")[1]
    if target.startswith("!"):
        return "@" + target[1:]
    if target.startswith("mailto:"):
        return label or target.removeprefix("mailto:")
    if label and label != target:
        return f"{label} ({target})"
    return target


def mrkdwn_to_text(text: str, workspace: Workspace | None = None) -> str:
    """Slack mrkdwn as plain terminal text (mentions resolved with ``workspace`` if given)."""
    text = _TOKEN.sub(lambda match: _token(match, workspace), text)
    text = _BOLD.sub(r"\1", text)
    text = _ITALIC.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    text = _EMOJI_NAME.sub(lambda match: _EMOJI.get(match.group(1), match.group(0)), text)
    return html.unescape(text)


def _text(obj: Any, workspace: Workspace | None) -> str:
    if not isinstance(obj, dict):
        return ""
    raw = plain_text_of(obj)
    if obj.get("type") == "mrkdwn":
        return mrkdwn_to_text(raw, workspace)
    return _EMOJI_NAME.sub(lambda match: _EMOJI.get(match.group(1), match.group(0)), raw)


def _option_text(option: Any, workspace: Workspace | None) -> str:
    return _text(option.get("text"), workspace) if isinstance(option, dict) else ""


def _current(element: JsonDict, state: StateValues, block: JsonDict) -> Any:
    entry = state.get(str(block.get("block_id")), {}).get(str(element.get("action_id")))
    if entry is None:
        return None
    return entry.get(value_key(element))


def _element(element: JsonDict, block: JsonDict, state: StateValues, workspace: Workspace | None) -> list[str]:
    kind = element.get("type")
    placeholder = _text(element.get("placeholder"), workspace)
    current = _current(element, state, block) if kind in _STATEFUL else None
    if kind == "button":
        return [f"[ {_text(element.get('text'), workspace)} ]"]
    if kind == "overflow":
        names = " | ".join(_option_text(o, workspace) for o in element.get("options", []))
        return [f"[ ⋯ ] ({names})"]
    if kind == "image":
        return [f"[image: {element.get('alt_text', '')}]"]
    if kind in ("checkboxes", "radio_buttons"):
        chosen = current if isinstance(current, list) else [current] if current else []
        picked = {str(o.get("value")) for o in chosen if isinstance(o, dict)}
        marks = ("[x]", "[ ]") if kind == "checkboxes" else ("(•)", "( )")
        return [
            f"{marks[0] if o.get('value') in picked else marks[1]} {_option_text(o, workspace)}"
            for o in all_options(element)
        ]
    if kind in ("static_select", "multi_static_select", "external_select", "multi_external_select"):
        chosen = current if isinstance(current, list) else [current] if current else []
        shown = ", ".join(_option_text(o, workspace) for o in chosen) or placeholder or "Select"
        line = f"[ {shown} ▾ ]"
        options = [_option_text(o, workspace) for o in all_options(element)]
        if options:
            line += f"  ({' | '.join(options)})"
        return [line]
    if kind in ("users_select", "multi_users_select"):
        chosen = current if isinstance(current, list) else [current] if current else []
        shown = ", ".join("@" + _user_name(workspace, str(u)) for u in chosen) or placeholder or "Välj en person"
        return [f"[ {shown} ▾ ]"]
    if kind in (
        "conversations_select",
        "channels_select",
        "multi_conversations_select",
        "multi_channels_select",
    ):
        chosen = current if isinstance(current, list) else [current] if current else []
        shown = ", ".join("#" + _channel_name(workspace, str(c)) for c in chosen) or placeholder or "Select a channel"
        return [f"[ {shown} ▾ ]"]
    if kind == "datepicker":
        return [f"[ 📅 {current or placeholder or 'Select a date'} ]"]
    if kind == "timepicker":
        return [f"[ 🕒 {current or placeholder or 'Select time'} ]"]
    # Text inputs: the typed value, else the greyed placeholder.
    if current:
        return [f"[ {line} ]" for line in str(current).splitlines()] or ["[ ]"]
    return [f"[ {placeholder or ' ' * 20} ]" if placeholder else f"[ {'_' * 24} ]"]


_STATEFUL = frozenset(
    {
        "plain_text_input",
        "url_text_input",
        "email_text_input",
        "number_input",
        "static_select",
        "external_select",
        "multi_static_select",
        "multi_external_select",
        "users_select",
        "multi_users_select",
        "conversations_select",
        "multi_conversations_select",
        "channels_select",
        "multi_channels_select",
        "datepicker",
        "timepicker",
        "checkboxes",
        "radio_buttons",
    }
)


def _rich_text(elements: Iterable[Any], workspace: Workspace | None) -> str:
    parts = []
    for element in elements:
        if not isinstance(element, dict):
            continue
        kind = element.get("type")
        if kind == "text":
            parts.append(str(element.get("text", "")))
        elif kind == "link":
            parts.append(str(element.get("text") or element.get("url", "")))
        elif kind == "user":
            parts.append("@" + _user_name(workspace, str(element.get("user_id", ""))))
        elif kind == "channel":
            parts.append("#" + _channel_name(workspace, str(element.get("channel_id", ""))))
        elif kind == "emoji":
            parts.append(_EMOJI.get(str(element.get("name")), f":{element.get('name')}:"))
        elif kind == "broadcast":
            parts.append("@" + str(element.get("range", "")))
        elif kind == "date":
            parts.append(str(element.get("fallback", "")))
    return "".join(parts)


def _rich_block(block: JsonDict, workspace: Workspace | None) -> list[str]:
    lines: list[str] = []
    for container in block.get("elements", []):
        kind = container.get("type")
        if kind == "rich_text_list":
            ordered = container.get("style") == "ordered"
            for number, item in enumerate(container.get("elements", []), start=1):
                bullet = f"{number}." if ordered else "•"
                lines.append(f"{bullet} {_rich_text(item.get('elements', []), workspace)}")
        elif kind == "rich_text_quote":
            lines.extend(f"> {line}" for line in _rich_text(container.get("elements", []), workspace).splitlines())
        else:
            lines.extend(_rich_text(container.get("elements", []), workspace).splitlines())
    return lines


def render_blocks(
    blocks: list[JsonDict],
    *,
    state: StateValues | None = None,
    errors: dict[str, str] | None = None,
    workspace: Workspace | None = None,
) -> list[str]:
    """Blocks as text lines; ``state`` shows chosen values, ``errors`` shows ``! message`` under inputs."""
    state = state or {}
    errors = errors or {}
    lines: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            title = _text(block.get("text"), workspace)
            lines.extend([title, "═" * max(len(title), 3)])
        elif kind == "divider":
            lines.append(_RULE)
        elif kind == "section":
            if "text" in block:
                lines.extend(_text(block["text"], workspace).splitlines() or [""])
            fields = [_text(field, workspace) for field in block.get("fields", [])]
            for left, right in zip(fields[::2], [*fields[1::2], ""], strict=False):
                lines.append(f"  {left:<30} {right}".rstrip())
            if isinstance(block.get("accessory"), dict):
                lines.extend(f"  → {line}" for line in _element(block["accessory"], block, state, workspace))
        elif kind == "context":
            parts = [
                f"[image: {e.get('alt_text', '')}]" if e.get("type") == "image" else _text(e, workspace)
                for e in block.get("elements", [])
            ]
            lines.append("· " + " · ".join(parts))
        elif kind == "actions":
            rendered = [_element(e, block, state, workspace) for e in block.get("elements", [])]
            singles = [r[0] for r in rendered if len(r) == 1]
            if singles:
                lines.append("  ".join(singles))
            for multi in (r for r in rendered if len(r) > 1):
                lines.extend(f"  {line}" for line in multi)
        elif kind == "input":
            label = _text(block.get("label"), workspace)
            lines.append(label + (" (valfritt)" if block.get("optional") else ""))
            lines.extend(f"  {line}" for line in _element(block.get("element", {}), block, state, workspace))
            if "hint" in block:
                lines.append(f"  {_text(block['hint'], workspace)}")
            error = errors.get(str(block.get("block_id")))
            if error:
                lines.append(f"  ! {error}")
        elif kind == "image":
            lines.append(f"[image: {block.get('alt_text', '')}]")
        elif kind == "rich_text":
            lines.extend(_rich_block(block, workspace))
    return lines


def _clock(ts: str, tz: str) -> str:
    return datetime.fromtimestamp(float(ts), ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def render_message(message: Message, workspace: Workspace | None = None, *, tz: str = DEFAULT_TZ) -> str:
    """One message: author and time, then its blocks (or its text), files and thread marks."""
    author = _user_name(workspace, message.user) if message.user else (message.bot_id or "?")
    # Slack's own words around a message, as a client set to Swedish shows them (the workspace speaks Swedish).
    notes = []
    if message.is_ephemeral:
        notes.append("bara synligt för dig")
    if message.edited is not None:
        notes.append("redigerat")
    head = f"{author} · {_clock(message.ts, tz)}" + (f" ({', '.join(notes)})" if notes else "")
    if message.blocks:
        body = render_blocks(message.blocks, state=message.state, workspace=workspace)
    else:
        body = mrkdwn_to_text(message.text, workspace).splitlines()
    for attachment in message.attachments:
        text = str(attachment.get("text") or attachment.get("fallback") or "")
        body.extend(f"▍ {line}" for line in mrkdwn_to_text(text, workspace).splitlines())
    body.extend(f"📎 {file.get('name', '')}" for file in message.files)
    lines = [head, *(f"  {line}" for line in body)]
    if message.is_reply:
        lines = [f"  ↳ {line}" for line in lines]
    return "\n".join(lines)


def render_view(view: View, workspace: Workspace | None = None) -> str:
    """A modal framed with its title, fields (with errors) and its close/submit buttons;
    a Home tab under a ``Home`` heading."""
    body = render_blocks(view.blocks, state=view.state, errors=view.errors, workspace=workspace)
    if view.type == "home":
        name = workspace.bot_user.name if workspace is not None else "app"
        return "\n".join([f"═══ Hem · {name} ═══", *body])
    title = _text(view.title, workspace)
    buttons = []
    if view.close is not None or view.submit is not None:
        buttons.append(f"[ {_text(view.close, workspace) or 'Cancel'} ]")
    if view.submit is not None:
        buttons.append(f"[ {_text(view.submit, workspace)} ]")
    lines = [f"╭─ {title} " + "─" * max(3, 38 - len(title))]
    lines.extend(f"│ {line}".rstrip() for line in body)
    lines.append("╰─ " + "  ".join(buttons or ["[ Close ]"]) + " " + "─" * 10)
    return "\n".join(lines)
