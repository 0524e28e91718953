"""``handlers.routines``: ``/rutin``, the routine card's buttons and the routine form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from slack_bolt import BoltContext

from bot.clock import ManualClock
from bot.services import routines as routine_service
from bot.services.context import Services
from bot.ui import routines as ui
from handlers import routines
from storage.models import Routine
from tests.handlers import payloads
from tests.handlers.conftest import BUN_CHANNEL, OLLE, SARA, Bun, Posted
from tests.handlers.fakes import FakeSlack, RecordingAck, RecordingRespond, run_slash

Context = Callable[..., BoltContext]


@pytest.fixture
def routine_id(services: Services, clock: ManualClock, bun: Bun) -> int:
    with services.db.write() as session:
        routine, _ = routine_service.add_routine(
            session,
            title="Orosanmälan i skolan",
            body="Rektor gör en orosanmälan till socialtjänsten utan dröjsmål.",
            now=clock.now(),
            source="Elevhälsans handbok",
        )
        return routine.id


def run(slack: FakeSlack, context: BoltContext, respond: RecordingRespond, text: str) -> None:
    body = payloads.command(text, user=str(context.user_id), name=routines.COMMAND)
    run_slash(routines, body=body, respond=respond, client=slack, context=context)


def _stored(services: Services, number: int) -> Routine | None:
    with services.db.read() as session:
        return session.get(Routine, number)


def test_search_and_show_answer_everyone(
    slack: FakeSlack, as_user: Context, respond: RecordingRespond, routine_id: int
) -> None:
    run(slack, as_user(OLLE), respond, "orosanmälan")
    assert "Orosanmälan i skolan" in str(respond.last["blocks"])
    run(slack, as_user(OLLE), respond, f"visa {routine_id}")
    buttons = [e["action_id"] for b in respond.last["blocks"] if b["type"] == "actions" for e in b["elements"]]
    # A bystander may share it, not change or remove it.
    assert buttons == [ui.SHARE_ACTION]
    assert all(c["response_type"] == "ephemeral" for c in respond.calls)


def test_an_unknown_number_and_a_missing_one_get_their_sentences(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, routine_id: int
) -> None:
    run(slack, as_user(OLLE), respond, "visa 99")
    run(slack, as_user(SARA), respond, "ändra")
    assert respond.texts == [
        services.texts.get_md("err_unknown_routine", ref="99"),
        services.texts.get_md("err_routine_number_edit"),
    ]


def test_a_bystander_may_not_add_a_routine(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(OLLE), respond, "ny")
    assert not slack.called("views.open")
    assert respond.texts == [services.texts.get_md("err_routine_managers_only")]


def test_a_new_routine_from_the_form_is_saved_and_confirmed_where_asked(
    services: Services,
    slack: FakeSlack,
    as_user: Context,
    ack: RecordingAck,
    respond: RecordingRespond,
    webhooks: list[Posted],
    bun: Bun,
) -> None:
    run(slack, as_user(SARA), respond, "ny")
    form = slack.opened()
    assert form["callback_id"] == ui.NEW_CALLBACK
    body = payloads.submission(
        form,
        user=SARA,
        **{ui.FIELD_TITLE: "Skolskjuts vid halka", ui.FIELD_BODY: "Ring taxi.", ui.FIELD_REVISION: "2027-08-01"},
    )
    routines.submit_new(ack=ack, body=body, client=slack, context=as_user(SARA))
    assert ack.kwargs == {}
    saved = _stored(services, 1)
    assert saved is not None
    assert (saved.title, saved.body, saved.revision_date) == ("Skolskjuts vid halka", "Ring taxi.", date(2027, 8, 1))
    # Confirmed through the command's response_url, so only Sara sees it.
    [confirmation] = webhooks
    assert confirmation.url == payloads.RESPONSE_URL
    assert "Skolskjuts vid halka" in confirmation.body["text"]


def test_a_form_without_a_title_is_refused_on_the_title(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(SARA), respond, "ny")
    body = payloads.submission(slack.opened(), user=SARA, **{ui.FIELD_TITLE: "   ", ui.FIELD_BODY: "Text"})
    routines.submit_new(ack=ack, body=body, client=slack, context=as_user(SARA))
    assert list(ack.errors) == [ui.FIELD_TITLE]
    assert _stored(services, 1) is None


def test_edit_opens_the_form_holding_the_routine_and_saves_the_change(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, routine_id: int
) -> None:
    click = payloads.click(ui.EDIT_ACTION, str(routine_id), user=SARA, ephemeral=True)
    routines.edit(ack=RecordingAck(), body=click, respond=respond, client=slack, context=as_user(SARA))
    form = slack.opened()
    title = next(b for b in form["blocks"] if b.get("block_id") == ui.FIELD_TITLE)
    assert title["element"]["initial_value"] == "Orosanmälan i skolan"
    body = payloads.submission(form, user=SARA, **{ui.FIELD_TITLE: "Orosanmälan i förskola och skola"})
    routines.submit_new(ack=RecordingAck(), body=body, client=slack, context=as_user(SARA))
    changed = _stored(services, routine_id)
    assert changed is not None and changed.title == "Orosanmälan i förskola och skola"
    assert changed.source == "Elevhälsans handbok"


def test_sharing_posts_the_routine_in_the_channel_naming_who_shared_it(
    slack: FakeSlack, as_user: Context, respond: RecordingRespond, routine_id: int
) -> None:
    click = payloads.click(ui.SHARE_ACTION, str(routine_id), user=OLLE)
    routines.share(body=click, respond=respond, client=slack, context=as_user(OLLE))
    [posted] = slack.called("chat.postMessage")
    assert posted["channel"] == BUN_CHANNEL
    assert "Orosanmälan i skolan" in posted["text"] and OLLE in posted["text"]
    assert not respond.calls


def test_sharing_where_the_bot_is_not_a_member_says_how_to_invite_it(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, routine_id: int
) -> None:
    slack.fail("chat.postMessage", "not_in_channel")
    click = payloads.click(ui.SHARE_ACTION, str(routine_id), user=OLLE, channel="G0PRIVAT")
    routines.share(body=click, respond=respond, client=slack, context=as_user(OLLE, "G0PRIVAT"))
    assert respond.texts == [services.texts.get_md("err_routine_share_not_here")]


def test_removing_is_for_managers_and_replaces_the_question(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, routine_id: int
) -> None:
    click: dict[str, Any] = payloads.click(ui.REMOVE_ACTION, str(routine_id), user=OLLE, ephemeral=True)
    routines.remove(body=click, respond=respond, context=as_user(OLLE))
    assert respond.texts == [services.texts.get_md("err_routine_managers_only")]
    assert _stored(services, routine_id) is not None

    click = payloads.click(ui.REMOVE_ACTION, str(routine_id), user=SARA, ephemeral=True)
    routines.remove(body=click, respond=respond, context=as_user(SARA))
    assert respond.last["replace_original"] is True
    assert "Orosanmälan i skolan" in respond.last["text"]
    assert _stored(services, routine_id) is None
