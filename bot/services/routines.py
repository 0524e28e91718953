"""The routine library: add, change, remove and find routines.

The search runs on an in-memory index (`bot.routines.search.RoutineIndex`)
that each process builds from the database and rebuilds when the library
has changed: a cheap fingerprint (how many routines, the latest change, the
abbreviation table's latest change) is read before every search, so a
routine added by another replica is found on the next query.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from rapidfuzz import fuzz, process
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.language.normalize import fold
from bot.language.stemming import is_stop_word
from bot.routines.abbreviations import merged
from bot.routines.search import MAX_QUERY, Hit, RoutineIndex
from bot.routines.search import Routine as IndexedRoutine
from bot.services.committees import committees_managed_by
from bot.services.errors import NotFound, PermissionDenied, UserError
from bot.services.people import Actor
from storage.models import LibraryAbbreviation, Routine

MAX_TITLE = 500
MAX_ALIAS = 120
MAX_ALIASES = 30
# A hit below this is no answer: show "Menade du …" with the nearest titles instead.
GOOD_SCORE = 35.0
SUGGESTIONS = 3


@dataclass(frozen=True)
class SearchResult:
    """What a search found, and what the person should be told about their query."""

    query: str
    hits: list[Hit]
    cut: bool = False  # the query was longer than MAX_QUERY and was cut
    only_stop_words: bool = False
    too_short: bool = False
    empty_library: bool = False
    suggestions: list[str] = field(default_factory=list)  # nearest titles when nothing good was found

    @property
    def good(self) -> list[Hit]:
        return [h for h in self.hits if h.score >= GOOD_SCORE]


def _clean_title(title: str) -> str:
    text = " ".join(title.split())
    if not text:
        raise UserError("err_routine_title_missing", field="title")
    if len(text) > MAX_TITLE:
        raise UserError("err_too_long", field="title", limit=MAX_TITLE, length=len(text))
    return text


def clean_aliases(raw: Sequence[str]) -> list[str]:
    """Aliases as given, trimmed, each once (compared folded), in their order."""
    seen: set[str] = set()
    out: list[str] = []
    for alias in raw:
        text = " ".join(str(alias).split())
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
    existing = session.scalars(select(Routine).where(Routine.source_sha256 == sha256)).first() if sha256 else None
    routine = existing or Routine(created_at=now, created_by_id=created_by_id, aliases=[])
    routine.title = _clean_title(title)
    routine.body = body
    routine.source = source
    routine.source_sha256 = sha256
    routine.owner = owner
    routine.revision_date = revision_date
    routine.aliases = clean_aliases([*(routine.aliases or []), *aliases])
    routine.updated_at = now
    if existing is None:
        session.add(routine)
    session.flush()
    return routine, existing is None


def can_manage_routines(session: Session, actor: Actor) -> bool:
    """Admins and the secretary of any committee add, change and remove routines; everyone searches."""
    return actor.is_admin or bool(committees_managed_by(session, actor))


def require_manager(session: Session, actor: Actor) -> None:
    if not can_manage_routines(session, actor):
        raise PermissionDenied("err_routine_managers_only")


def get_routine(session: Session, routine_id: int) -> Routine:
    routine = session.get(Routine, routine_id)
    if routine is None:
        raise NotFound("err_unknown_routine", field="routine", ref=str(routine_id))
    return routine


def list_routines(session: Session) -> list[Routine]:
    return list(session.scalars(select(Routine).order_by(Routine.title, Routine.id)))


def remove_routine(session: Session, routine_id: int) -> Routine:
    routine = get_routine(session, routine_id)
    session.delete(routine)
    session.flush()
    return routine


def set_aliases(session: Session, routine_id: int, aliases: Sequence[str], now: datetime) -> Routine:
    routine = get_routine(session, routine_id)
    routine.aliases = clean_aliases(aliases)
    routine.updated_at = now
    session.flush()
    return routine


def library_abbreviations(session: Session) -> dict[str, list[str]]:
    return {row.abbreviation: list(row.expansions or []) for row in session.scalars(select(LibraryAbbreviation))}


def set_abbreviation(session: Session, abbreviation: str, expansions: Sequence[str], now: datetime) -> None:
    """The library's own entry for an abbreviation; no expansions removes the built-in one too."""
    key = " ".join(abbreviation.split())
    if not key or len(key) > 32:
        raise UserError("err_routine_abbreviation", field="abbreviation")
    row = session.get(LibraryAbbreviation, key) or LibraryAbbreviation(abbreviation=key)
    row.expansions = [" ".join(e.split()) for e in expansions if e.strip()]
    row.updated_at = now
    session.merge(row)
    session.flush()


