"""Confirming an import's review: the case, its recommendations and the chosen commitments, all at once.

The draft (``bot/services/imports.py``) holds what was found and what the reviewer chose on each page.
Confirming checks it all first, every error on the review field it concerns (``case_<field>`` for the
case, ``f<index>_<field>`` for a commitment, see ``import_checks``), and creates nothing unless all
is well; then, in the caller's one transaction, the case (or the case typed earlier under the same dnr),
its recommendations and the ticked commitments, each keeping its span into the document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.domain.errors import NotFound, UserError, ValidationFailed
from bot.language.normalize import fold_dnr
from bot.services import commitments as commitment_service
from bot.services.commitment_drafts import CommitmentDraft
from bot.services.committees import can_manage, get_committee
from bot.services.import_checks import (
    PAST_DONE,
    Choice,
    check_chosen,
    iso_date,
    plausible_answer_date,
    with_case_choice,
)
from bot.services.import_year import PlanDate, plan_dates
from bot.services.imports import (
    MAX_TITLE,
    answered_recommendation,
    as_written,
    choices_of,
    commitments_of,
    findings_of,
    imported_case,
    readable,
)
from bot.services.people import Actor
from bot.services.text_guard import guard_into, mask_personal_numbers, visible
from bot.services.validation import MAX_DNR, MAX_SHORT, Errors, ResolvedDeadline, clean
from storage.models import Case, Commitment, CommitmentStatus, Committee, ImportDraft, Recommendation


@dataclass(frozen=True)
class ImportResult:
    case_id: int
    committee_code: str
    dnr: str | None
    commitment_ids: tuple[int, ...]
    recommendations: int


def _check_case_fields(session: Session, fields: dict[str, Any], actor: Actor, errors: Errors) -> Committee | None:
    code = str(fields.get("committee") or "").strip().upper()
    committee: Committee | None = None
    if not code:
        errors["case_committee"] = ("err_import_committee", {})
    else:
        try:
            committee = get_committee(session, code)
        except NotFound:
            errors["case_committee"] = ("err_unknown_committee", {"code": code})
        else:
            if not can_manage(committee, actor):
                errors["case_committee"] = ("err_secretary_only", {"code": committee.code})
                committee = None
    for key, limit in (("dnr", MAX_DNR), ("title", MAX_TITLE), ("auditor", MAX_SHORT)):
        value = clean(str(fields.get(key) or ""))
        if len(value) > limit:
            errors[f"case_{key}"] = ("err_too_long", {"limit": limit, "length": len(value)})
        else:
            guard_into(errors, f"case_{key}", value, one_line=True)
    return committee


def confirm(
    session: Session,
    actor: Actor,
    draft: ImportDraft,
    owner_names: dict[str, str],
    now: datetime,
) -> ImportResult:
    """Create the case, its recommendations and the ticked commitments; all or nothing.

    ``owner_names`` maps the chosen owners' Slack ids to their names (looked up
    by the caller before the write began). Errors name the review fields:
    ``case_<field>`` for the case, ``f<index>_<field>`` for a commitment (see ``import_checks``).
    """
    errors: Errors = {}
    fields = draft.case_fields or {}
    committee = _check_case_fields(session, fields, actor, errors)
    today = now.date()  # the clock's time is in the bot's zone: this is today where the committee is
    answered_on = iso_date(fields.get("date"))
    if answered_on is not None and not plausible_answer_date(answered_on, today):
        errors["case_date"] = ("err_import_answer_date_odd", {"day": answered_on})
    dnr = visible(str(fields.get("dnr") or ""), one_line=True) or None
    earlier = _answered_case(session, committee, dnr, draft.sha256)
    if earlier is not None and "case_dnr" not in errors:
        # A revised file of an answer already imported (a signature added, a typo mended) would make every
        # commitment twice; another answer in the same case is told apart by its dnr.
        params = {"dnr": earlier.dnr or "", "code": committee.code if committee else "", "day": earlier.created_at}
        errors["case_dnr"] = ("err_import_dnr_answered", params)
    # Due at a meeting or an årshjul event: dated in the committee's plan, or waiting for it (`import_year`).
    dated = plan_dates(session, commitments_of(draft), committee.code, today) if committee is not None else {}
    # A passed deadline left alone on its own radio takes the case-level choice (all done / all overdue).
    choices = {
        i: with_case_choice(_in_plan(c, dated.get(i)), fields.get("past"), today) for i, c in choices_of(draft).items()
    }
    chosen = [f for f in commitments_of(draft) if choices.get(int(f["index"]), Choice(False, None, None)).selected]
    # A case may come without commitments (a follow-up audit, an answer that promises nothing); where
    # commitments were found, leaving them all out must be asked for, and asking contradicts a tick.
    without = bool(fields.get("without_commitments"))
    if not chosen and commitments_of(draft) and not without:
        errors["case_without"] = ("err_import_none_chosen", {})
    elif chosen and without:
        errors["case_without"] = ("err_import_without_but_chosen", {"count": len(chosen)})
    numbers = {int(f["index"]): n for n, f in enumerate(commitments_of(draft), start=1)}
    for f in chosen:
        index = int(f["index"])
        check_chosen(errors, f, choices[index], numbers[index], today, waits=index in dated)
    if errors:
        raise ValidationFailed(errors)
    assert committee is not None
    existing = imported_case(session, draft.sha256)
    if existing is not None:
        raise UserError("err_import_done", dnr=existing.dnr or "")
    case = _case_for_import(session, committee, dnr, now)
    case.title = visible(str(fields.get("title") or ""), one_line=True)[:MAX_TITLE]
    case.auditor = visible(str(fields.get("auditor") or ""), one_line=True) or None
    case.answer_date = iso_date(fields.get("date"))
    case.source_filename = (draft.filename or "")[:300] or None
    case.source_sha256 = draft.sha256
    case.source_text = mask_personal_numbers(draft.source_text)  # a draft stored before masking
    links = answered_recommendation(draft)
    recommendations: dict[int, Recommendation] = {}
    for position, f in enumerate(f for f in findings_of(draft) if f.get("kind") == "recommendation"):
        rec = Recommendation(
            case_id=case.id,
            position=position,
            text=readable(f.get("text")),  # kept whole: the column is Text
            span_start=int(f["span"][0]),
            span_end=int(f["span"][1]),
        )
        session.add(rec)
        recommendations[int(f["index"])] = rec
    try:
        session.flush()
    except IntegrityError:
        raise UserError("err_import_done", dnr=dnr or "") from None
    created: list[int] = []
    for f in chosen:
        choice = choices[int(f["index"])]
        answered = recommendations.get(links.get(int(f["index"]), -1))
        planned = dated.get(int(f["index"]))
        created.append(
            _create_commitment(session, actor, committee, case, answered, f, choice, owner_names, now, planned)
        )
    draft.case_id = case.id
    draft.updated_at = now
    session.flush()
    return ImportResult(case.id, committee.code, dnr, tuple(created), len(recommendations))


def _in_plan(choice: Choice, planned: PlanDate | None) -> Choice:
    """A tied commitment the reviewer left undated (a page never shown) takes its meeting's day."""
    if planned is None or planned.day is None or planned.tie.recurring or choice.deadline is not None:
        return choice
    return replace(choice, deadline=planned.day)


