"""The follow-up pack as an iCalendar file (RFC 5545) of deadlines, for Outlook and others.

Written by hand: the format needs a dozen properties, and doing the escaping
and the 75-octet folding here keeps both visible and tested, with no
dependency for it. Each commitment with a deadline (or a rhythm) is one
all-day event; its UID stays the same from one export to the next, so
importing a newer file updates the events instead of adding copies.
Cancelled commitments have no deadline any more and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo

from bot.language.rrule_text import meeting_days
from bot.reminders.schedule import first_occurrence
from bot.reports import facts
from bot.reports.data import CaseGroup, CommitmentRow, RecommendationGroup, Report
from bot.texts import Texts
from storage.models import CommitmentStatus

LINE_OCTETS = 75
CRLF = "\r\n"
PRODID = "-//Atagandeboten//Uppfoljningspaket//SV"
SUMMARY_CHARS = 150
# What a stored rhythm may contain: RFC 5545 RECUR is letters, digits and =;,+- only.
_RECUR = re.compile(r"^[A-Z0-9=;,+\-]+$")
_SUB_DAILY = re.compile(r"FREQ=(HOURLY|MINUTELY|SECONDLY)")


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into lines of at most 75 octets (RFC 5545 3.1), never inside a UTF-8 character.

    A continuation line begins with one space, which counts towards its 75.
    """
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line
    parts: list[bytes] = []
    start, limit = 0, LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        # Back off to the start of a character: continuation bytes look like 0b10xxxxxx.
        while data[end] & 0xC0 == 0x80:
            end -= 1
        parts.append(data[start:end])
        start, limit = end, LINE_OCTETS - 1
    parts.append(data[start:])
    return (CRLF + " ").join(p.decode("utf-8") for p in parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _rule(row: CommitmentRow) -> str | None:
    rule = (row.recurrence or "").strip().upper().removeprefix("RRULE:")
    if not rule or not _RECUR.match(rule) or _SUB_DAILY.search(rule):
        return None
    return rule


def _first(row: CommitmentRow, rule: str | None, tz: tzinfo | None) -> date | None:
    """The event's date: the deadline, else a rhythm's first occurrence from the day it was registered."""
    if row.deadline is not None:
        return row.deadline
    meetings = meeting_days(row.recurrence)
    if meetings:
        return meetings[0]
    if rule is None:
        return None
    try:
        # The day it was registered where it was registered, as the reminders count it.
        return first_occurrence(rule, row.created_at.astimezone(tz).date())
    except ValueError:
        return None


def uid(row: CommitmentRow) -> str:
    """Stable per commitment: its reference and the moment it was registered (unique across installations)."""
    return f"{row.reference}-{_stamp(row.created_at)}@atagandeboten"


def _summary(row: CommitmentRow) -> str:
    text = " ".join(row.text.split())
    if len(text) > SUMMARY_CHARS:
        text = text[: SUMMARY_CHARS - 1].rstrip() + "…"
    return f"{row.reference}: {text}"


def _event(
    report: Report, texts: Texts, case: CaseGroup, group: RecommendationGroup, row: CommitmentRow
) -> Iterator[str]:
    rule = _rule(row)
    start = _first(row, rule, report.now.tzinfo)
    if start is None or row.status == CommitmentStatus.CANCELLED:
        return
    description = texts.plain(
        "report_event.txt.j2",
        row=row,
        row_facts=facts.facts(texts, row),
        case_heading=facts.case_heading(texts, case),
        recommendation_heading=facts.recommendation_heading(texts, group),
        recommendation=" ".join((group.text or "").split()),
    )
    yield "BEGIN:VEVENT"
    yield f"UID:{escape_text(uid(row))}"
    yield f"DTSTAMP:{_stamp(report.now)}"
    yield f"LAST-MODIFIED:{_stamp(row.updated_at)}"
    # Each moved deadline is a new version of the event for calendars that compare them.
    yield f"SEQUENCE:{len(row.moves)}"
    yield f"DTSTART;VALUE=DATE:{_day(start)}"
    yield f"DTEND;VALUE=DATE:{_day(start + timedelta(days=1))}"
    if rule is not None:
        yield f"RRULE:{rule}"
    # Each meeting is a date of its own, not a rule: RDATE lists them (RFC 5545 3.8.5.2), DTSTART is the first.
    for day in meeting_days(row.recurrence):
        if day > start:
            yield f"RDATE;VALUE=DATE:{_day(day)}"
    yield f"SUMMARY:{escape_text(_summary(row))}"
    yield f"DESCRIPTION:{escape_text(facts.xml_safe(description))}"
    yield f"CATEGORIES:{escape_text(report.committee_code)}"
    # A deadline is not a meeting: it must not show the day as busy.
    yield "TRANSP:TRANSPARENT"
    yield "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE"
    yield "X-MICROSOFT-CDO-BUSYSTATUS:FREE"
    yield "END:VEVENT"


def render_ics(report: Report, texts: Texts) -> bytes:
    """The calendar as UTF-8 bytes with CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(texts.get('report_calendar_name', code=report.committee_code))}",
    ]
    for case, group, row in facts.rows_with_context(report):
        lines.extend(_event(report, texts, case, group, row))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines).encode("utf-8")
