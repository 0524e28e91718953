"""The review modal of an import: case fields, then the findings page by page.

Which findings a page holds, and how a submitted page is read back, is ``bot/ui/review_pages.py``;
here is what a page shows: each recommendation with the commitments that answer it, each commitment
as a tick box, its text to edit (OCR damage repaired), an owner picker and a deadline, and, when that
deadline has already passed, what to do about it (done, a new date, kept overdue); the case section
then offers that choice once for them all (an old answer brought in late).
What a page holds is saved in the draft before another page is shown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from bot.services.import_checks import CASE_PAST_CHOICES, PAST_CHOICES, deadline_passed
from bot.services.import_ties import PlanDate
from bot.services.imports import Choice, choices_of, commitments_of, findings_of, readable
from bot.slack_format import escaped_pieces, word_preview
from bot.texts import Texts
from bot.ui import blocks as bk
from bot.ui.modals import committee_select
from bot.ui.review_pages import CASE_FIELDS, PIECE, TEXT_IN_INPUT, ReviewedDraft, pages

REVIEW_CALLBACK = "import_review"
PAGE_ACTION = "import_page"
PICK_VALUE = "import"
# A label's share of a text shown whole above it, and of a text offered in an input below it.
PREVIEW_IN_LABEL = 200
PREVIEW_ABOVE_INPUT = 80
WITHOUT_VALUE = "without"


class CommitteeChoice(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class ReviewMeta:
    draft_id: int
    page: int

    def dump(self) -> str:
        return json.dumps({"draft": self.draft_id, "page": self.page})

    @classmethod
    def load(cls, raw: str | None) -> ReviewMeta | None:
        try:
            data = json.loads(raw or "")
            return cls(int(data["draft"]), int(data.get("page", 0)))
        except (ValueError, TypeError, KeyError):
            return None


def _text_sections(texts: Texts, template: str, number: int, text: str) -> list[bk.Block]:
    """A finding's whole text over consecutive sections, the first led by its number."""
    return [
        bk.section(texts.md(template, number=number, text=piece, first=i == 0))
        for i, piece in enumerate(escaped_pieces(text, PIECE))
    ]


def _hint(texts: Texts, finding: dict[str, Any], planned: PlanDate | None, code: str) -> str:
    deadlines = [date.fromisoformat(d) for d in finding.get("deadlines") or []]
    recurrence = finding.get("recurrence")
    phrase = readable(finding.get("deadline_phrase"))
    if planned is not None:
        # The meeting's phrase is what the document said; the grammar's date or rule for it was a guess.
        phrase = readable(planned.tie.phrase)
        if planned.replaces:
            deadlines, recurrence = [], None
    hint = texts.get(
        "review_hint",
        phrase=phrase,
        dates=deadlines,
        rhythm=texts.rhythm(str(recurrence)) if recurrence else "",
        owner=readable(finding.get("owner")),
        confidence=float(finding.get("confidence") or 0),
        note=str(finding.get("deadline_note") or ""),
    )
    return hint if planned is None else f"{_plan_line(texts, planned, code)} · {hint}"


def _plan_line(texts: Texts, planned: PlanDate, code: str) -> str:
    """What the committee's plan makes of the phrase: the meeting's day, or what the plan lacks."""
    missing = planned.missing
    if missing is not None:
        return texts.get("review_plan", kind=missing.what, year=missing.year, month=missing.month, code=code)
    anchor = planned.tie.anchor
    event = anchor.split(":")[1] if anchor.startswith("event:") else ""
    if planned.tie.recurring:
        kind = "rhythm" if anchor == "each" else "default" if planned.default else "event"
    else:
        kind = "meeting" if planned.meeting else "default" if planned.default else "event"
    return texts.get("review_plan", kind=kind, day=planned.day, code=code, event=event)


def _past_block(texts: Texts, index: int, choice: Choice, today: date | None) -> list[bk.Block]:
    """The choice for a deadline that has passed (shown once chosen, too, so that it can be changed)."""
    if choice.deadline is None or (choice.past is None and (today is None or not deadline_passed(choice, today))):
        return []
    options = [bk.option(texts.get(f"review_past_{value}"), value) for value in PAST_CHOICES]
    radio: bk.Block = {"type": "radio_buttons", "action_id": f"f{index}_past", "options": options}
    chosen = next((o for o in options if o["value"] == choice.past), None)
    if chosen is not None:
        radio["initial_option"] = chosen
    label = texts.get("review_past_label", deadline=choice.deadline)
    return [bk.input_block(f"f{index}_past", label, radio, optional=True, hint=texts.get("review_past_hint"))]


