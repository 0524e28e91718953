"""Commitments (åtaganden): register, find, and keep their history.

Every change is an appended :class:`StatusUpdate`; the commitment row holds
the current state for fast listing. A deadline never changes without a
reason, and the original deadline stays on the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.domain.errors import NotFound, PermissionDenied, UserError
from bot.language.normalize import fold, fold_dnr
from bot.services.committees import can_manage, get_committee, is_secretary
from bot.services.people import Actor, ensure_person
from bot.services.validation import (
    MAX_COMMENT,
    MAX_DNR,
    MAX_SHORT,
    MAX_TEXT,
    Errors,
    ResolvedDeadline,
    check_deadline,
    check_recurrence,
    check_text,
    check_url,
    raise_if,
)
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

REFERENCE = re.compile(r"^\s*([A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö0-9]{0,11})\s*[-–: ]?\s*(\d{1,7})\s*$")
OPEN_STATUSES = (CommitmentStatus.NOT_STARTED, CommitmentStatus.IN_PROGRESS, CommitmentStatus.DELAYED)


@dataclass
class CommitmentInput:
    """What a person typed, field by field, before any checking."""

    text: str = ""
    committee: str = ""
    owner_user_id: str | None = None
    owner_name: str | None = None
    owner_role: str = ""
    deadline: str = ""
    recurrence: str = ""
    dnr: str = ""
    recommendation: str = ""
    source_permalink: str | None = None
    # "@okand @x": names typed for the owner that are no one in Slack (space-separated). With no
    # owner, nothing is saved until one is chosen or the owner is left out on purpose.
    unknown_names: str = ""


@dataclass(frozen=True)
class CommitmentDraft:
    """A checked input, ready to be stored."""

    text: str
    committee_code: str
    owner_user_id: str | None
    owner_name: str | None
    owner_role: str | None
    deadline: ResolvedDeadline | None
    recurrence: str | None
    recurrence_phrase: str | None
    dnr: str | None
    recommendation: str | None
    source_permalink: str | None = None
    warnings: tuple[str, ...] = field(default=())


def validate(
    session: Session, raw: CommitmentInput, today: date, current: ResolvedDeadline | None = None
) -> CommitmentDraft:
    """Check every field at once; raise ValidationFailed naming each bad field.

    ``current`` is the deadline a commitment already has: kept as it is when the
    field still says the same, even if that date has passed (editing other
    fields of an overdue commitment must stay possible).
    """
    errors: Errors = {}
    text = check_text(errors, "text", raw.text, required=True, limit=MAX_TEXT)
    code = raw.committee.strip().upper()
    if not code:
        errors["committee"] = ("err_required", {})
    elif session.scalar(select(func.count()).select_from(Committee).where(Committee.code == code)) == 0:
        errors["committee"] = ("err_unknown_committee", {"code": code})
    role = check_text(errors, "owner_role", raw.owner_role, required=False, limit=MAX_SHORT)
    if current is not None and raw.deadline.strip() == current.phrase:
        deadline: ResolvedDeadline | None = current
    else:
        deadline = check_deadline(errors, "deadline", raw.deadline, today, required=False)
    recurrence = check_recurrence(errors, "recurrence", raw.recurrence, today)
    if not raw.deadline.strip() and not raw.recurrence.strip() and "deadline" not in errors:
        errors["deadline"] = ("err_deadline_or_recurrence", {})
    dnr = check_text(errors, "dnr", raw.dnr, required=False, limit=MAX_DNR)
    recommendation = check_text(errors, "recommendation", raw.recommendation, required=False, limit=MAX_TEXT)
    if raw.owner_user_id and not re.fullmatch(r"[UW][A-Z0-9]+", raw.owner_user_id):
        errors["owner"] = ("err_unknown_user", {})
    elif raw.unknown_names.strip() and not raw.owner_user_id:
        errors["owner"] = ("err_owner_not_found", {"names": raw.unknown_names})
    raise_if(errors)
    warnings: list[str] = []
    if deadline is not None and deadline.note:
        warnings.append(deadline.note)
    return CommitmentDraft(
        text=text,
        committee_code=code,
        owner_user_id=raw.owner_user_id or None,
        owner_name=raw.owner_name,
        owner_role=role or None,
        deadline=deadline,
        recurrence=recurrence[0] if recurrence else None,
        recurrence_phrase=recurrence[1] if recurrence else None,
        dnr=dnr or None,
        recommendation=recommendation or None,
        source_permalink=raw.source_permalink,
        warnings=tuple(warnings),
    )


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
) -> Commitment:
    """Store a checked draft with its first history row; the caller commits.

    An import passes the case and recommendation it created and the
    commitment's place in the document; a typed registration finds or makes
    its case from the draft's dnr.
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
        status=CommitmentStatus.NOT_STARTED,
        source_permalink=draft.source_permalink,
        source_span_start=source_span[0] if source_span else None,
        source_span_end=source_span[1] if source_span else None,
        created_by_id=creator.id,
        created_at=now,
        updated_at=now,
    )
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
            status=CommitmentStatus.NOT_STARTED,
            new_deadline=commitment.deadline,
            new_deadline_phrase=commitment.deadline_phrase,
        )
    )
    session.flush()
    return commitment


