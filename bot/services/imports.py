"""Importing an audit answer: the draft that waits for review, and what it holds.

The document is read and its findings extracted first (``bot/slack/import_flow.py``);
what was found waits in an :class:`ImportDraft` row while a person ticks,
assigns and dates the commitments over the review modal's pages. Confirming
(``bot/services/import_confirm.py``) creates the case, its recommendations and
the chosen commitments in one transaction, each commitment keeping its place in
the document. A document already imported (same sha256) is named instead of
imported twice.

A personnummer in the document does not stop the import: the draft keeps the
document, its findings, its file name and the case fields with every number
masked (`text_guard.mask_personal_numbers`, as long as the number, so the
spans still hold), and so does everything confirmed from it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Protocol

from rapidfuzz import fuzz
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.documents import Document
from bot.domain.errors import NotFound, PermissionDenied, UserError
from bot.extraction import Extraction
from bot.language.normalize import fold, repair_for_reading
from bot.services import import_checks
from bot.services.committees import committees_managed_by
from bot.services.import_checks import iso_date
from bot.services.import_ties import passed_in_document, tie_of
from bot.services.people import Actor
from bot.services.text_guard import mask_json, mask_personal_numbers, visible
from bot.services.validation import MAX_DNR, MAX_SHORT
from storage.models import Case, ImportDraft

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


def readable(text: Any) -> str:
    """A finding's text as a person should read it: OCR damage repaired, whitespace collapsed.

    The span keeps the way back to the text as written. Hidden characters go, and a
    personnummer a stored draft may still hold is masked.
    """
    return as_written(repair_for_reading(str(text or "")))


def as_written(text: Any) -> str:
    """A finding's text as the document has it (OCR damage and all), whitespace collapsed, personnummer masked."""
    return visible(mask_personal_numbers(str(text or "")), one_line=True)


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
        # A meeting or årshjul phrase ("till nämndens sista sammanträde 2027") is the committee's plan's to
        # date (`import_year`): the grammar's date for it is a guess and is not offered.
        tie = tie_of(f)
        if tie is not None and tie[1] and not passed_in_document(f, now.date()):
            # (One passed already is the document's to say: no plan of that year will come to date it.)
            deadlines = []
        # Ticked from the start: the fairly sure ones that have a date, a rhythm or a meeting (an undated
        # one needs a person to give it a deadline, so it waits unticked).
        says_when = bool(deadlines or f.get("recurrence") or tie is not None)
        choices[str(f["index"])] = Choice(
            selected=float(f.get("confidence") or 0) >= PRESELECT_CONFIDENCE and says_when,
            owner=None,
            deadline=iso_date(deadlines[0]) if deadlines else None,
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


def forget_old_drafts(session: Session, now: datetime) -> int:
    """Remove drafts untouched for KEEP_DRAFTS (a confirmed one's case keeps the document)."""
    result = session.execute(delete(ImportDraft).where(ImportDraft.updated_at < now - KEEP_DRAFTS))
    return int(getattr(result, "rowcount", 0) or 0)
