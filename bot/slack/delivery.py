"""Messages the bot sends on its own: commitment cards in channels and DMs, App Home.

Everything here talks to Slack's Web API through slack_sdk; failures that a
user should know of come back as message keys, never as exceptions in Slack.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import func, select

from bot.outbox import status as outbox_status
from bot.reminders import combined
from bot.reminders.messages import ReminderFacts, render_card
from bot.services import commitments as commitment_service
from bot.services.committees import committees_managed_by, is_secretary
from bot.services.context import Services
from bot.services.traffic import Light, light
from bot.ui.commitment import CommitmentView, card_blocks, card_fallback, view_of
from bot.ui.home import home_view
from bot.ui.lists import owned_list_blocks
from storage.models import (
    Commitment,
    CommitmentStatus,
    Committee,
    CommitteeMember,
    MemberRole,
    OutboxMessage,
    OutboxState,
    Person,
)

log = logging.getLogger(__name__)

REMINDER_KINDS = ("reminder", "escalation")
# Reminder messages brought up to date after an answer; older ones have scrolled away.
RECENT_REMINDERS = 5
# Delivery problems listed on an admin's Home; the CLI shows them all.
HOME_FAILURES = 5

# Slack errors that mean "the bot cannot post there until someone acts".
CHANNEL_PROBLEMS = {
    "not_in_channel": "warn_not_in_channel",
    "channel_not_found": "warn_channel_not_found",
    "is_archived": "warn_channel_archived",
}


class Delivery:
    """Posts and updates the bot's own messages."""

    def __init__(self, services: Services, client: WebClient) -> None:
        self.services = services
        self.client = client

    def announce(self, commitment_id: int, actor_user_id: str) -> list[str]:
        """Post a new commitment to its committee channel and DM its owner; return warning keys."""
        svc = self.services
        warnings: list[str] = []
        with svc.db.read() as session:
            c = commitment_service.get_by_id(session, commitment_id)
            view = view_of(c, svc.texts, svc.clock.today(), svc.clock.now())
            channel = c.committee.channel_id
        if channel:
            try:
                resp = self.client.chat_postMessage(
                    channel=channel, text=card_fallback(svc.texts, view), blocks=card_blocks(svc.texts, view)
                )
            except SlackApiError as exc:
                error = str(exc.response.get("error", ""))
                log.warning("posting %s to %s failed: %s", view.ref, channel, error)
                warnings.append(CHANNEL_PROBLEMS.get(error, "warn_channel_failed"))
            else:
                with svc.db.write() as session:
                    c = commitment_service.get_by_id(session, commitment_id)
                    commitment_service.record_message(session, c, str(resp["channel"]), str(resp["ts"]))
        else:
            warnings.append("warn_no_channel")
        return warnings + self.tell_owner(commitment_id, actor_user_id)

    def tell_owner(self, commitment_id: int, actor_user_id: str) -> list[str]:
        """DM a new commitment's card to its owner (unless they registered it); return warning keys."""
        svc = self.services
        with svc.db.read() as session:
            c = commitment_service.get_by_id(session, commitment_id)
            view = view_of(c, svc.texts, svc.clock.today(), svc.clock.now())
            owner = c.owner.slack_user_id if c.owner else None
        warnings: list[str] = []
        if owner and owner != actor_user_id:
            intro = svc.texts.md("owner_assigned.md.j2", ref=view.ref)
            text = card_fallback(svc.texts, view)
            try:
                self.client.chat_postMessage(channel=owner, text=text, blocks=card_blocks(svc.texts, view, intro=intro))
            except SlackApiError as exc:
                log.warning("DM to owner of %s failed: %s", view.ref, exc.response.get("error"))
                warnings.append("warn_owner_dm_failed")
        if owner:
            svc.request_home(owner)
        return warnings

    def tell_owners(self, commitment_ids: list[int], actor_user_id: str) -> list[str]:
        """Tell each owner of an import's new commitments once: their card for one, a list for several.

        An import of 120 commitments to one förvaltningschef is one direct message, not 120 (Slack
        allows about one message a second to a conversation, and nobody reads a hundred).
        """
        svc = self.services
        by_owner: dict[str, list[CommitmentView]] = defaultdict(list)
        with svc.db.read() as session:
            for commitment_id in commitment_ids:
                c = commitment_service.get_by_id(session, commitment_id)
                owner = c.owner.slack_user_id if c.owner else None
                if not owner:
                    continue
                if owner == actor_user_id or c.status == CommitmentStatus.DONE:
                    # The importer knows; an old answer's commitment imported as done asks nothing of its owner.
                    svc.request_home(owner)
                else:
                    by_owner[owner].append(view_of(c, svc.texts, svc.clock.today(), svc.clock.now()))
        warnings: list[str] = []
        for owner, views in by_owner.items():
            if len(views) == 1:
                warnings += self.tell_owner(views[0].id, actor_user_id)
                continue
            text = svc.texts.md("owner_assigned_many.md.j2", count=len(views))
            blocks = owned_list_blocks(svc.texts, text, views)
            try:
                self.client.chat_postMessage(channel=owner, text=text, blocks=blocks)
            except SlackApiError as exc:
                log.warning("DM to owner %s of %d commitments failed: %s", owner, len(views), exc.response.get("error"))
                warnings.append("warn_owner_dm_failed")
            svc.request_home(owner)
        return warnings

    def refresh_card(self, commitment_id: int) -> set[tuple[str, str]]:
        """Update the commitment's channel message and its latest reminders in place after a change.

        Returns the (channel, ts) of every message it updated, so a caller
        updates only the other message a user clicked in.
        """
        svc = self.services
        updates: list[tuple[str, str, str, list[dict[str, Any]]]] = []
        with svc.db.read() as session:
            c = commitment_service.get_by_id(session, commitment_id)
            view = view_of(c, svc.texts, svc.clock.today(), svc.clock.now())
            if c.message_channel and c.message_ts:
                text = card_fallback(svc.texts, view)
                updates.append((c.message_channel, c.message_ts, text, card_blocks(svc.texts, view)))
            reminders = session.scalars(
                select(OutboxMessage)
                .where(
                    OutboxMessage.commitment_id == commitment_id,
                    OutboxMessage.kind.in_(REMINDER_KINDS),
                    OutboxMessage.state == OutboxState.SENT,
                    OutboxMessage.ts.is_not(None),
                )
                .order_by(OutboxMessage.sent_at.desc())
                .limit(RECENT_REMINDERS)
            ).all()
            for row in reminders:
                if not (row.channel and row.ts):
                    continue
                listing = combined.refreshed(svc, session, row.channel, row.ts) if row.kind == "reminder" else None
                if listing is not None:
                    # One of several commitments in one message: the whole message, this one's part as it is now.
                    updates.append((row.channel, row.ts, *listing))
                    continue
                sent_at = row.sent_at or row.due_at
                facts = ReminderFacts(row.kind, dict(row.payload or {}), row.occurrence, row.due_at, sent_at)
                text, blocks = render_card(svc, c, facts)
                updates.append((row.channel, row.ts, text, blocks))
        for channel, ts, text, blocks in updates:
            try:
                self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
            except SlackApiError as exc:
                log.warning("updating a message about %s failed: %s", view.ref, exc.response.get("error"))
        return {(channel, ts) for channel, ts, _text, _blocks in updates}

    def home_for(self, user_id: str, committee_page: int = 0) -> dict[str, object]:
        svc = self.services
        today, now = svc.clock.today(), svc.clock.now()
        actor = svc.actor(user_id)
        with svc.db.read() as session:
            mine = commitment_service.list_for_owner(session, user_id)
            by_light: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
            for c in mine:
                lamp = light(c, today, now)
                if lamp != Light.NONE:
                    by_light[lamp.value].append(view_of(c, svc.texts, today, now))
            managed = committees_managed_by(session, actor) if actor.is_admin else []
            secretary_of = list(
                session.scalars(
                    select(Committee)
                    .join(CommitteeMember, CommitteeMember.committee_id == Committee.id)
                    .join(Person, Person.id == CommitteeMember.person_id)
                    .where(Person.slack_user_id == user_id, CommitteeMember.role == MemberRole.SECRETARY)
                )
            )
            owned = {c.committee.id: c.committee for c in mine}
            shown: dict[int, Committee] = {c.id: c for c in secretary_of}
            for cid, committee in owned.items():
                shown.setdefault(cid, committee)
            if actor.is_admin:
                for committee in managed:
                    shown.setdefault(committee.id, committee)
            counts = dict(
                session.execute(
                    select(Commitment.committee_id, func.count())
                    .where(
                        Commitment.committee_id.in_(list(shown)),
                        Commitment.status.in_(commitment_service.OPEN_STATUSES),
                    )
                    .group_by(Commitment.committee_id)
                ).all()
            )
            # A committee's count is not shared in a guest's channels: a guest sees only their own.
            rows = [
                (committee, None if actor.is_guest else int(counts.get(cid, 0)), is_secretary(committee, user_id))
                for cid, committee in sorted(shown.items(), key=lambda kv: kv[1].code)
            ]
            can_register = actor.is_admin or bool(secretary_of)
            failures = outbox_status.failures(session, limit=HOME_FAILURES) if actor.is_admin else []
            failure_total = outbox_status.failed_count(session) if failures else 0
            return home_view(
                svc.texts,
                by_light,
                rows,
                can_register=can_register,
                is_admin=actor.is_admin,
                failures=failures,
                failure_total=failure_total,
                committee_page=committee_page,
                read_at=now,
            )

    def publish_home(self, user_id: str, committee_page: int = 0) -> None:
        """Publish the user's Home tab, its committees at page ``committee_page`` (from 0)."""
        try:
            self.client.views_publish(user_id=user_id, view=self.home_for(user_id, committee_page))
        except SlackApiError as exc:
            log.warning("publishing Home for %s failed: %s", user_id, exc.response.get("error"))