def _commitment_blocks(
    texts: Texts,
    finding: dict[str, Any],
    choice: Choice,
    number: int,
    today: date | None,
    planned: PlanDate | None = None,
    code: str = "",
) -> list[bk.Block]:
    index = int(finding["index"])
    pick: bk.Block = {
        "type": "checkboxes",
        "action_id": f"f{index}_pick",
        "options": [bk.option(texts.get("review_pick"), PICK_VALUE)],
    }
    if choice.selected:
        pick["initial_options"] = [bk.option(texts.get("review_pick"), PICK_VALUE)]
    text = readable(finding.get("text"))
    shown: list[bk.Block] = []
    editable: list[bk.Block] = []
    if len(text) <= TEXT_IN_INPUT:
        # The label keeps "Åtagande 2:" and the text's beginning, to find one's way down a long page.
        label = texts.get(
            "review_commitment_label_editable", number=number, preview=word_preview(text, PREVIEW_ABOVE_INPUT)
        )
        element = bk.text_input(
            f"f{index}_text",
            multiline=True,
            initial=choice.text if choice.text is not None else text,
            max_length=TEXT_IN_INPUT,
            placeholder=texts.get("placeholder_review_text"),
        )
        editable = [bk.input_block(f"f{index}_text", texts.get("review_commitment_text"), element, optional=True)]
    else:
        shown = _text_sections(texts, "review_commitment_text.md.j2", number, text)
        label = texts.get(
            "review_commitment_label_shortened", number=number, preview=word_preview(text, PREVIEW_IN_LABEL)
        )
    owner = bk.users_select(f"f{index}_owner", choice.owner, placeholder=texts.get("placeholder_person"))
    # A commitment due at a meeting shows that meeting's day until the reviewer picks another.
    in_plan = planned.day if planned is not None and not planned.tie.recurring else None
    shown_day = choice.deadline or in_plan
    deadline = bk.datepicker(
        f"f{index}_deadline",
        shown_day.isoformat() if shown_day is not None else None,
        placeholder=texts.get("placeholder_date"),
    )
    return [
        *shown,
        bk.input_block(f"f{index}_pick", label, pick, optional=True, hint=_hint(texts, finding, planned, code)),
        *editable,
        bk.input_block(f"f{index}_owner", texts.get("review_owner"), owner, optional=True),
        bk.input_block(f"f{index}_deadline", texts.get("review_deadline"), deadline, optional=True),
        *_past_block(texts, index, choice, today),
    ]


def _case_blocks(
    texts: Texts, draft: ReviewedDraft, committees: Sequence[CommitteeChoice], today: date | None
) -> list[bk.Block]:
    fields = draft.case_fields or {}
    when = bk.datepicker(
        CASE_FIELDS["case_date"],
        str(fields["date"]) if fields.get("date") else None,
        placeholder=texts.get("placeholder_date"),
    )
    return [
        bk.input_block(
            "case_committee",
            texts.get("review_committee"),
            committee_select(
                CASE_FIELDS["case_committee"],
                committees,
                fields.get("committee"),
                texts.get("field_committee_placeholder"),
            ),
        ),
        bk.input_block(
            "case_dnr",
            texts.get("review_dnr"),
            bk.text_input(
                CASE_FIELDS["case_dnr"],
                initial=fields.get("dnr") or None,
                max_length=64,
                placeholder=texts.get("field_dnr_placeholder"),
            ),
            optional=True,
        ),
        bk.input_block(
            "case_title",
            texts.get("review_title"),
            bk.text_input(
                CASE_FIELDS["case_title"],
                initial=fields.get("title") or None,
                max_length=500,
                placeholder=texts.get("placeholder_case_title"),
            ),
            optional=True,
        ),
        bk.input_block(
            "case_auditor",
            texts.get("review_auditor"),
            bk.text_input(
                CASE_FIELDS["case_auditor"],
                initial=fields.get("auditor") or None,
                max_length=300,
                placeholder=texts.get("placeholder_case_auditor"),
            ),
            optional=True,
        ),
        bk.input_block("case_date", texts.get("review_date"), when, optional=True),
        *_without_block(texts, draft),
        *_case_past_block(texts, draft, today),
    ]


