"""Importing an audit answer: the import modal, files shared in the DM, the review modal.

Reading and extracting run after the ack (``bot/slack/import_flow.py``) and report in
a DM thread; the review modal's pages save what the reviewer set before the
next page is shown; confirming creates everything at once, then announces
the new commitments.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.errors import UserError, ValidationFailed
from bot.services import import_review
from bot.services.context import Services
from bot.services.import_review import PageReader, ReviewDraft
from bot.slack.import_flow import REVIEW_ACTION, SAVE_AS_ROUTINE_ACTION, ImportFlow
from bot.slack.plan_flow import PLAN_IMPORT_ACTION, PlanFlow
from bot.ui import blocks as bk
from bot.ui import import_modal
from bot.ui.commitment import routine_suggestion_blocks
from bot.ui.import_modal import IMPORT_CALLBACK, readable_files
from bot.ui.import_modal import import_modal as build_import_modal
from bot.ui.review import PAGE_ACTION, REVIEW_CALLBACK, ReviewMeta, review_modal
from bot.ui.review_pages import page_of_field, read_page
from handlers.support import ack_now, delivery_of, errors_on_fields, guarded, sealed, services_of, view_metadata

log = logging.getLogger(__name__)
# Commitments of one import given routine suggestions: two blocks each, within a message's 50.
SUGGEST_FOR = 20

# Files offered in the import modal: the user's own, shared with the bot lately.
FILES_SINCE = timedelta(days=90)


def register(app: App) -> None:
    app.view(IMPORT_CALLBACK)(submit_import)
    app.event("file_shared")(file_shared)
    app.action(REVIEW_ACTION)(open_review)
    app.action(SAVE_AS_ROUTINE_ACTION)(ack=ack_now, lazy=[save_as_routine])
    app.action(re.compile(rf"^{PLAN_IMPORT_ACTION}_"))(ack=ack_now, lazy=[import_plan_pressed])
    app.action(re.compile(rf"^{PAGE_ACTION}_(prev|next)$"))(turn_page)
    app.view(REVIEW_CALLBACK)(submit_review)


def open_import_modal(svc: Services, client: WebClient, trigger_id: str, user_id: str, channel_id: str) -> None:
    """``/atagande importera``: the files the user shared with the bot, and a paste field."""
    bound = import_review.import_target(svc, user_id, channel_id)
    since = int((svc.clock.now() - FILES_SINCE).timestamp())
    try:
        listed = client.files_list(user=user_id, ts_from=str(since)).get("files") or []
    except SlackApiError as exc:
        # Without the list the modal still works: paste, or share the file in the DM.
        log.warning("files.list failed: %s", exc.response.get("error"))
        listed = []
    files = readable_files([f for f in listed if isinstance(f, dict)])
    client.views_open(trigger_id=trigger_id, view=sealed(svc, build_import_modal(svc.texts, files, bound)))


def _values(body: dict[str, Any]) -> dict[str, Any]:
    return ((body.get("view") or {}).get("state") or {}).get("values") or {}


@guarded
def submit_import(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    svc = services_of(context)
    # Checked before the ack, so a form the bot did not sign is refused on its field.
    opened_with = view_metadata(svc, body)
    file_id, text = import_modal.read_import_modal(_values(body))
    has_files = any(b.get("block_id") == import_modal.FILE_BLOCK for b in (body.get("view") or {}).get("blocks", []))
    target = import_modal.FILE_BLOCK if has_files else import_modal.TEXT_BLOCK
    if file_id and text.strip():
        ack(response_action="errors", errors={target: svc.texts.get("err_import_both")})
        return
    if not file_id and not text.strip():
        ack(response_action="errors", errors={target: svc.texts.get("err_import_nothing")})
        return
    ack()
    committee = bk.metadata(opened_with).get("committee")
    flow = ImportFlow(svc, client)
    user_id = str(context.user_id)
    if file_id:
        flow.from_file(user_id, file_id, committee=committee)
    else:
        flow.from_text(user_id, text, committee=committee)


@guarded
def file_shared(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """A file shared in the bot's DM starts an import; a meeting plan there or in a bound channel is offered as one."""
    channel = str(event.get("channel_id") or "")
    user_id = str(event.get("user_id") or "")
    file_id = str(event.get("file_id") or (event.get("file") or {}).get("id") or "")
    if not user_id or not file_id or user_id == context.bot_user_id:
        return
    if PlanFlow(services_of(context), client).offer(channel, user_id, file_id, event.get("event_ts")):
        return
    if not channel.startswith("D"):
        return
    ImportFlow(services_of(context), client).from_file(user_id, file_id)


def _review_view(svc: Services, screen: import_review.ReviewScreen, page: int) -> dict[str, Any]:
    return sealed(svc, review_modal(svc.texts, screen.draft, screen.committees, page, screen.today, screen.plan))


def _page_reader(page: int, body: dict[str, Any]) -> PageReader:
    """What the page the reviewer leaves holds, read against the draft's layout where the service has it."""
    values = _values(body)
    return lambda draft: read_page(draft, page, values)


