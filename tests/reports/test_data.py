"""Collecting the follow-up pack: grouping, lights, history, the case filter, and few queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from bot.clock import ManualClock
from bot.domain.errors import NotFound
from bot.reports.data import Report, collect
from bot.services import committees as committee_service
from bot.services.traffic import Light
from storage.db import Database
from storage.models import Case, Commitment, CommitmentStatus, Person, StatusUpdate, UpdateKind
from tests.reports.conftest import ADMIN, DNR, EVIDENCE, REASON, RECOMMENDATIONS, Seeded


def _by_ref(report: Report) -> dict[str, Any]:
    return {row.reference: row for row in report.commitments()}


def test_cases_then_recommendations_then_commitments(report: Report) -> None:
    assert (report.committee_code, report.committee_name) == ("BUN", "Barn- och utbildningsnämnden")
    assert [c.dnr for c in report.cases] == [DNR, "2024/BUN 0007", None]
    first, second, loose = report.cases
    assert first.title == "Granskning av samverkan kring barn som far illa"
    assert (first.auditor, first.report_date, first.answer_date) == ("EY", date(2023, 3, 10), date(2023, 4, 20))
    groups = [(g.number, g.text, [r.reference for r in g.commitments]) for g in first.recommendations]
    assert groups == [
        (1, RECOMMENDATIONS[0], ["BUN-1", "BUN-2"]),
        (2, RECOMMENDATIONS[1], ["BUN-3"]),
        # A recommendation that no commitment answers is shown too: the auditors ask about it.
        (3, RECOMMENDATIONS[2], []),
        (None, None, ["BUN-4"]),
    ]
    assert [(g.number, [r.reference for r in g.commitments]) for g in second.recommendations] == [(None, ["BUN-7"])]
    assert loose.case_id is None
    assert [r.reference for r in loose.commitments()] == ["BUN-5", "BUN-6"]
    # The other committee's commitment is not in BUN's pack.
    assert "SN-1" not in _by_ref(report)
    assert report.total == 7


def test_facts_of_each_commitment(report: Report, seeded: Seeded) -> None:
    rows = _by_ref(report)
    delayed = rows[seeded.delayed]
    assert delayed.status == CommitmentStatus.DELAYED and delayed.light == Light.RED
    assert (delayed.deadline, delayed.deadline_phrase) == (date(2027, 12, 31), "under hösten 2027")
    assert (delayed.original_deadline, delayed.original_deadline_phrase) == (date(2027, 4, 30), "senast i april 2027")
    assert delayed.moved
    [move] = delayed.moves
    assert (move.old, move.new, move.reason, move.by) == (
        date(2027, 4, 30),
        date(2027, 12, 31),
        REASON,
        "Sara Sekreterare",
    )
    assert (delayed.owner_name, delayed.owner_role, delayed.owner_user_id) == (
        "Anna Andersson",
        "förvaltningschef",
        "UANNA",
    )

    recurring = rows[seeded.recurring]
    assert recurring.deadline is None and recurring.recurrence_phrase == "två gånger per läsår"
    assert recurring.recurrence == "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"
    assert recurring.latest_comment is not None
    assert recurring.latest_comment.text == "Andra genomgången är bokad till mars"
    assert recurring.evidence == ("https://intranat.example.se/a",)
    assert not recurring.moved and recurring.moves == ()

    assert rows[seeded.due_soon].light == Light.YELLOW  # due 31 January, nobody has said anything
    assert rows[seeded.done].light == Light.GREEN and rows[seeded.done].evidence == (EVIDENCE,)
    assert rows[seeded.cancelled].light == Light.NONE
    assert rows[seeded.loose].owner_name is None and rows[seeded.loose].owner_role == "enhetschef"


def test_counts(report: Report) -> None:
    assert report.status_counts() == {
        CommitmentStatus.DONE: 1,
        CommitmentStatus.IN_PROGRESS: 1,
        CommitmentStatus.NOT_STARTED: 3,
        CommitmentStatus.DELAYED: 1,
        CommitmentStatus.CANCELLED: 1,
    }
    assert report.light_counts() == {Light.RED: 1, Light.YELLOW: 1, Light.GREEN: 4, Light.NONE: 1}
    assert report.cases[0].status_counts()[CommitmentStatus.NOT_STARTED] == 1


def test_lights_follow_the_clock(db: Database, clock: ManualClock, seeded: Seeded) -> None:
    clock.advance(timedelta(days=30))  # 17 February: BUN-3 (31 January) is overdue now
    with db.read() as s:
        report = collect(s, "bun", clock.today(), clock.now())
    assert _by_ref(report)[seeded.due_soon].light == Light.RED
    assert report.today == date(2027, 2, 17)


@pytest.mark.parametrize("dnr", [DNR, "2023/bun 148", " 2023/BUN 0148 ", "bun 2023/0148", "2023/0148"])
def test_one_case_by_its_diarienummer_however_written(
    db: Database, clock: ManualClock, seeded: Seeded, dnr: str
) -> None:
    with db.read() as s:
        report = collect(s, "BUN", clock.today(), clock.now(), dnr=dnr)
    assert report.case_dnr == DNR
    assert [c.dnr for c in report.cases] == [DNR]
    assert [r.reference for r in report.commitments()] == ["BUN-1", "BUN-2", "BUN-3", "BUN-4"]


def test_unknown_committee_and_case(db: Database, clock: ManualClock, seeded: Seeded) -> None:
    with db.read() as s:
        with pytest.raises(NotFound) as unknown:
            collect(s, "xyz", clock.today(), clock.now())
        assert (unknown.value.key, unknown.value.params) == (
            "report_unknown_committee",
            {"code": "XYZ", "known": ["BUN", "SN"]},
        )
        with pytest.raises(NotFound) as no_case:
            collect(s, "BUN", clock.today(), clock.now(), dnr="2099/BUN 1")
        assert (no_case.value.key, no_case.value.params) == (
            "report_unknown_case",
            {"dnr": "2099/BUN 1", "code": "BUN"},
        )
        # A case of another committee is not found through this one.
        with pytest.raises(NotFound):
            collect(s, "SN", clock.today(), clock.now(), dnr=DNR)


def test_an_empty_committee(db: Database, clock: ManualClock) -> None:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "KS", "Kommunstyrelsen", clock.now())
    with db.read() as s:
        report = collect(s, "KS", clock.today(), clock.now())
    assert report.cases == () and report.total == 0


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _bulk(db: Database, clock: ManualClock, n: int, start: int) -> None:
    """``n`` more BUN commitments with an owner and history, straight into the tables."""
    now = clock.now()
    with db.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        case = s.query(Case).filter_by(dnr=DNR).one()
        owners = [Person(slack_user_id=f"UBULK{i}", display_name=f"Person {i}", created_at=now) for i in range(50)]
        s.add_all(owners)
        s.flush()
        rows = [
            Commitment(
                committee_id=bun.id,
                number=start + i,
                case_id=case.id if i % 2 else None,
                text=f"Åtgärd {i}",
                owner_id=owners[i % 50].id,
                deadline=date(2027, 3, 1) + timedelta(days=i % 300),
                original_deadline=date(2027, 3, 1),
                status=CommitmentStatus.IN_PROGRESS,
                created_at=now,
                updated_at=now,
            )
            for i in range(n)
        ]
        s.add_all(rows)
        s.flush()
        s.add_all(
            StatusUpdate(
                commitment_id=c.id, person_id=owners[0].id, created_at=now, kind=UpdateKind.COMMENT, comment="ok"
            )
            for c in rows
        )


@pytest.mark.slow
def test_a_large_committee_is_read_in_a_fixed_number_of_queries(
    db: Database, clock: ManualClock, seeded: Seeded
) -> None:
    with counted(db) as small_run, db.read() as s:
        small = collect(s, "BUN", clock.today(), clock.now())
    _bulk(db, clock, 3000, start=100)
    with counted(db) as large_run, db.read() as s:
        large = collect(s, "BUN", clock.today(), clock.now())
    assert large.total == small.total + 3000
    assert all(row.latest_comment is not None for row in large.commitments() if row.number >= 100)
    # Loading owners in batches (selectin) adds a query per 500 owners at most, never one per commitment.
    assert len(large_run) <= len(small_run) + 2, large_run
    assert len(large_run) < 15


def test_report_times_are_the_clocks(report: Report, clock: ManualClock) -> None:
    assert report.now == clock.now() and isinstance(report.now, datetime)
