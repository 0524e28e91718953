"""``handlers.shortcuts``: "Nytt åtagande" (global) and "Registrera som åtagande" (on a message)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext

from bot.services.context import Services
from bot.ui import modals
from handlers import shortcuts
from tests.handlers import payloads
from tests.handlers.conftest import ANNA, BUN_CHANNEL, OLLE, SARA, Bun
from tests.handlers.fakes import FakeSlack, RecordingAck


def _global(user: str) -> dict[str, Any]:
    return {
        "type": "shortcut",
        "callback_id": shortcuts.GLOBAL_NEW,
        "user": {"id": user},
        "trigger_id": payloads.TRIGGER,
    }


def _on_message(user: str, text: str) -> dict[str, Any]:
    return {
        "type": "message_action",
        "callback_id": shortcuts.FROM_MESSAGE,
        "user": {"id": user},
        "channel": {"id": BUN_CHANNEL, "name": "bun"},
        "message": {"type": "message", "user": ANNA, "ts": "1700000000.000500", "text": text},
        "trigger_id": payloads.TRIGGER,
        "response_url": payloads.RESPONSE_URL,
    }


def _field(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    return dict(next(b for b in view["blocks"] if b.get("block_id") == block_id)["element"])


def test_the_global_shortcut_opens_an_empty_form_for_a_secretary(
    slack: FakeSlack, as_user: Callable[..., BoltContext], ack: RecordingAck, bun: Bun
) -> None:
    shortcuts.new_commitment(ack=ack, body=_global(SARA), client=slack, context=as_user(SARA, None))
    assert ack.kwargs == {}
    view = slack.opened()
    assert view["callback_id"] == modals.NEW_CALLBACK
    assert "initial_value" not in _field(view, "text")


def test_the_global_shortcut_tells_a_bystander_why_in_a_dm(
    services: Services, slack: FakeSlack, as_user: Callable[..., BoltContext], ack: RecordingAck, bun: Bun
) -> None:
    shortcuts.new_commitment(ack=ack, body=_global(OLLE), client=slack, context=as_user(OLLE, None))
    assert ack.kwargs == {}
    assert not slack.called("views.open")
    [dm] = slack.called("chat.postMessage")
    assert (dm["channel"], dm["text"]) == (OLLE, services.texts.get("err_no_committees_to_register"))


def test_a_message_fills_in_the_form_text_owner_deadline_committee_and_link(
    services: Services, slack: FakeSlack, as_user: Callable[..., BoltContext], ack: RecordingAck, bun: Bun
) -> None:
    body = _on_message(SARA, f"<@{ANNA}> tar fram en ny skolskjutsplan senast 15 maj 2027")
    shortcuts.register_from_message(ack=ack, body=body, client=slack, context=as_user(SARA))
    assert ack.kwargs == {}
    view = slack.opened()
    assert "skolskjutsplan" in _field(view, "text")["initial_value"]
    assert _field(view, "owner")["initial_user"] == ANNA
    assert _field(view, "deadline")["initial_value"] == "senast 15 maj 2027"
    assert _field(view, "committee")["initial_option"]["value"] == "BUN"
    meta = modals.ModalMeta.load(services.seal.unseal(view["private_metadata"]))
    assert meta.source_permalink is not None and "1700000000.000500" in meta.source_permalink


def test_a_message_still_opens_the_form_when_slack_gives_no_permalink(
    services: Services, slack: FakeSlack, as_user: Callable[..., BoltContext], ack: RecordingAck, bun: Bun
) -> None:
    slack.fail("chat.getPermalink", "message_not_found")
    body = _on_message(SARA, "Rutinen ses över under hösten 2027")
    shortcuts.register_from_message(ack=ack, body=body, client=slack, context=as_user(SARA))
    view = slack.opened()
    assert modals.ModalMeta.load(services.seal.unseal(view["private_metadata"])).source_permalink is None
    assert _field(view, "deadline")["initial_value"] == "under hösten 2027"