def _with_relations(stmt: Select[Commitment]) -> Select[Commitment]:
    return stmt.options(
        joinedload(Commitment.committee).selectinload(Committee.members),
        joinedload(Commitment.owner),
        joinedload(Commitment.case),
        joinedload(Commitment.recommendation),
        selectinload(Commitment.linked_routines),
    )


def parse_reference(ref: str) -> tuple[str, int] | None:
    """'BUN-14', 'bun 14', 'BUN14' → ('BUN', 14)."""
    m = REFERENCE.match(ref)
    if not m:
        return None
    return m.group(1).upper(), int(m.group(2))


def get_by_reference(session: Session, ref: str, *, for_update: bool = False) -> Commitment:
    parsed = parse_reference(ref)
    if parsed is None:
        raise NotFound("err_bad_reference", field="reference", ref=ref.strip()[:40])
    code, number = parsed
    stmt = _with_relations(
        select(Commitment)
        .join(Committee, Committee.id == Commitment.committee_id)
        .where(Committee.code == code, Commitment.number == number)
    )
    commitment = session.scalars(stmt).unique().one_or_none()
    if commitment is None:
        raise NotFound("err_unknown_reference", field="reference", ref=f"{code}-{number}")
    return commitment


def current_deadline(c: Commitment) -> ResolvedDeadline | None:
    if c.deadline is None:
        return None
    return ResolvedDeadline(c.deadline, c.deadline_phrase or c.deadline.isoformat(), 1.0)


def get_by_id(session: Session, commitment_id: int) -> Commitment:
    stmt = _with_relations(select(Commitment).where(Commitment.id == commitment_id))
    commitment = session.scalars(stmt).unique().one_or_none()
    if commitment is None:
        raise NotFound("err_unknown_reference", field="reference", ref=str(commitment_id))
    return commitment


def get_many(session: Session, ids: list[int]) -> list[Commitment]:
    """Commitments by id in the order given (one query); unknown ids are skipped."""
    if not ids:
        return []
    found = {
        c.id: c for c in session.scalars(_with_relations(select(Commitment).where(Commitment.id.in_(ids)))).unique()
    }
    return [found[i] for i in ids if i in found]


def history(session: Session, commitment: Commitment) -> list[StatusUpdate]:
    return list(
        session.scalars(
            select(StatusUpdate)
            .where(StatusUpdate.commitment_id == commitment.id)
            .options(joinedload(StatusUpdate.person))
            .order_by(StatusUpdate.id)
        )
    )


def list_for_committee(
    session: Session, committee: Committee, *, include_closed: bool = False, limit: int = 50, offset: int = 0
) -> tuple[list[Commitment], int]:
    """A page of a committee's commitments, earliest deadline first, and the total."""
    where = [Commitment.committee_id == committee.id]
    if not include_closed:
        where.append(Commitment.status.in_(OPEN_STATUSES))
    total = session.scalar(select(func.count()).select_from(Commitment).where(*where)) or 0
    stmt = _with_relations(
        select(Commitment)
        .where(*where)
        .order_by(Commitment.deadline.is_(None), Commitment.deadline, Commitment.number)
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(stmt).unique()), total


def _owned_by(stmt: Select[Any], user_id: str, include_closed: bool) -> Select[Any]:
    stmt = stmt.join(Person, Person.id == Commitment.owner_id).where(Person.slack_user_id == user_id)
    if not include_closed:
        stmt = stmt.where(Commitment.status.in_(OPEN_STATUSES))
    return stmt


def list_for_owner(
    session: Session, user_id: str, *, include_closed: bool = False, limit: int = 200, offset: int = 0
) -> list[Commitment]:
    stmt = _owned_by(select(Commitment), user_id, include_closed)
    stmt = _with_relations(
        stmt.order_by(Commitment.deadline.is_(None), Commitment.deadline, Commitment.id).limit(limit).offset(offset)
    )
    return list(session.scalars(stmt).unique())


def count_for_owner(session: Session, user_id: str, *, include_closed: bool = False) -> int:
    stmt = _owned_by(select(func.count()).select_from(Commitment), user_id, include_closed)
    return int(session.scalar(stmt) or 0)


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


def last_comment(session: Session, commitment: Commitment) -> StatusUpdate | None:
    return session.scalars(
        select(StatusUpdate)
        .where(StatusUpdate.commitment_id == commitment.id, StatusUpdate.comment.is_not(None))
        .order_by(StatusUpdate.id.desc())
        .limit(1)
    ).first()


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
