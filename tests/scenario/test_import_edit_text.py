"""A commitment's text can be edited in the review before it is saved; the document's wording stays linked."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Case, Commitment
from tests.scenario.conftest import World
from tests.scenario.test_import import ANSWER, review_button, share
from tests.scenario.test_import_passed_deadlines import blocks, choose, stored
from tests.scenario.test_long_texts import answer, long_commitment, long_recommendation, section_text

# OCR damage the language core repairs for reading ("socialnimnden", and "fo6r" an ö read as two characters).
DAMAGED = ANSWER.replace(
    "revidera rutinen för orosanmälan senast", "revidera rutinen fo6r orosanmälan med socialnimnden senast"
)
EDITED = "Förvaltningen reviderar rutinen för orosanmälan tillsammans med rektorerna och socialnämnden."


def open_review(world: World, text: str) -> None:
    world.quick_committee()
    share(world, "sara", "svar.txt", text.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")


def text_element(world: World, nth: int) -> dict[str, object]:
    block_id = blocks(world, "_text")[nth]
    return next(b["element"] for b in world.modal("sara").blocks if b.get("block_id") == block_id)


def test_the_text_is_offered_repaired_and_what_the_reviewer_writes_is_saved(world: World) -> None:
    open_review(world, DAMAGED)
    first = text_element(world, 0)
    assert first["type"] == "plain_text_input"
    initial = str(first["initial_value"])
    assert "rutinen för orosanmälan med socialnämnden senast i december 2027" in initial
    assert "socialnimnden" not in initial and "fo6r" not in initial
    choose(world, blocks(world, "_text")[0], EDITED)
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    with world.bot.svc.db.read() as session:
        first_c, second_c = session.scalars(select(Commitment).order_by(Commitment.number)).all()
        assert first_c.text == EDITED
        assert second_c.text.startswith("Förvaltningen avser att under våren 2028")
        # The span still leads to the document's own words.
        case = session.scalars(select(Case)).one()
        assert first_c.source_span_start is not None and first_c.source_span_end is not None
        assert case.source_text is not None
        original = case.source_text[first_c.source_span_start : first_c.source_span_end]
        assert "revidera rutinen fo6r orosanmälan med socialnimnden" in original
    # The card shows the text as saved, and where it was edited, the document's wording.
    world.run("sara", "bun", "/atagande visa BUN-1")
    card = world.ephemeral_of("sara", "bun")[-1]
    assert "tillsammans med rektorerna" in card
    assert "Ursprunglig lydelse i dokumentet" in card and "kommer att revidera rutinen" in card
    world.run("sara", "bun", "/atagande visa BUN-2")
    assert "Ursprunglig lydelse" not in world.ephemeral_of("sara", "bun")[-1]


def test_an_emptied_text_is_refused_on_its_field(world: World) -> None:
    open_review(world, ANSWER)
    field = blocks(world, "_text")[1]
    choose(world, field, "   ")
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    errors = interaction.response["errors"]
    assert list(errors) == [field] and "Åtagande 2" in errors[field]
    assert stored(world) == []


def test_a_text_longer_than_an_input_holds_is_shown_whole_not_offered(world: World) -> None:
    commitment = long_commitment(3200)
    open_review(world, answer(commitment, long_recommendation(300)))
    assert blocks(world, "_text") == []  # an input would cut it
    assert "hela texten står ovan" in world.modal_text("sara")
    assert " ".join(commitment.split()) in section_text(world.modal("sara").blocks)
    choose(world, blocks(world, "_owner")[0], "anna")
    world.submit("sara")
    with world.bot.svc.db.read() as session:
        assert session.scalars(select(Commitment)).one().text == commitment


def test_a_text_repaired_for_reading_keeps_the_documents_wording_in_its_history(world: World) -> None:
    # Found by a new user: "fo6r" came in as "för" with nothing left of the document's own wording on the card.
    open_review(world, DAMAGED)
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    world.run("sara", "bun", "/atagande visa BUN-1")
    card = world.ephemeral_of("sara", "bun")[-1]
    assert "revidera rutinen för orosanmälan med socialnämnden" in card
    assert "Ursprunglig lydelse i dokumentet" in card and "fo6r orosanmälan med socialnimnden" in card
    world.run("sara", "bun", "/atagande visa BUN-2")
    assert "Ursprunglig lydelse" not in world.ephemeral_of("sara", "bun")[-1]
