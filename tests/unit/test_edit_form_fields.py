"""The commitment edit form: a stored text longer than a form's field holds is shown, not offered."""

from __future__ import annotations

from typing import Any

import pytest

from bot.services.command_queries import CommitteeName
from bot.services.commitment_drafts import CommitmentInput
from bot.texts import Texts
from bot.ui import modals


@pytest.fixture(scope="module")
def texts() -> Texts:
    return Texts()


def edit_form(texts: Texts, text: str, recommendation: str = "") -> dict[str, Any]:
    prefill = CommitmentInput(text=text, committee="BUN", deadline="2027-04-30", recommendation=recommendation)
    meta = modals.ModalMeta(commitment_id=7, extra={"response_url": "https://hooks.slack.com/x"})
    return modals.commitment_modal(
        texts, [CommitteeName("BUN", "Barn")], prefill, meta, editing=True, reference="BUN-7"
    )


def inputs(view: dict[str, Any]) -> set[str]:
    return {str(b["block_id"]) for b in view["blocks"] if b["type"] == "input"}


def test_a_text_the_field_holds_is_offered_as_today(texts: Texts) -> None:
    view = edit_form(texts, "x" * modals.FIELD_HOLDS, "r" * modals.FIELD_HOLDS)
    assert {"text", "recommendation"} <= inputs(view)
    assert modals.kept_fields(modals.ModalMeta.load(view["private_metadata"])) == frozenset()


def test_a_longer_text_is_shown_and_named_in_the_metadata(texts: Texts) -> None:
    text = "Förvaltningen ska " + "se över rutinen & <bilaga> " * 200
    view = edit_form(texts, text, "Kort rekommendation")
    assert "text" not in inputs(view) and "recommendation" in inputs(view)
    meta = modals.ModalMeta.load(view["private_metadata"])
    assert modals.kept_fields(meta) == {"text"}
    assert meta.extra["response_url"] == "https://hooks.slack.com/x"  # the rest of the metadata stays
    shown = next(b for b in view["blocks"] if b.get("block_id") == "text_kept")["text"]["text"]
    beginning = shown.split("\n", 1)[1]
    assert beginning.endswith("…") and len(beginning) <= modals.KEPT_PREVIEW + 1
    # Cut on a word, after escaping: every entity whole, no "<" or ">" of the text's own.
    body = beginning[:-1]
    assert "<" not in body and ">" not in body
    assert body.count("&") == body.count("&amp;") + body.count("&lt;") + body.count("&gt;")
    assert text.startswith(body.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def test_a_short_form_after_a_long_one_no_longer_names_the_field(texts: Texts) -> None:
    # A rebuilt form keeps its metadata: if the stored text became short, it is offered again.
    long_view = edit_form(texts, "ord " * 1000)
    meta = modals.ModalMeta.load(long_view["private_metadata"])
    prefill = CommitmentInput(text="Kort", committee="BUN", deadline="2027-04-30")
    rebuilt = modals.commitment_modal(
        texts, [CommitteeName("BUN", "Barn")], prefill, meta, editing=True, reference="BUN-7"
    )
    assert "text" in inputs(rebuilt)
    assert modals.kept_fields(modals.ModalMeta.load(rebuilt["private_metadata"])) == frozenset()


def test_forged_or_odd_metadata_names_no_other_field(texts: Texts) -> None:
    assert modals.kept_fields(modals.ModalMeta(extra={"kept": ["text", "status", "owner"]})) == {"text"}
    assert modals.kept_fields(modals.ModalMeta(extra={"kept": "text"})) == frozenset()
