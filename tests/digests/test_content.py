"""What a digest and the overview report, on history made through the services."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select

from bot.digests.content import (
    SECTION_LIMIT,
    CommitteeDigest,
    last_week,
    load_digest,
    load_digests,
    load_overview,
)
from bot.digests.schedule import digest_slot
from bot.domain.digest_schedule import DigestSchedule
from bot.services import committees as committee_service
from bot.services.traffic import Light, light
from storage.db import Database
from storage.models import Commitment, CommitmentStatus
from tests.conftest import STOCKHOLM
from tests.digests.conftest import Register

# Monday of ISO week 49; the digest's period is the week since last Monday 08:00.
NOW = datetime(2026, 11, 30, 8, 0, tzinfo=STOCKHOLM)
SLOT = digest_slot(DigestSchedule(), NOW.date())


def _at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=STOCKHOLM)


@dataclass
class Scenario:
    """References by what happened to them."""

    refs: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.refs[name]


@pytest.fixture
def scenario(register: Register) -> Scenario:
    register.committee("BUN", "Barn- och utbildningsnämnden")
    register.committee("SN", "Socialnämnden")
    register.committee("KS", "Kommunstyrelsen")
    deadlines: dict[str, date | None] = {
        "overdue_silent": date(2026, 11, 15),
        "overdue_yesterday": date(2026, 11, 29),
        "due_today": date(2026, 11, 30),
        "due_in_30_days": date(2026, 12, 30),
        "due_in_31_days": date(2026, 12, 31),
        "done_in_period": date(2027, 6, 30),
        "done_before": date(2027, 6, 30),
        "done_then_reopened": date(2027, 6, 30),
        "done_at_period_start": date(2027, 6, 30),
        "done_at_period_end": date(2027, 6, 30),
        "moved_in_period": date(2027, 3, 31),
        "moved_before": date(2027, 3, 31),
        "cancelled_overdue": date(2026, 11, 1),
        "silent_30_days": date(2027, 6, 30),
        "updated_just_under_30_days": date(2027, 6, 30),
        "recurring_untouched": None,
    }
    ids = dict(zip(deadlines, register.commitments("BUN", list(deadlines.values())), strict=True))
    register.comment(ids["overdue_yesterday"], _at(11, 20))
    for name in ("due_today", "due_in_30_days", "due_in_31_days"):
        register.comment(ids[name], _at(11, 25))
    register.status(ids["done_in_period"], CommitmentStatus.DONE, _at(11, 26))
    register.status(ids["done_before"], CommitmentStatus.DONE, _at(11, 20))
    register.status(ids["done_then_reopened"], CommitmentStatus.DONE, _at(11, 24))
    register.status(ids["done_then_reopened"], CommitmentStatus.IN_PROGRESS, _at(11, 25))
    register.status(ids["done_at_period_start"], CommitmentStatus.DONE, SLOT.period.start)
    register.status(ids["done_at_period_end"], CommitmentStatus.DONE, SLOT.period.end)
    register.move(ids["moved_in_period"], date(2027, 9, 30), "Polisen vill vara med i revideringen", _at(11, 27))
    register.move(ids["moved_before"], date(2027, 9, 30), "Väntar på regionen", _at(11, 10))
    register.status(ids["cancelled_overdue"], CommitmentStatus.CANCELLED, _at(10, 1))
    register.comment(ids["silent_30_days"], NOW - timedelta(days=30))
    register.comment(ids["updated_just_under_30_days"], NOW - timedelta(days=30) + timedelta(minutes=1))
    ids["sn_overdue"] = register.commitment("SN", date(2026, 10, 1))
    refs = {name: f"{'SN' if name.startswith('sn_') else 'BUN'}-{number}" for name, number in _numbers(ids).items()}
    return Scenario(refs)


def _numbers(ids: dict[str, int]) -> dict[str, int]:
    # Numbers run per committee in registration order; BUN's come first and SN's is its first.
    bun = {name: index + 1 for index, name in enumerate(n for n in ids if not n.startswith("sn_"))}
    return {**bun, "sn_overdue": 1}


def _digest(db: Database, code: str = "BUN") -> CommitteeDigest:
    with db.read() as s:
        return load_digest(s, committee_service.get_committee(s, code), NOW, SLOT.period)


def _refs(items: Any) -> list[str]:
    return [getattr(item, "item", item).reference for item in items]


def test_each_section_answers_its_question(db: Database, scenario: Scenario) -> None:
    digest = _digest(db)
    assert _refs(digest.overdue.items) == [scenario["overdue_silent"], scenario["overdue_yesterday"]]
    assert _refs(digest.due_soon.items) == [scenario["due_today"], scenario["due_in_30_days"]]
    # Latest first; a commitment reopened since is no longer done; the period's end belongs to next week.
    assert _refs(digest.done.items) == [scenario["done_in_period"], scenario["done_at_period_start"]]
    assert _refs(digest.moved.items) == [scenario["moved_in_period"]]
    # Longest silence first; "never updated" counts from the registration.
    assert _refs(digest.silent.items) == [
        scenario["overdue_silent"],
        scenario["recurring_untouched"],
        scenario["silent_30_days"],
    ]
    open_names = [
        "overdue_silent",
        "overdue_yesterday",
        "due_today",
        "due_in_30_days",
        "due_in_31_days",
        "done_then_reopened",
        "moved_in_period",
        "moved_before",
        "silent_30_days",
        "updated_just_under_30_days",
        "recurring_untouched",
    ]
    assert digest.open_total == len(open_names)
    assert (digest.overdue.total, digest.due_soon.total, digest.done.total) == (2, 2, 2)
    assert (digest.moved.total, digest.silent.total) == (1, 3)
    assert not digest.is_empty
    assert (digest.code, digest.name, digest.today, digest.period) == (
        "BUN",
        "Barn- och utbildningsnämnden",
        date(2026, 11, 30),
        SLOT.period,
    )


def test_items_carry_what_a_line_shows(db: Database, scenario: Scenario) -> None:
    digest = _digest(db)
    moved = digest.moved.items[0]
    assert (moved.old_deadline, moved.new_deadline) == (date(2027, 3, 31), date(2027, 9, 30))
    assert moved.reason == "Polisen vill vara med i revideringen"
    assert moved.moved_at == _at(11, 27)
    assert moved.item.status == CommitmentStatus.DELAYED
    assert moved.item.original_deadline == date(2027, 3, 31)
    assert moved.item.light == Light.RED
    done = digest.done.items[0]
    assert done.done_at == _at(11, 26)
    assert done.item.light == Light.GREEN
    overdue = digest.overdue.items[0]
    assert overdue.light == Light.RED
    assert (overdue.owner_user_id, overdue.owner_role) == ("UOWNER", "förvaltningschef")
    assert overdue.text == "Revidera rutinen för orosanmälan"
    assert overdue.last_update_at is None
    assert digest.silent.items[1].deadline is None
    assert digest.silent.items[1].recurrence_phrase == "årligen"


def test_other_committees_are_not_mixed_in(db: Database, scenario: Scenario) -> None:
    sn = _digest(db, "SN")
    assert _refs(sn.overdue.items) == [scenario["sn_overdue"]]
    assert sn.open_total == 1
    ks = _digest(db, "KS")
    assert ks.is_empty and ks.open_total == 0


def test_a_section_loads_its_first_lines_and_counts_the_rest(db: Database, register: Register) -> None:
    register.committee("BUN", "Barn- och utbildningsnämnden")
    deadlines = [date(2026, 11, 1) + timedelta(days=n % 20) for n in range(SECTION_LIMIT + 7)]
    register.commitments("BUN", deadlines)
    digest = _digest(db)
    assert digest.overdue.total == SECTION_LIMIT + 7
    assert len(digest.overdue.items) == SECTION_LIMIT
    assert digest.overdue.more == 7
    shown = [item.deadline for item in digest.overdue.items]
    assert shown == sorted(deadlines)[:SECTION_LIMIT]
    with db.read() as s:
        wider = load_digest(s, committee_service.get_committee(s, "BUN"), NOW, SLOT.period, limit=100)
    assert len(wider.overdue.items) == SECTION_LIMIT + 7


def test_each_committee_reports_its_own_period(db: Database, register: Register) -> None:
    register.committee("BUN", "Barn- och utbildningsnämnden")
    register.committee("SN", "Socialnämnden")
    bun = register.commitment("BUN", date(2027, 6, 30))
    sn = register.commitment("SN", date(2027, 6, 30))
    # Friday 20 November: before BUN's Monday-to-Monday period, inside SN's Friday-to-Friday one.
    register.status(bun, CommitmentStatus.DONE, _at(11, 20, 12))
    register.status(sn, CommitmentStatus.DONE, _at(11, 20, 12))
    friday = digest_slot(DigestSchedule(4, time(7, 30)), date(2026, 11, 27))
    with db.read() as s:
        committees = {c.code: c for c in committee_service.all_committees(s)}
        digests = load_digests(s, [(committees["BUN"], SLOT.period), (committees["SN"], friday.period)], NOW)
    assert digests[committees["BUN"].id].done.total == 0
    assert _refs(digests[committees["SN"].id].done.items) == ["SN-1"]


@contextmanager
def _counting(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_the_number_of_queries_does_not_grow_with_committees(db: Database, register: Register) -> None:
    for n in range(12):
        register.committee(f"K{n}", f"Nämnd {n}")
        ids = register.commitments(f"K{n}", [date(2026, 11, 1), date(2026, 12, 10), date(2027, 5, 1)])
        register.status(ids[2], CommitmentStatus.DONE, _at(11, 25))
        register.move(ids[1], date(2027, 1, 31), "Väntar på regionen", _at(11, 26))

    def queries(how_many: int) -> int:
        with db.read() as s:
            committees = committee_service.all_committees(s)[:how_many]
            with _counting(db) as statements:
                digests = load_digests(s, [(c, SLOT.period) for c in committees], NOW)
            assert all(d.overdue.total == 1 and d.done.total == 1 and d.moved.total == 1 for d in digests.values())
            return len([q for q in statements if q.lstrip().upper().startswith("SELECT")])

    assert queries(1) == queries(12) == 8


def test_overview_counts_per_committee_and_in_all(db: Database, scenario: Scenario) -> None:
    with db.read() as s:
        overview = load_overview(s, NOW)
        rows = list(s.scalars(select(Commitment)))
    assert overview.month == "2026-11"
    assert [line.code for line in overview.committees] == ["BUN", "KS", "SN"]
    bun, ks, sn = (line.counts for line in overview.committees)
    assert dict(bun.by_status) == {
        CommitmentStatus.NOT_STARTED: 8,
        CommitmentStatus.IN_PROGRESS: 1,
        CommitmentStatus.DONE: 4,
        CommitmentStatus.DELAYED: 2,
        CommitmentStatus.CANCELLED: 1,
    }
    assert (bun.total, bun.open, bun.overdue) == (16, 11, 2)
    assert ks.total == 0 and set(ks.by_light.values()) == {0}
    assert (sn.total, sn.overdue, sn.by_light[Light.RED]) == (1, 1, 1)
    # The same light as cards and App Home show, commitment by commitment.
    expected = dict.fromkeys(Light, 0)
    for commitment in rows:
        if commitment.committee_id == overview.committees[0].committee_id:
            expected[light(commitment, NOW.date(), NOW)] += 1
    assert dict(bun.by_light) == expected
    assert overview.totals.total == 17
    assert overview.totals.overdue == 3
    for status in CommitmentStatus:
        assert overview.totals.by_status[status] == bun.by_status[status] + sn.by_status[status]


def test_moments_must_be_aware(db: Database, scenario: Scenario) -> None:
    with db.read() as s, pytest.raises(ValueError, match="timezone-aware"):
        load_overview(s, datetime(2026, 11, 30, 8))
    with db.read() as s, pytest.raises(ValueError, match="timezone-aware"):
        load_digests(s, [], datetime(2026, 11, 30, 8))
    assert last_week(NOW).end - last_week(NOW).start == timedelta(days=7)
