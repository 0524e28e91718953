"""A follow-up audit, or an answer that promises nothing, is still imported: a case with its recommendations.

Where the bot found commitments, importing none of them takes a tick of its own, so that no reviewer loses
them by forgetting to tick.
"""

from __future__ import annotations

import csv
import io

import openpyxl
from docx import Document
from sqlalchemy import func, select

from storage.models import Case, Commitment, Recommendation
from tests.scenario.conftest import World
from tests.scenario.test_digests import digests_in
from tests.scenario.test_home import open_home
from tests.scenario.test_import import ANSWER, review_button, share, thread_texts
from tests.scenario.test_import_passed_deadlines import blocks, choose
from tests.scenario.test_reports import ask, shared_files

# The auditors checking earlier recommendations: recommendations, and no commitment from anyone.
FOLLOW_UP = """Kommunrevisionen
Datum 2026-11-20
Dnr 2026/BUN 0102

Uppföljande granskning av elevhälsans arbete

Revisorerna har följt upp de rekommendationer som lämnades i granskningen 2024.

Revisorernas rekommendationer

- Nämnden bör säkerställa att rutinen för orosanmälan är känd på alla skolor.

- Nämnden bör följa upp elevhälsans insatser systematiskt.
"""


def counts(world: World) -> tuple[int, int, int]:
    with world.bot.svc.db.read() as session:
        return tuple(  # type: ignore[return-value]
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Case, Recommendation, Commitment)
        )


def test_a_follow_up_audit_is_imported_as_a_case_with_its_recommendations(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "uppfoljning.txt", FOLLOW_UP.encode("utf-8"))
    # Said in words, not "0 åtaganden (0 med slutdatum …)" (found by a new user).
    first = "\n".join(thread_texts(world, "sara"))
    assert "inga åtaganden men 2 rekommendationer" in first and "0 åtaganden" not in first
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    assert "utan åtaganden" in world.modal_text("sara")  # it says what importing will do
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    assert counts(world) == (1, 2, 0)
    with world.bot.svc.db.read() as session:
        assert session.scalars(select(Case)).one().dnr == "2026/BUN 0102"
    told = thread_texts(world, "sara")[-1]
    assert "2 rekommendationer" in told and "inga åtaganden" in told


def import_follow_up(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "uppfoljning.txt", FOLLOW_UP.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    world.bot.run_due()


def pack(world: World, command: str, extension: str) -> bytes:
    """The follow-up pack ``command`` shares in #bun, as the file of that ``extension``."""
    answer = ask(world, "sara", "bun", command)
    assert "ligger nu i" in answer, answer
    [stored] = [f for f in shared_files(world) if f.name.endswith(f".{extension}")]
    assert stored.content is not None
    return stored.content


NO_COMMITMENT = "Inget åtagande är registrerat för rekommendationen."
HEADING = "Ärende 2026/BUN 0102 – Uppföljande granskning av elevhälsans arbete"
RECOMMENDATIONS = (
    "Nämnden bör säkerställa att rutinen för orosanmälan är känd på alla skolor.",
    "Nämnden bör följa upp elevhälsans insatser systematiskt.",
)


def test_the_word_pack_names_the_case_and_each_recommendation_without_a_commitment(world: World) -> None:
    import_follow_up(world)
    document = Document(io.BytesIO(pack(world, "/atagande rapport BUN", "docx")))
    paragraphs = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    headings = [text for style, text in paragraphs if style.startswith("Heading")]
    assert HEADING in headings and "Rekommendation 1" in headings and "Rekommendation 2" in headings
    quoted = [text for style, text in paragraphs if style == "Quote"]
    assert quoted == list(RECOMMENDATIONS)
    assert [text for _, text in paragraphs].count(NO_COMMITMENT) == 2


def test_the_table_pack_has_a_row_for_each_recommendation_without_a_commitment(world: World) -> None:
    # CSV and Excel list a row per commitment; a case without any must not vanish from them.
    import_follow_up(world)
    content = pack(world, "/atagande rapport BUN 2026/BUN 0102 csv", "csv").decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    column = {name: n for n, name in enumerate(header)}
    assert [row[column["Ärende"]] for row in rows] == ["2026/BUN 0102", "2026/BUN 0102"]
    assert [row[column["Rekommendation"]] for row in rows] == list(RECOMMENDATIONS)
    assert [row[column["Åtagande"]] for row in rows] == [NO_COMMITMENT, NO_COMMITMENT]
    assert all(row[column["Referens"]] == "" and row[column["Status"]] == "" for row in rows)
    sheet = openpyxl.load_workbook(io.BytesIO(pack(world, "/atagande rapport BUN xlsx", "xlsx"))).worksheets[0]
    cells = [[str(cell.value or "") for cell in line] for line in sheet.iter_rows(min_row=2)]
    assert [line[column["Rekommendation"]] for line in cells] == list(RECOMMENDATIONS)
    assert [line[column["Åtagande"]] for line in cells] == [NO_COMMITMENT, NO_COMMITMENT]


def test_the_list_home_and_digest_say_no_commitment_is_open(world: World) -> None:
    # They show commitments, not cases: a case without any leaves them saying that nothing is open.
    import_follow_up(world)
    world.run("sara", "bun", "/atagande lista BUN")
    listed = world.ephemeral_of("sara", "bun")[-1]
    assert "0 öppna åtaganden" in listed and "BUN har inga öppna åtaganden" in listed
    assert "BUN – Barn- och utbildningsnämnden · #bun · 0 öppna" in open_home(world, "sara")
    world.at("2027-01-11 09:05")
    world.at("2027-01-18 08:00")  # the first weekly digest
    [digest] = digests_in(world, "bun")
    assert "0 öppna åtaganden" in digest and "BUN har inga öppna åtaganden" in digest
    assert world.slack.problems == []


def test_leaving_every_found_commitment_unticked_takes_a_tick_of_its_own(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    for pick in blocks(world, "_pick"):
        choose(world, pick, [])
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    assert list(interaction.response["errors"]) == ["case_without"]
    assert counts(world) == (0, 0, 0)
    # Ticking it imports the case and its recommendations; the commitments are left out on purpose.
    choose(world, "case_without", ["Importera ärendet utan åtaganden"])
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    assert counts(world) == (1, 2, 0)
    assert "inga åtaganden" in thread_texts(world, "sara")[-1]


def test_commitments_ticked_and_none_asked_for_is_refused(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    choose(world, "case_without", ["Importera ärendet utan åtaganden"])
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    assert "2" in interaction.response["errors"]["case_without"]  # the two ticked commitments are named
    assert counts(world) == (0, 0, 0)
