"""Shared by the delivery tests: a workspace of many owners and committees, seeded
commitments whose reminders are due, digest rows, and senders built as a process builds them.

The clock of a worker is real time shifted to a fixed Friday morning (`OffsetClock`), so
claims expire in real seconds while the reminders keep the dates the seeding chose; the
stand-in is given the same clock, so message timestamps and the sender's look-ups agree.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select

from bot.app.scheduled import renderers as scheduled_renderers
from bot.app.wiring import BOT_SCOPES
from bot.clock import Clock
from bot.config import Settings
from bot.language.normalize import fold
from bot.outbox.sender import Sender, plain_client
from bot.outbox.store import Claimed, Planned, enqueue
from bot.reminders.planning import plan_reminders
from bot.services.context import Services
from bot.slack.channels import SlackChannelAccess
from bot.slack.users import SlackUserDirectory
from bot.standin import SlackStandIn
from bot.texts import Texts
from storage.db import Database
from storage.models import Commitment, CommitmentStatus, Committee, OutboxMessage, OutboxState, Person

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Friday (no holiday near it); every seeded commitment has exactly one reminder at its 08:30.
FRIDAY = datetime(2027, 4, 16, 8, 30, tzinfo=STOCKHOLM)
# 14 days before, 3 days before (Monday, moved to the Friday), on the day, 7 days overdue.
DEADLINES = (date(2027, 4, 30), date(2027, 4, 19), date(2027, 4, 16), date(2027, 4, 9))
ISO_WEEK = "2027-W15"


class OffsetClock:
    """Real time, shifted by `offset`: time passes, the date stays the one a test chose."""

    def __init__(self, tz: ZoneInfo, offset: timedelta) -> None:
        self._tz = tz
        self.offset = offset

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    def now(self) -> datetime:
        return datetime.now(self._tz) + self.offset

    def today(self) -> date:
        return self.now().date()

    def timestamp(self) -> float:
        """For the stand-in's clock (Unix seconds)."""
        return time.time() + self.offset.total_seconds()


@dataclass(frozen=True)
class Fleet:
    """Stand-in user ids (owners) and channel ids (one per committee), in seeding order."""

    owners: list[str]
    channels: list[str]


def populate(slack: SlackStandIn, *, owners: int, committees: int) -> Fleet:
    users = [slack.add_user(f"owner{i}", real_name=f"Ägare {i}").id for i in range(owners)]
    channels = [slack.add_channel(f"k{i}", members=users[:3]).id for i in range(committees)]
    return Fleet(owners=users, channels=channels)


def new_standin(clock: Callable[[], float]) -> SlackStandIn:
    """A stand-in checking every call as Slack would, on `clock` (Unix seconds)."""
    return SlackStandIn(scopes=BOT_SCOPES, now=clock, trigger_ttl=None)


def seed(db: Database, fleet: Fleet, *, commitments: int, digests: int, now: datetime = FRIDAY) -> int:
    """People, committees and `commitments` reminders due at `now`, plus `digests` digest rows.

    Returns how many outbox rows are pending (every one of them must reach Slack once).
    """
    created = now - timedelta(days=60)
    with db.write() as s:
        s.execute(
            insert(Person),
            [
                {"slack_user_id": uid, "display_name": f"Ägare {i}", "deleted": False, "created_at": created}
                for i, uid in enumerate(fleet.owners)
            ],
        )
        s.execute(
            insert(Committee),
            [
                {
                    "code": f"K{i}",
                    "name": f"Nämnd {i}",
                    "channel_id": channel,
                    "channel_name": f"k{i}",
                    "digest_schedule": "mon 08:00",
                    "reminder_policy": {},
                    "next_number": 1,
                    "created_at": created,
                }
                for i, channel in enumerate(fleet.channels)
            ],
        )
    committees = len(fleet.channels)
    rows = []
    for n in range(commitments):
        deadline = DEADLINES[n % len(DEADLINES)]
        rows.append(
            {
                "committee_id": n % committees + 1,
                "number": n // committees + 1,
                "text": f"Åtgärd nummer {n}",
                "owner_id": n % len(fleet.owners) + 1,
                "owner_role": "enhetschef",
                "deadline": deadline,
                "deadline_phrase": deadline.isoformat(),
                "original_deadline": deadline,
                "original_deadline_phrase": deadline.isoformat(),
                "status": CommitmentStatus.NOT_STARTED,
                "search_text": fold(f"Åtgärd nummer {n}"),
                "created_at": created,
                "updated_at": created,
            }
        )
    with db.write() as s:
        for start in range(0, len(rows), 1000):
            s.execute(insert(Commitment), rows[start : start + 1000])
    plan_reminders(db, now, STOCKHOLM)
    with db.write() as s:
        enqueue(
            s,
            [
                Planned(
                    key=f"digest:K{i % committees}:{ISO_WEEK}:{i}",
                    kind="digest",
                    due_at=now,
                    committee_id=i % committees + 1,
                )
                for i in range(digests)
            ],
            now,
        )
    return pending(db)


