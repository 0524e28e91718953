"""Routines suggested when a commitment is registered, linked with one click, shown on the card."""

from __future__ import annotations

from bot.services import routines as routine_service
from bot.standin.workspace import Message
from tests.scenario.conftest import World

ONE_LINE = "/atagande ny BUN Revidera den lokala BUS-överenskommelsen senast i april 2027 @anna"


def receipt_of(world: World) -> Message:
    """The registrar's receipt: the latest message only sara sees in #bun."""
    return [m for m in world.slack.visible_messages("sara", "bun") if m.is_ephemeral][-1]


def library(world: World) -> None:
    svc = world.bot.svc
    with svc.db.write() as session:
        for title, body in (
            ("Lokal överenskommelse Barn och unga i samverkan (BUS)", "Skola, socialtjänst och polis samverkar."),
            ("Rutin för orosanmälan", "Så gör personalen en orosanmälan till socialtjänsten."),
            ("Riktlinje för samordnad individuell plan (SIP)", "När en SIP ska kallas till."),
        ):
            routine_service.add_routine(session, title=title, body=body, now=svc.clock.now())


def test_a_registered_commitment_gets_related_routines_to_link(world: World) -> None:
    world.setup_bun()
    library(world)
    world.run("sara", "bun", ONE_LINE)
    world.click("sara", world.last("sara", "bun"), "Spara")
    receipt = receipt_of(world)
    text = world.slack.render_message(receipt)
    assert "Relaterade rutiner" in text and "Barn och unga i samverkan (BUS)" in text
    assert "orosanmälan" not in text  # not every routine: only what the commitment is about
    label = next(label for label in text.split("[ ")[1:] if label.startswith("Koppla:"))
    world.click("sara", receipt, label.split(" ]")[0])
    assert "är kopplad till BUN-1" in world.ephemeral_of("sara", "bun")[-1]
    assert "Rutiner: Lokal överenskommelse Barn och unga i samverkan (BUS)" in world.card_text("BUN-1")
    # Clicking again links nothing twice.
    world.click("sara", receipt, label.split(" ]")[0])
    assert "var redan kopplad" in world.ephemeral_of("sara", "bun")[-1]


def test_no_library_no_suggestions(world: World) -> None:
    world.setup_bun()
    world.run("sara", "bun", ONE_LINE)
    world.click("sara", world.last("sara", "bun"), "Spara")
    assert "registrerat" in world.slack.render_message(receipt_of(world))
    assert "Relaterade rutiner" not in world.slack.render_message(receipt_of(world))
