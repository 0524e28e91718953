"""Commitments (åtaganden): register them and change them, keeping their history.

Every change is an appended :class:`StatusUpdate`; the commitment row holds
the current state for fast listing. A deadline never changes without a
reason, and the original deadline stays on the row.

What a person types and its checking live in `commitment_drafts`, the queries
in `commitment_queries`; both are imported from here as before.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.domain.errors import PermissionDenied, UserError
from bot.language.normalize import fold, fold_dnr
from bot.services.commitment_drafts import CommitmentDraft, CommitmentInput, current_deadline, validate
from bot.services.commitment_queries import (
    OPEN_STATUSES,
    REFERENCE,
    count_for_owner,
    get_by_id,
    get_by_reference,
    get_many,
    history,
    last_comment,
    list_for_committee,
    list_for_owner,
    parse_reference,
)
from bot.services.committee_year import meeting_on
from bot.services.committees import can_manage, get_committee, is_secretary
from bot.services.people import Actor, ensure_person
from bot.services.validation import MAX_COMMENT, Errors, ResolvedDeadline, check_text, check_url, raise_if
from storage.models import (
    Case,
    Commitment,
    CommitmentStatus,
    Committee,
    Person,
    Recommendation,
    StatusUpdate,
    UpdateKind,
)

__all__ = [
    "OPEN_STATUSES",
    "REFERENCE",
    "CommitmentDraft",
    "CommitmentInput",
    "add_comment",
    "can_update",
    "count_for_owner",
    "create",
    "current_deadline",
    "edit",
    "get_by_id",
    "get_by_reference",
    "get_many",
    "history",
    "last_comment",
    "list_for_committee",
    "list_for_owner",
    "move_deadline",
    "parse_reference",
    "record_message",
    "set_status",
    "validate",
]


def _search_text(c: Commitment, committee_code: str, owner_name: str | None, dnr: str | None) -> str:
    parts = [f"{committee_code}-{c.number}", c.text, c.owner_role or "", owner_name or "", dnr or ""]
    if dnr:
        parts.append(fold_dnr(dnr) or "")
    return fold(" ".join(p for p in parts if p))


def _case_for(session: Session, committee: Committee, dnr: str | None, now: datetime) -> Case:
    key = fold_dnr(dnr) if dnr else None
    stmt = select(Case).where(Case.committee_id == committee.id)
    stmt = stmt.where(Case.dnr_key == key) if key else stmt.where(Case.dnr.is_(None), Case.source_sha256.is_(None))
    case = session.scalars(stmt.order_by(Case.id).limit(1)).first()
    if case is None:
        case = Case(committee_id=committee.id, dnr=dnr, dnr_key=key, title="", created_at=now)
        session.add(case)
        session.flush()
    return case


def _next_number(session: Session, committee_id: int) -> int:
    # One UPDATE … RETURNING: the row lock (PostgreSQL) or the write lock
    # (SQLite) makes concurrent registrations get distinct numbers.
    number = session.execute(
        update(Committee)
        .where(Committee.id == committee_id)
        .values(next_number=Committee.next_number + 1)
        .returning(Committee.next_number)
    ).scalar_one()
    return int(number) - 1


def create(
    session: Session,
    actor: Actor,
    draft: CommitmentDraft,
    now: datetime,
    *,
    case: Case | None = None,
    recommendation: Recommendation | None = None,
    source_span: tuple[int, int] | None = None,
    status: CommitmentStatus = CommitmentStatus.NOT_STARTED,
    original_text: str | None = None,
    document_deadline: date | None = None,
) -> Commitment:
    """Store a checked draft with its first history row; the caller commits.

    An import passes the case and recommendation it created and the
    commitment's place in the document; a typed registration finds or makes
    its case from the draft's dnr. An import may also create a commitment
    done already (an old answer brought in late): its first history row
    carries that status; and a text the reviewer edited keeps the
    document's wording (`original_text`) in that row, and a date the reviewer
    changed the document's (`document_deadline`).
    """
    committee = get_committee(session, draft.committee_code)
    if not can_manage(committee, actor):
        raise PermissionDenied("err_secretary_only", code=committee.code)
    creator = ensure_person(session, actor.user_id, actor.name, now)
    owner = ensure_person(session, draft.owner_user_id, draft.owner_name, now) if draft.owner_user_id else None
    if case is None and (draft.dnr or draft.recommendation):
        case = _case_for(session, committee, draft.dnr, now)
    if recommendation is None and draft.recommendation and case is not None:
        recommendation = Recommendation(case_id=case.id, text=draft.recommendation, position=len(case.recommendations))
        session.add(recommendation)
        session.flush()
    deadline = draft.deadline
    commitment = Commitment(
        committee_id=committee.id,
        number=_next_number(session, committee.id),
        case_id=case.id if case else None,
        recommendation_id=recommendation.id if recommendation else None,
        text=draft.text,
        owner_id=owner.id if owner else None,
        owner_role=draft.owner_role,
        deadline=deadline.date if deadline else None,
        deadline_phrase=deadline.phrase if deadline else None,
        original_deadline=deadline.date if deadline else None,
        original_deadline_phrase=deadline.phrase if deadline else None,
        recurrence=draft.recurrence,
        recurrence_phrase=draft.recurrence_phrase,
        status=status,
        source_permalink=draft.source_permalink,
        source_span_start=source_span[0] if source_span else None,
        source_span_end=source_span[1] if source_span else None,
        created_by_id=creator.id,
        created_at=now,
        updated_at=now,
    )
    _tie(session, commitment, committee.id, draft)
    commitment.committee = committee
    commitment.owner = owner
    session.add(commitment)
    session.flush()
    commitment.search_text = _search_text(commitment, committee.code, owner.display_name if owner else None, draft.dnr)
    session.add(
        StatusUpdate(
            commitment_id=commitment.id,
            person_id=creator.id,
            created_at=now,
            kind=UpdateKind.CREATED,
            status=status,
            new_deadline=commitment.deadline,
            new_deadline_phrase=commitment.deadline_phrase,
            old_deadline=document_deadline if document_deadline != commitment.deadline else None,
            reason=original_text,
        )
    )
    session.flush()
    return commitment


def _tie(session: Session, commitment: Commitment, committee_id: int, draft: CommitmentDraft) -> None:
    """Tie the commitment to the meeting its phrase named (or untie it), so it follows the plan."""
    meeting = meeting_on(session, committee_id, draft.meeting)
    commitment.meeting_id = meeting.id if meeting is not None else None
    commitment.anchor = draft.anchor


def can_update(commitment: Commitment, actor: Actor) -> bool:
    """Owners update their own; the committee's secretaries and admins update any in it."""
    if actor.is_admin or is_secretary(commitment.committee, actor.user_id):
        return True
    return commitment.owner is not None and commitment.owner.slack_user_id == actor.user_id


