"""Extraction's work grows with the document, not with its square (issue 14).

No clock: the tests count the work itself (comparisons of texts, lines run)
for a document and for the same kind of document two and four times as long.
What the second doubling adds may be a little over twice what the first added
(a fixed cost per part); a step that pairs every part with every other adds
four times as much.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from types import FrameType, SimpleNamespace
from typing import Any

import pytest
from rapidfuzz import fuzz

from bot.extraction import Extraction, extract
from bot.extraction import drafts as drafts_module
from bot.extraction import merge as merge_module
from bot.extraction import reader as reader_module
from bot.extraction.merge import word_overlap
from bot.extraction.model import COMMITMENT, Finding
from bot.language.deadline import Deadline
from bot.language.periods import find_deadlines

TODAY = date(2026, 1, 10)
_READER = reader_module.__file__


def _topic(k: int) -> str:
    """A made-up word for subject `k`, unlike the others (so no two subjects read as one word misspelled)."""
    rng = random.Random(k)
    return "".join(rng.choice("bcdfghjklmnprstv") + rng.choice("aeiouy") for _ in range(4))


def _recommended_and_promised(n: int) -> str:
    """`n` recommendations, each followed by the committee's promise about it, with no answer labels."""
    return "Svar på revisionsrapporten\n\n" + "\n\n".join(
        f"Revisorerna rekommenderar att nämnden reviderar rutinen för {_topic(k)}.\n\n"
        f"Nämnden kommer att revidera rutinen för {_topic(k)} senast den {k % 28 + 1} juni 2026."
        for k in range(n)
    )


def _action_plans(n: int) -> str:
    """`n` action-plan records (Rekommendation / Åtgärd / Ansvarig / Tidplan), each with prose after it."""
    prose = "\n".join(
        (
            "Uppföljningen görs skriftligt.",
            "Det sker vid sammanträdet.",
            "Nämnden informeras.",
            "Detta gäller alla enheter.",
            "En rapport lämnas.",
            "Rapporten är kort.",
            "Den publiceras.",
            "Den arkiveras.",
            "Den diarieförs.",
        )
    )
    return "Åtgärdsplan\n\n" + "\n\n".join(
        f"Rekommendation {k + 1}\nNämnden bör se över rutinen för {_topic(k)}.\n"
        f"Åtgärd\nRutinen för {_topic(k)} revideras och publiceras på intranätet.\n"
        f"Ansvarig\nEnhetschef\nTidplan\n{k % 28 + 1} maj 2026\n\n{prose}"
        for k in range(n)
    )


def _commitment_topics(found: Extraction, n: int) -> dict[str, str]:
    """Each commitment's subject, and the subject of the recommendation it answers."""
    topics = {_topic(k) for k in range(n)}

    def topic_of(text: str) -> str:
        return next(w for w in text.rstrip(".").split() if w in topics)

    recs = {f.span: f for f in found.findings if f.kind == "recommendation"}
    return {
        topic_of(f.text): topic_of(recs[f.answers].text)
        for f in found.findings
        if f.kind == "commitment" and f.answers in recs
    }


def test_commitments_are_compared_with_a_bounded_number_of_recommendations(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0

    def counted(a: str, b: str) -> float:
        nonlocal calls
        calls += 1
        return word_overlap(a, b)

    monkeypatch.setattr(reader_module, "word_overlap", counted)
    comparisons: dict[int, int] = {}
    for n in (60, 120, 240):
        calls = 0
        found = extract(_recommended_and_promised(n), today=TODAY)
        comparisons[n] = calls
        # Still each promise answers the recommendation about its own subject.
        links = _commitment_topics(found, n)
        assert len(links) == n
        assert all(topic == rec_topic for topic, rec_topic in links.items())
    assert comparisons[60] > 0
    assert _grows_linearly(comparisons), comparisons


def _grows_linearly(work: dict[int, int]) -> bool:
    """For sizes n, 2n, 4n: the second doubling adds at most a little over twice what the first added."""
    n, twice, four_times = sorted(work)
    assert twice == 2 * n and four_times == 4 * n
    return work[four_times] - work[twice] <= 2.2 * (work[twice] - work[n])


def _lines_run(work: Callable[[], Any]) -> int:
    """How many lines of the reader (bot.extraction.reader) `work` runs: a count, the same on every machine."""
    count = 0

    def in_frame(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return in_frame

    def on_call(frame: FrameType, event: str, arg: object) -> Any:
        return in_frame if frame.f_code.co_filename == _READER else None

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


def test_the_reader_skips_many_action_plans_in_proportion_to_their_number() -> None:
    # Every unit asks whether a table holds it; asking every table each time costs units × tables.
    lines = {n: _lines_run(partial(extract, _action_plans(n), today=TODAY)) for n in (40, 80, 160)}
    found = extract(_action_plans(40), today=TODAY)
    assert sum(1 for f in found.findings if f.kind == "commitment" and f.deadlines) == 40
    assert _grows_linearly(lines), lines


def _listed_twice(n: int) -> list[Finding]:
    """`n` parallel promises of one long list, each stated in a summary and again, OCR-damaged, in the body."""
    summary, body = [], []
    due = date(2026, 12, 31)
    for k in range(n):
        said = f"Nämnden kommer att under 2026 revidera rutinen för {_topic(k)} senast den 31 december 2026."
        summary.append(Finding(COMMITMENT, said, (100 * k, 100 * k + 90), (due,), None, None, None, None, 0.8))
        damaged = said.replace("rutinen", "rutlnen")
        at = 100_000 + 100 * k
        body.append(Finding(COMMITMENT, damaged, (at, at + 90), (due,), None, None, None, None, 0.8))
    return summary + body


def test_duplicates_are_merged_with_work_in_proportion_to_the_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each finding weighed against every other of similar length costs findings × findings.
    calls = 0

    def counted(scorer: Callable[..., float]) -> Callable[..., float]:
        def count(a: str, b: str, **kwargs: Any) -> float:
            nonlocal calls
            calls += 1
            return scorer(a, b, **kwargs)

        return count

    monkeypatch.setattr(
        merge_module,
        "fuzz",
        SimpleNamespace(ratio=counted(fuzz.ratio), token_set_ratio=counted(fuzz.token_set_ratio)),
    )
    monkeypatch.setattr(merge_module, "word_overlap", counted(word_overlap))
    comparisons: dict[int, int] = {}
    for n in (70, 140, 280):
        calls = 0
        merged, moved = merge_module.dedupe(_listed_twice(n))
        comparisons[n] = calls
        # Each promise is still one finding, and only its own restatement was merged into it.
        assert len(merged) == n and len(moved) == n
        assert all(abs(old[0] - new[0]) == 100_000 for old, new in moved.items())
    assert comparisons[70] > 0
    assert _grows_linearly(comparisons), comparisons


def test_an_answer_pasted_twice_has_its_time_phrases_searched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The deadline search is the largest cost per paragraph; a repeated paragraph says what it said before.
    searched: list[str] = []

    def counted(text: str, reference: date) -> list[Deadline]:
        searched.append(text)
        return find_deadlines(text, reference)

    monkeypatch.setattr(drafts_module, "find_deadlines", counted)
    once = _recommended_and_promised(20)
    found_once = extract(once, today=TODAY)
    searched_once = len(searched)
    searched.clear()
    found_twice = extract(once + "\n\n" + once, today=TODAY)
    assert searched_once > 0
    assert len(searched) == searched_once
    # The same promises, with the same deadlines, come out of both.
    assert {(f.text, f.deadlines) for f in found_twice.findings} == {(f.text, f.deadlines) for f in found_once.findings}