def pending(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).where(OutboxMessage.state == OutboxState.PENDING)) or 0)


def build_sender(
    db: Database,
    api_url: str,
    token: str,
    *,
    worker: str,
    clock: Clock,
    lease: timedelta,
    on_sent: Callable[[Claimed, str, str], None] | None = None,
) -> Sender:
    """A sender as a process builds it, with the bot's own renderers (reminders, escalations, digests)."""
    client = plain_client(token, api_url)
    settings = Settings(database_url="", timezone=clock.tz, slack_api_url=api_url, bot_token=token)
    services = Services(
        settings=settings,
        db=db,
        clock=clock,
        texts=Texts(),
        users=SlackUserDirectory(client),
        channels=SlackChannelAccess(client),
    )
    renderers = scheduled_renderers(services, lambda: None)
    return Sender(db, client, clock, renderers, worker=worker, lease=lease, on_sent=on_sent)


def _keys(event_payload: dict[str, Any]) -> list[str]:
    """A message's own outbox key, and those of the reminders it lists (one owner's morning, combined)."""
    return [str(event_payload["key"]), *(str(k) for k in event_payload.get("keys") or [])]


def keys_in_slack(slack: SlackStandIn) -> Counter[str]:
    """How often each outbox key reached the stand-in, over every conversation (by message metadata)."""
    seen: Counter[str] = Counter()
    workspace = slack.workspace
    with workspace.lock:
        for channel in workspace.channels.values():
            for message in channel.messages:
                metadata = message.metadata or {}
                if message.user == workspace.bot_user.id and metadata.get("event_type") == "atagande_outbox":
                    for key in _keys(metadata["event_payload"]):
                        seen[key] += 1
    return seen


def outbox_rows(db: Database) -> dict[str, tuple[OutboxState, str | None, str | None]]:
    """key -> (state, channel, ts)."""
    with db.read() as s:
        return {r.key: (r.state, r.channel, r.ts) for r in s.scalars(select(OutboxMessage))}


def ts_in_slack(slack: SlackStandIn) -> dict[str, tuple[str, str]]:
    """key -> (channel id, ts) of the bot's message carrying it."""
    found: dict[str, tuple[str, str]] = {}
    workspace = slack.workspace
    with workspace.lock:
        for channel in workspace.channels.values():
            for message in channel.messages:
                metadata = message.metadata or {}
                if metadata.get("event_type") == "atagande_outbox":
                    for key in _keys(metadata["event_payload"]):
                        found[key] = (channel.id, message.ts)
    return found


def run_until_done(sender: Sender, db: Database, *, timeout: float, pause: float = 0.2) -> bool:
    """Send until nothing is pending (True) or `timeout` real seconds passed (False)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        sender.run_once()
        if pending(db) == 0:
            return True
        time.sleep(pause)
    return False
