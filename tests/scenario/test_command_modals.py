"""``/atagande`` subcommands that open a modal open it before the ack, while the trigger_id is fresh.

Slack's trigger_id dies 3 seconds after the command. The stand-in keeps time
by the scenario's clock, so moving the clock on once the ack has arrived is
a lazy listener that is slow: a modal opened after the ack would be refused
(expired_trigger_id), one opened before it is there.
"""

from __future__ import annotations

from datetime import timedelta

from bot.ui.import_modal import IMPORT_CALLBACK
from bot.ui.modals import NEW_CALLBACK
from bot.ui.settings_modal import SETTINGS_CALLBACK
from tests.scenario.conftest import World

TRIGGER_LIFETIME = timedelta(seconds=3)


def _command_then_slow(world: World, user: str, text: str) -> None:
    command, _, rest = text.partition(" ")
    interaction = world.slack.slash_command(user, "bun", command, rest)
    assert interaction.acked
    world.clock.advance(TRIGGER_LIFETIME + timedelta(seconds=1))
    world.bot.settle()


def test_new_modal_is_open_even_when_the_work_after_the_ack_is_slow(world: World) -> None:
    world.setup_bun()
    _command_then_slow(world, "sara", "/atagande ny")
    view = world.modal("sara")
    assert view.callback_id == NEW_CALLBACK
    assert all(call.error != "expired_trigger_id" for call in world.slack.calls)


def test_settings_modal_is_open_even_when_the_work_after_the_ack_is_slow(world: World) -> None:
    world.setup_bun()
    _command_then_slow(world, "sara", "/atagande nämnd påminnelser BUN")
    view = world.modal("sara")
    assert view.callback_id == SETTINGS_CALLBACK
    assert "BUN" in world.modal_text("sara")


def test_import_modal_is_open_even_when_the_work_after_the_ack_is_slow(world: World) -> None:
    world.setup_bun()
    _command_then_slow(world, "sara", "/atagande importera")
    assert world.modal("sara").callback_id == IMPORT_CALLBACK
