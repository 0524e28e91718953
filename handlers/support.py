"""Shared by all listeners: reach the services, turn errors into Swedish, and the pieces
several listener modules use (the register modal, the lists, the ``/atagande`` subcommand table).

A listener never lets an exception reach Slack: a :class:`UserError` becomes
its Swedish sentence, anything else is logged and answered with a short
apology, and nothing half-done is left behind (services roll back).
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.domain.errors import UserError, ValidationFailed
from bot.services import command_queries
from bot.services.commitment_drafts import CommitmentInput
from bot.services.commitment_form import new_commitment_form
from bot.services.context import DatabaseBusy, Services
from bot.services.sealing import slack_response_url
from bot.services.validation import resolve_deadline, unresolved_reason
from bot.slack.delivery import Delivery
from bot.texts import Texts
from bot.ui.lists import PAGE_SIZE, list_blocks
from bot.ui.modals import ModalMeta, commitment_modal

log = logging.getLogger(__name__)


def ack_now(ack: Ack) -> None:
    """The acknowledgement of a listener whose work runs after it (a Bolt lazy listener)."""
    ack()


def services_of(context: BoltContext) -> Services:
    svc = context.get("services")
    if not isinstance(svc, Services):
        raise RuntimeError("services missing from the Bolt context; see bot/app/wiring.py")
    return svc


def delivery_of(context: BoltContext) -> Delivery:
    return Delivery(services_of(context), context.client or WebClient())


def view_metadata(svc: Services, body: dict[str, Any]) -> str:
    """The submitted view's private_metadata as the bot wrote it; UserError if the bot did not sign it."""
    return svc.seal.unseal((body.get("view") or {}).get("private_metadata"))


def sealed(svc: Services, view: dict[str, Any]) -> dict[str, Any]:
    """`view` with its private_metadata signed, for views.open and views.update."""
    return svc.seal.seal_view(view)


def response_hook(svc: Services, url: str) -> WebhookClient | None:
    """A client for a response_url a modal remembered, if it is on Slack's own hosts; None otherwise."""
    if not url:
        return None
    if not slack_response_url(svc.settings, url):
        log.warning("not answering through a response_url outside Slack's hosts")
        return None
    return WebhookClient(url)


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
        svc = services_of(context)
        texts = svc.texts
        try:
            with svc.person_waiting():
                func(**kwargs)
        except UserError as err:
            if not _ack_with_error(ack, body, texts.get(err.key, **err.params)):
                tell_user(context, body, error_text(texts, err), respond)
        except SlackApiError as exc:
            log.warning("Slack refused a call in %s: %s", func.__name__, exc.response.get("error"))
            if not _ack_with_error(ack, body, texts.get("err_slack_unavailable")):
                tell_user(context, body, texts.get("err_slack_unavailable"), respond)
        except DatabaseBusy:
            # Someone else holds the write lock; the service rolled back, nothing was changed.
            log.warning("listener %s: the database was busy", func.__name__)
            if not _ack_with_error(ack, body, texts.get("err_database_busy")):
                tell_user(context, body, texts.get("err_database_busy"), respond)
        except Exception:
            log.exception("listener %s failed", func.__name__)
            if not _ack_with_error(ack, body, texts.get("err_internal")):
                tell_user(context, body, texts.get("err_internal"), respond)

    # Bolt passes only the arguments a listener names; keep the signature.
    wrapper.__signature__ = inspect.signature(func)  # type: ignore[attr-defined]
    return wrapper


# -- shared by /atagande, the shortcuts and the buttons that open the register modal -------------


def open_new_modal(
    svc: Services,
    client: WebClient,
    trigger_id: str,
    user_id: str,
    prefill: CommitmentInput,
    meta: ModalMeta,
    channel_id: str | None = None,
) -> None:
    """Open the register modal with the committees the user may register in.

    With `channel_id`, an empty committee is the channel's committee (when it has one).
    """
    form = new_commitment_form(svc, user_id, prefill, channel_id)
    preview = deadline_preview(svc, form.prefill.deadline)
    view = commitment_modal(svc.texts, form.committees, form.prefill, meta, preview=preview)
    client.views_open(trigger_id=trigger_id, view=sealed(svc, view))


def deadline_preview(svc: Services, phrase: str) -> str | None:
    """What the register modal says under "Klart senast" about the phrase typed there."""
    if not phrase.strip():
        return None
    today = svc.clock.today()
    resolved = resolve_deadline(phrase, today)
    # What is said when it gives no date is what saving would say: why, when the grammar knows.
    why = None if resolved else svc.texts.get_md(unresolved_reason(phrase, today), value=phrase)
    return svc.texts.md("deadline_preview.md.j2", phrase=phrase, resolved=resolved, today=today, why=why)


def show_list(
    svc: Services, respond: Respond, user_id: str, arg: str, channel_id: str, offset: int, replace: bool = False
) -> None:
    """A page of a committee's open commitments for `user_id` in `channel_id` (`arg` names it, or the channel does)."""
    code = arg.split(" ", maxsplit=1)[0] if arg else ""
    page = command_queries.committee_page(svc, code, channel_id, offset, PAGE_SIZE, user_id=user_id)
    title = svc.texts.md("list_title.md.j2", committee=page.committee, total=page.total)
    empty = svc.texts.md("list_empty.md.j2", committee=page.committee)
    _respond_page(
        svc, respond, title, page, offset, f"lista:{page.committee.code}:{offset + PAGE_SIZE}", empty, replace
    )


def show_mine(svc: Services, respond: Respond, user_id: str, offset: int = 0, replace: bool = False) -> None:
    """A page of the open commitments the user is responsible for."""
    page = command_queries.owner_page(svc, user_id, offset, PAGE_SIZE)
    title = svc.texts.md("mine_title.md.j2", total=page.total)
    empty = svc.texts.md("mine_empty.md.j2")
    _respond_page(svc, respond, title, page, offset, f"mina::{offset + PAGE_SIZE}", empty, replace)


def _respond_page(
    svc: Services,
    respond: Respond,
    title: str,
    page: command_queries.CommitmentPage,
    offset: int,
    more_value: str,
    empty_text: str,
    replace: bool,
) -> None:
    blocks = list_blocks(
        svc.texts,
        title,
        list(page.views),
        total=page.total,
        offset=offset,
        more_value=more_value,
        empty_text=empty_text,
    )
    respond(text=title, blocks=blocks, response_type="ephemeral", replace_original=replace)


# -- subcommands of /atagande that other listener modules answer ---------------------------------


@dataclass(frozen=True)
class CommandRequest:
    """A ``/atagande`` subcommand as parsed: who, where, and the text after its word(s)."""

    svc: Services
    client: WebClient
    respond: Respond
    user_id: str
    channel_id: str
    channel_name: str
    trigger_id: str
    rest: str


@dataclass(frozen=True)
class Subcommand:
    run: Callable[[CommandRequest], None]
    # A modal's trigger_id is valid for 3 seconds: these run in the listener that acks.
    opens_modal: bool


# word → subcommand. Filled by the handlers package (handlers/__init__.py), so that the command's
# module need not import the modules that answer (listener modules do not import each other).
SUBCOMMANDS: dict[str, Subcommand] = {}


def add_subcommand(word: str, run: Callable[[CommandRequest], None], *, opens_modal: bool) -> None:
    SUBCOMMANDS[word] = Subcommand(run, opens_modal)
