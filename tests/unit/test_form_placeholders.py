"""Every field in every form the bot builds carries a Swedish placeholder.

Without one, Slack shows its own, in English ("Select a user", "Select a date", "Select an item") in a
form that is otherwise Swedish. Slack adds "(optional)" beside an optional field's label by itself, so a
label saying "(valfritt)" would say it twice.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.domain.digest_schedule import DigestSchedule
from bot.domain.reminder_policy import ReminderPolicy
from bot.services.command_queries import CommitteeName
from bot.services.commitment_drafts import CommitmentInput
from bot.services.routine_answers import RoutineView
from bot.standin.blockkit_schema import SELECT_TYPES
from bot.texts import Texts
from bot.ui import modals
from bot.ui.import_modal import SharedFile, import_modal
from bot.ui.review import review_modal
from bot.ui.routines import routine_modal
from bot.ui.settings_modal import settings_modal
from tests.unit.test_review_pages import draft_with

# The elements Slack gives an English placeholder of its own (an empty text field shows nothing, but a
# hint of what to write belongs there too).
NEEDS_PLACEHOLDER = SELECT_TYPES | {"datepicker", "timepicker", "plain_text_input"}
ENGLISH = ("select", "choose", "optional", "enter ", "type ")


def elements(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for block in blocks:
        if isinstance(block.get("element"), dict):
            found.append(block["element"])
        found += [e for e in block.get("elements", []) if isinstance(e, dict) and "action_id" in e]
        if isinstance(block.get("accessory"), dict):
            found.append(block["accessory"])
    return found


def placeholder_problems(blocks: list[dict[str, Any]]) -> list[str]:
    """What a person would see in English (or nothing) where a field should say what to fill in."""
    problems: list[str] = []
    for element in elements(blocks):
        if element.get("type") not in NEEDS_PLACEHOLDER:
            continue
        text = str((element.get("placeholder") or {}).get("text") or "").strip()
        if not text:
            problems.append(f"{element['type']} {element.get('action_id')!r} has no placeholder")
        elif any(word in text.lower() for word in ENGLISH):
            problems.append(f"{element['type']} {element.get('action_id')!r} says {text!r}")
    for block in blocks:
        label = str((block.get("label") or {}).get("text") or "")
        if block.get("type") == "input" and "valfri" in label.lower():
            problems.append(f"{block.get('block_id')!r}: Slack already says the field is optional: {label!r}")
    return problems


@pytest.fixture(scope="module")
def texts() -> Texts:
    return Texts()


def all_forms(texts: Texts) -> dict[str, dict[str, Any]]:
    committees = [CommitteeName("BUN", "Barn- och utbildningsnämnden")]
    prefill = CommitmentInput(text="Revidera rutinen", committee="BUN", deadline="2027-04-30")
    meta = modals.ModalMeta(commitment_id=7)
    routine = RoutineView(7, "Rutin för SIP", "Text", None, None, date(2024, 1, 1), ("SIP",))
    draft = draft_with(recommendations=1, per_recommendation=2, loose=1)
    return {
        "new": modals.commitment_modal(texts, committees, prefill, meta),
        "edit": modals.commitment_modal(
            texts,
            committees,
            prefill,
            meta,
            editing=True,
            status_options=[("on_track", "Pågår enligt plan"), ("done", "Klart")],
            current_status="on_track",
            reference="BUN-7",
        ),
        "delayed": modals.delayed_modal(texts, "BUN-7", meta),
        "comment": modals.comment_modal(texts, "BUN-7", meta),
        "settings": settings_modal(texts, "BUN", "Barn", ReminderPolicy(), DigestSchedule(), "C1"),
        "import": import_modal(texts, [SharedFile("F1", "svar.pdf", 1)], "BUN"),
        "review": review_modal(texts, draft, committees, 0, today=date(2028, 1, 1)),
        "routine": routine_modal(texts),
        "routine_edit": routine_modal(texts, routine=routine),
    }


def test_every_field_of_every_form_has_a_swedish_placeholder(texts: Texts) -> None:
    problems = {name: placeholder_problems(view["blocks"]) for name, view in all_forms(texts).items()}
    assert {name: found for name, found in problems.items() if found} == {}


def test_the_check_finds_what_slack_would_fill_in_english() -> None:
    # The check itself: a bare users_select, an English placeholder and "(valfritt)" are each found.
    blocks = [
        {"type": "input", "block_id": "a", "label": {"text": "Ansvarig"}, "element": {"type": "users_select"}},
        {
            "type": "input",
            "block_id": "b",
            "label": {"text": "Datum (valfritt)"},
            "element": {"type": "datepicker", "placeholder": {"text": "Select a date"}},
        },
    ]
    assert len(placeholder_problems(blocks)) == 3
