"""Extraction quality: the deadline phrases of the dated commitments, read by our grammar and by dateparser.

The phrases come from the annotations (`bench.quality_annotations`); each is
parsed alone with its document's reference date, and is right when the dates
are the annotated ones.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bench.quality_annotations import Annotated


@dataclass(frozen=True)
class PhraseCase:
    document: str
    id: str
    phrase: str
    reference_date: date
    expected: tuple[date, ...]


def phrase_cases(docs: Iterable[Annotated]) -> list[PhraseCase]:
    """The deadline phrases of all dated commitments (the set both parsers are measured on)."""
    return [
        PhraseCase(doc.name, e.id, e.deadline_phrase, doc.reference_date, e.deadlines)
        for doc in docs
        for e in doc.expected
        if e.dated and e.deadline_phrase
    ]


def grammar_dates(case: PhraseCase) -> list[tuple[date, ...]]:
    """Our Swedish grammar on the phrase alone: the dates of each deadline it finds."""
    from bot.language.periods import find_deadlines

    return [d.dates for d in find_deadlines(case.phrase, case.reference_date) if d.dates]


def grammar_right(case: PhraseCase) -> bool:
    return any(dates == case.expected for dates in grammar_dates(case))


def load_dateparser_search() -> Callable[..., Any] | None:
    """dateparser's `search_dates`, or None when the optional `bench` extra is not installed."""
    try:
        module = importlib.import_module("dateparser.search")
    except ImportError:
        return None
    search: Callable[..., Any] = module.search_dates
    return search


def dateparser_dates(case: PhraseCase, search: Callable[..., Any]) -> list[date]:
    """dateparser on the phrase, given the same reference date; a period is read as its last day."""
    settings = {
        "RELATIVE_BASE": datetime.combine(case.reference_date, datetime.min.time()),
        "PREFER_DATES_FROM": "future",
        "PREFER_DAY_OF_MONTH": "last",
    }
    found = search(case.phrase, languages=["sv"], settings=settings) or []
    return [moment.date() for _, moment in found]


def dateparser_right(case: PhraseCase, search: Callable[..., Any]) -> bool:
    """Right when every expected deadline is among the dates dateparser returns."""
    returned = set(dateparser_dates(case, search))
    return all(d in returned for d in case.expected)
