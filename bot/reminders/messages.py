"""What a reminder or an escalation says, and to whom, decided when it is sent.

Decided at sending time, not at planning time, so the message shows the
commitment as it is now, and a reminder that lost its point (done, moved,
answered "Pågår enligt plan" yesterday) is not sent at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.language.periods import find_deadlines
from bot.language.rrule_text import is_meetings_rule
from bot.language.workdays import (
    last_working_day_on_or_before,
    next_working_day_on_or_after,
    previous_working_day,
)
from bot.outbox.outcome import Fail, Gather, Outcome, Send, Skip, Split
from bot.outbox.store import Claimed, Planned
from bot.reminders.agenda import agenda_closes
from bot.reminders.planning import ONE_A_DAY, WITH_REMINDER
from bot.reminders.schedule import send_time_on
from bot.services import commitments as commitment_service
from bot.services.committees import secretaries
from bot.services.context import Services
from bot.text_filters import swedish_date
from bot.ui.commitment import card_blocks, view_of
from storage.models import Commitment, CommitmentStatus, UpdateKind

CLOSED = (CommitmentStatus.DONE, CommitmentStatus.CANCELLED)
# The outbox kind of a message listing an owner's reminders of one morning, and how many such
# messages one person may get in a morning; reminders beyond them wait for the next working day.
COMBINED = "reminder_day"
COMBINED_PARTS = 3
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
        and u.kind != UpdateKind.PLAN  # the plan moving the date is no answer, whatever status it records
        and u.created_at >= since
        and (occurrence is None or u.occurrence in (None, occurrence))
        for u in commitment.updates
    )


@dataclass(frozen=True)
class LatestUpdate:
    """The owner's latest word on a commitment: its status after it, when, and what was said."""

    status: CommitmentStatus
    at: datetime
    comment: str | None


def _latest_update(commitment: Commitment, occurrence: date | None) -> LatestUpdate | None:
    """The latest status update (an answer, a comment, a moved date) about `occurrence`, if any.

    A comment changes no status: it is shown with the status it left standing.
    """
    relevant = [
        u
        for u in commitment.updates
        if u.kind not in (UpdateKind.CREATED, UpdateKind.PLAN)
        and (occurrence is None or u.occurrence in (None, occurrence))
    ]
    updates = [u for u in relevant if u.status is not None or u.comment]
    if not updates:
        return None
    latest = updates[-1]
    with_status = [u.status for u in relevant if u.status is not None]
    status = latest.status or (with_status[-1] if with_status else commitment.status)
    return LatestUpdate(status=status, at=latest.created_at, comment=latest.comment or latest.reason)


def why_not(svc: Services, c: Commitment, row: Claimed) -> str | None:
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
        reason = why_not(svc, c, row)
        if reason:
            return Skip(reason)
        owner_id = c.owner.slack_user_id if c.owner else None
        secretary_ids = [p.slack_user_id for p in secretaries(c.committee)]
        if row.recipient is None:
            if row.kind == "escalation":
                if not secretary_ids:
                    return Fail("no_recipient")
                recipients = _escalated_to(svc, row, owner_id, secretary_ids)
                if not recipients:
                    return Skip(ONE_A_DAY)
                return Split([_child(row, s, {}) for s in recipients])
            if owner_id is None or _is_gone(svc, owner_id):
                if not secretary_ids:
                    return Fail("no_recipient")
                return Split([_child(row, s, {"owner_gone": True}) for s in secretary_ids])
            # Several reminders to one owner on one morning go out as one message (bot/reminders/combined.py).
            return _gather(svc, owner_id)
        # A secretary's escalations (and reminders for owners who left) are gathered the same way: a
        # secretary of a committee with two hundred overdue commitments gets a few messages, not 200.
        return _gather(svc, row.recipient)


