"""What a reminder or an escalation says, and to whom, decided when it is sent.

Decided at sending time, not at planning time, so the message shows the
commitment as it is now, and a reminder that lost its point (done, moved,
answered "Pågår enligt plan" yesterday) is not sent at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from bot.language.workdays import previous_working_day
from bot.outbox.outcome import Fail, Outcome, Send, Skip, Split
from bot.outbox.store import Claimed, Planned
from bot.services import commitments as commitment_service
from bot.services.committees import secretaries
from bot.services.context import Services
from bot.ui.commitment import card_blocks, view_of
from storage.models import Commitment, CommitmentStatus, StatusUpdate, UpdateKind
from templates import swedish_date

CLOSED = (CommitmentStatus.DONE, CommitmentStatus.CANCELLED)
# What counts as "a status update" for escalation: an answer, not a secretary's edit.
OWNER_ANSWERS = (UpdateKind.STATUS, UpdateKind.COMMENT, UpdateKind.DEADLINE)


def _occurrence_done(commitment: Commitment, occurrence: date) -> bool:
    for update in reversed(commitment.updates):
        if update.occurrence == occurrence and update.status is not None:
            return update.status == CommitmentStatus.DONE
    return False


def _answered_on_track_since(commitment: Commitment, since: datetime, occurrence: date | None) -> bool:
    return any(
        u.status == CommitmentStatus.IN_PROGRESS
        and u.created_at >= since
        and (occurrence is None or u.occurrence in (None, occurrence))
        for u in commitment.updates
    )


def _last_status(commitment: Commitment, occurrence: date | None) -> StatusUpdate | None:
    for update in reversed(commitment.updates):
        relevant = occurrence is None or update.occurrence in (None, occurrence)
        if relevant and update.kind != UpdateKind.CREATED and (update.status is not None or update.comment):
            return update
    return None


def _why_not(svc: Services, c: Commitment, row: Claimed) -> str | None:
    """The reason this reminder is no longer worth sending, if any."""
    if c.status in CLOSED:
        return f"status_{c.status.value}"
    recurring = bool(c.recurrence)
    occurrence = row.occurrence
    if recurring and occurrence is not None and _occurrence_done(c, occurrence):
        return "occurrence_done"
    if not recurring and c.deadline != occurrence:
        return "deadline_moved"
    if row.kind == "escalation":
        deadline_start = datetime.combine(occurrence or date.min, time(), tzinfo=svc.clock.tz)
        if any(u.created_at >= deadline_start and u.kind in OWNER_ANSWERS for u in c.updates):
            return "answered_after_deadline"
        return None
    # "Pågår enligt plan" yesterday (or today) for the same deadline: no reminder today.
    send_day = svc.clock.now().astimezone(svc.clock.tz).date()
    since = datetime.combine(previous_working_day(send_day), time(), tzinfo=svc.clock.tz)
    if _answered_on_track_since(c, since, occurrence if recurring else None):
        return "answered_on_track"
    return None


def _child(row: Claimed, recipient: str, extra: dict[str, Any]) -> Planned:
    return Planned(
        key=f"{row.key}:to:{recipient}",
        kind=row.kind,
        due_at=row.due_at,
        commitment_id=row.commitment_id,
        committee_id=row.committee_id,
        occurrence=row.occurrence,
        recipient=recipient,
        payload={**row.payload, **extra},
    )


def render(svc: Services, row: Claimed) -> Outcome:
    """The outbox renderer for kinds "reminder" and "escalation"."""
    if row.commitment_id is None:
        return Fail("no_commitment")
    with svc.db.read() as session:
        found = commitment_service.get_many(session, [row.commitment_id])
        if not found:
            return Skip("commitment_gone")
        c = found[0]
        reason = _why_not(svc, c, row)
        if reason:
            return Skip(reason)
        owner_id = c.owner.slack_user_id if c.owner else None
        secretary_ids = [p.slack_user_id for p in secretaries(c.committee)]
        if row.recipient is None:
            if row.kind == "escalation":
                if not secretary_ids:
                    return Fail("no_recipient")
                return Split([_child(row, s, {}) for s in secretary_ids])
            owner_gone = owner_id is None or _is_gone(svc, owner_id)
            if owner_gone:
                if not secretary_ids:
                    return Fail("no_recipient")
                return Split([_child(row, s, {"owner_gone": True}) for s in secretary_ids])
            recipient = owner_id
        else:
            recipient = row.recipient
        assert recipient is not None
        return _message(svc, c, row, recipient)


def _is_gone(svc: Services, user_id: str) -> bool:
    user = svc.users.get(user_id)
    return user is None or user.deleted


@dataclass(frozen=True)
class ReminderFacts:
    """What a reminder message is about, as planned; enough to render it again later."""

    kind: str
    payload: dict[str, Any]
    occurrence: date | None
    due_at: datetime


def render_card(svc: Services, c: Commitment, facts: ReminderFacts) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, blocks) of a reminder or escalation about `c`, as it stands now.

    Days are counted from the day the reminder was due, so the message reads
    the same when it is brought up to date after an answer.
    """
    texts = svc.texts
    view = view_of(c, texts, svc.clock.today(), svc.clock.now())
    deadline = date.fromisoformat(str(facts.payload.get("deadline") or facts.occurrence))
    phrase = c.deadline_phrase if not c.recurrence else c.recurrence_phrase
    if phrase == deadline.isoformat():
        phrase = None
    occurrence = facts.occurrence if c.recurrence else None
    days_past = (facts.due_at.astimezone(svc.clock.tz).date() - deadline).days
    if facts.kind == "escalation":
        intro = texts.md(
            "escalation.md.j2",
            ref=view.ref,
            deadline=deadline,
            phrase=phrase,
            days=days_past,
            owner=view.owner,
            owner_role=c.owner_role,
            committee=c.committee.code,
        )
        fallback = texts.get("escalation_fallback", ref=view.ref, days=days_past)
        return fallback, card_blocks(texts, view, intro=intro, occurrence=occurrence, change_owner=True)
    last = _last_status(c, occurrence)
    kind = str(facts.payload.get("reminder") or "before")
    if kind == "before" and days_past >= 0:
        kind = "on_day" if days_past == 0 else "overdue"
    owner_gone = bool(facts.payload.get("owner_gone"))
    intro = texts.md(
        "reminder.md.j2",
        kind=kind,
        ref=view.ref,
        deadline=deadline,
        phrase=phrase,
        days=abs(days_past),
        last_status=texts.get(f"status_{last.status.value}") if last and last.status else None,
        last_at=last.created_at if last else None,
        last_comment=last.comment if last else None,
        owner_gone=owner_gone,
        is_open=view.is_open,
        owner_name=c.owner.display_name or c.owner.slack_user_id if c.owner else None,
        committee=c.committee.code,
    )
    fallback = texts.get("reminder_fallback", ref=view.ref, deadline=swedish_date(deadline))
    return fallback, card_blocks(texts, view, intro=intro, occurrence=occurrence, change_owner=owner_gone)


def _message(svc: Services, c: Commitment, row: Claimed, recipient: str) -> Send:
    text, blocks = render_card(svc, c, ReminderFacts(row.kind, row.payload, row.occurrence, row.due_at))
    return Send(channel=recipient, text=text, blocks=blocks)
