"""When reminders about commitments go out.

Pure date arithmetic: no database, no Slack. The caller turns each
`PlannedReminder` into an outbox row keyed by `PlannedReminder.key`, so that
planning the same occurrence again (every timer tick, every replica) inserts
nothing new.

Rules:

- A committee's `ReminderPolicy` says how many days before the deadline the
  owner is reminded, whether also on the day, how often while overdue, and when
  the secretaries are told (escalation). The caller checks whether the owner
  has posted a status update before it sends an escalation.
- Everything goes out at 08:30 local time (the clock's zone, from
  ATAGANDE_TIMEZONE) on a working day. A reminder
  whose day is not a working day goes out on the working day before it: a
  reminder moved earlier still helps, one moved later may come too late.
- Reminders after the deadline (overdue, escalation) are moved back the same
  way, but never onto or before the deadline itself (an "overdue" message
  before the deadline has passed would be wrong); they go out on the first
  working day after the deadline instead.
- The owner never gets two reminders on the same day: when two land on one
  day, the one with the later offset (the more urgent message) is kept.
  Escalations go to the secretaries and are not merged with the owner's.
- A recurring commitment has occurrences (RFC 5545 RRULE with DTSTART = the
  first deadline); each occurrence has its own reminders and keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Final, Literal
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from bot.clock import DEFAULT_TIMEZONE
from bot.domain.reminder_policy import ReminderPolicy
from bot.language.workdays import last_working_day_on_or_before, next_working_day_on_or_after

__all__ = [
    "SEND_TIME",
    "PlannedReminder",
    "ReminderKind",
    "due",
    "first_occurrence",
    "occurrences",
    "planned_reminders",
    "send_time_on",
]

# Early enough to plan the day around, late enough not to be the first thing
# read on a phone at breakfast.
SEND_TIME: Final = time(8, 30)

ReminderKind = Literal["before", "on_day", "overdue", "escalation"]

# A reminder planned just past `until` can move back onto it; no stretch of
# Swedish non-working days is anywhere near this long.
_SHIFT_MARGIN = timedelta(days=14)
# A deadline rhythm finer than a day would make `occurrences` walk every hour
# or second of its window.
_SUB_DAILY = re.compile(r"FREQ\s*=\s*(HOURLY|MINUTELY|SECONDLY)", re.IGNORECASE)


# --------------------------------------------------------------------------- #
# Occurrences
# --------------------------------------------------------------------------- #


_FREQ = re.compile(r"FREQ\s*=\s*(YEARLY|MONTHLY|WEEKLY|DAILY)", re.IGNORECASE)
_INTERVAL = re.compile(r"INTERVAL\s*=\s*(\d+)", re.IGNORECASE)
_BOUNDED = re.compile(r"\b(COUNT|UNTIL)\s*=", re.IGNORECASE)


def _anchor(dtstart: date, rule: str, target: date) -> date:
    """A start for the rule at or before `target` that produces the same dates after it.

    dateutil walks a rule from its start; a monthly rhythm begun ten years ago
    would be walked month by month at every tick. Moving the start forward by
    whole periods of the rule (years for yearly and monthly rules, weeks or
    days for the others) keeps every later date the same, and lets rows that
    differ by whole periods share one worked-out list. A rule with COUNT or
    UNTIL, or a start on 29 February, is left where it is.
    """
    freq, interval = _FREQ.search(rule), _INTERVAL.search(rule)
    if dtstart >= target or freq is None or _BOUNDED.search(rule) or (dtstart.month, dtstart.day) == (2, 29):
        return dtstart
    step = int(interval.group(1)) if interval else 1
    kind = freq.group(1).upper()
    if kind in ("YEARLY", "MONTHLY"):
        # 12 × INTERVAL months is a whole number of the rule's periods, and a whole number of years.
        years = (target.year - dtstart.year) // step * step
        shifted = dtstart.replace(year=dtstart.year + years)
        return shifted if shifted <= target else dtstart.replace(year=dtstart.year + years - step)
    days = step * (7 if kind == "WEEKLY" else 1)
    return dtstart + timedelta(days=(target - dtstart).days // days * days)


@lru_cache(maxsize=65536)
def _rule_dates(rule: str, anchor: date, start: date, end: date) -> tuple[date, ...]:
    # The dates the rule itself produces (dateutil does not add the start on its own).
    window = rrulestr(rule, dtstart=datetime.combine(anchor, time())).between(
        datetime.combine(start, time()), datetime.combine(end, time()), inc=True
    )
    return tuple(moment.date() for moment in window)


@lru_cache(maxsize=65536)
def first_occurrence(rrule: str, registered: date) -> date | None:
    """A rhythm's first deadline when it has none of its own: the rule's first date after `registered`.

    The day of registration is no deadline of "varje månad", though RFC 5545
    would count it as DTSTART; not even when it is a date of the rule ("varje
    månad" registered on 31 March), since the owner could not be reminded before
    it and would hear of it only as overdue. None when the rule is spent (UNTIL,
    COUNT); ValueError as for `occurrences`. The planner and the calendar export
    share it.
    """
    rule_text = rrule.strip().removeprefix("RRULE:")
    if _SUB_DAILY.search(rule_text):
        raise ValueError(f"a deadline rhythm cannot repeat more than daily: {rule_text!r}")
    start = datetime.combine(registered, time())
    try:
        found = rrulestr(rule_text, dtstart=start).after(start, inc=False)
    except TypeError as exc:  # dateutil says some malformed rules this way
        raise ValueError(str(exc)) from exc
    return found.date() if found is not None else None


def occurrences(first_deadline: date, rrule: str | None, start: date, end: date) -> list[date]:
    """The deadlines of a commitment from `start` to `end` (both included), in order.

    Without a rule the commitment has one occurrence, its deadline. With one,
    the first deadline is DTSTART and, as RFC 5545 has it, always the first
    occurrence even where the rule would not produce it. Raises ValueError for
    a rule dateutil cannot read or one finer than a day.
    """
    if end < start:
        return []
    found = {first_deadline} if start <= first_deadline <= end else set()
    rule_text = (rrule or "").strip()
    if rule_text:
        if _SUB_DAILY.search(rule_text):
            raise ValueError(f"a deadline rhythm cannot repeat more than daily: {rule_text!r}")
        walked = _rule_dates(rule_text, _anchor(first_deadline, rule_text, start), start, end)
        found.update(d for d in walked if d >= first_deadline)
    return sorted(found)


# --------------------------------------------------------------------------- #
# Planned reminders
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class PlannedReminder:
    """One message to send: what kind, how many days from the deadline, and when.

    `offset_days` is negative before the deadline, 0 on it, positive after;
    it is the planned offset, before any move to a working day.
    """

    kind: ReminderKind
    offset_days: int
    send_at: datetime
    occurrence: date
    deadline: date

    def key(self, commitment_id: int) -> str:
        """The outbox key; the same reminder planned twice gets the same key."""
        if self.kind == "escalation":
            return f"escalate:{commitment_id}:{self.occurrence.isoformat()}"
        return f"remind:{commitment_id}:{self.occurrence.isoformat()}:{self.offset_days}"


@dataclass(frozen=True)
class _Slot:
    kind: ReminderKind
    offset_days: int
    day: date


def send_time_on(day: date, tz: ZoneInfo = DEFAULT_TIMEZONE) -> datetime:
    """08:30 local time on `day`, as an aware UTC datetime.

    08:30 is never inside a daylight-saving gap or fold, so it exists exactly
    once on every day.
    """
    return datetime.combine(day, SEND_TIME, tzinfo=tz).astimezone(UTC)


def _day_after_deadline(deadline: date, offset_days: int) -> date:
    """The send day for a reminder `offset_days` (> 0) after the deadline."""
    day = last_working_day_on_or_before(deadline + timedelta(days=offset_days))
    if day <= deadline:
        day = next_working_day_on_or_after(deadline + timedelta(days=1))
    return day


def _overdue_slots(deadline: date, every_days: int, until: date, since: date | None) -> list[_Slot]:
    if every_days == 0:
        return []
    count = (until + _SHIFT_MARGIN - deadline).days // every_days
    first = 1
    if since is not None:
        # A commitment years overdue need not have its every weekly slot worked out again.
        first = max(1, (since - _SHIFT_MARGIN - deadline).days // every_days)
    return [
        _Slot("overdue", step * every_days, _day_after_deadline(deadline, step * every_days))
        for step in range(first, count + 1)
    ]


def _owner_slots(
    deadline: date, policy: ReminderPolicy, until: date, since: date | None, closes: date | None = None
) -> list[_Slot]:
    # Due at a meeting: the report must be in when the agenda closes, so the reminders before count from then.
    ahead = closes or deadline
    slots = [
        _Slot("before", -days, last_working_day_on_or_before(ahead - timedelta(days=days)))
        for days in policy.before_days
    ]
    if policy.on_the_day:
        slots.append(_Slot("on_day", 0, last_working_day_on_or_before(ahead)))
    slots.extend(_overdue_slots(deadline, policy.overdue_every_days, until, since))
    return slots


def _one_per_day(slots: Iterable[_Slot]) -> list[_Slot]:
    """Never nag twice on one day: the later offset, the more urgent message, wins."""
    kept: dict[date, _Slot] = {}
    for slot in slots:
        other = kept.get(slot.day)
        if other is None or slot.offset_days > other.offset_days:
            kept[slot.day] = slot
    return list(kept.values())


def planned_reminders(
    deadline: date,
    policy: ReminderPolicy,
    *,
    occurrence: date,
    until: date,
    not_before: datetime | None = None,
    since: date | None = None,
    tz: ZoneInfo = DEFAULT_TIMEZONE,
    closes: date | None = None,
) -> list[PlannedReminder]:
    """Every reminder for one occurrence that goes out on or before `until`, in sending order.

    `occurrence` names the occurrence in the outbox keys; it is usually the
    deadline itself. A caller that wants a moved deadline to start the
    reminders afresh passes the new deadline as the occurrence too.

    Reminders due before `not_before` (when the commitment was created) are
    dropped: a new commitment does not start with a pile of old reminders.
    Catching up on reminders missed while the bot was down is the caller's
    business (`due`). `since`, when given, lets the overdue rhythm start near
    that day instead of at the deadline; reminders before it may be left out.
    `closes`, for a commitment due at a meeting, is the day the meeting's agenda
    closes: the reminders before and on the day count from it, the overdue ones
    and the escalation still from the meeting (the deadline).
    """
    if not_before is not None and not_before.utcoffset() is None:
        raise ValueError("not_before must be timezone-aware")
    slots = _one_per_day(_owner_slots(deadline, policy, until, since, closes))
    if policy.escalate_after_days:
        days = policy.escalate_after_days
        # "N days without an answer" is a promise to the owner: on a day off it waits for the next working
        # day, where the owner's reminders go out on the working day before.
        slots.append(_Slot("escalation", days, next_working_day_on_or_after(deadline + timedelta(days=days))))
    planned = [
        PlannedReminder(slot.kind, slot.offset_days, send_time_on(slot.day, tz), occurrence, deadline)
        for slot in slots
        if slot.day <= until
    ]
    if not_before is not None:
        planned = [reminder for reminder in planned if reminder.send_at >= not_before]
    # On a shared day the owner's reminder is listed before the escalation about it.
    return sorted(planned, key=lambda r: (r.send_at, r.kind == "escalation", r.offset_days))


def due(planned: Iterable[PlannedReminder], now_utc: datetime) -> list[PlannedReminder]:
    """The reminders whose time has come (send_at <= now), in the given order."""
    if now_utc.utcoffset() is None:
        raise ValueError("now_utc must be timezone-aware")
    return [reminder for reminder in planned if reminder.send_at <= now_utc]
