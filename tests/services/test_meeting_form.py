"""The sammanträdesplan modal's service: reading the submitted pickers, saving them, who may."""

from __future__ import annotations

from datetime import date

import pytest

from bot.clock import ManualClock
from bot.domain.errors import PermissionDenied, ValidationFailed
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services import meeting_form
from bot.services.commitments import CommitmentInput
from bot.services.context import Services
from bot.services.people import Actor
from storage.db import Database
from storage.models import Commitment, Committee, StatusUpdate, UpdateKind
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SARA = Actor("USARA", "Sara", is_admin=False)
OLLE = Actor("UOLLE", "Olle", is_admin=False)
SETTINGS = {"agenda_days": "15", "premeeting_days": "5"}


@pytest.fixture
def svc(db: Database, clock: ManualClock) -> Services:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USARA", "Sara")], clock.now())
    return offline_services(db, clock)


def _edit(days: list[str], year: int = 2027, **settings: str) -> meeting_form.PlanEdit:
    pickers = [(f"new_{i}", None, d) for i, d in enumerate(days)]
    return meeting_form.read_plan(year, pickers, [], {**SETTINGS, **settings}, False)


def _register(svc: Services, deadline: str) -> int:
    raw = CommitmentInput(text="Återrapportera arbetet", committee="BUN", deadline=deadline)
    with svc.db.write() as s:
        return cs.create(s, ADMIN, cs.validate(s, raw, svc.clock.today()), svc.clock.now()).id


def test_the_default_year_is_this_one_and_next_year_in_december() -> None:
    assert meeting_form.default_year(date(2027, 11, 30)) == 2027
    assert meeting_form.default_year(date(2027, 12, 1)) == 2028


def test_bad_pickers_are_refused_on_their_own_field() -> None:
    pickers = [
        ("meeting_0", date(2027, 3, 11), "2027-03-11"),
        ("new_0", None, "2028-01-20"),
        ("new_1", None, "2027-03-11"),
    ]
    with pytest.raises(ValidationFailed) as err:
        meeting_form.read_plan(2027, pickers, [], {"agenda_days": "x", "premeeting_days": "5"}, False)
    found = {field: key for field, (key, _) in err.value.errors.items()}
    assert found == {
        "new_0": "err_meeting_outside_year",
        "new_1": "err_meeting_twice",
        "agenda_days": "err_meetings_days",
    }


def test_more_meetings_than_a_year_takes_are_refused_on_the_first_one_too_many() -> None:
    pickers = [(f"meeting_{i}", None, date(2027, 1, 1 + i).isoformat()) for i in range(meeting_form.MAX_MEETINGS + 1)]
    with pytest.raises(ValidationFailed) as err:
        meeting_form.read_plan(2027, pickers, [], SETTINGS, False)
    assert list(err.value.errors) == [f"meeting_{meeting_form.MAX_MEETINGS}"]
    assert err.value.errors[f"meeting_{meeting_form.MAX_MEETINGS}"][0] == "err_meetings_too_many"


def test_saving_the_plan_dates_waiting_commitments_and_stores_the_settings(svc: Services) -> None:
    edit = _edit(["2027-03-11", "2027-12-09"], agenda_days="10", premeeting_days="3")
    saved = meeting_form.save_plan(svc, SARA, "BUN", edit)
    assert (saved.added, saved.meetings) == (2, (date(2027, 3, 11), date(2027, 12, 9)))
    cid = _register(svc, "till nämndens sista sammanträde 2027")
    with svc.db.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.deadline == date(2027, 12, 9)
        bun = s.query(Committee).filter_by(code="BUN").one()
        assert (bun.agenda_days, bun.premeeting_days, bun.premeeting_report) == (10, 3, False)


def test_a_changed_picker_moves_the_meeting_and_its_commitments(svc: Services) -> None:
    meeting_form.save_plan(svc, SARA, "BUN", _edit(["2027-03-11", "2027-12-09"]))
    cid = _register(svc, "till nämndens sista sammanträde 2027")
    form = meeting_form.meetings_form(svc, SARA, "BUN", 2027)
    assert form.meetings == (date(2027, 3, 11), date(2027, 12, 9))
    pickers = [("meeting_0", date(2027, 3, 11), "2027-03-11"), ("meeting_1", date(2027, 12, 9), "2027-12-16")]
    saved = meeting_form.save_plan(svc, SARA, "BUN", meeting_form.read_plan(2027, pickers, [], SETTINGS, True))
    assert (saved.moved, saved.removed, saved.followed) == (1, 0, 1)
    with svc.db.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.deadline == date(2027, 12, 16)
        rows = [u for u in s.query(StatusUpdate).filter_by(commitment_id=cid) if u.kind == UpdateKind.PLAN]
        assert [(u.old_deadline, u.new_deadline, u.reason) for u in rows] == [
            (date(2027, 12, 9), date(2027, 12, 16), "moved")
        ]


def test_a_meeting_ticked_for_removal_goes_and_its_commitment_takes_the_new_last_meeting(svc: Services) -> None:
    meeting_form.save_plan(svc, SARA, "BUN", _edit(["2027-03-11", "2027-10-21", "2027-12-09"]))
    cid = _register(svc, "till nämndens sista sammanträde 2027")
    pickers = [
        ("meeting_0", date(2027, 3, 11), "2027-03-11"),
        ("meeting_1", date(2027, 10, 21), "2027-10-21"),
        ("meeting_2", date(2027, 12, 9), "2027-12-09"),
    ]
    edit = meeting_form.read_plan(2027, pickers, ["2027-12-09"], SETTINGS, False)
    saved = meeting_form.save_plan(svc, SARA, "BUN", edit)
    assert (saved.removed, saved.followed) == (1, 1)
    with svc.db.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.deadline == date(2027, 10, 21)


def test_only_the_committees_secretaries_and_admins_see_or_change_the_plan(svc: Services) -> None:
    with pytest.raises(PermissionDenied):
        meeting_form.meetings_form(svc, OLLE, "BUN", 2027)
    with pytest.raises(PermissionDenied):
        meeting_form.save_plan(svc, OLLE, "BUN", _edit(["2027-03-11"]))
    assert not meeting_form.can_edit_plan(svc, OLLE, "BUN")
    assert meeting_form.can_edit_plan(svc, SARA, "BUN")
    assert meeting_form.meetings_form(svc, SARA, "BUN", 2027).meetings == ()
