"""Personnummer at two doors, end to end: an imported document is masked, a routine's title is refused."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Case, Commitment, ImportDraft, Recommendation, Routine
from tests.scenario.conftest import World
from tests.scenario.test_import import ANSWER, review_button, thread_texts

# Word's non-breaking hyphen, and a check digit nobody computed: still a personnummer.
NUMBER = "850101\u20111234"
# The file's name is plain ASCII: the stand-in puts it unquoted into the download URL.
FILENAME = "svar-850101-1234.txt"
WITH_NUMBER = ANSWER.replace(
    "Förvaltningen kommer att revidera rutinen för orosanmälan",
    f"Förvaltningen kommer att (efter anmälan om eleven {NUMBER}) revidera rutinen för orosanmälan",
)


def _stored_texts(world: World) -> list[str]:
    with world.bot.svc.db.read() as session:
        texts: list[str] = []
        for draft in session.scalars(select(ImportDraft)):
            texts += [draft.source_text, str(draft.filename), str(draft.extraction), str(draft.case_fields)]
        for case in session.scalars(select(Case)):
            texts += [case.source_text or "", case.source_filename or "", case.title]
        texts += [c.text for c in session.scalars(select(Commitment))]
        texts += [r.text for r in session.scalars(select(Recommendation))]
        return texts


def test_an_imported_document_with_a_personal_number_is_masked_in_the_review_and_when_stored(world: World) -> None:
    world.quick_committee()
    world.act(lambda: world.slack.upload_file("sara", world.slack.dm("sara"), FILENAME, WITH_NUMBER.encode("utf-8")))
    answers = "\n".join(thread_texts(world, "sara")).replace(FILENAME, "", 1)  # the person's own upload
    assert "svar-ÅÅMMDD-XXXX.txt" in answers and "1234" not in answers

    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    review = world.modal_text("sara")
    assert "eleven ÅÅMMDD\u2011XXXX" in review and "1234" not in review
    world.submit("sara")
    assert world.slack.open_view("sara") is None

    stored = _stored_texts(world)
    with world.bot.svc.db.read() as session:
        assert session.scalars(select(Commitment)).first() is not None  # imported, not refused
    assert any("ÅÅMMDD\u2011XXXX" in text for text in stored)
    assert not any("1234" in text for text in stored)
    world.bot.run_due()  # the cards go to the channel through the outbox
    assert "1234" not in world.card_text("BUN-1")


def test_a_routine_title_with_a_personal_number_is_refused_on_its_field(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/rutin ny")
    world.fill("sara", Titel=f"Elevakt {NUMBER}", Text="Hur en elevakt förvaras.")
    interaction = world.submit("sara")
    assert interaction.response and interaction.response.get("response_action") == "errors"
    assert "title" in interaction.response.get("errors", {})
    assert "personnummer" in world.modal_text("sara")
    with world.bot.svc.db.read() as session:
        assert session.scalars(select(Routine)).first() is None