def _answered_case(session: Session, committee: Committee | None, dnr: str | None, sha256: str) -> Case | None:
    """A case of the committee under the same dnr that already has an imported answer (another file)."""
    if committee is None:
        return None
    document = Case.source_sha256.is_not(None) & (Case.source_sha256 != sha256)
    return _first_case_under(session, committee, dnr, document)


def _first_case_under(
    session: Session, committee: Committee, dnr: str | None, document: ColumnElement[bool]
) -> Case | None:
    """The committee's first case under `dnr` (as folded) whose document matches `document`; None without a dnr."""
    key = fold_dnr(dnr) if dnr else None
    if not key:
        return None
    stmt = select(Case).where(Case.committee_id == committee.id, Case.dnr_key == key, document)
    return session.scalars(stmt.order_by(Case.id).limit(1)).first()


def _case_for_import(session: Session, committee: Committee, dnr: str | None, now: datetime) -> Case:
    """A case typed earlier under the same dnr, without a document yet, gets this one; else a new case."""
    found = _first_case_under(session, committee, dnr, Case.source_sha256.is_(None))
    if found is not None:
        return found
    key = fold_dnr(dnr) if dnr else None
    case = Case(committee_id=committee.id, dnr=dnr, dnr_key=key, title="", created_at=now)
    session.add(case)
    session.flush()
    return case