def _require_update(commitment: Commitment, actor: Actor) -> None:
    if not can_update(commitment, actor):
        raise PermissionDenied("err_not_owner", ref=commitment.reference)


def _require_open(commitment: Commitment) -> None:
    if commitment.status == CommitmentStatus.CANCELLED:
        raise UserError("err_cancelled", ref=commitment.reference)


def _record(
    session: Session,
    commitment: Commitment,
    person: Person,
    now: datetime,
    kind: UpdateKind,
    **values: object,
) -> StatusUpdate:
    row = StatusUpdate(commitment_id=commitment.id, person_id=person.id, created_at=now, kind=kind, **values)
    session.add(row)
    commitment.updated_at = now
    commitment.last_update_at = now
    session.flush()
    return row


def set_status(
    session: Session,
    actor: Actor,
    commitment: Commitment,
    status: CommitmentStatus,
    now: datetime,
    comment: str | None = None,
    occurrence: date | None = None,
) -> StatusUpdate:
    """Klar or Pågår enligt plan (and Avbruten for secretaries).

    With `occurrence`, a recurring commitment's answer is about that one
    occurrence: "Klar" closes the occurrence, and the commitment goes on
    (in progress) towards the next one.
    """
    _require_update(commitment, actor)
    if status == CommitmentStatus.CANCELLED and not can_manage(commitment.committee, actor):
        raise PermissionDenied("err_secretary_only", code=commitment.committee.code)
    if status != CommitmentStatus.CANCELLED:
        _require_open(commitment)
    if status == CommitmentStatus.DELAYED:
        raise UserError("err_delay_needs_date")
    person = ensure_person(session, actor.user_id, actor.name, now)
    if occurrence is not None and commitment.recurrence and status != CommitmentStatus.CANCELLED:
        commitment.status = CommitmentStatus.IN_PROGRESS
        return _record(
            session, commitment, person, now, UpdateKind.STATUS, status=status, comment=comment, occurrence=occurrence
        )
    commitment.status = status
    return _record(session, commitment, person, now, UpdateKind.STATUS, status=status, comment=comment)


