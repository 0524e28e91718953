"""Routine search quality and speed: ours against the peers users would pick instead.

    python -m bench.routine_search [--sizes 1000,10000] [--misses]

Quality on the query set, the held-out set and the routine names as the real
samples in `../shared/samples/` write them (`bench.routine_queries`): recall@1, recall@3 and MRR
per kind for `bot.routines.search` and for two peers over the same titles:

- rapidfuzz WRatio on the raw titles (rapidfuzz's default processor: lower case,
  punctuation away; no folding of å/ä/ö, no stems);
- SQLite FTS5 with `unicode61 remove_diacritics 2`, the query's words each
  quoted (so `"`, `*`, `:`, `(` and NEAR are plain text) and joined with OR,
  ranked by bm25; and the same with every word as a prefix ("word"*).

Speed: query latency p50/p95 at each size of synthetic routines (the query
set's titles plus made-up ones, every body about 2,000 characters), and the
time to build the index; the same for passages of the real samples pasted as
queries (cut to 200 characters by the search). Exit status 0 when recall@3 ≥ 95 % overall and on
every kind of every set, else 1.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process, utils

from bench.routine_queries import (
    KINDS,
    RECALL3_TARGET,
    SAMPLES,
    Figures,
    Query,
    evaluate,
    load_queries,
    load_sample_queries,
    load_titles,
)
from bot.routines.search import Routine, RoutineIndex

Ranker = Callable[[str], Sequence[int]]

# Words for synthetic bodies: the vocabulary of routine texts, Swedish data.
_BODY_TEXT = (
    "rutinen gäller för alla medarbetare inom förvaltningen och ska följas vid varje ärende ansvarig chef "
    "ser till att rutinen är känd uppföljning sker årligen i samband med verksamhetsberättelsen "
    "socialtjänsten skolan förskolan elevhälsan vårdnadshavare barnet eleven brukaren patienten "
    "dokumentation ska ske i verksamhetssystemet utan dröjsmål anmälan lämnas skriftligt eller muntligt "
    "handläggaren gör en bedömning av behovet samverkan med regionen polisen och fritidsverksamheten "
    "beslut fattas enligt delegationsordningen avvikelser rapporteras och analyseras riskbedömning "
    "insatser planeras tillsammans med den enskilde och följs upp inom tre månader kontakt tas med "
    "närmaste chef vid osäkerhet sekretess gäller enligt offentlighets- och sekretesslagen"
)
_BODY_WORDS = _BODY_TEXT.split()
_TITLE_HEADS = ("Rutin för", "Riktlinje för", "Policy för", "Plan för", "Checklista för", "Handbok för")
_TITLE_TAILS = ("förskola", "grundskola", "gymnasieskola", "äldreomsorg", "socialtjänst", "funktionsstöd", "IFO")


def synthetic_routines(titles: Sequence[str], size: int, seed: int = 7) -> list[Routine]:
    """The query set's titles, then made-up routines up to `size`; every body about 2,000 characters."""
    rng = random.Random(seed)
    subjects = sorted({t.split(" för ", 1)[-1].split(" – ")[0] for t in titles})
    out: list[Routine] = []
    for i in range(size):
        if i < len(titles):
            title = titles[i]
        else:
            title = f"{rng.choice(_TITLE_HEADS)} {rng.choice(subjects)} – {rng.choice(_TITLE_TAILS)} {i}"
        words: list[str] = []
        length = 0
        while length < 2000:
            w = rng.choice(_BODY_WORDS) if rng.random() < 0.85 else rng.choice(subjects).split()[0].lower()
            words.append(w)
            length += len(w) + 1
        out.append(Routine(i, title, " ".join(words)))
    return out


def ours(titles: Sequence[str]) -> Ranker:
    index = RoutineIndex(Routine(i, t) for i, t in enumerate(titles))
    return lambda q: [int(h.id) for h in index.search(q, 10)]


def wratio(titles: Sequence[str]) -> Ranker:
    def rank(q: str) -> list[int]:
        found = process.extract(q, titles, scorer=fuzz.WRatio, processor=utils.default_process, limit=10)
        return [int(i) for _, _, i in found]

    return rank