def _case_past_block(texts: Texts, draft: ReviewedDraft, today: date | None) -> list[bk.Block]:
    """One choice for every passed deadline at once (an old answer brought in late), when one has passed."""
    passed = [c for c in choices_of(draft).values() if today is not None and deadline_passed(c, today)]
    if not passed:
        return []
    options = [bk.option(texts.get(f"review_case_past_{value}"), value) for value in CASE_PAST_CHOICES]
    stored = (draft.case_fields or {}).get("past")
    chosen = next((o for o in options if o["value"] == stored), options[0])
    radio: bk.Block = {
        "type": "radio_buttons",
        "action_id": CASE_FIELDS["case_passed"],
        "options": options,
        "initial_option": chosen,
    }
    label = texts.get("review_case_past_label", count=len(passed))
    return [bk.input_block("case_passed", label, radio, optional=True, hint=texts.get("review_case_past_hint"))]


def _without_block(texts: Texts, draft: ReviewedDraft) -> list[bk.Block]:
    """Where commitments were found, importing none of them is a tick of its own (never an oversight)."""
    if not commitments_of(draft):
        return []
    option = bk.option(texts.get("review_without"), WITHOUT_VALUE)
    element: bk.Block = {"type": "checkboxes", "action_id": CASE_FIELDS["case_without"], "options": [option]}
    if (draft.case_fields or {}).get("without_commitments"):
        element["initial_options"] = [option]
    return [
        bk.input_block(
            "case_without",
            texts.get("review_without_label"),
            element,
            optional=True,
            hint=texts.get("review_without_hint"),
        )
    ]


def review_modal(
    texts: Texts,
    draft: ReviewedDraft,
    committees: Sequence[CommitteeChoice],
    page: int,
    today: date | None = None,
    plan: Mapping[int, PlanDate] | None = None,
) -> bk.Block:
    """One page of the review; `today` (the bot's zone) tells which deadlines have passed.

    `plan`: the commitments due at the committee's meetings or årshjul events, dated in its plan or
    waiting for it (`import_review.ReviewScreen.plan`).
    """
    code = str((draft.case_fields or {}).get("committee") or "")
    all_pages = pages(draft)
    page = max(0, min(page, len(all_pages) - 1))
    findings = {int(f["index"]): f for f in findings_of(draft)}
    choices = choices_of(draft)
    numbers = {int(f["index"]): n for n, f in enumerate(commitments_of(draft), start=1)}
    rec_numbers = {
        int(f["index"]): n for n, f in enumerate((f for f in findings.values() if f["kind"] == "recommendation"), 1)
    }
    blocks: list[bk.Block] = [
        bk.section(
            texts.md(
                "review_intro.md.j2",
                name=draft.filename or texts.get("import_pasted_name"),
                commitments=len(numbers),
                chosen=sum(1 for c in choices.values() if c.selected),
                recommendations=len(rec_numbers),
                page=page + 1,
                pages=len(all_pages),
            )
        )
    ]
    if page == 0:
        blocks.extend(_case_blocks(texts, draft, committees, today))
    for entry in all_pages[page]:
        finding = findings[entry.index]
        if entry.kind == "recommendation" and entry.continued:
            # Shown whole where it begins; here only its beginning, to say which one goes on.
            preview = word_preview(readable(finding.get("text")), PREVIEW_IN_LABEL)
            blocks.append(
                bk.section(
                    texts.md(
                        "review_recommendation.md.j2",
                        number=rec_numbers[entry.index],
                        text=preview,
                        first=True,
                        continued=True,
                    )
                )
            )
        elif entry.kind == "recommendation":
            text = readable(finding.get("text"))
            blocks.extend(_text_sections(texts, "review_recommendation.md.j2", rec_numbers[entry.index], text))
        else:
            choice = choices.get(entry.index, Choice(False, None, None))
            planned = (plan or {}).get(entry.index)
            blocks.extend(_commitment_blocks(texts, finding, choice, numbers[entry.index], today, planned, code))
    if not numbers:
        blocks.append(bk.section(texts.md("review_nothing_found.md.j2")))
    nav: list[bk.Block] = []
    if page > 0:
        nav.append(bk.button(texts.get("btn_previous_page"), f"{PAGE_ACTION}_prev", str(page - 1)))
    if page + 1 < len(all_pages):
        nav.append(bk.button(texts.get("btn_next_page"), f"{PAGE_ACTION}_next", str(page + 1)))
    if nav:
        blocks.append(bk.actions(*nav, block_id="import_pages"))
    return bk.modal(
        REVIEW_CALLBACK,
        texts.get("modal_review"),
        blocks,
        submit=texts.get("btn_import"),
        close=texts.get("btn_cancel"),
        private_metadata=ReviewMeta(draft.id, page).dump(),
    )
