"""The services behind the owner's buttons, the answer modals and registration: checks and views."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.clock import ManualClock
from bot.domain.errors import NotFound, PermissionDenied, UserError, ValidationFailed
from bot.services import answers, registration
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services import routines as routine_service
from bot.services.commitments import CommitmentInput
from bot.services.context import Services
from bot.services.people import Actor
from storage.db import Database
from storage.models import CommitmentStatus, UpdateKind
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SECRETARY = Actor("USEC", "Sara Sekreterare", is_admin=False)
OWNER = Actor("UOWNER", "Olle Ägare", is_admin=False)
STRANGER = Actor("USTRANGER", "Någon Annan", is_admin=False)


@pytest.fixture
def svc(db: Database, clock: ManualClock) -> Services:
    # A directory that knows no one: the actors are handed to the services directly.
    services = offline_services(db, clock, people={})
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USEC", "Sara Sekreterare")], clock.now())
    return services


def _raw(**fields: str) -> CommitmentInput:
    return CommitmentInput(
        text=fields.get("text", "Revidera rutinen för orosanmälan"),
        committee="BUN",
        owner_user_id="UOWNER",
        owner_name="Olle Ägare",
        owner_role="förvaltningschef",
        deadline=fields.get("deadline", "senast i april 2027"),
        dnr="2023/BUN 0148",
    )


def _status(svc: Services, commitment_id: int) -> CommitmentStatus:
    with svc.db.read() as s:
        return cs.get_by_id(s, commitment_id).status


def test_registering_gives_the_id_and_the_view_with_suggested_routines(svc: Services) -> None:
    with svc.db.write() as s:
        routine_service.add_routine(s, title="Rutin för orosanmälan", body="Så gör du.", now=svc.clock.now())
    commitment_id = registration.register(svc, SECRETARY, _raw())
    saved = registration.registered(svc, commitment_id)
    assert (saved.view.id, saved.view.ref, saved.view.deadline) == (commitment_id, "BUN-1", date(2027, 4, 30))
    assert [s.title for s in saved.suggestions] == ["Rutin för orosanmälan"]


def test_registering_is_refused_to_others_and_bad_fields_are_named(svc: Services) -> None:
    with pytest.raises(PermissionDenied):
        registration.register(svc, STRANGER, _raw())
    with pytest.raises(ValidationFailed) as info:
        registration.register(svc, SECRETARY, _raw(deadline="någon gång"))
    assert info.value.errors["deadline"][0] == "err_deadline_unreadable"
    with pytest.raises(NotFound):
        registration.registered(svc, 99)


def test_the_owners_answer_changes_the_status_and_the_view_shows_it(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, _raw())
    answers.record_answer(svc, OWNER, commitment_id, done=False)
    assert _status(svc, commitment_id) == CommitmentStatus.IN_PROGRESS
    answers.record_answer(svc, OWNER, commitment_id, done=True)
    shown = answers.shown_after_change(svc, OWNER, commitment_id)
    assert (shown.view.status_key, shown.view.is_open) == ("done", False)
    assert shown.owner_user_id == "UOWNER"
    assert not shown.can_edit
    assert answers.shown_after_change(svc, SECRETARY, commitment_id).can_edit


def test_an_answer_from_someone_else_or_to_an_unknown_id_is_refused(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, _raw())
    with pytest.raises(PermissionDenied) as info:
        answers.record_answer(svc, STRANGER, commitment_id, done=True)
    assert info.value.params == {"ref": "BUN-1"}
    assert _status(svc, commitment_id) == CommitmentStatus.NOT_STARTED
    with pytest.raises(NotFound):
        answers.record_answer(svc, OWNER, commitment_id + 1, done=True)


def test_the_answer_modals_open_for_the_owner_of_an_open_commitment_only(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, _raw())
    assert answers.answerable_reference(svc, OWNER, commitment_id) == "BUN-1"
    with pytest.raises(UserError) as refused:
        answers.answerable_reference(svc, STRANGER, commitment_id)
    assert refused.value.key == "err_not_owner"
    with svc.db.write() as s:
        cs.set_status(s, SECRETARY, cs.get_by_id(s, commitment_id), CommitmentStatus.CANCELLED, svc.clock.now())
    with pytest.raises(UserError) as cancelled:
        answers.answerable_reference(svc, OWNER, commitment_id)
    assert cancelled.value.key == "err_cancelled"


def test_the_edit_form_is_filled_in_for_secretaries_only(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, _raw())
    form = answers.edit_form(svc, SECRETARY, commitment_id)
    assert form.prefill.text == "Revidera rutinen för orosanmälan"
    assert form.prefill.deadline == "senast i april 2027"
    assert form.prefill.owner_user_id == "UOWNER"
    assert form.prefill.dnr == "2023/BUN 0148"
    assert [c.code for c in form.committees] == ["BUN"]
    assert form.current_status == CommitmentStatus.NOT_STARTED.value
    assert {value for value, _ in form.statuses} == {s.value for s in CommitmentStatus}
    with pytest.raises(UserError) as info:
        answers.edit_form(svc, OWNER, commitment_id)
    assert (info.value.key, info.value.params) == ("err_secretary_only", {"code": "BUN"})


def test_a_rebuilt_form_offers_the_actors_committees_or_the_edited_ones(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, _raw())
    new = answers.form_choices(svc, SECRETARY, None)
    assert [c.code for c in new.committees] == ["BUN"] and new.statuses is None
    assert answers.form_choices(svc, STRANGER, None).committees == ()
    editing = answers.form_choices(svc, SECRETARY, commitment_id)
    assert [c.name for c in editing.committees] == ["Barn- och utbildningsnämnden"]
    assert editing.statuses is not None


def test_an_edit_saves_and_a_moved_date_needs_a_reason(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, _raw())
    with pytest.raises(ValidationFailed) as info:
        answers.save_edit(svc, SECRETARY, commitment_id, _raw(deadline="2027-06-30"), "", "")
    assert info.value.errors["reason"][0] == "err_edit_reason_needed"
    with pytest.raises(PermissionDenied):
        answers.save_edit(svc, OWNER, commitment_id, _raw(text="Annan text"), "", "")
    answers.save_edit(svc, SECRETARY, commitment_id, _raw(deadline="2027-06-30"), "in_progress", "Nytt beslut")
    view = answers.shown_after_change(svc, SECRETARY, commitment_id).view
    assert (view.deadline, view.original_deadline, view.status_key) == (
        date(2027, 6, 30),
        date(2027, 4, 30),
        "in_progress",
    )
    # A status value the form does not know keeps the status.
    answers.save_edit(svc, SECRETARY, commitment_id, _raw(text="Ny text", deadline="2027-06-30"), "bogus", "")
    assert _status(svc, commitment_id) == CommitmentStatus.IN_PROGRESS


def test_a_delay_needs_a_date_and_a_reason_and_moves_the_date(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, _raw())
    with pytest.raises(ValidationFailed) as info:
        answers.report_delay(svc, OWNER, commitment_id, "", "")
    assert set(info.value.errors) == {"deadline", "reason"}
    with pytest.raises(PermissionDenied):
        answers.report_delay(svc, STRANGER, commitment_id, "2027-09-30", "Remissen drog ut")
    answers.report_delay(svc, OWNER, commitment_id, "2027-09-30", "Remissen drog ut")
    view = answers.shown_after_change(svc, OWNER, commitment_id).view
    assert (view.deadline, view.status_key, view.moved) == (date(2027, 9, 30), "delayed", True)


def test_a_comment_is_kept_and_refused_to_others(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, _raw())
    with pytest.raises(PermissionDenied):
        answers.comment(svc, STRANGER, commitment_id, "Hej", "")
    with pytest.raises(ValidationFailed) as info:
        answers.comment(svc, OWNER, commitment_id, "", "inte en länk")
    assert set(info.value.errors) == {"comment", "evidence_url"}
    answers.comment(svc, OWNER, commitment_id, "Utkast klart", "https://intranat.example.se/bus")
    with svc.db.read() as s:
        last = cs.history(s, cs.get_by_id(s, commitment_id))[-1]
        assert (last.kind, last.comment) == (UpdateKind.COMMENT, "Utkast klart")


def test_linking_a_routine_says_whether_it_was_new_and_who_may(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, _raw())
    with svc.db.write() as s:
        routine, _ = routine_service.add_routine(s, title="Rutin för orosanmälan", body="x", now=svc.clock.now())
        routine_id = routine.id
    with pytest.raises(UserError) as info:
        answers.link_routine(svc, STRANGER, commitment_id, routine_id)
    assert info.value.key == "err_not_owner"
    first = answers.link_routine(svc, OWNER, commitment_id, routine_id)
    again = answers.link_routine(svc, OWNER, commitment_id, routine_id)
    assert (first.linked, first.title, first.ref) == (True, "Rutin för orosanmälan", "BUN-1")
    assert not again.linked
    assert answers.shown_after_change(svc, OWNER, commitment_id).view.routines == ("Rutin för orosanmälan",)


def test_an_answer_to_an_occurrence_already_done_writes_nothing(svc: Services) -> None:
    commitment_id = registration.register(svc, SECRETARY, replace(_raw(), recurrence="varje månad"))
    first = date(2027, 4, 30)
    assert answers.record_answer(svc, OWNER, commitment_id, done=True, occurrence=first).recorded
    again = answers.record_answer(svc, OWNER, commitment_id, done=False, occurrence=first)
    assert (again.recorded, again.closed, again.occurrence) == (False, True, first)
    # The next occurrence is still open to answers, and the commitment goes on.
    assert answers.record_answer(svc, OWNER, commitment_id, done=True, occurrence=date(2027, 5, 31)).recorded
    assert _status(svc, commitment_id) == CommitmentStatus.IN_PROGRESS
    with svc.db.read() as s:
        rows = cs.history(s, cs.get_by_id(s, commitment_id))
    assert [(u.kind, u.occurrence) for u in rows] == [
        (UpdateKind.CREATED, None),
        (UpdateKind.STATUS, first),
        (UpdateKind.STATUS, date(2027, 5, 31)),
    ]
