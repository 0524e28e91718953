"""What registering starts from: the register modal's committees, and the one-line preview.

``/atagande ny`` (with or without text), the shortcuts and the buttons that
open the register modal ask here; nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.domain.errors import UserError
from bot.language.normalize import fold
from bot.services import committees as committee_service
from bot.services import meeting_form, quick_entry
from bot.services.command_queries import CommitteeName
from bot.services.commitment_drafts import CommitmentDraft, CommitmentInput
from bot.services.context import Services
from bot.services.validation import Errors

# Slack shows at most 100 options in a menu; a person types to find the others.
MAX_CHOICES = 100


@dataclass(frozen=True)
class NewCommitmentForm:
    """The committees the user may register in, and the form's prefill (its committee one of them, or none)."""

    committees: tuple[CommitteeName, ...]
    prefill: CommitmentInput


@dataclass(frozen=True)
class OneLinePreview:
    """What a one-line registration would store, and what stands in its way (see quick_entry.Preview)."""

    raw: CommitmentInput
    committee: CommitteeName
    draft: CommitmentDraft | None
    errors: Errors
    choose_owner: bool
    channel_code: str | None
    other_mentions: tuple[str, ...]
    # (committee, year) whose sammanträdesplan the deadline waits for, offered to those who may add it.
    plan_offer: tuple[str, int] | None = None


def new_commitment_form(
    svc: Services, user_id: str, prefill: CommitmentInput, channel_id: str | None = None
) -> NewCommitmentForm:
    """The register modal's choices for `user_id`; an empty committee is the channel's, when it has one."""
    actor = svc.actor(user_id)  # may ask Slack: before the transaction
    with svc.db.read() as session:
        if channel_id and not prefill.committee:
            bound = committee_service.committee_for_channel(session, channel_id)
            if bound is not None:
                prefill = replace(prefill, committee=bound.code)
        committees = committee_service.committees_managed_by(session, actor)
        if not committees:
            if committee_service.all_committees(session):
                raise UserError("err_no_committees_to_register")
            raise UserError("err_no_committees")
        choices = tuple(CommitteeName(c.code, c.name) for c in committees)
    if prefill.committee and prefill.committee.upper() not in {c.code for c in choices}:
        prefill = replace(prefill, committee="")
    return NewCommitmentForm(committees=choices, prefill=prefill)


def one_line_preview(svc: Services, user_id: str, line: str, channel_id: str) -> OneLinePreview:
    """Read `line` as a registration typed in `channel_id` by `user_id`."""
    actor = svc.actor(user_id)
    with svc.db.read() as session:
        shown = quick_entry.preview(session, actor, line, svc.clock.today(), channel_id)
        committee = CommitteeName(shown.committee.code, shown.committee.name)
        offer = meeting_form.plan_offer(session, actor, committee.code, shown.errors)
    raw = shown.raw
    if raw.owner_user_id:
        # The owner's name as Slack has it (a Slack call: after the transaction).
        user = svc.users.get(raw.owner_user_id)
        raw = replace(raw, owner_name=user.display if user else raw.owner_name)
    return OneLinePreview(
        raw=raw,
        committee=committee,
        draft=shown.draft,
        errors=shown.errors,
        choose_owner=shown.choose_owner,
        channel_code=shown.channel_code,
        other_mentions=shown.other_mentions,
        plan_offer=offer,
    )


def committee_choices(svc: Services, user_id: str, typed: str, limit: int = MAX_CHOICES) -> tuple[CommitteeName, ...]:
    """The committees `user_id` may register in whose code or name holds every word `typed`, in code order.

    Forgiving as the rest of the bot: case, å/ä/ö and extra spaces do not matter, and a
    word may be any part of the code or name ("förmyndar" finds Överförmyndarnämnden).
    Nothing typed gives the first `limit` committees.
    """
    actor = svc.actor(user_id)  # may ask Slack: before the transaction
    words = fold(typed).split()
    found: list[CommitteeName] = []
    with svc.db.read() as session:
        for committee in committee_service.committees_managed_by(session, actor):
            label = fold(f"{committee.code} {committee.name}")
            if all(word in label for word in words):
                found.append(CommitteeName(committee.code, committee.name))
                if len(found) == limit:
                    break
    return tuple(found)
