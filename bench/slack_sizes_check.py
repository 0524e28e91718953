"""Every payload the bot sent, measured against Slack's limits independently of the stand-in's checks.

The stand-in refuses what it models (its refusals are counted from the record); this module measures
again, in UTF-16 code units as Slack counts (an emoji outside the Basic Multilingual Plane counts
twice, where the stand-in's per-field checks count code points), and adds the total block text of a
message (``msg_blocks_too_long``), which Slack does not document.

The limits, from Slack's reference:
- blocks: at most 50 in a message, 100 in a modal or Home tab
  (https://api.slack.com/reference/block-kit/blocks);
- section text 3,000 and each of at most 10 fields 2,000, header 150, button and option text 75,
  options 100 per select (https://api.slack.com/reference/block-kit/blocks#section,
  https://api.slack.com/reference/block-kit/composition-objects#option);
- a message's ``text`` 40,000 (https://api.slack.com/changelog/2018-04-truncating-really-long-messages),
  ``chat.update``'s 4,000 (``msg_too_long``, https://api.slack.com/methods/chat.update);
- a view's ``private_metadata`` 3,000 (https://api.slack.com/reference/surfaces/views);
- all the text a message's blocks carry together: undocumented, refused at about 11,300
  (https://github.com/slackapi/bolt-js/issues/2509); ``bot.standin.sizes.MAX_BLOCK_TEXT``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.standin import sizes
from bot.standin.recording import ApiCall

JsonDict = dict[str, Any]

MESSAGE_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.update", "chat.scheduleMessage"})
VIEW_METHODS = frozenset({"views.open", "views.update", "views.push", "views.publish"})

# Every limit by name; `Limits` lets the unit test lower one to see that a payload over it is reported.
DEFAULT_LIMITS: dict[str, int] = {
    "message blocks": 50,
    "view blocks": 100,
    "block text": sizes.MAX_BLOCK_TEXT,
    "text": 40_000,
    "chat.update text": 4_000,
    "section text": 3_000,
    "section field": 2_000,
    "section fields": 10,
    "header text": 150,
    "button text": 75,
    "option text": 75,
    "options": 100,
    "private_metadata": 3_000,
}


@dataclass(frozen=True)
class Payload:
    """What one call carried, under the kind of message the bench was driving when it was sent."""

    kind: str
    method: str
    blocks: list[JsonDict] | None
    text: str | None
    surface: str  # "message" or "view"
    private_metadata: str | None = None


@dataclass
class Measure:
    """The largest value of one limit among the payloads of one kind."""

    largest: int = 0
    limit: int = 0


@dataclass
class KindReport:
    """How many payloads of a kind, the largest of each measure, and those over a limit."""

    count: int = 0
    measures: dict[str, Measure] = field(default_factory=dict)
    over: list[str] = field(default_factory=list)
    at_limit: list[str] = field(default_factory=list)


def payload_of(kind: str, call: ApiCall) -> Payload | None:
    """The content ``call`` carried (None for calls that carry no message or view)."""
    args = call.args
    if call.method in MESSAGE_METHODS or call.method == "response_url":
        metadata = args.get("metadata")
        key = str(((metadata or {}).get("event_payload") or {}).get("key", "")) if isinstance(metadata, dict) else ""
        # The outbox tags what it sends; a tick can send Monday's digests beside what the step is about.
        if key.startswith("digest:"):
            kind = "weekly digest"
        elif key.startswith("overview:"):
            kind = "monthly overview"
        channel = str(args.get("channel") or "")
        if channel.startswith(("D", "U")) and "DM" not in kind:
            # A step sends to channels and to people at once (the digest's tick also sends the reminders
            # that came due): what went to a DM is its own kind.
            kind = f"{kind} – in a DM"
        blocks = args.get("blocks")
        text = args.get("text")
        return Payload(
            kind,
            call.method,
            blocks if isinstance(blocks, list) else None,
            text if isinstance(text, str) else None,
            "message",
        )
    if call.method in VIEW_METHODS:
        if call.method == "views.publish" and not kind.startswith("App Home"):
            # The bot refreshes the Home tabs a change touches: one kind, whatever step made the change.
            kind = "App Home (refreshed after a change)"
        view = args.get("view")
        if not isinstance(view, dict):
            return None
        blocks = view.get("blocks")
        metadata = view.get("private_metadata")
        return Payload(
            kind,
            call.method,
            blocks if isinstance(blocks, list) else None,
            None,
            "view",
            metadata if isinstance(metadata, str) else None,
        )
    return None


def ack_payload(kind: str, response: JsonDict) -> Payload | None:
    """The content of an ack (a slash command's answer, a submission's ``response_action: update``)."""
    view = response.get("view")
    if isinstance(view, dict) and isinstance(view.get("blocks"), list):
        return Payload(kind, "ack", view["blocks"], None, "view", view.get("private_metadata"))
    blocks = response.get("blocks")
    text = response.get("text")
    if isinstance(blocks, list) or isinstance(text, str):
        return Payload(
            kind,
            "ack",
            blocks if isinstance(blocks, list) else None,
            text if isinstance(text, str) else None,
            "message",
        )
    return None


def _text_of(value: Any) -> str:
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return str(value["text"])
    return ""


def _walk(value: Any) -> Iterator[JsonDict]:
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from _walk(inner)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def measures(payload: Payload) -> Iterator[tuple[str, int]]:
    """(limit name, measured value) for every limit that applies to ``payload``."""
    blocks = payload.blocks or []
    length = sizes.utf16_length
    if payload.surface == "message":
        yield "message blocks", len(blocks)
        yield "block text", sizes.block_text_length(blocks)
        if payload.text is not None:
            yield ("chat.update text" if payload.method == "chat.update" else "text"), length(payload.text)
    else:
        yield "view blocks", len(blocks)
        if payload.private_metadata is not None:
            yield "private_metadata", length(payload.private_metadata)
    for node in _walk(blocks):
        kind = node.get("type")
        if kind == "section":
            if "text" in node:
                yield "section text", length(_text_of(node["text"]))
            fields = node.get("fields")
            if isinstance(fields, list):
                yield "section fields", len(fields)
                for item in fields:
                    yield "section field", length(_text_of(item))
        elif kind == "header":
            yield "header text", length(_text_of(node.get("text")))
        elif kind == "button":
            yield "button text", length(_text_of(node.get("text")))
        if isinstance(node.get("options"), list):
            options = node["options"]
            yield "options", len(options)
            for option in options:
                if isinstance(option, dict):
                    yield "option text", length(_text_of(option.get("text")))
        if isinstance(node.get("option_groups"), list):
            yield "options", sum(len(g.get("options", [])) for g in node["option_groups"] if isinstance(g, dict))


# A count or section exactly at its limit is where the bot cut content to fit (pickers keep their first
# 100 options, long lists end at 3,000 characters): Slack accepts it, but a person does not see the rest.
CUT_TO_FIT = frozenset({"options", "section text", "message blocks", "view blocks"})


def check(payloads: Iterable[Payload], limits: dict[str, int] | None = None) -> dict[str, KindReport]:
    """Each kind's count, largest measures and payloads over a limit (``limits`` override the defaults)."""
    table = {**DEFAULT_LIMITS, **(limits or {})}
    reports: dict[str, KindReport] = {}
    for payload in payloads:
        report = reports.setdefault(payload.kind, KindReport())
        report.count += 1
        for name, value in measures(payload):
            limit = table[name]
            measure = report.measures.setdefault(name, Measure(limit=limit))
            measure.largest = max(measure.largest, value)
            if value > limit:
                report.over.append(f"{payload.method}: {name} {value:,} > {limit:,}")
            elif value == limit and name in CUT_TO_FIT:
                report.at_limit.append(f"{payload.method}: {name} {value:,} = {limit:,}")
    return reports


