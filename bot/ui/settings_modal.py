"""The committee settings modal: when owners are reminded and when secretaries are told."""

from __future__ import annotations

import json
from typing import Any

from bot.domain.digest_schedule import DigestSchedule
from bot.domain.reminder_policy import ReminderPolicy
from bot.texts import Texts
from bot.ui import blocks as bk
from bot.ui.modals import state_value

SETTINGS_CALLBACK = "committee_settings"
# block_id → action_id; block ids are the ReminderPolicy field names, so its errors land on them.
FIELDS = {
    "before_days": "before_days_value",
    "on_the_day": "on_the_day_value",
    "overdue_every_days": "overdue_every_days_value",
    "escalate_after_days": "escalate_after_days_value",
    "digest_schedule": "digest_schedule_value",
}


def settings_modal(
    texts: Texts, code: str, name: str, policy: ReminderPolicy, digest: DigestSchedule, channel_id: str
) -> bk.Block:
    """The modal; it remembers the committee and the channel it was opened in (for the confirmation)."""
    days = ", ".join(str(d) for d in policy.before_days)
    yes_no = [bk.option(texts.get("settings_yes"), "ja"), bk.option(texts.get("settings_no"), "nej")]
    blocks: list[bk.Block] = [
        bk.section(
            texts.md(
                "settings_intro.md.j2", code=code, name=name, described=policy.describe(), digest=digest.describe()
            )
        ),
        bk.input_block(
            "before_days",
            texts.get("settings_before_days"),
            bk.text_input(
                FIELDS["before_days"], initial=days, placeholder=texts.get("placeholder_before_days"), max_length=60
            ),
            optional=True,
            hint=texts.get("settings_before_days_hint"),
        ),
        bk.input_block(
            "on_the_day",
            texts.get("settings_on_the_day"),
            bk.static_select(
                FIELDS["on_the_day"],
                yes_no,
                "ja" if policy.on_the_day else "nej",
                placeholder=texts.get("placeholder_yes_no"),
            ),
        ),
        bk.days_input(
            "overdue_every_days",
            texts.get("settings_overdue_every_days"),
            FIELDS["overdue_every_days"],
            policy.overdue_every_days,
            placeholder=texts.get("placeholder_days", days=7),
            hint=texts.get("settings_overdue_hint"),
        ),
        bk.days_input(
            "escalate_after_days",
            texts.get("settings_escalate_after_days"),
            FIELDS["escalate_after_days"],
            policy.escalate_after_days,
            placeholder=texts.get("placeholder_days", days=14),
            hint=texts.get("settings_escalate_hint"),
        ),
        bk.input_block(
            "digest_schedule",
            texts.get("settings_digest_schedule"),
            bk.text_input(
                FIELDS["digest_schedule"],
                initial=_spoken(texts, digest),
                max_length=40,
                placeholder=texts.get("placeholder_digest_schedule"),
            ),
            hint=texts.get("digest_schedule_hint"),
        ),
    ]
    return bk.modal(
        SETTINGS_CALLBACK,
        texts.get("modal_settings"),
        blocks,
        submit=texts.get("btn_save"),
        close=texts.get("btn_cancel"),
        private_metadata=json.dumps({"code": code, "channel": channel_id}),
    )


def opened_for(private_metadata: str) -> tuple[str, str]:
    """(committee code, channel id) the submitted modal was opened for, from its (checked) private_metadata."""
    meta = bk.metadata(private_metadata)
    return str(meta.get("code") or ""), str(meta.get("channel") or "")


def _spoken(texts: Texts, digest: DigestSchedule) -> str:
    """The schedule as a secretary would type it: "måndag 08:00"."""
    return texts.get(f"settings_day_{digest.weekday}") + f" {digest.at:%H:%M}"


def submitted(values: dict[str, Any]) -> dict[str, str]:
    """The raw text of each field as submitted."""
    return {block_id: state_value(values, block_id, action_id) for block_id, action_id in FIELDS.items()}
