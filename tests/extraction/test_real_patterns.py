"""Real sentences for the kinds of failure issue 16 lists, read by hand before the extractor saw them.

The table is tests/data/extraction/patterns.json; its header says where the passages come from (real
government decisions and answers, and municipal audit answers) and how they were read. Each case gives the
extractor the passage alone, dated as its document, and asks for meaning: the commitments found match the
expected ones one to one by anchor, each with the expected deadlines (as a set), rhythm and owner.

A case the extractor does not meet yet carries `known_failure` and runs as xfail(strict=True): it is the
extractor's to-do list, and the day one starts passing the suite says so and its mark must go.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.extraction import Finding, extract

TABLE = Path(__file__).resolve().parents[1] / "data" / "extraction" / "patterns.json"
PATTERNS = (
    "1_not_ska",
    "2_leadin_heading",
    "3_dates_not_deadlines",
    "4_deadline_grammar",
    "5_not_commitments",
    "6_adjacent",
)
CASES: list[dict[str, Any]] = json.loads(TABLE.read_text(encoding="utf-8"))["cases"]


def fold(text: str) -> str:
    """Accents, case and spacing folded: an anchor still matches text whose OCR damage was repaired or not."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


@dataclass(frozen=True)
class Expected:
    anchors: tuple[str, ...]
    deadlines: frozenset[date]
    recurrence: bool
    owners: tuple[str, ...]  # accepted names; empty when the passage names no owner (not judged)
    optional: bool

    @classmethod
    def read(cls, raw: dict[str, Any]) -> Expected:
        anchor = raw["anchor"]
        owner = raw.get("owner")
        return cls(
            anchors=tuple(anchor) if isinstance(anchor, list) else (anchor,),
            deadlines=frozenset(date.fromisoformat(d) for d in raw["deadlines"]),
            recurrence=bool(raw["recurrence"]),
            owners=() if owner is None else tuple(owner) if isinstance(owner, list) else (owner,),
            optional=bool(raw.get("optional", False)),
        )

    def covers(self, passage: str, finding: Finding) -> bool:
        """The finding's text, or the passage at its span (the original, before any repair), holds an anchor."""
        start, end = finding.span
        where = (fold(passage[max(0, start) : max(0, end)]), fold(finding.text))
        return any(fold(anchor) in place for anchor in self.anchors for place in where)

    def differences(self, finding: Finding) -> list[str]:
        """How the finding differs from this expectation; a doubtful (optional) one is not judged."""
        if self.optional:
            return []
        found: list[str] = []
        if set(finding.deadlines) != self.deadlines:
            found.append(f"deadlines {sorted(map(str, finding.deadlines))} != {sorted(map(str, self.deadlines))}")
        if (finding.recurrence is not None) != self.recurrence:
            found.append(f"recurrence {finding.recurrence!r}, expected {'a rhythm' if self.recurrence else 'none'}")
        if self.owners and not any(fold(o) in fold(finding.owner or "") for o in self.owners):
            found.append(f"owner {finding.owner!r}, expected {self.owners[0]!r}")
        return found


def assignment(passage: str, found: Sequence[Finding], expected: Sequence[Expected]) -> dict[int, int] | None:
    """Each found commitment given its own expected one (anchor and meaning agreeing), every required one used.

    Small tables, so a plain search over the possibilities: a finding may cover several anchors (one span over
    two sentences), and only the pairing in which every finding's deadlines and owner agree counts.
    """
    options = [
        [e for e, exp in enumerate(expected) if exp.covers(passage, f) and not exp.differences(f)] for f in found
    ]

    def place(i: int, taken: dict[int, int]) -> dict[int, int] | None:
        if i == len(found):
            done = all(exp.optional or e in taken for e, exp in enumerate(expected))
            return dict(taken) if done else None
        for e in options[i]:
            if e not in taken:
                taken[e] = i
                result = place(i + 1, taken)
                del taken[e]
                if result is not None:
                    return result
        return None

    return place(0, {})


def report(found: Sequence[Finding], expected: Sequence[Expected], passage: str) -> str:
    """What was found against what was expected, for the failure message (the extractor's to-do)."""
    lines = ["found:"]
    for f in found:
        lines.append(
            f"  - {f.text[:90]!r} deadlines={[str(d) for d in f.deadlines]} rhythm={f.recurrence!r} owner={f.owner!r}"
        )
        for exp in expected:
            if exp.covers(passage, f) and exp.differences(f):
                lines.append(f"      against {exp.anchors[0]!r}: {'; '.join(exp.differences(f))}")
    lines.append("expected:")
    for exp in expected:
        optional = " (optional)" if exp.optional else ""
        lines.append(
            f"  - {exp.anchors[0]!r}{optional} deadlines={sorted(map(str, exp.deadlines))} "
            f"rhythm={exp.recurrence} owner={exp.owners[0] if exp.owners else None!r}"
        )
    return "\n".join(lines)


def _param(case: dict[str, Any]) -> Any:
    marks: list[pytest.MarkDecorator] = []
    if "known_failure" in case:
        marks.append(pytest.mark.xfail(strict=True, reason=case["known_failure"]))
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_real_pattern(case: dict[str, Any]) -> None:
    passage = case["text"]
    # The reference date is the document's date: given as both, as bench.quality runs the real documents.
    dated = date.fromisoformat(case["reference_date"])
    result = extract(passage, document_date=dated, today=dated)
    found = sorted((f for f in result.findings if f.kind == "commitment"), key=lambda f: f.span)
    expected = [Expected.read(raw) for raw in case["expect"]]
    if assignment(passage, found, expected) is None:
        pytest.fail(report(found, expected, passage), pytrace=False)


def test_the_table_holds_what_it_claims() -> None:
    """Every pattern has at least five real cases, each with its source, and every anchor lies in its passage."""
    assert len({c["id"] for c in CASES}) == len(CASES)
    per_pattern = Counter(c["pattern"] for c in CASES)
    assert set(per_pattern) == set(PATTERNS)
    assert min(per_pattern.values()) >= 5, per_pattern
    for case in CASES:
        source = case["source"]
        assert source["file"] and (source.get("address", "").startswith("https://") or source.get("where")), case["id"]
        date.fromisoformat(case["reference_date"])
        assert case.get("known_failure", "x").strip(), case["id"]  # a mark says why
        for exp in map(Expected.read, case["expect"]):
            assert any(fold(a) in fold(case["text"]) for a in exp.anchors), (case["id"], exp.anchors)
