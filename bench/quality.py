"""Extraction quality: predicted findings matched to the expected ones, and scores.

Shared by `bench.extract_quality` (prints the figures) and
`tests/extraction/test_quality.py` (asserts the issue's targets), so both judge
the extractor the same way. The expected findings and their anchors are read by
`bench.quality_annotations`; the deadline phrases alone are measured by
`bench.quality_phrases`.

A predicted finding matches an expected one of the same kind when one of the
expected finding's anchors lies inside the predicted span's text (whitespace
collapsed, case folded). Matching is one-to-one (maximum bipartite matching,
required findings first); a prediction that only covers findings already
matched is a duplicate and counts as false. Optional findings (borderline
calls) count neither as missed nor as false. A rhythm with an end ("årligen från och med 2024
till och med 2028": first date and a rule with UNTIL) is compared as the dates it gives, as the gold
lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from dateutil.rrule import rrulestr

from bench.quality_annotations import KINDS, Annotated, Expected, collapse

# The issue's targets ("Quality, measured").
DATED_RECALL_TARGET = 0.95
PRECISION_TARGET = 0.85


# --------------------------------------------------------------------------- predictions


@dataclass(frozen=True)
class Predicted:
    """What the scorer needs of a finding (`bot.extraction.Finding` has these attributes)."""

    kind: str
    span: tuple[int, int]
    deadlines: tuple[date, ...] = ()
    owner: str | None = None
    recurrence: str | None = None
    answers: tuple[int, int] | None = None
    text: str = ""


def predicted_from(finding: Any) -> Predicted:
    span = tuple(finding.span)
    answers = getattr(finding, "answers", None)
    return Predicted(
        kind=str(finding.kind),
        span=(int(span[0]), int(span[1])),
        deadlines=tuple(finding.deadlines),
        owner=finding.owner,
        recurrence=finding.recurrence,
        answers=(int(answers[0]), int(answers[1])) if answers is not None else None,
        text=str(getattr(finding, "text", "")),
    )


def run_extractor(doc: Annotated) -> list[Predicted]:
    """The real extractor on one document, with its reference date as document date and today."""
    from bot.extraction import extract

    result = extract(doc.text, document_date=doc.reference_date, today=doc.reference_date)
    return [predicted_from(f) for f in result.findings]


_MAX_OCCURRENCES = 60


def dates_given(pred: Predicted) -> tuple[date, ...]:
    """The predicted deadlines, a rhythm that ends (UNTIL) unrolled from its first date to its end."""
    own = tuple(sorted(pred.deadlines))
    if not own or not pred.recurrence or "UNTIL=" not in pred.recurrence:
        return own
    start = datetime.combine(own[0], datetime.min.time())
    try:
        rule = rrulestr(pred.recurrence, dtstart=start)
    except (ValueError, TypeError):
        return own
    unrolled = {d.date() for _, d in zip(range(_MAX_OCCURRENCES), rule, strict=False)}
    return tuple(sorted(unrolled | set(own)))


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Matching:
    pairs: tuple[tuple[int, int], ...]  # (predicted index, expected index)
    duplicates: tuple[int, ...]  # predicted indexes covering only findings matched by others
    unmatched: tuple[int, ...]  # predicted indexes that cover no expected finding of their kind


def covers(text: str, pred: Predicted, exp: Expected) -> bool:
    start, end = pred.span
    inside = collapse(text[max(0, start) : max(0, end)])
    return bool(inside) and any(collapse(anchor) in inside for anchor in exp.anchors)


def _max_matching(candidates: dict[int, list[int]], taken: dict[int, int]) -> None:
    """Kuhn's augmenting paths: grows ``taken`` (expected → predicted) to a maximum matching."""

    def augment(p: int, seen: set[int]) -> bool:
        for e in candidates[p]:
            if e in seen:
                continue
            seen.add(e)
            if e not in taken or augment(taken[e], seen):
                taken[e] = p
                return True
        return False

    for p in sorted(candidates):
        if p not in taken.values():
            augment(p, set())


