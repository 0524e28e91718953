"""The committee's sammanträdesplan, in the modal `/atagande nämnd sammanträden KOD [ÅR]` opens."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.domain.errors import UserError
from bot.services import meeting_form
from bot.services.context import Services
from bot.ui.meetings_modal import MEETINGS_CALLBACK, meetings_modal, opened_for, submitted
from bot.ui.one_line import PREVIEW_ADD_PLAN
from handlers.support import errors_on_fields, guarded, modal_errors, sealed, services_of, tell_user, view_metadata
from handlers.support_cards import refresh_after_plan


def register(app: App) -> None:
    app.view(MEETINGS_CALLBACK)(submit_meetings)
    app.action(PREVIEW_ADD_PLAN)(open_from_preview)


def open_meetings(svc: Services, client: WebClient, trigger_id: str, user_id: str, rest: str, channel_id: str) -> None:
    """Open the plan of the committee `rest` names ("BUN 2027"), for its secretaries and admins."""
    code, _, year_text = rest.strip().partition(" ")
    year = meeting_form.check_year(year_text, svc.clock.today())
    form = meeting_form.meetings_form(svc, svc.actor(user_id), code.upper(), year)
    client.views_open(trigger_id=trigger_id, view=sealed(svc, meetings_modal(svc.texts, form, channel_id)))


@guarded
def open_from_preview(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """The button "Lägg in sammanträdesplan" under a one-line preview whose deadline waits for the plan ("BUN 2027")."""
    ack()
    svc = services_of(context)
    action = (body.get("actions") or [{}])[0]
    channel = str((body.get("channel") or {}).get("id") or "")
    trigger = str(body.get("trigger_id") or "")
    open_meetings(svc, client, trigger, str(context.user_id), str(action.get("value")), channel)


@guarded
def submit_meetings(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    svc = services_of(context)
    view = body.get("view") or {}
    opened = opened_for(view_metadata(svc, body))
    raw = submitted((view.get("state") or {}).get("values") or {}, opened)
    actor = svc.actor(str((body.get("user") or {}).get("id") or ""))  # a Slack call: before the write lock
    try:
        edit = meeting_form.read_plan(opened.year, raw.pickers, raw.removed, raw.settings, raw.premeeting_report)
        saved = meeting_form.save_plan(svc, actor, opened.code, edit)
    except UserError as err:
        errors_on_fields(ack, body, modal_errors(svc.texts, err))
        return
    ack()
    tell_user(context, body, svc.texts.md("meetings_saved.md.j2", saved=saved), channel=opened.channel)
    refresh_after_plan(context, saved.followed_ids)
