"""Engine and sessions for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

# How long SQLite waits for another connection's write lock before it gives up. Ten seconds for
# work nobody watches (the command line, the timer, migrations), which may well outlast a long
# import; a person in Slack waits less (see lock_wait and its callers).
SQLITE_BUSY_TIMEOUT_MS = 10_000
# SQLite's result codes for "another connection holds the lock" (SQLITE_BUSY, SQLITE_LOCKED).
_SQLITE_BUSY_CODES = (5, 6)
# The wait of the transactions begun in this context, in seconds, when lock_wait set one.
_lock_wait: ContextVar[float | None] = ContextVar("lock_wait", default=None)
# Seconds to wait for PostgreSQL to answer a new connection (libpq's connect_timeout), unless the URL sets one:
# without it, a server behind a firewall that drops packets keeps a command waiting for minutes.
PG_CONNECT_TIMEOUT_S = 10

# What the drivers say when a connection cannot be made, and the word for it (see DatabaseUnavailable).
# PostgreSQL's SQLSTATE when it has one; else the words of psycopg's or sqlite3's message.
_SQLSTATES = {"28P01": "login", "28000": "login", "3D000": "no_such_database"}
_MESSAGES = (
    ("not a database", "not_a_database"),
    ("unable to open", "open"),
    ("refused", "refused"),
    ("resolve host", "unknown_host"),
    ("name or service not known", "unknown_host"),
    ("nodename nor servname", "unknown_host"),
    ("password authentication failed", "login"),
    ("does not exist", "no_such_database"),
    ("timeout", "timeout"),
    ("timed out", "timeout"),
)


class DatabaseBusy(OperationalError):
    """Another connection held the write lock for longer than this transaction would wait."""

    def __init__(self, orig: BaseException) -> None:
        super().__init__(None, None, orig)


@contextmanager
def lock_wait(seconds: float) -> Iterator[None]:
    """SQLite transactions begun inside the block (in this thread or task) wait at most `seconds`
    for the write lock, then raise :class:`DatabaseBusy`. PostgreSQL locks rows, not the database,
    and is left alone."""
    token = _lock_wait.set(seconds)
    try:
        yield
    finally:
        _lock_wait.reset(token)


class DatabaseUnavailable(OperationalError):
    """The database cannot be reached or opened at all, as opposed to a statement failing in it.

    ``where`` names it without its password (SQLite's file, else the URL);
    ``problem`` is one word the command line turns into a sentence: ``folder``
    (SQLite's folder cannot be made), ``open``, ``not_a_database``, ``driver``
    (PostgreSQL's driver is not installed), ``refused``, ``unknown_host``,
    ``login``, ``no_such_database``, ``timeout`` or ``other``.
    It is an OperationalError, so code that handles those handles this too.
    """

    def __init__(self, where: str, problem: str, orig: BaseException) -> None:
        super().__init__(None, None, orig)
        self.where = where
        self.problem = problem


def location(url: str | URL) -> str:
    """The database as a person may be shown it: SQLite's file, else the URL without password or query."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database or ":memory:")
    return parsed.set(query={}).render_as_string(hide_password=True)


def _problem(error: BaseException) -> str:
    sqlstate = getattr(error, "sqlstate", None)
    if sqlstate in _SQLSTATES:
        return _SQLSTATES[sqlstate]
    message = str(error).casefold()
    return next((problem for words, problem in _MESSAGES if words in message), "other")


def _unavailable(context: ExceptionContext) -> None:
    error = context.original_exception
    if isinstance(error, sqlite3.OperationalError) and getattr(error, "sqlite_errorcode", None) in _SQLITE_BUSY_CODES:
        raise DatabaseBusy(error) from error
    # No connection yet means connecting failed. A failed pre-ping is left alone:
    # the pool then replaces the stale connection and goes on.
    if context.connection is not None or context.is_pre_ping or context.engine is None:
        return
    raise DatabaseUnavailable(location(context.engine.url), _problem(error), error) from error


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine tuned for the backend.

    SQLite gets WAL (readers never block the writer, and ``db backup`` can copy
    while the bot runs), a busy timeout instead of an instant "database is
    locked", and enforced foreign keys. Its parent folder is created.
    A database that cannot be reached or opened raises :class:`DatabaseUnavailable`.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            kwargs["connect_args"] = {"connect_timeout": PG_CONNECT_TIMEOUT_S, **kwargs.get("connect_args", {})}
        try:
            engine = create_engine(url, **kwargs)
        except ImportError as exc:
            # psycopg is the `postgres` extra: an install for SQLite lacks it (or, without its binary
            # part, the libpq it needs). Both are mended by installing the extra, which the CLI says.
            if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg":
                raise DatabaseUnavailable(location(parsed), "driver", exc) from exc
            raise
        event.listen(engine, "handle_error", _unavailable)
        return engine

    if parsed.database and parsed.database != ":memory:":
        try:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(location(parsed), "folder", exc) from exc
    engine = create_engine(
        url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}, **kwargs
    )
    event.listen(engine, "handle_error", _unavailable)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook below emit BEGIN itself (pysqlite's own
        # deferred BEGIN would otherwise be silently issued at the first write).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(conn: Any) -> None:
        # Writers take the write lock up front: two deferred transactions that
        # both read and then write would otherwise fail with "database is
        # locked" at once, without waiting for the busy timeout.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        # Each transaction sets its own wait: the connection may come from the pool with another's.
        wait = _lock_wait.get()
        conn.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS if wait is None else round(wait * 1000)}")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """The application's handle on its database: separate read and write units of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        writer_bind = engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else engine
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(writer_bind, expire_on_commit=False)

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> Database:
        return cls(make_engine(url, **kwargs))

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error.

        Nothing is half-written: a failure anywhere leaves no rows behind.
        """
        with self._writer() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; nothing is committed.

        Closing (not rolling back) keeps what was loaded readable after the
        block, as detached objects.
        """
        with self._reader() as session:
            yield session

    def ping(self) -> None:
        """Raise if the database cannot answer a trivial query (``/healthz``)."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()
