"""Small helpers for the extraction tests: documents written for the tests, never copied from samples."""

from __future__ import annotations

from datetime import date

from bot.extraction import Extraction, Finding, extract
from bot.extraction.classify import commitment_cue
from bot.language.normalize import match_text
from tests.conftest import SAMPLES

TODAY = date(2024, 3, 1)


def read_sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def cue_reason(sentence: str) -> str | None:
    """Why this one sentence promises (the cue's reason), or None when it does not."""
    found = commitment_cue(match_text(sentence).folded)
    return found.reason if found else None


def run(text: str, *, today: date = TODAY, document_date: date | None = None) -> Extraction:
    return extract(text, today=today, document_date=document_date)


def commitments(ex: Extraction) -> list[Finding]:
    return sorted((f for f in ex.findings if f.kind == "commitment"), key=lambda f: f.span)


def recommendations(ex: Extraction) -> list[Finding]:
    return sorted((f for f in ex.findings if f.kind == "recommendation"), key=lambda f: f.span)


def answered(body: str) -> str:
    """`body` as the committee's answer to one recommendation."""
    return f"Rekommendation 1\nNämnden bör säkerställa att rutinerna är kända.\n\nNämndens svar:\n{body}\n"


def only_commitment(text: str, **kwargs: date) -> Finding:
    found = commitments(run(text, **kwargs))
    assert len(found) == 1, [f.text for f in found]
    return found[0]
