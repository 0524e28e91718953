"""How far two careful readers agree: a second reader's gold scored against the first, like the extractor.

`tests/data/extraction/real/second_reader/` holds gold written for 15 of the real texts by a reader who saw
neither the extractor nor the first gold. Each of that reader's required commitments becomes a
"prediction" spanning the sentence its anchor is in, with its deadlines and owner; `bench.quality` then
scores it against the first reader's gold exactly as it scores the extractor. The figures are the
ceiling a reader reaches: `python -m bench.extract_agreement`.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

from bench.quality import Predicted, Score, score, total
from bench.quality_annotations import REAL_DIR, REAL_PARTS, Annotated, load_real
from bot.extraction.sentences import split_sentences

SECOND = REAL_DIR / "second_reader"


def _sentence_of(text: str, anchor: str) -> tuple[int, int] | None:
    """The span of the sentence (within its line) that holds `anchor`, whitespace and case forgiven."""
    m = re.search(r"\s+".join(map(re.escape, anchor.split())), text, re.IGNORECASE)
    if m is None:
        return None
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.start())
    end = len(text) if end < 0 else end
    for a, b in split_sentences(text[start:end]):
        if start + a <= m.start() <= start + b:
            return start + a, start + b
    return start, end


def predictions(path: Path, doc: Annotated) -> list[Predicted]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for finding in gold["findings"]:
        span = _sentence_of(doc.text, finding["anchor"])
        if finding.get("optional") or span is None:
            continue
        deadlines = tuple(date.fromisoformat(d) for d in finding["deadlines"])
        rhythm = "FREQ=YEARLY" if finding.get("recurrence") else None
        out.append(Predicted("commitment", span, deadlines, finding.get("owner"), rhythm))
    return out


def main() -> int:
    docs = {d.name: d for part in REAL_PARTS for d in load_real(part)}
    scores: list[tuple[str, Score]] = []
    for path in sorted(SECOND.glob("*.json")):
        doc = docs[path.stem]
        scores.append((doc.group, score(doc, predictions(path, doc))))
    print(f"A second reader's gold for {len(scores)} texts, scored against the first reader's:")
    for genre in [*sorted({g for g, _ in scores}), "total"]:
        t = total(s for g, s in scores if genre in (g, "total"))
        print(
            f"  {genre:<6} found {t.commitments_found}/{t.commitments_expected}, dated right "
            f"{t.dated_right}/{t.dated_expected}, real {t.commitments_real}/{t.commitments_reported}, "
            f"owners {t.owners_right}/{t.commitments_found}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
