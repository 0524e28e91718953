"""Importing a meeting plan from a calendar file, and showing it: who may, what changes, what follows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.documents.calendar import CalendarError
from bot.domain.errors import PermissionDenied
from bot.language.workdays import working_days_before
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.people import Actor
from bot.services.plan_import import import_plan, show_plan
from storage.db import Database
from storage.models import Commitment, StatusUpdate, UpdateKind

DATA = Path(__file__).resolve().parent.parent / "data" / "calendar"
ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SARA = Actor("USARA", "Sara", is_admin=False)
OLLE = Actor("UOLLE", "Olle", is_admin=False)
OUTLOOK = (DATA / "outlook_series_2027.ics").read_bytes()


@pytest.fixture
def db_bun(db: Database, clock: ManualClock) -> Database:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USARA", "Sara")], clock.now())
    return db


def _register(db: Database, clock: ManualClock, deadline: str) -> int:
    raw = CommitmentInput(text="Återrapportera arbetet", committee="BUN", deadline=deadline)
    with db.write() as s:
        return cs.create(s, ADMIN, cs.validate(s, raw, clock.now().date()), clock.now()).id


def test_a_secretary_imports_the_plan_and_is_told_what_was_read(db_bun: Database, clock: ManualClock) -> None:
    with db_bun.write() as s:
        done = import_plan(s, SARA, "bun", "plan.ics", OUTLOOK, clock.now())
    assert done.code == "BUN"
    assert (done.read.count, done.read.per_year) == (10, ((2027, 10),))
    assert (done.read.first, done.read.last) == (date(2027, 2, 11), date(2027, 12, 9))
    assert (done.added, done.moved, done.removed) == (10, (), ())


def test_only_secretaries_and_admins_may_and_nothing_is_stored_otherwise(db_bun: Database, clock: ManualClock) -> None:
    with db_bun.write() as s, pytest.raises(PermissionDenied) as err:
        import_plan(s, OLLE, "BUN", "plan.ics", OUTLOOK, clock.now())
    assert err.value.key == "err_secretary_only"
    with db_bun.read() as s:
        assert show_plan(s, "BUN", 2027).meetings == ()


def test_a_file_that_is_not_a_plan_changes_nothing(db_bun: Database, clock: ManualClock) -> None:
    with db_bun.write() as s:
        import_plan(s, ADMIN, "BUN", "plan.ics", OUTLOOK, clock.now())
    with db_bun.write() as s, pytest.raises(CalendarError):
        import_plan(s, ADMIN, "BUN", "plan.csv", b"Rubrik\r\nx\r\n", clock.now())
    with db_bun.read() as s:
        assert len(show_plan(s, "BUN", 2027).meetings) == 10


def test_a_re_exported_plan_moves_the_meeting_and_its_commitment(db_bun: Database, clock: ManualClock) -> None:
    with db_bun.write() as s:
        import_plan(s, SARA, "BUN", "plan.ics", OUTLOOK, clock.now())
    cid = _register(db_bun, clock, "till nämndens sista sammanträde 2027")
    # The December meeting of the series is moved to 16 December by an override, as Outlook exports it.
    override = (
        "BEGIN:VEVENT\r\nRECURRENCE-ID;TZID=W. Europe Standard Time:20271209T130000\r\n"
        "UID:040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6A701000000000000000\r\n"
        " 01000000012345678901234567890ABCDEF\r\n"
        "DTSTART;TZID=W. Europe Standard Time:20271216T130000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    moved_file = OUTLOOK.replace(b"END:VCALENDAR\r\n", override.encode())
    with db_bun.write() as s:
        done = import_plan(s, SARA, "BUN", "plan.ics", moved_file, clock.now())
    assert (done.added, done.moved, done.removed) == (0, ((date(2027, 12, 9), date(2027, 12, 16)),), ())
    assert [(f.commitment_id, f.old, f.new, f.why) for f in done.followed] == [
        (cid, date(2027, 12, 9), date(2027, 12, 16), "moved")
    ]
    with db_bun.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.deadline == date(2027, 12, 16)
        history = [u for u in s.query(StatusUpdate).filter_by(commitment_id=cid) if u.kind == UpdateKind.PLAN]
        assert [(u.old_deadline, u.new_deadline, u.reason) for u in history] == [
            (date(2027, 12, 9), date(2027, 12, 16), "moved")
        ]


def test_show_plan_gives_each_agenda_s_closing_day_and_the_commitments_due(
    db_bun: Database, clock: ManualClock
) -> None:
    with db_bun.write() as s:
        import_plan(s, SARA, "BUN", "plan.csv", (DATA / "plan_excel_semikolon.csv").read_bytes(), clock.now())
    _register(db_bun, clock, "till nämndens sista sammanträde 2027")
    with db_bun.read() as s:
        shown = show_plan(s, "BUN", 2027)
    assert [m.day for m in shown.meetings][-1] == date(2027, 12, 9)
    last = shown.meetings[-1]
    assert [c.reference for c in last.commitments] == ["BUN-1"]
    assert all(not m.commitments for m in shown.meetings[:-1])
    # 15 working days before Thursday 9 December 2027: Thursday 18 November.
    assert last.agenda_closes == date(2027, 11, 18)


def test_the_agenda_closes_counting_working_days_over_holidays() -> None:
    # 5 working days before Thursday 1 April 2027: Easter Monday (29 March) and Good Friday are skipped.
    assert working_days_before(date(2027, 4, 1), 5) == date(2027, 3, 23)
    assert working_days_before(date(2027, 4, 8), 0) == date(2027, 4, 8)
