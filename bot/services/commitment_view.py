"""What a commitment shows: the plain values the cards, lists and Home render.

Built here, in the services, from a commitment loaded with its relations, so
that listeners and the UI are handed values rather than rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.services.traffic import light
from bot.slack_format import Mrkdwn, link, mention
from bot.texts import Texts
from storage.models import Commitment, CommitmentStatus


@dataclass(frozen=True)
class CommitmentView:
    """What templates need to show a commitment."""

    id: int
    ref: str
    text: str
    committee_code: str
    committee_name: str
    owner: Mrkdwn | None
    owner_role: str | None
    deadline: date | None
    deadline_phrase: str | None
    original_deadline: date | None
    original_deadline_phrase: str | None
    moved: bool
    recurrence_phrase: str | None
    status: str
    status_key: str
    light: str
    dnr: str | None
    recommendation: str | None
    source_link: Mrkdwn | None
    last_update_at: datetime | None
    is_open: bool
    routines: tuple[str, ...] = ()
    # Due at a meeting of the committee's plan (the deadline is that meeting's day).
    at_meeting: bool = False


def view_of(c: Commitment, texts: Texts, today: date, now: datetime) -> CommitmentView:
    """The plain values a template shows of `c`.

    `c` comes from `bot.services.commitments` (`get_by_id`, `get_many`, the
    lists), which loads its committee, owner, case, recommendation and linked
    routines with it; reading them here costs no query.
    """
    lamp = light(c, today, now)
    moved = c.original_deadline is not None and c.deadline is not None and c.deadline != c.original_deadline
    return CommitmentView(
        id=c.id,
        ref=c.reference,
        text=c.text,
        committee_code=c.committee.code,
        committee_name=c.committee.name,
        owner=mention(c.owner.slack_user_id) if c.owner else None,
        owner_role=c.owner_role,
        deadline=c.deadline,
        deadline_phrase=c.deadline_phrase,
        original_deadline=c.original_deadline,
        original_deadline_phrase=c.original_deadline_phrase,
        moved=moved,
        recurrence_phrase=c.recurrence_phrase,
        status=texts.get(f"status_{c.status.value}"),
        status_key=c.status.value,
        light=texts.get(f"light_{lamp.value}"),
        dnr=c.case.dnr if c.case else None,
        recommendation=c.recommendation.text if c.recommendation else None,
        source_link=link(c.source_permalink, texts.get("source_message")) if c.source_permalink else None,
        last_update_at=c.last_update_at,
        is_open=c.status not in (CommitmentStatus.DONE, CommitmentStatus.CANCELLED),
        routines=tuple(r.title for r in c.linked_routines),
        at_meeting=c.meeting_id is not None,
    )
