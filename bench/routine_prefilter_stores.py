"""The prefilter bench's stores, built once in the parent process for every variant.

SQLite: the routines table, the library's vocabulary and the two FTS5
prefilters (title alone, title and body); PostgreSQL: the routines table with a
GiST trigram index on the folded title. Each build says how long it took and
how much the prefilter takes on disk.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from bench.routine_prefilter_analysis import Analysis, folded_words
from bench.routine_search import libpq_url
from bot.language.normalize import fold
from bot.routines.abbreviations import merged
from bot.routines.search import Routine

# The FTS5 prefilters: over the analysed title (and aliases) alone, or over title and body.
FTS_TABLES = {"title": "title_terms", "title+body": "routine_terms"}
PG_TABLE = "bench_prefilter_routines"


def build_sqlite(path: Path, routines: Sequence[Routine], *, fts: bool = True) -> dict[str, tuple[float, float]]:
    """The routines table and (with `fts`) both FTS5 prefilters at `path`; per prefilter, seconds and MB.

    The seconds are the analysis (the library's vocabulary, then every text) and the inserts into the
    FTS5 table; the MB are its shadow tables and the vocabulary.
    """
    db = sqlite3.connect(path)
    db.executescript(
        """
        PRAGMA journal_mode = WAL;
        CREATE TABLE routines (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, norm TEXT NOT NULL);
        CREATE TABLE vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE VIRTUAL TABLE routine_terms USING fts5(
            title, body, content = '', tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE VIRTUAL TABLE title_terms USING fts5(title, content = '', tokenize = 'unicode61 remove_diacritics 0');
        """
    )
    with db:
        db.executemany(
            "INSERT INTO routines (id, title, body, norm) VALUES (?, ?, ?, ?)",
            ((int(r.id), r.title, r.body, fold(" ".join((r.title, *r.aliases)))) for r in routines),
        )
    if not fts:
        db.close()
        return {}
    start = time.perf_counter()
    title_words = [folded_words(" ".join((r.title, *r.aliases))) for r in routines]
    body_words = [" ".join(folded_words(r.body)) for r in routines]
    vocabulary = {w for ws in title_words for w in ws} | {w for ws in body_words for w in ws.split()}
    for expansions in merged().expansions.values():
        vocabulary.update(w for e in expansions for w in folded_words(e))
    analysis = Analysis(vocabulary)
    with db:
        db.executemany("INSERT INTO vocabulary (word) VALUES (?)", ((w,) for w in sorted(vocabulary)))
    shared = time.perf_counter() - start
    start = time.perf_counter()
    title_docs = [analysis.document(t) for t in title_words]
    with db:
        db.executemany(
            "INSERT INTO title_terms (rowid, title) VALUES (?, ?)",
            ((int(r.id), t) for r, t in zip(routines, title_docs, strict=True)),
        )
    titles_s = time.perf_counter() - start
    start = time.perf_counter()
    with db:
        db.executemany(
            "INSERT INTO routine_terms (rowid, title, body) VALUES (?, ?, ?)",
            (
                (int(r.id), t, analysis.document(b.split()))
                for r, t, b in zip(routines, title_docs, body_words, strict=True)
            ),
        )
    all_s = time.perf_counter() - start
    sizes = {
        table: float(
            db.execute(
                "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (?, ?, ?, ?, 'vocabulary')",
                tuple(f"{table}_{shadow}" for shadow in ("data", "idx", "docsize", "config")),
            ).fetchone()[0]
        )
        / 2**20
        for table in FTS_TABLES.values()
    }
    db.close()
    return {
        "title": (shared + titles_s, sizes[FTS_TABLES["title"]]),
        "title+body": (shared + titles_s + all_s, sizes[FTS_TABLES["title+body"]]),
    }


def build_pg(url: str, routines: Sequence[Routine]) -> tuple[float, float]:
    """The routines in `PG_TABLE` with a GiST trigram index on the folded title; seconds, and the index's MB."""
    import psycopg

    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        conn.execute(f"DROP TABLE IF EXISTS {PG_TABLE}")
        conn.execute(
            f"CREATE TABLE {PG_TABLE} (id integer PRIMARY KEY, title text NOT NULL, body text NOT NULL,"
            " norm text NOT NULL)"
        )
        start = time.perf_counter()
        with conn.cursor() as cur, cur.copy(f"COPY {PG_TABLE} (id, title, body, norm) FROM STDIN") as copy:
            for r in routines:
                copy.write_row((int(r.id), r.title, r.body, fold(" ".join((r.title, *r.aliases)))))
        conn.execute(f"CREATE INDEX {PG_TABLE}_norm ON {PG_TABLE} USING gist (norm gist_trgm_ops)")
        conn.execute(f"ANALYZE {PG_TABLE}")
        seconds = time.perf_counter() - start
        row = conn.execute("SELECT pg_relation_size(%s)", (f"{PG_TABLE}_norm",)).fetchone()
    return seconds, float(row[0] if row else 0) / 2**20


def drop_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {PG_TABLE}")
