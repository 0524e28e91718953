"""An old answer with many passed deadlines is decided once, in the review's case section.

The case-level choice fills in every passed commitment whose own radio is left alone; a radio that is set,
or a date after today in a commitment's picker, still decides that commitment.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.services.imports import commitments_of
from bot.ui.review_pages import PER_PAGE
from storage.models import CommitmentStatus, ImportDraft
from tests.scenario.conftest import World
from tests.scenario.test_import import ANSWER, review_button, share
from tests.scenario.test_import_passed_deadlines import OVERDUE, blocks, choose, many_old, open_old_answer, stored

ALL_DONE, ALL_OVERDUE = "Importera alla som klara", "Behåll alla som försenade"
CASE_PAST = "case_passed"  # not "…_past": the per-commitment radios end so


def case_choice(world: World) -> dict[str, object] | None:
    """The case-level radio of the open modal (None when it is not shown)."""
    block = next((b for b in world.modal("sara").blocks if b.get("block_id") == CASE_PAST), None)
    return block["element"] if block is not None else None


def test_one_click_imports_every_passed_commitment_as_done(world: World) -> None:
    open_old_answer(world)
    element = case_choice(world)
    assert element is not None, "no case-level choice for an answer whose deadlines have all passed"
    assert element["initial_option"]["value"] == "each"  # type: ignore[index]
    choose(world, CASE_PAST, ALL_DONE)
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    assert stored(world) == [
        (CommitmentStatus.DONE, date(2023, 4, 30)),
        (CommitmentStatus.DONE, date(2023, 12, 31)),
        (CommitmentStatus.DONE, date(2023, 6, 30)),
    ]


def test_one_click_keeps_every_passed_commitment_overdue(world: World) -> None:
    open_old_answer(world)
    choose(world, CASE_PAST, ALL_OVERDUE)
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    assert [status for status, _ in stored(world)] == [CommitmentStatus.NOT_STARTED] * 3
    assert [deadline for _, deadline in stored(world)] == [date(2023, 4, 30), date(2023, 12, 31), date(2023, 6, 30)]


def test_a_commitments_own_radio_and_a_new_date_win_over_the_case_choice(world: World) -> None:
    open_old_answer(world)
    choose(world, CASE_PAST, ALL_DONE)
    choose(world, blocks(world, "_deadline")[1], "2027-03-31")  # a new date, no radio touched
    choose(world, blocks(world, "_past")[2], OVERDUE)
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    assert stored(world) == [
        (CommitmentStatus.DONE, date(2023, 4, 30)),
        (CommitmentStatus.NOT_STARTED, date(2027, 3, 31)),
        (CommitmentStatus.NOT_STARTED, date(2023, 6, 30)),
    ]


def test_left_at_each_the_passed_commitments_still_need_their_own_choice(world: World) -> None:
    open_old_answer(world)
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    assert set(interaction.response["errors"]) == set(blocks(world, "_past"))
    assert stored(world) == []


def test_the_case_choice_survives_paging_and_covers_every_page(world: World) -> None:
    open_old_answer(world, many_old(40))
    choose(world, CASE_PAST, ALL_DONE)
    world.click("sara", "modal", "Nästa sida ▶")
    world.click("sara", "modal", "Nästa sida ▶")
    assert case_choice(world) is None  # the case fields are on the first page only
    world.click("sara", "modal", "◀ Föregående sida")
    world.click("sara", "modal", "◀ Föregående sida")
    assert case_choice(world)["initial_option"]["value"] == "done"  # type: ignore[index]
    world.click("sara", "modal", "Nästa sida ▶")
    interaction = world.submit("sara")  # from the second page
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    # Every commitment found (over three pages) came in done, the last page never opened.
    with world.bot.svc.db.read() as session:
        found = len(commitments_of(session.scalars(select(ImportDraft)).one()))
    statuses = [status for status, _ in stored(world)]
    assert found > 2 * PER_PAGE and len(statuses) == found and set(statuses) == {CommitmentStatus.DONE}


def test_no_case_choice_when_no_deadline_has_passed(world: World) -> None:
    world.quick_committee()
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    assert blocks(world, "_deadline") and case_choice(world) is None
