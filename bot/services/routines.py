"""The routine library: add, change and remove routines, their aliases and the library's abbreviations.

Each change raises the library's change counter (`routine_library.next_change`), so every
process's search index (`RoutineLibrary`) finds it on the next query. The search lives in
`routine_library`; `RoutineLibrary`, `SearchResult` and its limits are imported from here as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.domain.errors import NotFound, PermissionDenied, UserError
from bot.language.normalize import fold
from bot.services.committees import committees_managed_by
from bot.services.people import Actor
from bot.services.routine_library import (
    GOOD_SCORE,
    MAX_CHANGES,
    SUGGEST_LIKENESS,
    SUGGEST_SCORE,
    SUGGESTIONS,
    SYNC_REBUILD,
    RoutineLibrary,
    SearchResult,
    library_abbreviations,
    next_change,
)
from bot.services.text_guard import guarded_body, guarded_optional, guarded_text, visible
from storage.models import LibraryAbbreviation, Routine

__all__ = [
    "GOOD_SCORE",
    "MAX_ALIAS",
    "MAX_ALIASES",
    "MAX_CHANGES",
    "MAX_TITLE",
    "SUGGESTIONS",
    "SUGGEST_LIKENESS",
    "SUGGEST_SCORE",
    "SYNC_REBUILD",
    "RoutineLibrary",
    "SearchResult",
    "add_routine",
    "can_manage_routines",
    "clean_aliases",
    "forget_abbreviation",
    "get_routine",
    "library_abbreviations",
    "list_routines",
    "remove_routine",
    "require_manager",
    "set_abbreviation",
    "set_aliases",
    "update_routine",
]

MAX_TITLE = 500
MAX_ALIAS = 120
MAX_ALIASES = 30


def _clean_title(title: str) -> str:
    text = visible(title, one_line=True)
    if not text:
        raise UserError("err_routine_title_missing", field="title")
    if len(text) > MAX_TITLE:
        raise UserError("err_too_long", field="title", limit=MAX_TITLE, length=len(text))
    return guarded_text(text, "title", one_line=True)


def _clean_body(body: str) -> str:
    """A routine's text keeps its lines; a personnummer in it (typed or in an imported file) is refused."""
    return guarded_body(body, "body")


def clean_aliases(raw: Sequence[str]) -> list[str]:
    """Aliases as given, trimmed, each once (compared folded), in their order."""
    seen: set[str] = set()
    out: list[str] = []
    for alias in raw:
        text = guarded_text(str(alias), "aliases", one_line=True)
        key = fold(text)
        if not key or key in seen:
            continue
        if len(text) > MAX_ALIAS:
            raise UserError("err_too_long", field="aliases", limit=MAX_ALIAS, length=len(text))
        seen.add(key)
        out.append(text)
    if len(out) > MAX_ALIASES:
        raise UserError("err_routine_too_many_aliases", field="aliases", limit=MAX_ALIASES)
    return out


@dataclass(frozen=True)
class _Checked:
    """A routine's texts after the guard: all checked before the row is touched, so a refusal changes nothing."""

    title: str
    body: str | None
    source: str | None
    owner: str | None
    aliases: list[str]


def _check(title: str, body: str | None, source: str | None, owner: str | None, aliases: Sequence[str]) -> _Checked:
    return _Checked(
        title=_clean_title(title),
        body=_clean_body(body) if body is not None else None,
        source=guarded_optional(source, "source"),
        owner=guarded_optional(owner, "owner"),
        aliases=clean_aliases(aliases),
    )


def add_routine(
    session: Session,
    *,
    title: str,
    body: str,
    now: datetime,
    source: str | None = None,
    sha256: str | None = None,
    owner: str | None = None,
    revision_date: date | None = None,
    aliases: Sequence[str] = (),
    created_by_id: int | None = None,
) -> tuple[Routine, bool]:
    """Store a routine; the same document again (same sha256) updates it. Returns (routine, created)."""
    checked = _check(title, body, source, owner, aliases)
    existing = session.scalars(select(Routine).where(Routine.source_sha256 == sha256)).first() if sha256 else None
    routine = existing or Routine(created_at=now, created_by_id=created_by_id, aliases=[])
    _describe(routine, checked, revision_date=revision_date, now=now)
    routine.source_sha256 = sha256
    routine.aliases = clean_aliases([*(routine.aliases or []), *checked.aliases])
    routine.change_seq = next_change(session)
    if existing is None:
        session.add(routine)
    session.flush()
    return routine, existing is None