def next_morning(svc: Services) -> datetime:
    """When reminders go out on the next working day."""
    today = svc.clock.now().astimezone(svc.clock.tz).date()
    return send_time_on(next_working_day_on_or_after(today + timedelta(days=1)), svc.clock.tz)


def _gather(svc: Services, recipient: str) -> Gather:
    today = svc.clock.now().astimezone(svc.clock.tz).date()
    return Gather(
        recipient=recipient,
        key=f"remind-day:{recipient}:{today.isoformat()}",
        kind=COMBINED,
        parts=COMBINED_PARTS,
        overflow_at=next_morning(svc),
    )


def _escalated_to(svc: Services, row: Claimed, owner_id: str | None, secretary_ids: list[str]) -> list[str]:
    """The secretaries an escalation goes to: those not reached by a reminder about it at the same moment.

    The reminder goes to the owner, or to the secretaries when there is no owner (or the owner has
    left Slack); it says as much as the escalation, with the same buttons, so a secretary it
    reaches gets only it. Whatever stops that reminder (done, answered, moved) stops the
    escalation too, so nobody is left out by this.
    """
    if not row.payload.get(WITH_REMINDER):
        return secretary_ids
    if owner_id is None or _is_gone(svc, owner_id):
        return []
    return [s for s in secretary_ids if s != owner_id]


def _is_gone(svc: Services, user_id: str) -> bool:
    user = svc.users.get(user_id)
    return user is None or user.deleted


@dataclass(frozen=True)
class ReminderFacts:
    """What a reminder message is about, as planned, and when it goes (or went) out.

    `sent_at` is the moment the message reaches the owner: now when it is
    sent, however late (after downtime, a retry, a clock jump), and the
    moment it was sent when it is brought up to date after an answer.
    """

    kind: str
    payload: dict[str, Any]
    occurrence: date | None
    due_at: datetime
    sent_at: datetime


def _reminder_kind(planned: str, days_past: int, sent_on: date, deadline: date) -> str:
    """Before, on the day, on the last working day before it, or overdue, as of the day the message goes out.

    The planned kind only counts where the day does not decide: the reminder
    "on the day" of a deadline on a weekend goes out on the working day before,
    and must not say "i dag" of a Sunday.
    """
    if days_past > 0:
        return "overdue"
    if days_past == 0:
        return "on_day"
    if planned == "on_day" and sent_on == last_working_day_on_or_before(deadline):
        return "last_working_day"
    return "before"


def _when(svc: Services, c: Commitment, facts: ReminderFacts) -> tuple[date | None, date, str | None, date, int]:
    """(occurrence, deadline, its phrase, the day the message goes out, days past the deadline then)."""
    occurrence = facts.occurrence if c.recurrence else None
    planned_deadline = date.fromisoformat(str(facts.payload.get("deadline") or facts.occurrence))
    # A one-off commitment has one deadline: after "Försenad" the new one, with its own phrase.
    deadline = c.deadline if not c.recurrence and c.deadline is not None else planned_deadline
    # A recurring commitment's phrase is its rhythm, named as one (`rhythm_words`), not quoted as the date's words.
    phrase = c.deadline_phrase if not c.recurrence else None
    if phrase is not None and not says_more_than(phrase, deadline):
        phrase = None  # "30 april 2027 (”senast den 30 april 2027”)" says the date twice
    sent_on = facts.sent_at.astimezone(svc.clock.tz).date()
    return occurrence, deadline, phrase, sent_on, (sent_on - deadline).days


def rhythm_words(svc: Services, c: Commitment) -> str | None:
    """A recurring commitment's rhythm in words ("två gånger per år (juni och december)"), else None."""
    return svc.texts.rhythm(c.recurrence) if c.recurrence else None


_ONLY_THE_DATE = 300  # days before the deadline a phrase without a year is read from