def match(text: str, expected: Sequence[Expected], predicted: Sequence[Predicted]) -> Matching:
    """One-to-one matching of predictions to expected findings of the same kind."""
    pairs: list[tuple[int, int]] = []
    duplicates: list[int] = []
    unmatched: list[int] = []
    for kind in KINDS:
        preds = [i for i, p in enumerate(predicted) if p.kind == kind]
        covered = {
            i: [j for j, e in enumerate(expected) if e.kind == kind and covers(text, predicted[i], e)] for i in preds
        }
        # Required findings first, so a borderline finding never takes a prediction a real one needs.
        required: dict[int, int] = {}
        _max_matching({i: [j for j in js if not expected[j].optional] for i, js in covered.items()}, required)
        used = set(required.values())
        optional: dict[int, int] = {}
        _max_matching(
            {i: [j for j in js if expected[j].optional] for i, js in covered.items() if i not in used}, optional
        )
        taken = {**required, **optional}
        pairs.extend((p, e) for e, p in taken.items())
        matched_preds = set(taken.values())
        for i in preds:
            if i in matched_preds:
                continue
            (duplicates if covered[i] else unmatched).append(i)
    return Matching(tuple(sorted(pairs)), tuple(sorted(duplicates)), tuple(sorted(unmatched)))


# --------------------------------------------------------------------------- scores


def normalise_owner(owner: str | None) -> str | None:
    return collapse(owner) if owner is not None and owner.strip() else None


_SHORT_FORM = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[^()]+)\)\s*$")


def _names(owner: str | None) -> set[str | None]:
    """An owner's names: as written, and for "Statens jordbruksverk (Jordbruksverket)" each of its forms."""
    m = _SHORT_FORM.match(owner or "")
    forms = {owner} | ({m["long"], m["short"]} if m else set())
    return {normalise_owner(f) for f in forms}


def owner_right(exp: Expected, owner: str | None) -> bool:
    """The owner named right: the same name, or the same agency in its long or short form."""
    expected = set().union(*(_names(o) for o in exp.owners)) if exp.owners else {None}
    return bool(_names(owner) & expected) if owner else None in expected


def recurrence_right(exp: Expected, recurrence: str | None) -> bool | None:
    """None when the annotation does not judge the rhythm."""
    if exp.recurrence is None:
        return None
    if isinstance(exp.recurrence, str):
        return recurrence == exp.recurrence
    return (recurrence is not None) == exp.recurrence


@dataclass(frozen=True)
class Issue:
    """A line for the engineers: what went wrong where."""

    document: str
    what: str  # "missed", "false", "duplicate", "deadline", "owner"
    detail: str


@dataclass
class Score:
    """Counts over one or more documents; add scores to aggregate."""

    documents: int = 0
    commitments_expected: int = 0
    commitments_found: int = 0
    commitments_reported: int = 0  # predicted commitments, those matching an optional finding left out
    commitments_real: int = 0
    dated_expected: int = 0
    dated_found: int = 0
    dated_right: int = 0
    owners_right: int = 0
    recurrence_judged: int = 0
    recurrence_right: int = 0
    links_judged: int = 0
    links_right: int = 0
    recommendations_expected: int = 0
    recommendations_found: int = 0
    recommendations_reported: int = 0
    recommendations_real: int = 0
    issues: list[Issue] = field(default_factory=list)

    def __add__(self, other: Score) -> Score:
        counts = {
            name: getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__ if name != "issues"
        }
        return Score(**counts, issues=[*self.issues, *other.issues])

    @property
    def commitment_recall(self) -> float | None:
        return ratio(self.commitments_found, self.commitments_expected)

    @property
    def dated_recall(self) -> float | None:
        """Dated commitments found with the right deadline (the issue's first target)."""
        return ratio(self.dated_right, self.dated_expected)

    @property
    def commitment_precision(self) -> float | None:
        """Reported commitments that are real (the issue's second target)."""
        return ratio(self.commitments_real, self.commitments_reported)

    @property
    def deadline_accuracy(self) -> float | None:
        return ratio(self.dated_right, self.dated_found)

    @property
    def owner_accuracy(self) -> float | None:
        return ratio(self.owners_right, self.commitments_found)

    @property
    def recommendation_recall(self) -> float | None:
        return ratio(self.recommendations_found, self.recommendations_expected)

    @property
    def recommendation_precision(self) -> float | None:
        return ratio(self.recommendations_real, self.recommendations_reported)

    def targets_met(self) -> bool:
        dated = self.dated_recall
        precision = self.commitment_precision
        return (dated is None or dated >= DATED_RECALL_TARGET) and (precision is None or precision >= PRECISION_TARGET)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _dates(values: Iterable[date]) -> str:
    return ", ".join(d.isoformat() for d in values) or "none"


