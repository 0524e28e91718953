"""Continuations: the messages a sent row leaves to post in its thread, each an outbox row of its own.

A message too long for one Slack message (a weekly digest with every section full, the monthly
overview at a hundred committees) is posted as a first message and continuations in its thread.
When a row is sent, the next continuation is planned in the same transaction that marks the row
sent; it carries the rest of the thread in its payload, so a sender that dies anywhere leaves
either the row unsent (it is looked for in Slack and sent once) or the next part planned.
Parts are planned one after another, never side by side, so the thread reads in order even when
one part has to wait for a retry.

Keys derive from the first row's: ``digest:7:2027-W03`` is followed by ``digest:7:2027-W03#2``,
``…#3``; planning is idempotent like every other key.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from bot.message_size import MESSAGE_BLOCKS, MESSAGE_TEXT_BUDGET, block_text, fits, split_blocks
from bot.outbox.outcome import Reply, Send
from bot.outbox.store import Claimed, Planned

CONTINUATION: Final = "continuation"


def within_budget(message: Send, *, budget: int = MESSAGE_TEXT_BUDGET) -> Send:
    """``message`` with what does not fit in one Slack message moved to the front of its continuations.

    The guard every send passes: a renderer that builds too much never loses the message to
    ``msg_blocks_too_long``; it arrives in parts instead.
    """
    if fits(message.blocks, budget=budget):
        return message
    note = _note(message.thread_note)
    # Room for the note in every part keeps the split simple: it is short and said once.
    room = budget - block_text(note) if note else budget
    first, *rest = split_blocks(message.blocks, budget=room, max_blocks=MESSAGE_BLOCKS - (1 if note else 0))
    if note and rest:
        first = [*first, note]
    text = message.continuation_text or message.text
    moved = tuple(Reply(text, blocks) for blocks in rest)
    return Send(
        channel=message.channel,
        text=message.text,
        blocks=first,
        upload=message.upload,
        continuations=(*moved, *message.continuations),
        continuation_text=message.continuation_text,
        thread_ts=message.thread_ts,
        thread_note=message.thread_note,
    )


def _note(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def next_part(row: Claimed, message: Send, channel: str, ts: str, now: datetime) -> Planned | None:
    """The row that posts ``message``'s first continuation, now that ``message`` is in ``channel`` at ``ts``."""
    if not message.continuations:
        return None
    root = str(row.payload.get("root") or row.key) if row.kind == CONTINUATION else row.key
    part = int(row.payload.get("part") or 1) + 1 if row.kind == CONTINUATION else 2
    payload: dict[str, Any] = {
        "root": root,
        "part": part,
        "channel": channel,
        # Replies to a reply go to the same thread: its root is the first message.
        "thread_ts": message.thread_ts or ts,
        "parts": [{"text": reply.text, "blocks": reply.blocks} for reply in message.continuations],
    }
    return Planned(
        key=f"{root}#{part}",
        kind=CONTINUATION,
        due_at=now,
        committee_id=row.committee_id,
        recipient=row.recipient,
        payload=payload,
    )


def render_continuation(row: Claimed) -> Send:
    """What a continuation row posts: its first part in the thread, the others after it."""
    payload = row.payload
    first, *rest = payload["parts"]
    return Send(
        channel=str(payload["channel"]),
        text=str(first["text"]),
        blocks=list(first["blocks"]),
        continuations=tuple(Reply(str(part["text"]), list(part["blocks"])) for part in rest),
        thread_ts=str(payload["thread_ts"]),
    )
