"""The import review modal: every finding on exactly one page, and no page over Slack's 100 blocks."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.services.imports import Choice, choices_of, readable
from bot.texts import Texts
from bot.ui.review import review_modal
from bot.ui.review_pages import pages, read_page
from storage.models import Committee, ImportDraft


def draft_with(recommendations: int, per_recommendation: int, loose: int) -> ImportDraft:
    findings: list[dict[str, Any]] = []
    position = 0

    def add(kind: str, answers: list[int] | None = None) -> list[int]:
        nonlocal position
        span = [position, position + 50]
        position += 60
        findings.append(
            {
                "kind": kind,
                "text": f"{kind} {len(findings)} " + "ord " * 40,
                "span": span,
                "deadlines": ["2027-04-30"] if kind == "commitment" else [],
                "deadline_phrase": "senast i april 2027" if kind == "commitment" else None,
                "recurrence": None,
                "owner": "Rektor" if kind == "commitment" else None,
                "committee": None,
                "confidence": 0.8,
                "deadline_note": None,
                "answers": answers,
                "index": len(findings),
            }
        )
        return span

    for _ in range(recommendations):
        rec = add("recommendation")
        for _ in range(per_recommendation):
            add("commitment", rec)
    for _ in range(loose):
        add("commitment")
    choices = {
        str(f["index"]): Choice(True, None, date(2027, 4, 30)).dump() for f in findings if f["kind"] == "commitment"
    }
    return ImportDraft(
        id=7,
        user_id="U1",
        filename="svar.pdf",
        kind="pdf",
        sha256="0" * 64,
        source_text="",
        extraction={"findings": findings},
        choices=choices,
        case_fields={"committee": "BUN", "dnr": "2027/BUN 1"},
    )


@pytest.mark.parametrize(("recs", "per", "loose"), [(0, 0, 1), (3, 2, 1), (12, 9, 30), (1, 120, 0), (60, 0, 5)])
def test_each_commitment_once_and_every_page_fits(recs: int, per: int, loose: int) -> None:
    texts = Texts()
    draft = draft_with(recs, per, loose)
    committees = [Committee(code="BUN", name="Barn- och utbildningsnämnden")]
    shown: list[int] = []
    all_pages = pages(draft)
    for number, entries in enumerate(all_pages):
        view = review_modal(texts, draft, committees, number)
        assert len(view["blocks"]) <= 100
        # Every deadline passed: each commitment's radio, and on the first page the choice for them all.
        late = review_modal(texts, draft, committees, number, today=date(2028, 1, 1))
        assert len(late["blocks"]) <= 100
        assert any(b.get("block_id") == "case_passed" for b in late["blocks"]) == (number == 0 and per + loose > 0)
        shown.extend(e.index for e in entries if e.kind == "commitment")
        # A page never starts with a commitment whose recommendation is not shown on it.
        first = next((e for e in entries if e.kind == "commitment"), None)
        if first is not None and draft.extraction["findings"][first.index]["answers"]:
            assert entries[0].kind == "recommendation"
    commitments = [f["index"] for f in draft.extraction["findings"] if f["kind"] == "commitment"]
    assert sorted(shown) == commitments


def test_what_a_page_shows_reads_back() -> None:
    draft = draft_with(2, 3, 0)
    view = review_modal(Texts(), draft, [Committee(code="BUN", name="BUN")], 0)
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element = block["element"]
        state: dict[str, Any] = {"type": element["type"]}
        if element["type"] == "checkboxes":
            state["selected_options"] = element.get("initial_options", [])
        elif element["type"] == "datepicker":
            state["selected_date"] = element.get("initial_date")
        elif element["type"] == "users_select":
            state["selected_user"] = "U2"
        elif element["type"] in ("static_select", "external_select"):
            state["selected_option"] = element.get("initial_option")
        else:
            state["value"] = element.get("initial_value")
        values[block["block_id"]] = {element["action_id"]: state}
    choices, case_fields = read_page(draft, 0, values)
    found = {int(f["index"]): f for f in draft.extraction["findings"]}
    # Each commitment's text comes back as it was offered: repaired, on one line.
    assert choices == {i: Choice(True, "U2", date(2027, 4, 30), None, readable(found[i]["text"])) for i in choices}
    assert set(choices) == set(choices_of(draft))
    assert case_fields is not None and case_fields["committee"] == "BUN" and case_fields["dnr"] == "2027/BUN 1"


def test_a_choice_stored_before_the_passed_deadline_choice_existed_still_loads() -> None:
    old = {"selected": True, "owner": "U2", "deadline": "2023-04-30"}
    assert Choice.load(old) == Choice(True, "U2", date(2023, 4, 30), None)
    assert Choice.load({**old, "past": "done"}).past == "done"
    assert Choice.load({**old, "past": "anything"}).past is None
    assert Choice.load(Choice(False, None, None, "overdue").dump()) == Choice(False, None, None, "overdue")
