"""Shared by the answer buttons and the modal submissions (no listeners of its own): show a
commitment where the user acted, after a change or after it was registered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.services import answers, registration
from bot.services.context import Services
from bot.ui.commitment import card_blocks, card_fallback, routine_suggestion_blocks
from handlers.support import delivery_of


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
    """Show the new state where the user clicked, in the channel card, and on Home."""
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
    """After saving: announce the commitment and tell the registrar what happened."""
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
