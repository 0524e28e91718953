"""Buttons: the owner's answers, the one-line preview, paging and Home actions."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.errors import UserError
from bot.services import answers, committee_admin, dedupe, registration
from bot.services.commitments import CommitmentInput
from bot.services.quick_entry import leave_owner_out, unpack
from bot.ui import modals
from bot.ui.commitment import (
    ACTION_CHANGE_OWNER,
    ACTION_COMMENT,
    ACTION_DELAYED,
    ACTION_DONE,
    ACTION_EDIT,
    ACTION_LINK_ROUTINE,
    ACTION_ON_TRACK,
)
from bot.ui.committee_pages import HOME_PAGE_ACTION, LIST_PAGE_ACTION, committee_list, page_number
from bot.ui.home import HOME_NEW, HOME_REFRESH
from bot.ui.lists import MORE_ACTION
from bot.ui.one_line import PREVIEW_CHOOSE_OWNER, PREVIEW_EDIT, PREVIEW_SAVE, PREVIEW_SAVE_WITHOUT_OWNER
from handlers.support import (
    ack_now,
    deadline_preview,
    delivery_of,
    guarded,
    open_new_modal,
    sealed,
    services_of,
    show_list,
    show_mine,
    tell_user,
    view_metadata,
)
from handlers.support_cards import after_change, finish_registration, occurrence_of


def register(app: App) -> None:
    app.action(ACTION_DONE)(ack=ack_now, lazy=[answer_done])
    app.action(ACTION_ON_TRACK)(ack=ack_now, lazy=[answer_on_track])
    # Opening a modal needs the trigger within 3 seconds: done in the ack path.
    app.action(ACTION_DELAYED)(open_delayed)
    app.action(ACTION_COMMENT)(open_comment)
    app.action(ACTION_EDIT)(open_edit)
    app.action(ACTION_CHANGE_OWNER)(open_edit)
    app.action(PREVIEW_EDIT)(preview_edit)
    app.action(PREVIEW_CHOOSE_OWNER)(preview_edit)
    app.action(PREVIEW_SAVE)(ack=ack_now, lazy=[preview_save])
    app.action(PREVIEW_SAVE_WITHOUT_OWNER)(ack=ack_now, lazy=[preview_save_without_owner])
    app.action(MORE_ACTION)(ack=ack_now, lazy=[list_more])
    app.action(HOME_NEW)(home_new)
    app.action(HOME_REFRESH)(ack=ack_now, lazy=[home_refresh])
    app.action(re.compile(rf"^{HOME_PAGE_ACTION}_(prev|next)$"))(ack=ack_now, lazy=[home_committee_page])
    app.action(re.compile(rf"^{LIST_PAGE_ACTION}_(prev|next)$"))(ack=ack_now, lazy=[committee_list_page])
    app.action(modals.DEADLINE_ACTION)(deadline_typed)
    app.action(re.compile(rf"^{ACTION_LINK_ROUTINE}:\d+$"))(ack=ack_now, lazy=[link_routine])


def _action_value(body: dict[str, Any]) -> str:
    actions = body.get("actions") or [{}]
    return str(actions[0].get("value") or "")


def _commitment_id(body: dict[str, Any]) -> int:
    value = _action_value(body).partition(":")[0]
    if not value.isdigit():
        raise UserError("err_unknown_reference", ref=value[:20])
    return int(value)


def _answer(done: bool, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    svc = services_of(context)
    commitment_id = _commitment_id(body)
    actor = svc.actor(str(context.user_id))  # a Slack call: before the write lock, not under it
    answered = answers.record_answer(svc, actor, commitment_id, done=done, occurrence=occurrence_of(body))
    # Also when nothing was written: the message clicked in may be old, and now shows what is.
    after_change(svc, client, context, body, commitment_id, respond)
    if answered.closed:
        if answered.occurrence is not None:
            said = svc.texts.get("answer_occurrence_done", ref=answered.ref, date=answered.occurrence)
        else:
            said = svc.texts.get("answer_already_done", ref=answered.ref)
        tell_user(context, body, said, respond)


@guarded
def answer_done(body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    _answer(True, body, client, context, respond)


@guarded
def answer_on_track(body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    _answer(False, body, client, context, respond)


def _meta_for(body: dict[str, Any], commitment_id: int) -> modals.ModalMeta:
    container = body.get("container") or {}
    return modals.ModalMeta(
        commitment_id=commitment_id,
        channel_id=container.get("channel_id"),
        message_ts=container.get("message_ts") if not container.get("is_ephemeral") else None,
        extra={"response_url": body["response_url"]} if body.get("response_url") else {},
    )


def _open_answer_modal(kind: str, ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    svc = services_of(context)
    commitment_id = _commitment_id(body)
    actor = svc.actor(str(context.user_id))
    ref = answers.answerable_reference(svc, actor, commitment_id, moves_deadline=kind == "delayed")
    meta = _meta_for(body, commitment_id)
    view = (
        modals.delayed_modal(svc.texts, ref, meta) if kind == "delayed" else modals.comment_modal(svc.texts, ref, meta)
    )
    client.views_open(trigger_id=body["trigger_id"], view=sealed(svc, view))


@guarded
def open_delayed(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    _open_answer_modal("delayed", ack, body, client, context)


@guarded
def open_comment(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    _open_answer_modal("comment", ack, body, client, context)


@guarded
def open_edit(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    ack()
    svc = services_of(context)
    commitment_id = _commitment_id(body)
    form = answers.edit_form(svc, svc.actor(str(context.user_id)), commitment_id)
    view = modals.commitment_modal(
        svc.texts,
        form.committees,
        form.prefill,
        _meta_for(body, commitment_id),
        editing=True,
        status_options=list(form.statuses),
        current_status=form.current_status,
        reference=form.reference,
    )
    client.views_open(trigger_id=body["trigger_id"], view=sealed(svc, view))


@guarded
def preview_edit(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    """Ändra, or Välj ansvarig: the form, filled in from the preview (the owner's field says which name
    no one has; left empty there, on purpose, the commitment is saved without an owner)."""
    ack()
    svc = services_of(context)
    raw = unpack(_action_value(body))
    if raw is None:
        raise UserError("err_expired")
    extra: dict[str, Any] = {"response_url": body["response_url"]} if body.get("response_url") else {}
    if raw.unknown_names:
        extra["unknown_names"] = raw.unknown_names
    open_new_modal(svc, client, str(body["trigger_id"]), str(context.user_id), raw, modals.ModalMeta(extra=extra))


@guarded
def preview_save(body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    _save_preview(body, context, respond, without_owner=False)


@guarded
def preview_save_without_owner(body: dict[str, Any], context: BoltContext, respond: Respond) -> None:
    _save_preview(body, context, respond, without_owner=True)


def _save_preview(body: dict[str, Any], context: BoltContext, respond: Respond, *, without_owner: bool) -> None:
    """Spara on a preview. A name no one has refuses it (``commitments.validate``) unless the owner
    was left out on purpose, with Spara utan ansvarig."""
    svc = services_of(context)
    raw = unpack(_action_value(body))
    if raw is None:
        raise UserError("err_expired")
    if without_owner:
        raw = leave_owner_out(raw)
    # Spara and Spara utan ansvarig on one preview save it once, however often they are clicked.
    once = dedupe.message_key(body, "preview")
    commitment_id = registration.register_once(svc, svc.actor(str(context.user_id)), raw, once)
    if commitment_id is None:
        respond(text=svc.texts.get("preview_already_saved"), response_type="ephemeral", replace_original=False)
        return
    finish_registration(svc, context, commitment_id, respond=respond)


@guarded
def list_more(body: dict[str, Any], context: BoltContext, respond: Respond) -> None:
    svc = services_of(context)
    kind, _, rest = _action_value(body).partition(":")
    code, _, offset = rest.partition(":")
    if not offset.isdigit():
        return
    if kind == "lista":
        # The channel the list was shown in: a guest may page only a list they may read there.
        channel_id = str((body.get("channel") or {}).get("id") or context.channel_id or "")
        show_list(svc, respond, str(context.user_id), code, channel_id, int(offset), replace=True)
    elif kind == "mina":
        show_mine(svc, respond, str(context.user_id), int(offset), replace=True)


@guarded
def home_new(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    svc = services_of(context)
    open_new_modal(svc, client, str(body["trigger_id"]), str(context.user_id), CommitmentInput(), modals.ModalMeta())


@guarded
def home_refresh(context: BoltContext) -> None:
    delivery_of(context).publish_home(str(context.user_id))


@guarded
def home_committee_page(body: dict[str, Any], context: BoltContext) -> None:
    delivery_of(context).publish_home(str(context.user_id), page_number(_action_value(body)))


@guarded
def committee_list_page(body: dict[str, Any], context: BoltContext, respond: Respond) -> None:
    """Another page of /atagande nämnd, in place of the one shown."""
    svc = services_of(context)
    actor = svc.actor(str(context.user_id))
    rows = committee_admin.committees_with_secretaries(svc)
    text, blocks = committee_list(svc.texts, rows, page_number(_action_value(body)), is_admin=actor.is_admin)
    respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=True)


@guarded
def deadline_typed(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """Enter in the deadline field: show what the words resolve to, before saving.

    The modal is rebuilt from what the user has typed so far (never by copying
    Slack's view back, which carries fields views.update refuses).
    """
    ack()
    svc = services_of(context)
    view = body.get("view") or {}
    callback = view.get("callback_id")
    if callback not in (modals.NEW_CALLBACK, modals.EDIT_CALLBACK):
        return
    values = (view.get("state") or {}).get("values") or {}
    meta = modals.ModalMeta.load(view_metadata(svc, body))
    typed = CommitmentInput(
        **{
            f: modals.state_value(values, f)
            for f in ("text", "committee", "owner_role", "deadline", "recurrence", "dnr", "recommendation")
        },
        owner_user_id=modals.state_value(values, "owner") or None,
        source_permalink=meta.source_permalink,
        unknown_names=str(meta.extra.get("unknown_names") or ""),
    )
    editing = callback == modals.EDIT_CALLBACK
    choices = answers.form_choices(
        svc, svc.actor(str(context.user_id)), meta.commitment_id if editing and meta.commitment_id is not None else None
    )
    typed = modals.with_kept(typed, meta, choices.stored)  # a text the form showed but did not offer
    rebuilt = modals.commitment_modal(
        svc.texts,
        choices.committees,
        typed,
        meta,
        editing=editing,
        preview=deadline_preview(svc, typed.deadline),
        status_options=list(choices.statuses) if choices.statuses is not None else None,
        current_status=modals.state_value(values, "status") or None,
        reference=choices.reference,
    )
    client.views_update(view_id=view["id"], hash=view.get("hash"), view=sealed(svc, rebuilt))


@guarded
def link_routine(body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    """ "Koppla" on a suggested routine: link it, say so, and show it on the commitment's card."""
    svc = services_of(context)
    commitment_part, _, routine_part = _action_value(body).partition(":")
    if not (commitment_part.isdigit() and routine_part.isdigit()):
        return
    commitment_id, routine_id = int(commitment_part), int(routine_part)
    linked = answers.link_routine(svc, svc.actor(str(context.user_id)), commitment_id, routine_id)
    key = "routine_linked" if linked.linked else "routine_already_linked"
    respond(
        text=svc.texts.get_md(key, title=linked.title, ref=linked.ref),
        response_type="ephemeral",
        replace_original=False,
    )
    delivery_of(context).refresh_card(commitment_id)
