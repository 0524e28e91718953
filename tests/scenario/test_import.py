"""Importing an audit answer in Slack: a file in the DM or /atagande importera, review, confirm."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from bot.documents import MAX_BYTES
from bot.standin.workspace import Message
from storage.models import Case, Commitment, ImportDraft, Recommendation
from tests.documents.builders import inflating_pdf
from tests.scenario.conftest import World

# An answer written for these tests: two recommendations, each answered by one dated commitment.
ANSWER = """Barn- och utbildningsnämnden
Datum 2024-09-12
Dnr 2024/BUN 0077

Svar på revisionsrapport om elevhälsans arbete

Revisorernas rekommendationer

- Nämnden bör säkerställa att rutinen för orosanmälan är känd på alla skolor.

Förvaltningens kommentar:
Förvaltningen kommer att revidera rutinen för orosanmälan senast i december 2027.
Rektorerna ansvarar för att rutinen gås igenom med all personal.

- Nämnden bör följa upp elevhälsans insatser systematiskt.

Förvaltningens kommentar:
Förvaltningen avser att under våren 2028 ta fram en plan för uppföljning av elevhälsans insatser.
Elevhälsochefen ansvarar för detta.
"""


def many_commitments(n: int) -> str:
    """A long answer: one recommendation answered by ``n`` dated commitments."""
    lines = [
        "Barn- och utbildningsnämnden",
        "Datum 2024-09-12",
        "",
        "Revisorernas rekommendationer",
        "",
        "- Nämnden bör se över samverkan mellan skola och socialtjänst.",
        "",
        "Svar: Vi kommer",
    ]
    verbs = ["revidera", "utvärdera", "kartlägga", "förankra", "dokumentera", "kommunicera", "analysera", "införa"]
    things = [
        "rutinen för orosanmälan hos rektorerna",
        "samverkansplattformen med socialtjänsten",
        "SIP-processen inom elevhälsan",
        "introduktionen av nyanställda lärare",
        "informationen på intranätet om placerade barn",
    ]
    for i in range(n):
        verb, thing = verbs[i % len(verbs)], things[i // len(verbs) % len(things)]
        lines.append(f"att under 2027 {verb} {thing},")
        lines.append("")
    return "\n".join(lines)


def share(world: World, user: str, name: str, content: bytes) -> None:
    world.act(lambda: world.slack.upload_file(user, world.slack.dm(user), name, content))


def thread_texts(world: World, user: str) -> list[str]:
    return [world.slack.render_message(m) for m in world.slack.visible_messages(user, world.slack.dm(user).id)]


def review_button(world: World, user: str) -> Message:
    found = [
        m
        for m in world.slack.visible_messages(user, world.slack.dm(user).id)
        if "Gå igenom och importera" in str(m.blocks)
    ]
    assert found, thread_texts(world, user)
    return found[-1]


def counts(world: World) -> tuple[int, int, int, int]:
    with world.bot.svc.db.read() as session:
        return tuple(  # type: ignore[return-value]
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Case, Recommendation, Commitment, ImportDraft)
        )


@pytest.mark.transports("socket", "http")
def test_a_file_shared_in_the_dm_is_read_reviewed_and_imported(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "svar-elevhalsa.txt", ANSWER.encode("utf-8"))
    dm = "\n".join(thread_texts(world, "sara"))
    assert "Jag läser *svar-elevhalsa.txt*" in dm or "Jag läser svar-elevhalsa.txt" in dm
    assert "2 åtaganden" in dm and "2 rekommendationer" in dm
    assert counts(world)[:3] == (0, 0, 0)  # nothing is created before the review

    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    text = world.modal_text("sara")
    assert "Gå igenom förslagen" in text
    assert "2024/BUN 0077" in text  # the dnr, prefilled from the document
    assert "BUN – Barn- och utbildningsnämnden" in text  # the committee, matched by name
    assert "revidera rutinen för orosanmälan" in text
    assert "Rekommendation 1" in text and "Rekommendation 2" in text
    assert "”senast i december 2027” → 31 december 2027" in text

    owner = _block(world, "sara", "_owner", 0)
    world.slack.fill("sara", owner, "anna", block_id=owner)
    interaction = world.submit("sara")  # the cards and the summary are posted after the ack; submit waits
    assert interaction.acked and (interaction.response or {}).get("response_action") == "clear"
    assert world.slack.open_view("sara") is None

    with world.bot.svc.db.read() as session:
        case = session.scalars(select(Case)).one()
        assert case.dnr == "2024/BUN 0077"
        assert case.source_filename == "svar-elevhalsa.txt"
        assert case.answer_date == date(2024, 9, 12)
        assert case.source_text == ANSWER
        recs = session.scalars(select(Recommendation).order_by(Recommendation.position)).all()
        assert [r.text.startswith("Nämnden bör") for r in recs] == [True, True]
        commitments = session.scalars(select(Commitment).order_by(Commitment.number)).all()
        assert len(commitments) == 2
        first, second = commitments
        assert first.deadline == date(2027, 12, 31)
        assert first.deadline_phrase == "senast i december 2027"
        assert first.recommendation_id == recs[0].id and second.recommendation_id == recs[1].id
        assert first.case_id == case.id
        assert first.owner is not None and first.owner.slack_user_id == world.uid("anna")
        assert first.source_span_start is not None and first.source_span_end is not None
        assert "revidera rutinen för orosanmälan" in ANSWER[first.source_span_start : first.source_span_end]
        assert second.deadline == date(2028, 6, 30)
    # The new commitments' cards go to the committee channel through the outbox, the owner was told.
    world.bot.run_due()
    assert world.card_text("BUN-1")
    assert "BUN-1" in world.dm_text("anna")
    assert "Importerat till *BUN*" in "\n".join(thread_texts(world, "sara")) or "Importerat till BUN" in "\n".join(
        thread_texts(world, "sara")
    )


def _block(world: World, user: str, suffix: str, nth: int) -> str:
    """The block id of the nth commitment's field (``_pick``, ``_owner``, ``_deadline``) in the open modal."""
    ids = [str(b.get("block_id")) for b in world.modal(user).blocks if str(b.get("block_id", "")).endswith(suffix)]
    return ids[nth]


