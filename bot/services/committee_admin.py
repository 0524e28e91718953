"""What ``/atagande nämnd …``, ``/atagande kanal`` and the settings modal do to committees.

Each function opens its own transaction, checks who may do it (through the
session-taking functions of :mod:`bot.services.committees`) and hands back
plain values. Slack is asked for names before a write transaction, never inside.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bot.domain.digest_schedule import DigestSchedule
from bot.domain.errors import PermissionDenied, UserError
from bot.domain.reminder_policy import ReminderPolicy
from bot.services import committee_settings
from bot.services import committees as committee_service
from bot.services.channels import Membership
from bot.services.context import Services
from bot.services.people import Actor
from storage.models import Committee, CommitteeMember


@dataclass(frozen=True)
class CommitteeInfo:
    code: str
    name: str
    channel_id: str | None = None


@dataclass(frozen=True)
class SecretariesChange:
    committee: CommitteeInfo
    changed: tuple[str, ...]  # Slack ids of those added or removed
    removed: bool
    secretaries: tuple[str, ...]  # Slack ids of the committee's secretaries afterwards


@dataclass(frozen=True)
class ChannelBinding:
    committee: CommitteeInfo
    previous: CommitteeInfo | None  # the committee the channel belonged to before, if another


@dataclass(frozen=True)
class SettingsForm:
    """What the settings modal shows of a committee."""

    code: str
    name: str
    policy: ReminderPolicy
    digest: DigestSchedule


def _info(committee: Committee) -> CommitteeInfo:
    return CommitteeInfo(committee.code, committee.name, committee.channel_id)


def _secretary_ids(committee: Committee) -> tuple[str, ...]:
    return tuple(p.slack_user_id for p in committee_service.secretaries(committee))


def create_committee(svc: Services, actor: Actor, code: str, name: str) -> CommitteeInfo:
    """A new committee (admins only)."""
    if not code:
        raise UserError("err_committee_name_missing")
    with svc.db.write() as session:
        return _info(committee_service.create_committee(session, actor, code, name, svc.clock.now()))


def change_secretaries(
    svc: Services, actor: Actor, code: str, user_ids: list[str], *, remove: bool
) -> SecretariesChange:
    """Add (or remove) the committee's secretaries (admins only)."""
    if not code or not user_ids:
        raise UserError("err_need_users")
    # Names come from Slack's users.info: asked before the write lock is taken.
    named = [] if remove else [(u, _display(svc, u)) for u in user_ids]
    with svc.db.write() as session:
        if remove:
            people = committee_service.remove_secretaries(session, actor, code, user_ids)
            committee = committee_service.get_committee(session, code)
        else:
            committee, people = committee_service.add_secretaries(session, actor, code, named, svc.clock.now())
        return SecretariesChange(
            committee=_info(committee),
            changed=tuple(p.slack_user_id for p in people),
            removed=remove,
            secretaries=_secretary_ids(committee),
        )


def _display(svc: Services, user_id: str) -> str:
    user = svc.users.get(user_id)
    return user.display if user else ""


def committees_with_secretaries(svc: Services) -> list[tuple[CommitteeInfo, tuple[str, ...]]]:
    """Every committee with its secretaries' Slack ids, loaded in one round trip."""
    with svc.db.read() as session:
        committees = session.scalars(
            select(Committee)
            .order_by(Committee.code)
            .options(selectinload(Committee.members).selectinload(CommitteeMember.person))
        )
        return [(_info(c), _secretary_ids(c)) for c in committees]


def bind_channel(svc: Services, actor: Actor, code: str, channel_id: str, channel_name: str) -> ChannelBinding:
    """Make `channel_id` the committee's channel (its secretaries and admins).

    The bot must be in the channel to read it and share files there: it joins a public channel
    itself; a private one is bound only once someone in it has invited the bot. Slack is asked
    between the check of who may bind and the write transaction, never inside it.
    """
    if not code:
        raise UserError("err_one_line_committee", code="")
    with svc.db.read() as session:
        committee_service.check_bindable(session, actor, code, channel_id)
    membership = svc.channels.ensure_member(channel_id)
    if membership is Membership.NEEDS_INVITE:
        raise UserError("err_channel_invite_bot")
    if membership is Membership.ARCHIVED:
        raise UserError("err_channel_archived")
    with svc.db.write() as session:
        committee, previous = committee_service.bind_channel(session, actor, code, channel_id, channel_name)
        return ChannelBinding(_info(committee), _info(previous) if previous is not None else None)


def settings_form(svc: Services, actor: Actor, code: str) -> SettingsForm:
    """The committee's reminder settings, for its secretaries and admins."""
    if not code:
        raise UserError("err_settings_code_missing")
    with svc.db.read() as session:
        committee = committee_service.get_committee(session, code)
        if not committee_service.can_manage(committee, actor):
            raise PermissionDenied("err_secretary_only", code=committee.code)
        return SettingsForm(
            code=committee.code,
            name=committee.name,
            policy=committee_settings.policy_of(committee),
            digest=DigestSchedule.stored(committee.digest_schedule),
        )


def save_settings(svc: Services, actor: Actor, code: str, policy: ReminderPolicy, digest: DigestSchedule) -> None:
    """Store the committee's reminder policy and digest schedule (its secretaries and admins)."""
    with svc.db.write() as session:
        committee_settings.save_settings(session, actor, code, policy, digest)
