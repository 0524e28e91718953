"""Long texts are kept whole: an imported commitment of 2,600 characters is stored, reviewed and shown entire."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from bot.slack_format import unescape
from bot.standin.sizes import MAX_BLOCK_TEXT, block_text_length
from storage.models import Commitment, Recommendation
from tests.scenario.conftest import World
from tests.scenario.test_import import review_button, share

SUBJECTS = ["rutinen", "samverkan", "elevhälsan", "skolornas", "rektorernas", "socialtjänstens", "introduktionen"]


def long_commitment(at_least: int) -> str:
    """One commitment sentence of at least ``at_least`` characters, full of "&" and "<…>" (escaped longer)."""
    text = "Förvaltningen kommer att senast i december 2027 revidera rutinen för orosanmälan"
    part = 0
    while len(text) < at_least:
        text += f", se över {SUBJECTS[part % len(SUBJECTS)]} & dokumentera arbetet i område {part + 1} <bilaga {part}>"
        part += 1
    return text + " i samråd med rektorerna."


def long_recommendation(at_least: int) -> str:
    text = "Nämnden bör säkerställa att rutinen för orosanmälan är känd på alla skolor"
    part = 0
    while len(text) < at_least:
        text += f", och att {SUBJECTS[part % len(SUBJECTS)]} följs upp i varje enhet nummer {part + 1}"
        part += 1
    return text + "."


def answer(commitment: str, recommendation: str) -> str:
    return f"""Barn- och utbildningsnämnden
Datum 2024-09-12
Dnr 2024/BUN 0077

Revisorernas rekommendationer

- {recommendation}

Förvaltningens kommentar:
{commitment}
"""


def flat(text: str) -> str:
    return " ".join(unescape(text).split())


def section_text(blocks: list[dict[str, Any]]) -> str:
    """What the sections of a message or view say, in order, as one line of plain text."""
    return flat(" ".join(str(b["text"]["text"]) for b in blocks if b.get("type") == "section" and b.get("text")))


def owner_block(world: World) -> str:
    """The block id of the first commitment's owner field in sara's review."""
    return next(str(b["block_id"]) for b in world.modal("sara").blocks if str(b.get("block_id", "")).endswith("_owner"))


def test_an_imported_commitment_of_2600_characters_is_kept_and_shown_whole(world: World) -> None:
    world.quick_committee()
    commitment, recommendation = long_commitment(2600), long_recommendation(1200)
    assert len(commitment) >= 2600 and commitment.count("&") > 20
    share(world, "sara", "langt-svar.txt", answer(commitment, recommendation).encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")

    # The review offers the commitment whole to edit (an input holds 3,000 characters; a longer text is
    # shown, see test_import_edit_text) and shows the recommendation whole.
    review = world.modal("sara")
    offered = [b["element"].get("initial_value") for b in review.blocks if str(b.get("block_id")).endswith("_text")]
    assert offered == [commitment]
    assert flat(recommendation) in section_text(review.blocks)

    owner = owner_block(world)
    world.slack.fill("sara", owner, "anna", block_id=owner)
    world.submit("sara")

    with world.bot.svc.db.read() as session:
        stored = session.scalars(select(Commitment)).one()
        assert stored.text == commitment
        assert session.scalars(select(Recommendation)).one().text == recommendation

    # The card in the channel and /atagande visa show every character, within Slack's limits.
    world.bot.run_due()  # the cards go to the channel through the outbox
    card = world.card("BUN-1")
    assert flat(commitment) in section_text(card.blocks)
    assert block_text_length(card.blocks) <= MAX_BLOCK_TEXT
    world.run("olle", "bun", "/atagande visa BUN-1")
    shown_card = world.last("olle", "bun")
    assert flat(commitment) in section_text(shown_card.blocks)
    assert block_text_length(shown_card.blocks) <= MAX_BLOCK_TEXT


def test_a_long_imported_text_survives_an_unchanged_edit(world: World) -> None:
    # Typed texts hold 2,000 characters; an imported one is longer, and saving the edit form
    # (to change something else) must neither refuse it nor cut it.
    world.quick_committee()
    commitment = long_commitment(2600)
    share(world, "sara", "langt-svar.txt", answer(commitment, long_recommendation(100)).encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    owner = next(
        str(b["block_id"]) for b in world.modal("sara").blocks if str(b.get("block_id", "")).endswith("_owner")
    )
    world.slack.fill("sara", owner, "anna", block_id=owner)
    world.submit("sara")
    world.run("sara", "bun", "/atagande visa BUN-1")
    world.click("sara", world.last("sara", "bun"), "Ändra")
    saved = world.submit("sara")
    assert saved.response is None, saved.response
    with world.bot.svc.db.read() as session:
        assert session.scalars(select(Commitment)).one().text == commitment


def imported(world: World, commitment: str, recommendation: str) -> None:
    """BUN-1 imported from an answer holding `recommendation` and `commitment`, with anna as its owner."""
    world.quick_committee()
    share(world, "sara", "langt-svar.txt", answer(commitment, recommendation).encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    owner = owner_block(world)
    world.slack.fill("sara", owner, "anna", block_id=owner)
    world.submit("sara")


def stored_texts(world: World) -> tuple[str, str | None, int]:
    """BUN-1's text, its recommendation's text, and how many recommendations there are."""
    with world.bot.svc.db.read() as session:
        c = session.scalars(select(Commitment)).one()
        recommendations = len(session.scalars(select(Recommendation)).all())
        return c.text, c.recommendation.text if c.recommendation else None, recommendations


def test_texts_longer_than_the_edit_form_holds_survive_an_unchanged_save(world: World) -> None:
    # A form's text field holds 3,000 characters: these two cannot be offered whole, so they must not be cut.
    commitment, recommendation = long_commitment(3400), long_recommendation(3200)
    imported(world, commitment, recommendation)
    assert stored_texts(world) == (commitment, recommendation, 1)
    before = world.history_kinds("BUN-1")

    world.run("sara", "bun", "/atagande visa BUN-1")
    world.click("sara", world.last("sara", "bun"), "Ändra")
    form, shown = world.modal_text("sara"), section_text(world.modal("sara").blocks)
    saved = world.submit("sara")

    assert saved.response is None, saved.response
    assert stored_texts(world) == (commitment, recommendation, 1)
    # The form shows each text's beginning, read-only, and says where the whole text can be read.
    assert flat(commitment)[:400] in shown and flat(recommendation)[:400] in shown
    assert "/atagande visa BUN-1" in form
    assert world.history_kinds("BUN-1") == before  # nothing changed, so nothing is recorded


def test_changing_the_deadline_keeps_texts_longer_than_the_edit_form_holds(world: World) -> None:
    commitment, recommendation = long_commitment(3400), long_recommendation(3200)
    imported(world, commitment, recommendation)
    before = world.history_kinds("BUN-1")

    world.run("sara", "bun", "/atagande visa BUN-1")
    world.click("sara", world.last("sara", "bun"), "Ändra")
    world.fill("sara", **{"Klart senast": "senast i maj 2027"})  # the form is rebuilt with the date's preview
    assert "31 maj 2027" in world.modal_text("sara")
    world.fill("sara", **{"Anledning till ändringen": "Nämnden flyttade sitt sammanträde"})
    saved = world.submit("sara")

    assert saved.response is None, saved.response
    with world.bot.svc.db.read() as session:
        assert session.scalars(select(Commitment)).one().deadline == date(2027, 5, 31)
    assert stored_texts(world) == (commitment, recommendation, 1)
    assert world.history_kinds("BUN-1") == [*before, "deadline"]
