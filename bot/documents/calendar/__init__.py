"""Reading a committee's meeting plan (sammanträdesplan) from a calendar file: .ics or .csv.

`read_plan(data, filename, tz)` gives the meetings as `MeetingInput`s, or raises `CalendarError`, one
Swedish sentence's key (templates/strings_calendar.j2). Every event of the file is a meeting: a
committee's plan file holds its meetings, and sorting a mixed calendar is not asked of the bot.
`is_plan_file` tells a shared file that is a plan from an audit answer (a .csv of prose is one).
"""

from __future__ import annotations

import csv
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from bot.documents.calendar.common import DEFAULT_CALENDAR_LIMITS, CalendarError, CalendarLimits
from bot.documents.calendar.csv_plan import date_column, decode, read_csv
from bot.documents.calendar.ics import read_ics
from bot.domain.meetings import MeetingInput

__all__ = [
    "DEFAULT_CALENDAR_LIMITS",
    "ICS_SUFFIXES",
    "CalendarError",
    "CalendarLimits",
    "is_plan_file",
    "plan_by_name",
    "read_plan",
]

ICS_SUFFIXES = frozenset({".ics", ".ical", ".icalendar", ".vcs"})
_CSV_SUFFIXES = frozenset({".csv"})


def _suffix(filename: str | None) -> str:
    return PurePosixPath(filename or "").suffix.lower()


def plan_by_name(filename: str | None) -> bool:
    """A file whose name alone makes it a calendar (.ics); a .csv needs its header read (`is_plan_file`)."""
    return _suffix(filename) in ICS_SUFFIXES


def is_plan_file(filename: str | None, data: bytes) -> bool:
    """True for an .ics file, or a .csv whose first row names a date column."""
    if plan_by_name(filename) or data.lstrip(b"\xef\xbb\xbf \r\n\t").upper().startswith(b"BEGIN:VCALENDAR"):
        return True
    if _suffix(filename) not in _CSV_SUFFIXES:
        return False
    text = decode(data[:4096])
    first = next((line for line in text.splitlines() if line.strip()), "")
    for delimiter in (";", ",", "\t"):
        try:
            row = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        if date_column(row) is not None:
            return True
    return False


def read_plan(
    data: bytes, filename: str | None, tz: ZoneInfo, limits: CalendarLimits = DEFAULT_CALENDAR_LIMITS
) -> list[MeetingInput]:
    """The meetings of a plan file, by day (one per day: the first the file lists); never empty."""
    if len(data) > limits.bytes:
        raise CalendarError("calendar_too_large", size_kb=len(data) // 1024, limit_kb=limits.bytes // 1024)
    if not data.strip():
        raise CalendarError("calendar_empty")
    if plan_by_name(filename) or data.lstrip(b"\xef\xbb\xbf \r\n\t").upper().startswith(b"BEGIN:"):
        meetings = read_ics(data, tz, limits)
    elif _suffix(filename) in _CSV_SUFFIXES or not filename:
        meetings = read_csv(data, limits)
    else:
        raise CalendarError("calendar_unknown_type")
    by_day: dict[object, MeetingInput] = {}
    for meeting in meetings:
        by_day.setdefault(meeting.day, meeting)
    if not by_day:
        raise CalendarError("calendar_no_meetings")
    return sorted(by_day.values(), key=lambda m: m.day)
