"""A meeting plan shared in Slack: an .ics (or a calendar .csv) is read as the committee's sammanträdesplan.

Shared in a committee's bound channel, the bot answers in the file's thread with what it read ("10
sammanträden 2027, 11 februari – 9 december") and one button to import it as that committee's plan;
shared in the bot's DM, one button per committee the person may manage. Pressing imports once for
that message and committee, however often it is pressed (`dedupe.claim` in the import's transaction),
and answers in the thread with what changed. A file that is not a plan (a .csv of an audit answer)
is left to the audit import.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.documents.calendar import is_plan_file, plan_by_name
from bot.domain.errors import UserError
from bot.services import dedupe
from bot.services.committees import committee_for_channel, committees_managed_by
from bot.services.context import Services
from bot.services.plan_import import PlanRead, import_plan, read_meetings
from bot.slack.delivery import Delivery
from bot.slack.import_flow import ImportFlow
from bot.ui import blocks as bk

__all__ = ["PLAN_IMPORT_ACTION", "PlanFlow"]

log = logging.getLogger(__name__)

# One button per committee in a message: Slack wants the action ids of one block distinct.
PLAN_IMPORT_ACTION = "plan_import"
_SEPARATOR = "|"
# Buttons in one actions block, at most (Slack allows 25); an admin of more committees shares in the channel.
_MAX_BUTTONS = 25


class PlanFlow:
    """One shared calendar file: offered as a committee's plan, and imported when the button is pressed."""

    def __init__(self, services: Services, client: WebClient) -> None:
        self.svc = services
        self.client = client

    def offer(self, channel: str, user_id: str, file_id: str, event_ts: str | None) -> bool:
        """Answer a shared file that is a meeting plan; False when it is not one (or not where plans are read)."""
        bound = None
        if not channel.startswith("D"):
            with self.svc.db.read() as session:
                committee = committee_for_channel(session, channel)
                bound = committee.code if committee is not None else None
            if bound is None:
                return False
        info = self.client.files_info(file=file_id).get("file") or {}
        name = str(info.get("name") or info.get("title") or file_id)
        if not plan_by_name(name) and not name.lower().endswith(".csv"):
            return False
        thread_ts = _shared_ts(info, channel) or event_ts
        try:
            data = ImportFlow(self.svc, self.client).download(info)
            if not is_plan_file(name, data):
                return False
            meetings = read_meetings(name, data, self.svc.clock.now())
        except UserError as err:
            self._post(channel, thread_ts, self.svc.texts.get_md(err.key, **err.params))
            return True
        read = PlanRead.of(meetings)
        if bound is not None:
            codes = [bound]
        else:
            with self.svc.db.read() as session:
                codes = [c.code for c in committees_managed_by(session, self.svc.actor(user_id))][:_MAX_BUTTONS]
        text = self.svc.texts.md(
            "plan_read.md.j2", read=read, name=name, code=bound or "", choose=bool(codes) and bound is None
        )
        buttons = [
            bk.button(
                self.svc.texts.get("btn_import_plan", code=code),
                f"{PLAN_IMPORT_ACTION}_{code}",
                self.svc.seal.seal(f"{file_id}{_SEPARATOR}{code}"),
                style="primary" if len(codes) == 1 else None,
            )
            for code in codes
        ]
        blocks = [bk.section(text), bk.actions(*buttons)] if buttons else None
        self._post(channel, thread_ts, text, blocks)
        return True

    def import_pressed(self, body: dict[str, Any], user_id: str) -> None:
        """The button: read the file again and import it, once for this message and committee."""
        action = (body.get("actions") or [{}])[0]
        file_id, _, code = self.svc.seal.unseal(str(action.get("value") or "")).partition(_SEPARATOR)
        if not file_id or not code:
            return
        container = body.get("container") or {}
        channel = str(container.get("channel_id") or (body.get("channel") or {}).get("id") or user_id)
        thread_ts = str(container.get("thread_ts") or container.get("message_ts") or "") or None
        info = self.client.files_info(file=file_id).get("file") or {}
        data = ImportFlow(self.svc, self.client).download(info)
        name = str(info.get("name") or info.get("title") or file_id)
        once = dedupe.message_key(body, f"plan:{code}")
        svc = self.svc
        with svc.db.write() as session:
            if once is not None and not dedupe.claim(session, once, svc.clock.now()):
                return  # pressed before: that press imported and answered
            done = import_plan(session, svc.actor(user_id), code, name, data, svc.clock.now())
        self._post(channel, thread_ts, svc.texts.md("plan_imported.md.j2", done=done))
        # The notices go out now, and the cards of the commitments that followed show their new deadline.
        svc.send_soon()
        delivery = Delivery(svc, self.client)
        for followed in done.followed:
            try:
                delivery.refresh_card(followed.commitment_id)
            except Exception:  # a refusal or a timeout: the change is saved, the next change refreshes it
                log.warning("refreshing the card of commitment %s failed", followed.commitment_id, exc_info=True)

    def _post(self, channel: str, thread_ts: str | None, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        try:
            self.client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text, blocks=blocks)
        except SlackApiError as exc:
            log.warning("could not answer about a meeting plan: %s", exc.response.get("error"))


def _shared_ts(info: dict[str, Any], channel: str) -> str | None:
    """The ts of the message that shared the file in `channel`, as files.info lists it (Slack's `shares`)."""
    shares = info.get("shares") or {}
    for kind in ("public", "private"):
        found = (shares.get(kind) or {}).get(channel) or []
        if found and isinstance(found[0], dict) and found[0].get("ts"):
            return str(found[0]["ts"])
    return None
