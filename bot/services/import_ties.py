"""An imported commitment whose deadline is the committee's year: dated in its plan, or waiting for it.

The pure half (no database): which phrase ties a found commitment, and what a `YearPlan` makes of it;
`import_year.plan_dates` reads the committee's plan. The bench counts with this half too.

The grammar that reads a document (`bot/extraction`) can only guess at "till nämndens sista
sammanträde 2027" (31 December, or nothing) or "i samband med sista mötet för året" (a yearly rhythm
on 31 December). Where the review knows the committee, such a commitment is dated in the committee's
plan instead: due at the meeting, the anchor and the meeting stored on confirm, as a typed one is
(`commitment_drafts.validate`). Without a plan nothing is guessed: the commitment comes in undated
with its phrase as `deadline_phrase` (a rhythm that says "every year" keeps its conventional rule),
the review says what is missing, and `meeting_plan.follow` dates it when the plan arrives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.language.committee_year import Missing, YearPlan, YearTie, find_ties, resolve_tie
from bot.services.import_checks import iso_date
from bot.services.validation import rhythm_rule

__all__ = ["PlanDate", "in_plan", "passed_in_document", "tie_of"]


@dataclass(frozen=True)
class PlanDate:
    """What the committee's plan makes of a tied finding.

    `replaces`: the tie is the phrase the grammar read the deadline or rhythm from, so the grammar's
    date or rule was a guess and gives way. `day` is the deadline (a rhythm's first day), `meeting` the
    meeting it falls on, `rule` a rhythm's rule in the plan; `missing` what the plan lacks (then
    `day` is None); `default` an årshjul day nobody confirmed.
    """

    tie: YearTie
    replaces: bool
    day: date | None = None
    meeting: date | None = None
    rule: str | None = None
    missing: Missing | None = None
    default: bool = False

    @property
    def waits(self) -> bool:
        """Nothing dates it yet: it is imported with its phrase, and dated when the plan arrives."""
        return self.missing is not None


def passed_in_document(finding: Mapping[str, Any], today: date) -> bool:
    """Has every date the document gives the finding passed by `today`?"""
    raw = finding.get("deadlines") or []
    days = [day for day in map(iso_date, raw) if day is not None]
    return bool(days) and len(days) == len(raw) and max(days) < today


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def tie_of(finding: Mapping[str, Any]) -> tuple[YearTie, bool] | None:
    """The phrase that ties a found commitment to the committee's year, and whether it is the grammar's phrase.

    The grammar's own phrase decides where it overlaps a tie ("i mars 2027" inside "vid nämndens
    sammanträde i mars 2027"). A date the document gives elsewhere in the sentence ("senast den 30
    april 2027") wins over a meeting named beside it; a sentence with no date of its own takes its tie.
    """
    text = str(finding.get("text") or "")
    ties = find_ties(text)
    if not ties:
        return None
    phrase = " ".join(str(finding.get("deadline_phrase") or "").split())
    at = text.find(phrase) if phrase else -1
    if at >= 0:
        for tie in ties:
            if _overlaps(tie.span, (at, at + len(phrase))):
                return tie, True
    if finding.get("deadlines") or (phrase and finding.get("recurrence")):
        return None
    dated = [t for t in ties if not t.recurring]
    return (dated or ties)[0], False


def in_plan(finding: Mapping[str, Any], plan: YearPlan, today: date) -> PlanDate | None:
    """The finding's tie dated in `plan` as seen on `today`; None when it names nothing of the year."""
    found = tie_of(finding)
    if found is None:
        return None
    tie, replaces = found
    dated = resolve_tie(tie.anchor, plan, today)
    if isinstance(dated, Missing):
        if passed_in_document(finding, today):
            # "återrapportera till nämnden senast i mars 2020" read in 2026: no plan for 2020 will come to date
            # it; the document's own date stands, and the review asks what became of it (done, new, overdue).
            return None
        return PlanDate(tie, replaces, missing=dated)
    rule = rhythm_rule(dated.day, dated.rdates) if tie.recurring else None
    return PlanDate(tie, replaces, dated.day, dated.meeting, rule, default=dated.default)
