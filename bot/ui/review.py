"""The review modal of an import: case fields, then the findings page by page.

A modal holds at most 100 blocks, and a long answer has more findings than
that, so the findings are paged (never dropped): each recommendation is shown
with the commitments that answer them, each commitment as a tick box, its
text to edit (OCR damage repaired), an owner picker and a deadline, and, when that deadline
has already passed, what to do about it (done, a new date, kept overdue); the case section then
offers that choice once for them all (an old answer brought in late).
What a page holds is saved in the draft before another page is shown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from bot.language.recurrence import describe_rrule
from bot.services.import_checks import CASE_PAST_CHOICES, PAST_CHOICES, PAST_EACH, deadline_passed
from bot.services.imports import (
    Choice,
    DraftContent,
    answered_recommendation,
    choices_of,
    commitments_of,
    findings_of,
    readable,
)
from bot.slack_format import escaped_pieces, word_preview
from bot.texts import Texts
from bot.ui import blocks as bk
from bot.ui.modals import committee_select

REVIEW_CALLBACK = "import_review"
PAGE_ACTION = "import_page"
PICK_VALUE = "import"
# Blocks for the entries of one page; the rest (at most 22) is the case fields, header and navigation.
PAGE_BUDGET = 78
PER_PAGE = 15
# Input blocks of one commitment, counted whether shown or not (the passed-deadline radio comes and goes
# with the date): a page's layout then never depends on the day or on what was picked, so a page is read
# back exactly as it was shown. 15 commitments x 5 = 75 blocks, within PAGE_BUDGET.
COMMITMENT_INPUTS = 5
# A commitment's text up to what a plain_text_input holds is offered in one, to be edited before it is
# saved; a longer one is shown whole in sections above its tick box, whose label then holds only its
# beginning (an input would cut it). Slack's limits:
# https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element (max_length 3,000),
# https://docs.slack.dev/reference/block-kit/blocks/input-block (label 2,000) and
# https://docs.slack.dev/reference/block-kit/blocks/section-block (text 3,000).
TEXT_IN_INPUT = bk.INPUT_MAX
PREVIEW_IN_LABEL = 200
PREVIEW_ABOVE_INPUT = 80
# A section holds 3,000 characters; the rest of a piece's section is the "Åtagande 3:" lead.
PIECE = bk.SECTION_TEXT - 100
CASE_FIELDS = {
    "case_committee": "case_committee_select",
    "case_dnr": "case_dnr_input",
    "case_title": "case_title_input",
    "case_auditor": "case_auditor_input",
    "case_date": "case_date_picker",
    "case_without": "case_without_commitments",
    "case_passed": "case_passed_choice",
}
WITHOUT_VALUE = "without"


class ReviewedDraft(DraftContent, Protocol):
    """A draft as the modal shows it (``import_review.ReviewDraft``; the row itself in tests)."""

    @property
    def id(self) -> int: ...

    @property
    def filename(self) -> str | None: ...

    @property
    def case_fields(self) -> Mapping[str, Any]: ...


class CommitteeChoice(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class Entry:
    kind: str  # "recommendation" | "commitment"
    index: int
    continued: bool = False


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


def _entries(draft: ReviewedDraft) -> list[Entry]:
    """Document order, with each recommendation followed by the commitments that answer it."""
    links = answered_recommendation(draft)
    by_rec: dict[int, list[int]] = {}
    loose: list[int] = []
    for f in commitments_of(draft):
        index = int(f["index"])
        if index in links:
            by_rec.setdefault(links[index], []).append(index)
        else:
            loose.append(index)
    entries: list[Entry] = []
    for f in findings_of(draft):
        if f.get("kind") == "recommendation":
            rec = int(f["index"])
            entries.append(Entry("recommendation", rec))
            entries.extend(Entry("commitment", c) for c in by_rec.get(rec, []))
    entries.extend(Entry("commitment", c) for c in loose)
    return entries


def pages(draft: ReviewedDraft) -> list[list[Entry]]:
    """The entries split into pages that fit a modal; a recommendation repeats where its commitments go on."""
    result: list[list[Entry]] = [[]]
    cost = commitments = 0
    current_rec: int | None = None
    texts = {int(f["index"]): readable(f.get("text")) for f in findings_of(draft)}
    for entry in _entries(draft):
        size = _text_blocks(entry.kind, texts[entry.index]) + (COMMITMENT_INPUTS if entry.kind == "commitment" else 0)
        if cost + size > PAGE_BUDGET or (entry.kind == "commitment" and commitments == PER_PAGE):
            result.append([])
            cost = commitments = 0
            if entry.kind == "commitment" and current_rec is not None:
                result[-1].append(Entry("recommendation", current_rec, continued=True))
                cost += 1
        if entry.kind == "recommendation":
            current_rec = entry.index
        result[-1].append(entry)
        cost += size
        commitments += entry.kind == "commitment"
    return result


def _text_blocks(kind: str, text: str) -> int:
    """The sections a finding's text takes (a commitment's text that fits an input takes none)."""
    if kind == "commitment" and len(text) <= TEXT_IN_INPUT:
        return 0
    return len(escaped_pieces(text, PIECE))


def _text_sections(texts: Texts, template: str, number: int, text: str) -> list[bk.Block]:
    """A finding's whole text over consecutive sections, the first led by its number."""
    return [
        bk.section(texts.md(template, number=number, text=piece, first=i == 0))
        for i, piece in enumerate(escaped_pieces(text, PIECE))
    ]


