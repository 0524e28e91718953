"""Committee settings: reminders and the weekly digest, in the modal `/atagande nämnd påminnelser KOD` opens."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.domain.digest_schedule import DigestSchedule, DigestScheduleError
from bot.domain.errors import UserError
from bot.domain.reminder_policy import ReminderPolicyError
from bot.services import committee_admin, committee_settings
from bot.services.context import Services
from bot.ui.settings_modal import SETTINGS_CALLBACK, opened_for, settings_modal, submitted
from handlers.support import errors_on_fields, guarded, modal_errors, sealed, services_of, tell_user, view_metadata


def register(app: App) -> None:
    app.view(SETTINGS_CALLBACK)(submit_settings)


def open_settings(svc: Services, client: WebClient, trigger_id: str, user_id: str, code: str, channel_id: str) -> None:
    """Open the modal for a committee's reminder settings (secretaries and admins only)."""
    form = committee_admin.settings_form(svc, svc.actor(user_id), code)
    view = settings_modal(svc.texts, form.code, form.name, form.policy, form.digest, channel_id)
    client.views_open(trigger_id=trigger_id, view=sealed(svc, view))


@guarded
def submit_settings(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    svc = services_of(context)
    view = body.get("view") or {}
    code, channel = opened_for(view_metadata(svc, body))
    values = (view.get("state") or {}).get("values") or {}
    raw = submitted(values)
    problems: dict[str, str] = {}
    try:
        policy = committee_settings.parse_policy(raw)
    except ReminderPolicyError as exc:
        problems[exc.field] = str(exc)
    try:
        digest = DigestSchedule.parse(raw.get("digest_schedule", ""))
    except DigestScheduleError as exc:
        problems["digest_schedule"] = str(exc)
    if problems:
        errors_on_fields(ack, body, problems)
        return
    user_id = str((body.get("user") or {}).get("id") or "")
    actor = svc.actor(user_id)  # a Slack call: before the write lock
    try:
        committee_admin.save_settings(svc, actor, code, policy, digest)
    except UserError as err:
        errors_on_fields(ack, body, modal_errors(svc.texts, err))
        return
    ack()
    text = svc.texts.md("settings_saved.md.j2", code=code, described=policy.describe(), digest=digest.describe())
    tell_user(context, body, text, channel=channel)
