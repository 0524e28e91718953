"""What the import's modals and buttons need: each function owns its transactions and hands back plain views.

The handler parses the Slack payload and renders; here are the checks (whose draft,
who may register where, who may keep routines) and the transactions. Reading the
review modal's page needs the page layout, which the UI knows: the handler passes
that reading in as a function of the draft (`PageReader`), and it runs here, inside
the transaction that saves it. Slack look-ups (`Services.actor`, owners' names)
happen between transactions, never under a write.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from slack_sdk.errors import SlackApiError

from bot.domain.errors import UserError
from bot.routines.importing import find_revision_date, find_title
from bot.services import committees as committee_service
from bot.services import import_cards, import_confirm, routine_links
from bot.services import imports as import_service
from bot.services import routines as routine_service
from bot.services.context import Services
from bot.services.import_confirm import ImportResult
from bot.services.import_year import PlanDate, plan_dates
from bot.services.imports import Choice
from storage.models import Case, ImportDraft

# What one page of the review modal holds: the choices on it, and the case fields on the first page.
PageChoices = tuple[dict[int, Choice], dict[str, Any] | None]
PageReader = Callable[["ReviewDraft"], PageChoices]


@dataclass(frozen=True)
class ReviewDraft:
    """A draft as the review modal shows it (the JSON columns as they are stored)."""

    id: int
    filename: str | None
    extraction: Mapping[str, Any]
    choices: Mapping[str, Any]
    case_fields: Mapping[str, Any]


@dataclass(frozen=True)
class CommitteeOption:
    code: str
    name: str


@dataclass(frozen=True)
class ReviewScreen:
    """One page's worth of the review modal: the draft, the committees the reviewer may choose, and today
    (the bot's zone), which tells the deadlines that have already passed. `plan`: the commitments due at
    the chosen committee's meetings or årshjul events, dated in its plan or waiting for it (by index)."""

    draft: ReviewDraft
    committees: tuple[CommitteeOption, ...]
    today: date
    plan: Mapping[int, PlanDate] = field(default_factory=dict)


@dataclass(frozen=True)
class Confirmed:
    """An import confirmed, and where its report goes (the DM thread it started in).

    `cards_planned`: the committee has a channel, and the summary and cards are in the outbox for it.
    """

    result: ImportResult
    channel: str | None
    thread_ts: str | None
    cards_planned: bool = False


class ReviewRefused(Exception):
    """Confirming was refused; `draft` (if it still exists) tells the handler which page each error is on."""

    def __init__(self, error: UserError, draft: ReviewDraft | None) -> None:
        super().__init__(error.key)
        self.error = error
        self.draft = draft


@dataclass(frozen=True)
class Suggested:
    """The routines suggested for one newly imported commitment."""

    commitment_id: int
    ref: str
    routines: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Announcement:
    refs: tuple[str, ...]
    suggested: tuple[Suggested, ...]


@dataclass(frozen=True)
class SavedRoutine:
    """A shared document kept as a routine, and where to say so."""

    id: int
    title: str
    created: bool
    channel: str
    thread_ts: str | None


def _view(draft: ImportDraft) -> ReviewDraft:
    return ReviewDraft(
        id=draft.id,
        filename=draft.filename,
        extraction=dict(draft.extraction or {}),
        choices=dict(draft.choices or {}),
        case_fields=dict(draft.case_fields or {}),
    )


def import_target(svc: Services, user_id: str, channel_id: str) -> str | None:
    """Whether this person may import at all, and the committee of the channel they are in (if any)."""
    actor = svc.actor(user_id)
    with svc.db.read() as session:
        if not committee_service.committees_managed_by(session, actor):
            if committee_service.all_committees(session):
                raise UserError("err_no_committees_to_register")
            raise UserError("err_no_committees")
        bound = committee_service.committee_for_channel(session, channel_id)
        return bound.code if bound else None


def review_screen(svc: Services, user_id: str, draft_id: int) -> ReviewScreen:
    """The person's own draft, and the committees they may register in."""
    actor = svc.actor(user_id)
    with svc.db.read() as session:
        draft = import_service.get_draft(session, draft_id, user_id)
        committees = committee_service.committees_managed_by(session, actor)
        options = tuple(CommitteeOption(c.code, c.name) for c in committees)
        view = _view(draft)
        today = svc.clock.today()
        dated = plan_dates(session, import_service.findings_of(view), view.case_fields.get("committee"), today)
        return ReviewScreen(view, options, today, dated)


def _save_page(svc: Services, user_id: str, draft_id: int, read: PageReader) -> ReviewDraft:
    with svc.db.write() as session:
        draft = import_service.get_draft(session, draft_id, user_id)
        choices, case_fields = read(_view(draft))
        import_service.save_review(session, draft, choices, case_fields, svc.clock.now())
        return _view(draft)


def turn_page(svc: Services, user_id: str, draft_id: int, read: PageReader) -> ReviewScreen:
    """Keep what the reviewer set on the page they leave; the draft as the next page shows it."""
    _save_page(svc, user_id, draft_id, read)
    return review_screen(svc, user_id, draft_id)


def confirm_review(svc: Services, user_id: str, draft_id: int, read: PageReader) -> Confirmed:
    """Keep the last page's ticks (an error must not lose them), then create everything at once."""
    saved = _save_page(svc, user_id, draft_id, read)
    owners = {c.owner for c in import_service.choices_of(saved).values() if c.selected and c.owner}
    actor = svc.actor(user_id)
    names: dict[str, str] = {}
    for owner in owners:
        try:
            found = svc.users.get(owner)
        except SlackApiError:
            found = None
        if found is not None:
            names[owner] = found.display
    try:
        with svc.db.write() as session:
            draft = import_service.get_draft(session, draft_id, user_id)
            result = import_confirm.confirm(session, actor, draft, names, svc.clock.now())
            case = session.get(Case, result.case_id)
            # In the same transaction: the commitments never exist without their cards planned.
            planned = case is not None and bool(case.committee.channel_id) and bool(result.commitment_ids)
            if case is not None and planned:
                import_cards.plan(session, case.id, case.committee_id, result.commitment_ids, svc.clock.now())
            confirmed = Confirmed(result, draft.channel_id, draft.thread_ts, cards_planned=planned)
    except UserError as err:
        with svc.db.read() as session:
            row = session.get(ImportDraft, draft_id)
            raise ReviewRefused(err, _view(row) if row is not None else None) from err
    if confirmed.cards_planned:
        svc.send_soon()  # committed: the summary and cards go out now, not at the timer's next minute
    return confirmed


def announcement(svc: Services, result: ImportResult, suggest_for: int) -> Announcement:
    """The new commitments' references, and routines suggested for the first `suggest_for` of them."""
    with svc.db.read() as session:
        created = import_confirm.created_commitments(session, result)
        refs = tuple(f"{result.committee_code}-{c.number}" for c in created)
        suggested = tuple(
            Suggested(
                c.id,
                ref,
                tuple((s.routine_id, s.title) for s in routine_links.suggestions(session, svc.routines, c)),
            )
            for c, ref in zip(created[:suggest_for], refs, strict=False)
        )
    return Announcement(refs, suggested)


def save_as_routine(svc: Services, user_id: str, draft_id: int) -> SavedRoutine:
    """The shared document into the routine library (the same file again: updated); managers only."""
    actor = svc.actor(user_id)
    with svc.db.write() as session:
        routine_service.require_manager(session, actor)
        draft = session.get(ImportDraft, draft_id)
        if draft is None or draft.user_id != user_id:
            raise UserError("err_import_gone")
        name = draft.filename or svc.texts.get("import_pasted_name")
        routine, created = routine_service.add_routine(
            session,
            title=find_title(draft.source_text, Path(name)),
            body=draft.source_text,
            now=svc.clock.now(),
            source=name,
            sha256=draft.sha256,
            revision_date=find_revision_date(draft.source_text),
        )
        return SavedRoutine(routine.id, routine.title, created, draft.channel_id or user_id, draft.thread_ts)
