"""A meeting plan from a table saved as CSV: comma-separated, or semicolon-separated as Swedish Excel writes it.

The first row that names a date column ("Datum", "Sammanträde", "Dag", Outlook's "Startdatum") is the
header; a time column ("Tid", "Starttid") and a title column ("Rubrik", "Ämne") are read when there.
Dates are read as a Swedish secretary writes them: 2027-03-12, 12/3 2027, 12.3.2027 or "torsdag 12
mars 2027". A row with an empty date is a note and skipped; a date that cannot be read is refused
with its row's number, so nothing is imported half.
"""

from __future__ import annotations

import csv
import re
from datetime import date, time

from bot.documents.calendar.common import CalendarError, CalendarLimits, clock_text
from bot.domain.meetings import MeetingInput
from bot.language.months import MONTH_NAMES

__all__ = ["date_column", "decode", "read_csv"]

_DATE_HEADERS = ("datum", "sammanträdesdatum", "sammanträde", "sammanträdesdag", "mötesdatum", "dag", "startdatum")
_DATE_HEADERS_EN = ("date", "start date", "meeting date")
_TIME_HEADERS = ("tid", "starttid", "klockan", "kl", "kl.", "tidpunkt", "start time", "time")
_TITLE_HEADERS = ("rubrik", "titel", "ämne", "ärende", "namn", "beskrivning", "subject", "title")

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.]\s*(\d{1,2})(?:\s*[/.]\s*|\s+)(\d{4})")
_WORDS = re.compile(r"(\d{1,2})(?::[ae])?\s+([a-zåäö]+)\.?\s+(\d{4})")
# Beside a date only "kl. 13", "kl 13.30" or "13:30": a bare "12.3" there is the date's own day and month.
_CLOCK_IN_DATE = re.compile(r"kl\.?\s*\d{1,2}(?:[:.]\d{2})?|(?<![\d.])\d{1,2}:\d{2}")
_CLOCK = re.compile(r"(?:kl\.?\s*)?(\d{1,2})(?:\s*[:.]\s*(\d{2}))?(?!\d)")


def decode(data: bytes) -> str:
    """UTF-8 (with or without Excel's BOM), else Windows-1252, as Swedish Excel saves 'CSV (semikolonavgränsad)'."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _cell(value: str) -> str:
    return " ".join(value.replace("\ufeff", "").split()).strip().lower()


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def date_column(header: list[str]) -> int | None:
    """Which column of a header row holds the meetings' dates, if any."""
    cells = [_cell(c) for c in header]
    return _find(cells, _DATE_HEADERS + _DATE_HEADERS_EN)


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _month(word: str) -> int | None:
    # "mars", "sept", "okt.": a month name or its beginning, at least three letters.
    if len(word) < 3:
        return None
    return next((i for i, name in enumerate(MONTH_NAMES, start=1) if name.startswith(word)), None)


def read_day(value: str) -> date | None:
    """The day a cell names, or None when it names none; ValueError for a day the calendar lacks (30/2)."""
    text = _cell(value)
    found = _ISO.search(text)
    if found is not None:
        return date(int(found[1]), int(found[2]), int(found[3]))
    found = _NUMERIC.search(text)
    if found is not None:
        return date(int(found[3]), int(found[2]), int(found[1]))
    found = _WORDS.search(text)
    if found is not None:
        month = _month(found[2])
        if month is not None:
            return date(int(found[3]), month, int(found[1]))
    return None


def _clock(value: str) -> str | None:
    """A start time as "13.00"; None when the cell holds none (an empty cell, or "heldag")."""
    found = _CLOCK.search(_cell(value))
    if found is None:
        return None
    hour, minute = int(found[1]), int(found[2] or 0)
    if hour > 23 or minute > 59:
        return None
    return clock_text(time(hour, minute))


def _clock_in_date(value: str) -> str | None:
    found = _CLOCK_IN_DATE.search(_cell(value))
    if found is None:
        return None
    return _clock(found.group(0).removeprefix("kl").strip(" ."))


def read_csv(data: bytes, limits: CalendarLimits) -> list[MeetingInput]:
    """The meetings a CSV file lists; CalendarError with one sentence's key if it is not a meeting plan."""
    text = decode(data)
    rows = csv.reader(text.splitlines(), delimiter=_delimiter(text))
    header: list[str] | None = None
    day_at = time_at = title_at = None
    meetings: list[MeetingInput] = []
    try:
        for row in rows:
            line = rows.line_num
            if line > limits.lines:
                raise CalendarError("calendar_too_many_lines", limit=limits.lines)
            if not any(c.strip() for c in row):
                continue
            if header is None:
                header = [_cell(c) for c in row]
                day_at = date_column(row)
                if day_at is None:
                    raise CalendarError("calendar_csv_no_date_column", columns=", ".join(c for c in header if c)[:200])
                time_at = _find(header, _TIME_HEADERS)
                title_at = _find(header, _TITLE_HEADERS)
                continue
            assert day_at is not None
            raw = row[day_at] if day_at < len(row) else ""
            if not raw.strip():
                continue
            try:
                day = read_day(raw)
            except ValueError:
                day = None
            if day is None:
                raise CalendarError("calendar_csv_bad_date", line=line, value=raw.strip()[:40])
            starts = _clock(row[time_at]) if time_at is not None and time_at < len(row) else None
            if starts is None:
                # "2027-03-12 13:00" or "12 mars 2027 kl. 13" in the date column itself.
                starts = _clock_in_date(raw)
            title = " ".join(row[title_at].split())[:200] if title_at is not None and title_at < len(row) else ""
            meetings.append(MeetingInput(day=day, starts=starts, title=title))
            if len(meetings) > limits.meetings:
                raise CalendarError("calendar_too_many_meetings", limit=limits.meetings)
    except csv.Error:
        raise CalendarError("calendar_csv_unreadable", line=rows.line_num) from None
    if header is None:
        raise CalendarError("calendar_empty")
    return meetings
