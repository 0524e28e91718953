"""Reading a committee's reminder settings from what a secretary typed, and saving them."""

from __future__ import annotations

import re
from collections.abc import Mapping

from sqlalchemy.orm import Session

from bot.domain.digest_schedule import DigestSchedule
from bot.domain.errors import PermissionDenied
from bot.domain.reminder_policy import ReminderPolicy, ReminderPolicyError, field_error
from bot.services.committees import can_manage, get_committee
from bot.services.people import Actor
from storage.models import Committee


def _days(field: str, raw: str) -> int:
    value = raw.strip()
    if not re.fullmatch(r"\d{1,3}", value):
        raise field_error(field)
    return int(value)


def parse_policy(raw: Mapping[str, str]) -> ReminderPolicy:
    """A policy from the modal's text; ReminderPolicyError names the field that is wrong.

    "14, 3", "14 och 3" and "14 3" all mean 14 and 3 days before; an empty
    field means no reminders before the deadline.
    """
    before_text = raw.get("before_days", "")
    parts = [p for p in re.split(r"[,;\s]+|\boch\b", before_text.strip()) if p]
    return ReminderPolicy(
        before_days=tuple(_days("before_days", p) for p in parts),
        on_the_day=raw.get("on_the_day", "ja") != "nej",
        overdue_every_days=_days("overdue_every_days", raw.get("overdue_every_days", "")),
        escalate_after_days=_days("escalate_after_days", raw.get("escalate_after_days", "")),
    )


def policy_of(committee: Committee) -> ReminderPolicy:
    try:
        return ReminderPolicy.from_json(committee.reminder_policy or {})
    except ReminderPolicyError:
        return ReminderPolicy()


def save_settings(
    session: Session, actor: Actor, code: str, policy: ReminderPolicy, digest: DigestSchedule
) -> Committee:
    committee = get_committee(session, code)
    if not can_manage(committee, actor):
        raise PermissionDenied("err_secretary_only", code=committee.code)
    committee.reminder_policy = policy.to_json()
    committee.digest_schedule = digest.canonical()
    return committee
