"""What a person types for a commitment, and the checked draft that is stored.

`validate` checks every field at once, so one answer names each bad field.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.services.committee_year import plan_for_code
from bot.services.text_guard import visible
from bot.services.validation import (
    MAX_DNR,
    MAX_SHORT,
    MAX_TEXT,
    Errors,
    ResolvedDeadline,
    check_deadline,
    check_recurrence,
    check_text,
    raise_if,
)
from storage.models import Commitment, Committee


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
    # Tied to the committee's year: what the phrase named, and the meeting it falls on (None: not tied).
    anchor: str | None = None
    meeting: date | None = None


def _limit(value: str, stored: str | None, limit: int, *, one_line: bool = False) -> int:
    """A field's length limit: a stored text longer than typed ones may be (imported whole) keeps its length."""
    if stored is not None and visible(value, one_line=one_line) == stored:
        return max(limit, len(stored))
    return limit


def validate(
    session: Session,
    raw: CommitmentInput,
    today: date,
    current: ResolvedDeadline | None = None,
    stored_text: str | None = None,
    stored_recommendation: str | None = None,
    kept: Collection[str] = (),
) -> CommitmentDraft:
    """Check every field at once; raise ValidationFailed naming each bad field.

    ``current`` is the deadline a commitment already has: kept as it is when the
    field still says the same, even if that date has passed (editing other
    fields of an overdue commitment must stay possible). Likewise ``stored_text``
    and ``stored_recommendation``: an imported text is kept whole, so it may be
    longer than a typed one, and saving it unchanged must not be refused.
    The fields named in ``kept`` ("text", "recommendation") were not offered for editing (longer than a
    form's field holds): their stored values are kept exactly as they are, whatever ``raw`` says.
    """
    errors: Errors = {}
    # The text is the commitment's title on its card: one line, so it cannot fake the card's lines.
    if "text" in kept and stored_text is not None:
        text = stored_text
    else:
        text_limit = _limit(raw.text, stored_text, MAX_TEXT, one_line=True)
        text = check_text(errors, "text", raw.text, required=True, limit=text_limit, one_line=True)
    code = raw.committee.strip().upper()
    if not code:
        errors["committee"] = ("err_required", {})
    elif session.scalar(select(func.count()).select_from(Committee).where(Committee.code == code)) == 0:
        errors["committee"] = ("err_unknown_committee", {"code": code})
    # Phrases such as "till nämndens sista sammanträde 2027" are dated in the committee's own plan.
    plan = plan_for_code(session, code) if code else None
    role = check_text(errors, "owner_role", raw.owner_role, required=False, limit=MAX_SHORT, one_line=True)
    if current is not None and raw.deadline.strip() == current.phrase:
        deadline: ResolvedDeadline | None = current
    else:
        deadline = check_deadline(errors, "deadline", raw.deadline, today, required=False, plan=plan)
    recurrence = check_recurrence(errors, "recurrence", raw.recurrence, today, plan=plan)
    for name in ("deadline", "recurrence"):
        if errors.get(name, ("", {}))[0] == "err_deadline_needs_plan":
            errors[name][1]["code"] = code  # the sentence names the command that adds the plan
    if not raw.deadline.strip() and not raw.recurrence.strip() and "deadline" not in errors:
        errors["deadline"] = ("err_deadline_or_recurrence", {})
    dnr = check_text(errors, "dnr", raw.dnr, required=False, limit=MAX_DNR, one_line=True)
    if "recommendation" in kept and stored_recommendation is not None:
        recommendation = stored_recommendation
    else:
        rec_limit = _limit(raw.recommendation, stored_recommendation, MAX_TEXT)
        recommendation = check_text(errors, "recommendation", raw.recommendation, required=False, limit=rec_limit)
    if raw.owner_user_id and not re.fullmatch(r"[UW][A-Z0-9]+", raw.owner_user_id):
        errors["owner"] = ("err_unknown_user", {})
    elif raw.unknown_names.strip() and not raw.owner_user_id:
        errors["owner"] = ("err_owner_not_found", {"names": raw.unknown_names})
    raise_if(errors)
    warnings: list[str] = []
    if deadline is not None and deadline.note:
        warnings.append(deadline.note)
    anchor, meeting = (deadline.anchor, deadline.meeting) if deadline is not None else (None, None)
    tied = recurrence[2] if recurrence else None
    if tied is not None and anchor is None:
        anchor, meeting = tied.anchor, tied.meeting
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
        anchor=anchor,
        meeting=meeting,
    )


def current_deadline(c: Commitment) -> ResolvedDeadline | None:
    if c.deadline is None:
        return None
    return ResolvedDeadline(c.deadline, c.deadline_phrase or c.deadline.isoformat(), 1.0)
