"""The sammanträdesplan modal: `/atagande nämnd sammanträden BUN 2027` opens it, saving moves what is tied to it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services import commitments as commitment_service
from tests.scenario.conftest import World


def _deadline(world: World, ref: str) -> date | None:
    with world.bot.svc.db.read() as session:
        return commitment_service.get_by_reference(session, ref).deadline


@pytest.mark.transports("socket", "http")
def test_a_secretary_enters_the_plan_and_moving_a_meeting_moves_the_commitment(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande nämnd sammanträden BUN 2027")
    assert "Inga sammanträden 2027" in world.modal_text("sara")
    world.fill("sara", **{"Nytt sammanträde 1": "2027-03-11", "Nytt sammanträde 2": "2027-12-09"})
    world.submit("sara")
    saved = " ".join(world.ephemeral_of("sara", "bun"))
    assert "11 mars 2027" in saved and "9 december 2027" in saved
    ref = world.add("Återrapportera arbetet", deadline="till nämndens sista sammanträde 2027")
    assert _deadline(world, ref) == date(2027, 12, 9)

    world.run("sara", "bun", "/atagande nämnd sammanträden BUN 2027")
    world.fill("sara", **{"Sammanträde 2": "2027-12-16"})
    world.submit("sara")
    assert _deadline(world, ref) == date(2027, 12, 16)
    assert "1 åtagande fick nytt slutdatum" in world.ephemeral_of("sara", "bun")[-1]
    assert "plan" in world.history_kinds(ref)


def test_two_meetings_on_one_day_and_a_day_of_another_year_are_said_on_their_pickers(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande nämnd sammanträden BUN 2027")
    world.fill(
        "sara",
        **{"Nytt sammanträde 1": "2027-03-11", "Nytt sammanträde 2": "2027-03-11", "Nytt sammanträde 3": "2028-01-20"},
    )
    interaction = world.submit("sara")
    assert interaction.response is not None
    errors = interaction.response.get("errors") or {}
    assert set(errors) == {"new_1", "new_2"}
    shown = world.modal_text("sara")
    assert "11 mars 2027" in shown and "2028" in shown
    world.fill("sara", **{"Nytt sammanträde 2": "2027-04-15", "Nytt sammanträde 3": "2027-06-17"})
    world.submit("sara")
    assert "15 april 2027" in world.ephemeral_of("sara", "bun")[-1]


def test_someone_who_is_not_the_committees_secretary_gets_no_plan(world: World) -> None:
    world.quick_committee()
    world.run("olle", "bun", "/atagande nämnd sammanträden BUN")
    assert world.slack.open_view("olle") is None
    assert "bara sekreterarna för BUN" in " ".join(world.ephemeral_of("olle", "bun"))


def test_after_a_move_the_card_shows_the_new_day_and_the_ansvarig_is_told_at_once(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande nämnd sammanträden BUN 2027")
    world.fill("sara", **{"Nytt sammanträde 1": "2027-03-11", "Nytt sammanträde 2": "2027-12-09"})
    world.submit("sara")
    ref = world.add("Återrapportera arbetet", deadline="till nämndens sista sammanträde 2027", announce=True)
    assert "9 december 2027" in world.card_text(ref)

    asked: list[bool] = []
    world.bot.svc.send_soon = lambda: asked.append(True)
    world.run("sara", "bun", "/atagande nämnd sammanträden BUN 2027")
    world.fill("sara", **{"Sammanträde 2": "2027-12-16"})
    world.submit("sara")
    world.bot.settle()
    # No clock moved: the card follows the save itself, and the notice is asked to go out now (the
    # console sends at once; here the next tick sends it).
    assert "16 december 2027" in world.card_text(ref) and "9 december 2027" not in world.card_text(ref)
    assert asked
    world.at("2027-01-11 09:01")
    told = world.dm_text("anna")
    assert "flyttades" in told and ref in told and "16 december 2027" in told