def score(doc: Annotated, predicted: Sequence[Predicted]) -> Score:
    """Score one document's predictions against its expected findings."""
    m = match(doc.text, doc.expected, predicted)
    s = Score(documents=1)
    issues = s.issues
    matched = {e: p for p, e in m.pairs}

    def where(p: Predicted) -> str:
        return _short(doc.text[p.span[0] : p.span[1]] or p.text)

    for j, e in enumerate(doc.expected):
        if e.optional:
            continue
        p_index = matched.get(j)
        found = p_index is not None
        pred = predicted[p_index] if p_index is not None else None
        if e.kind == "recommendation":
            s.recommendations_expected += 1
            s.recommendations_found += found
            if pred is None:
                issues.append(Issue(doc.name, "missed", f"recommendation {e.id}: “{e.anchor}”"))
            continue
        s.commitments_expected += 1
        s.dated_expected += e.dated
        if pred is None:
            deadline = f" (deadline {_dates(e.deadlines)})" if e.deadlines else ""
            issues.append(Issue(doc.name, "missed", f"commitment {e.id}: “{e.anchor}”{deadline}"))
            continue
        s.commitments_found += 1
        if e.dated:
            s.dated_found += 1
            if dates_given(pred) == e.deadlines:
                s.dated_right += 1
            else:
                issues.append(
                    Issue(
                        doc.name,
                        "deadline",
                        f"{e.id} “{e.deadline_phrase}”: expected {_dates(e.deadlines)}, got {_dates(pred.deadlines)}",
                    )
                )
        if owner_right(e, pred.owner):
            s.owners_right += 1
        else:
            issues.append(Issue(doc.name, "owner", f"{e.id}: expected {e.owners[0]!r}, got {pred.owner!r}"))
        rhythm = recurrence_right(e, pred.recurrence)
        if rhythm is not None:
            s.recurrence_judged += 1
            s.recurrence_right += rhythm
        if e.answers is not None:
            s.links_judged += 1
            link = pred.answers
            s.links_right += link is not None and collapse(e.answers) in collapse(doc.text[link[0] : link[1]])

    optional_matched = {p for p, e in m.pairs if doc.expected[e].optional}
    required_matched = {p for p, e in m.pairs if not doc.expected[e].optional}
    # Required findings of the other kind, to say when a false finding is a kind mix-up.
    other_kind = {kind: [e for e in doc.expected if e.kind != kind and not e.optional] for kind in KINDS}
    for i, p in enumerate(predicted):
        if i in optional_matched or p.kind not in KINDS:
            continue
        real = i in required_matched
        if p.kind == "commitment":
            s.commitments_reported += 1
            s.commitments_real += real
        else:
            s.recommendations_reported += 1
            s.recommendations_real += real
        if real:
            continue
        if i in m.duplicates:
            issues.append(Issue(doc.name, "duplicate", f"{p.kind} again: “{where(p)}”"))
            continue
        other = next((e for e in other_kind[p.kind] if covers(doc.text, p, e)), None)
        hint = f" (expected as {other.kind} {other.id})" if other is not None else ""
        issues.append(Issue(doc.name, "false", f"{p.kind}{hint}: “{where(p)}”"))
    return s


def score_documents(
    docs: Iterable[Annotated], predict: Callable[[Annotated], Sequence[Predicted]] = run_extractor
) -> dict[str, Score]:
    """Scores per document name."""
    return {doc.name: score(doc, predict(doc)) for doc in docs}


def total(scores: Iterable[Score]) -> Score:
    out = Score()
    for s in scores:
        out = out + s
    return out
