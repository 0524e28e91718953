"""``handlers.views``: submitting the register, edit, Försenad and Kommentera modals.

Each modal is opened through its own listener first, so the submission carries
that modal's blocks, metadata and initial values, as Slack's would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from slack_bolt import BoltContext
from sqlalchemy import func, select

from bot.services import commitments as commitment_service
from bot.services.context import Services
from bot.ui.commitment import ACTION_COMMENT, ACTION_DELAYED, ACTION_EDIT
from handlers import actions, commands, views
from storage.models import Commitment, CommitmentStatus, UpdateKind
from tests.handlers import payloads
from tests.handlers.conftest import ANNA, BUN_CHANNEL, OLLE, SARA, Bun
from tests.handlers.fakes import FakeSlack, RecordingAck, RecordingRespond, run_slash

Context = Callable[..., BoltContext]


def _count(services: Services) -> int:
    with services.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Commitment)) or 0)


def _new_form(slack: FakeSlack, context: BoltContext) -> dict[str, Any]:
    body = payloads.command("ny", user=str(context.user_id))
    run_slash(commands, body=body, respond=RecordingRespond(), client=slack, context=context)
    return slack.opened()


def _answer_form(slack: FakeSlack, context: BoltContext, action_id: str, commitment_id: int) -> dict[str, Any]:
    """The modal a button on App Home opens (a click there has no response_url to answer through)."""
    opener = {
        ACTION_DELAYED: actions.open_delayed,
        ACTION_COMMENT: actions.open_comment,
        ACTION_EDIT: actions.open_edit,
    }
    body = payloads.home_click(action_id, str(commitment_id), user=str(context.user_id))
    opener[action_id](ack=RecordingAck(), body=body, client=slack, context=context, respond=RecordingRespond())
    return dict(slack.called("views.open")[-1]["view"])


def test_a_filled_in_form_registers_and_announces(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(SARA)
    body = payloads.submission(
        _new_form(slack, context), user=SARA, text="Ta fram en plan för skolskjuts", owner=ANNA, deadline="31 maj 2027"
    )
    views.submit_new(ack=ack, body=body, client=slack, context=context)
    assert ack.kwargs == {}
    with services.db.read() as session:
        c = commitment_service.get_by_reference(session, "BUN-2")
        assert (c.text, c.deadline) == ("Ta fram en plan för skolskjuts", date(2027, 5, 31))
    channels = [m["channel"] for m in slack.called("chat.postMessage")]
    # The card in the committee's channel, the owner's DM, and the registrar told it is saved.
    assert channels == [BUN_CHANNEL, ANNA, SARA]
    assert "BUN-2" in slack.called("chat.postMessage")[-1]["text"]


def test_bad_fields_keep_the_form_open_with_each_sentence_on_its_field(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(SARA)
    body = payloads.submission(_new_form(slack, context), user=SARA, text="", deadline="någon gång")
    views.submit_new(ack=ack, body=body, client=slack, context=context)
    assert ack.kwargs["response_action"] == "errors"
    assert set(ack.errors) == {"text", "deadline"}
    assert ack.errors["text"] == services.texts.get("err_required")
    assert "någon gång" in ack.errors["deadline"]
    assert _count(services) == 1
    assert not slack.called("chat.postMessage")


def test_a_past_deadline_is_refused_on_the_deadline_field(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(SARA)
    body = payloads.submission(_new_form(slack, context), user=SARA, text="Något", deadline="2026-12-01")
    views.submit_new(ack=ack, body=body, client=slack, context=context)
    assert list(ack.errors) == ["deadline"]
    assert "1 december 2026" in ack.errors["deadline"]
    assert _count(services) == 1


def test_a_delay_moves_the_deadline_and_keeps_the_reason(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(ANNA)
    form = _answer_form(slack, context, ACTION_DELAYED, bun.commitment_id)
    body = payloads.submission(form, user=ANNA, deadline="30 september 2027", reason="Väntar på ny lag")
    views.submit_delayed(ack=ack, body=body, client=slack, context=context)
    assert ack.kwargs == {}
    with services.db.read() as session:
        c = commitment_service.get_by_id(session, bun.commitment_id)
        assert (c.deadline, c.status) == (date(2027, 9, 30), CommitmentStatus.DELAYED)
        assert "Väntar på ny lag" in [u.reason for u in commitment_service.history(session, c)]


def test_a_delay_without_a_reason_or_date_is_refused_on_both_fields(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(ANNA)
    form = _answer_form(slack, context, ACTION_DELAYED, bun.commitment_id)
    views.submit_delayed(ack=ack, body=payloads.submission(form, user=ANNA), client=slack, context=context)
    assert set(ack.errors) == {"deadline", "reason"}
    with services.db.read() as session:
        assert commitment_service.get_by_id(session, bun.commitment_id).deadline == date(2027, 4, 30)


def test_a_comment_is_added_to_the_history(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(ANNA)
    form = _answer_form(slack, context, ACTION_COMMENT, bun.commitment_id)
    body = payloads.submission(form, user=ANNA, comment="Utkast skickat till förvaltningen")
    views.submit_comment(ack=ack, body=body, client=slack, context=context)
    assert ack.kwargs == {}
    with services.db.read() as session:
        history = commitment_service.history(session, commitment_service.get_by_id(session, bun.commitment_id))
        assert [(u.kind, u.comment) for u in history][-1] == (UpdateKind.COMMENT, "Utkast skickat till förvaltningen")


def test_an_edit_changes_the_text_and_the_status(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(SARA)
    form = _answer_form(slack, context, ACTION_EDIT, bun.commitment_id)
    body = payloads.submission(form, user=SARA, text="Revidera och förankra rutinen", status="in_progress")
    views.submit_edit(ack=ack, body=body, client=slack, context=context)
    assert ack.kwargs == {}
    with services.db.read() as session:
        c = commitment_service.get_by_id(session, bun.commitment_id)
        assert (c.text, c.status) == ("Revidera och förankra rutinen", CommitmentStatus.IN_PROGRESS)
        assert c.deadline == date(2027, 4, 30)


def test_a_form_that_no_longer_knows_its_commitment_says_so_on_a_field(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(ANNA)
    form = _answer_form(slack, context, ACTION_COMMENT, bun.commitment_id) | {"private_metadata": ""}
    views.submit_comment(
        ack=ack, body=payloads.submission(form, user=ANNA, comment="Hej"), client=slack, context=context
    )
    assert list(ack.errors.values()) == [services.texts.get("err_expired")]
    assert set(ack.errors) <= {"comment", "evidence_url"}


def test_a_bystander_cannot_comment_through_an_old_form(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    form = _answer_form(slack, as_user(ANNA), ACTION_COMMENT, bun.commitment_id)
    body = payloads.submission(form, user=OLLE, comment="Jag med")
    views.submit_comment(ack=ack, body=body, client=slack, context=as_user(OLLE))
    assert list(ack.errors.values()) == [services.texts.get("err_not_owner", ref="BUN-1")]
    with services.db.read() as session:
        history = commitment_service.history(session, commitment_service.get_by_id(session, bun.commitment_id))
        assert "Jag med" not in [u.comment for u in history]
