"""The import's modals and buttons, through `import_review`: whose draft, who may, what is kept."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.domain.errors import NotFound, PermissionDenied, UserError
from bot.services import committees as committee_service
from bot.services import import_review
from bot.services.context import Services
from bot.services.import_review import ReviewDraft
from bot.services.imports import Choice, choices_of
from bot.services.people import Actor
from storage.db import Database
from storage.models import Committee, ImportDraft
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SECRETARY = "USEC"
STRANGER = "USTRANGER"


def _services(db: Database, clock: ManualClock) -> Services:
    return offline_services(db, clock, admins=frozenset({ADMIN.user_id}))


@pytest.fixture
def svc(db: Database, clock: ManualClock) -> Services:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [(SECRETARY, "Sara Sekreterare")], clock.now())
    return _services(db, clock)


def _finding(kind: str, index: int, answers: list[int] | None = None) -> dict[str, Any]:
    return {
        "kind": kind,
        "text": f"{kind} {index}",
        "span": [index * 60, index * 60 + 50],
        "deadlines": [],
        "recurrence": None,
        "answers": answers,
        "index": index,
    }


def _draft(svc: Services, user_id: str = SECRETARY, **fields: Any) -> int:
    findings = [_finding("recommendation", 0), _finding("commitment", 1, [0, 50]), _finding("commitment", 2)]
    with svc.db.write() as s:
        draft = ImportDraft(
            user_id=user_id,
            created_at=svc.clock.now(),
            updated_at=svc.clock.now(),
            filename="Rutin för avvikelser.txt",
            kind="txt",
            sha256=fields.get("sha256", "a" * 64),
            source_text="Rutin för avvikelser\n\nSå rapporteras en avvikelse. Reviderad 2026-06-30.",
            extraction={"findings": findings},
            choices={},
            case_fields=fields.get("case_fields", {}),
            channel_id="DSEC",
            thread_ts="1700000000.000100",
        )
        s.add(draft)
        s.flush()
        return draft.id


def _ticks(choices: dict[int, Choice], case: dict[str, Any] | None) -> import_review.PageReader:
    """A page as the reviewer left it (the handler reads it with the UI's layout of the draft)."""

    def read(draft: ReviewDraft) -> import_review.PageChoices:
        assert draft.extraction["findings"], "the reader is handed the draft being reviewed"
        return choices, case

    return read


def test_who_may_import_and_where(db: Database, clock: ManualClock) -> None:
    svc = _services(db, clock)
    with pytest.raises(UserError) as err:
        import_review.import_target(svc, STRANGER, "CBUN")
    assert err.value.key == "err_no_committees"
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [(SECRETARY, "Sara Sekreterare")], clock.now())
        s.query(Committee).filter_by(code="BUN").one().channel_id = "CBUN"
    with pytest.raises(UserError) as err:
        import_review.import_target(svc, STRANGER, "CBUN")
    assert err.value.key == "err_no_committees_to_register"
    assert import_review.import_target(svc, SECRETARY, "CBUN") == "BUN"
    assert import_review.import_target(svc, SECRETARY, "COTHER") is None


def test_the_review_is_the_owners_own(svc: Services) -> None:
    draft_id = _draft(svc)
    screen = import_review.review_screen(svc, SECRETARY, draft_id)
    assert screen.draft.id == draft_id and screen.draft.filename == "Rutin för avvikelser.txt"
    assert [f["index"] for f in screen.draft.extraction["findings"]] == [0, 1, 2]
    assert [(c.code, c.name) for c in screen.committees] == [("BUN", "Barn- och utbildningsnämnden")]
    with pytest.raises(PermissionDenied):
        import_review.review_screen(svc, STRANGER, draft_id)
    with pytest.raises(NotFound):
        import_review.review_screen(svc, SECRETARY, draft_id + 1)


def test_turning_a_page_keeps_what_was_set(svc: Services) -> None:
    draft_id = _draft(svc)
    picked = {1: Choice(True, "UOWNER", date(2027, 4, 30)), 9: Choice(True, None, None)}
    screen = import_review.turn_page(svc, SECRETARY, draft_id, _ticks(picked, {"committee": "BUN", "dnr": "1"}))
    # Only the draft's own commitments are kept (9 is none of them).
    assert choices_of(screen.draft) == {1: Choice(True, "UOWNER", date(2027, 4, 30))}
    assert screen.draft.case_fields["committee"] == "BUN"
    with pytest.raises(PermissionDenied):
        import_review.turn_page(svc, STRANGER, draft_id, _ticks({}, None))


def test_confirming_creates_or_says_what_is_missing(svc: Services) -> None:
    draft_id = _draft(svc)
    # Ticked without a date: refused on that commitment's field, the tick kept.
    with pytest.raises(import_review.ReviewRefused) as refused:
        import_review.confirm_review(
            svc, SECRETARY, draft_id, _ticks({1: Choice(True, "UOWNER", None)}, {"committee": "BUN"})
        )
    assert refused.value.draft is not None and choices_of(refused.value.draft)[1].selected
    assert "f1_deadline" in getattr(refused.value.error, "errors", {})
    confirmed = import_review.confirm_review(
        svc, SECRETARY, draft_id, _ticks({1: Choice(True, "UOWNER", date(2027, 4, 30))}, None)
    )
    assert confirmed.result.committee_code == "BUN" and len(confirmed.result.commitment_ids) == 1
    assert (confirmed.channel, confirmed.thread_ts) == ("DSEC", "1700000000.000100")
    told = import_review.announcement(svc, confirmed.result, 20)
    assert told.refs == ("BUN-1",) and [s.ref for s in told.suggested] == ["BUN-1"]
    # Confirmed once: the draft is done, and says so.
    with pytest.raises(UserError) as err:
        import_review.confirm_review(svc, SECRETARY, draft_id, _ticks({}, None))
    assert err.value.key == "err_import_done"


def test_a_shared_document_kept_as_a_routine(svc: Services) -> None:
    draft_id = _draft(svc)
    with pytest.raises(PermissionDenied):
        import_review.save_as_routine(svc, STRANGER, draft_id)
    with pytest.raises(UserError) as err:
        import_review.save_as_routine(svc, ADMIN.user_id, draft_id)  # not the admin's draft
    assert err.value.key == "err_import_gone"
    saved = import_review.save_as_routine(svc, SECRETARY, draft_id)
    assert saved.created and saved.title == "Rutin för avvikelser"
    assert (saved.channel, saved.thread_ts) == ("DSEC", "1700000000.000100")
    again = import_review.save_as_routine(svc, SECRETARY, draft_id)
    assert not again.created and again.id == saved.id
