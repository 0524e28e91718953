"""What goes into a follow-up pack: one committee's commitments, per case and recommendation.

:func:`collect` reads everything a report shows in a handful of queries and
returns plain frozen objects, so the formats render without a session and
without a query per commitment (a committee may have thousands).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.domain.errors import NotFound
from bot.language.normalize import fold_dnr
from bot.services.committees import all_committees, get_committee, normalise_code
from bot.services.traffic import Light, light
from storage.models import (
    Case,
    Commitment,
    CommitmentStatus,
    Committee,
    Recommendation,
    StatusUpdate,
    UpdateKind,
)

# The order statuses and lights are counted and shown in: done first, as a committee reads its progress.
STATUS_ORDER = (
    CommitmentStatus.DONE,
    CommitmentStatus.IN_PROGRESS,
    CommitmentStatus.NOT_STARTED,
    CommitmentStatus.DELAYED,
    CommitmentStatus.CANCELLED,
)
LIGHT_ORDER = (Light.RED, Light.YELLOW, Light.GREEN, Light.NONE)
# Committee codes named when a code is unknown; a municipality has a dozen or so.
KNOWN_LIMIT = 30


@dataclass(frozen=True)
class Comment:
    """The latest comment on a commitment, and who wrote it when."""

    text: str
    at: datetime
    by: str | None


@dataclass(frozen=True)
class DeadlineMove:
    """A moved deadline and the reason given for it."""

    at: datetime
    by: str | None
    old: date | None
    new: date | None
    new_phrase: str | None
    reason: str
    # "deadline" (a person moved it, `reason` in their words) or "plan" (the meeting plan did, `reason`
    # one of meeting_plan's "moved", "removed", "event", "dated", worded by the formats).
    kind: str = "deadline"


@dataclass(frozen=True)
class CommitmentRow:
    """One commitment as every format shows it."""

    id: int
    number: int
    reference: str
    text: str
    owner_name: str | None
    owner_user_id: str | None
    owner_role: str | None
    deadline: date | None
    deadline_phrase: str | None
    original_deadline: date | None
    original_deadline_phrase: str | None
    recurrence: str | None
    recurrence_phrase: str | None
    status: CommitmentStatus
    light: Light
    created_at: datetime
    updated_at: datetime
    last_update_at: datetime | None
    latest_comment: Comment | None
    evidence: tuple[str, ...]
    moves: tuple[DeadlineMove, ...]
    # The day of the committee meeting it is due at (Commitment.meeting), if it is tied to one.
    meeting: date | None = None

    @property
    def moved(self) -> bool:
        """The deadline is no longer the one first promised."""
        return (
            self.original_deadline is not None and self.deadline is not None and self.deadline != self.original_deadline
        )


@dataclass(frozen=True)
class RecommendationGroup:
    """A recommendation and the commitments that answer it; ``text`` None for "Övriga åtaganden"."""

    text: str | None
    number: int | None
    commitments: tuple[CommitmentRow, ...]


@dataclass(frozen=True)
class CaseGroup:
    """A case (ärende) and its recommendations; ``case_id`` None for commitments without a case."""

    case_id: int | None
    dnr: str | None
    title: str
    auditor: str | None
    report_date: date | None
    answer_date: date | None
    recommendations: tuple[RecommendationGroup, ...]

    def commitments(self) -> Iterator[CommitmentRow]:
        for group in self.recommendations:
            yield from group.commitments

    def status_counts(self) -> dict[CommitmentStatus, int]:
        return _status_counts(self.commitments())


@dataclass(frozen=True)
class Report:
    """A committee's follow-up pack, ready to be rendered in any format."""

    committee_code: str
    committee_name: str
    # The diarienummer asked for (as the case has it), or None for the whole committee.
    case_dnr: str | None
    today: date
    now: datetime
    cases: tuple[CaseGroup, ...] = field(default=())

    def commitments(self) -> Iterator[CommitmentRow]:
        for case in self.cases:
            yield from case.commitments()

    @property
    def total(self) -> int:
        return sum(1 for _ in self.commitments())

    def status_counts(self) -> dict[CommitmentStatus, int]:
        return _status_counts(self.commitments())

    def light_counts(self) -> dict[Light, int]:
        counts = Counter(c.light for c in self.commitments())
        return {lamp: counts.get(lamp, 0) for lamp in LIGHT_ORDER}


def _status_counts(rows: Iterator[CommitmentRow]) -> dict[CommitmentStatus, int]:
    counts = Counter(c.status for c in rows)
    return {status: counts.get(status, 0) for status in STATUS_ORDER}


def _committee(session: Session, code: str) -> Committee:
    try:
        return get_committee(session, code)
    except NotFound:
        # The report is asked for by code, often from the command line: name the codes there are.
        known = [c.code for c in all_committees(session)][:KNOWN_LIMIT]
        raise NotFound(
            "report_unknown_committee", field="committee", code=normalise_code(code)[:20], known=known
        ) from None


def _cases(session: Session, committee: Committee, dnr: str | None) -> list[Case]:
    stmt = select(Case).where(Case.committee_id == committee.id).options(selectinload(Case.recommendations))
    if dnr is not None:
        # "2023/0148" asked of BUN means "2023/BUN 0148": the committee's code is often left out.
        keys = {fold_dnr(dnr), fold_dnr(f"{committee.code} {dnr}")}
        cases = list(session.scalars(stmt.where(Case.dnr_key.in_(sorted(keys))).order_by(Case.id)))
        if not cases:
            raise NotFound("report_unknown_case", field="case", dnr=dnr.strip()[:64], code=committee.code)
        return cases
    # Cases with a diarienummer in its order, then those without one, oldest first.
    return list(session.scalars(stmt.order_by(Case.dnr_key.is_(None), Case.dnr_key, Case.id)))


