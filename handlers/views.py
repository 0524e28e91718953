"""Modal submissions: register, edit, report a delay, comment.

Checking and saving happen before the ack so that errors can be shown on
their fields (``response_action: errors``); announcing runs after the ack.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.errors import UserError
from bot.services import answers, dedupe, registration
from bot.services.commitments import CommitmentInput
from bot.services.context import Services
from bot.services.people import Actor
from bot.ui import modals
from bot.ui.modals import ModalMeta, state_value
from handlers.support import errors_on_fields, guarded, modal_errors, response_hook, services_of, view_metadata
from handlers.support_cards import after_change, finish_registration

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.view(modals.NEW_CALLBACK)(submit_new)
    app.view(modals.EDIT_CALLBACK)(submit_edit)
    app.view(modals.DELAYED_CALLBACK)(submit_delayed)
    app.view(modals.COMMENT_CALLBACK)(submit_comment)


def _values(body: dict[str, Any]) -> dict[str, Any]:
    return ((body.get("view") or {}).get("state") or {}).get("values") or {}


def _input_from(svc: Services, body: dict[str, Any], meta: ModalMeta) -> CommitmentInput:
    values = _values(body)
    owner = state_value(values, "owner") or None
    try:
        owner_user = svc.users.get(owner) if owner else None
    except SlackApiError as exc:
        # The name is only shown and searched; Slack's trouble must not stop the registration.
        log.warning("looking up the owner %s failed: %s", owner, exc.response.get("error"))
        owner_user = None
    return CommitmentInput(
        text=state_value(values, "text"),
        committee=state_value(values, "committee"),
        owner_user_id=owner,
        owner_name=owner_user.display if owner_user else None,
        owner_role=state_value(values, "owner_role"),
        deadline=state_value(values, "deadline"),
        recurrence=state_value(values, "recurrence"),
        dnr=state_value(values, "dnr"),
        recommendation=state_value(values, "recommendation"),
        source_permalink=meta.source_permalink,
    )


def _reject(ack: Ack, svc: Services, err: UserError, body: dict[str, Any]) -> None:
    """Show ``err`` on its fields."""
    errors_on_fields(ack, body, modal_errors(svc.texts, err))


@guarded
def submit_new(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    svc = services_of(context)
    meta = ModalMeta.load(view_metadata(svc, body))
    raw = _input_from(svc, body, meta)
    actor = svc.actor(str(context.user_id))  # a Slack call: before the write lock, not under it
    try:
        commitment_id = registration.register_once(svc, actor, raw, dedupe.submission_key(body))
    except UserError as err:
        _reject(ack, svc, err, body)
        return
    ack()
    if commitment_id is None:
        return  # submitted twice: the first submission registered it and says so
    respond = _respond_via(svc, meta)
    finish_registration(svc, context, commitment_id, respond=respond)


def _respond_via(svc: Services, meta: ModalMeta) -> Any:
    """A ``respond`` for the message the modal was opened from (its response_url, if Slack's)."""
    url = meta.extra.get("response_url") if meta.extra else None
    hook = response_hook(svc, str(url or ""))
    if hook is None:
        return None

    def respond(**kwargs: Any) -> None:
        hook.send(**kwargs)

    return respond


# What an answer modal does with its values: one service call (its own transaction) on the commitment's id,
# once per submitted form (the last argument, its key); False when that form was saved before.
Change = Callable[[Services, Actor, int, dict[str, Any], str | None], bool]


def _submit_change(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, change: Change) -> None:
    """The shared path of the edit, Försenad and Kommentera modals.

    Check and save before the ack (errors go on their fields), then show the
    change where the modal was opened from.
    """
    svc = services_of(context)
    meta = ModalMeta.load(view_metadata(svc, body))
    if meta.commitment_id is None:
        _reject(ack, svc, UserError("err_expired"), body)
        return
    # Ask Slack who is acting before taking the database's write lock.
    actor = svc.actor(str(context.user_id))
    try:
        changed = change(svc, actor, meta.commitment_id, _values(body), dedupe.submission_key(body))
    except UserError as err:
        _reject(ack, svc, err, body)
        return
    ack()
    if changed:  # else submitted twice: the first submission showed the change
        _refresh_after(svc, client, context, body, meta)


@guarded
def submit_edit(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    svc = services_of(context)
    meta = ModalMeta.load(view_metadata(svc, body))
    raw = _input_from(svc, body, meta)
    kept = modals.kept_fields(meta)  # shown, not offered: the stored values stay

    def change(svc: Services, actor: Actor, commitment_id: int, values: dict[str, Any], once: str | None) -> bool:
        status, reason = state_value(values, "status"), state_value(values, "reason")
        return answers.save_edit(svc, actor, commitment_id, raw, status, reason, once=once, kept=kept)

    _submit_change(ack, body, client, context, change)


def _refresh_after(
    svc: Services, client: WebClient, context: BoltContext, body: dict[str, Any], meta: ModalMeta
) -> None:
    """Show the change where the modal was opened from, as a button click would."""
    if meta.commitment_id is None:
        return
    click = dict(body)
    if meta.channel_id and meta.message_ts:
        click["container"] = {"type": "message", "channel_id": meta.channel_id, "message_ts": meta.message_ts}
    elif meta.extra.get("response_url"):
        click["container"] = {"type": "message", "is_ephemeral": True}
    respond = _respond_via(svc, meta) or _noop
    after_change(svc, client, context, click, meta.commitment_id, respond)


def _noop(**_kwargs: Any) -> None:
    return None


@guarded
def submit_delayed(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    def change(svc: Services, actor: Actor, commitment_id: int, values: dict[str, Any], once: str | None) -> bool:
        deadline, reason = state_value(values, "deadline"), state_value(values, "reason")
        return answers.report_delay(svc, actor, commitment_id, deadline, reason, once=once)

    _submit_change(ack, body, client, context, change)


@guarded
def submit_comment(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    def change(svc: Services, actor: Actor, commitment_id: int, values: dict[str, Any], once: str | None) -> bool:
        comment, url = state_value(values, "comment"), state_value(values, "evidence_url")
        return answers.comment(svc, actor, commitment_id, comment, url, once=once)

    _submit_change(ack, body, client, context, change)
