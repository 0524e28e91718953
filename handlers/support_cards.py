"""Shared by the answer buttons and the modal submissions (no listeners of its own): show a
commitment where the user acted, after a change or after it was registered."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.services import answers, registration
from bot.services.context import Services
from bot.ui.commitment import card_blocks, card_fallback, routine_suggestion_blocks
from handlers.support import delivery_of, services_of, tell_user

log = logging.getLogger(__name__)


def occurrence_of(body: dict[str, Any]) -> date | None:
    """The occurrence a reminder's button answers (recurring commitments), if any."""
    actions = body.get("actions") or [{}]
    _, _, rest = str(actions[0].get("value") or "").partition(":")
    try:
        return date.fromisoformat(rest) if rest else None
    except ValueError:
        return None


def after_change(
    svc: Services,
    client: WebClient,
    context: BoltContext,
    body: dict[str, Any],
    commitment_id: int,
    respond: Callable[..., object],
) -> None:
    """Show the new state where the user clicked, in the channel card, and on Home.

    The change is saved by now. Should Slack fail or not answer in time, the
    user is told just that (never the listener's "nothing changed", which would
    invite a second try) and the card is refreshed once more.
    """
    try:
        _show_change(svc, client, context, body, commitment_id, respond)
    except Exception:  # a refusal, a timeout, a dropped connection: whatever it was, the change stays saved
        log.warning("showing the change to commitment %s failed", commitment_id, exc_info=True)
        _saved_but_not_shown(svc, context, body, commitment_id, respond, "saved_not_shown", refresh=True)


def _saved_but_not_shown(
    svc: Services,
    context: BoltContext,
    body: dict[str, Any],
    commitment_id: int,
    respond: Callable[..., object] | None,
    key: str,
    *,
    refresh: bool,
) -> None:
    """Tell the user their change is saved though Slack failed to show it; with `refresh`, try the card again."""
    try:
        tell_user(context, body, svc.texts.get(key, ref=answers.reference(svc, commitment_id)), respond)
        if refresh:
            delivery_of(context).refresh_card(commitment_id)
    except Exception:  # Slack is still away: the saved change is shown at the next refresh
        log.warning("telling about commitment %s failed as well", commitment_id, exc_info=True)
    svc.request_home(str(context.user_id))


def _show_change(
    svc: Services,
    client: WebClient,
    context: BoltContext,
    body: dict[str, Any],
    commitment_id: int,
    respond: Callable[..., object],
) -> None:
    delivery = delivery_of(context)
    shown = answers.shown_after_change(svc, svc.actor(str(context.user_id)), commitment_id)
    # The channel card and the reminders come up to date there; any other message clicked in, here.
    updated = delivery.refresh_card(commitment_id)
    container = body.get("container") or {}
    clicked = (str(container.get("channel_id")), str(container.get("message_ts")))
    if container.get("type") == "message" and clicked not in updated:
        blocks = card_blocks(
            svc.texts,
            shown.view,
            can_edit=shown.can_edit and container.get("is_ephemeral", False),
            occurrence=occurrence_of(body),
        )
        text = card_fallback(svc.texts, shown.view)
        if container.get("is_ephemeral"):
            respond(text=text, blocks=blocks, replace_original=True, response_type="ephemeral")
        else:
            client.chat_update(channel=container["channel_id"], ts=container["message_ts"], text=text, blocks=blocks)
    owner = shown.owner_user_id
    if owner:
        svc.request_home(owner)
    if owner != context.user_id:
        svc.request_home(str(context.user_id))


def finish_registration(
    svc: Services, context: BoltContext, commitment_id: int, *, respond: Respond | None = None
) -> None:
    """After saving: announce the commitment and tell the registrar what happened.

    It is saved by now: should Slack fail or not answer in time, the registrar is told just that.
    """
    try:
        _announce(svc, context, commitment_id, respond)
    except Exception:  # a timeout or a dropped connection (announce itself handles Slack's refusals)
        log.warning("announcing commitment %s failed", commitment_id, exc_info=True)
        # No second announcement: a post that timed out may have arrived, and a card must not come twice.
        _saved_but_not_shown(svc, context, {}, commitment_id, respond, "registered_not_shown", refresh=False)


def _announce(svc: Services, context: BoltContext, commitment_id: int, respond: Respond | None) -> None:
    warnings = delivery_of(context).announce(commitment_id, str(context.user_id))
    saved = registration.registered(svc, commitment_id)
    view = saved.view
    intro = svc.texts.md(
        "registered.md.j2",
        ref=view.ref,
        warnings=[svc.texts.get(w, code=view.committee_code) for w in warnings],
    )
    blocks = card_blocks(svc.texts, view, with_buttons=False, intro=intro)
    blocks += routine_suggestion_blocks(svc.texts, commitment_id, [(s.routine_id, s.title) for s in saved.suggestions])
    text = card_fallback(svc.texts, view)
    if respond is not None:
        respond(text=text, blocks=blocks, replace_original=True, response_type="ephemeral")
    elif context.client is not None:
        context.client.chat_postMessage(channel=str(context.user_id), text=text, blocks=blocks)


def refresh_after_plan(context: BoltContext, commitment_ids: tuple[int, ...]) -> None:
    """After the plan changed: the notices go out now, and the cards of the commitments that followed show
    their new deadline. A card Slack refuses to update stays as it was; the change is saved."""
    services_of(context).send_soon()
    delivery = delivery_of(context)
    for commitment_id in commitment_ids:
        try:
            delivery.refresh_card(commitment_id)
        except Exception:  # a refusal or a timeout: the change is saved, the next change refreshes it
            log.warning("refreshing the card of commitment %s after a plan change failed", commitment_id, exc_info=True)