@guarded
def open_review(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    svc = services_of(context)
    value = str(((body.get("actions") or [{}])[0]).get("value") or "")
    if not value.isdigit():
        return
    screen = import_review.review_screen(svc, str(context.user_id), int(value))
    client.views_open(trigger_id=str(body["trigger_id"]), view=_review_view(svc, screen, 0))


@guarded
def turn_page(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    svc = services_of(context)
    view = body.get("view") or {}
    meta = ReviewMeta.load(view_metadata(svc, body))
    target = str(((body.get("actions") or [{}])[0]).get("value") or "")
    if meta is None or not target.isdigit():
        return
    screen = import_review.turn_page(svc, str(context.user_id), meta.draft_id, _page_reader(meta.page, body))
    try:
        client.views_update(view_id=str(view["id"]), hash=view.get("hash"), view=_review_view(svc, screen, int(target)))
    except SlackApiError as exc:
        # A second click raced this one (hash_conflict); what was typed is saved either way.
        log.info("turning the review page failed: %s", exc.response.get("error"))


def _show_errors(
    ack: Ack, svc: Services, body: dict[str, Any], draft: ReviewDraft | None, page: int, err: UserError
) -> None:
    """Each error on its field; one about a field on another page says which page."""
    errors = err.errors if isinstance(err, ValidationFailed) else {err.field or "": (err.key, err.params)}
    messages: dict[str, str] = {}
    shown = {str(b.get("block_id")) for b in (body.get("view") or {}).get("blocks") or []}
    for named, (asked, params) in errors.items():
        field, key = named, asked
        elsewhere = page_of_field(draft, field) if draft is not None else None
        if key == "err_import_passed_choose" and elsewhere == page and field not in shown:
            # A passed date picked on this page, where no choice for it is shown (the page was drawn with
            # another date): it can only be a new date, on the date picker.
            field, key = field.replace("_past", "_deadline"), "err_import_date_passed"
        text = svc.texts.get(key, **params)
        if elsewhere is not None and elsewhere != page:
            text = svc.texts.get("err_review_other_page", page=elsewhere + 1, message=text)
        messages[field] = text
    errors_on_fields(ack, body, messages)


@guarded
def submit_review(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    svc = services_of(context)
    meta = ReviewMeta.load(view_metadata(svc, body))
    if meta is None:
        raise UserError("err_import_gone")
    user_id = str(context.user_id)
    try:
        confirmed = import_review.confirm_review(svc, user_id, meta.draft_id, _page_reader(meta.page, body))
    except import_review.ReviewRefused as refused:
        _show_errors(ack, svc, body, refused.draft, meta.page, refused.error)
        return
    ack(response_action="clear")
    _announce(svc, client, context, confirmed, confirmed.channel or user_id, confirmed.thread_ts)


def _announce(
    svc: Services,
    client: WebClient,
    context: BoltContext,
    confirmed: import_review.Confirmed,
    channel: str,
    thread_ts: str | None,
) -> None:
    # The committee channel's summary and cards go through the outbox (planned with the import), one
    # message a second as Slack takes them; the owners are told here.
    result = confirmed.result
    delivery = delivery_of(context)
    warnings: set[str] = set() if confirmed.cards_planned or not result.commitment_ids else {"warn_no_channel"}
    warnings.update(delivery.tell_owners(list(result.commitment_ids), str(context.user_id)))
    told = import_review.announcement(svc, result, SUGGEST_FOR)
    suggestion_blocks: list[dict[str, Any]] = []
    for suggested in told.suggested:
        suggestion_blocks += routine_suggestion_blocks(
            svc.texts, suggested.commitment_id, list(suggested.routines), ref=suggested.ref
        )
    text = svc.texts.md(
        "import_done.md.j2",
        code=result.committee_code,
        dnr=result.dnr or "",
        refs=list(told.refs),
        recommendations=result.recommendations,
        warnings=[svc.texts.get(w, code=result.committee_code) for w in sorted(warnings)],
    )
    blocks = [bk.section(text), *suggestion_blocks] if suggestion_blocks else None
    try:
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text, blocks=blocks)
    except SlackApiError as exc:
        log.warning("could not report the import: %s", exc.response.get("error"))


@guarded
def save_as_routine(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """ "Spara som rutin" on a shared document: it goes into the routine library (same file again: updated)."""
    svc = services_of(context)
    user_id = str(context.user_id)
    value = str(((body.get("actions") or [{}])[0]).get("value") or "")
    if not value.isdigit():
        return
    saved = import_review.save_as_routine(svc, user_id, int(value))
    text = svc.texts.md("routine_saved_from_file.md.j2", title=saved.title, id=saved.id, created=saved.created)
    try:
        client.chat_postMessage(channel=saved.channel, thread_ts=saved.thread_ts, text=text)
    except SlackApiError as exc:
        log.warning("could not confirm the routine: %s", exc.response.get("error"))


@guarded
def import_plan_pressed(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """ "Läs in som BUN:s sammanträdesplan": the shared calendar file becomes the committee's plan."""
    PlanFlow(services_of(context), client).import_pressed(body, str(context.user_id))
