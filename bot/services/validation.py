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
from bot.language.impossible import impossible_date
from bot.language.periods import Deadline, parse_deadline, parse_recurrence
from bot.services.text_guard import guard_into, visible

MAX_TEXT = 2000
MAX_SHORT = 300
MAX_COMMENT = 2000
MAX_URL = 2000
MAX_DNR = 64

Errors = dict[str, tuple[str, dict[str, Any]]]

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
    return "err_deadline_unreadable"


def check_deadline(errors: Errors, field: str, value: str, today: date, *, required: bool) -> ResolvedDeadline | None:
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
    resolved = resolve_deadline(value, today)
    if resolved is None:
        errors[field] = (unresolved_reason(value, today), {"value": value})
        return None
    if resolved.date < today:
        errors[field] = ("err_deadline_past", {"date": resolved.date})
        return None
    return resolved


def check_recurrence(errors: Errors, field: str, value: str, today: date) -> tuple[str, str] | None:
    """Return (RRULE, phrase) for a Swedish rhythm, or record an error."""
    value = visible(value, one_line=True)
    if not value:
        return None
    if len(value) > MAX_SHORT:
        errors[field] = ("err_too_long", {"limit": MAX_SHORT, "length": len(value)})
        return None
    value = guard_into(errors, field, value, one_line=True)  # the phrase is stored as typed
    if field in errors:
        return None
    rule = parse_recurrence(value, today)
    if rule is None:
        errors[field] = ("err_recurrence_unreadable", {"value": value})
        return None
    return rule, value


def raise_if(errors: Errors) -> None:
    if errors:
        raise ValidationFailed(errors)
