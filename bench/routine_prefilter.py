"""Prefilter or not: database candidates ranked by us, against our in-memory index over every routine.

    python -m bench.routine_prefilter [--sizes 10000,100000] [--k 100,300] [--rank titles,wratio]
        [--memory all,titles] [--fts title,title+body] [--trgm similarity,word_similarity]
    ATAGANDE_BENCH_PG_URL=postgresql+psycopg://user@host:5432/db python -m bench.routine_prefilter

The issue says: beyond a few thousand routines, a prefilter in the database
narrows the candidates and rapidfuzz ranks the rest; choose by measurement.
This measures it. At each of `--sizes`, the synthetic routines of
`bench.routine_search.synthetic_routines` (the query set's titles plus made-up
ones, bodies of about 2,000 characters) are stored, and the query set
(`load_queries()` against `load_titles()`) is searched by:

- memory: `RoutineIndex` over all routines, loaded from the SQLite table
  (what the bot does today): build seconds (the index alone, after loading),
  p50/p95 of `search(query, 10)`; and the same over the titles alone (the
  fair match for the prefilters ranked by "titles" below).
- fts5: SQLite FTS5 over our analysis. Per routine, the folded words
  (`normalize.fold`, stop words out) become their Snowball stem followed by
  the stems of their compound parts (`CompoundSplitter` over the words of the
  whole library, kept in a `vocabulary` table for the query side), and, as
  `RoutineIndex` does at index time, a text with an abbreviation also holds
  its expansion's stems and one that spells an expansion out also holds the
  abbreviation (`abbreviations.merged`). Two contentless FTS5 tables: the
  title (and aliases) alone ("title"), and title and body as two columns
  ("title+body", ranked by `bm25` with weights 100 and 1). A query is folded
  the same way (after `repair_ocr`, cut to `MAX_QUERY`) and becomes the OR of
  its terms quoted, of its terms and words of three letters or more as
  prefixes ("term"*), and of a long stem's first letters as a prefix (as the
  index reaches "kränkande" from "kränkningar"); the top K by bm25 are the
  candidates.
- trgm: PostgreSQL pg_trgm (only with ATAGANDE_BENCH_PG_URL): a column of the
  folded title (and aliases) with a GiST `gist_trgm_ops` index, the top K by
  the index's nearest-neighbour order for `similarity` (`norm <-> q`) or
  `word_similarity` (`q <<-> norm`), q the folded query. The bodies are
  stored but not indexed: trigrams of 2,000 characters match everything.

Candidates are ranked (`--rank`) by `RoutineIndex` built per query over the
candidates' titles only ("titles": the bodies are not fetched), over titles
and bodies ("body": honest but slow, per query it analyses K bodies), or by
rapidfuzz WRatio of the folded query against the candidates' folded titles
("wratio", the cheapest; ties keep the database's order). A per-query index
has the candidates' idf, not the library's.

Every variant runs in a process of its own (`--measure`), so its peak resident
memory (VmHWM) is its own: for memory that is every routine and the index;
for the prefilters, the query side only (SQLite's page cache included; the
PostgreSQL server's memory is not in it). "store MB" is the prefilter on disk:
the FTS5 shadow tables and the vocabulary, or the GiST index. Latency is the
whole query path: analysis, the database round trip and the ranking, timed
over every query after 20 untimed warm-up queries; "db" is the database
part alone. Candidate recall is the share of
queries whose expected routine is among the K candidates. The SQLite file
lives in a temporary folder; the PostgreSQL table `bench_prefilter_routines`
is created and dropped again.

Reading the figures: the synthetic library holds hundreds of near-copies of
each query-set title at 100,000 ("Rutin för orosanmälan – förskola 4711"),
and `RoutineIndex` gives only its best 60 by base score the title-coverage
look (ties at that cut go to the shortest titles); a per-query index over K
candidates has their idf, not the library's, so its recall@3 also moves with K.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, LiteralString

from rapidfuzz import fuzz, process

from bench.routine_queries import KINDS, evaluate, load_queries, load_titles
from bench.routine_search import PG_URL_ENV, libpq_url, synthetic_routines
from bot.language.compounds import CompoundSplitter
from bot.language.normalize import fold, repair_ocr
from bot.language.stemming import is_stop_word, stem
from bot.routines.abbreviations import merged
from bot.routines.search import MAX_QUERY, Routine, RoutineIndex

HITS = 10
WARM_UP = 20
# bm25 column weights: the better of 10/1, 100/1 and 1/0 for candidate recall at 10,000 routines.
TITLE_WEIGHT, BODY_WEIGHT = 100.0, 1.0
# The FTS5 prefilters: over the analysed title (and aliases) alone, or over title and body.
FTS_TABLES = {"title": "title_terms", "title+body": "routine_terms"}
PG_TABLE = "bench_prefilter_routines"
# pg_trgm's measures and their nearest-neighbour order, served by the GiST index.
TRGM_ORDER: dict[str, LiteralString] = {"similarity": "norm <-> %s", "word_similarity": "%s <<-> norm"}
RANKINGS = ("titles", "body", "wratio")
MEMORY_NAMES = {"all": "memory: RoutineIndex over all", "titles": "memory: RoutineIndex over all titles"}

_WORD = re.compile(r"[^\W_]+")
_TRUNCATE_TO = 5  # as the routine search: a long stem's first letters, for another derivation of its root


# ---------------------------------------------------------------------- #
# Our analysis as text for a full-text index
# ---------------------------------------------------------------------- #


def folded_words(text: str) -> list[str]:
    """Folded words without stop words, as the routine search cuts them."""
    return [w for w in _WORD.findall(fold(text)) if not is_stop_word(w)]


def folded_query(query: str) -> str:
    """The query as the routine search reads it: cut, OCR repaired, folded."""
    return fold(repair_ocr(query[:MAX_QUERY]))


class Analysis:
    """Folded words → Snowball stem plus the stems of compound parts, over a library's vocabulary."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._splitter = CompoundSplitter(vocabulary)
        self._expansions = {
            abbr: [tuple(stem(w) for w in folded_words(e)) for e in expansions]
            for abbr, expansions in merged().expansions.items()
        }
        self._terms: dict[str, tuple[str, ...]] = {}

    def terms(self, word: str) -> tuple[str, ...]:
        found = self._terms.get(word)
        if found is None:
            s = stem(word)
            parts = self._splitter.split(word) or self._splitter.split(s)
            found = self._terms[word] = tuple(dict.fromkeys((s, *(stem(p) for p in parts))))
        return found

    def document(self, words: Sequence[str]) -> str:
        """The terms of folded `words` in order (bm25 counts them), then the abbreviations' terms.

        As `RoutineIndex` does at index time: a text with "SIP" also holds the
        stems of "samordnad individuell plan", one that spells it out also "sip".
        """
        out = [t for w in words for t in self.terms(w)]
        stems = [stem(w) for w in words]
        present = set(stems)
        for abbr, expansions in self._expansions.items():
            if abbr in present:
                out.extend(s for e in expansions for s in e)
            elif any(e and present.issuperset(e) and _contains(stems, e) for e in expansions):
                out.append(abbr)
        return " ".join(out)

    def match(self, query: str) -> str:
        """An FTS5 expression for `query`; "" when it has no words.

        The OR of its terms quoted, of the terms and words of three letters or
        more as prefixes ("term"*), and of the first letters of long stems as a
        prefix (as `RoutineIndex` reaches "kränkande" from "kränkningar").
        Words are runs of letters and digits, so quoted they are plain text.
        """
        words = list(dict.fromkeys(folded_words(folded_query(query))))
        terms = dict.fromkeys(t for w in words for t in self.terms(w))
        prefixes = dict.fromkeys(p for p in (*terms, *words) if len(p) >= 3)
        for s in [stem(w) for w in words]:
            if len(s) >= _TRUNCATE_TO + 2:
                prefixes[s[: max(_TRUNCATE_TO, len(s) - 4)]] = None
        return " OR ".join([f'"{t}"' for t in terms] + [f'"{p}"*' for p in prefixes])


