"""Registering commitments, their history, permissions and bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from bot.clock import ManualClock
from bot.domain.errors import PermissionDenied, UserError, ValidationFailed
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.people import Actor
from bot.services.validation import MAX_TEXT, resolve_deadline
from storage.db import Database
from storage.models import Commitment, CommitmentStatus, StatusUpdate, UpdateKind

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SECRETARY = Actor("USEC", "Sara Sekreterare", is_admin=False)
OWNER = Actor("UOWNER", "Olle Ägare", is_admin=False)
STRANGER = Actor("USTRANGER", "Någon Annan", is_admin=False)


@pytest.fixture
def bun(db: Database, clock: ManualClock) -> None:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USEC", "Sara Sekreterare")], clock.now())


def _register(db: Database, clock: ManualClock, actor: Actor = SECRETARY, **fields: str) -> Commitment:
    raw = CommitmentInput(
        text=fields.get("text", "Revidera den lokala BUS-överenskommelsen"),
        committee=fields.get("committee", "BUN"),
        owner_user_id=fields.get("owner", "UOWNER"),
        owner_name="Olle Ägare",
        owner_role=fields.get("owner_role", "förvaltningschef"),
        deadline=fields.get("deadline", "senast i april 2027"),
        recurrence=fields.get("recurrence", ""),
        dnr=fields.get("dnr", "2023/BUN 0148"),
    )
    with db.write() as s:
        draft = cs.validate(s, raw, clock.today())
        return cs.create(s, actor, draft, clock.now())


def test_register_resolves_deadline_and_numbers_per_committee(db: Database, clock: ManualClock, bun: None) -> None:
    first = _register(db, clock)
    second = _register(db, clock, text="Följ upp rutinen för orosanmälan", deadline="under hösten 2027")
    assert (first.number, second.number) == (1, 2)
    with db.read() as s:
        c = cs.get_by_reference(s, "bun-2")
        assert c.reference == "BUN-2"
        assert c.deadline == date(2027, 12, 31)
        assert c.original_deadline == date(2027, 12, 31)
        assert c.deadline_phrase == "under hösten 2027"
        first_loaded = cs.get_by_reference(s, "BUN 1")
        assert first_loaded.deadline == date(2027, 4, 30)
        assert first_loaded.case is not None and first_loaded.case.dnr == "2023/BUN 0148"
        assert [u.kind for u in cs.history(s, first_loaded)] == [UpdateKind.CREATED]


def test_every_bad_field_is_reported_at_once(db: Database, clock: ManualClock, bun: None) -> None:
    raw = CommitmentInput(text="", committee="XYZ", deadline="någon gång", recurrence="ibland")
    with db.write() as s, pytest.raises(ValidationFailed) as info:
        cs.validate(s, raw, clock.today())
    errors = info.value.errors
    assert errors["text"][0] == "err_required"
    assert errors["committee"] == ("err_unknown_committee", {"code": "XYZ"})
    assert errors["deadline"][0] == "err_deadline_unreadable"
    assert errors["recurrence"][0] == "err_recurrence_unreadable"


def test_past_deadline_and_personal_number_are_refused(db: Database, clock: ManualClock, bun: None) -> None:
    with db.write() as s, pytest.raises(ValidationFailed) as info:
        cs.validate(s, CommitmentInput(text="Åtgärda", committee="BUN", deadline="2026-01-01"), clock.today())
    assert info.value.errors["deadline"][0] == "err_deadline_past"
    # 19121212-1212 is the Swedish Tax Agency's well-known test number (valid check digit).
    raw = CommitmentInput(text="Kontakta 19121212-1212 om placeringen", committee="BUN", deadline="2027-05-01")
    with db.write() as s, pytest.raises(ValidationFailed) as info:
        cs.validate(s, raw, clock.today())
    assert info.value.errors["text"][0] == "err_personal_number"


def test_too_long_text_is_refused(db: Database, clock: ManualClock, bun: None) -> None:
    raw = CommitmentInput(text="a" * (MAX_TEXT + 1), committee="BUN", deadline="2027-05-01")
    with db.write() as s, pytest.raises(ValidationFailed) as info:
        cs.validate(s, raw, clock.today())
    assert info.value.errors["text"][0] == "err_too_long"


def test_only_secretaries_and_admins_register(db: Database, clock: ManualClock, bun: None) -> None:
    with pytest.raises(PermissionDenied):
        _register(db, clock, actor=STRANGER)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Commitment)) == 0
    assert _register(db, clock, actor=ADMIN).number == 1


def test_owner_answers_and_history_is_append_only(db: Database, clock: ManualClock, bun: None) -> None:
    c = _register(db, clock)
    clock.advance(timedelta(days=3))
    with db.write() as s:
        loaded = cs.get_by_id(s, c.id)
        cs.set_status(s, OWNER, loaded, CommitmentStatus.IN_PROGRESS, clock.now())
    with db.write() as s:
        loaded = cs.get_by_id(s, c.id)
        new = resolve_deadline("senast i juni 2027", clock.today())
        assert new is not None
        cs.move_deadline(s, OWNER, loaded, new, "Remissrundan tog längre tid", clock.now())
    with db.write() as s:
        loaded = cs.get_by_id(s, c.id)
        cs.add_comment(s, OWNER, loaded, "Utkast klart", "https://intranat.example.se/bus", clock.now())
    with db.write() as s, pytest.raises(PermissionDenied):
        cs.set_status(s, STRANGER, cs.get_by_id(s, c.id), CommitmentStatus.DONE, clock.now())
    with db.read() as s:
        loaded = cs.get_by_id(s, c.id)
        assert loaded.status == CommitmentStatus.DELAYED
        assert loaded.deadline == date(2027, 6, 30)
        assert loaded.original_deadline == date(2027, 4, 30)
        kinds = [u.kind for u in cs.history(s, loaded)]
        assert kinds == [UpdateKind.CREATED, UpdateKind.STATUS, UpdateKind.DEADLINE, UpdateKind.COMMENT]
        moved = s.scalars(select(StatusUpdate).where(StatusUpdate.kind == UpdateKind.DEADLINE)).one()
        assert (moved.old_deadline, moved.new_deadline) == (date(2027, 4, 30), date(2027, 6, 30))
        assert moved.reason == "Remissrundan tog längre tid"


def test_comment_needs_valid_url(db: Database, clock: ManualClock, bun: None) -> None:
    c = _register(db, clock)
    for bad in ("intranat/bus", "javascript:alert(1)", "https://exa mple.se", "ftp://example.se/x"):
        with db.write() as s, pytest.raises(ValidationFailed) as info:
            cs.add_comment(s, OWNER, cs.get_by_id(s, c.id), "Se underlag", bad, clock.now())
        assert info.value.errors["evidence_url"][0] == "err_url"


def test_cancelled_commitment_cannot_be_updated(db: Database, clock: ManualClock, bun: None) -> None:
    c = _register(db, clock)
    with db.write() as s:
        with pytest.raises(PermissionDenied):
            cs.set_status(s, OWNER, cs.get_by_id(s, c.id), CommitmentStatus.CANCELLED, clock.now())
        cs.set_status(s, SECRETARY, cs.get_by_id(s, c.id), CommitmentStatus.CANCELLED, clock.now())
    with db.write() as s, pytest.raises(UserError) as info:
        cs.set_status(s, OWNER, cs.get_by_id(s, c.id), CommitmentStatus.DONE, clock.now())
    assert info.value.key == "err_cancelled"


def test_edit_needs_reason_when_deadline_moves(db: Database, clock: ManualClock, bun: None) -> None:
    c = _register(db, clock)
    raw = CommitmentInput(
        text="Revidera BUS-överenskommelsen med polisen",
        committee="BUN",
        owner_user_id="UOWNER",
        deadline="senast i maj 2027",
        dnr="2023/BUN 0148",
    )
    with db.write() as s:
        loaded = cs.get_by_id(s, c.id)
        draft = cs.validate(s, raw, clock.today(), current=cs.current_deadline(loaded))
        with pytest.raises(ValidationFailed) as info:
            cs.edit(s, SECRETARY, loaded, draft, None, "", clock.now())
        assert "reason" in info.value.errors
    with db.write() as s:
        loaded = cs.get_by_id(s, c.id)
        draft = cs.validate(s, raw, clock.today(), current=cs.current_deadline(loaded))
        cs.edit(s, SECRETARY, loaded, draft, None, "Polisen vill vara med", clock.now())
    with db.read() as s:
        loaded = cs.get_by_id(s, c.id)
        assert loaded.text == "Revidera BUS-överenskommelsen med polisen"
        assert loaded.deadline == date(2027, 5, 31)
        assert loaded.original_deadline == date(2027, 4, 30)
        assert loaded.status == CommitmentStatus.NOT_STARTED


def test_overdue_commitment_can_be_edited_without_touching_its_deadline(
    db: Database, clock: ManualClock, bun: None
) -> None:
    c = _register(db, clock, deadline="2027-02-01")
    clock.advance(timedelta(days=60))
    raw = CommitmentInput(text="Ny formulering", committee="BUN", owner_user_id="UOWNER", deadline="2027-02-01")
    with db.write() as s:
        loaded = cs.get_by_id(s, c.id)
        draft = cs.validate(s, raw, clock.today(), current=cs.current_deadline(loaded))
        cs.edit(s, SECRETARY, loaded, draft, None, "", clock.now())
    with db.read() as s:
        assert cs.get_by_id(s, c.id).text == "Ny formulering"


def test_search_forgives_typos_diacritics_dnr_and_role(db: Database, clock: ManualClock, bun: None) -> None:
    from bot.services.search import CommitmentIndex

    _register(db, clock)
    _register(db, clock, text="Ta fram en rutin för orosanmälan", owner_role="rektor", dnr="2022/BUN 0007")
    index = CommitmentIndex()
    with db.read() as s:

        def refs(query: str) -> list[str]:
            return [cs.get_by_id(s, h.commitment_id).reference for h in index.search(s, query)]

        assert refs("overenskommelsen")[0] == "BUN-1"
        assert refs("örosanmalan")[0] == "BUN-2"
        assert refs("orosanmälnan")[0] == "BUN-2"  # transposed letters
        assert refs("samverkan") == []
        assert refs("2023/BUN 148")[0] == "BUN-1"
        assert refs("rektor")[0] == "BUN-2"
    _register(db, clock, text="Revidera samverkansrutinen", owner_role="verksamhetschef")
    with db.read() as s:
        assert [cs.get_by_id(s, h.commitment_id).reference for h in index.search(s, "samverkan")] == ["BUN-3"]
