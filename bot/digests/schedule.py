"""When a committee's weekly digest and Kommunstyrelsen's monthly overview go out.

Pure date arithmetic: no database, no Slack. The sender writes each due slot
to the outbox under `DigestSlot.key` / `OverviewSlot.key`, so finding the same
slot again (every timer tick, every replica) inserts nothing new. The
schedule itself (`DigestSchedule`: reading it, its stored form) is a domain
type, in `bot.domain.digest_schedule`.

Rules, as a committee secretary would set them:

- A digest goes out once per ISO week, on a weekday (Monday to Friday) at a
  time of the committee's choosing; "mon 08:00" unless set. Weekends are
  refused when the schedule is set: the channel is read at work, and a digest
  posted on a Saturday is read on Monday anyway, under newer messages.
- When that weekday is not a working day (annandag påsk, juldagen,
  midsommarafton …), the digest goes out at the same time on the next working
  day of the same week: it still reaches people at work, and the week's
  digest stays in its week. When no working day is left in the week (a Friday
  on långfredag, a Thursday before annandag jul), it goes out on the last
  working day before it instead: a day early is better than landing in the
  next week beside that week's own digest.
- Catching up: a process that was down when the digest was due and starts
  later in the same week still finds the week's digest due, and sends it once,
  late. A week that has ended is not caught up on: by then the next week's
  digest is about to say the same, more up to date.
- The monthly overview goes out at 08:00 on the first working day of each
  month and is caught up on in the same way within its month.
- Times are local (the clock's zone, from ATAGANDE_TIMEZONE) and converted to UTC per day,
  so a daylight-saving week neither skips nor doubles a digest: each week has
  exactly one slot. Daylight saving changes on a Sunday night, never on a
  weekday, so a weekday send time always exists exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from bot.clock import DEFAULT_TIMEZONE
from bot.domain.digest_schedule import DigestSchedule
from bot.language.workdays import is_working_day, next_working_day_on_or_after

__all__ = [
    "OVERVIEW_TIME",
    "DigestSlot",
    "OverviewSlot",
    "Period",
    "digest_slot",
    "due_digest",
    "due_overview",
    "iso_week_key",
    "next_digest",
    "next_overview",
    "overview_slot",
]

OVERVIEW_TIME: Final = time(8, 0)


# --------------------------------------------------------------------------- #
# Slots
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class Period:
    """A stretch of time, ``start`` included and ``end`` not, both aware UTC."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.utcoffset() is None or self.end.utcoffset() is None:
            raise ValueError("a period needs timezone-aware ends")
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")

    def __contains__(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True)
class DigestSlot:
    """One week's digest: its ISO week ("2026-W49") and when it goes out (UTC).

    ``period`` runs from the previous week's send moment to this one: the
    "done this week" and "new deadline" events the digest reports. Consecutive
    weeks' periods meet exactly, so an event is reported once even when a
    digest moved to another day or went out late.
    """

    week: str
    send_at: datetime
    period: Period

    def key(self, committee_id: int) -> str:
        """The outbox key: ``digest:<committee id>:<iso week>``."""
        return f"digest:{committee_id}:{self.week}"


@dataclass(frozen=True)
class OverviewSlot:
    """One month's overview for Kommunstyrelsen: the month ("2026-12") and when it goes out (UTC)."""

    month: str
    send_at: datetime

    @property
    def key(self) -> str:
        """The outbox key: ``overview:<yyyy-mm>``."""
        return f"overview:{self.month}"


def iso_week_key(day: date) -> str:
    """The ISO week containing ``day``: "2026-W49"; 1 January 2027 is in "2026-W53"."""
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _aware(now_utc: datetime) -> datetime:
    if now_utc.utcoffset() is None:
        raise ValueError("now_utc must be timezone-aware")
    return now_utc.astimezone(UTC)


def _send_day(schedule: DigestSchedule, monday: date) -> date:
    planned = monday + timedelta(days=schedule.weekday)
    later = [planned + timedelta(days=n) for n in range(7 - schedule.weekday)]
    for day in later:
        if is_working_day(day):
            return day
    for n in range(1, schedule.weekday + 1):
        day = planned - timedelta(days=n)
        if is_working_day(day):
            return day
    # A week without one working day does not occur in Sweden; should a
    # calendar ever say so, the digest still goes out rather than not at all.
    return planned


def _week_send_at(schedule: DigestSchedule, monday: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(_send_day(schedule, monday), schedule.at, tzinfo=tz).astimezone(UTC)


def digest_slot(schedule: DigestSchedule, day: date, tz: ZoneInfo = DEFAULT_TIMEZONE) -> DigestSlot:
    """The digest of the ISO week containing the local date ``day``."""
    monday = day - timedelta(days=day.weekday())
    send_at = _week_send_at(schedule, monday, tz)
    previous = _week_send_at(schedule, monday - timedelta(days=7), tz)
    return DigestSlot(iso_week_key(monday), send_at, Period(previous, send_at))


def due_digest(schedule: DigestSchedule, now_utc: datetime, tz: ZoneInfo = DEFAULT_TIMEZONE) -> DigestSlot | None:
    """This week's digest if its time has come (also when it came while the bot was down), else None.

    "This week" is the ISO week of ``now_utc`` in ``tz``. The caller sends the
    slot once, through the outbox key; calling this again the same week
    returns the same slot.
    """
    now = _aware(now_utc)
    slot = digest_slot(schedule, now.astimezone(tz).date(), tz)
    return slot if slot.send_at <= now else None


def next_digest(schedule: DigestSchedule, now_utc: datetime, tz: ZoneInfo = DEFAULT_TIMEZONE) -> DigestSlot:
    """The first digest that goes out after ``now_utc``: this week's, or next week's when this week's has gone."""
    now = _aware(now_utc)
    today = now.astimezone(tz).date()
    slot = digest_slot(schedule, today, tz)
    return slot if slot.send_at > now else digest_slot(schedule, today + timedelta(days=7), tz)


def overview_slot(day: date, tz: ZoneInfo = DEFAULT_TIMEZONE) -> OverviewSlot:
    """The overview of the month containing the local date ``day``."""
    first_working = next_working_day_on_or_after(day.replace(day=1))
    send_at = datetime.combine(first_working, OVERVIEW_TIME, tzinfo=tz).astimezone(UTC)
    return OverviewSlot(f"{day.year:04d}-{day.month:02d}", send_at)


def due_overview(now_utc: datetime, tz: ZoneInfo = DEFAULT_TIMEZONE) -> OverviewSlot | None:
    """This month's overview if its time has come (also when it came while the bot was down), else None."""
    now = _aware(now_utc)
    slot = overview_slot(now.astimezone(tz).date(), tz)
    return slot if slot.send_at <= now else None


def next_overview(now_utc: datetime, tz: ZoneInfo = DEFAULT_TIMEZONE) -> OverviewSlot:
    """The first overview that goes out after ``now_utc``."""
    now = _aware(now_utc)
    today = now.astimezone(tz).date()
    slot = overview_slot(today, tz)
    if slot.send_at > now:
        return slot
    next_month = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    return overview_slot(next_month, tz)
