"""The municipality's årshjul, in the modal `/atagande årshjul [ÅR]` opens (admins change it, everyone sees it)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.domain.errors import UserError
from bot.language.committee_year import EVENT_KINDS
from bot.services import meeting_form, year_wheel
from bot.services.context import Services
from bot.ui.year_wheel_modal import WHEEL_CALLBACK, opened_for, submitted, wheel_modal
from handlers.support import errors_on_fields, guarded, modal_errors, sealed, services_of, tell_user, view_metadata
from handlers.support_cards import refresh_after_plan


def register(app: App) -> None:
    app.view(WHEEL_CALLBACK)(submit_wheel)


def open_wheel(svc: Services, client: WebClient, trigger_id: str, user_id: str, rest: str, channel_id: str) -> None:
    year = meeting_form.check_year(rest.strip().partition(" ")[0], svc.clock.today())
    shown = year_wheel.wheel(svc, svc.actor(user_id), year)
    client.views_open(trigger_id=trigger_id, view=sealed(svc, wheel_modal(svc.texts, shown, channel_id)))


@guarded
def submit_wheel(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    svc = services_of(context)
    view = body.get("view") or {}
    year, channel = opened_for(view_metadata(svc, body))
    raw = submitted((view.get("state") or {}).get("values") or {}, EVENT_KINDS)
    actor = svc.actor(str((body.get("user") or {}).get("id") or ""))  # a Slack call: before the write lock
    try:
        saved = year_wheel.save_wheel(svc, actor, year, year_wheel.read_wheel(year, raw))
    except UserError as err:
        errors_on_fields(ack, body, modal_errors(svc.texts, err))
        return
    ack()
    tell_user(context, body, svc.texts.md("wheel_saved.md.j2", saved=saved), channel=channel)
    refresh_after_plan(context, saved.followed_ids)