def refusals(labelled: Sequence[tuple[str, ApiCall]]) -> list[str]:
    """Every call Slack (the stand-in) refused for what it carried, as "kind: method → error".

    A 429 is not among them: it refuses the moment, not the payload, and the bot waits out its
    Retry-After and sends again (``waits`` counts them).
    """
    return [
        f"{kind}: {call.method} → {call.error or f'HTTP {call.status}'}"
        for kind, call in labelled
        if not call.ok and call.method != "file_upload" and call.status != 429
    ]


def waits(labelled: Sequence[tuple[str, ApiCall]]) -> dict[str, int]:
    """How many calls of each kind Slack asked to wait (429, a burst into one channel)."""
    counted: dict[str, int] = {}
    for kind, call in labelled:
        if call.status == 429:
            counted[kind] = counted.get(kind, 0) + 1
    return counted


# The measures shown in the table's "largest" column, most telling first.
HEADLINE = ("block text", "message blocks", "view blocks", "options", "section text", "chat.update text", "text")


def table(reports: dict[str, KindReport]) -> list[str]:
    """Lines of the table: kind, how many, the largest against its limit, how many over a limit or at one."""
    lines = [f"{'kind of message':<40} {'how many':>8}  {'largest against its limit':<64} {'over':>5} {'at':>4}"]
    lines.append("-" * len(lines[0]))
    for kind, report in reports.items():
        shown = [
            f"{name} {report.measures[name].largest:,}/{report.measures[name].limit:,}"
            for name in HEADLINE
            if name in report.measures and report.measures[name].largest
        ][:3]
        lines.append(
            f"{kind:<40} {report.count:>8}  {'; '.join(shown):<64} {len(report.over):>5} {len(report.at_limit):>4}"
        )
    return lines


def over_lines(reports: dict[str, KindReport], most: int = 5, *, at_limit: bool = False) -> list[str]:
    """The payloads over a limit (or exactly at one), at most ``most`` per kind (with how many more)."""
    lines: list[str] = []
    for kind, report in reports.items():
        entries = report.at_limit if at_limit else report.over
        for entry in entries[:most]:
            lines.append(f"  {kind}: {entry}")
        if len(entries) > most:
            lines.append(f"  {kind}: … and {len(entries) - most} more")
    return lines
