"""``handlers.commands``: ``/atagande`` and its subcommands (``rapport`` is ``handlers.reports``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from slack_bolt import BoltContext

from bot.services import committees as committee_service
from bot.services.context import Services
from bot.ui import modals, one_line
from bot.ui.import_modal import IMPORT_CALLBACK
from bot.ui.settings_modal import SETTINGS_CALLBACK
from handlers import commands
from tests.handlers import payloads
from tests.handlers.conftest import ADMIN, ANNA, BUN_CHANNEL, OLLE, SARA, Bun
from tests.handlers.fakes import FakeSlack, RecordingRespond, run_slash

Context = Callable[..., BoltContext]


def run(slack: FakeSlack, context: BoltContext, respond: RecordingRespond, text: str, **where: str) -> None:
    body = payloads.command(text, user=str(context.user_id), **where)
    run_slash(commands, body=body, respond=respond, client=slack, context=context)


def test_help_and_an_unknown_word_answer_only_the_asker(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond
) -> None:
    run(slack, as_user(OLLE), respond, "")
    run(slack, as_user(OLLE), respond, "flyga")
    assert [c["response_type"] for c in respond.calls] == ["ephemeral", "ephemeral"]
    assert respond.texts[0] == services.texts.md("help.md.j2")
    assert "flyga" in respond.texts[1]
    assert not slack.calls


def test_ny_opens_the_form_with_the_channels_committee(
    slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(SARA), respond, "ny")
    view = slack.opened()
    assert view["callback_id"] == modals.NEW_CALLBACK
    committee = next(b for b in view["blocks"] if b.get("block_id") == "committee")
    assert committee["element"]["initial_option"]["value"] == "BUN"
    assert not respond.calls


def test_one_line_ny_previews_what_would_be_saved(
    slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(SARA), respond, "ny BUN Uppdatera krisplanen senast 15 juni 2027 <@UANNA001>")
    preview = respond.last
    assert preview["response_type"] == "ephemeral"
    assert "15 juni 2027" in preview["text"] and "Uppdatera krisplanen" in preview["text"]
    buttons = [e["action_id"] for b in preview["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == [one_line.PREVIEW_SAVE, one_line.PREVIEW_EDIT]
    # Nothing is saved by a preview.
    assert not slack.called("chat.postMessage")


def test_lista_lists_the_channels_committee_and_refuses_in_an_unbound_channel(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(OLLE), respond, "lista")
    assert "BUN-1" in str(respond.last["blocks"])
    run(slack, as_user(OLLE, "C0ANNAN"), respond, "lista", channel="C0ANNAN")
    assert respond.last["text"] == services.texts.get_md("err_no_committee_here")
    assert respond.last["response_type"] == "ephemeral"


def test_mina_lists_the_owners_commitments(
    slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(ANNA), respond, "mina")
    assert "BUN-1" in str(respond.last["blocks"])
    run(slack, as_user(OLLE), respond, "mina")
    assert "orosanmälan" not in str(respond.last["blocks"])


def test_visa_shows_the_card_and_names_an_unknown_reference(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(OLLE), respond, "visa bun-1")
    assert respond.last["text"] == "BUN-1"
    assert "Revidera rutinen för orosanmälan" in str(respond.last["blocks"])
    run(slack, as_user(OLLE), respond, "visa BUN-99")
    assert respond.last["text"].startswith("Det finns inget åtagande")
    assert "BUN-99" in respond.last["text"]
    run(slack, as_user(OLLE), respond, "visa")
    assert respond.last["text"] == services.texts.get_md("err_need_reference")


def test_sok_finds_by_words_and_by_reference(
    slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(OLLE), respond, "sök orosanmälan")
    assert "BUN-1" in str(respond.last["blocks"])
    run(slack, as_user(OLLE), respond, "sök BUN-1")
    assert "BUN-1" in str(respond.last["blocks"])
    run(slack, as_user(OLLE), respond, "sök simhall")
    assert "orosanmälan" not in str(respond.last["blocks"])
    assert "simhall" in respond.last["text"]


def test_a_new_committee_is_for_admins_only(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond
) -> None:
    run(slack, as_user(OLLE), respond, "nämnd ny KFN Kultur- och fritidsnämnden")
    assert respond.last["text"] == services.texts.get_md("err_admin_only")
    run(slack, as_user(ADMIN), respond, "nämnd ny KFN Kultur- och fritidsnämnden")
    assert "KFN" in respond.last["text"]
    with services.db.read() as session:
        assert committee_service.get_committee(session, "KFN").name == "Kultur- och fritidsnämnden"


def test_naming_a_secretary_records_them(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(ADMIN), respond, f"nämnd sekreterare BUN <@{ANNA}>")
    assert ANNA in respond.last["text"]
    with services.db.read() as session:
        committee = committee_service.get_committee(session, "BUN")
        assert {p.slack_user_id for p in committee_service.secretaries(committee)} == {SARA, ANNA}


def test_kanal_moves_the_committee_to_this_channel_for_everyone_to_see(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(SARA, "C0NYA"), respond, "kanal BUN", channel="C0NYA", channel_name="bun-nya")
    assert respond.last["response_type"] == "in_channel"
    with services.db.read() as session:
        assert committee_service.get_committee(session, "BUN").channel_id == "C0NYA"
    run(slack, as_user(OLLE, BUN_CHANNEL), respond, "kanal BUN")
    assert respond.last["text"] == services.texts.get_md("err_secretary_only", code="BUN")
    with services.db.read() as session:
        assert committee_service.get_committee(session, "BUN").channel_id == "C0NYA"


def test_the_settings_and_import_modals_open_from_the_command(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    run(slack, as_user(SARA), respond, "nämnd påminnelser BUN")
    run(slack, as_user(SARA), respond, "importera")
    assert [v["view"]["callback_id"] for v in slack.called("views.open")] == [SETTINGS_CALLBACK, IMPORT_CALLBACK]
    # A bystander gets neither, and is told why.
    run(slack, as_user(OLLE), respond, "nämnd påminnelser BUN")
    run(slack, as_user(OLLE), respond, "importera")
    assert len(slack.called("views.open")) == 2
    assert respond.texts[-2:] == [
        services.texts.get_md("err_secretary_only", code="BUN"),
        services.texts.get_md("err_no_committees_to_register"),
    ]


def test_a_failing_web_api_call_gives_the_swedish_apology(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    slack.fail("views.open", "expired_trigger_id")
    run(slack, as_user(SARA), respond, "ny")
    assert respond.texts == [services.texts.get("err_slack_unavailable")]


@pytest.mark.parametrize("deadline", ["senast 2027-02-30", "senast 31 april 2027"])
def test_a_one_line_with_a_date_that_does_not_exist_says_so(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun, deadline: str
) -> None:
    run(slack, as_user(SARA), respond, f"ny BUN Uppdatera krisplanen {deadline}")
    said = respond.last["text"]
    assert "finns inte i kalendern" in said
    assert deadline.removeprefix("senast ") in said
    assert not slack.called("chat.postMessage")