def says_more_than(phrase: str, deadline: date) -> bool:
    """Does the document's phrase tell more than the date itself ("senast i april", "före jul"), or only
    repeat it ("senast den 30 april 2027", "2027-04-30")?"""
    found = find_deadlines(phrase, deadline - timedelta(days=_ONLY_THE_DATE))
    if len(found) != 1 or found[0].kind != "date" or found[0].dates != (deadline,):
        return True
    start, end = found[0].span
    return bool((phrase[:start] + phrase[end:]).strip(" ,.;:()”\"'"))


def render_card(svc: Services, c: Commitment, facts: ReminderFacts) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, blocks) of a reminder or escalation about `c`, as it stands now.

    Days are counted from the day the message goes out (`facts.sent_at`), so
    one sent late says how things stand when it arrives, and one brought up to
    date after an answer still reads as on the day it came.
    """
    texts = svc.texts
    view = view_of(c, texts, svc.clock.today(), svc.clock.now())
    occurrence, deadline, phrase, _sent_on, days_past = _when(svc, c, facts)
    if facts.kind == "escalation":
        intro = texts.md(
            "escalation.md.j2",
            ref=view.ref,
            deadline=deadline,
            phrase=phrase,
            rhythm=rhythm_words(svc, c),
            days=days_past,
            owner=view.owner,
            owner_role=c.owner_role,
            committee=c.committee.code,
        )
        fallback = texts.get("escalation_fallback", ref=view.ref, days=days_past)
        return fallback, card_blocks(texts, view, intro=intro, occurrence=occurrence, change_owner=True)
    args = reminder_args(svc, c, facts)
    intro = texts.md("reminder.md.j2", ref=view.ref, is_open=view.is_open, **args)
    fallback = texts.get("reminder_fallback", ref=view.ref, deadline=swedish_date(deadline))
    return fallback, card_blocks(texts, view, intro=intro, occurrence=occurrence, change_owner=bool(args["owner_gone"]))


def agenda_of(c: Commitment, deadline: date) -> date | None:
    """The day the agenda of the meeting `c` is due at closes, when `deadline` is that meeting's day."""
    at_meeting = is_meetings_rule(c.recurrence) if c.recurrence else c.meeting is not None and c.meeting.day == deadline
    return agenda_closes(deadline, c.committee.agenda_days) if at_meeting else None


def reminder_args(svc: Services, c: Commitment, facts: ReminderFacts) -> dict[str, Any]:
    """What a reminder says about `c` (kind, deadline, days, latest status), for one card or one list item.

    Due at a meeting, `closes` is the day its agenda closes and `closes_in` the days until then (0 on
    the day, negative after it): the report is written for that day, the meeting is the deadline.
    """
    occurrence, deadline, phrase, sent_on, days_past = _when(svc, c, facts)
    last = _latest_update(c, occurrence)
    closes = agenda_of(c, deadline)
    return {
        "closes": closes,
        "closes_in": (closes - sent_on).days if closes else None,
        "kind": _reminder_kind(str(facts.payload.get("reminder") or "before"), days_past, sent_on, deadline),
        "deadline": deadline,
        "phrase": phrase,
        "rhythm": rhythm_words(svc, c),
        "days": abs(days_past),
        "last_status": svc.texts.get(f"status_{last.status.value}") if last else None,
        "last_at": last.at if last else None,
        # The sentence the comment is quoted in ends with its own full stop.
        "last_comment": last.comment.rstrip().rstrip(".") if last and last.comment else None,
        "owner_gone": bool(facts.payload.get("owner_gone")),
        "owner_name": c.owner.display_name or c.owner.slack_user_id if c.owner else None,
        "committee": c.committee.code,
    }


def _message(svc: Services, c: Commitment, row: Claimed, recipient: str) -> Send:
    facts = ReminderFacts(row.kind, row.payload, row.occurrence, row.due_at, sent_at=svc.clock.now())
    text, blocks = render_card(svc, c, facts)
    return Send(channel=recipient, text=text, blocks=blocks)
