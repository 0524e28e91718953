"""Shared by all listeners: reach the services, and turn errors into Swedish.

A listener never lets an exception reach Slack: a :class:`UserError` becomes
its Swedish sentence, anything else is logged and answered with a short
apology, and nothing half-done is left behind (services roll back).
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.delivery import Delivery
from bot.domain.errors import UserError, ValidationFailed
from bot.services.context import Services
from bot.texts import Texts

log = logging.getLogger(__name__)


def ack_now(ack: Ack) -> None:
    """The acknowledgement of a listener whose work runs after it (a Bolt lazy listener)."""
    ack()


def services_of(context: BoltContext) -> Services:
    svc = context.get("services")
    if not isinstance(svc, Services):
        raise RuntimeError("services missing from the Bolt context; see bot/wiring.py")
    return svc


def delivery_of(context: BoltContext) -> Delivery:
    return Delivery(services_of(context), context.client or WebClient())


def error_text(texts: Texts, err: UserError) -> str:
    return texts.get_md(err.key, **err.params)


def modal_errors(texts: Texts, err: UserError) -> dict[str, str]:
    """``response_action: errors`` payload: block id → Swedish message (plain text)."""
    if isinstance(err, ValidationFailed):
        return {field: texts.get(key, **params) for field, (key, params) in err.errors.items()}
    return {err.field or "text": texts.get(err.key, **err.params)}


def errors_on_fields(ack: Any, body: dict[str, Any], messages: dict[str, str]) -> None:
    """``response_action: errors`` with each message on its field; one about a field this modal
    lacks goes on its first input (Slack shows only a generic failure for an unknown block)."""
    blocks = (body.get("view") or {}).get("blocks") or []
    inputs = [str(b.get("block_id")) for b in blocks if b.get("type") == "input"]
    shown: dict[str, str] = {}
    for field, text in messages.items():
        target = field if field in inputs or not inputs else inputs[0]
        shown[target] = f"{shown[target]} {text}" if target in shown else text
    ack(response_action="errors", errors=shown)


def tell_user(
    context: BoltContext, body: dict[str, Any], text: str, respond: Any = None, *, channel: str | None = None
) -> None:
    """An ephemeral answer where the user acted: response_url if there is one, else a DM.

    `channel` names where the user acted when the payload does not (a modal
    remembers the channel it was opened in).
    """
    try:
        if respond is not None and (body.get("response_url") or body.get("response_urls")):
            respond(text=text, response_type="ephemeral", replace_original=False)
            return
        user = context.user_id or (body.get("user") or {}).get("id")
        channel = channel or (body.get("channel") or {}).get("id") or context.channel_id
        client = context.client
        if client is None or not user:
            return
        if channel and not str(channel).startswith("D"):
            client.chat_postEphemeral(channel=channel, user=user, text=text)
        else:
            client.chat_postMessage(channel=user, text=text)
    except SlackApiError as exc:
        log.warning("could not tell %s: %s", context.user_id, exc.response.get("error"))


def _ack_with_error(ack: Any, body: dict[str, Any], text: str) -> bool:
    """Acknowledge a listener that failed before its ack; True if ``text`` was shown in its modal.

    Without an ack Slack shows its own English failure (and retries nothing);
    a modal submission keeps its modal open with the Swedish sentence on its first field.
    """
    if ack is None or getattr(ack, "response", None) is not None:
        return False
    if body.get("type") == "view_submission":
        blocks = (body.get("view") or {}).get("blocks") or []
        inputs = [str(b.get("block_id")) for b in blocks if b.get("type") == "input"]
        if inputs:
            ack(response_action="errors", errors={inputs[0]: text})
            return True
    ack()
    return False


def guarded(func: Callable[..., None]) -> Callable[..., None]:
    """Wrap a listener so every failure ends as a Swedish sentence to the user."""

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> None:
        context: BoltContext = kwargs["context"]
        body: dict[str, Any] = kwargs.get("body") or {}
        respond = kwargs.get("respond")
        ack = kwargs.get("ack")
        texts = services_of(context).texts
        try:
            func(**kwargs)
        except UserError as err:
            if not _ack_with_error(ack, body, texts.get(err.key, **err.params)):
                tell_user(context, body, error_text(texts, err), respond)
        except SlackApiError as exc:
            log.warning("Slack refused a call in %s: %s", func.__name__, exc.response.get("error"))
            if not _ack_with_error(ack, body, texts.get("err_slack_unavailable")):
                tell_user(context, body, texts.get("err_slack_unavailable"), respond)
        except Exception:
            log.exception("listener %s failed", func.__name__)
            if not _ack_with_error(ack, body, texts.get("err_internal")):
                tell_user(context, body, texts.get("err_internal"), respond)

    # Bolt passes only the arguments a listener names; keep the signature.
    wrapper.__signature__ = inspect.signature(func)  # type: ignore[attr-defined]
    return wrapper
