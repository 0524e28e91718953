"""Checks on what people type, before anything is stored.

Every check reports a message key on the field it concerns. Free text passes
the one guard of stored text (`bot.services.text_guard`): it is refused when it
holds a Swedish personal identity number (personal data about individuals does
not belong in Slack or in this register), hidden characters are removed, and a
title is kept on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlparse

from bot.domain.errors import ValidationFailed
from bot.language.committee_year import Missing, YearPlan, read_tie, resolve_tie
from bot.language.impossible import impossible_date
from bot.language.periods import Deadline, parse_deadline, parse_recurrence
from bot.language.rrule_text import meetings_rule
from bot.services.text_guard import guard_into, visible

MAX_TEXT = 2000
MAX_SHORT = 300
MAX_COMMENT = 2000
MAX_URL = 2000
MAX_DNR = 64

Errors = dict[str, tuple[str, dict[str, Any]]]

_Day = date  # inside ResolvedDeadline, "date" is its field

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def clean(value: str | None) -> str:
    """Trim and drop control and hidden characters (keeps line breaks and tabs)."""
    return visible(value)


def check_text(errors: Errors, field: str, value: str, *, required: bool, limit: int, one_line: bool = False) -> str:
    """Record an error for an empty, over-long or personal-number text; return it cleaned."""
    value = visible(value, one_line=one_line)
    if not value:
        if required:
            errors[field] = ("err_required", {})
        return ""
    if len(value) > limit:
        errors[field] = ("err_too_long", {"limit": limit, "length": len(value)})
        return value
    return guard_into(errors, field, value, one_line=one_line)


def check_url(errors: Errors, field: str, value: str) -> str | None:
    value = clean(value)
    if not value:
        return None
    parsed = urlparse(value)
    if (
        parsed.scheme not in ("http", "https")
        or not parsed.netloc
        or ("." not in parsed.netloc.split(":")[0] and parsed.netloc.split(":")[0] != "localhost")
        or any(ch.isspace() for ch in value)
        or len(value) > MAX_URL
    ):
        errors[field] = ("err_url", {})
        return None
    checked = guard_into(errors, field, value, one_line=True)  # the guard every stored text passes
    return None if field in errors else checked


@dataclass(frozen=True)
class ResolvedDeadline:
    """A deadline as typed and as understood."""

    date: date
    phrase: str
    confidence: float
    note: str | None = None
    # Tied to the committee's year (bot/language/committee_year.py): the meeting it is due at, and the
    # anchor the phrase named, so the deadline can follow a changed plan.
    meeting: _Day | None = None
    anchor: str | None = None


def resolve_deadline(value: str, today: date) -> ResolvedDeadline | None:
    """Read a date or Swedish words as one deadline; None if it is not one.

    A period resolves to its last day (bot/language/periods.py); a list of deadlines ("i mars
    och september") is not one deadline and is refused here. `today` is when the
    person typed it, which decides what a season means (`bot/language/seasons.py`).
    """
    value = clean(value)
    # "31 april 2027" must not quietly become "april 2027".
    if not value or impossible_date(value) is not None:
        return None
    m = _ISO_DATE.match(value)
    if m:
        try:
            return ResolvedDeadline(date(int(m[1]), int(m[2]), int(m[3])), value, 1.0)
        except ValueError:
            return None
    found: Deadline | None = parse_deadline(value, today, typed=True)
    if found is None or len(found.dates) != 1:
        return None
    return ResolvedDeadline(found.dates[0], value, found.confidence, found.note)


def unresolved_reason(value: str, today: date) -> str:
    """The sentence (its key) for a deadline that gave no single date: why, when the grammar knows."""
    if impossible_date(value) is not None:
        return "err_deadline_no_such_date"  # "2027-02-30": the day is not in the calendar
    found = parse_deadline(value, today, typed=True)
    if found is None:
        return "err_deadline_unreadable"
    if len(found.dates) > 1:
        return "err_deadline_several"  # "i mars och september"
    if found.undated == "start":
        return "err_deadline_open"  # "efter sommaren": when it begins, not by when
    if found.undated == "event":
        return "err_deadline_event"  # "inför budgetarbetet 2028": the committee's own calendar
    if found.kind == "range":
        return "err_deadline_range"  # "maj–november 2027": when the work goes on, not by when it is done
    return "err_deadline_unreadable"


def _needs_plan(missing: Missing, value: str) -> tuple[str, dict[str, Any]]:
    """The sentence (its key) for a phrase the committee's plan cannot date yet, naming what is missing."""
    return (
        "err_deadline_needs_plan",
        {"value": value, "what": missing.what, "year": missing.year, "month": missing.month, "event": missing.event},
    )


def resolve_in_plan(value: str, plan: YearPlan, today: date) -> ResolvedDeadline | Missing | None:
    """A deadline field that names a meeting or an årshjul event, dated in the plan; None if it names none."""
    tie = read_tie(value)
    if tie is None or tie.recurring:
        return None
    found = resolve_tie(tie.anchor, plan, today)
    if isinstance(found, Missing):
        return found
    note = "plan_default" if found.default else None
    return ResolvedDeadline(found.day, value, 1.0, note, meeting=found.meeting, anchor=tie.anchor)


def check_deadline(
    errors: Errors, field: str, value: str, today: date, *, required: bool, plan: YearPlan | None = None
) -> ResolvedDeadline | None:
    """Check a deadline field; with the committee's `plan`, a meeting or årshjul phrase is dated by it."""
    value = visible(value, one_line=True)
    if not value:
        if required:
            errors[field] = ("err_required", {})
        return None
    if len(value) > MAX_SHORT:
        errors[field] = ("err_too_long", {"limit": MAX_SHORT, "length": len(value)})
        return None
    value = guard_into(errors, field, value, one_line=True)  # the phrase is stored as typed
    if field in errors:
        return None
    in_plan = resolve_in_plan(value, plan, today) if plan is not None else None
    if isinstance(in_plan, Missing):
        # Never a guess (31 December for "sista sammanträdet"): say what the plan lacks.
        errors[field] = _needs_plan(in_plan, value)
        return None
    resolved = in_plan or resolve_deadline(value, today)
    if resolved is None:
        errors[field] = (unresolved_reason(value, today), {"value": value})
        return None
    if resolved.date < today:
        errors[field] = ("err_deadline_past", {"date": resolved.date})
        return None
    return resolved


@dataclass(frozen=True)
class TiedRhythm:
    """A rhythm that follows the committee's year: its rule, first day, meeting and anchor."""

    rule: str
    first: date
    meeting: date | None
    anchor: str


def rhythm_in_plan(value: str, plan: YearPlan, today: date) -> TiedRhythm | Missing | None:
    """A rhythm field "vid varje sammanträde" / "årligen i samband med bokslutet" in the plan; None if neither.

    Every meeting is an RDATE list of the plan's meetings ahead (RFC 5545; dateutil and calendars read
    it), kept short enough for its column; a changed plan rewrites it. A yearly event is a
    yearly rule on this year's day.
    """
    tie = read_tie(value)
    if tie is None or not tie.recurring:
        return None
    found = resolve_tie(tie.anchor, plan, today)
    if isinstance(found, Missing):
        return found
    return TiedRhythm(rhythm_rule(found.day, found.rdates), found.day, found.meeting, tie.anchor)


# "RDATE:" and 32 dates of 8 digits with commas fit Commitment.recurrence (300 characters); a new
# year's plan writes the rule again (`meeting_plan.follow`).
_MAX_RDATES = 32


def rhythm_rule(first: date, rdates: tuple[date, ...]) -> str:
    """The rule of a tied rhythm: the plan's meetings (the first 32, which fit the column), or yearly on `first`."""
    if rdates:
        return meetings_rule(rdates[:_MAX_RDATES])
    return f"FREQ=YEARLY;BYMONTH={first.month};BYMONTHDAY={first.day}"


def check_recurrence(
    errors: Errors, field: str, value: str, today: date, *, plan: YearPlan | None = None
) -> tuple[str, str, TiedRhythm | None] | None:
    """Return (RRULE, phrase, the plan's tie or None) for a Swedish rhythm, or record an error.

    With the committee's `plan`, "vid varje sammanträde" and "årligen i samband med X" follow it
    (`rhythm_in_plan`); a plan that cannot date them is said, not guessed.
    """
    value = visible(value, one_line=True)
    if not value:
        return None
    if len(value) > MAX_SHORT:
        errors[field] = ("err_too_long", {"limit": MAX_SHORT, "length": len(value)})
        return None
    value = guard_into(errors, field, value, one_line=True)  # the phrase is stored as typed
    if field in errors:
        return None
    tied = rhythm_in_plan(value, plan, today) if plan is not None else None
    if isinstance(tied, Missing):
        errors[field] = _needs_plan(tied, value)
        return None
    if tied is not None:
        return tied.rule, value, tied
    rule = parse_recurrence(value, today)
    if rule is None:
        errors[field] = ("err_recurrence_unreadable", {"value": value})
        return None
    return rule, value, None


def raise_if(errors: Errors) -> None:
    if errors:
        raise ValidationFailed(errors)
