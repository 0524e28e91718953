"""``/rutin``: search the routine library, share a routine, and keep the library.

Everyone searches, lists and shows; admins and committee secretaries add, set
other names and remove (``bot.services.routines.can_manage_routines``). Every
answer is ephemeral except a routine someone chose to share in the channel.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.errors import UserError
from bot.language.normalize import fold
from bot.services import routine_answers as answers
from bot.services.context import Services
from bot.slack_format import unescape
from bot.ui import blocks as bk
from bot.ui import routines as ui
from handlers.support import (
    ack_now,
    errors_on_fields,
    guarded,
    modal_errors,
    response_hook,
    sealed,
    services_of,
    view_metadata,
)

COMMAND = "/rutin"
HITS = 5
LIST_PAGE = 30
HELP_WORDS = ("help", "hjalp", "?")
EDIT_WORDS = ("andra", "redigera")  # "ändra", folded
# Slack's answers when the bot cannot post where the button was clicked (a private channel without it).
CHANNEL_UNAVAILABLE = ("not_in_channel", "channel_not_found", "is_archived", "restricted_action")


def register(app: App) -> None:
    # The acknowledgement opens the form of "ny" and "ändra N" itself, while the trigger_id
    # (three seconds) is fresh; everything else is answered after it.
    app.command(COMMAND)(ack=ack_command, lazy=[run_command])
    app.action(ui.SHARE_ACTION)(ack=ack_now, lazy=[share])
    app.action(ui.REMOVE_ACTION)(ack=ack_now, lazy=[remove])
    # No lazy listener: views.open needs the click's trigger_id, which lasts three seconds.
    app.action(ui.EDIT_ACTION)(edit)
    app.view(ui.NEW_CALLBACK)(submit_new)


def _number(text: str) -> int | None:
    text = text.strip().lstrip("#")
    return int(text) if text.isdigit() and len(text) < 10 else None


def _words(body: dict[str, Any]) -> tuple[str, str, str]:
    """The command's text as (whole text, subcommand folded, the rest)."""
    text = " ".join(unescape(str(body.get("text", ""))).split())
    word, _, rest = text.partition(" ")
    return text, fold(word), rest


def _opens_form(sub: str, rest: str) -> bool:
    return (sub == "ny" and not rest) or sub in EDIT_WORDS


