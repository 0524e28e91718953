"""Registering commitments: one line, the modal, the message shortcut."""

from __future__ import annotations

from tests.scenario.conftest import World


def test_one_line_preview_then_save(world: World) -> None:
    world.setup_bun()
    world.run("sara", "bun", "/atagande ny BUN Revidera den lokala BUS-överenskommelsen senast i april 2027 @anna")
    preview = world.last_text("sara", "bun")
    assert "30 april 2027" in preview
    assert "Revidera den lokala BUS-överenskommelsen" in preview
    assert "[ Spara ]" in preview
    message = world.slack.latest_visible("sara", "bun")
    assert message is not None
    world.slack.click_button("sara", message, "Spara")
    world.bot.settle()
    print(world.slack.render_channel("sara", "bun"))
    assert "BUN-1" in world.last_text("sara", "bun")
