"""What ``/rutin`` shows and changes: each function one transaction, handing back plain views.

The handler parses the request and renders; here are the transactions, who may
do what (`routines.require_manager`) and the queries, batched: a search's hits
are loaded in one query, not one per hit. Slack look-ups (`Services.actor`)
happen before a transaction opens, never inside a write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bot.services import routines as routine_service
from bot.services.context import Services
from bot.services.people import ensure_person
from bot.services.routine_library import SearchResult
from storage.models import Routine


@dataclass(frozen=True)
class RoutineView:
    """A routine as the interface shows it."""

    id: int
    title: str
    body: str
    source: str | None
    owner: str | None
    revision_date: date | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class RoutineHits:
    """A search's result and the routines its hits name (a hit whose routine is gone has none)."""

    result: SearchResult
    routines: dict[int, RoutineView]


@dataclass(frozen=True)
class RoutinePage:
    """One page of the library's list, by title: (number, title) rows and where they are in the whole."""

    rows: tuple[tuple[int, str], ...]
    total: int
    page: int
    first: int
    last: int


@dataclass(frozen=True)
class RoutineCard:
    routine: RoutineView
    can_manage: bool


@dataclass(frozen=True)
class RoutineForm:
    """The routine form's fields as submitted, trimmed; `body` or `aliases` None keeps them (not offered)."""

    title: str
    body: str | None
    source: str | None
    owner: str | None
    revision_date: date | None
    aliases: tuple[str, ...] | None


@dataclass(frozen=True)
class SavedRoutine:
    id: int
    title: str
    created: bool


def view_of(routine: Routine) -> RoutineView:
    return RoutineView(
        id=routine.id,
        title=routine.title,
        body=routine.body or "",
        source=routine.source,
        owner=routine.owner,
        revision_date=routine.revision_date,
        aliases=tuple(routine.aliases or ()),
    )


def search(svc: Services, query: str, limit: int) -> RoutineHits:
    """The best `limit` hits for a query, with their routines loaded in one query."""
    with svc.db.read() as session:
        result = svc.routines.search(session, query, limit=limit)
        ids = [int(h.id) for h in result.hits]
        rows = session.scalars(select(Routine).where(Routine.id.in_(ids))).all() if ids else []
        return RoutineHits(result, {r.id: view_of(r) for r in rows})


def list_page(svc: Services, page: int, per_page: int) -> RoutinePage:
    """Page `page` of the library by title; a page past the end shows the last one."""
    with svc.db.read() as session:
        rows = [(r.id, r.title) for r in routine_service.list_routines(session)]
    total = len(rows)
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    start = (page - 1) * per_page
    shown = tuple(rows[start : start + per_page])
    return RoutinePage(shown, total, page, start + 1, start + len(shown))


def card(svc: Services, user_id: str, number: int) -> RoutineCard:
    """Routine `number` as everyone may see it, and whether this person may change it."""
    actor = svc.actor(user_id)
    with svc.db.read() as session:
        routine = view_of(routine_service.get_routine(session, number))
        return RoutineCard(routine, routine_service.can_manage_routines(session, actor))


def for_sharing(svc: Services, number: int) -> RoutineView:
    """Everyone may share a routine in a channel."""
    with svc.db.read() as session:
        return view_of(routine_service.get_routine(session, number))


def for_form(svc: Services, user_id: str, number: int | None) -> RoutineView | None:
    """What the routine form holds for a manager: routine `number`, or None for a new one; others are refused."""
    actor = svc.actor(user_id)
    with svc.db.read() as session:
        routine_service.require_manager(session, actor)
        return view_of(routine_service.get_routine(session, number)) if number is not None else None


def to_remove(svc: Services, user_id: str, number: int) -> RoutineView:
    """The routine a manager is asked to confirm removing; others are refused."""
    actor = svc.actor(user_id)
    with svc.db.read() as session:
        routine_service.require_manager(session, actor)
        return view_of(routine_service.get_routine(session, number))


def set_aliases(svc: Services, user_id: str, number: int, names: Sequence[str]) -> RoutineView:
    actor = svc.actor(user_id)  # a Slack call: before the write lock
    with svc.db.write() as session:
        routine_service.require_manager(session, actor)
        return view_of(routine_service.set_aliases(session, number, names, svc.clock.now()))


def remove(svc: Services, user_id: str, number: int) -> RoutineView:
    """Remove routine `number`; the view is of the routine as it was."""
    actor = svc.actor(user_id)
    with svc.db.write() as session:
        routine_service.require_manager(session, actor)
        return view_of(routine_service.remove_routine(session, number))


def save(svc: Services, user_id: str, form: RoutineForm, editing: int | None) -> SavedRoutine:
    """Save the form: a change to routine `editing`, else a new routine (a new one without a source
    is named as typed in Slack)."""
    actor = svc.actor(user_id)
    now = svc.clock.now()
    with svc.db.write() as session:
        routine_service.require_manager(session, actor)
        if editing is not None:
            routine = routine_service.update_routine(
                session,
                editing,
                title=form.title,
                body=form.body,
                now=now,
                source=form.source,
                owner=form.owner,
                revision_date=form.revision_date,
                aliases=form.aliases,
            )
            return SavedRoutine(routine.id, routine.title, created=False)
        person = ensure_person(session, actor.user_id, actor.name, now)
        routine, created = routine_service.add_routine(
            session,
            title=form.title,
            body=form.body or "",
            now=now,
            source=form.source or svc.texts.get("routine_saved_source"),
            owner=form.owner,
            revision_date=form.revision_date,
            aliases=form.aliases or (),
            created_by_id=person.id,
        )
        return SavedRoutine(routine.id, routine.title, created)
