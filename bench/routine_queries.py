"""The routine query set and its scoring: recall@1, recall@3 and MRR per kind.

Shared by `bench.routine_search` (prints the figures beside peers) and
`tests/routines/test_quality.py` (holds the target), so both judge alike.
Titles are `tests/data/routines/titles.txt` (one a line, written for this set:
many alike on purpose); queries are `queries.tsv` (query, expected title, kind),
written before the search was tuned. `heldout/` holds more titles and queries,
written after the tuning and never tuned on; its titles are searched together
with the main ones, so every held-out query has the main set as distractors.
A literal "\\n" in a query is a line break
(a word broken at a line end, as PDFs give them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "routines"
KINDS = ("no_diacritics", "ocr", "abbreviation", "paraphrase", "fragment")
RECALL3_TARGET = 0.95


@dataclass(frozen=True)
class Query:
    """One query and the title it should find."""

    text: str
    expected: str
    kind: str


@dataclass(frozen=True)
class Figures:
    """Recall@1, recall@3 and mean reciprocal rank (over the top 10) for a group of queries."""

    n: int
    recall1: float
    recall3: float
    mrr: float


def _lines(path: Path) -> list[str]:
    return [t for t in path.read_text(encoding="utf-8").splitlines() if t.strip()]


def load_titles(*, heldout: bool = False) -> list[str]:
    """The titles of the query set, in file order; with the held-out titles after them if asked."""
    return _lines(DATA / "titles.txt") + (_lines(DATA / "heldout" / "titles.txt") if heldout else [])


def load_queries(*, heldout: bool = False) -> list[Query]:
    """The queries (or the held-out ones), each naming an exact title of `load_titles`."""
    out: list[Query] = []
    for line in _lines(DATA / ("heldout" if heldout else "") / "queries.tsv"):
        if line.startswith("#"):
            continue
        text, expected, kind = line.split("\t")
        out.append(Query(text.replace("\\n", "\n"), expected, kind))
    return out


def evaluate(
    ranker: Callable[[str], Sequence[int]], titles: Sequence[str], queries: Sequence[Query]
) -> tuple[dict[str, Figures], list[tuple[Query, int]]]:
    """Figures per kind and "all" for `ranker` (query → title indexes, best first), and the misses at 3."""
    where = {t: i for i, t in enumerate(titles)}
    ranks: dict[str, list[int]] = {k: [] for k in (*KINDS, "all")}
    misses: list[tuple[Query, int]] = []
    for q in queries:
        ranked = list(ranker(q.text))[:10]
        target = where[q.expected]
        rank = ranked.index(target) + 1 if target in ranked else 0
        ranks[q.kind].append(rank)
        ranks["all"].append(rank)
        if not 1 <= rank <= 3:
            misses.append((q, rank))
    figures = {
        kind: Figures(
            len(rs),
            sum(r == 1 for r in rs) / len(rs),
            sum(1 <= r <= 3 for r in rs) / len(rs),
            sum(1.0 / r for r in rs if r) / len(rs),
        )
        for kind, rs in ranks.items()
        if rs
    }
    return figures, misses


SAMPLES = ROOT / ".." / "shared" / "samples"

# Routine names as the real samples write them (OCR damage, line breaks and all),
# found by a pattern and read from the files at run time, never copied:
# (file, pattern, expected title, kind).
_SAMPLE_CASES = (
    ("000_f185d47c58080ccd.txt", r"den lokala BUS-\S+", "BUS-överenskommelse mellan kommun och region", "ocr"),
    ("003_ca7eaf68a089c478.txt", r"rutin för orosanmälan", "Rutin för orosanmälan", "paraphrase"),
    (
        "003_ca7eaf68a089c478.txt",
        r"TSI \(tidiga samordnade insatser\)",
        "Rutin för tidiga samordnade insatser (TSI)",
        "abbreviation",
    ),
    (
        "004_fc123636a6e69265.txt",
        r"samverkansrutin mellan socialtjanst och skola",
        "Samverkansrutin mellan socialtjänst och skola",
        "no_diacritics",
    ),
    (
        "004_fc123636a6e69265.txt",
        r"rutin f\S+\s+hantering av inkommen an\S+",
        "Rutin för hantering av inkommen anmälan",
        "ocr",
    ),
    (
        "004_fc123636a6e69265.txt",
        r"Samordnad individuell planering \(SIP\)",
        "Rutin för samordnad individuell plan (SIP)",
        "abbreviation",
    ),
    (
        "004_fc123636a6e69265.txt",
        r"samverkansrutin for Leksands grundskolor",
        "Samverkansrutin mellan socialtjänst och skola – Leksands grundskolor",
        "no_diacritics",
    ),
)


def load_sample_queries() -> list[Query]:
    """Queries taken from the real samples by pattern; [] when the samples are not beside the project."""
    import re

    out: list[Query] = []
    for name, pattern, expected, kind in _SAMPLE_CASES:
        path = SAMPLES / name
        if not path.is_file():
            return []
        m = re.search(pattern, path.read_text(encoding="utf-8"), re.IGNORECASE)
        if m is not None:
            out.append(Query(m.group(), expected, kind))
    return out
