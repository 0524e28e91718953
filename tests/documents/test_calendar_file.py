"""Reading a meeting plan from .ics and .csv files as Outlook, Google, Teams and Swedish Excel write them."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.documents.calendar import CalendarError, CalendarLimits, is_plan_file, read_plan
from bot.texts import Texts

DATA = Path(__file__).resolve().parent.parent / "data" / "calendar"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _read(name: str) -> list[tuple[date, str | None]]:
    return [(m.day, m.starts) for m in read_plan((DATA / name).read_bytes(), name, STOCKHOLM)]


def _refused(data: bytes, name: str = "plan.ics", limits: CalendarLimits | None = None) -> CalendarError:
    with pytest.raises(CalendarError) as err:
        read_plan(data, name, STOCKHOLM, limits or CalendarLimits())
    # Every refusal is one Swedish sentence.
    assert Texts().get(err.value.key, **err.value.params).endswith(".")
    return err.value


def _ics(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n".encode()


def test_an_outlook_series_with_exceptions_an_override_and_a_cancelled_meeting() -> None:
    days = _read("outlook_series_2027.ics")
    assert [d for d, _ in days] == [
        date(2027, 2, 11),
        date(2027, 3, 11),
        date(2027, 4, 8),  # after the change to summer time: still 13.00 in Stockholm
        date(2027, 5, 13),
        date(2027, 6, 10),
        date(2027, 8, 25),  # a single meeting in UTC
        date(2027, 9, 9),  # the cancelled 1 September is not here; July and 12 August are EXDATEs
        date(2027, 10, 21),  # 14 October moved by a RECURRENCE-ID override
        date(2027, 11, 11),
        date(2027, 12, 9),
    ]
    assert dict(days)[date(2027, 4, 8)] == "13.00" and dict(days)[date(2027, 3, 11)] == "13.00"
    assert dict(days)[date(2027, 8, 25)] == "09.00"
    assert dict(days)[date(2027, 10, 21)] == "09.00"


def test_a_meeting_of_a_series_keeps_the_series_uid_with_its_original_day() -> None:
    meetings = read_plan((DATA / "outlook_series_2027.ics").read_bytes(), "x.ics", STOCKHOLM)
    moved = next(m for m in meetings if m.day == date(2027, 10, 21))
    # The folded UID is read whole; the override is the 14 October occurrence.
    assert moved.uid is not None and moved.uid.endswith("0ABCDEF/2027-10-14")
    assert len({m.uid for m in meetings}) == len(meetings)


def test_google_all_day_zone_and_utc_after_midnight() -> None:
    assert _read("google_allday_2027.ics") == [
        (date(2027, 2, 10), None),
        (date(2027, 6, 16), "18.00"),
        (date(2027, 12, 1), "00.30"),  # 23.30 UTC on 30 November is past midnight in Stockholm
    ]


def test_lf_only_and_folding_with_a_tab() -> None:
    data = _ics("UID:a\r\nSUMMARY:Samman\r\n\tträde\r\nDTSTART;VALUE=DATE:20270311").replace(b"\r\n", b"\n")
    [meeting] = read_plan(data, "plan.ics", STOCKHOLM)
    assert (meeting.day, meeting.title) == (date(2027, 3, 11), "Sammanträde")


@pytest.mark.parametrize(
    ("tzid", "starts"),
    [("W. Europe Standard Time", "13.00"), ("Europe/Stockholm", "13.00"), ("GMT Standard Time", "14.00")],
)
def test_zones_by_windows_and_iana_names(tzid: str, starts: str) -> None:
    [meeting] = read_plan(_ics(f'UID:a\r\nDTSTART;TZID="{tzid}":20270311T130000'), "p.ics", STOCKHOLM)
    assert (meeting.day, meeting.starts) == (date(2027, 3, 11), starts)


def test_a_series_without_end_is_expanded_for_three_years_only() -> None:
    meetings = read_plan(_ics("UID:s\r\nDTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=MONTHLY"), "p.ics", STOCKHOLM)
    assert meetings[0].day == date(2027, 1, 1)
    assert meetings[-1].day.year == 2029 and len(meetings) == 36


def test_a_series_with_count() -> None:
    meetings = read_plan(_ics("UID:s\r\nDTSTART:20270111T130000\r\nRRULE:FREQ=WEEKLY;COUNT=4"), "p.ics", STOCKHOLM)
    assert [m.day.day for m in meetings] == [11, 18, 25, 1]  # into February


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "plan_excel_semikolon.csv",
            [
                (date(2027, 2, 11), "13.00"),
                (date(2027, 3, 11), "13.00"),
                (date(2027, 4, 8), "13.30"),
                (date(2027, 5, 12), None),
                (date(2027, 12, 9), "13.00"),
            ],
        ),
        ("plan_komma.csv", [(date(2027, 2, 11), "13.00"), (date(2027, 6, 17), None), (date(2027, 12, 9), None)]),
    ],
)
def test_csv_as_excel_and_others_save_it(name: str, expected: list[tuple[date, str | None]]) -> None:
    assert _read(name) == expected


def test_csv_titles_are_read() -> None:
    meetings = read_plan((DATA / "plan_excel_semikolon.csv").read_bytes(), "plan.csv", STOCKHOLM)
    assert meetings[-1].title == "Sista sammanträdet"


def test_plan_files_are_told_from_audit_answers() -> None:
    assert is_plan_file("Sammanträden 2027.ics", b"")
    assert is_plan_file("plan.csv", (DATA / "plan_excel_semikolon.csv").read_bytes())
    assert not is_plan_file("svar.csv", "Rekommendation;Svar\r\nNämnden bör;Vi kommer att\r\n".encode())
    assert not is_plan_file("svar.pdf", b"%PDF-1.7")


@pytest.mark.parametrize(
    ("data", "name", "key", "line"),
    [
        (b"Rekommendation;Svar\r\nx;y\r\n", "plan.csv", "calendar_csv_no_date_column", None),
        ("Datum;Rubrik\r\n2027-03-11;a\r\nnästa vecka;b\r\n".encode(), "plan.csv", "calendar_csv_bad_date", 3),
        (b"Datum\r\n30/2 2027\r\n", "plan.csv", "calendar_csv_bad_date", 2),
        (b"hello", "plan.ics", "calendar_not_ics", None),
        (_ics("UID:a\r\nDTSTART:2027-03-11"), "plan.ics", "calendar_bad_date", 5),
        (_ics("UID:a\r\nSUMMARY:utan datum"), "plan.ics", "calendar_event_without_date", 3),
        (_ics("UID:a\r\nDTSTART:20270311T130000\r\nRRULE:FREQ=SECONDLY"), "p.ics", "calendar_rule_too_often", 6),
        (_ics("UID:a\r\nDTSTART:20270311T130000\r\nRRULE:FREQ=NEVER"), "p.ics", "calendar_bad_rule", 6),
        (_ics("UID:a\r\nDTSTART:20270311\r\nSTATUS:CANCELLED"), "p.ics", "calendar_no_meetings", None),
        (b"   ", "plan.ics", "calendar_empty", None),
        (b"PK\x03\x04", "plan.docx", "calendar_unknown_type", None),
    ],
)
def test_what_is_not_a_plan_is_refused_naming_the_line(data: bytes, name: str, key: str, line: int | None) -> None:
    err = _refused(data, name)
    assert err.key == key
    assert err.params.get("line") == line


def test_hostile_files_are_refused_quickly() -> None:
    limits = CalendarLimits()
    started = time.monotonic()
    assert _refused(b"A" * (limits.bytes + 1)).key == "calendar_too_large"
    assert _refused(b"BEGIN:VCALENDAR\r\nX:" + b"a" * (limits.line_chars + 1)).key == "calendar_line_too_long"
    folded = b"BEGIN:VCALENDAR\r\nX:a" + b"\r\n a" * (limits.line_chars + 1)
    assert _refused(folded).key == "calendar_line_too_long"
    many = _ics(*[f"UID:{i}\r\nDTSTART;VALUE=DATE:2027{i % 12 + 1:02d}01" for i in range(limits.events + 1)])
    assert _refused(many).key == "calendar_too_many_events"
    series = _ics(*[f"UID:{i}\r\nDTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=DAILY" for i in range(3)])
    assert _refused(series).key == "calendar_too_many_meetings"
    assert _refused(b"BEGIN:VCALENDAR\r\n" + b"X:a\r\n" * (limits.lines + 1)).key == "calendar_too_many_lines"
    # A rule no day satisfies is not searched until the year 9999.
    never = _ics("UID:a\r\nDTSTART:20270101T130000\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
    assert _refused(never).key == "calendar_no_meetings"
    assert time.monotonic() - started < 10