def _hint(texts: Texts, finding: dict[str, Any]) -> str:
    deadlines = [date.fromisoformat(d) for d in finding.get("deadlines") or []]
    recurrence = finding.get("recurrence")
    return texts.get(
        "review_hint",
        phrase=readable(finding.get("deadline_phrase")),
        dates=deadlines,
        rhythm=describe_rrule(str(recurrence)) if recurrence else "",
        owner=readable(finding.get("owner")),
        confidence=float(finding.get("confidence") or 0),
        note=str(finding.get("deadline_note") or ""),
    )


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
    texts: Texts, finding: dict[str, Any], choice: Choice, number: int, today: date | None
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
        )
        editable = [bk.input_block(f"f{index}_text", texts.get("review_commitment_text"), element, optional=True)]
    else:
        shown = _text_sections(texts, "review_commitment_text.md.j2", number, text)
        label = texts.get(
            "review_commitment_label_shortened", number=number, preview=word_preview(text, PREVIEW_IN_LABEL)
        )
    owner = bk.users_select(f"f{index}_owner", choice.owner)
    deadline: bk.Block = {"type": "datepicker", "action_id": f"f{index}_deadline"}
    if choice.deadline is not None:
        deadline["initial_date"] = choice.deadline.isoformat()
    return [
        *shown,
        bk.input_block(f"f{index}_pick", label, pick, optional=True, hint=_hint(texts, finding)),
        *editable,
        bk.input_block(f"f{index}_owner", texts.get("review_owner"), owner, optional=True),
        bk.input_block(f"f{index}_deadline", texts.get("review_deadline"), deadline, optional=True),
        *_past_block(texts, index, choice, today),
    ]


def _case_blocks(
    texts: Texts, draft: ReviewedDraft, committees: Sequence[CommitteeChoice], today: date | None
) -> list[bk.Block]:
    fields = draft.case_fields or {}
    when: bk.Block = {"type": "datepicker", "action_id": CASE_FIELDS["case_date"]}
    if fields.get("date"):
        when["initial_date"] = str(fields["date"])
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
            bk.text_input(CASE_FIELDS["case_dnr"], initial=fields.get("dnr") or None, max_length=64),
            optional=True,
        ),
        bk.input_block(
            "case_title",
            texts.get("review_title"),
            bk.text_input(CASE_FIELDS["case_title"], initial=fields.get("title") or None, max_length=500),
            optional=True,
        ),
        bk.input_block(
            "case_auditor",
            texts.get("review_auditor"),
            bk.text_input(CASE_FIELDS["case_auditor"], initial=fields.get("auditor") or None, max_length=300),
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
) -> bk.Block:
    """One page of the review; `today` (the bot's zone) tells which deadlines have passed."""
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
            blocks.extend(_commitment_blocks(texts, finding, choice, numbers[entry.index], today))
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


def _element(values: dict[str, Any], block_id: str, action_id: str) -> dict[str, Any]:
    element = (values.get(block_id) or {}).get(action_id)
    return element if isinstance(element, dict) else {}


def read_page(
    draft: ReviewedDraft, page: int, values: dict[str, Any]
) -> tuple[dict[int, Choice], dict[str, Any] | None]:
    """The choices on one page, and the case fields when it is the first page."""
    all_pages = pages(draft)
    if not 0 <= page < len(all_pages):
        return {}, None
    choices: dict[int, Choice] = {}
    for entry in all_pages[page]:
        if entry.kind != "commitment":
            continue
        i = entry.index
        picked = _element(values, f"f{i}_pick", f"f{i}_pick").get("selected_options") or []
        owner = _element(values, f"f{i}_owner", f"f{i}_owner").get("selected_user")
        when = _element(values, f"f{i}_deadline", f"f{i}_deadline").get("selected_date")
        past = (_element(values, f"f{i}_past", f"f{i}_past").get("selected_option") or {}).get("value")
        # Offered and emptied is "" (refused if ticked); not offered (too long for an input) is None.
        text = _element(values, f"f{i}_text", f"f{i}_text")
        typed = str(text.get("value") or "") if text else None
        try:
            deadline = date.fromisoformat(str(when)) if when else None
        except ValueError:
            deadline = None
        choices[i] = Choice(
            bool(picked), str(owner) if owner else None, deadline, past if past in PAST_CHOICES else None, typed
        )
    if page != 0:
        return choices, None
    selected = _element(values, "case_committee", CASE_FIELDS["case_committee"]).get("selected_option") or {}
    case_fields = {
        "committee": selected.get("value") or None,
        "dnr": _element(values, "case_dnr", CASE_FIELDS["case_dnr"]).get("value") or "",
        "title": _element(values, "case_title", CASE_FIELDS["case_title"]).get("value") or "",
        "auditor": _element(values, "case_auditor", CASE_FIELDS["case_auditor"]).get("value") or "",
        "date": _element(values, "case_date", CASE_FIELDS["case_date"]).get("selected_date") or None,
    }
    without = _element(values, "case_without", CASE_FIELDS["case_without"])
    if without:
        case_fields["without_commitments"] = bool(without.get("selected_options"))
    # Shown only while a deadline has passed: not shown, the stored choice stays as it was.
    past = _element(values, "case_passed", CASE_FIELDS["case_passed"])
    if past:
        value = (past.get("selected_option") or {}).get("value")
        case_fields["past"] = value if value in CASE_PAST_CHOICES else PAST_EACH
    return choices, case_fields


def page_of_field(draft: ReviewedDraft, field: str) -> int | None:
    """The page that shows a review field (``case_*`` on the first, ``f<i>_…`` where finding i is)."""
    if field.startswith("case_"):
        return 0
    head = field.split("_", 1)[0]
    if not head[1:].isdigit():
        return None
    index = int(head[1:])
    for number, entries in enumerate(pages(draft)):
        if any(e.kind == "commitment" and e.index == index for e in entries):
            return number
    return None
