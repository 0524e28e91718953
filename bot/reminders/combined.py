"""One message a morning to each person responsible, listing the reminders gathered for them.

Each owner reminder that is still worth sending is gathered (`messages.render` answers
`Gather`) into an outbox row of kind `COMBINED` keyed by the owner and the day; that row is
rendered here, when it is sent, from the reminders waiting in it. One reminder alone is sent as
it always was; several become one message with a short part per commitment, each with its own
answer buttons (their value names the commitment, as on a card). Slack refuses a message of more
than 50 blocks or with too much text in its blocks (about 11,300 characters,
https://docs.slack.dev/reference/block-kit/blocks): a message lists what fits within 10,000,
the rest go to the next part (at most `COMBINED_PARTS` a morning) or, after the last, wait for
the next working day; the message says how many more there are and where to see them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.message_size import MESSAGE_TEXT_BUDGET, block_text
from bot.outbox import store
from bot.outbox.outcome import Members, Outcome, Send, Skip
from bot.outbox.store import Claimed
from bot.reminders.messages import COMBINED_PARTS, ReminderFacts, next_morning, reminder_args, render_card, why_not
from bot.reminders.planning import ONE_A_DAY
from bot.services import commitments as commitment_service
from bot.services.context import Services
from bot.slack_format import escape_within
from bot.ui import blocks as bk
from bot.ui.commitment import answer_buttons, view_of
from storage.models import Commitment, OutboxMessage, OutboxState

MAX_ITEMS = 20  # 2 blocks each, with the intro and the closing line: 42 of Slack's 50
# Where the combined message says what became of the reminders that did not fit.
MORE, LATER = "more", "later"


def render(svc: Services, row: Claimed) -> Outcome:
    """The outbox renderer for a combined message (kind `COMBINED`)."""
    members = store.gathered(svc.db, row.key, row.recipient)
    if not members or row.recipient is None:
        return Skip("nothing_gathered")
    now = svc.clock.now()
    with svc.db.read() as session:
        found = {
            c.id: c for c in commitment_service.get_many(session, [m.commitment_id for m in members if m.commitment_id])
        }
        skipped: list[tuple[int, str]] = []
        released: list[tuple[int, datetime | None]] = []
        kept: dict[int, Claimed] = {}
        for m in members:
            c = found.get(m.commitment_id or 0)
            reason = "commitment_gone" if c is None else why_not(svc, c, m)
            if c is None or reason:
                skipped.append((m.id, reason or "commitment_gone"))
            elif _for_owner(m) and (c.owner.slack_user_id if c.owner else None) != row.recipient:
                released.append((m.id, None))  # a new owner since it was gathered: planned afresh, for them
            else:
                if c.id in kept:  # two reminders about one commitment: the later planned is kept
                    skipped.append((kept[c.id].id, ONE_A_DAY))
                kept[c.id] = m
        if not kept:
            return Skip("nothing_left", Members(skipped=tuple(skipped), released=tuple(released)))
        items = sorted(
            kept.values(), key=lambda m: (_deadline_of(found[m.commitment_id or 0], m.payload, m.occurrence), m.id)
        )
        facts = {m.id: ReminderFacts(m.kind, m.payload, m.occurrence, m.due_at, sent_at=now) for m in items}
        if len(items) == 1:
            text, blocks = render_card(svc, found[items[0].commitment_id or 0], facts[items[0].id])
            members_out = Members(sent=((items[0].id, items[0].key),), skipped=tuple(skipped), released=tuple(released))
            return Send(channel=row.recipient, text=text, blocks=blocks, members=members_out)
        part = int(row.payload.get("part") or 1)
        parts = [_item(svc, found[m.commitment_id or 0], facts[m.id]) for m in items]
    fitted, text, blocks, note = _fit(svc, parts, part, secretary=not all(_for_owner(m) for m in items))
    listed = items[:fitted]
    # Those that did not fit go to the next part at once, or after the last part to the next working day.
    release_at = next_morning(svc) if note.get(LATER) else None
    left = [(m.id, release_at) for m in items[fitted:]]
    return Send(
        channel=row.recipient,
        text=text,
        blocks=blocks,
        members=Members(
            sent=tuple((m.id, m.key) for m in listed),
            skipped=tuple(skipped),
            released=tuple(released + left),
            note=note,
        ),
    )


def _for_owner(row: Claimed | OutboxMessage) -> bool:
    """Whether `row` reminds the commitment's owner (not a secretary: an escalation, or an owner who left)."""
    return row.kind == "reminder" and not (row.payload or {}).get("owner_gone")