def test_a_file_named_in_swedish_with_spaces_is_read(world: World) -> None:
    # Slack percent-encodes a file's name in its download URL; a name as officials write them must not
    # stop the download.
    world.quick_committee()
    share(world, "sara", "Svar på revisionen – elevhälsa 2024.txt", ANSWER.encode("utf-8"))
    dm = "\n".join(thread_texts(world, "sara"))
    assert "2 åtaganden" in dm and "2 rekommendationer" in dm


def test_the_same_document_again_is_named_not_imported_twice(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    world.submit("sara")
    before = counts(world)
    share(world, "sara", "samma-svar.txt", ANSWER.encode("utf-8"))
    assert "redan importerat till BUN som ärende 2024/BUN 0077" in thread_texts(world, "sara")[-1]
    assert counts(world) == before


def test_an_unfinished_review_is_continued_not_read_twice(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    assert "här fortsätter du där du slutade" in thread_texts(world, "sara")[-1]
    assert counts(world)[3] == 1


@pytest.mark.transports("socket", "http")
def test_import_command_reads_pasted_text(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande importera")
    text = world.modal_text("sara")
    assert "Importera svar" in text
    world.fill("sara", **{"… eller klistra in svarets text": ANSWER})
    interaction = world.submit("sara")
    assert interaction.acked and interaction.response is None
    assert "2 åtaganden" in "\n".join(thread_texts(world, "sara"))


def test_import_command_offers_files_shared_with_the_bot(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "bild.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    share(world, "sara", "svar-elevhalsa.txt", ANSWER.encode("utf-8"))
    world.run("sara", "bun", "/atagande importera")
    text = world.modal_text("sara")
    assert "Fil som du har delat med mig" in text
    world.fill("sara", **{"Fil som du har delat med mig": "svar-elevhalsa.txt"})
    world.submit("sara")
    assert "2 åtaganden" in thread_texts(world, "sara")[-1]


def test_the_import_modal_needs_a_file_or_text(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande importera")
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None
    assert "klistra in svarets text" in str(interaction.response["errors"])
    assert counts(world) == (0, 0, 0, 0)


def test_unreadable_files_get_one_sentence_and_nothing_is_stored(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "bild.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    last = thread_texts(world, "sara")[-1]
    assert "↳" in last  # in the thread under "Jag läser …"
    assert "pdf" in last.lower() and "docx" in last.lower()
    share(world, "sara", "tom.txt", b"   \n  ")
    share(world, "sara", "trasig.pdf", b"%PDF-1.7\n this is not a pdf at all")
    texts = thread_texts(world, "sara")
    assert len([t for t in texts if "↳" in t]) == 3
    assert counts(world) == (0, 0, 0, 0)


def test_someone_who_is_no_secretary_is_told_why(world: World) -> None:
    world.quick_committee()
    share(world, "olle", "svar.txt", ANSWER.encode("utf-8"))
    assert "inte sekreterare" in thread_texts(world, "olle")[-1]
    assert counts(world) == (0, 0, 0, 0)


def test_an_undated_commitment_needs_a_deadline_before_import(world: World) -> None:
    world.quick_committee()
    text = ANSWER.replace(" senast i december 2027", "")
    share(world, "sara", "svar.txt", text.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    pick = _block(world, "sara", "_pick", 0)
    world.slack.fill("sara", pick, ["Importera"], block_id=pick)
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    deadline_block = _block(world, "sara", "_deadline", 0)
    assert "saknar slutdatum" in interaction.response["errors"][deadline_block]
    assert counts(world)[:3] == (0, 0, 0)
    world.slack.fill("sara", deadline_block, "2027-03-31", block_id=deadline_block)
    world.submit("sara")
    with world.bot.svc.db.read() as session:
        deadlines = [c.deadline for c in session.scalars(select(Commitment))]
    assert date(2027, 3, 31) in deadlines


def test_long_answers_are_paged_and_choices_survive_paging(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "langt.txt", many_commitments(40).encode("utf-8"))
    assert "40 åtaganden" in "\n".join(thread_texts(world, "sara"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    assert "Sida 1 av 3" in world.modal_text("sara")
    # Untick the first commitment of page 1, then go to page 2 and back.
    first = _block(world, "sara", "_pick", 0)
    world.slack.fill("sara", first, [], block_id=first)
    world.click("sara", "modal", "Nästa sida ▶")
    assert "Sida 2 av 3" in world.modal_text("sara")
    assert "Rekommendation 1 (forts.)" in world.modal_text("sara")
    world.click("sara", "modal", "◀ Föregående sida")
    view = world.modal("sara")
    assert "Sida 1 av 3" in world.modal_text("sara")
    pick = next(b for b in view.blocks if b.get("block_id") == first)
    assert "initial_options" not in pick["element"]
    world.submit("sara")
    with world.bot.svc.db.read() as session:
        assert int(session.scalar(select(func.count()).select_from(Commitment)) or 0) == 39


def test_a_file_over_20_mb_gets_one_sentence(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "stor.pdf", b"%PDF-1.7\n" + bytes(MAX_BYTES))
    assert "jag läser filer på högst 20 MB" in thread_texts(world, "sara")[-1]
    assert counts(world) == (0, 0, 0, 0)


def test_a_pdf_that_inflates_without_bound_gets_one_sentence_and_the_bot_reads_on(world: World) -> None:
    world.quick_committee()
    # A few KB on disk whose one page holds 20 MB of content: PDFium would inflate and keep it whole.
    share(world, "sara", "svar.pdf", inflating_pdf(20, filler=bytes(1)))
    last = thread_texts(world, "sara")[-1]
    assert "↳" in last and "PDF-filen packas upp till orimligt mycket data" in last
    assert counts(world) == (0, 0, 0, 0)
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    review_button(world, "sara")  # the next document is read as ever


def test_a_revised_file_of_an_answer_already_imported_is_refused_on_its_dnr(world: World) -> None:
    # Found by a new user: the same answer with a signature added came in as a second case, every commitment twice.
    world.quick_committee()
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    world.submit("sara")
    before = counts(world)[:3]
    share(world, "sara", "svar-v2.txt", (ANSWER + "\nAnna Andersson, förvaltningschef\n").encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    refused = world.slack.submit_view("sara")
    assert refused.response is not None and refused.response["response_action"] == "errors"
    said = refused.response["errors"]["case_dnr"]
    assert "2024/BUN 0077" in said and "redan ett importerat svar" in said and "ändra diarienumret" in said
    assert counts(world)[:3] == before  # no case, recommendation or commitment more
    # Another case told apart by its dnr comes in.
    world.slack.fill("sara", "case_dnr", "2024/BUN 0078", block_id="case_dnr")
    assert (world.submit("sara").response or {}).get("response_action") == "clear"
    assert counts(world)[0] == before[0] + 1
