"""Finding commitments: by reference or id, a committee's or an owner's list, and their history.

Each query loads what the views show of a commitment (committee and members,
owner, case, recommendation, linked routines) in the same round trip.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.domain.errors import NotFound
from storage.models import Commitment, CommitmentStatus, Committee, Person, StatusUpdate

REFERENCE = re.compile(r"^\s*([A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö0-9]{0,11})\s*[-–: ]?\s*(\d{1,7})\s*$")
OPEN_STATUSES = (CommitmentStatus.NOT_STARTED, CommitmentStatus.IN_PROGRESS, CommitmentStatus.DELAYED)


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


def last_comment(session: Session, commitment: Commitment) -> StatusUpdate | None:
    return session.scalars(
        select(StatusUpdate)
        .where(StatusUpdate.commitment_id == commitment.id, StatusUpdate.comment.is_not(None))
        .order_by(StatusUpdate.id.desc())
        .limit(1)
    ).first()