def _deadline_of(c: Commitment, payload: dict[str, Any], occurrence: date | None) -> date:
    """The deadline a reminder is about, for listing the most urgent first."""
    if not c.recurrence and c.deadline is not None:
        return c.deadline
    return date.fromisoformat(str(payload.get("deadline") or occurrence))


def _item(svc: Services, c: Commitment, facts: ReminderFacts) -> tuple[str, list[bk.Block]]:
    """(reference, blocks) of one commitment's part: what is due and its state, and its answers while open."""
    view = view_of(c, svc.texts, svc.clock.today(), svc.clock.now())
    args = reminder_args(svc, c, facts)
    escalation = facts.kind == "escalation"
    section = bk.section(
        svc.texts.md("reminder_item.md.j2", c=view, escalation=escalation, owner=view.owner, **args),
        block_id=f"item:{c.id}",
    )
    occurrence = facts.occurrence if c.recurrence else None
    # To a secretary, as on the single escalation: "Byt ansvarig" beside the answers.
    change_owner = escalation or bool(args["owner_gone"])
    buttons = answer_buttons(svc.texts, view, occurrence, change_owner=change_owner)
    return view.ref, [section, buttons] if view.is_open else [section]


def _fit(
    svc: Services,
    parts: Sequence[tuple[str, list[bk.Block]]],
    part: int,
    note: dict[str, Any] | None = None,
    *,
    secretary: bool = False,
) -> tuple[int, str, list[bk.Block], dict[str, Any]]:
    """(how many parts fit, fallback text, blocks, note) of a message listing the first parts that fit.

    With `note` (a message brought up to date after an answer) every part is listed and the closing
    line says what it said when it was sent.
    """
    count = len(parts) if note is not None else min(len(parts), MAX_ITEMS)
    while True:
        more = len(parts) - count
        closing = dict(note) if note is not None else ({LATER: part >= COMBINED_PARTS, MORE: more} if more else {})
        intro = svc.texts.md("reminder_list_intro.md.j2", count=count, part=part, secretary=secretary)
        blocks: list[bk.Block] = [bk.section(intro)]
        for _ref, item_blocks in parts[:count]:
            blocks.extend(item_blocks)
        if closing.get(MORE):
            blocks.append(
                bk.context(svc.texts.md("reminder_list_more.md.j2", more=closing[MORE], later=closing[LATER]))
            )
        if note is not None or count == 1 or block_text(blocks) <= MESSAGE_TEXT_BUDGET:
            refs = ", ".join(ref for ref, _ in parts[:count])
            text = escape_within(svc.texts.get("reminder_list_fallback", count=count, refs=refs), 3000)
            return count, text, blocks, closing
        count -= 1


def refreshed(svc: Services, session: Session, channel: str, ts: str) -> tuple[str, list[bk.Block]] | None:
    """A combined message brought up to date after an answer: each part as its commitment stands now.

    None when the message at (channel, ts) is no combined message of several reminders.
    """
    rows = list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.channel == channel, OutboxMessage.ts == ts, OutboxMessage.state == OutboxState.SENT)
            .order_by(OutboxMessage.id)
        )
    )
    combined = [r for r in rows if r.commitment_id is None]
    members = [r for r in rows if r.commitment_id is not None]
    if not combined or len(members) < 2:
        return None
    found = {
        c.id: c for c in commitment_service.get_many(session, [m.commitment_id for m in members if m.commitment_id])
    }
    items = []
    for m in members:
        c = found.get(m.commitment_id or 0)
        if c is None:
            continue
        facts = ReminderFacts(m.kind, dict(m.payload or {}), m.occurrence, m.due_at, m.sent_at or m.due_at)
        items.append((_deadline_of(c, facts.payload, m.occurrence), m.id, _item(svc, c, facts)))
    items.sort(key=lambda item: (item[0], item[1]))
    payload = dict(combined[0].payload or {})
    note = {k: payload[k] for k in (MORE, LATER) if k in payload}
    secretary = not all(_for_owner(m) for m in members)
    parts = [item for _d, _id, item in items]
    _count, text, blocks, _note = _fit(svc, parts, int(payload.get("part") or 1), note, secretary=secretary)
    return text, blocks
