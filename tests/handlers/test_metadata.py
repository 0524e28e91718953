"""A modal's ``private_metadata`` comes back from the client: the bot trusts only what it signed itself,
and it answers only through Slack's own response_url hosts."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext

from bot.services import commitments as commitment_service
from bot.services.context import Services
from bot.ui.commitment import ACTION_COMMENT
from handlers import actions, views
from tests.handlers import payloads
from tests.handlers.conftest import ANNA, Bun, Posted
from tests.handlers.fakes import FakeSlack, RecordingAck, RecordingRespond

Context = Callable[..., BoltContext]


def _comment_form(slack: FakeSlack, context: BoltContext, commitment_id: int, response_url: str) -> dict[str, Any]:
    """The Kommentera modal, opened from an ephemeral card (only its `response_url` can update it)."""
    body = payloads.click(ACTION_COMMENT, str(commitment_id), user=str(context.user_id), ephemeral=True) | {
        "response_url": response_url
    }
    actions.open_comment(ack=RecordingAck(), body=body, client=slack, context=context, respond=RecordingRespond())
    return dict(slack.called("views.open")[-1]["view"])


def _comments(services: Services, commitment_id: int) -> list[str | None]:
    with services.db.read() as session:
        history = commitment_service.history(session, commitment_service.get_by_id(session, commitment_id))
        return [u.comment for u in history]


def test_a_forged_metadata_is_refused_in_one_sentence_and_nothing_is_sent(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun, webhooks: list[Posted]
) -> None:
    context = as_user(ANNA)
    form = _comment_form(slack, context, bun.commitment_id, payloads.RESPONSE_URL)
    forged = {"commitment_id": bun.commitment_id, "extra": {"response_url": "https://evil.example/hook"}}
    form["private_metadata"] = json.dumps(forged)
    views.submit_comment(
        ack=ack, body=payloads.submission(form, user=ANNA, comment="Hej"), client=slack, context=context
    )
    assert "Hej" not in _comments(services, bun.commitment_id)
    assert [p.url for p in webhooks] == []
    assert list(ack.errors.values()) == [services.texts.get("err_form_not_verified")]


def test_the_bot_never_posts_to_a_response_url_outside_slack(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun, webhooks: list[Posted]
) -> None:
    context = as_user(ANNA)
    form = _comment_form(slack, context, bun.commitment_id, "https://evil.example/hook")
    views.submit_comment(
        ack=ack, body=payloads.submission(form, user=ANNA, comment="Hej"), client=slack, context=context
    )
    # The comment is saved (the person did nothing wrong), but nothing goes to the foreign host.
    assert "Hej" in _comments(services, bun.commitment_id)
    assert [p.url for p in webhooks if "evil.example" in p.url] == []


def test_a_modal_opened_from_a_message_still_answers_there(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun, webhooks: list[Posted]
) -> None:
    context = as_user(ANNA)
    form = _comment_form(slack, context, bun.commitment_id, payloads.RESPONSE_URL)
    views.submit_comment(
        ack=ack, body=payloads.submission(form, user=ANNA, comment="Hej"), client=slack, context=context
    )
    assert ack.kwargs == {}
    assert "Hej" in _comments(services, bun.commitment_id)
    assert [p.url for p in webhooks] == [payloads.RESPONSE_URL]