@guarded
def ack_command(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
    """Acknowledge ``/rutin``; "ny" and "ändra N" first open their form, while the trigger_id is fresh.

    Bolt sends the ack as soon as ``ack()`` is called, and the lazy listener may start later
    than three seconds under load. A refusal (or a failed views.open) is acked by ``guarded``
    and told through the response_url.
    """
    _, sub, rest = _words(body)
    if _opens_form(sub, rest):
        which = None
        if sub in EDIT_WORDS:
            which = _number(rest)
            if which is None:
                raise UserError("err_routine_number_edit")
        _open_modal(services_of(context), client, body, str(body["user_id"]), which)
    ack()


@guarded
def run_command(body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
    svc = services_of(context)
    text, sub, rest = _words(body)
    user_id = str(body["user_id"])
    if _opens_form(sub, rest):
        return  # answered by ack_command
    if sub in HELP_WORDS or not text:
        _help(svc, respond)
    elif sub == "lista" and (not rest or _number(rest) is not None):
        _list(svc, respond, _number(rest) or 1)
    elif sub == "visa" and _number(rest) is not None:
        _show(svc, respond, user_id, _number(rest) or 0)
    elif sub == "alias" and _number(rest.partition(" ")[0]) is not None:
        number, _, names = rest.partition(" ")
        _set_aliases(svc, respond, user_id, _number(number) or 0, names)
    elif sub == "alias":
        raise UserError("err_routine_aliases_missing")
    elif sub == "ta" and fold(rest.partition(" ")[0]) == "bort":
        which = _number(rest.partition(" ")[2])
        if which is None:
            raise UserError("err_routine_number")
        _ask_remove(svc, respond, user_id, which)
    else:
        _search(svc, respond, text)


def _help(svc: Services, respond: Respond, **ctx: Any) -> None:
    respond(text=svc.texts.md("routine_help.md.j2", **ctx), response_type="ephemeral")


def _search(svc: Services, respond: Respond, query: str) -> None:
    found = answers.search(svc, query, HITS)
    if found.result.too_short:
        _help(svc, respond, too_short=True)
        return
    text, blocks = ui.search_blocks(svc.texts, found)
    respond(text=text, blocks=blocks, response_type="ephemeral")


def _list(svc: Services, respond: Respond, page: int) -> None:
    shown = answers.list_page(svc, page, LIST_PAGE)
    text = svc.texts.md(
        "routine_list.md.j2",
        rows=list(shown.rows),
        total=shown.total,
        page=shown.page,
        first=shown.first,
        last=shown.last,
    )
    respond(text=text, response_type="ephemeral")


def _show(svc: Services, respond: Respond, user_id: str, number: int) -> None:
    card = answers.card(svc, user_id, number)
    text, blocks = ui.card_blocks(svc.texts, card.routine, can_manage=card.can_manage)
    respond(text=text, blocks=blocks, response_type="ephemeral")


def _set_aliases(svc: Services, respond: Respond, user_id: str, number: int, names: str) -> None:
    routine = answers.set_aliases(svc, user_id, number, names.split(","))
    text = svc.texts.md(
        "routine_aliases_set.md.j2", number=routine.id, title=routine.title, aliases=list(routine.aliases)
    )
    respond(text=text, response_type="ephemeral")


def _ask_remove(svc: Services, respond: Respond, user_id: str, number: int) -> None:
    routine = answers.to_remove(svc, user_id, number)
    text, blocks = ui.remove_ask_blocks(svc.texts, routine)
    respond(text=text, blocks=blocks, response_type="ephemeral")


def _action_number(body: dict[str, Any]) -> int:
    value = str(((body.get("actions") or [{}])[0]).get("value") or "")
    number = _number(value)
    if number is None:
        raise UserError("err_routine_number")
    return number


@guarded
def share(body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
    """Post the routine in the channel for everyone, as the bot, naming who shared it.

    ``respond`` is for ``guarded``: a refusal goes back through the response_url,
    which works even where the bot is not a member.
    """
    svc = services_of(context)
    user_id = str(context.user_id or (body.get("user") or {}).get("id") or "")
    channel = str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or "")
    if not channel:
        raise UserError("err_expired")
    routine = answers.for_sharing(svc, _action_number(body))
    text, blocks = ui.shared_blocks(svc.texts, routine, user_id)
    try:
        client.chat_postMessage(channel=channel, text=text, blocks=blocks, unfurl_links=False)
    except SlackApiError as exc:
        if exc.response.get("error") in CHANNEL_UNAVAILABLE:
            raise UserError("err_routine_share_not_here") from exc
        raise


@guarded
def remove(body: dict[str, Any], respond: Respond, context: BoltContext) -> None:
    svc = services_of(context)
    user_id = str(context.user_id or (body.get("user") or {}).get("id") or "")
    routine = answers.remove(svc, user_id, _action_number(body))
    text = svc.texts.md("routine_removed.md.j2", number=routine.id, title=routine.title, by=user_id)
    respond(text=text, response_type="ephemeral", replace_original=True)


def _open_modal(
    svc: Services, client: WebClient, body: dict[str, Any], user_id: str, number: int | None = None
) -> None:
    """The routine form: empty for a new routine, or holding routine `number` to change it."""
    channel = body.get("channel_id") or (body.get("channel") or {}).get("id") or ""
    meta: dict[str, Any] = {"response_url": body.get("response_url") or "", "channel_id": channel}
    routine = answers.for_form(svc, user_id, number)
    if routine is not None:
        # Whether the text was offered: a text too long for the form is kept as it is.
        meta |= {"routine_id": routine.id, "body": ui.body_fits(routine), "aliases": ui.aliases_fit(routine)}
    view = ui.routine_modal(svc.texts, json.dumps(meta), routine)
    client.views_open(trigger_id=str(body["trigger_id"]), view=sealed(svc, view))


@guarded
def edit(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
    """The card's "Ändra": the form, opened before the ack while the click's trigger_id is fresh."""
    ack()
    svc = services_of(context)
    user_id = str(context.user_id or (body.get("user") or {}).get("id") or "")
    _open_modal(svc, client, body, user_id, _action_number(body))


def _revision_date(raw: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise UserError("err_routine_bad_date", field=ui.FIELD_REVISION) from None


def _form(values: dict[str, Any], offered_body: bool, offered_aliases: bool = True) -> answers.RoutineForm:
    """The form's fields, read once for either way of saving them."""
    text_field = ui.submitted(values, ui.FIELD_BODY).strip()
    return answers.RoutineForm(
        title=ui.submitted(values, ui.FIELD_TITLE),
        # Only where the form offered the text: one too long for the form is kept.
        body=text_field if offered_body else None,
        source=ui.submitted(values, ui.FIELD_SOURCE).strip() or None,
        owner=" ".join(ui.submitted(values, ui.FIELD_OWNER).split()) or None,
        revision_date=_revision_date(ui.submitted(values, ui.FIELD_REVISION)),
        # Likewise: other names too many for the form are kept.
        aliases=tuple(ui.submitted(values, ui.FIELD_ALIASES).splitlines()) if offered_aliases else None,
    )


@guarded
def submit_new(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """Check and save (a new routine, or the one being changed) before the ack, so errors show on their
    fields; confirm after it."""
    svc = services_of(context)
    view = body.get("view") or {}
    values = (view.get("state") or {}).get("values") or {}
    user_id = str(context.user_id or (body.get("user") or {}).get("id") or "")
    meta = bk.metadata(view_metadata(svc, body))
    editing = meta.get("routine_id")
    editing = editing if isinstance(editing, int) else None
    try:
        # A new routine's form always offers the text.
        form = _form(
            values,
            offered_body=editing is None or bool(meta.get("body")),
            offered_aliases=editing is None or bool(meta.get("aliases", True)),
        )
        saved = answers.save(svc, user_id, form, editing)
    except UserError as err:
        errors_on_fields(ack, body, modal_errors(svc.texts, err))
        return
    text = svc.texts.md("routine_saved.md.j2", created=saved.created, number=saved.id, title=saved.title)
    ack()
    _confirm(svc, client, meta, user_id, text)


def _confirm(svc: Services, client: WebClient, meta: dict[str, Any], user_id: str, text: str) -> None:
    """Tell the person the routine is saved, where they opened the form (else in a DM)."""
    hook = response_hook(svc, str(meta.get("response_url") or ""))
    if hook is not None:
        hook.send(text=text, response_type="ephemeral")
        return
    channel = str(meta.get("channel_id") or "")
    if channel and not channel.startswith("D"):
        client.chat_postEphemeral(channel=channel, user=user_id, text=text)
    else:
        client.chat_postMessage(channel=user_id, text=text)
