"""Extraction quality: the hand-written expected findings, located in their documents by anchors.

Annotations live in `tests/data/extraction/`: `expected/<stem>.json` for the
real samples (their text is read from `tests/data/samples/<stem>.txt`, never
copied) and `heldout/<stem>.json` beside `heldout/<stem>.txt` for documents
written for this test set. Each expected finding is located by an *anchor*: a
short exact substring of the document that lies inside the finding.
`bench.quality` matches predictions to them and scores the extractor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "extraction"
EXPECTED_DIR = DATA / "expected"
HELDOUT_DIR = DATA / "heldout"
# Real government decisions and answers with hand-written gold, split into dev and untouched (its README).
REAL_DIR = DATA / "real"
REAL_PARTS = ("dev", "untouched", "check")
SAMPLES_DIR = ROOT / "tests" / "data" / "samples"

KINDS = ("commitment", "recommendation")
MAX_ANCHOR = 60


@dataclass(frozen=True)
class Expected:
    """One finding a careful reader expects in a document."""

    id: str
    kind: str
    anchors: tuple[str, ...]  # the main anchor first, then alternatives (a finding stated twice)
    deadlines: tuple[date, ...]
    deadline_phrase: str | None
    recurrence: bool | str | None  # True/False, an RRULE, or None: not judged
    owners: tuple[str | None, ...]  # accepted owners, the canonical one first
    answers: str | None  # anchor of the recommendation a commitment answers
    optional: bool
    notes: str = ""

    @property
    def anchor(self) -> str:
        return self.anchors[0]

    @property
    def dated(self) -> bool:
        return self.kind == "commitment" and bool(self.deadlines) and not self.optional


@dataclass(frozen=True)
class Annotated:
    """A document with its expected findings."""

    name: str  # file stem
    group: str  # "samples" or "heldout"
    text: str
    reference_date: date
    expected: tuple[Expected, ...]


def _expected_from_json(raw: dict[str, Any]) -> Expected:
    owner = raw.get("owner")
    owners: list[str | None] = [owner]
    owners.extend(o for o in raw.get("owner_also", []) if o not in owners)
    recurrence = raw.get("recurrence", False)
    if not isinstance(recurrence, bool | str | None):
        raise ValueError(f"{raw.get('id')}: recurrence must be true, false, null or an RRULE")
    return Expected(
        id=str(raw["id"]),
        kind=str(raw["kind"]),
        anchors=(str(raw["anchor"]), *(str(a) for a in raw.get("also_anchors", []))),
        deadlines=tuple(date.fromisoformat(d) for d in raw.get("deadlines", [])),
        deadline_phrase=raw.get("deadline_phrase"),
        recurrence=recurrence,
        owners=tuple(owners),
        answers=raw.get("answers"),
        optional=bool(raw.get("optional", False)),
        notes=str(raw.get("notes", "")),
    )


def load_annotation(json_path: Path, text_path: Path, group: str) -> Annotated:
    raw = json.loads(json_path.read_text(encoding="utf-8"))
    return Annotated(
        name=json_path.stem,
        group=group,
        text=text_path.read_text(encoding="utf-8"),
        reference_date=date.fromisoformat(raw["reference_date"]),
        expected=tuple(_expected_from_json(f) for f in raw["findings"]),
    )


def load_documents(
    *, samples_dir: Path = SAMPLES_DIR, heldout_dir: Path = HELDOUT_DIR
) -> tuple[list[Annotated], list[str]]:
    """All annotated documents (samples first), and the sample files that are not on this machine."""
    docs: list[Annotated] = []
    missing: list[str] = []
    for json_path in sorted(EXPECTED_DIR.glob("*.json")):
        text_path = samples_dir / f"{json_path.stem}.txt"
        if not text_path.exists():
            missing.append(text_path.name)
            continue
        docs.append(load_annotation(json_path, text_path, "samples"))
    for json_path in sorted(heldout_dir.glob("*.json")):
        docs.append(load_annotation(json_path, json_path.with_suffix(".txt"), "heldout"))
    return docs, missing


def load_real(part: str, real_dir: Path = REAL_DIR) -> list[Annotated]:
    """The real documents of one part of the split (`dev` or `untouched`); each one's group is its genre."""
    if part not in REAL_PARTS:
        raise ValueError(f"part must be one of {REAL_PARTS}, not {part!r}")
    stems = json.loads((real_dir / "split.json").read_text(encoding="utf-8"))[part]
    docs = []
    for stem in stems:
        json_path = real_dir / f"{stem}.json"
        genre = str(json.loads(json_path.read_text(encoding="utf-8"))["genre"])
        docs.append(load_annotation(json_path, json_path.with_suffix(".txt"), genre))
    return docs


def load_folder(folder: Path) -> list[Annotated]:
    """Annotated documents of any folder: each `<stem>.json` (the gold, in the format of `heldout/`) beside
    its `<stem>.txt`; the group is the JSON's `genre` ("egna" when it names none). How an office measures
    the extractor on its own answers, and how the team measures it on texts it may not copy here."""
    docs = []
    for json_path in sorted(folder.glob("*.json")):
        text_path = json_path.with_suffix(".txt")
        if not text_path.exists():
            continue
        genre = str(json.loads(json_path.read_text(encoding="utf-8")).get("genre") or "egna")
        docs.append(load_annotation(json_path, text_path, genre))
    return docs


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces and case folded: how anchors are compared."""
    return " ".join(text.split()).casefold()


def annotation_problems(doc: Annotated) -> list[str]:
    """What is wrong with an annotation: anchors not found once in the text, bad kinds, dangling links."""
    problems: list[str] = []
    text = collapse(doc.text)
    ids: set[str] = set()
    recommendation_anchors = {a for e in doc.expected if e.kind == "recommendation" for a in e.anchors}
    for e in doc.expected:
        where = f"{doc.name} {e.id}"
        if e.id in ids:
            problems.append(f"{where}: id used twice")
        ids.add(e.id)
        if e.kind not in KINDS:
            problems.append(f"{where}: unknown kind {e.kind!r}")
        for anchor in e.anchors:
            if len(anchor) > MAX_ANCHOR:
                problems.append(f"{where}: anchor longer than {MAX_ANCHOR} characters: {anchor!r}")
            count = text.count(collapse(anchor))
            if count != 1:
                problems.append(f"{where}: anchor {anchor!r} occurs {count} times")
        if list(e.deadlines) != sorted(e.deadlines):
            problems.append(f"{where}: deadlines not earliest first")
        if e.dated and not e.deadline_phrase:
            problems.append(f"{where}: a dated commitment needs its deadline_phrase")
        if e.kind == "recommendation" and (e.deadlines or e.answers):
            problems.append(f"{where}: a recommendation has no deadline and answers nothing")
        if e.answers is not None and e.answers not in recommendation_anchors:
            problems.append(f"{where}: answers {e.answers!r}, which is no recommendation's anchor")
    return problems
