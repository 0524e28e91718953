"""Weekly digests and the monthly overview as outbox rows: planned every tick, rendered when sent.

Planning asks each committee's schedule whether this week's digest is due
(also when its moment passed while the bot was down: it goes out once,
late); the unique key `digest:<committee>:<iso week>` keeps it to one.
The content is read when the message is sent, so it is as fresh as can be.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.digests.blocks import (
    digest_message,
    overview_chart_groups,
    overview_chart_title,
    overview_message,
    overview_month_name,
)
from bot.digests.content import load_digest
from bot.digests.overview import load_overview
from bot.digests.schedule import Period, due_digest, due_overview
from bot.domain.digest_schedule import DigestSchedule
from bot.outbox.outcome import Fail, Outcome, Send, Skip
from bot.outbox.store import Claimed, Planned, enqueue_unknown
from bot.reports.chart import status_chart_png
from bot.services.context import Services
from bot.slack_format import escape
from storage.db import Database
from storage.models import Committee

log = logging.getLogger(__name__)

DIGEST = "digest"
OVERVIEW = "overview"
# Kommunstyrelsen oversees every committee; its channel gets the monthly overview.
OVERVIEW_COMMITTEE = "KS"


def planned_messages(
    committees: Sequence[tuple[int, str, str | None, str | None, datetime]], now: datetime, tz: ZoneInfo
) -> list[Planned]:
    """The digests and the overview due at `now`, from (id, code, schedule, channel, created) rows.

    A committee without a channel has nowhere to get a digest and is left
    out until one is bound; a committee gets no digest for a week that began
    before it existed.
    """
    planned: list[Planned] = []
    for committee_id, code, stored, channel, created_at in committees:
        if not channel:
            continue
        slot = due_digest(DigestSchedule.stored(stored), now, tz)
        if slot is not None and slot.send_at >= created_at:
            payload = {"week": slot.week, "start": slot.period.start.isoformat(), "end": slot.period.end.isoformat()}
            planned.append(
                Planned(
                    key=slot.key(committee_id),
                    kind=DIGEST,
                    due_at=slot.send_at,
                    committee_id=committee_id,
                    payload=payload,
                )
            )
        if code == OVERVIEW_COMMITTEE:
            overview = due_overview(now, tz)
            if overview is not None and overview.send_at >= created_at:
                planned.append(
                    Planned(
                        key=overview.key,
                        kind=OVERVIEW,
                        due_at=overview.send_at,
                        committee_id=committee_id,
                        payload={"month": overview.month},
                    )
                )
    return planned


def plan_digests(db: Database, now: datetime, tz: ZoneInfo) -> int:
    """Put the digests and the overview that are due into the outbox; return how many were new.

    Read first: most ticks of a week find every key already there, and need
    no write (on SQLite, no write lock every minute).
    """
    columns = (Committee.id, Committee.code, Committee.digest_schedule, Committee.channel_id, Committee.created_at)
    return enqueue_unknown(db, lambda session: planned_messages(list(session.execute(select(*columns))), now, tz), now)


def _destination(session: Session, row: Claimed) -> tuple[Committee, str] | Skip | Fail:
    """The committee a digest or overview row is for and its channel, or why it cannot go there."""
    committee = session.get(Committee, row.committee_id) if row.committee_id else None
    if committee is None:
        return Skip("committee_gone")
    if not committee.channel_id:
        return Fail("no_channel")
    return committee, committee.channel_id


class DigestRenderer:
    """Renders digest and overview rows; `team_url` gives the workspace URL for message links."""

    def __init__(self, services: Services, team_url: Callable[[], str | None]) -> None:
        self.services = services
        self.team_url = team_url

    def digest(self, row: Claimed) -> Outcome:
        svc = self.services
        with svc.db.read() as session:
            found = _destination(session, row)
            if isinstance(found, Skip | Fail):
                return found
            committee, channel = found
            period = None
            if row.payload.get("start") and row.payload.get("end"):
                period = Period(
                    datetime.fromisoformat(str(row.payload["start"])), datetime.fromisoformat(str(row.payload["end"]))
                )
            digest = load_digest(session, committee, svc.clock.now(), period, tz=svc.clock.tz)
            message = digest_message(svc.texts, digest, team_url=self.team_url())
            # A digest with every section full is more than one message holds: the sender
            # posts the rest in its thread, each part with this fallback text.
            continued = svc.texts.get("digest_continued", week=digest.today.isocalendar().week, code=digest.code)
            return Send(
                channel=channel,
                text=message.text,
                blocks=message.blocks,
                continuation_text=escape(continued),
                thread_note=svc.texts.get("continued_in_thread"),
            )

    def overview(self, row: Claimed) -> Outcome:
        svc = self.services
        with svc.db.read() as session:
            found = _destination(session, row)
            if isinstance(found, Skip | Fail):
                return found
            _committee, channel = found
            overview = load_overview(session, svc.clock.now(), tz=svc.clock.tz)
            message = overview_message(svc.texts, overview)
            title = overview_chart_title(svc.texts, overview)
            chart = status_chart_png(overview_chart_groups(overview), title)
            name = f"oversikt-{row.payload.get('month', 'manad')}.png"
            continued = escape(svc.texts.get("overview_continued", month=overview_month_name(overview)))
            return Send(
                channel=channel,
                text=message.text,
                blocks=message.blocks,
                upload=(name, chart, title),
                continuation_text=continued,
                thread_note=svc.texts.get("continued_in_thread"),
            )
