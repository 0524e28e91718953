"""Reading and extracting a 100-page audit answer, as text and as PDF.

    python -m bench.extract_speed [--chars 300000] [--pages 100] [--runs 5]
    python -m bench.extract_speed --series [--huge] [--runs 1] [--limit 120]

Builds an answer of about 300,000 characters from the samples in
``tests/data/samples`` (repeated with other years, numbers, places, committees
and verbs, so no block repeats verbatim), writes it as a text file and as a
100-page PDF, and measures each in a fresh process, ``--runs`` times:
``read_path`` + ``bot.extraction.extract`` (median time) and the process's
peak memory (``ru_maxrss``). Peers beside our figures: pypdf's
``extract_text`` (optional extra ``bench``) and poppler's ``pdftotext``, where
installed, over the same PDF (reading only). Figures, not assertions: this is
not a test.

``--series`` times extraction alone over answers of 150 KB, 300 KB, 1 MB and
2 MB (``--huge`` adds the 20 MB the import accepts), built three ways: the
samples repeated verbatim (a long answer that restates itself), the samples
varied as above, and the held-out answers repeated. Seconds and seconds per MB
show whether the time grows with the size or faster (the process's CPU seconds
too, which other work on a shared machine does not inflate); beside them the floor, one
fold of the whole text (``match_text``), which any reading pays. A size that
takes longer than ``--limit`` seconds is stopped, and the larger ones of that
kind are not run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "tests" / "data" / "samples"
HELDOUT = REPO / "tests" / "data" / "extraction" / "heldout"
REAL = REPO / "tests" / "data" / "extraction" / "real"
TEXT_TARGET_S = 2.0
PDF_TARGET_S = 10.0
MEMORY_TARGET_MB = 300.0
PAGES = 100
CHARS = 300_000

# fpdf2's core fonts are Latin-1: the typographic characters outside it get their plain forms (åäö are in it).
_LATIN1 = str.maketrans(
    {"”": '"', "“": '"', "„": '"', "’": "'", "‘": "'", "–": "-", "—": "-", "…": "...", "•": "-", "\uf0b7": "-"}
)

# Interchangeable words: each occurrence is replaced by any one of its group.
_SWAPS = [
    ["Tyresö", "Tyreso", "Leksands", "Kalmar", "Umeå", "Gävle", "Borås", "Lunds"],
    ["utbildningsnämnden", "utbildningsnimnden", "socialnämnden", "fritidsnämnden", "omsorgsnämnden"],
    ["revidera", "uppdatera", "se över", "förtydliga"],
    ["rutinen", "rutin", "riktlinjen", "processen"],
    ["samverkan", "samarbete", "samordning"],
]
_SWAP_PATTERNS = [(re.compile(r"\b(?:" + "|".join(map(re.escape, group)) + r")\b"), group) for group in _SWAPS]
_YEAR = re.compile(r"\b20([12]\d)\b")
_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
# A small number that is not part of a date or time written with separators ("2023-03-10", "15/5", "10.30").
_NUMBER = re.compile(rf"(?<![\d/.:-])\b(\d{{1,3}})\b(?![/.:-]\d)(\s+(?:{_MONTHS})\b)?", re.IGNORECASE)

_CHILD = """
import json, resource, sys, time
from datetime import date
start = time.perf_counter()
from bot.documents import read_path
from bot.extraction import extract
imported = time.perf_counter()
document = read_path(sys.argv[1])
read = time.perf_counter()
found = extract(document.text, today=date(2026, 11, 22))
done = time.perf_counter()
print(json.dumps({
    "read": read - imported, "extract": done - read, "total": done - imported, "imports": imported - start,
    "findings": len(found.findings), "chars": len(document.text), "pages": document.pages,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""

# Extraction alone over a text file; the floor is one fold of the whole text, which any reading pays.
_SERIES_CHILD = """
import json, resource, sys, time
from datetime import date
from pathlib import Path
from bot.extraction import extract
from bot.language.normalize import match_text
text = Path(sys.argv[1]).read_text(encoding="utf-8")
start = time.perf_counter()
match_text(text)
folded = time.perf_counter()
cpu = time.process_time()
found = extract(text, today=date(2026, 11, 22))
done = time.perf_counter()
print(json.dumps({
    "extract": done - folded, "cpu": time.process_time() - cpu, "floor": folded - start,
    "findings": len(found.findings),
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""

_PEER_PYPDF = """
import sys, time
from pypdf import PdfReader
start = time.perf_counter()
text = "\\f".join(page.extract_text() or "" for page in PdfReader(sys.argv[1]).pages)
print(time.perf_counter() - start, len(text))
"""


def require_extract() -> None:
    """Stop with a clear sentence when the extractor this bench times is not there."""
    try:
        from bot.extraction import extract  # noqa: F401
    except ImportError as exc:
        raise SystemExit(f"bench.extract_speed: bot.extraction.extract is not available yet ({exc})") from None


def sample_texts() -> list[str]:
    files = sorted(SAMPLES.glob("*.txt"))
    if not files:
        raise SystemExit(f"bench.extract_speed: no samples in {SAMPLES}; the answer is built from them")
    return [p.read_text(encoding="utf-8") for p in files]


def vary(text: str, rng: random.Random, round_no: int) -> str:
    """The same kind of text with other years, numbers and words, so no block repeats verbatim."""
    shift = round_no % 7
    text = _YEAR.sub(lambda m: str(2010 + (int(m.group(1)) - 10 + shift) % 20), text)

    def number(m: re.Match[str]) -> str:
        value = int(m.group(1)) + rng.randint(0, 9)
        if m.group(2):  # a day before a month name stays a day
            value = 1 + (value - 1) % 28
        return f"{value}{m.group(2) or ''}"

    text = _NUMBER.sub(number, text)
    for pattern, group in _SWAP_PATTERNS:
        text = pattern.sub(_chooser(group, rng), text)
    return text


def _chooser(group: list[str], rng: random.Random) -> Callable[[re.Match[str]], str]:
    return lambda _match: rng.choice(group)


def heldout_texts(pattern: str = "*.txt") -> list[str]:
    """The held-out answers written for the quality bench (tables, e-mails, OCR damage, regional answers)."""
    return [p.read_text(encoding="utf-8") for p in sorted(HELDOUT.glob(pattern))]


def real_decisions() -> list[str]:
    """The dev part of the real government decisions (tests/data/extraction/real, split.json)."""
    dev = json.loads((REAL / "split.json").read_text(encoding="utf-8"))["dev"]
    return [(REAL / f"{stem}.txt").read_text(encoding="utf-8") for stem in dev if "_ru_" in stem]


def build_answer(chars: int = CHARS, seed: int = 7, sources: list[str] | None = None) -> str:
    """About ``chars`` characters of audit answer: the samples again and again, each round varied."""
    rng = random.Random(seed)
    samples = sources if sources is not None else sample_texts()
    parts: list[str] = []
    size = 0
    round_no = 0
    while size < chars:
        for sample in samples:
            # Keep the order within a sample (answers follow recommendations) but drop a paragraph now and then.
            kept = [p for p in sample.split("\n\n") if rng.random() > 0.08]
            block = vary("\n\n".join(kept), rng, round_no)
            parts.append(block)
            size += len(block) + 2
        round_no += 1
    return "\n\n".join(parts)[:chars]


def write_pdf(text: str, path: Path, pages: int = PAGES) -> None:
    """``text`` as a PDF of exactly ``pages`` pages, an equal share on each (small type, so it fits)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_font("helvetica", size=7)
    per_page = len(text) // pages + 1
    for number in range(pages):
        chunk = text[number * per_page : (number + 1) * per_page].translate(_LATIN1)
        chunk = chunk.encode("latin-1", errors="replace").decode("latin-1")
        pdf.add_page()
        pdf.set_xy(8, 8)
        pdf.multi_cell(194, 2.9, chunk)
    pdf.output(str(path))


def run_child(path: Path) -> dict[str, float]:
    answer = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], check=False, capture_output=True, text=True, cwd=REPO
    )
    if answer.returncode != 0:
        raise SystemExit(f"bench.extract_speed: reading {path.name} failed:\n{answer.stderr}")
    result: dict[str, float] = json.loads(answer.stdout)
    return result


def measure(path: Path, runs: int) -> dict[str, float]:
    results = [run_child(path) for _ in range(runs)]
    merged = {key: statistics.median(r[key] for r in results) for key in results[0]}
    merged["rss_mb"] = max(r["rss_mb"] for r in results)
    return merged


def peer_pypdf(path: Path, runs: int) -> str:
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return "not installed (pip install -e '.[bench]')"
    times = []
    for _ in range(runs):
        answer = subprocess.run(
            [sys.executable, "-c", _PEER_PYPDF, str(path)], check=True, capture_output=True, text=True
        )
        times.append(float(answer.stdout.split()[0]))
    return f"{statistics.median(times):.2f} s (reading only)"


def peer_pdftotext(path: Path, runs: int) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        return "not installed"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([tool, str(path), "-"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return f"{statistics.median(times):.2f} s (reading only, whole process)"


KB, MB = 1024, 1024 * 1024
SERIES = (150 * KB, 300 * KB, 1 * MB, 2 * MB)
HUGE = 20 * MB  # bot.documents.MAX_BYTES: the largest answer the import accepts
SERIES_LIMIT_S = 120.0


def repeat_answer(size: int, sources: list[str]) -> str:
    """``size`` bytes (UTF-8) of the sources one after the other, again and again, word for word."""
    whole = "\n\n".join(sources)
    return fit_bytes("\n\n".join([whole] * (size // len(whole.encode("utf-8")) + 1)), size)


def fit_bytes(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` bytes of UTF-8 (never in the middle of a character)."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def series_inputs() -> list[tuple[str, Callable[[int], str]]]:
    """The kinds of answer the series builds, each as a function from a size in bytes to a text."""
    samples, heldout = sample_texts(), heldout_texts()
    return [
        ("samples repeated", lambda size: repeat_answer(size, samples)),
        ("samples varied", lambda size: fit_bytes(build_answer(size), size)),
        ("held-out repeated", lambda size: repeat_answer(size, heldout)),
    ]


def run_series_child(path: Path, limit: float) -> dict[str, float] | None:
    """Extraction over the text at ``path`` in a fresh process; None when it takes longer than ``limit`` s."""
    try:
        answer = subprocess.run(
            [sys.executable, "-c", _SERIES_CHILD, str(path)],
            check=False,
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        return None
    if answer.returncode != 0:
        raise SystemExit(f"bench.extract_speed: extracting {path.name} failed:\n{answer.stderr}")
    result: dict[str, float] = json.loads(answer.stdout)
    return result


def series(sizes: tuple[int, ...], runs: int, limit: float) -> None:
    """Seconds and seconds per MB of extraction at each size, for each kind of answer."""
    print(f"extract alone in a fresh process, median of {runs} run(s); a run over {limit:g} s is stopped")
    print(
        f"{'answer':20}{'size':>8}{'extract':>10}{'s/MB':>8}{'CPU':>9}{'CPU/MB':>8}{'floor':>8}"
        f"{'peak RSS':>10}{'findings':>10}"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.txt"
        for label, build in series_inputs():
            stopped = False
            for size in sizes:
                name = f"{size // MB} MB" if size >= MB else f"{size // KB} KB"
                if stopped:
                    print(f"{label:20}{name:>8}  not run (a smaller size was stopped)")
                    continue
                path.write_text(build(size), encoding="utf-8")
                results = [run_series_child(path, limit) for _ in range(runs)]
                done = [r for r in results if r is not None]
                if len(done) < runs:
                    print(f"{label:20}{name:>8}  stopped after {limit:g} s")
                    stopped = True
                    continue
                took = statistics.median(r["extract"] for r in done)
                cpu = statistics.median(r["cpu"] for r in done)
                floor = statistics.median(r["floor"] for r in done)
                rss = max(r["rss_mb"] for r in done)
                print(
                    f"{label:20}{name:>8}{took:>9.2f}s{took / (size / MB):>8.2f}{cpu:>8.2f}s{cpu / (size / MB):>8.2f}"
                    f"{floor:>7.2f}s"
                    f"{rss:>7.0f} MB{int(done[0]['findings']):>10}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=CHARS)
    parser.add_argument("--pages", type=int, default=PAGES)
    parser.add_argument("--runs", type=int, default=None, help="runs per input (5; with --series 1)")
    parser.add_argument("--series", action="store_true", help="extraction alone at 150 KB, 300 KB, 1 MB, 2 MB")
    parser.add_argument("--huge", action="store_true", help="with --series: 20 MB too")
    parser.add_argument("--limit", type=float, default=SERIES_LIMIT_S, help="with --series: stop a run after this")
    args = parser.parse_args()
    require_extract()
    if args.series:
        series(SERIES + ((HUGE,) if args.huge else ()), args.runs or 1, args.limit)
        return
    args.runs = args.runs or 5
    text = build_answer(args.chars)
    with tempfile.TemporaryDirectory() as folder:
        txt, pdf = Path(folder) / "svar.txt", Path(folder) / "svar.pdf"
        txt.write_text(text, encoding="utf-8")
        write_pdf(text, pdf, args.pages)
        print(f"An answer of {len(text):,} characters from {SAMPLES.name}/, as text and as a {args.pages}-page PDF")
        print(f"read_path + extract in a fresh process, median of {args.runs} runs; peak RSS is the largest")
        header = f"{'read':>8}{'extract':>9}{'total':>8}{'target':>10}{'peak RSS':>10}{'target':>10}{'findings':>10}"
        print(" " * 6 + header)
        imports = 0.0
        for label, path, target in (("text", txt, TEXT_TARGET_S), ("PDF", pdf, PDF_TARGET_S)):
            r = measure(path, args.runs)
            imports = max(imports, r["imports"])
            print(
                f"{label:6}{r['read']:>7.2f}s{r['extract']:>8.2f}s{r['total']:>7.2f}s{f'< {target:g} s':>10}"
                f"{r['rss_mb']:>7.0f} MB{f'< {MEMORY_TARGET_MB:g} MB':>10}{int(r['findings']):>10}"
            )
        # Other layouts cost the extractor differently: action plans flattened cell by cell are
        # cut into cells by a search over the whole table (bot.extraction.cells).
        for label, sources in (
            ("held-out answers, text", heldout_texts()),
            ("action-plan tables only, text", heldout_texts("[af]_*.txt")),
            # Government decisions are read as decisions (bot.extraction.decisions): lists, reports joined.
            ("government decisions (real dev texts), text", real_decisions()),
        ):
            other = Path(folder) / "other.txt"
            other.write_text(build_answer(args.chars, sources=sources), encoding="utf-8")
            r = measure(other, args.runs)
            print(
                f"{label}: total {r['total']:.2f} s (target < {TEXT_TARGET_S:g} s), "
                f"{r['rss_mb']:.0f} MB, {int(r['findings'])} findings"
            )
        # The worst a scan can do: the same answer with every stop and line break lost, one run-on sentence.
        runon = Path(folder) / "runon.txt"
        runon.write_text(" ".join(text.replace(".", " ").split()), encoding="utf-8")
        r = measure(runon, args.runs)
        print(
            f"the same answer with no stops or line breaks (a run-on), text: total {r['total']:.2f} s "
            f"(target < {TEXT_TARGET_S:g} s), {r['rss_mb']:.0f} MB, {int(r['findings'])} findings"
        )
        print(f"(imports before the clock starts: {imports:.2f} s, not counted above)")
        print(f"peer pypdf extract_text over the PDF: {peer_pypdf(pdf, args.runs)}")
        print(f"peer pdftotext over the PDF:          {peer_pdftotext(pdf, args.runs)}")


if __name__ == "__main__":
    main()
