"""What the owner's buttons and the answer modals do: one transaction each, checked here.

Listeners (handlers/actions.py, handlers/views.py) ask who is acting before
calling these (a Slack call, kept out of the write lock) and are handed plain
values back: a :class:`CommitmentView`, a reference, the choices of a form.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from bot.domain.errors import PermissionDenied, UserError
from bot.services import commitments as commitment_service
from bot.services import committees as committee_service
from bot.services import dedupe, routine_links
from bot.services import routines as routine_service
from bot.services.commitment_drafts import CommitmentInput
from bot.services.commitment_view import CommitmentView, view_of
from bot.services.context import Services
from bot.services.people import Actor
from bot.services.validation import MAX_COMMENT, Errors, check_deadline, check_text, raise_if
from storage.models import Commitment, CommitmentStatus, Committee, UpdateKind


@dataclass(frozen=True)
class CommitteeChoice:
    """A committee a form offers."""

    code: str
    name: str


@dataclass(frozen=True)
class ShownAfterChange:
    """What a listener shows after a change: the card, whose Home to refresh, and the Ändra button."""

    view: CommitmentView
    owner_user_id: str | None
    can_edit: bool


@dataclass(frozen=True)
class EditForm:
    """The edit modal's contents: the commitment as typed, its committee, the statuses offered."""

    prefill: CommitmentInput
    committees: tuple[CommitteeChoice, ...]
    statuses: tuple[tuple[str, str], ...]
    current_status: str
    reference: str


@dataclass(frozen=True)
class FormChoices:
    """The committees (and, editing, the statuses) a rebuilt register or edit modal offers.

    Editing, also the commitment's reference and its stored texts ("text", "recommendation"): a
    text too long for the form was shown, not offered, and the rebuilt form shows it again.
    """

    committees: tuple[CommitteeChoice, ...]
    statuses: tuple[tuple[str, str], ...] | None
    reference: str | None = None
    stored: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Answered:
    """What an answer button did: `recorded` a new history row or not; `closed` when the commitment
    (or the occurrence answered) was done already, so the button was on an old message."""

    ref: str
    recorded: bool
    closed: bool = False
    occurrence: date | None = None  # the occurrence a recurring commitment's answer was about


@dataclass(frozen=True)
class LinkedRoutine:
    linked: bool  # False when it already was (a double click)
    title: str
    ref: str


def _choice(committee: Committee) -> CommitteeChoice:
    return CommitteeChoice(code=committee.code, name=committee.name)


def _statuses(svc: Services) -> tuple[tuple[str, str], ...]:
    return tuple((s.value, svc.texts.get(f"status_{s.value}")) for s in CommitmentStatus)


def reference(svc: Services, commitment_id: int) -> str:
    with svc.db.read() as session:
        return commitment_service.get_by_id(session, commitment_id).reference


def shown_after_change(svc: Services, actor: Actor, commitment_id: int) -> ShownAfterChange:
    with svc.db.read() as session:
        c = commitment_service.get_by_id(session, commitment_id)
        return ShownAfterChange(
            view=view_of(c, svc.texts, svc.clock.today(), svc.clock.now()),
            owner_user_id=c.owner.slack_user_id if c.owner else None,
            can_edit=committee_service.can_manage(c.committee, actor),
        )


def _done_already(session: Session, c: Commitment, occurrence: date | None) -> bool:
    """Done: the commitment, or (a recurring one's reminder) the occurrence answered."""
    if c.status == CommitmentStatus.DONE or occurrence is None:
        return c.status == CommitmentStatus.DONE
    about = [u for u in commitment_service.history(session, c) if u.occurrence == occurrence and u.status]
    return bool(about) and about[-1].status == CommitmentStatus.DONE


def _said_today(
    svc: Services, session: Session, c: Commitment, status: CommitmentStatus, occurrence: date | None
) -> bool:
    """The latest word on the commitment (or occurrence) is this very answer, given today.

    A second "Pågår enligt plan" the same day adds nothing; another day it is
    a fresh answer that the reminders count, so it is kept.
    """
    rows = [u for u in commitment_service.history(session, c) if occurrence is None or u.occurrence == occurrence]
    if not rows:
        return False
    last = rows[-1]
    return (
        last.kind == UpdateKind.STATUS
        and last.status == status
        and last.created_at.astimezone(svc.clock.tz).date() == svc.clock.today()
    )


def record_answer(
    svc: Services, actor: Actor, commitment_id: int, *, done: bool, occurrence: date | None = None
) -> Answered:
    """Klar (``done``) or Pågår enligt plan; with `occurrence`, about that one occurrence.

    Nothing is written twice (a double click) and nothing done is reopened (a
    button on an old message): reopening is the secretaries' Ändra.
    """
    status = CommitmentStatus.DONE if done else CommitmentStatus.IN_PROGRESS
    with svc.db.write() as session:
        c = commitment_service.get_by_id(session, commitment_id)
        if not commitment_service.can_update(c, actor):
            raise PermissionDenied("err_not_owner", ref=c.reference)
        # A one-off commitment's reminder names its deadline as the occurrence; its answers are about it all.
        occurrence = occurrence if c.recurrence else None
        if _done_already(session, c, occurrence):
            return Answered(ref=c.reference, recorded=False, closed=True, occurrence=occurrence)
        if c.status != CommitmentStatus.CANCELLED and _said_today(svc, session, c, status, occurrence):
            return Answered(ref=c.reference, recorded=False)
        commitment_service.set_status(session, actor, c, status, svc.clock.now(), occurrence=occurrence)
        return Answered(ref=c.reference, recorded=True)


