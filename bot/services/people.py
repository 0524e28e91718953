"""People: who is acting, who owns what, who is an admin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Person


@dataclass(frozen=True)
class SlackUser:
    """What the bot needs to know of a Slack user (from ``users.info``)."""

    id: str
    name: str
    real_name: str = ""
    is_admin: bool = False
    is_owner: bool = False
    is_restricted: bool = False  # a multi-channel guest
    is_ultra_restricted: bool = False  # a single-channel guest
    deleted: bool = False
    is_bot: bool = False

    @property
    def display(self) -> str:
        return self.real_name or self.name or self.id


class UserDirectory(Protocol):
    """Looks Slack users up; None when Slack does not know the id."""

    def get(self, user_id: str) -> SlackUser | None: ...


@dataclass(frozen=True)
class Actor:
    """The person behind a request, with what they may do everywhere."""

    user_id: str
    name: str
    is_admin: bool
    # A Slack guest reads only what bot/services/reading.py allows.
    is_guest: bool = False


def actor_for(user_id: str, directory: UserDirectory, configured_admins: frozenset[str]) -> Actor:
    """Workspace admins and owners, and anyone in ATAGANDE_ADMINS, are admins.

    A guest (restricted or ultra restricted in Slack) is a guest unless named in
    ATAGANDE_ADMINS: that setting is the organisation's explicit trust.
    """
    user = directory.get(user_id)
    is_admin = user_id in configured_admins or bool(user and (user.is_admin or user.is_owner))
    is_guest = not is_admin and bool(user and (user.is_restricted or user.is_ultra_restricted))
    return Actor(user_id=user_id, name=user.display if user else user_id, is_admin=is_admin, is_guest=is_guest)


def ensure_person(session: Session, user_id: str, name: str | None, now: datetime) -> Person:
    """The Person row for a Slack user, created on first sight; the name is kept fresh."""
    person = session.scalars(select(Person).where(Person.slack_user_id == user_id)).one_or_none()
    if person is None:
        person = Person(slack_user_id=user_id, display_name=name or "", created_at=now)
        session.add(person)
        session.flush()
    elif name and person.display_name != name:
        person.display_name = name
    return person


def find_person(session: Session, user_id: str) -> Person | None:
    return session.scalars(select(Person).where(Person.slack_user_id == user_id)).one_or_none()
