"""Reading and extracting a 100-page audit answer, as text and as PDF.

    python -m bench.extract_speed [--chars 300000] [--runs 5]

Builds an answer of about 300,000 characters by repeating the samples in
``../shared/samples`` with varied years, numbers and names, writes it as a
text file and as a 100-page PDF, and measures in a fresh process each time:
``read_path`` + ``extract`` (median of the runs) and the process's peak
memory. Peers beside our figures: pypdf's ``extract_text`` and poppler's
``pdftotext`` over the same PDF (reading only), where installed. Figures,
not assertions: this is not a test.
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
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
TEXT_TARGET_S = 2.0
PDF_TARGET_S = 10.0
MEMORY_TARGET_MB = 300.0
PAGES = 100

# Core PDF fonts are Latin-1: the few typographic characters outside it get their plain forms.
_LATIN1 = str.maketrans(
    {"”": '"', "“": '"', "’": "'", "‘": "'", "–": "-", "—": "-", "…": "...", "•": "-", "\uf0b7": "-"}
)

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

_PEER_PYPDF = """
import sys, time
from pypdf import PdfReader
start = time.perf_counter()
text = "\\f".join(page.extract_text() or "" for page in PdfReader(sys.argv[1]).pages)
print(time.perf_counter() - start, len(text))
"""


def sample_texts() -> list[str]:
    files = sorted(p for p in SAMPLES.glob("*.txt") if p.name != "README.md")
    if not files:
        raise SystemExit(f"no samples in {SAMPLES}: the benchmark builds its answer from them")
    return [p.read_text(encoding="utf-8") for p in files]


def vary(text: str, rng: random.Random, round_no: int) -> str:
    """The same kind of text with other years, numbers and place names, so no block repeats verbatim."""
    shift = round_no % 7
    text = re.sub(r"\b20(1\d|2\d)\b", lambda m: str(2000 + (int(m.group(1)) + shift - 10) % 20 + 10), text)
    text = re.sub(r"\b(\d{1,3})\b", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), text)
    names = ["Tyresö", "Leksand", "Kalmar", "Umeå", "Gävle", "Borås", "Lund"]
    return re.sub(r"Tyres[oö]|Leksands?", lambda _m: rng.choice(names), text)


def build_answer(chars: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    samples = sample_texts()
    parts: list[str] = []
    size = 0
    round_no = 0
    while size < chars:
        for sample in samples:
            paragraphs = sample.split("\n\n")
            # Keep the order within a sample (answers follow recommendations) but drop a paragraph now and then.
            kept = [p for p in paragraphs if rng.random() > 0.08]
            block = vary("\n\n".join(kept), rng, round_no)
            parts.append(block)
            size += len(block)
        round_no += 1
    return "\n\n".join(parts)[:chars]


def write_pdf(text: str, path: Path, pages: int = PAGES) -> None:
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
        [sys.executable, "-c", _CHILD, str(path)], check=True, capture_output=True, text=True, cwd=Path.cwd()
    )
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
        return "not installed (pip install pypdf)"
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
        return "not installed (poppler-utils)"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([tool, str(path), "-"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return f"{statistics.median(times):.2f} s (reading only, whole process)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = build_answer(args.chars)
    with tempfile.TemporaryDirectory() as folder:
        txt, pdf = Path(folder) / "svar.txt", Path(folder) / "svar.pdf"
        txt.write_text(text, encoding="utf-8")
        write_pdf(text, pdf)
        print(f"A {PAGES}-page answer of {len(text):,} characters built from {SAMPLES.name}/; {args.runs} runs each")
        print(f"{'':14}{'read':>8}{'extract':>9}{'total':>8}{'target':>9}{'peak RSS':>10}{'target':>9}{'findings':>10}")
        for label, path, target in (("text", txt, TEXT_TARGET_S), ("PDF", pdf, PDF_TARGET_S)):
            r = measure(path, args.runs)
            print(
                f"{label:14}{r['read']:>7.2f}s{r['extract']:>8.2f}s{r['total']:>7.2f}s{'< ' + str(target) + ' s':>9}"
                f"{r['rss_mb']:>7.0f} MB{'< ' + str(int(MEMORY_TARGET_MB)) + ' MB':>9}{int(r['findings']):>10}"
            )
        print(f"(imports before the clock starts: {r['imports']:.2f} s, not counted above)")
        print(f"peer pypdf extract_text over the PDF: {peer_pypdf(pdf, args.runs)}")
        print(f"peer pdftotext over the PDF:          {peer_pdftotext(pdf, args.runs)}")


if __name__ == "__main__":
    main()
