"""The follow-up pack as iCalendar: read back by an independent parser, folded and escaped by the RFC."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from bot.clock import ManualClock
from bot.reminders.planning import reminders_between
from bot.reports.data import Report, collect
from bot.reports.ics import LINE_OCTETS, escape_text, fold, render_ics
from bot.services import commitments as commitment_service
from bot.texts import Texts
from storage.db import Database
from tests.conftest import STOCKHOLM
from tests.reports.conftest import REASON, Seeded, _add


def _events(data: bytes) -> dict[str, icalendar.cal.Component]:
    """The events by reference (what SUMMARY begins with)."""
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["SUMMARY"]).split(":")[0]: e for e in calendar.walk("VEVENT")}


def _unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_one_all_day_event_per_commitment_with_a_deadline(report: Report, texts: Texts) -> None:
    data = render_ics(report, texts)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "Åtaganden BUN"
    events = _events(data)
    # The cancelled BUN-6 has no deadline any more.
    assert sorted(events) == ["BUN-1", "BUN-2", "BUN-3", "BUN-4", "BUN-5", "BUN-7"]
    delayed = events["BUN-1"]
    assert str(delayed["SUMMARY"]) == "BUN-1: Revidera den lokala BUS-överenskommelsen"
    assert delayed.decoded("DTSTART") == date(2027, 12, 31)
    assert delayed.decoded("DTEND") == date(2028, 1, 1)
    assert delayed["DTSTART"].params.get("VALUE") == "DATE"
    assert delayed.decoded("SEQUENCE") == 1  # moved once
    assert str(delayed["TRANSP"]) == "TRANSPARENT"
    assert delayed.decoded("DTSTAMP").isoformat() == "2027-01-18T08:00:00+00:00"
    description = str(delayed["DESCRIPTION"])
    assert "Status: Försenad · Röd" in description
    assert "Ansvarig: Anna Andersson (förvaltningschef)" in description
    assert "Ursprungligt slutdatum: 30 april 2027" in description
    assert REASON in description  # its ";" and "," escaped in the file, whole again here
    assert "Rekommendation 1: Säkerställ att rutinen" in description
    assert "\n" in description


def test_a_rhythm_is_an_rrule(report: Report, texts: Texts) -> None:
    data = render_ics(report, texts)
    recurring = _events(data)["BUN-2"]
    assert dict(recurring.decoded("RRULE")) == {"FREQ": ["YEARLY"], "BYMONTH": [6, 12], "BYMONTHDAY": [-1]}
    assert "RRULE:FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1" in _unfold(data)
    # No deadline of its own: the rhythm's first occurrence after it was registered (11 January 2027).
    assert recurring.decoded("DTSTART") == date(2027, 6, 30)
    assert "RRULE" not in _events(data)["BUN-1"]


def test_a_rhythm_starts_on_the_day_the_reminders_start_it(
    db: Database, clock: ManualClock, seeded: Seeded, texts: Texts
) -> None:
    # Registered at 00:30 on 1 February in Stockholm, still 31 January in UTC: "varje månad" begins on 28 February.
    clock.set(datetime(2027, 2, 1, 0, 30, tzinfo=STOCKHOLM))
    with db.write() as s:
        ref = _add(s, clock, "Gå igenom rutinerna", recurrence="varje månad")
    with db.read() as s:
        commitment_id = commitment_service.get_by_reference(s, ref).id
        start = _events(render_ics(collect(s, "BUN", clock.today(), clock.now()), texts))[ref].decoded("DTSTART")
        planned = reminders_between(s, clock.now(), clock.now() + timedelta(days=62), STOCKHOLM)
    assert start == date(2027, 2, 28)
    assert min(p.occurrence for p in planned if p.commitment_id == commitment_id and p.occurrence) == start


def test_uids_are_stable_and_unique(db: Database, clock: ManualClock, seeded: Seeded, texts: Texts) -> None:
    with db.read() as s:
        first = collect(s, "BUN", clock.today(), clock.now())
    clock.advance(timedelta(days=40))
    with db.read() as s:
        later = collect(s, "BUN", clock.today(), clock.now())
    uids = {ref: str(e["UID"]) for ref, e in _events(render_ics(first, texts)).items()}
    assert uids == {ref: str(e["UID"]) for ref, e in _events(render_ics(later, texts)).items()}
    assert len(set(uids.values())) == len(uids)
    assert uids["BUN-1"] == "BUN-1-20270111T080000Z@atagandeboten"


def test_lines_are_folded_at_75_octets_and_text_escaped(report: Report, texts: Texts) -> None:
    data = render_ics(report, texts)
    raw_lines = data.split(b"\r\n")
    assert max(len(line) for line in raw_lines) <= LINE_OCTETS
    assert any(line.startswith(b" ") for line in raw_lines), "long descriptions must be folded"
    for line in raw_lines:
        line.decode("utf-8")  # no line ends inside a character
    description = next(line for line in _unfold(data) if line.startswith("DESCRIPTION:") and "Polisen" in line)
    assert "revideringen\\; den tar längre tid\\, och kräver" in description
    assert "\\n" in description


def test_escape_text() -> None:
    assert escape_text("a;b,c\\d\ne\r\nf") == "a\\;b\\,c\\\\d\\ne\\nf"


@given(st.text(min_size=0, max_size=400))
def test_fold_keeps_every_octet_and_the_limit(value: str) -> None:
    line = "DESCRIPTION:" + escape_text(value)
    folded = fold(line).encode("utf-8")
    parts = folded.split(b"\r\n")
    assert all(len(p) <= LINE_OCTETS for p in parts)
    assert all(p.startswith(b" ") for p in parts[1:])
    assert folded.replace(b"\r\n ", b"").decode("utf-8") == line
