"""The prefilter bench's measuring, in a child process per variant so its peak memory is its own.

One search per variant (the in-memory index, an FTS5 prefilter, a pg_trgm
prefilter), the candidates ranked by us, and the figures over the query set:
latency in all and in the database, candidate recall, recall@3 and peak memory.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, LiteralString

from rapidfuzz import fuzz, process

from bench.routine_prefilter_analysis import Analysis, folded_query
from bench.routine_prefilter_stores import FTS_TABLES, PG_TABLE
from bench.routine_queries import KINDS, evaluate, load_queries, load_titles
from bench.routine_search import libpq_url
from bot.routines.search import Routine, RoutineIndex

HITS = 10
WARM_UP = 20
# bm25 column weights: the better of 10/1, 100/1 and 1/0 for candidate recall at 10,000 routines.
TITLE_WEIGHT, BODY_WEIGHT = 100.0, 1.0
# pg_trgm's measures and their nearest-neighbour order, served by the GiST index.
TRGM_ORDER: dict[str, LiteralString] = {"similarity": "norm <-> %s", "word_similarity": "%s <<-> norm"}
RANKINGS = ("titles", "body", "wratio")


# A candidate row: id, folded title, title, body ("" unless the ranking reads bodies).
Row = tuple[int, str, str, str]
# One query's search: (ranked ids, candidate ids, ms in the database).
Search = Callable[[str], tuple[list[int], list[int], float]]


def rank_candidates(ranking: str, query: str, rows: Sequence[Row]) -> list[int]:
    """The top `HITS` of the candidates `rows` (in the database's order) for `query`."""
    if not rows:
        return []
    if ranking == "wratio":
        found = process.extract(
            folded_query(query), [r[1] for r in rows], scorer=fuzz.WRatio, processor=None, limit=HITS
        )
        return [rows[i][0] for _, _, i in found]
    index = RoutineIndex(Routine(r[0], r[2], r[3] if ranking == "body" else "") for r in rows)
    return [int(h.id) for h in index.search(query, HITS)]


def _fts_search(path: str, fields: str, k: int, ranking: str) -> Search:
    db = sqlite3.connect(path, check_same_thread=False)
    analysis = Analysis(w for (w,) in db.execute("SELECT word FROM vocabulary"))
    table = FTS_TABLES[fields]
    weights = "?, ?" if fields == "title+body" else "?"
    params: tuple[float, ...] = (TITLE_WEIGHT, BODY_WEIGHT) if fields == "title+body" else (TITLE_WEIGHT,)
    body = "r.body" if ranking == "body" else "''"
    sql = (
        f"SELECT r.id, r.norm, r.title, {body} FROM (SELECT rowid AS id, bm25({table}, {weights}) AS score"
        f" FROM {table} WHERE {table} MATCH ? ORDER BY score LIMIT ?) AS c"
        " JOIN routines AS r ON r.id = c.id ORDER BY c.score"
    )

    def search(query: str) -> tuple[list[int], list[int], float]:
        match = analysis.match(query)
        if not match:
            return [], [], 0.0
        t = time.perf_counter()
        rows: list[Row] = db.execute(sql, (*params, match, k)).fetchall()
        ms = (time.perf_counter() - t) * 1000.0
        return rank_candidates(ranking, query, rows), [r[0] for r in rows], ms

    return search


def _trgm_search(url: str, k: int, ranking: str, measure: str) -> Search:
    import psycopg

    conn = psycopg.connect(libpq_url(url), autocommit=True)
    body: LiteralString = "body" if ranking == "body" else "''"
    sql: LiteralString = f"SELECT id, norm, title, {body} FROM {PG_TABLE} ORDER BY {TRGM_ORDER[measure]} LIMIT %s"

    def search(query: str) -> tuple[list[int], list[int], float]:
        q = folded_query(query)
        if not q:
            return [], [], 0.0
        t = time.perf_counter()
        rows = [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in conn.execute(sql, (q, k)).fetchall()]
        ms = (time.perf_counter() - t) * 1000.0
        return rank_candidates(ranking, query, rows), [r[0] for r in rows], ms

    return search


def _memory_search(path: str, fields: str) -> tuple[Search, float]:
    db = sqlite3.connect(path)
    body = "body" if fields == "all" else "''"
    rows = db.execute(f"SELECT id, title, {body} FROM routines ORDER BY id")
    routines = [Routine(int(i), t, b) for i, t, b in rows]
    db.close()
    start = time.perf_counter()
    index = RoutineIndex(routines)
    build = time.perf_counter() - start

    def search(query: str) -> tuple[list[int], list[int], float]:
        return [int(h.id) for h in index.search(query, HITS)], [], 0.0

    return search, build


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _percentiles(times: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def measure(spec: dict[str, Any]) -> dict[str, Any]:
    """One variant's figures over the query set (in a process of its own)."""
    titles = load_titles()
    queries = load_queries()
    build = 0.0
    if spec["variant"] == "memory":
        search, build = _memory_search(spec["db"], spec["fields"])
    elif spec["variant"] == "fts5":
        search = _fts_search(spec["db"], spec["fields"], spec["k"], spec["rank"])
    else:
        search = _trgm_search(spec["db"], spec["k"], spec["rank"], spec["measure"])
    for q in queries[:WARM_UP]:
        search(q.text)
    where = {t: i for i, t in enumerate(titles)}
    ranked: dict[str, list[int]] = {}
    total: list[float] = []
    in_db: list[float] = []
    found = 0
    for q in queries:
        t = time.perf_counter()
        ids, candidates, db_ms = search(q.text)
        total.append((time.perf_counter() - t) * 1000.0)
        in_db.append(db_ms)
        ranked[q.text] = ids
        found += where[q.expected] in candidates
    figures, _ = evaluate(lambda text: ranked[text], titles, queries)
    (p50, p95), (db50, db95) = _percentiles(total), _percentiles(in_db)
    return {
        "build_s": build,
        "p50_ms": p50,
        "p95_ms": p95,
        "db_p50_ms": db50,
        "db_p95_ms": db95,
        "candidate_recall": found / len(queries) if spec["variant"] != "memory" else None,
        "recall3": figures["all"].recall3,
        "recall3_kinds": {k: figures[k].recall3 for k in KINDS if k in figures},
        "peak_mb": _peak_mb(),
    }
