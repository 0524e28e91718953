"""``handlers.settings.submit_settings``: a committee's reminders and weekly digest, from the modal
``/atagande nämnd påminnelser BUN`` opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext

from bot.services import committee_settings
from bot.services.committees import get_committee
from bot.services.context import Services
from handlers import commands, settings
from tests.handlers import payloads
from tests.handlers.conftest import BUN_CHANNEL, OLLE, SARA, Bun
from tests.handlers.fakes import FakeSlack, RecordingAck, RecordingRespond, run_slash

Context = Callable[..., BoltContext]


def _settings_form(slack: FakeSlack, context: BoltContext) -> dict[str, Any]:
    body = payloads.command("nämnd påminnelser BUN", user=str(context.user_id))
    run_slash(commands, body=body, respond=RecordingRespond(), client=slack, context=context)
    return slack.opened()


def _before_days(services: Services) -> tuple[int, ...]:
    with services.db.read() as session:
        return committee_settings.policy_of(get_committee(session, "BUN")).before_days


def test_saved_settings_are_stored_and_confirmed_where_the_modal_was_opened(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(SARA)
    body = payloads.submission(_settings_form(slack, context), user=SARA, before_days="30, 7 och 1")
    settings.submit_settings(ack=ack, body=body, client=slack, context=context)
    assert ack.kwargs == {}
    assert _before_days(services) == (30, 7, 1)
    [told] = slack.called("chat.postEphemeral")
    assert (told["channel"], told["user"]) == (BUN_CHANNEL, SARA)
    assert "BUN" in told["text"]


def test_bad_values_are_shown_on_their_fields_and_nothing_is_saved(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(SARA)
    form = _settings_form(slack, context)
    body = payloads.submission(form, user=SARA, before_days="fjorton", digest_schedule="någon gång")
    settings.submit_settings(ack=ack, body=body, client=slack, context=context)
    assert ack.kwargs["response_action"] == "errors"
    assert set(ack.errors) == {"before_days", "digest_schedule"}
    assert all(message and "Error" not in message for message in ack.errors.values())
    assert _before_days(services) == (14, 3)
    assert not slack.called("chat.postEphemeral")


def test_someone_who_is_not_the_secretary_cannot_save_through_an_old_form(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    form = _settings_form(slack, as_user(SARA))
    body = payloads.submission(form, user=OLLE, before_days="1")
    settings.submit_settings(ack=ack, body=body, client=slack, context=as_user(OLLE))
    assert list(ack.errors.values()) == [services.texts.get("err_secretary_only", code="BUN")]
    assert _before_days(services) == (14, 3)
