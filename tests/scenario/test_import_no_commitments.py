"""A follow-up audit, or an answer that promises nothing, is still imported: a case with its recommendations.

Where the bot found commitments, importing none of them takes a tick of its own, so that no reviewer loses
them by forgetting to tick.
"""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import Case, Commitment, Recommendation
from tests.scenario.conftest import World
from tests.scenario.test_import import ANSWER, review_button, share, thread_texts
from tests.scenario.test_import_passed_deadlines import blocks, choose

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
    world.click("sara", review_button(world, "sara"), "Granska och importera")
    assert "utan åtaganden" in world.modal_text("sara")  # it says what importing will do
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    assert counts(world) == (1, 2, 0)
    with world.bot.svc.db.read() as session:
        assert session.scalars(select(Case)).one().dnr == "2026/BUN 0102"
    told = thread_texts(world, "sara")[-1]
    assert "2 rekommendationer" in told and "inga åtaganden" in told
    # What lists and reports the committee's commitments copes with a case that has none.
    world.bot.run_due()
    world.run("sara", "bun", "/atagande lista BUN")
    world.run("sara", "bun", "/atagande rapport BUN")
    assert world.slack.problems == []


def test_leaving_every_found_commitment_unticked_takes_a_tick_of_its_own(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Granska och importera")
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
    world.click("sara", review_button(world, "sara"), "Granska och importera")
    choose(world, "case_without", ["Importera ärendet utan åtaganden"])
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    assert "2" in interaction.response["errors"]["case_without"]  # the two ticked commitments are named
    assert counts(world) == (0, 0, 0)
