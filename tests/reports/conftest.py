"""A committee with commitments in every state, for the follow-up pack's tests.

Clock: 11 January 2027 (tests/conftest.py). BUN has two cases: 2023/BUN 0148
with three recommendations (the third answered by no commitment) and
2024/BUN 0007; and two commitments without a case. SN has one commitment,
which no BUN report may show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.reports.data import Report, collect
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.people import Actor
from bot.services.validation import resolve_deadline
from bot.texts import Texts
from storage.db import Database
from storage.models import Case, CommitmentStatus, Recommendation

ADMIN = Actor("UADMIN", "Alex Admin", is_admin=True)
SECRETARY = Actor("USEC", "Sara Sekreterare", is_admin=False)
ANNA = ("UANNA", "Anna Andersson")
BO = ("UBO", "Bo Berg")
DNR = "2023/BUN 0148"
OTHER_DNR = "2024/BUN 0007"
EVIDENCE = "https://intranat.example.se/protokoll/bun_2027-02-01.pdf?del=1&sida=2"
REASON = "Polisen vill vara med i revideringen; den tar längre tid, och kräver ett nytt möte"
RECOMMENDATIONS = (
    "Säkerställ att rutinen för orosanmälan är känd av all personal",
    "Följ upp samverkan med socialtjänsten kring barn som far illa",
    "Inför en plan för det systematiska kvalitetsarbetet",
)


@dataclass(frozen=True)
class Seeded:
    """The references of the seeded commitments."""

    delayed: str = "BUN-1"
    recurring: str = "BUN-2"
    due_soon: str = "BUN-3"
    done: str = "BUN-4"
    loose: str = "BUN-5"
    cancelled: str = "BUN-6"
    other_case: str = "BUN-7"


def _add(
    session: Session,
    clock: ManualClock,
    text: str,
    *,
    committee: str = "BUN",
    owner: tuple[str, str] | None = ANNA,
    owner_role: str = "",
    deadline: str = "",
    recurrence: str = "",
    case: Case | None = None,
    recommendation: Recommendation | None = None,
) -> str:
    raw = CommitmentInput(
        text=text,
        committee=committee,
        owner_user_id=owner[0] if owner else None,
        owner_name=owner[1] if owner else None,
        owner_role=owner_role,
        deadline=deadline,
        recurrence=recurrence,
    )
    draft = cs.validate(session, raw, clock.today())
    actor = SECRETARY if committee == "BUN" else ADMIN
    return cs.create(session, actor, draft, clock.now(), case=case, recommendation=recommendation).reference


def seed(db: Database, clock: ManualClock) -> Seeded:
    now = clock.now()
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", now)
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USEC", "Sara Sekreterare")], now)
        committee_service.create_committee(s, ADMIN, "SN", "Socialnämnden", now)
        bun = committee_service.get_committee(s, "BUN")
        case = Case(
            committee_id=bun.id,
            dnr=DNR,
            dnr_key="2023/bun/0148",
            title="Granskning av samverkan kring barn som far illa",
            auditor="EY",
            report_date=date(2023, 3, 10),
            answer_date=date(2023, 4, 20),
            created_at=now,
        )
        other = Case(
            committee_id=bun.id,
            dnr=OTHER_DNR,
            dnr_key="2024/bun/0007",
            title="Granskning av elevhälsan",
            created_at=now,
        )
        s.add_all([case, other])
        s.flush()
        recs = [Recommendation(case_id=case.id, position=n, text=t) for n, t in enumerate(RECOMMENDATIONS)]
        s.add_all(recs)
        s.flush()
        _add(
            s,
            clock,
            "Revidera den lokala BUS-överenskommelsen",
            owner_role="förvaltningschef",
            deadline="senast i april 2027",
            case=case,
            recommendation=recs[0],
        )
        _add(
            s,
            clock,
            "Gå igenom rutinen för orosanmälan med alla rektorer",
            owner=BO,
            owner_role="rektor",
            recurrence="två gånger per läsår",
            case=case,
            recommendation=recs[0],
        )
        _add(
            s,
            clock,
            "Följ upp samverkan med socialtjänsten på ledningsnivå",
            deadline="2027-01-31",
            owner_role="förvaltningschef",
            case=case,
            recommendation=recs[1],
        )
        _add(s, clock, "Redovisa samverkansrutinen för nämnden", deadline="2027-02-15", case=case)
        _add(s, clock, "Inför systematiskt kvalitetsarbete", deadline="2027-09-30", owner=None, owner_role="enhetschef")
        _add(s, clock, "Ta fram en ny enkät om trygghet", deadline="2027-05-31")
        _add(s, clock, "Gör elevhälsans arbete känt för vårdnadshavare", deadline="under hösten 2027", case=other)
        _add(s, clock, "Samordna SIP-arbetet", committee="SN", deadline="2027-06-30")
    clock.advance(timedelta(days=2))
    later = clock.now()
    with db.write() as s:
        delayed = cs.get_by_reference(s, "BUN-1")
        new = resolve_deadline("under hösten 2027", clock.today())
        assert new is not None
        cs.move_deadline(s, SECRETARY, delayed, new, REASON, later)
        recurring = cs.get_by_reference(s, "BUN-2")
        cs.set_status(s, SECRETARY, recurring, CommitmentStatus.IN_PROGRESS, later)
        cs.add_comment(s, SECRETARY, recurring, "Första genomgången är gjord", "https://intranat.example.se/a", later)
        cs.add_comment(s, SECRETARY, recurring, "Andra genomgången är bokad till mars", None, later)
        done = cs.get_by_reference(s, "BUN-4")
        cs.add_comment(s, SECRETARY, done, "Redovisat på nämndens möte", EVIDENCE, later)
        cs.set_status(s, SECRETARY, done, CommitmentStatus.DONE, later)
        cs.set_status(s, SECRETARY, cs.get_by_reference(s, "BUN-6"), CommitmentStatus.CANCELLED, later)
    # Two weeks on: BUN-3 is due within 30 days and nobody has said anything about it.
    clock.advance(timedelta(days=5))
    return Seeded()


@pytest.fixture
def seeded(db: Database, clock: ManualClock) -> Seeded:
    return seed(db, clock)


@pytest.fixture
def texts() -> Texts:
    return Texts()


@pytest.fixture
def report(db: Database, clock: ManualClock, seeded: Seeded) -> Report:
    with db.read() as s:
        return collect(s, "BUN", clock.today(), clock.now())
