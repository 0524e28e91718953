"""How an import's review falls into pages, and how a page is read back.

A modal holds at most 100 blocks, and a long answer has more findings than that, so the findings are
paged (never dropped): each recommendation with the commitments that answer it, a recommendation repeated
where its commitments go on over a page. The layout depends only on the findings, so a page submitted is
read back exactly as it was shown (``bot/ui/review.py`` draws it), and an error is shown on the page
that holds its field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from bot.services.import_checks import CASE_PAST_CHOICES, PAST_CHOICES, PAST_EACH
from bot.services.imports import (
    Choice,
    DraftContent,
    answered_recommendation,
    commitments_of,
    findings_of,
    readable,
)
from bot.slack_format import escaped_pieces
from bot.ui import blocks as bk

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


class ReviewedDraft(DraftContent, Protocol):
    """A draft as the modal shows it (``import_review.ReviewDraft``; the row itself in tests)."""

    @property
    def id(self) -> int: ...

    @property
    def filename(self) -> str | None: ...

    @property
    def case_fields(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class Entry:
    kind: str  # "recommendation" | "commitment"
    index: int
    continued: bool = False


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
