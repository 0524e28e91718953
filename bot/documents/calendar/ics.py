"""A meeting plan from an iCalendar file (.ics), as Outlook, Google Calendar and Teams export it.

Each VEVENT not cancelled is a meeting, on its local date in the bot's time zone: a DTSTART at 23.30
UTC in winter is the next morning's meeting in Stockholm. A recurring series (RRULE, with EXDATE and
RECURRENCE-ID overrides) is expanded from its first meeting for at most a few years; a meeting of a
series keeps the series' UID with its original date, so a re-exported file that moves one meeting of
the series moves that meeting rather than adding one. VTIMEZONE blocks are not read: Outlook names
its zones in Windows' words, which are mapped to IANA zones here, and an unknown zone is read as the
bot's own (a Swedish committee's plan is in Swedish time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr

from bot.documents.calendar.common import CalendarError, CalendarLimits, clock_text
from bot.domain.meetings import MeetingInput

__all__ = ["read_ics"]

# Outlook's and Teams' zone names for the zones a Swedish municipality meets in, and their neighbours.
_WINDOWS_ZONES = {
    "w. europe standard time": "Europe/Stockholm",
    "central europe standard time": "Europe/Budapest",
    "central european standard time": "Europe/Warsaw",
    "romance standard time": "Europe/Paris",
    "gmt standard time": "Europe/London",
    "greenwich standard time": "Atlantic/Reykjavik",
    "fle standard time": "Europe/Helsinki",
    "e. europe standard time": "Europe/Chisinau",
    "utc": "UTC",
    "coordinated universal time": "UTC",
}
# A meeting series every hour or minute is no committee's; dateutil would also spend long expanding it.
_SLOW_RULES = re.compile(r"(?:^|;)FREQ=(?:HOURLY|MINUTELY|SECONDLY)(?:;|$)", re.IGNORECASE)
_COUNT_OR_UNTIL = re.compile(r"^(?:COUNT|UNTIL)=", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATE_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z?)", re.IGNORECASE)

Moment = date | datetime


@dataclass
class _Property:
    params: dict[str, str]
    value: str
    line: int


@dataclass
class _Event:
    line: int
    props: dict[str, list[_Property]] = field(default_factory=dict)

    def first(self, name: str) -> _Property | None:
        found = self.props.get(name)
        return found[0] if found else None

    def text(self, name: str) -> str:
        prop = self.first(name)
        return _unescape(prop.value).strip() if prop is not None else ""


def read_ics(data: bytes, tz: ZoneInfo, limits: CalendarLimits) -> list[MeetingInput]:
    """The meetings an .ics file holds, by day; CalendarError with one sentence's key if it is not one."""
    text = data.decode("utf-8-sig", errors="replace")
    events = _events(_unfold(text, limits), limits)
    masters = [e for e in events if e.first("RECURRENCE-ID") is None]
    overrides: dict[tuple[str, Moment], _Event] = {}
    for event in events:
        rid = event.first("RECURRENCE-ID")
        if rid is not None:
            overrides[(event.text("UID"), _key(_moment(rid, tz), tz))] = event
    meetings: list[MeetingInput] = []
    used: set[tuple[str, Moment]] = set()
    for event in masters:
        for meeting in _expand(event, overrides, used, tz, limits):
            meetings.append(meeting)
            if len(meetings) > limits.meetings:
                raise CalendarError("calendar_too_many_meetings", limit=limits.meetings)
    # An override of an occurrence the series no longer has (outside the window, or excluded) still
    # names a meeting of its own.
    for ident, event in overrides.items():
        if ident not in used and not _cancelled(event):
            meetings.append(_meeting(event, tz, f"{ident[0]}/{_key_day(ident[1], tz).isoformat()}"))
    return meetings


def _unfold(text: str, limits: CalendarLimits) -> list[tuple[int, str]]:
    """Logical lines with the number of the physical line each begins on (RFC 5545 §3.1 folding)."""
    out: list[tuple[int, str]] = []
    parts: list[str] = []
    size = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if number > limits.lines:
            raise CalendarError("calendar_too_many_lines", limit=limits.lines)
        if raw[:1] in (" ", "\t") and out:
            size += len(raw) - 1
            if size > limits.line_chars:
                raise CalendarError("calendar_line_too_long", line=out[-1][0], limit=limits.line_chars)
            parts.append(raw[1:])
            continue
        if out:
            out[-1] = (out[-1][0], "".join(parts))
        if len(raw) > limits.line_chars:
            raise CalendarError("calendar_line_too_long", line=number, limit=limits.line_chars)
        out.append((number, raw))
        parts, size = [raw], len(raw)
    if out:
        out[-1] = (out[-1][0], "".join(parts))
    return [(n, line) for n, line in out if line.strip()]


