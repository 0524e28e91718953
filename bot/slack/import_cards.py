"""What an import's outbox rows say: the summary in the committee's channel, and each card in its thread.

Planned by `bot/services/import_cards.py`. A card is posted as a reply to the summary, so it waits
(`Later`) until the summary is in Slack; it is then claimed after it, in the same tick, as it was
planned after it. Once posted, a card's ts is kept on its commitment, so the card is updated in
place later as every commitment card is.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.outbox.outcome import Fail, Later, Outcome, Send, Skip
from bot.outbox.store import Claimed
from bot.services import commitments as commitment_service
from bot.services.context import Services
from bot.services.import_cards import CARD, SUMMARY
from bot.ui import blocks as bk
from bot.ui.commitment import card_blocks, card_fallback, view_of
from storage.models import Case, Commitment, Committee, OutboxMessage, OutboxState

# How long a card waits before it looks again for its summary in Slack.
PARENT_WAIT_SECONDS = 30.0

__all__ = ["CARD", "SUMMARY", "record_card", "render_card", "render_summary"]


def render_summary(svc: Services, row: Claimed) -> Outcome:
    """The summary: how many commitments, from which document, for which committee."""
    with svc.db.read() as session:
        case = session.get(Case, int(row.payload.get("case_id") or 0))
        committee = session.get(Committee, row.committee_id or 0)
        if case is None or committee is None:
            return Skip("import_gone")
        if not committee.channel_id:
            return Fail("no_channel")
        text = svc.texts.md(
            "import_cards_summary.md.j2",
            count=int(row.payload.get("count") or 0),
            code=committee.code,
            name=case.source_filename or svc.texts.get("import_pasted_name"),
            dnr=case.dnr or "",
        )
        return Send(channel=committee.channel_id, text=text, blocks=[bk.section(text)])


def render_card(svc: Services, row: Claimed) -> Outcome:
    """A commitment's card, as a reply under its import's summary once the summary is in Slack."""
    with svc.db.read() as session:
        parent = session.scalars(select(OutboxMessage).where(OutboxMessage.key == row.payload.get("parent"))).first()
        if parent is None or parent.state == OutboxState.SKIPPED:
            return Skip("import_gone")
        if parent.state == OutboxState.FAILED:
            # Retried with it: an admin's "try again" resets every failed row, the summary first.
            return Fail(parent.error or "summary_failed")
        if parent.state != OutboxState.SENT or not parent.channel or not parent.ts:
            return Later(PARENT_WAIT_SECONDS, "waiting_for_summary")
        commitment = session.get(Commitment, row.commitment_id or 0)
        if commitment is None:
            return Skip("commitment_gone")
        view = view_of(commitment, svc.texts, svc.clock.today(), svc.clock.now())
        return Send(
            channel=parent.channel,
            text=card_fallback(svc.texts, view),
            blocks=card_blocks(svc.texts, view),
            thread_ts=parent.ts,
        )


def record_card(svc: Services, row: Claimed, channel: str, ts: str) -> None:
    """Keep a posted card's place on its commitment, so later changes update it in place."""
    if row.kind != CARD or row.commitment_id is None:
        return
    with svc.db.write() as session:
        commitment = session.get(Commitment, row.commitment_id)
        if commitment is not None:
            commitment_service.record_message(session, commitment, channel, ts)