def _create_commitment(
    session: Session,
    actor: Actor,
    committee: Committee,
    case: Case,
    rec: Recommendation | None,
    finding: dict[str, Any],
    choice: Choice,
    owner_names: dict[str, str],
    now: datetime,
    planned: PlanDate | None = None,
) -> int:
    deadline: ResolvedDeadline | None = None
    if choice.deadline is not None:
        found = [iso_date(d) for d in finding.get("deadlines") or []]
        phrase = readable(finding.get("deadline_phrase"))
        # The document's phrase stays with the date it gave; a date the reviewer picked is its own phrase.
        if phrase and choice.deadline in found:
            deadline = ResolvedDeadline(choice.deadline, phrase[:MAX_SHORT], 1.0)
        else:
            deadline = ResolvedDeadline(choice.deadline, choice.deadline.isoformat(), 1.0)
    recurrence = finding.get("recurrence") or None
    recurrence_phrase = readable(finding.get("deadline_phrase"))[:MAX_SHORT] or None if recurrence else None
    tied = _tied(planned, choice)
    if tied is not None:
        assert planned is not None
        deadline = tied.deadline or deadline
        if tied.rule is not None:
            recurrence, recurrence_phrase = tied.rule, tied.phrase
        elif planned.replaces and not planned.tie.recurring:
            recurrence = recurrence_phrase = None  # the grammar's rhythm was its guess at the meeting
    found_text = readable(finding.get("text"))
    written = as_written(finding.get("text"))
    # The reviewer's text when one was offered and changed; the document's wording then goes into the
    # history (the span keeps the way to the document itself).
    text = visible(choice.text, one_line=True) if choice.text is not None else found_text
    draft = CommitmentDraft(
        text=text,  # kept whole: the column is Text
        committee_code=committee.code,
        owner_user_id=choice.owner,
        owner_name=owner_names.get(choice.owner or ""),
        owner_role=readable(finding.get("owner"))[:MAX_SHORT] or None,
        deadline=deadline,
        recurrence=str(recurrence) if recurrence else None,
        recurrence_phrase=recurrence_phrase if recurrence else None,
        dnr=case.dnr,
        recommendation=None,
        anchor=tied.anchor if tied is not None else None,
        meeting=tied.meeting if tied is not None else None,
    )
    span = finding.get("span") or [None, None]
    commitment = commitment_service.create(
        session,
        actor,
        draft,
        now,
        case=case,
        recommendation=rec,
        source_span=(int(span[0]), int(span[1])) if span[0] is not None else None,
        # An old commitment the reviewer says is done comes in done; its history says so.
        status=CommitmentStatus.DONE if choice.past == PAST_DONE else CommitmentStatus.NOT_STARTED,
        # Edited by the reviewer or repaired for reading ("fo6r" → "för"): the document's wording is kept.
        original_text=written if text != written else None,
        # The reviewer's date instead of the document's ("Ge ett nytt slutdatum", a date mended): the card's
        # history keeps what the document said. A meeting's day from the plan replaced only a guess.
        document_deadline=iso_date((finding.get("deadlines") or [None])[0]) if tied is None else None,
    )
    if tied is not None and tied.waiting and commitment.deadline is None:
        # No date until the plan has the meeting: the phrase is kept for `meeting_plan.follow` to date.
        commitment.deadline_phrase = tied.phrase
    return commitment.id


@dataclass(frozen=True)
class _Tied:
    """How a commitment due at the committee's meeting or event is stored: its deadline or rule, and anchor."""

    anchor: str
    phrase: str
    deadline: ResolvedDeadline | None = None
    meeting: date | None = None
    rule: str | None = None
    waiting: bool = False


def _tied(planned: PlanDate | None, choice: Choice) -> _Tied | None:
    """The tie a confirmed commitment keeps; None when the reviewer chose a date of their own (or none applies)."""
    if planned is None:
        return None
    tie = planned.tie
    phrase = " ".join(tie.phrase.split())[:MAX_SHORT]
    if tie.recurring:
        # "vid varje sammanträde": the plan's meetings; without them, the grammar's conventional rhythm stays.
        return _Tied(tie.anchor, phrase, meeting=planned.meeting, rule=planned.rule) if planned.rule else None
    if planned.day is not None and choice.deadline == planned.day:
        note = "plan_default" if planned.default else None
        deadline = ResolvedDeadline(planned.day, phrase, 1.0, note, meeting=planned.meeting, anchor=tie.anchor)
        return _Tied(tie.anchor, phrase, deadline, planned.meeting)
    if planned.waits and choice.deadline is None:
        return _Tied(tie.anchor, phrase, waiting=True)
    return None


def created_commitments(session: Session, result: ImportResult) -> list[Commitment]:
    stmt = select(Commitment).where(Commitment.id.in_(result.commitment_ids)).order_by(Commitment.number)
    return list(session.scalars(stmt))
