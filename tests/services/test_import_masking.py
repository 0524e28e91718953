"""An imported document with a personnummer in it: masked in the review and in what is stored, never refused whole."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from bot.documents import Document
from bot.domain.errors import UserError
from bot.extraction import extract
from bot.services import committees as committee_service
from bot.services import import_confirm, import_review
from bot.services import imports as import_service
from bot.services.context import Services
from bot.services.import_review import ReviewDraft
from bot.services.imports import Choice, commitments_of
from bot.services.people import Actor
from storage.db import Database
from storage.models import Case, Commitment, ImportDraft, Recommendation, Routine
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SECRETARY = Actor("USEC", "Sara Sekreterare", is_admin=False)
NUMBER = "850101\u20111234"  # Word's non-breaking hyphen, a mistyped check digit

ANSWER = f"""Barn- och utbildningsnämnden
Dnr BUN 2023/0148
Yttrande över revisionsrapport om elevhälsan, granskad av KPMG ({NUMBER} handläggare)

Rekommendation 1: Nämnden bör säkerställa att elevakter förvaras säkert, till exempel elevens akt {NUMBER}.

Svar: Nämnden kommer att se över rutinen för elevakter, där eleven 19850202-2345 nämns, senast den 30 april 2027.
"""


@pytest.fixture
def svc(db: Database, clock: ManualClock) -> Services:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USEC", "Sara Sekreterare")], clock.now())
    return offline_services(db, clock, admins=frozenset({ADMIN.user_id}))


def _draft(svc: Services) -> int:
    document = Document(
        text=ANSWER,
        kind="txt",
        filename=f"Svar elevakt {NUMBER}.txt",
        sha256=hashlib.sha256(ANSWER.encode()).hexdigest(),
        pages=1,
    )
    extraction = extract(document.text, today=svc.clock.today())
    with svc.db.write() as s:
        return import_service.create_draft(s, SECRETARY, document, extraction, svc.clock.now(), channel_id="DSEC").id


def _clear(value: object) -> bool:
    """Whether a stored value shows a number in clear (either of the two in the document)."""
    text = str(value)
    return "1234" in text or "2345" in text


def test_the_draft_is_stored_masked_and_its_spans_still_point_at_the_text(svc: Services) -> None:
    draft_id = _draft(svc)
    with svc.db.read() as s:
        draft = s.get(ImportDraft, draft_id)
        assert draft is not None
        for stored in (draft.source_text, draft.filename, draft.extraction, draft.case_fields):
            assert not _clear(stored), stored
        assert "ÅÅMMDD\u2011XXXX" in draft.source_text and "ÅÅÅÅMMDD-XXXX" in draft.source_text
        assert len(draft.source_text) == len(ANSWER)
        for finding in draft.extraction["findings"]:
            start, end = finding["span"]
            assert " ".join(draft.source_text[start:end].split())[:20] == " ".join(finding["text"].split())[:20]
        assert "ÅÅÅÅMMDD-XXXX" in commitments_of(draft)[0]["text"]


def test_what_the_reviewer_types_and_what_is_confirmed_stays_masked(svc: Services) -> None:
    draft_id = _draft(svc)

    def page(draft: ReviewDraft) -> import_review.PageChoices:
        (first, *_) = commitments_of(draft)
        typed = {"committee": "BUN", "title": f"Elevakt {NUMBER}", "auditor": f"KPMG, {NUMBER}", "dnr": "BUN 2023/0148"}
        return {int(first["index"]): Choice(True, "UOWNER", date(2027, 4, 30))}, typed

    confirmed = import_review.confirm_review(svc, SECRETARY.user_id, draft_id, page)
    with svc.db.read() as s:
        case = s.get(Case, confirmed.result.case_id)
        assert case is not None and case.title == "Elevakt ÅÅMMDD\u2011XXXX"
        stored = [case.title, case.auditor, case.source_text, case.source_filename]
        stored += [c.text for c in s.scalars(select(Commitment))]
        stored += [r.text for r in s.scalars(select(Recommendation))]
        assert stored and not any(_clear(v) for v in stored), stored


def test_a_personal_number_in_the_case_fields_is_refused_on_its_field_at_confirmation(
    svc: Services, db: Database
) -> None:
    """A draft written before masking (or by another way in) cannot bring one into a case."""
    draft_id = _draft(svc)
    with db.write() as s:
        draft = s.get(ImportDraft, draft_id)
        assert draft is not None
        draft.case_fields = {**draft.case_fields, "committee": "BUN", "auditor": f"KPMG {NUMBER}"}
        draft.choices = {k: {**v, "selected": True, "deadline": "2027-04-30"} for k, v in draft.choices.items()}
    with db.write() as s, pytest.raises(UserError) as refused:
        draft = s.get(ImportDraft, draft_id)
        assert draft is not None
        import_confirm.confirm(s, SECRETARY, draft, {}, svc.clock.now())
    assert getattr(refused.value, "errors", {}).get("case_auditor", ("",))[0] == "err_personal_number"
    with db.read() as s:
        assert s.scalars(select(Case)).first() is None


def test_a_shared_document_kept_as_a_routine_is_masked(svc: Services) -> None:
    draft_id = _draft(svc)
    saved = import_review.save_as_routine(svc, SECRETARY.user_id, draft_id)
    with svc.db.read() as s:
        routine = s.get(Routine, saved.id)
        assert routine is not None
        assert "ÅÅMMDD\u2011XXXX" in routine.body
        assert not any(_clear(v) for v in (routine.title, routine.body, routine.source))