def answerable_reference(svc: Services, actor: Actor, commitment_id: int, *, moves_deadline: bool = False) -> str:
    """The reference the Försenad or Kommentera modal names, once the actor may answer an open commitment.

    Försenad (`moves_deadline`) would reopen a commitment that is done: refused, as on an old message.
    """
    with svc.db.read() as session:
        c = commitment_service.get_by_id(session, commitment_id)
        if not commitment_service.can_update(c, actor):
            raise UserError("err_not_owner", ref=c.reference)
        if c.status == CommitmentStatus.CANCELLED:
            raise UserError("err_cancelled", ref=c.reference)
        if moves_deadline and c.status == CommitmentStatus.DONE:
            raise UserError("answer_already_done", ref=c.reference)
        return c.reference


def _prefill(c: Commitment) -> CommitmentInput:
    return CommitmentInput(
        text=c.text,
        committee=c.committee.code,
        owner_user_id=c.owner.slack_user_id if c.owner else None,
        owner_role=c.owner_role or "",
        deadline=c.deadline_phrase or (c.deadline.isoformat() if c.deadline else ""),
        recurrence=c.recurrence_phrase or "",
        dnr=(c.case.dnr if c.case else None) or "",
        recommendation=c.recommendation.text if c.recommendation else "",
    )


def edit_form(svc: Services, actor: Actor, commitment_id: int) -> EditForm:
    """Ändra: the commitment as the form shows it; only its committee's secretaries and admins edit."""
    with svc.db.read() as session:
        c = commitment_service.get_by_id(session, commitment_id)
        if not committee_service.can_manage(c.committee, actor):
            raise UserError("err_secretary_only", code=c.committee.code)
        return EditForm(
            prefill=_prefill(c),
            committees=(_choice(c.committee),),
            statuses=_statuses(svc),
            current_status=c.status.value,
            reference=c.reference,
        )


def form_choices(svc: Services, actor: Actor, editing_id: int | None) -> FormChoices:
    """The choices of a register modal (the actor's committees) or of an edit modal (its one committee)."""
    with svc.db.read() as session:
        if editing_id is None:
            committees = committee_service.committees_managed_by(session, actor)
            return FormChoices(committees=tuple(_choice(c) for c in committees), statuses=None)
        c = commitment_service.get_by_id(session, editing_id)
        stored = _prefill(c)
        return FormChoices(
            committees=(_choice(c.committee),),
            statuses=_statuses(svc),
            reference=c.reference,
            stored={"text": stored.text, "recommendation": stored.recommendation},
        )


def save_edit(
    svc: Services,
    actor: Actor,
    commitment_id: int,
    raw: CommitmentInput,
    status: str,
    reason: str,
    *,
    once: str | None = None,
    kept: Collection[str] = (),
) -> bool:
    """A secretary's edit from the modal; `status` is a status's value, anything else keeps it.

    The fields in `kept` were not offered (longer than the form holds): their stored values stay.
    False, and nothing saved, when `once` (the submitted form) was saved before.
    """
    new_status = CommitmentStatus(status) if status in {s.value for s in CommitmentStatus} else None
    with svc.db.write() as session:
        if once is not None and not dedupe.claim(session, once, svc.clock.now()):
            return False
        c = commitment_service.get_by_id(session, commitment_id)
        draft = commitment_service.validate(
            session,
            raw,
            svc.clock.today(),
            current=commitment_service.current_deadline(c),
            stored_text=c.text,
            stored_recommendation=c.recommendation.text if c.recommendation else None,
            kept=kept,
        )
        commitment_service.edit(session, actor, c, draft, new_status, reason, svc.clock.now())
        return True


def report_delay(
    svc: Services, actor: Actor, commitment_id: int, deadline: str, reason: str, *, once: str | None = None
) -> bool:
    """Försenad: the new Klart senast and the reason, both required (errors on their fields).

    False, and nothing saved, when `once` (the submitted form) was saved before.
    """
    with svc.db.write() as session:
        if once is not None and not dedupe.claim(session, once, svc.clock.now()):
            return False
        c = commitment_service.get_by_id(session, commitment_id)
        if c.status == CommitmentStatus.DONE:
            # Marked Klar since the form was opened: moving its date would reopen it.
            raise UserError("answer_already_done", field="deadline", ref=c.reference)
        errors: Errors = {}
        new = check_deadline(errors, "deadline", deadline, svc.clock.today(), required=True)
        reason = check_text(errors, "reason", reason, required=True, limit=MAX_COMMENT)
        raise_if(errors)
        assert new is not None  # raise_if saw to that
        commitment_service.move_deadline(session, actor, c, new, reason, svc.clock.now())
        return True


def comment(
    svc: Services, actor: Actor, commitment_id: int, text: str, evidence_url: str, *, once: str | None = None
) -> bool:
    """Kommentera; False, and nothing saved, when `once` (the submitted form) was saved before."""
    with svc.db.write() as session:
        if once is not None and not dedupe.claim(session, once, svc.clock.now()):
            return False
        c = commitment_service.get_by_id(session, commitment_id)
        commitment_service.add_comment(session, actor, c, text, evidence_url, svc.clock.now())
        return True


def link_routine(svc: Services, actor: Actor, commitment_id: int, routine_id: int) -> LinkedRoutine:
    """Koppla: link a suggested routine; the commitment's owner, secretaries and admins may."""
    with svc.db.write() as session:
        c = commitment_service.get_by_id(session, commitment_id)
        if not commitment_service.can_update(c, actor):
            raise UserError("err_not_owner", ref=c.reference)
        linked = routine_links.link(session, commitment_id, routine_id, svc.clock.now())
        title = routine_service.get_routine(session, routine_id).title
        return LinkedRoutine(linked=linked, title=title, ref=c.reference)