def _history(session: Session, where: Sequence[ColumnElement[bool]]) -> dict[int, list[StatusUpdate]]:
    """The history rows a report shows (comments, evidence, moved deadlines), per commitment."""
    stmt = (
        select(StatusUpdate)
        .join(Commitment, Commitment.id == StatusUpdate.commitment_id)
        .where(*where)
        .where(
            or_(
                StatusUpdate.comment.is_not(None),
                StatusUpdate.evidence_url.is_not(None),
                StatusUpdate.kind.in_((UpdateKind.DEADLINE, UpdateKind.PLAN)),
            )
        )
        .options(joinedload(StatusUpdate.person))
        .order_by(StatusUpdate.id)
    )
    rows: dict[int, list[StatusUpdate]] = defaultdict(list)
    for update in session.scalars(stmt):
        rows[update.commitment_id].append(update)
    return rows


def _name(update: StatusUpdate) -> str | None:
    if update.person is None:
        return None
    return update.person.display_name or None


def _row(c: Commitment, code: str, history: list[StatusUpdate], today: date, now: datetime) -> CommitmentRow:
    comments = [u for u in history if u.comment]
    latest = comments[-1] if comments else None
    evidence = tuple(dict.fromkeys(u.evidence_url for u in history if u.evidence_url))
    moves = tuple(
        DeadlineMove(
            at=u.created_at,
            by=_name(u),
            old=u.old_deadline,
            new=u.new_deadline,
            new_phrase=u.new_deadline_phrase,
            reason=u.reason or "",
            kind=u.kind.value,
        )
        for u in history
        if u.kind in (UpdateKind.DEADLINE, UpdateKind.PLAN)
    )
    owner = c.owner
    return CommitmentRow(
        id=c.id,
        number=c.number,
        reference=f"{code}-{c.number}",
        text=c.text,
        owner_name=(owner.display_name or None) if owner else None,
        owner_user_id=owner.slack_user_id if owner else None,
        owner_role=c.owner_role,
        deadline=c.deadline,
        deadline_phrase=c.deadline_phrase,
        original_deadline=c.original_deadline,
        original_deadline_phrase=c.original_deadline_phrase,
        recurrence=c.recurrence,
        recurrence_phrase=c.recurrence_phrase,
        status=c.status,
        light=light(c, today, now),
        created_at=c.created_at,
        updated_at=c.updated_at,
        last_update_at=c.last_update_at,
        latest_comment=Comment(latest.comment or "", latest.created_at, _name(latest)) if latest else None,
        evidence=evidence,
        moves=moves,
        meeting=c.meeting.day if c.meeting is not None else None,
    )


def _group_case(case: Case | None, rows: list[tuple[int | None, CommitmentRow]]) -> CaseGroup:
    recommendations: list[Recommendation] = list(case.recommendations) if case else []
    known = {r.id for r in recommendations}
    per_rec: dict[int | None, list[CommitmentRow]] = defaultdict(list)
    for rec_id, row in rows:
        # A recommendation of another case (an edit moved the commitment) counts as none here.
        per_rec[rec_id if rec_id in known else None].append(row)
    groups = [
        RecommendationGroup(text=r.text, number=n, commitments=tuple(per_rec.get(r.id, ())))
        for n, r in enumerate(recommendations, start=1)
    ]
    if per_rec.get(None):
        groups.append(RecommendationGroup(text=None, number=None, commitments=tuple(per_rec[None])))
    return CaseGroup(
        case_id=case.id if case else None,
        dnr=case.dnr if case else None,
        title=case.title if case else "",
        auditor=case.auditor if case else None,
        report_date=case.report_date if case else None,
        answer_date=case.answer_date if case else None,
        recommendations=tuple(groups),
    )


def collect(session: Session, code: str, today: date, now: datetime, dnr: str | None = None) -> Report:
    """The follow-up pack of committee ``code``, or of its case ``dnr`` alone.

    Every commitment is included whatever its status; traffic lights are as of
    ``today``/``now`` (the injected clock). A case's recommendations are listed
    even when no commitment answers them: the auditors want to see that too.

    Raises:
        NotFound: no committee with that code, or no case with that diarienummer in it.
    """
    committee = _committee(session, code)
    wanted = dnr.strip() if dnr and dnr.strip() else None
    cases = _cases(session, committee, wanted)
    where: list[ColumnElement[bool]] = [Commitment.committee_id == committee.id]
    if wanted is not None:
        where.append(Commitment.case_id.in_([c.id for c in cases]))
    stmt = (
        select(Commitment)
        .where(*where)
        .options(selectinload(Commitment.owner), selectinload(Commitment.meeting))
        .order_by(Commitment.number)
    )
    history = _history(session, where)
    per_case: dict[int | None, list[tuple[int | None, CommitmentRow]]] = defaultdict(list)
    for c in session.scalars(stmt):
        row = _row(c, committee.code, history.get(c.id, []), today, now)
        per_case[c.case_id].append((c.recommendation_id, row))
    groups = [_group_case(case, per_case.get(case.id, [])) for case in cases]
    # Commitments of a case that is not the committee's own (an edit across committees) and
    # commitments without a case come last, under their own heading.
    known = {case.id for case in cases}
    loose = [item for case_id, items in per_case.items() if case_id not in known for item in items]
    if loose:
        loose.sort(key=lambda item: item[1].number)
        groups.append(_group_case(None, [(None, row) for _, row in loose]))
    # A case with neither recommendations nor commitments says nothing to anyone.
    groups = [g for g in groups if g.recommendations]
    return Report(
        committee_code=committee.code,
        committee_name=committee.name,
        case_dnr=cases[0].dnr if wanted is not None else None,
        today=today,
        now=now,
        cases=tuple(groups),
    )