def move_deadline(
    session: Session,
    actor: Actor,
    commitment: Commitment,
    new_deadline: ResolvedDeadline,
    reason: str,
    now: datetime,
    *,
    mark_delayed: bool = True,
) -> StatusUpdate:
    """Försenad: a new date and the reason; the original deadline stays on the row."""
    _require_update(commitment, actor)
    _require_open(commitment)
    if not reason.strip():
        raise UserError("err_required", field="reason")
    person = ensure_person(session, actor.user_id, actor.name, now)
    old = commitment.deadline
    if commitment.original_deadline is None:
        commitment.original_deadline = old
        commitment.original_deadline_phrase = commitment.deadline_phrase
    commitment.deadline = new_deadline.date
    commitment.deadline_phrase = new_deadline.phrase
    if mark_delayed:
        commitment.status = CommitmentStatus.DELAYED
    return _record(
        session,
        commitment,
        person,
        now,
        UpdateKind.DEADLINE,
        status=commitment.status,
        old_deadline=old,
        new_deadline=new_deadline.date,
        new_deadline_phrase=new_deadline.phrase,
        reason=reason.strip(),
    )


def add_comment(
    session: Session,
    actor: Actor,
    commitment: Commitment,
    comment: str,
    evidence_url: str | None,
    now: datetime,
) -> StatusUpdate:
    _require_update(commitment, actor)
    errors: Errors = {}
    comment = check_text(errors, "comment", comment, required=True, limit=MAX_COMMENT)
    url = check_url(errors, "evidence_url", evidence_url or "")
    raise_if(errors)
    person = ensure_person(session, actor.user_id, actor.name, now)
    return _record(session, commitment, person, now, UpdateKind.COMMENT, comment=comment, evidence_url=url)


def record_message(session: Session, commitment: Commitment, channel: str, ts: str) -> None:
    """Remember the commitment's own message in the committee channel (updated in place later)."""
    commitment.message_channel = channel
    commitment.message_ts = ts
    session.flush()


def edit(
    session: Session,
    actor: Actor,
    commitment: Commitment,
    draft: CommitmentDraft,
    status: CommitmentStatus | None,
    reason: str,
    now: datetime,
) -> list[StatusUpdate]:
    """A secretary's edit; each kind of change gets its own history row.

    A moved deadline needs a reason (the original stays on the row).
    """
    if not can_manage(commitment.committee, actor):
        raise PermissionDenied("err_secretary_only", code=commitment.committee.code)
    errors: Errors = {}
    reason = check_text(errors, "reason", reason, required=False, limit=MAX_COMMENT)
    new_date = draft.deadline.date if draft.deadline else None
    if new_date != commitment.deadline and commitment.deadline is not None and not reason:
        errors["reason"] = ("err_edit_reason_needed", {})
    raise_if(errors)
    person = ensure_person(session, actor.user_id, actor.name, now)
    rows: list[StatusUpdate] = []
    if draft.deadline is not None and new_date != commitment.deadline:
        rows.append(move_deadline(session, actor, commitment, draft.deadline, reason, now, mark_delayed=False))
    if (draft.anchor, draft.meeting) != (commitment.anchor, commitment.meeting.day if commitment.meeting else None):
        _tie(session, commitment, commitment.committee_id, draft)
    owner = ensure_person(session, draft.owner_user_id, draft.owner_name, now) if draft.owner_user_id else None
    if (owner.id if owner else None) != commitment.owner_id:
        commitment.owner_id = owner.id if owner else None
        commitment.owner = owner
        rows.append(_record(session, commitment, person, now, UpdateKind.OWNER, reason=reason or None))
    changed = (
        draft.text != commitment.text
        or draft.owner_role != commitment.owner_role
        or draft.recurrence != commitment.recurrence
    )
    if changed:
        commitment.text = draft.text
        commitment.owner_role = draft.owner_role
        commitment.recurrence = draft.recurrence
        commitment.recurrence_phrase = draft.recurrence_phrase
        rows.append(_record(session, commitment, person, now, UpdateKind.EDIT, reason=reason or None))
    current_dnr = commitment.case.dnr if commitment.case else None
    current_rec = commitment.recommendation.text if commitment.recommendation else None
    if draft.dnr != current_dnr or draft.recommendation != current_rec:
        case = _case_for(session, commitment.committee, draft.dnr, now) if draft.dnr or draft.recommendation else None
        commitment.case_id = case.id if case else None
        if draft.recommendation and case is not None and draft.recommendation != current_rec:
            rec = Recommendation(case_id=case.id, text=draft.recommendation, position=len(case.recommendations))
            session.add(rec)
            session.flush()
            commitment.recommendation_id = rec.id
        elif not draft.recommendation:
            commitment.recommendation_id = None
        if not rows or rows[-1].kind != UpdateKind.EDIT:
            rows.append(_record(session, commitment, person, now, UpdateKind.EDIT, reason=reason or None))
    if status is not None and status != commitment.status:
        commitment.status = status
        rows.append(_record(session, commitment, person, now, UpdateKind.STATUS, status=status))
    commitment.search_text = _search_text(
        commitment, commitment.committee.code, owner.display_name if owner else None, draft.dnr
    )
    session.flush()
    session.expire(commitment, ["case", "recommendation"])
    return rows
