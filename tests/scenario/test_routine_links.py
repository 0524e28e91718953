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


def test_an_imported_answer_gets_related_routines_per_commitment(world: World) -> None:
    from tests.scenario.test_import import ANSWER, review_button, share, thread_texts

    world.quick_committee()
    library(world)
    share(world, "sara", "svar.txt", ANSWER.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    world.submit("sara")
    world.bot.run_due()  # the cards go to the channel through the outbox; linking then updates the card in place
    done = next(t for t in reversed(thread_texts(world, "sara")) if "Importerat" in t)
    # "revidera rutinen för orosanmälan" is about the routine for orosanmälan.
    assert "Relaterade rutiner för BUN-1" in done and "Rutin för orosanmälan" in done
    message = next(
        m for m in reversed(world.slack.visible_messages("sara", world.slack.dm("sara").id)) if "Importerat" in m.text
    )
    world.click("sara", message, "Koppla: Rutin för orosanmälan")
    assert "Rutiner: Rutin för orosanmälan" in world.card_text("BUN-1")


ROUTINE_FILE = """# Rutin för orosanmälan i förskolan

Reviderad 2026-05-04

All personal i förskolan är skyldig att genast anmäla till socialtjänsten
om de misstänker att ett barn far illa.
"""


def test_a_shared_file_can_be_saved_as_a_routine(world: World) -> None:
    from tests.scenario.test_import import share, thread_texts

    world.quick_committee()
    share(world, "sara", "orosanmalan-forskola.md", ROUTINE_FILE.encode("utf-8"))
    in_dm = world.slack.visible_messages("sara", world.slack.dm("sara").id)
    ready = next(m for m in reversed(in_dm) if "Spara som rutin" in str(m.blocks))
    world.click("sara", ready, "Spara som rutin")
    saved = next(t for t in reversed(thread_texts(world, "sara")) if "rutinbiblioteket" in t)
    assert "Sparad i rutinbiblioteket" in saved and "Rutin för orosanmälan i förskolan" in saved
    with world.bot.svc.db.read() as session:
        routine = routine_service.list_routines(session)[0]
        assert routine.source == "orosanmalan-forskola.md" and str(routine.revision_date) == "2026-05-04"
    world.run("olle", "bun", "/rutin orosanmalan forskolan")
    assert "Rutin för orosanmälan i förskolan" in world.ephemeral_of("olle", "bun")[-1]
    # The same file again updates the routine instead of adding a second one.
    world.click("sara", ready, "Spara som rutin")
    assert "Uppdaterad i rutinbiblioteket" in next(
        t for t in reversed(thread_texts(world, "sara")) if "rutinbiblioteket" in t
    )


def test_a_bystander_is_not_offered_to_save_a_shared_file(world: World) -> None:
    from tests.scenario.test_import import share

    world.quick_committee()
    share(world, "olle", "rutin.md", ROUTINE_FILE.encode("utf-8"))
    in_dm = world.slack.visible_messages("olle", world.slack.dm("olle").id)
    assert in_dm and not any("Spara som rutin" in str(m.blocks) for m in in_dm)
    with world.bot.svc.db.read() as session:
        assert routine_service.list_routines(session) == []
