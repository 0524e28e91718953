"""``handlers.actions``: the owner's buttons, the answer modals' openers, previews, paging and Home buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext

from bot.services import commitments as commitment_service
from bot.services import routines as routine_service
from bot.services.context import Services
from bot.ui import modals, one_line
from bot.ui.commitment import (
    ACTION_COMMENT,
    ACTION_DELAYED,
    ACTION_DONE,
    ACTION_EDIT,
    ACTION_LINK_ROUTINE,
    ACTION_ON_TRACK,
)
from bot.ui.home import HOME_NEW
from handlers import actions, commands
from storage.models import CommitmentStatus
from tests.handlers import payloads
from tests.handlers.conftest import ANNA, BUN_CHANNEL, OLLE, SARA, Bun
from tests.handlers.fakes import FakeSlack, RecordingAck, RecordingRespond, run_slash

Context = Callable[..., BoltContext]


def _status(services: Services, commitment_id: int) -> CommitmentStatus:
    with services.db.read() as session:
        return commitment_service.get_by_id(session, commitment_id).status


def test_done_marks_the_commitment_done_and_updates_the_message_clicked(
    services: Services,
    slack: FakeSlack,
    as_user: Context,
    respond: RecordingRespond,
    bun: Bun,
    home_requests: list[str],
) -> None:
    body = payloads.click(ACTION_DONE, str(bun.commitment_id), user=ANNA)
    actions.answer_done(body=body, client=slack, context=as_user(ANNA), respond=respond)
    assert _status(services, bun.commitment_id) == CommitmentStatus.DONE
    [update] = slack.called("chat.update")
    assert (update["channel"], update["ts"]) == (BUN_CHANNEL, body["container"]["message_ts"])
    assert "BUN-1" in update["text"]
    assert services.texts.get("status_done") in update["text"]
    assert ANNA in home_requests


def test_on_track_marks_the_commitment_in_progress(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    body = payloads.click(ACTION_ON_TRACK, str(bun.commitment_id), user=SARA, ephemeral=True)
    actions.answer_on_track(body=body, client=slack, context=as_user(SARA), respond=respond)
    assert _status(services, bun.commitment_id) == CommitmentStatus.IN_PROGRESS
    # Clicked in an ephemeral message: only respond can replace it.
    assert respond.last["replace_original"] is True
    assert "BUN-1" in respond.last["text"]


def test_a_bystander_answering_is_refused_in_swedish_and_nothing_changes(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    body = payloads.click(ACTION_DONE, str(bun.commitment_id), user=OLLE)
    actions.answer_done(body=body, client=slack, context=as_user(OLLE), respond=respond)
    assert _status(services, bun.commitment_id) == CommitmentStatus.NOT_STARTED
    assert respond.texts == [services.texts.get_md("err_not_owner", ref="BUN-1")]
    assert respond.last["response_type"] == "ephemeral"
    assert not slack.called("chat.update")


def test_a_button_naming_no_commitment_gives_the_swedish_error(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    for value in ("9999", "BUN-1"):
        body = payloads.click(ACTION_DONE, value, user=ANNA)
        actions.answer_done(body=body, client=slack, context=as_user(ANNA), respond=respond)
    assert [t.startswith("Det finns inget åtagande") for t in respond.texts] == [True, True]
    assert "BUN-1" in respond.texts[1]
    assert not any("Traceback" in t or "Error" in t for t in respond.texts)
    assert _status(services, bun.commitment_id) == CommitmentStatus.NOT_STARTED


def test_delayed_opens_the_delay_modal_for_that_commitment(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, respond: RecordingRespond, bun: Bun
) -> None:
    body = payloads.click(ACTION_DELAYED, str(bun.commitment_id), user=ANNA)
    actions.open_delayed(ack=ack, body=body, client=slack, context=as_user(ANNA), respond=respond)
    assert ack.kwargs == {}
    view = slack.opened()
    assert view["callback_id"] == modals.DELAYED_CALLBACK
    assert modals.ModalMeta.load(services.seal.unseal(view["private_metadata"])).commitment_id == bun.commitment_id
    assert slack.called("views.open")[0]["trigger_id"] == payloads.TRIGGER


def test_delayed_by_a_bystander_acks_and_refuses_without_a_modal(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, respond: RecordingRespond, bun: Bun
) -> None:
    body = payloads.click(ACTION_DELAYED, str(bun.commitment_id), user=OLLE)
    actions.open_delayed(ack=ack, body=body, client=slack, context=as_user(OLLE), respond=respond)
    assert ack.kwargs == {}
    assert not slack.called("views.open")
    assert respond.texts == [services.texts.get_md("err_not_owner", ref="BUN-1")]


def test_comment_opens_the_comment_modal(
    slack: FakeSlack, as_user: Context, ack: RecordingAck, respond: RecordingRespond, bun: Bun
) -> None:
    body = payloads.click(ACTION_COMMENT, str(bun.commitment_id), user=ANNA)
    actions.open_comment(ack=ack, body=body, client=slack, context=as_user(ANNA), respond=respond)
    assert ack.kwargs == {}
    assert slack.opened()["callback_id"] == modals.COMMENT_CALLBACK


def test_edit_opens_the_filled_in_form_for_the_secretary_only(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    body = payloads.click(ACTION_EDIT, str(bun.commitment_id), user=SARA, ephemeral=True)
    actions.open_edit(ack=RecordingAck(), body=body, client=slack, context=as_user(SARA), respond=respond)
    view = slack.opened()
    assert view["callback_id"] == modals.EDIT_CALLBACK
    text_block = next(b for b in view["blocks"] if b.get("block_id") == "text")
    assert text_block["element"]["initial_value"] == "Revidera rutinen för orosanmälan"

    # The owner may answer but not edit.
    refused = RecordingAck()
    body = payloads.click(ACTION_EDIT, str(bun.commitment_id), user=ANNA)
    actions.open_edit(ack=refused, body=body, client=slack, context=as_user(ANNA), respond=respond)
    assert refused.kwargs == {}
    assert len(slack.called("views.open")) == 1
    assert respond.texts == [services.texts.get_md("err_secretary_only", code="BUN")]


def _preview_token(slack: FakeSlack, as_user: Context, respond: RecordingRespond, action_id: str, line: str) -> str:
    """The token of a preview button, from the answer to ``/atagande ny …``."""
    run_slash(
        commands, body=payloads.command(f"ny {line}", user=SARA), respond=respond, client=slack, context=as_user(SARA)
    )
    buttons = [e for b in respond.last["blocks"] if b["type"] == "actions" for e in b["elements"]]
    return str(next(e["value"] for e in buttons if e["action_id"] == action_id))


def test_saving_a_preview_registers_and_announces_the_commitment(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    token = _preview_token(
        slack, as_user, respond, one_line.PREVIEW_SAVE, "BUN Uppdatera krisplanen senast 15 juni 2027 <@UANNA001>"
    )
    saved = RecordingRespond()
    body = payloads.click(one_line.PREVIEW_SAVE, token, user=SARA, ephemeral=True)
    actions.preview_save(body=body, client=slack, context=as_user(SARA), respond=saved)
    with services.db.read() as session:
        c = commitment_service.get_by_reference(session, "BUN-2")
        assert (c.text, c.deadline.isoformat() if c.deadline else None) == ("Uppdatera krisplanen", "2027-06-15")
        assert c.owner is not None and c.owner.slack_user_id == ANNA
    assert saved.last["replace_original"] is True
    assert "BUN-2" in saved.last["text"]
    posted = [m["channel"] for m in slack.called("chat.postMessage")]
    assert BUN_CHANNEL in posted and ANNA in posted


def test_saving_without_an_owner_leaves_the_unknown_name_out(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    token = _preview_token(
        slack,
        as_user,
        respond,
        one_line.PREVIEW_SAVE_WITHOUT_OWNER,
        "BUN Uppdatera krisplanen senast 15 juni 2027 @okand",
    )
    body = payloads.click(one_line.PREVIEW_SAVE_WITHOUT_OWNER, token, user=SARA, ephemeral=True)
    actions.preview_save_without_owner(body=body, context=as_user(SARA), respond=respond)
    with services.db.read() as session:
        assert commitment_service.get_by_reference(session, "BUN-2").owner is None


def test_change_on_a_preview_opens_the_form_filled_in_from_it(
    slack: FakeSlack, as_user: Context, ack: RecordingAck, respond: RecordingRespond, bun: Bun
) -> None:
    token = _preview_token(
        slack, as_user, respond, one_line.PREVIEW_EDIT, "BUN Uppdatera krisplanen senast 15 juni 2027 <@UANNA001>"
    )
    body = payloads.click(one_line.PREVIEW_EDIT, token, user=SARA, ephemeral=True)
    actions.preview_edit(ack=ack, body=body, client=slack, context=as_user(SARA), respond=respond)
    assert ack.kwargs == {}
    view = slack.opened()
    assert view["callback_id"] == modals.NEW_CALLBACK
    fields = {b["block_id"]: b["element"] for b in view["blocks"] if b.get("type") == "input"}
    assert fields["text"]["initial_value"] == "Uppdatera krisplanen"
    assert fields["owner"]["initial_user"] == ANNA
    assert fields["committee"]["initial_option"]["value"] == "BUN"


def test_an_expired_preview_says_so(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    body = payloads.click(one_line.PREVIEW_SAVE, "not-a-token", user=SARA, ephemeral=True)
    actions.preview_save(body=body, client=slack, context=as_user(SARA), respond=respond)
    assert respond.texts == [services.texts.get_md("err_expired")]


def test_more_shows_the_next_page_in_place(
    services: Services, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    body = payloads.click("list_more", "lista:BUN:0", user=OLLE, ephemeral=True)
    actions.list_more(body=body, context=as_user(OLLE), respond=respond)
    assert respond.last["replace_original"] is True
    assert "BUN-1" in str(respond.last["blocks"])


def test_home_new_opens_the_form_or_says_why_not(
    services: Services, slack: FakeSlack, as_user: Context, bun: Bun
) -> None:
    home_click: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": SARA},
        "trigger_id": payloads.TRIGGER,
        "actions": [{"action_id": HOME_NEW, "value": "new"}],
    }
    actions.home_new(ack=RecordingAck(), body=home_click, client=slack, context=as_user(SARA, channel=None))
    assert slack.opened()["callback_id"] == modals.NEW_CALLBACK

    refused = RecordingAck()
    actions.home_new(ack=refused, body=home_click | {"user": {"id": OLLE}}, client=slack, context=as_user(OLLE, None))
    assert refused.kwargs == {}
    assert len(slack.called("views.open")) == 1
    # From Home there is no channel: the reason goes to the DM.
    [dm] = slack.called("chat.postMessage")
    assert dm["channel"] == OLLE
    assert dm["text"] == services.texts.get("err_no_committees_to_register")


def test_home_refresh_publishes_the_users_home(slack: FakeSlack, as_user: Context, bun: Bun) -> None:
    actions.home_refresh(context=as_user(ANNA, channel=None))
    [published] = slack.called("views.publish")
    assert published["user_id"] == ANNA
    assert published["view"]["type"] == "home"
    assert "BUN-1" in str(published["view"]["blocks"])


def test_enter_in_the_deadline_field_shows_the_date_it_means(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, respond: RecordingRespond, bun: Bun
) -> None:
    run_slash(commands, body=payloads.command("ny", user=SARA), respond=respond, client=slack, context=as_user(SARA))
    typed = payloads.submission(slack.opened(), user=SARA, text="Ny rutin", deadline="senast 15 juni 2027")
    body = payloads.click(modals.DEADLINE_ACTION, "", user=SARA, view=typed["view"])
    actions.deadline_typed(ack=ack, body=body, client=slack, context=as_user(SARA))
    assert ack.kwargs == {}
    [update] = slack.called("views.update")
    assert update["view_id"] == "V0001"
    preview = next(b for b in update["view"]["blocks"] if b.get("block_id") == modals.PREVIEW_BLOCK)
    assert "15 juni 2027" in str(preview)
    # What was typed stays in the rebuilt form.
    text_block = next(b for b in update["view"]["blocks"] if b.get("block_id") == "text")
    assert text_block["element"]["initial_value"] == "Ny rutin"


def test_linking_a_suggested_routine_says_so_once(
    services: Services, clock: Any, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    with services.db.write() as session:
        routine, _ = routine_service.add_routine(session, title="Orosanmälan", body="Så gör vi.", now=clock.now())
        routine_id = routine.id
    for _ in range(2):
        body = payloads.click(f"{ACTION_LINK_ROUTINE}:{routine_id}", f"{bun.commitment_id}:{routine_id}", user=ANNA)
        actions.link_routine(body=body, client=slack, context=as_user(ANNA), respond=respond)
    assert respond.texts == [
        services.texts.get("routine_linked", title="Orosanmälan", ref="BUN-1"),
        services.texts.get("routine_already_linked", title="Orosanmälan", ref="BUN-1"),
    ]


def test_linking_a_routine_with_a_hostile_title_escapes_it(
    services: Services, clock: Any, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    title = "<!channel> <https://evil.example|Orosanmälan>"
    with services.db.write() as session:
        routine, _ = routine_service.add_routine(session, title=title, body="Så gör vi.", now=clock.now())
        routine_id = routine.id
    body = payloads.click(f"{ACTION_LINK_ROUTINE}:{routine_id}", f"{bun.commitment_id}:{routine_id}", user=ANNA)
    actions.link_routine(body=body, client=slack, context=as_user(ANNA), respond=respond)
    [said] = respond.texts
    # No mention and no disguised link reaches Slack; the title is still shown, escaped.
    assert "<!channel>" not in said and "<https://" not in said
    assert "&lt;!channel&gt;" in said
    assert "BUN-1" in said