def forget_abbreviation(session: Session, abbreviation: str) -> bool:
    """Drop the library's entry, so the built-in one (if any) applies again."""
    result = session.execute(delete(LibraryAbbreviation).where(LibraryAbbreviation.abbreviation == abbreviation))
    return bool(getattr(result, "rowcount", 0))


def _fingerprint(session: Session) -> tuple[int, datetime | None, datetime | None, int]:
    # Two queries, each answered from an index (count(*) from the smallest, max() from ix_routines_updated_at):
    # together they scanned the whole table, 100 ms at 100,000 routines on SQLite, before every search.
    count = session.scalar(select(func.count()).select_from(Routine))
    latest = session.scalar(select(func.max(Routine.updated_at)))
    abbr_count, abbr_latest = session.execute(
        select(func.count(LibraryAbbreviation.abbreviation), func.max(LibraryAbbreviation.updated_at))
    ).one()
    return int(count or 0), latest, abbr_latest, int(abbr_count or 0)


class RoutineLibrary:
    """The process's search index over the routines, rebuilt when the library changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: RoutineIndex | None = None
        self._titles: dict[int, str] = {}
        self._fingerprint: object = None

    def index(self, session: Session) -> RoutineIndex:
        fingerprint = _fingerprint(session)
        with self._lock:
            if self._index is not None and fingerprint == self._fingerprint:
                return self._index
        rows = session.execute(select(Routine.id, Routine.title, Routine.body, Routine.aliases)).all()
        abbreviations = merged(library_abbreviations(session))
        index = RoutineIndex(
            (IndexedRoutine(rid, title, body or "", tuple(aliases or ())) for rid, title, body, aliases in rows),
            abbreviations,
        )
        with self._lock:
            self._index, self._fingerprint = index, fingerprint
            self._titles = {rid: title for rid, title, _body, _aliases in rows}
        return index

    def search(self, session: Session, query: str, limit: int = 5) -> SearchResult:
        """The best `limit` routines for `query`, with what to tell the person about it."""
        text = " ".join(query.split())
        cut = len(text) > MAX_QUERY
        text = text[:MAX_QUERY]
        words = [w for w in fold(text).split() if w]
        if len("".join(words)) < 2:
            return SearchResult(query=text, hits=[], cut=cut, too_short=True)
        if all(is_stop_word(w) for w in words):
            return SearchResult(query=text, hits=[], cut=cut, only_stop_words=True)
        index = self.index(session)
        if len(index) == 0:
            return SearchResult(query=text, hits=[], cut=cut, empty_library=True)
        hits = index.search(text, limit=max(limit, SUGGESTIONS))
        good = [h for h in hits if h.score >= GOOD_SCORE][:limit]
        if good:
            return SearchResult(query=text, hits=good, cut=cut)
        suggestions = [self._titles.get(int(h.id), "") for h in hits[:SUGGESTIONS]]
        if not suggestions:
            # Not one word in common: the titles that look most like what was typed.
            with self._lock:
                titles = list(self._titles.values())
            suggestions = [title for title, _score, _i in process.extract(text, titles, scorer=fuzz.WRatio, limit=3)]
        return SearchResult(query=text, hits=[], cut=cut, suggestions=[s for s in suggestions if s])
