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

This module is the command line and the parent; the analysis is in
`bench.routine_prefilter_analysis`, the stores in `bench.routine_prefilter_stores`
and a variant's measuring in `bench.routine_prefilter_measure`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.routine_prefilter_measure import RANKINGS, TRGM_ORDER, measure
from bench.routine_prefilter_stores import FTS_TABLES, build_pg, build_sqlite, drop_pg
from bench.routine_queries import KINDS, load_titles
from bench.routine_search import PG_URL_ENV, synthetic_routines

MEMORY_NAMES = {"all": "memory: RoutineIndex over all", "titles": "memory: RoutineIndex over all titles"}


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
