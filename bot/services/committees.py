"""Committees (nämnder): creation, channel binding and secretaries."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from bot.domain.errors import NotFound, PermissionDenied, UserError
from bot.services.people import Actor, ensure_person
from bot.services.text_guard import guarded_text, visible
from storage.models import Committee, CommitteeMember, MemberRole, Person

CODE = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,11}$")
MAX_NAME = 200


def normalise_code(raw: str) -> str:
    return raw.strip().upper()


def get_committee(session: Session, code: str) -> Committee:
    code = normalise_code(code)
    committee = session.scalars(
        select(Committee).where(Committee.code == code).options(selectinload(Committee.members))
    ).one_or_none()
    if committee is None:
        raise NotFound("err_unknown_committee", field="committee", code=code)
    return committee


def committee_for_channel(session: Session, channel_id: str) -> Committee | None:
    return session.scalars(select(Committee).where(Committee.channel_id == channel_id)).one_or_none()


def all_committees(session: Session) -> list[Committee]:
    return list(session.scalars(select(Committee).order_by(Committee.code)))


def create_committee(session: Session, actor: Actor, code: str, name: str, now: datetime) -> Committee:
    if not actor.is_admin:
        raise PermissionDenied("err_admin_only")
    code = normalise_code(code)
    name = visible(name, one_line=True)
    if not CODE.match(code):
        raise UserError("err_committee_code", field="code", code=code)
    if not name:
        raise UserError("err_committee_name_missing", field="name")
    if len(name) > MAX_NAME:
        raise UserError("err_too_long", field="name", limit=MAX_NAME, length=len(name))
    name = guarded_text(name, "name", one_line=True)
    exists = session.scalar(select(func.count()).select_from(Committee).where(Committee.code == code))
    if exists:
        raise UserError("err_committee_exists", field="code", code=code)
    committee = Committee(code=code, name=name, created_at=now, reminder_policy={}, next_number=1)
    session.add(committee)
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent creation won the race
        raise UserError("err_committee_exists", field="code", code=code) from exc
    return committee


def is_secretary(committee: Committee, user_id: str) -> bool:
    return any(m.role == MemberRole.SECRETARY and m.person.slack_user_id == user_id for m in committee.members)


def can_manage(committee: Committee, actor: Actor) -> bool:
    """Admins and the committee's secretaries register and edit in it."""
    return actor.is_admin or is_secretary(committee, actor.user_id)


def secretaries(committee: Committee) -> list[Person]:
    return [m.person for m in committee.members if m.role == MemberRole.SECRETARY]


def check_bindable(session: Session, actor: Actor, code: str, channel_id: str) -> Committee:
    """The committee, if `actor` may bind a channel to it and `channel_id` is a channel, not a DM."""
    committee = get_committee(session, code)
    if not can_manage(committee, actor):
        raise PermissionDenied("err_secretary_only", code=committee.code)
    if channel_id.startswith("D"):
        raise UserError("err_channel_is_dm")
    return committee


def bind_channel(
    session: Session, actor: Actor, code: str, channel_id: str, channel_name: str
) -> tuple[Committee, Committee | None]:
    """Bind the channel to the committee; return it and the committee that had the channel before."""
    committee = check_bindable(session, actor, code, channel_id)
    previous = committee_for_channel(session, channel_id)
    if previous is not None and previous.id != committee.id:
        if not can_manage(previous, actor):
            raise PermissionDenied("err_secretary_only", code=previous.code)
        previous.channel_id = None
        previous.channel_name = None
        session.flush()
    committee.channel_id = channel_id
    committee.channel_name = channel_name
    session.flush()
    return committee, previous if previous is not None and previous.id != committee.id else None


def add_secretaries(
    session: Session, actor: Actor, code: str, users: list[tuple[str, str]], now: datetime
) -> tuple[Committee, list[Person]]:
    """Name secretaries (admins only); returns those newly added."""
    if not actor.is_admin:
        raise PermissionDenied("err_admin_only")
    committee = get_committee(session, code)
    adder = ensure_person(session, actor.user_id, actor.name, now)
    added: list[Person] = []
    for user_id, name in users:
        if is_secretary(committee, user_id):
            continue
        person = ensure_person(session, user_id, name, now)
        committee.members.append(
            CommitteeMember(person=person, role=MemberRole.SECRETARY, added_by_id=adder.id, created_at=now)
        )
        added.append(person)
    session.flush()
    return committee, added


def remove_secretaries(session: Session, actor: Actor, code: str, user_ids: list[str]) -> list[Person]:
    if not actor.is_admin:
        raise PermissionDenied("err_admin_only")
    committee = get_committee(session, code)
    removed = [m for m in committee.members if m.role == MemberRole.SECRETARY and m.person.slack_user_id in user_ids]
    for member in removed:
        committee.members.remove(member)
    session.flush()
    return [m.person for m in removed]


def committees_managed_by(session: Session, actor: Actor) -> list[Committee]:
    """Committees the actor may register in: all for admins, else where secretary."""
    if actor.is_admin:
        return all_committees(session)
    stmt = (
        select(Committee)
        .join(CommitteeMember, CommitteeMember.committee_id == Committee.id)
        .join(Person, Person.id == CommitteeMember.person_id)
        .where(Person.slack_user_id == actor.user_id, CommitteeMember.role == MemberRole.SECRETARY)
        .order_by(Committee.code)
    )
    return list(session.scalars(stmt).unique())
