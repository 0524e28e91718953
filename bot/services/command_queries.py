"""What ``/atagande lista``, ``mina``, ``visa`` and ``sök`` show, as plain views.

Each function opens its own read transaction, loads the commitments with their
relations in one query and hands back views, so the listener only renders.
What a guest may read is decided by bot/services/reading.py, asked by each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.errors import UserError
from bot.services import commitments as commitment_service
from bot.services import committees as committee_service
from bot.services.commitment_view import CommitmentView, view_of
from bot.services.context import Services
from bot.services.reading import readable_committees
from storage.models import StatusUpdate

# A query longer than this is cut (and the answer says so).
MAX_QUERY = 200
SEARCH_LIMIT = 20
# A guest's hits are filtered after ranking: rank this many so that their own
# still fill a page when the best matches are others'.
GUEST_SEARCH_POOL = 500


@dataclass(frozen=True)
class CommitteeName:
    """A committee as a text names it: its code and its name."""

    code: str
    name: str


@dataclass(frozen=True)
class CommitmentPage:
    """A page of a list: the commitments on it and how many there are in all."""

    views: tuple[CommitmentView, ...]
    total: int
    offset: int


@dataclass(frozen=True)
class CommitteePage(CommitmentPage):
    committee: CommitteeName


@dataclass(frozen=True)
class HistoryEntry:
    """One event of a commitment's history, as the card's history shows it."""

    created_at: datetime
    who: str | None  # the person's name (or Slack id when no name is known); None for the bot
    kind: str  # an UpdateKind value: "created", "status", "deadline", "comment", "edit", "owner"
    status: str | None  # a CommitmentStatus value
    old_deadline: date | None
    new_deadline: date | None
    reason: str | None
    comment: str | None
    evidence_url: str | None


@dataclass(frozen=True)
class Card:
    """One commitment with what the asker may do to it and its history."""

    view: CommitmentView
    can_update: bool
    can_edit: bool
    history: tuple[HistoryEntry, ...]


@dataclass(frozen=True)
class SearchResult:
    query: str  # as searched: cut to MAX_QUERY
    cut: bool
    views: tuple[CommitmentView, ...]


def committee_page(
    svc: Services, code: str, channel_id: str, offset: int, limit: int, *, user_id: str
) -> CommitteePage:
    """The open commitments of the committee `code`, or with no code of the channel's committee."""
    today, now = svc.clock.today(), svc.clock.now()
    actor = svc.actor(user_id)  # may ask Slack: before the transaction
    with svc.db.read() as session:
        if code:
            committee = committee_service.get_committee(session, code)
        else:
            bound = committee_service.committee_for_channel(session, channel_id)
            if bound is None:
                raise UserError("err_no_committee_here")
            committee = bound
        readable_committees(session, actor, channel_id).check_committee(committee)
        rows, total = commitment_service.list_for_committee(session, committee, limit=limit, offset=offset)
        return CommitteePage(
            views=tuple(view_of(c, svc.texts, today, now) for c in rows),
            total=total,
            offset=offset,
            committee=CommitteeName(committee.code, committee.name),
        )


def owner_page(svc: Services, user_id: str, offset: int, limit: int) -> CommitmentPage:
    """The open commitments `user_id` is responsible for."""
    today, now = svc.clock.today(), svc.clock.now()
    with svc.db.read() as session:
        total = commitment_service.count_for_owner(session, user_id)
        rows = commitment_service.list_for_owner(session, user_id, limit=limit, offset=offset)
        return CommitmentPage(views=tuple(view_of(c, svc.texts, today, now) for c in rows), total=total, offset=offset)


def card(svc: Services, user_id: str, reference: str, *, channel_id: str) -> Card:
    """The commitment named by `reference`, for `user_id` (whose rights decide the buttons) in `channel_id`."""
    if not reference:
        raise UserError("err_need_reference")
    actor = svc.actor(user_id)  # may ask Slack: before the transaction
    with svc.db.read() as session:
        c = commitment_service.get_by_reference(session, reference)
        readable_committees(session, actor, channel_id).check_commitment(c)
        return Card(
            view=view_of(c, svc.texts, svc.clock.today(), svc.clock.now()),
            can_update=commitment_service.can_update(c, actor),
            can_edit=committee_service.can_manage(c.committee, actor),
            history=tuple(_entry(u) for u in commitment_service.history(session, c)),
        )


def _entry(u: StatusUpdate) -> HistoryEntry:
    return HistoryEntry(
        created_at=u.created_at,
        who=(u.person.display_name or u.person.slack_user_id) if u.person else None,
        kind=u.kind.value,
        status=u.status.value if u.status else None,
        old_deadline=u.old_deadline,
        new_deadline=u.new_deadline,
        reason=u.reason,
        comment=u.comment,
        evidence_url=u.evidence_url,
    )


def search(svc: Services, query: str, *, user_id: str, channel_id: str) -> SearchResult:
    """Commitments matching `query` that `user_id` may read in `channel_id`, best first.

    A reference finds just that commitment.
    """
    if not query.strip():
        raise UserError("err_need_query")
    cut = len(query) > MAX_QUERY
    query = query[:MAX_QUERY]
    today, now = svc.clock.today(), svc.clock.now()
    actor = svc.actor(user_id)  # may ask Slack: before the transaction
    with svc.db.read() as session:
        readable = readable_committees(session, actor, channel_id)
        direct = None
        if commitment_service.parse_reference(query):
            try:
                direct = commitment_service.get_by_reference(session, query)
            except UserError:
                direct = None
        if direct is not None:
            # A reference names one commitment; its committee code alone would
            # otherwise match every other commitment of the committee.
            ids = [direct.id]
        else:
            pool = SEARCH_LIMIT if readable.everything else GUEST_SEARCH_POOL
            ids = [h.commitment_id for h in svc.index.search(session, query, limit=pool)]
        found = [c for c in commitment_service.get_many(session, ids) if readable.commitment(c)][:SEARCH_LIMIT]
        return SearchResult(query=query, cut=cut, views=tuple(view_of(c, svc.texts, today, now) for c in found))
