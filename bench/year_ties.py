"""Commitments tied to the committee's year in the annotated documents: dated today, against with a plan.

`bench.extract_quality` prints these lines after its own figures (which this module does not touch).
A commitment is *tied* when its deadline or rhythm phrase names a meeting or an årshjul event
(`bot.services.import_year.tie_of`, what the import uses). *Today* is what the import did before it
knew the committee's plan: the grammar's own date (a guess such as 31 December for "sista
sammanträdet"), or a rhythm, or nothing. *With a plan* is what the import does now, with a plausible
plan for every document's committee: 10 meetings a year (the third Thursday of every month but
January and July) in the years around the document, and the årshjul's unconfirmed defaults.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from bench.quality_annotations import Annotated
from bot.language.committee_year import YearPlan
from bot.services.import_ties import in_plan

PLAN_LABEL = (
    "plan: 10 meetings a year (3rd Thursday of Feb–Jun and Aug–Dec), the document's year −1 … +3, "
    "årshjul defaults (unconfirmed)"
)


def _third_thursday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 14)


def plausible_plan(reference: date) -> YearPlan:
    """Ten meetings a year around the reference date; the årshjul left to its defaults."""
    months = (2, 3, 4, 5, 6, 8, 9, 10, 11, 12)
    years = range(reference.year - 1, reference.year + 4)
    return YearPlan(meetings=tuple(_third_thursday(y, m) for y in years for m in months))


@dataclass
class TieCount:
    tied: int = 0
    dated_today: int = 0  # the grammar's date, a guess at the meeting
    rhythm_today: int = 0  # no date, but a rhythm
    dated_in_plan: int = 0  # a day in the plan (a rhythm's first day included)
    at_meeting: int = 0  # of those, the day of a meeting
    waiting: int = 0  # the plan lacks what the phrase names


def count(docs: Iterable[Annotated]) -> TieCount:
    """Run the extractor on each document and count its commitments tied to the committee's year."""
    from bot.extraction import extract

    out = TieCount()
    for doc in docs:
        result = extract(doc.text, document_date=doc.reference_date, today=doc.reference_date)
        plan = plausible_plan(doc.reference_date)
        for finding in result.commitments:
            dated = in_plan(finding.to_json(), plan, doc.reference_date)
            if dated is None:
                continue
            out.tied += 1
            if finding.deadlines:
                out.dated_today += 1
            elif finding.recurrence:
                out.rhythm_today += 1
            if dated.day is not None:
                out.dated_in_plan += 1
                out.at_meeting += dated.meeting is not None
            else:
                out.waiting += 1
    return out


def report(name: str, docs: list[Annotated]) -> list[str]:
    found = count(docs)
    return [
        f"Commitments tied to the committee's year ({name}, {len(docs)} documents): {found.tied}",
        f"  today, no plan: dated (the grammar's guess) {found.dated_today}, rhythm only {found.rhythm_today}, "
        f"nothing {found.tied - found.dated_today - found.rhythm_today}",
        f"  with a plan: dated {found.dated_in_plan} (at a meeting {found.at_meeting}), still waiting {found.waiting}",
        f"  ({PLAN_LABEL})",
    ]
