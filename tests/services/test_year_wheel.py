"""The årshjul: defaults until an admin confirms, and commitments that follow a changed event."""

from __future__ import annotations

from datetime import date

import pytest

from bot.clock import ManualClock
from bot.domain.errors import PermissionDenied, ValidationFailed
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services import meeting_form, year_wheel
from bot.services.commitments import CommitmentInput
from bot.services.context import Services
from bot.services.people import Actor
from storage.db import Database
from storage.models import Commitment, StatusUpdate, UpdateKind
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SARA = Actor("USARA", "Sara", is_admin=False)
PLAN = ["2027-03-11", "2027-09-23", "2027-10-21", "2027-12-09"]


@pytest.fixture
def svc(db: Database, clock: ManualClock) -> Services:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
    services = offline_services(db, clock)
    pickers = [(f"new_{i}", None, d) for i, d in enumerate(PLAN)]
    edit = meeting_form.read_plan(2027, pickers, [], {"agenda_days": "15", "premeeting_days": "5"}, False)
    meeting_form.save_plan(services, ADMIN, "BUN", edit)
    return services


def test_a_year_nobody_saved_shows_the_defaults_unconfirmed(svc: Services) -> None:
    shown = year_wheel.wheel(svc, SARA, 2027)
    assert not shown.can_edit
    delars = next(e for e in shown.events if e.kind == "delarsrapport")
    assert (delars.day, delars.confirmed) == (date(2027, 9, 30), False)


def test_saving_confirms_the_year_and_moves_the_commitments_that_follow_an_event(svc: Services) -> None:
    raw = CommitmentInput(text="Redovisa uppföljningen", committee="BUN", deadline="i samband med delårsrapporten 2027")
    with svc.db.write() as s:
        cid = cs.create(s, ADMIN, cs.validate(s, raw, svc.clock.today()), svc.clock.now()).id
        assert s.get(Commitment, cid).deadline == date(2027, 10, 21)  # type: ignore[union-attr]
    shown = year_wheel.wheel(svc, ADMIN, 2027)
    submitted = {e.kind: (e.day.isoformat(), "0") for e in shown.events}
    submitted["delarsrapport"] = ("2027-08-31", "9")
    saved = year_wheel.save_wheel(svc, ADMIN, 2027, year_wheel.read_wheel(2027, submitted))
    assert saved.followed == 1
    assert all(e.confirmed for e in year_wheel.wheel(svc, SARA, 2027).events)
    with svc.db.read() as s:
        assert s.get(Commitment, cid).deadline == date(2027, 9, 23)  # type: ignore[union-attr]
        rows = [u for u in s.query(StatusUpdate).filter_by(commitment_id=cid) if u.kind == UpdateKind.PLAN]
        assert [(u.new_deadline, u.reason) for u in rows] == [(date(2027, 9, 23), "event")]


def test_a_day_far_from_the_year_is_said_on_its_event_and_only_admins_save(svc: Services) -> None:
    shown = year_wheel.wheel(svc, ADMIN, 2027)
    submitted = {e.kind: (e.day.isoformat(), "0") for e in shown.events}
    submitted["bokslut"] = ("2030-02-15", "0")
    with pytest.raises(ValidationFailed) as err:
        year_wheel.read_wheel(2027, submitted)
    assert list(err.value.errors) == ["bokslut"]
    submitted["bokslut"] = ("2028-02-15", "3")
    with pytest.raises(PermissionDenied):
        year_wheel.save_wheel(svc, SARA, 2027, year_wheel.read_wheel(2027, submitted))