def update_routine(
    session: Session,
    routine_id: int,
    *,
    title: str,
    body: str | None,
    now: datetime,
    source: str | None,
    owner: str | None,
    revision_date: date | None,
    aliases: Sequence[str] | None,
) -> Routine:
    """Change a routine as edited in Slack; `body` or `aliases` None keeps them (too long for Slack's form)."""
    routine = get_routine(session, routine_id)
    checked = _check(title, body, source, owner, (routine.aliases or ()) if aliases is None else aliases)
    _describe(routine, checked, revision_date=revision_date, now=now)
    routine.aliases = checked.aliases
    routine.change_seq = next_change(session)
    session.flush()
    return routine


def _describe(routine: Routine, checked: _Checked, *, revision_date: date | None, now: datetime) -> None:
    """What adding and changing a routine set alike: its checked texts and revision date."""
    routine.title = checked.title
    if checked.body is not None:
        routine.body = checked.body
    routine.source = checked.source
    routine.owner = checked.owner
    routine.revision_date = revision_date
    routine.updated_at = now


def can_manage_routines(session: Session, actor: Actor) -> bool:
    """Admins and the secretary of any committee add, change and remove routines; everyone searches."""
    return actor.is_admin or bool(committees_managed_by(session, actor))


def require_manager(session: Session, actor: Actor) -> None:
    if not can_manage_routines(session, actor):
        raise PermissionDenied("err_routine_managers_only")


# The largest id a database keeps (a signed 64-bit integer): a larger number names no routine.
MAX_ID = 2**63 - 1


def get_routine(session: Session, routine_id: int) -> Routine:
    # Checked first: the database driver cannot even compare a number beyond its integers.
    routine = session.get(Routine, routine_id) if 0 < routine_id <= MAX_ID else None
    if routine is None:
        raise NotFound("err_unknown_routine", field="routine", ref=str(routine_id))
    return routine


def list_routines(session: Session) -> list[Routine]:
    return list(session.scalars(select(Routine).order_by(Routine.title, Routine.id)))


def remove_routine(session: Session, routine_id: int) -> Routine:
    routine = get_routine(session, routine_id)
    session.delete(routine)
    next_change(session)
    session.flush()
    return routine


def set_aliases(session: Session, routine_id: int, aliases: Sequence[str], now: datetime) -> Routine:
    routine = get_routine(session, routine_id)
    routine.aliases = clean_aliases(aliases)
    routine.updated_at = now
    routine.change_seq = next_change(session)
    session.flush()
    return routine


def set_abbreviation(session: Session, abbreviation: str, expansions: Sequence[str], now: datetime) -> None:
    """The library's own entry for an abbreviation; no expansions removes the built-in one too."""
    key = visible(abbreviation, one_line=True)
    if not key or len(key) > 32:
        raise UserError("err_routine_abbreviation", field="abbreviation")
    key = guarded_text(key, "abbreviation", one_line=True)
    found = (guarded_text(e, "expansions", one_line=True) for e in expansions)
    expansions = [e for e in found if e]
    row = session.get(LibraryAbbreviation, key) or LibraryAbbreviation(abbreviation=key)
    row.expansions = expansions
    row.updated_at = now
    session.merge(row)
    next_change(session)
    session.flush()


def forget_abbreviation(session: Session, abbreviation: str) -> bool:
    """Drop the library's entry, so the built-in one (if any) applies again."""
    result = session.execute(delete(LibraryAbbreviation).where(LibraryAbbreviation.abbreviation == abbreviation))
    removed = bool(getattr(result, "rowcount", 0))
    if removed:
        next_change(session)
    return removed
