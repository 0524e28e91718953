"""The årshjul modal: an admin confirms the year's events, and the commitments that follow them move."""

from __future__ import annotations

from datetime import date

from bot.services import commitments as commitment_service
from bot.services import meeting_form
from tests.scenario.conftest import World

PLAN = ["2027-03-11", "2027-09-23", "2027-10-21", "2027-12-09"]


def _plan(world: World) -> None:
    pickers = [(f"new_{i}", None, d) for i, d in enumerate(PLAN)]
    edit = meeting_form.read_plan(2027, pickers, [], {"agenda_days": "15", "premeeting_days": "5"}, False)
    meeting_form.save_plan(world.bot.svc, world.actor("sara"), "BUN", edit)


def test_an_admin_moves_the_delarsrapport_and_the_commitment_follows(world: World) -> None:
    world.quick_committee()
    _plan(world)
    ref = world.add("Redovisa uppföljningen", deadline="i samband med delårsrapporten 2027")
    world.run("admin", "bun", "/atagande årshjul 2027")
    assert "förval" in world.modal_text("admin")
    world.fill(
        "admin",
        **{
            "Delårsrapporten 2027": "2027-08-31",
            "Sammanträdet som behandlar delårsrapporten": "Sammanträdet i september",
        },
    )
    world.submit("admin")
    saved = world.ephemeral_of("admin", "bun")[-1]
    assert "31 augusti 2027" in saved and "1 åtagande fick nytt slutdatum" in saved
    with world.bot.svc.db.read() as session:
        assert commitment_service.get_by_reference(session, ref).deadline == date(2027, 9, 23)
    world.run("admin", "bun", "/atagande årshjul 2027")
    assert "förval" not in world.modal_text("admin").lower()


def test_someone_who_is_not_an_admin_sees_the_year_but_cannot_save_it(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande årshjul 2027")
    view = world.modal("sara")
    assert view.submit is None
    shown = world.modal_text("sara")
    assert "Bara administratörer" in shown and "30 september 2027" in shown
