"""Importing an audit answer: a reviewed draft becomes a case with its commitments.

The document is read and its findings extracted first (``bot/slack/import_flow.py``);
what was found waits in an :class:`ImportDraft` row while a person ticks,
assigns and dates the commitments over the review modal's pages. Confirming
creates the case, its recommendations and the chosen commitments in one
transaction, each commitment keeping its place in the document. A document
already imported (same sha256) is named instead of imported twice.

A personnummer in the document does not stop the import: the draft keeps the
document, its findings, its file name and the case fields with every number
masked (`text_guard.mask_personal_numbers`, as long as the number, so the
spans still hold), and so does everything confirmed from it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from rapidfuzz import fuzz
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.documents import Document
from bot.domain.errors import NotFound, PermissionDenied, UserError, ValidationFailed
from bot.extraction import Extraction
from bot.language.normalize import fold, fold_dnr, repair_for_reading
from bot.services import commitments as commitment_service
from bot.services import import_checks
from bot.services.commitment_drafts import CommitmentDraft
from bot.services.committees import can_manage, committees_managed_by, get_committee
from bot.services.import_checks import PAST_DONE, check_chosen, with_case_choice
from bot.services.people import Actor
from bot.services.text_guard import guard_into, mask_json, mask_personal_numbers, visible
from bot.services.validation import MAX_DNR, MAX_SHORT, Errors, ResolvedDeadline, clean
from storage.models import Case, Commitment, CommitmentStatus, Committee, ImportDraft, Recommendation

# What the reviewer decided for one commitment (defined beside its checks; its callers know it from here).
Choice = import_checks.Choice
# Commitments the extractor is fairly sure of start ticked; the rest wait for a person.
PRESELECT_CONFIDENCE = 0.6
# An unconfirmed draft is kept this long, then removed by housekeeping.
KEEP_DRAFTS = timedelta(days=14)
MAX_TITLE = 500


class DraftContent(Protocol):
    """What reading a draft's findings and choices needs: the row, or a view of it handed to the UI."""

    @property
    def extraction(self) -> Mapping[str, Any]: ...

    @property
    def choices(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class ImportResult:
    case_id: int
    committee_code: str
    dnr: str | None
    commitment_ids: tuple[int, ...]
    recommendations: int


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def readable(text: Any) -> str:
    """A finding's text as a person should read it: OCR damage repaired, whitespace collapsed.

    The span keeps the way back to the text as written. Hidden characters go, and a
    personnummer a stored draft may still hold is masked.
    """
    return visible(mask_personal_numbers(repair_for_reading(str(text or ""))), one_line=True)


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """The draft's copy of an extraction: the document's facts and its findings in document order."""
    findings = sorted(extraction.findings, key=lambda f: (f.span[0], f.span[1]))
    return {
        "document_date": extraction.document_date.isoformat() if extraction.document_date else None,
        "reference_date": extraction.reference_date.isoformat(),
        "dnr": extraction.dnr,
        "committee": extraction.committee,
        "title": extraction.title,
        "auditor": extraction.auditor,
        "findings": [{**f.to_json(), "index": i} for i, f in enumerate(findings)],
    }


def findings_of(draft: DraftContent) -> list[dict[str, Any]]:
    found = draft.extraction.get("findings")
    return [f for f in found if isinstance(f, dict)] if isinstance(found, list) else []


def commitments_of(draft: DraftContent) -> list[dict[str, Any]]:
    return [f for f in findings_of(draft) if f.get("kind") == "commitment"]


def answered_recommendation(draft: DraftContent) -> dict[int, int]:
    """Commitment index → index of the recommendation it answers."""
    by_span = {tuple(f["span"]): f["index"] for f in findings_of(draft) if f.get("kind") == "recommendation"}
    links: dict[int, int] = {}
    for f in commitments_of(draft):
        answers = f.get("answers")
        if isinstance(answers, list) and tuple(answers) in by_span:
            links[int(f["index"])] = int(by_span[tuple(answers)])
    return links


def choices_of(draft: DraftContent) -> dict[int, Choice]:
    raw = draft.choices if isinstance(draft.choices, dict) else {}
    return {int(k): Choice.load(v) for k, v in raw.items() if str(k).isdigit()}


def imported_case(session: Session, sha256: str) -> Case | None:
    return session.scalars(select(Case).where(Case.source_sha256 == sha256)).one_or_none()


def open_draft_for(session: Session, user_id: str, sha256: str) -> ImportDraft | None:
    """The same person's unconfirmed draft of the same document, to continue instead of reading it again."""
    stmt = (
        select(ImportDraft)
        .where(ImportDraft.user_id == user_id, ImportDraft.sha256 == sha256, ImportDraft.case_id.is_(None))
        .order_by(ImportDraft.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def _match_committee(session: Session, extraction: Extraction, preferred: str | None, actor: Actor) -> str | None:
    """The committee code to prefill: the channel's, the dnr's, the named one, or the only one managed."""
    managed = committees_managed_by(session, actor)
    codes = {c.code for c in managed}
    if preferred and preferred in codes:
        return preferred
    if extraction.dnr:
        for part in re.split(r"[^A-Za-zÅÄÖåäö]+", extraction.dnr):
            if part.upper() in codes:
                return part.upper()
    if extraction.committee:
        wanted = fold(extraction.committee)
        best = max(managed, key=lambda c: fuzz.ratio(fold(c.name), wanted), default=None)
        if best is not None and fuzz.ratio(fold(best.name), wanted) >= 85:
            return best.code
    return managed[0].code if len(managed) == 1 else None


def create_draft(
    session: Session,
    actor: Actor,
    document: Document,
    extraction: Extraction,
    now: datetime,
    *,
    preferred_committee: str | None = None,
    channel_id: str | None = None,
    thread_ts: str | None = None,
) -> ImportDraft:
    # Nothing from the document is stored with a personnummer in clear.
    data = mask_json(extraction_json(extraction))
    filename = mask_personal_numbers(document.filename) if document.filename else None
    choices: dict[str, Any] = {}
    for f in data["findings"]:
        if f["kind"] != "commitment":
            continue
        deadlines = f.get("deadlines") or []
        # Ticked from the start: the fairly sure ones that have a date or a rhythm (an undated
        # one needs a person to give it a deadline, so it waits unticked).
        choices[str(f["index"])] = Choice(
            selected=float(f.get("confidence") or 0) >= PRESELECT_CONFIDENCE and bool(deadlines or f.get("recurrence")),
            owner=None,
            deadline=_iso(deadlines[0]) if deadlines else None,
        ).dump()
    doc_date = extraction.document_date or None
    case_fields = {
        "committee": _match_committee(session, extraction, preferred_committee, actor),
        "dnr": (data["dnr"] or "")[:MAX_DNR],
        "title": (data["title"] or filename or "")[:MAX_TITLE],
        "auditor": (data["auditor"] or "")[:MAX_SHORT],
        "date": doc_date.isoformat() if doc_date else None,
    }
    draft = ImportDraft(
        user_id=actor.user_id,
        created_at=now,
        updated_at=now,
        filename=filename,
        kind=document.kind,
        sha256=document.sha256,
        source_text=mask_personal_numbers(document.text),
        extraction=data,
        choices=choices,
        case_fields=case_fields,
        channel_id=channel_id,
        thread_ts=thread_ts,
    )
    session.add(draft)
    session.flush()
    return draft


def get_draft(session: Session, draft_id: int, user_id: str) -> ImportDraft:
    """The draft, for the person who started it; an import already confirmed is named."""
    draft = session.get(ImportDraft, draft_id)
    if draft is None:
        raise NotFound("err_import_gone")
    if draft.user_id != user_id:
        raise PermissionDenied("err_import_not_yours")
    if draft.case_id is not None:
        case = session.get(Case, draft.case_id)
        raise UserError("err_import_done", dnr=(case.dnr if case else None) or "")
    return draft


def save_review(
    session: Session,
    draft: ImportDraft,
    choices: dict[int, Choice],
    case_fields: dict[str, Any] | None,
    now: datetime,
) -> None:
    """Keep what the reviewer set on one page before the next page is shown."""
    known = {int(f["index"]) for f in commitments_of(draft)}
    merged = dict(draft.choices or {})
    for index, choice in choices.items():
        if index in known:
            merged[str(index)] = choice.dump()
    draft.choices = merged
    if case_fields is not None:
        # What the reviewer typed is kept masked too: the draft never holds a number in clear.
        draft.case_fields = {**(draft.case_fields or {}), **mask_json(case_fields)}
    draft.updated_at = now


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
    # A passed deadline left alone on its own radio takes the case-level choice (all done / all overdue).
    choices = {i: with_case_choice(c, fields.get("past"), today) for i, c in choices_of(draft).items()}
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
        check_chosen(errors, f, choices[int(f["index"])], numbers[int(f["index"])], today)
    if errors:
        raise ValidationFailed(errors)
    assert committee is not None
    existing = imported_case(session, draft.sha256)
    if existing is not None:
        raise UserError("err_import_done", dnr=existing.dnr or "")
    dnr = visible(str(fields.get("dnr") or ""), one_line=True) or None
    case = _case_for_import(session, committee, dnr, now)
    case.title = visible(str(fields.get("title") or ""), one_line=True)[:MAX_TITLE]
    case.auditor = visible(str(fields.get("auditor") or ""), one_line=True) or None
    case.answer_date = _iso(fields.get("date"))
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
        created.append(_create_commitment(session, actor, committee, case, answered, f, choice, owner_names, now))
    draft.case_id = case.id
    draft.updated_at = now
    session.flush()
    return ImportResult(case.id, committee.code, dnr, tuple(created), len(recommendations))


def _case_for_import(session: Session, committee: Committee, dnr: str | None, now: datetime) -> Case:
    """A case typed earlier under the same dnr, without a document yet, gets this one; else a new case."""
    key = fold_dnr(dnr) if dnr else None
    if key:
        stmt = select(Case).where(Case.committee_id == committee.id, Case.dnr_key == key, Case.source_sha256.is_(None))
        found = session.scalars(stmt.order_by(Case.id).limit(1)).first()
        if found is not None:
            return found
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
) -> int:
    deadline: ResolvedDeadline | None = None
    if choice.deadline is not None:
        found = [_iso(d) for d in finding.get("deadlines") or []]
        phrase = readable(finding.get("deadline_phrase"))
        # The document's phrase stays with the date it gave; a date the reviewer picked is its own phrase.
        if phrase and choice.deadline in found:
            deadline = ResolvedDeadline(choice.deadline, phrase[:MAX_SHORT], 1.0)
        else:
            deadline = ResolvedDeadline(choice.deadline, choice.deadline.isoformat(), 1.0)
    recurrence = finding.get("recurrence") or None
    found_text = readable(finding.get("text"))
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
        recurrence_phrase=readable(finding.get("deadline_phrase"))[:MAX_SHORT] or None if recurrence else None,
        dnr=case.dnr,
        recommendation=None,
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
        original_text=found_text if text != found_text else None,
    )
    return commitment.id


def created_commitments(session: Session, result: ImportResult) -> list[Commitment]:
    stmt = select(Commitment).where(Commitment.id.in_(result.commitment_ids)).order_by(Commitment.number)
    return list(session.scalars(stmt))


def forget_old_drafts(session: Session, now: datetime) -> int:
    """Remove drafts untouched for KEEP_DRAFTS (a confirmed one's case keeps the document)."""
    result = session.execute(delete(ImportDraft).where(ImportDraft.updated_at < now - KEEP_DRAFTS))
    return int(getattr(result, "rowcount", 0) or 0)
