"""The routine library's search: one in-memory index per process, kept current with the database.

The search runs on an in-memory index (`bot.routines.search.RoutineIndex`)
that each process builds from the database and keeps up to date: a cheap
fingerprint (how many routines, the latest id, the library's change counter)
is read before every search, so a routine added or changed by another replica
or the command line is found on the next query (see `RoutineLibrary` for how,
without waiting for a rebuild of a large library). Every change to the library
(`bot.services.routines`) raises the counter (`next_change`); a clock would miss
a change within the same second.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz, process
from sqlalchemy import Engine, Select, func, or_, select, update
from sqlalchemy.orm import Session

from bot.language.normalize import fold
from bot.language.stemming import is_stop_word
from bot.routines.abbreviations import merged
from bot.routines.search import MAX_QUERY, BodyLoader, Hit, RoutineId, RoutineIndex
from bot.routines.search import Routine as IndexedRoutine
from storage.models import LibraryAbbreviation, Routine, RoutineLibraryState

# A hit below this is no answer: show "Menade du …" with the nearest titles instead.
GOOD_SCORE = 35.0
SUGGESTIONS = 3
# Nearest titles worth offering: a hit's score, or a title's likeness to the query (WRatio on folded text)
# when not one word matched. Below these, "xyzzy" or "pizza" would be offered unrelated routines.
SUGGEST_SCORE = 15.0
SUGGEST_LIKENESS = 75.0
# Up to this many routines a change rebuilds the index before the next search (under ~2 s);
# beyond it the rebuild runs in the background and the changed routines are searched beside it.
SYNC_REBUILD = 2_000
MAX_CHANGES = 2_000  # more changed routines than this are worth a full rebuild at once
_MARGIN = 10  # extra hits asked of a stale index, for the removed or changed ones it may rank
_READ_BATCH = 1_000  # routines read at a time to build the index
_BACKGROUND_SWITCH_INTERVAL = 0.00005  # seconds: how often a background build lets a search run
_STATE_ROW = 1
_CHANGE_KEY = "routine_library_change"  # Session.info: the change number this transaction took

log = logging.getLogger(__name__)


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


def library_abbreviations(session: Session) -> dict[str, list[str]]:
    return {row.abbreviation: list(row.expansions or []) for row in session.scalars(select(LibraryAbbreviation))}


def next_change(session: Session) -> int:
    """The library's change number for what this transaction changes: the counter raised once.

    Raising it locks the counter's row until commit on PostgreSQL (SQLite has one writer at a time),
    so a change with a lower number is never committed after one with a higher number is read.
    """
    transaction = session.get_transaction()
    taken = session.info.get(_CHANGE_KEY)
    if taken is not None and taken[0] is transaction:
        return int(taken[1])
    raised = session.execute(
        update(RoutineLibraryState)
        .where(RoutineLibraryState.id == _STATE_ROW)
        .values(change_seq=RoutineLibraryState.change_seq + 1)
    )
    if getattr(raised, "rowcount", 0):
        number = int(
            session.scalar(select(RoutineLibraryState.change_seq).where(RoutineLibraryState.id == _STATE_ROW)) or 0
        )
    else:
        # The migration creates the row; a database emptied table by table (the tests on PostgreSQL) has none.
        number = 1
        session.add(RoutineLibraryState(id=_STATE_ROW, change_seq=number))
        session.flush()
    session.info[_CHANGE_KEY] = (transaction, number)
    return number


class _Fingerprint(NamedTuple):
    """What changes whenever the library does; compared before every search."""

    routines: int
    # With the count, routines written past the services (a bulk load) still show.
    last_id: int
    change: int  # the library's change counter: every change to a routine or an abbreviation raises it


def _fingerprint(session: Session) -> _Fingerprint:
    # Queries each answered from an index (count(*) from the smallest, max() from the primary key, the
    # counter's one row): together they scanned the whole table, 100 ms at 100,000 routines on SQLite,
    # before every search.
    count = session.scalar(select(func.count()).select_from(Routine))
    last_id = session.scalar(select(func.max(Routine.id)))
    change = session.scalar(select(RoutineLibraryState.change_seq).where(RoutineLibraryState.id == _STATE_ROW))
    return _Fingerprint(int(count or 0), int(last_id or 0), int(change or 0))


def _in_memory(session: Session) -> bool:
    """An in-memory SQLite database: another connection (a background thread's) would see another one."""
    url = session.get_bind().engine.url
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


_ROWS = select(Routine.id, Routine.title, Routine.body, Routine.aliases)


def _indexed(session: Session, rows: Select[int, str, str, list[str]]) -> tuple[RoutineIndex, dict[int, str]]:
    """An index over the routines `rows` selects, with the library's abbreviations, and their titles.

    Rows are read in batches and their bodies let go once indexed: the whole library's text is
    never in memory at once (`_bodies` reads those of the hits shown).
    """
    titles: dict[int, str] = {}

    def routines() -> Iterator[IndexedRoutine]:
        for rid, title, body, aliases in session.execute(rows.execution_options(yield_per=_READ_BATCH)):
            titles[rid] = title
            yield IndexedRoutine(rid, title, body or "", tuple(aliases or ()))

    index = RoutineIndex(routines(), merged(library_abbreviations(session)), keep_bodies=False)
    return index, titles


def _bodies(session: Session) -> BodyLoader:
    """The bodies of the routines a search shows, read from the database."""

    def read(ids: Sequence[RoutineId]) -> dict[RoutineId, str]:
        wanted = [int(i) for i in ids]
        found = session.execute(select(Routine.id, Routine.body).where(Routine.id.in_(wanted)))
        return {rid: body or "" for rid, body in found}

    return read


@dataclass(frozen=True)
class _Built:
    """An index over the whole library as it was at `fingerprint`."""

    fingerprint: _Fingerprint
    index: RoutineIndex
    titles: dict[int, str]


@dataclass(frozen=True)
class _Changes:
    """The routines added or changed since `_Built` was read, as a small index of their own."""

    fingerprint: _Fingerprint
    index: RoutineIndex
    titles: dict[int, str]


class RoutineLibrary:
    """The process's search index over the routines, kept up to date with the database.

    A full rebuild reads and analyses every routine: about a second per thousand.
    So, beyond `SYNC_REBUILD` routines, a change does not make anyone wait: the
    routines changed since the last build (a higher change number) get a small index
    of their own, searched beside the full one with its word statistics, and a
    routine removed meanwhile is left out, while the full index is rebuilt in a
    background thread. A routine just added is found at once either way.
    """

    def __init__(self, *, sync_rebuild: int = SYNC_REBUILD) -> None:
        self._sync_rebuild = sync_rebuild
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()  # one full build at a time
        self._built: _Built | None = None
        self._changes: _Changes | None = None
        self._thread: threading.Thread | None = None

    def index(self, session: Session) -> RoutineIndex:
        """The full index, built now if there is none or the library has changed since."""
        fingerprint = _fingerprint(session)
        with self._lock:
            built = self._built
        if built is not None and built.fingerprint == fingerprint:
            return built.index
        return self._build(session).index

    def warm(self, engine: Engine) -> None:
        """Build the index in the background, so the first search after start does not wait for it."""
        thread = threading.Thread(target=self._build_detached, args=(engine,), name="routine-index", daemon=True)
        self._thread = thread
        thread.start()

    def join(self, timeout: float | None = None) -> None:
        """Wait for a background build to finish (tests, and a command line about to exit)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _build(self, session: Session) -> _Built:
        with self._build_lock:
            fingerprint = _fingerprint(session)
            with self._lock:
                if self._built is not None and self._built.fingerprint == fingerprint:
                    return self._built  # another thread built it while this one waited
            # Read in the same transaction as the fingerprint: on SQLite one snapshot. On PostgreSQL
            # a routine written in between is in the rows and newer than the fingerprint, so it also
            # lands among the changes next time, which replace it by id: nothing is shown twice.
            built = _Built(fingerprint, *_indexed(session, _ROWS))
            with self._lock:
                # Changes are looked up again against the new build when the library has moved on.
                self._built, self._changes = built, None
            return built

    def _build_detached(self, engine: Engine) -> None:
        # The build is pure Python and holds the interpreter lock; a search waiting for it got it back
        # only every 5 ms (the default switch interval), once per numpy call: 400 ms a search at
        # 10,000 routines. Handing it over every 0.05 ms keeps searches near their usual time meanwhile.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, _BACKGROUND_SWITCH_INTERVAL))
        try:
            with Session(engine) as session:
                self._build(session)
        except Exception:
            # The next search tries again; until then the last index and the changes still answer.
            log.exception("rebuilding the routine index failed")
        finally:
            sys.setswitchinterval(interval)

    def _rebuild_later(self, session: Session) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self.warm(session.get_bind().engine)

    def _current(self, session: Session) -> tuple[_Built, _Changes | None]:
        """The full index and, when the library has changed since it was built, the changes."""
        fingerprint = _fingerprint(session)
        with self._lock:
            built, changes = self._built, self._changes
        if built is None or built.fingerprint == fingerprint:
            return (built if built is not None else self._build(session)), None
        if len(built.index) <= self._sync_rebuild or _in_memory(session):
            return self._build(session), None
        if changes is not None and changes.fingerprint == fingerprint:
            return built, changes
        # Changed since the build, or new (one written past the services has no change number).
        changed = _ROWS.where(
            or_(Routine.change_seq > built.fingerprint.change, Routine.id > built.fingerprint.last_id)
        )
        count = session.scalar(select(func.count()).select_from(changed.subquery()))
        if int(count or 0) > MAX_CHANGES:
            return self._build(session), None
        changes = _Changes(fingerprint, *_indexed(session, changed))
        with self._lock:
            self._changes = changes
        self._rebuild_later(session)
        return built, changes

    def hits(self, session: Session, text: str, limit: int) -> tuple[list[Hit], dict[int, str]]:
        """The best `limit` hits for `text` from the library as it is now, and the titles of its routines."""
        built, changes = self._current(session)
        bodies = _bodies(session)
        if changes is None:
            return built.index.search(text, limit, bodies=bodies), built.titles
        # The full index may rank a routine removed or changed since it was built: ask it for a few more.
        old = [h for h in built.index.search(text, limit + _MARGIN, bodies=bodies) if int(h.id) not in changes.titles]
        ids = [int(h.id) for h in old]
        present = set(session.scalars(select(Routine.id).where(Routine.id.in_(ids)))) if ids else set()
        merged_hits = [h for h in old if int(h.id) in present]
        merged_hits += changes.index.search(text, limit, statistics=built.index, bodies=bodies)
        merged_hits.sort(key=lambda h: -h.score)
        return merged_hits[:limit], {**built.titles, **changes.titles}

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
        hits, titles = self.hits(session, text, max(limit, SUGGESTIONS))
        if not titles:
            return SearchResult(query=text, hits=[], cut=cut, empty_library=True)
        good = [h for h in hits if h.score >= GOOD_SCORE][:limit]
        if good:
            return SearchResult(query=text, hits=good, cut=cut)
        suggestions = [titles.get(int(h.id), "") for h in hits[:SUGGESTIONS] if h.score >= SUGGEST_SCORE]
        if not hits:
            # Not one word in common: the titles that look most like what was typed, if any does.
            suggestions = [
                title
                for title, _score, _i in process.extract(
                    fold(text),
                    titles.values(),
                    scorer=fuzz.WRatio,
                    processor=fold,
                    limit=SUGGESTIONS,
                    score_cutoff=SUGGEST_LIKENESS,
                )
            ]
        return SearchResult(query=text, hits=[], cut=cut, suggestions=[s for s in suggestions if s])