def fts5(titles: Sequence[str], *, prefix: bool = False) -> Ranker:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE VIRTUAL TABLE r USING fts5(title, tokenize = 'unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO r (rowid, title) VALUES (?, ?)", list(enumerate(titles)))

    def rank(q: str) -> list[int]:
        # Every word a quoted string: FTS5 syntax in the query is then plain text.
        words = [w for w in q.replace('"', " ").split() if any(c.isalnum() for c in w)]
        if not words:
            return []
        match = " OR ".join(f'"{w}"' + ("*" if prefix else "") for w in words)
        rows = db.execute("SELECT rowid FROM r WHERE r MATCH ? ORDER BY bm25(r) LIMIT 10", (match,)).fetchall()
        return [int(r[0]) for r in rows]

    return rank


def _print_figures(name: str, figures: dict[str, Figures]) -> None:
    print(f"\n{name}")
    print(f"  {'kind':<14} {'n':>4} {'recall@1':>9} {'recall@3':>9} {'MRR':>6}")
    for kind in (*KINDS, "all"):
        f = figures.get(kind)
        if f is None:
            continue
        print(f"  {kind:<14} {f.n:>4} {f.recall1:>9.1%} {f.recall3:>9.1%} {f.mrr:>6.3f}")


def _pasted() -> list[str]:
    """300-character passages of the real samples: what an official pastes from a PDF (cut to 200)."""
    out: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else ():
        if path.name[0].isdigit():
            text = path.read_text(encoding="utf-8")
            out.extend(text[i : i + 300] for i in range(0, len(text), 400))
    return out


def _percentiles(index: RoutineIndex, texts: Sequence[str]) -> tuple[float, float]:
    times: list[float] = []
    for text in texts:
        t = time.perf_counter()
        index.search(text, 10)
        times.append((time.perf_counter() - t) * 1000.0)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def latency(size: int, titles: Sequence[str], queries: Sequence[Query]) -> tuple[float, float, float, float, float]:
    """Build seconds; p50 and p95 ms for the query set; p50 and p95 ms for pasted passages (0 without samples)."""
    routines = synthetic_routines(titles, size)
    start = time.perf_counter()
    index = RoutineIndex(routines)
    build = time.perf_counter() - start
    p50, p95 = _percentiles(index, [q.text for q in queries])
    pasted = _pasted()
    paste50, paste95 = _percentiles(index, pasted) if pasted else (0.0, 0.0)
    return build, p50, p95, paste50, paste95


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000", help="routine counts for the latency figures")
    parser.add_argument("--misses", action="store_true", help="list our queries that missed the top 3")
    args = parser.parse_args(argv)
    ok = True
    groups = (
        ("query set", load_titles(), load_queries()),
        ("held-out set", load_titles(heldout=True), load_queries(heldout=True)),
        ("routine names as the samples write them", load_titles(), load_sample_queries()),
    )
    for group, titles, queries in groups:
        if not queries:
            print(f"\n== {group}: not found, skipped")
            continue
        print(f"\n== {group}: {len(titles)} titles, {len(queries)} queries")
        for name, make in (
            ("ours (bot.routines.search)", ours),
            ("rapidfuzz WRatio, raw titles", wratio),
            ("SQLite FTS5 unicode61 remove_diacritics 2, OR of words", fts5),
            ("SQLite FTS5 unicode61 remove_diacritics 2, OR of prefixes", lambda t: fts5(t, prefix=True)),
        ):
            figures, misses = evaluate(make(titles), titles, queries)
            _print_figures(name, figures)
            if name.startswith("ours"):
                ok = ok and all(f.recall3 >= RECALL3_TARGET for f in figures.values())
                for q, rank in misses if args.misses else ():
                    print(f"    miss ({q.kind}, rank {rank or '>10'}): {q.text!r} → {q.expected}")
    titles = load_titles()
    queries = load_queries()
    print("\nlatency (ours, 10 hits per query)")
    for size in (int(s) for s in args.sizes.split(",") if s):
        build, p50, p95, paste50, paste95 = latency(size, titles, queries)
        print(
            f"  {size:>6} routines: build {build:5.1f} s; query set p50 {p50:5.1f} ms, p95 {p95:5.1f} ms;"
            f" pasted passages p50 {paste50:5.1f} ms, p95 {paste95:5.1f} ms"
        )
    print(f"\ntarget recall@3 ≥ {RECALL3_TARGET:.0%} overall and per kind, every set: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
