"""An imported answer whose commitments are due at the committee's meetings: dated in its plan, or waiting for it.

The answer is read by the real extractor; the review and confirmation go through `import_review` as the
modal's handler does. With a plan, "till nämndens sista sammanträde 2027" is the day of that meeting and
the commitment is tied to it; without one it comes in undated with its phrase, the review says what is
missing, and the plan imported later dates it.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from bot.documents import Document
from bot.extraction import extract
from bot.services import committees as committee_service
from bot.services import import_review
from bot.services import imports as import_service
from bot.services.context import Services
from bot.services.import_review import ReviewDraft
from bot.services.imports import Choice, choices_of, commitments_of
from bot.services.meeting_plan import MeetingInput, replace_meetings
from bot.services.people import Actor
from bot.texts import Texts
from bot.ui.review import review_modal
from storage.db import Database
from storage.meeting_models import Meeting
from storage.models import Commitment, StatusUpdate, UpdateKind
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SECRETARY = Actor("USEC", "Sara Sekreterare", is_admin=False)
PLAN_2027 = [date(2027, m, d) for m, d in [(2, 11), (3, 11), (4, 15), (6, 17), (9, 23), (10, 21), (12, 9)]]

ANSWER = """Barn- och utbildningsnämnden
Dnr BUN 2026/0148
Yttrande över revisionsrapport om elevhälsan

Rekommendation 1: Nämnden bör säkerställa att elevakter förvaras säkert.

Svar: Förvaltningen kommer att revidera rutinen för elevakter och återrapportera arbetet
till nämndens sista sammanträde 2027.

Rekommendation 2: Nämnden bör se över avgifterna.

Svar: Förvaltningen ska se över avgifterna och redovisa dem för nämnden senast den 30 april 2027.
"""


@pytest.fixture
def svc(db: Database, clock: ManualClock) -> Services:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USEC", "Sara Sekreterare")], clock.now())
    return offline_services(db, clock, admins=frozenset({ADMIN.user_id}))


def _plan(svc: Services) -> None:
    with svc.db.write() as s:
        bun = committee_service.get_committee(s, "BUN")
        replace_meetings(s, bun, [MeetingInput(d) for d in PLAN_2027], svc.clock.now(), person_id=None)


def _draft(svc: Services) -> int:
    document = Document(
        text=ANSWER, kind="txt", filename="Svar BUN.txt", sha256=hashlib.sha256(ANSWER.encode()).hexdigest(), pages=1
    )
    extraction = extract(document.text, today=svc.clock.today())
    with svc.db.write() as s:
        return import_service.create_draft(s, SECRETARY, document, extraction, svc.clock.now(), channel_id="DSEC").id


def _indexes(svc: Services, draft_id: int) -> tuple[int, int]:
    """The finding tied to the meeting, and the one with its own date."""
    screen = import_review.review_screen(svc, SECRETARY.user_id, draft_id)
    found = {f["text"].split(" och ")[0]: int(f["index"]) for f in commitments_of(screen.draft)}
    tied = next(i for t, i in found.items() if "elevakter" in t)
    dated = next(i for t, i in found.items() if "avgifterna" in t)
    return tied, dated


def _confirm_as_stored(svc: Services, draft_id: int) -> list[int]:
    """Confirm the draft as created: the reviewer changes nothing, the case's committee is BUN."""

    def page(draft: ReviewDraft) -> import_review.PageChoices:
        return choices_of(draft), {"committee": "BUN"}

    return list(import_review.confirm_review(svc, SECRETARY.user_id, draft_id, page).result.commitment_ids)


def _commitment(svc: Services, text: str) -> Commitment:
    with svc.db.read() as s:
        found = s.scalars(select(Commitment).where(Commitment.text.contains(text))).one()
        s.expunge(found)
        return found


def test_with_a_plan_the_review_and_the_import_date_it_at_the_meeting(svc: Services) -> None:
    _plan(svc)
    draft_id = _draft(svc)
    tied, dated = _indexes(svc, draft_id)
    choices = choices_of(import_review.review_screen(svc, SECRETARY.user_id, draft_id).draft)
    # Ticked from the start (it says when), with no guessed date in the draft.
    assert choices[tied].selected and choices[tied].deadline is None
    screen = import_review.review_screen(svc, SECRETARY.user_id, draft_id)
    assert screen.plan[tied].day == date(2027, 12, 9) and screen.plan[tied].meeting == date(2027, 12, 9)
    assert dated not in screen.plan  # its own date stands
    shown = str(review_modal(Texts(), screen.draft, screen.committees, 0, screen.today, plan=screen.plan))
    assert "sammanträde 9 december 2027" in shown and "'initial_date': '2027-12-09'" in shown
    _confirm_as_stored(svc, draft_id)
    c = _commitment(svc, "elevakter")
    assert (c.deadline, c.anchor, c.deadline_phrase) == (
        date(2027, 12, 9),
        "last:2027",
        "till nämndens sista sammanträde 2027",
    )
    with svc.db.read() as s:
        meeting = s.get(Meeting, c.meeting_id)
        assert meeting is not None and meeting.day == date(2027, 12, 9)
    other = _commitment(svc, "avgifterna")
    assert (other.deadline, other.anchor, other.meeting_id) == (date(2027, 4, 30), None, None)


def test_the_date_the_review_shows_from_the_plan_is_tied_when_submitted(svc: Services) -> None:
    """The review's date picker holds the meeting's day; submitted as it is, the commitment is still tied."""
    _plan(svc)
    draft_id = _draft(svc)
    tied, _dated = _indexes(svc, draft_id)

    def page(draft: ReviewDraft) -> import_review.PageChoices:
        return {tied: Choice(True, None, date(2027, 12, 9))}, {"committee": "BUN"}

    import_review.confirm_review(svc, SECRETARY.user_id, draft_id, page)
    c = _commitment(svc, "elevakter")
    assert (c.deadline, c.anchor) == (date(2027, 12, 9), "last:2027") and c.meeting_id is not None


def test_without_a_plan_the_review_says_what_is_missing_and_the_import_waits(svc: Services) -> None:
    draft_id = _draft(svc)
    tied, _dated = _indexes(svc, draft_id)
    screen = import_review.review_screen(svc, SECRETARY.user_id, draft_id)
    waiting = screen.plan[tied]
    assert waiting.missing is not None and waiting.missing.year == 2027 and waiting.day is None
    modal = review_modal(Texts(), screen.draft, screen.committees, 0, screen.today, plan=screen.plan)
    shown = str(modal)
    assert "sammanträdesplan för 2027" in shown and "/atagande nämnd sammanträden BUN" in shown
    _confirm_as_stored(svc, draft_id)
    c = _commitment(svc, "elevakter")
    # Imported with no guessed date, its phrase kept for the plan.
    assert (c.deadline, c.meeting_id, c.deadline_phrase) == (None, None, "till nämndens sista sammanträde 2027")


def test_a_waiting_imported_commitment_is_dated_when_the_plan_arrives(svc: Services) -> None:
    draft_id = _draft(svc)
    _confirm_as_stored(svc, draft_id)
    _plan(svc)
    c = _commitment(svc, "elevakter")
    assert c.deadline == date(2027, 12, 9) and c.meeting_id is not None
    with svc.db.read() as s:
        rows = list(s.scalars(select(StatusUpdate).where(StatusUpdate.commitment_id == c.id)))
        plan_rows = [r for r in rows if r.kind == UpdateKind.PLAN]
        assert [(r.old_deadline, r.new_deadline, r.reason) for r in plan_rows] == [(None, date(2027, 12, 9), "dated")]