def _split(line: str) -> tuple[str, dict[str, str], str] | None:
    """NAME;PARAM=VALUE:value as its parts; a colon or semicolon inside a quoted parameter is not one."""
    quoted = False
    cut = -1
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            cut = i
            break
    if cut < 0:
        return None
    head, value = line[:cut], line[cut + 1 :]
    pieces = re.findall(r'(?:[^;"]|"[^"]*")+', head)
    if not pieces:
        return None
    params: dict[str, str] = {}
    for piece in pieces[1:]:
        name, _, param = piece.partition("=")
        params[name.strip().upper()] = param.strip().strip('"')
    return pieces[0].strip().upper(), params, value


def _events(lines: list[tuple[int, str]], limits: CalendarLimits) -> list[_Event]:
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        raise CalendarError("calendar_not_ics")
    stack: list[str] = []
    events: list[_Event] = []
    current: _Event | None = None
    for number, line in lines:
        parts = _split(line)
        if parts is None:
            raise CalendarError("calendar_bad_line", line=number)
        name, params, value = parts
        if name == "BEGIN":
            stack.append(value.strip().upper())
            if stack == ["VCALENDAR", "VEVENT"]:
                current = _Event(number)
                events.append(current)
                if len(events) > limits.events:
                    raise CalendarError("calendar_too_many_events", limit=limits.events)
        elif name == "END":
            if not stack or stack[-1] != value.strip().upper():
                raise CalendarError("calendar_bad_line", line=number)
            if stack.pop() == "VEVENT" and not stack[1:]:
                current = None
        elif current is not None and stack == ["VCALENDAR", "VEVENT"]:
            # Only the event's own properties: a VALARM inside it has a DTSTART-like TRIGGER of its own.
            current.props.setdefault(name, []).append(_Property(params, value, number))
    return events


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _zone(tzid: str | None, local: ZoneInfo) -> ZoneInfo:
    if not tzid:
        return local
    name = tzid.strip()
    mapped = _WINDOWS_ZONES.get(name.lower())
    # "/citadel.org/20070101_1/Europe/Stockholm" and its like end in the IANA name.
    candidates = [mapped] if mapped else [name, "/".join(name.split("/")[-2:])]
    for candidate in candidates:
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return local


def _parse(value: str, params: dict[str, str], tz: ZoneInfo, line: int) -> Moment:
    text = value.strip()
    found = _DATE_TIME.fullmatch(text)
    try:
        if found is not None and params.get("VALUE", "").upper() != "DATE":
            y, mo, d, h, mi, s, utc = found.groups()
            naive = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
            return naive.replace(tzinfo=UTC if utc else _zone(params.get("TZID"), tz))
        plain = _DATE.fullmatch(text[:8]) if len(text) in (8, 15, 16) else None
        if plain is not None:
            return date(int(plain[1]), int(plain[2]), int(plain[3]))
    except ValueError:
        pass  # 20270230: not a day; refused below
    raise CalendarError("calendar_bad_date", line=line, value=text[:40])


def _moment(prop: _Property, tz: ZoneInfo) -> Moment:
    return _parse(prop.value.split(",")[0], prop.params, tz, prop.line)


def _key(moment: Moment, tz: ZoneInfo) -> Moment:
    """What identifies an occurrence of a series: its instant, or its day for an all-day series."""
    if isinstance(moment, datetime):
        return (moment if moment.tzinfo else moment.replace(tzinfo=tz)).astimezone(UTC)
    return moment


def _key_day(key: Moment, tz: ZoneInfo) -> date:
    return key.astimezone(tz).date() if isinstance(key, datetime) else key


def _cancelled(event: _Event) -> bool:
    return event.text("STATUS").upper() == "CANCELLED"