def _contains(seq: Sequence[str], sub: Sequence[str]) -> bool:
    """True if `sub` occurs in `seq` as a contiguous run."""
    n = len(sub)
    return any(tuple(seq[i : i + n]) == tuple(sub) for i in range(len(seq) - n + 1))


# ---------------------------------------------------------------------- #
# Building the stores (in the parent process)
# ---------------------------------------------------------------------- #


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


# ---------------------------------------------------------------------- #
# Measuring (in a child process per variant)
# ---------------------------------------------------------------------- #

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


# ---------------------------------------------------------------------- #
# The parent: stores, children, one table
# ---------------------------------------------------------------------- #


@dataclass
class Result:
    size: int
    name: str
    build_s: float
    store_mb: float | None
    figures: dict[str, Any]


def _child(spec: dict[str, Any]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.routine_prefilter", "--measure", json.dumps(spec)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def _print_table(results: Sequence[Result]) -> None:
    head = (
        f"{'size':>7}  {'variant':<40} {'build s':>7} {'store MB':>8} {'p50 ms':>7} {'p95 ms':>7}"
        f" {'db p50':>7} {'db p95':>7} {'cand.rec':>8} {'recall@3':>8} {'peak MB':>7}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        f = r.figures
        cand = f"{f['candidate_recall']:.1%}" if f["candidate_recall"] is not None else "—"
        store = f"{r.store_mb:.1f}" if r.store_mb is not None else "—"
        db = (
            (f"{f['db_p50_ms']:7.1f} {f['db_p95_ms']:7.1f}")
            if f["candidate_recall"] is not None
            else f"{'—':>7} {'—':>7}"
        )
        print(
            f"{r.size:>7}  {r.name:<40} {r.build_s:>7.1f} {store:>8} {f['p50_ms']:>7.1f} {f['p95_ms']:>7.1f}"
            f" {db} {cand:>8} {f['recall3']:>8.1%} {f['peak_mb']:>7.0f}"
        )
    print("\nrecall@3 per kind")
    print(f"{'size':>7}  {'variant':<40} " + " ".join(f"{k:>13}" for k in KINDS))
    for r in results:
        kinds = r.figures["recall3_kinds"]
        print(f"{r.size:>7}  {r.name:<40} " + " ".join(f"{kinds.get(k, 0.0):>13.1%}" for k in KINDS))


def _ints(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def _names(text: str, allowed: Iterable[str]) -> list[str]:
    names = [s.strip() for s in text.split(",") if s.strip()]
    unknown = set(names) - set(allowed)
    if unknown:
        raise SystemExit(f"unknown: {', '.join(sorted(unknown))} (choose from {', '.join(allowed)})")
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000,100000", help="routine counts")
    parser.add_argument("--k", default="100,300", help="candidates taken from the prefilter")
    parser.add_argument("--rank", default="titles,wratio", help="candidate rankings: titles, body, wratio")
    parser.add_argument("--memory", default="all,titles", help="in-memory indexes: all (titles and bodies), titles")
    parser.add_argument("--fts", default="title,title+body", help="FTS5 prefilters: title, title+body")
    parser.add_argument("--trgm", default="similarity,word_similarity", help="pg_trgm measures for the candidates")
    parser.add_argument("--measure", metavar="JSON", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(json.loads(args.measure))))
        return 0
    ks = _ints(args.k)
    rankings = _names(args.rank, RANKINGS)
    measures = _names(args.trgm, TRGM_ORDER)
    fts_fields = _names(args.fts, FTS_TABLES)
    memory = _names(args.memory, MEMORY_NAMES)
    pg_url = os.environ.get(PG_URL_ENV, "").strip()
    if not pg_url:
        print(f"PostgreSQL pg_trgm: skipped: {PG_URL_ENV} not set")
    titles = load_titles()
    results: list[Result] = []
    try:
        for size in _ints(args.sizes):
            routines = synthetic_routines(titles, size)
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"prefilter-{size}.sqlite3"
                fts = build_sqlite(path, routines, fts=bool(fts_fields))
                pg_build, pg_mb = build_pg(pg_url, routines) if pg_url else (0.0, 0.0)
                del routines
                for fields in memory:
                    f = _child({"variant": "memory", "db": str(path), "fields": fields})
                    name = MEMORY_NAMES[fields]
                    results.append(Result(size, name, f["build_s"], None, f))
                    print(f"  {size}: {name} done", file=sys.stderr)
                for fields in fts_fields:
                    for k in ks:
                        for ranking in rankings:
                            spec = {"variant": "fts5", "db": str(path), "fields": fields, "k": k, "rank": ranking}
                            name = f"fts5 {fields} top {k} → {ranking}"
                            results.append(Result(size, name, *fts[fields], _child(spec)))
                            print(f"  {size}: {name} done", file=sys.stderr)
                for measure_name in measures if pg_url else ():
                    for k in ks:
                        for ranking in rankings:
                            spec = {"variant": "trgm", "db": pg_url, "k": k, "rank": ranking, "measure": measure_name}
                            name = f"trgm {measure_name} top {k} → {ranking}"
                            results.append(Result(size, name, pg_build, pg_mb, _child(spec)))
                            print(f"  {size}: {name} done", file=sys.stderr)
    finally:
        if pg_url:
            drop_pg(pg_url)
    print()
    _print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
