"""Who may read which commitments: everyone everything, except Slack's guests.

A guest (``is_restricted`` or ``is_ultra_restricted``) sees only what is
shared in channels they are in. The bot has no scope to ask who is in a
channel, but Slack lets a person use a slash command only in a channel they
are a member of, so the committee bound to the channel a guest acts in is one
they may read; so are the commitments they are responsible for themselves.
Every read service asks :func:`readable_committees` and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.domain.errors import PermissionDenied
from bot.services import committees as committee_service
from bot.services.people import Actor
from storage.models import Commitment, Committee

# The sentence a guest gets for anything outside what they may read.
GUEST_REFUSAL = "err_guest_reads_little"


@dataclass(frozen=True)
class Readable:
    """What one person may read where they act now."""

    user_id: str
    everything: bool
    committee_ids: frozenset[int]

    def committee(self, committee: Committee) -> bool:
        return self.everything or committee.id in self.committee_ids

    def commitment(self, c: Commitment) -> bool:
        own = c.owner is not None and c.owner.slack_user_id == self.user_id
        return own or self.committee(c.committee)

    def check_committee(self, committee: Committee) -> None:
        """PermissionDenied (one sentence, nothing shown) unless the committee is readable."""
        if not self.committee(committee):
            raise PermissionDenied(GUEST_REFUSAL)

    def check_commitment(self, c: Commitment) -> None:
        if not self.commitment(c):
            raise PermissionDenied(GUEST_REFUSAL)


def readable_committees(session: Session, actor: Actor, channel_id: str) -> Readable:
    """Everything for a member; for a guest, the committee bound to `channel_id` (if any) and their own."""
    if not actor.is_guest:
        return Readable(actor.user_id, everything=True, committee_ids=frozenset())
    bound = committee_service.committee_for_channel(session, channel_id) if channel_id else None
    ids = frozenset({bound.id}) if bound is not None else frozenset()
    return Readable(actor.user_id, everything=False, committee_ids=ids)
