"""The follow-up pack and the calendar name the meeting a commitment is due at; "vid varje sammanträde"
is the plan's meetings (RDATE), in the calendar and in words."""

from __future__ import annotations

import io
from datetime import date, datetime

import icalendar
import openpyxl
import pytest
from docx import Document

from bot.clock import ManualClock
from bot.reports.csv_format import render_csv
from bot.reports.data import Report, collect
from bot.reports.docx import render_docx
from bot.reports.ics import render_ics
from bot.reports.markdown import render_markdown
from bot.reports.xlsx import render_xlsx
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.meeting_plan import MeetingInput, replace_meetings
from bot.services.people import Actor
from bot.texts import Texts
from storage.db import Database

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
PLAN_2027 = [date(2027, m, d) for m, d in [(2, 11), (3, 11), (4, 15), (6, 17), (9, 23), (10, 21), (12, 9)]]
AT_MEETING = "Nämndens sammanträde 9 december 2027"


@pytest.fixture
def report(db: Database, clock: ManualClock) -> Report:
    """BUN-1 due at the year's last meeting, BUN-2 "vid varje sammanträde", BUN-3 on a plain date."""
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        bun = committee_service.get_committee(s, "BUN")
        replace_meetings(s, bun, [MeetingInput(d) for d in PLAN_2027], clock.now(), person_id=None)
        for text, deadline, recurrence in [
            ("Återrapportera arbetet", "till nämndens sista sammanträde 2027", ""),
            ("Redovisa läget för internkontrollen", "", "vid varje sammanträde"),
            ("Revidera rutinen", "2027-05-31", ""),
        ]:
            raw = CommitmentInput(text=text, committee="BUN", deadline=deadline, recurrence=recurrence)
            cs.create(s, ADMIN, cs.validate(s, raw, clock.today()), clock.now())
    with db.read() as s:
        return collect(s, "BUN", clock.today(), clock.now())


def test_the_rows_know_their_meeting(report: Report) -> None:
    assert [(r.reference, r.meeting) for r in report.commitments()] == [
        ("BUN-1", date(2027, 12, 9)),
        ("BUN-2", date(2027, 2, 11)),
        ("BUN-3", None),
    ]


def test_markdown_and_word_name_the_meeting(report: Report) -> None:
    texts = Texts()
    markdown = render_markdown(report, texts)
    assert AT_MEETING in markdown
    assert markdown.count("Nämndens sammanträde") == 2  # BUN-1 and BUN-2, not the plain date
    document = Document(io.BytesIO(render_docx(report, texts)))
    assert AT_MEETING in "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )


def test_csv_and_excel_have_the_meeting_in_a_column(report: Report) -> None:
    texts = Texts()
    lines = render_csv(report, texts).decode("utf-8-sig").splitlines()
    header = lines[0].split(";")
    column = header.index("Nämndens sammanträde")
    assert lines[1].split(";")[column] == "2027-12-09"
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(report, texts))).worksheets[0]
    titles = [c.value for c in sheet[1]]
    value = sheet.cell(row=2, column=titles.index("Nämndens sammanträde") + 1).value
    assert isinstance(value, datetime) and value.date() == date(2027, 12, 9)


def test_the_calendar_names_the_meeting_and_writes_each_meeting_as_rdate(report: Report) -> None:
    data = render_ics(report, Texts())
    events = {str(e["SUMMARY"]).split(":")[0]: e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    assert AT_MEETING in str(events["BUN-1"]["DESCRIPTION"])
    each = events["BUN-2"]
    assert "RRULE" not in each
    assert each.decoded("DTSTART") == date(2027, 2, 11)
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    assert "RDATE;VALUE=DATE:20270311" in unfolded and "RDATE:" not in unfolded
    rdates = each.get("RDATE")
    listed = rdates if isinstance(rdates, list) else [rdates]
    assert sorted(d.dt for r in listed for d in r.dts) == PLAN_2027[1:]


def test_each_meeting_is_said_in_words() -> None:
    texts = Texts()
    assert texts.rhythm("RDATE:20270211,20270311,20271209") == "vid varje sammanträde"
    # A rule of the plan's meetings reads so in the report too, as its rhythm.
    assert texts.rhythm("FREQ=YEARLY;BYMONTH=6,12") == "två gånger per år (juni och december)"