def _meeting(event: _Event, tz: ZoneInfo, uid: str | None, start: Moment | None = None) -> MeetingInput:
    prop = event.first("DTSTART")
    if start is None:
        if prop is None:
            raise CalendarError("calendar_event_without_date", line=event.line)
        start = _moment(prop, tz)
    if isinstance(start, datetime):
        local = start.astimezone(tz)
        day, starts = local.date(), clock_text(local.time())
    else:
        day, starts = start, None
    return MeetingInput(day=day, starts=starts, title=" ".join(event.text("SUMMARY").split())[:200], uid=uid)


def _expand(
    event: _Event,
    overrides: dict[tuple[str, Moment], _Event],
    used: set[tuple[str, Moment]],
    tz: ZoneInfo,
    limits: CalendarLimits,
) -> list[MeetingInput]:
    if _cancelled(event):
        return []
    uid = event.text("UID")[:250] or None
    rule_prop = event.first("RRULE")
    if rule_prop is None:
        return [_meeting(event, tz, uid)]
    start_prop = event.first("DTSTART")
    if start_prop is None:
        raise CalendarError("calendar_event_without_date", line=event.line)
    start = _moment(start_prop, tz)
    excluded = {
        _key(_parse(value, prop.params, tz, prop.line), tz)
        for prop in event.props.get("EXDATE", [])
        for value in prop.value.split(",")
        if value.strip()
    }
    out: list[MeetingInput] = []
    for occurrence in _occurrences(rule_prop, start, tz, limits):
        key = _key(occurrence, tz)
        if key in excluded:
            continue
        ident = (event.text("UID"), key)
        override = overrides.get(ident)
        instance_uid = f"{uid}/{_key_day(key, tz).isoformat()}" if uid else None
        if override is not None:
            used.add(ident)
            if not _cancelled(override):
                out.append(_meeting(override, tz, instance_uid))
            continue
        out.append(_meeting(event, tz, instance_uid, occurrence))
    return out


def _occurrences(prop: _Property, start: Moment, tz: ZoneInfo, limits: CalendarLimits) -> list[Moment]:
    """The series' starts, within `limits.series_years` of its first and at most `limits.meetings` of them."""
    parts = [p for p in prop.value.strip().split(";") if p]
    if _SLOW_RULES.search(prop.value):
        raise CalendarError("calendar_rule_too_often", line=prop.line)
    count: int | None = None
    until: Moment | None = None
    for part in parts:
        name, _, value = part.partition("=")
        if name.upper() == "COUNT":
            count = int(value) if value.isdigit() else None
        elif name.upper() == "UNTIL":
            # A floating UNTIL is in the series' own zone; one ending in Z is read as UTC by _parse.
            until = _parse(value, {}, tz, prop.line)
    all_day = not isinstance(start, datetime)
    first = datetime.combine(start, time()) if isinstance(start, date) and all_day else start
    assert isinstance(first, datetime)
    end = _years_later(first, limits.series_years) - timedelta(seconds=1)
    if until is not None:
        end = min(end, _same_kind(until, first, tz))
    # COUNT and UNTIL are applied here, not by dateutil: a rule no day satisfies (BYMONTHDAY=30;
    # BYMONTH=2) would otherwise be searched until the year 9999.
    rest = ";".join(p for p in parts if not _COUNT_OR_UNTIL.match(p))
    try:
        rule = rrulestr(rest, dtstart=first)
        if not isinstance(rule, rrule):
            raise CalendarError("calendar_bad_rule", line=prop.line)
        bounded = rule.replace(until=end)
    except (ValueError, TypeError, KeyError, IndexError):
        raise CalendarError("calendar_bad_rule", line=prop.line) from None
    cap = min(count, limits.meetings) if count is not None else limits.meetings
    out: list[Moment] = []
    for occurrence in bounded:
        if len(out) >= cap:
            break
        out.append(occurrence.date() if all_day else occurrence)
    return out


def _years_later(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28) + timedelta(days=1)


def _same_kind(until: Moment, first: datetime, tz: ZoneInfo) -> datetime:
    """UNTIL as a datetime comparable with the series' first start (aware or floating alike)."""
    if not isinstance(until, datetime):
        until = datetime.combine(until, time(23, 59, 59), tzinfo=first.tzinfo)
    if first.tzinfo is None:
        return until.astimezone(tz).replace(tzinfo=None) if until.tzinfo else until
    return until if until.tzinfo else until.replace(tzinfo=first.tzinfo)
