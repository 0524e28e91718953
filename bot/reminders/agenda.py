"""When a meeting's agenda closes (ärendeberedning), and which commitments are due at a meeting.

A report due at a committee meeting must be written before the meeting's agenda closes, a number
of working days before the meeting (`Committee.agenda_days`); reminders count back from that day,
not from the meeting. Pure date arithmetic, shared by the planner and the messages.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from bot.language.workdays import working_days_before

__all__ = ["agenda_closes", "agenda_reach"]


@lru_cache(maxsize=16384)
def agenda_closes(meeting: date, working_days: int) -> date:
    """The day `working_days` working days before `meeting` (holidays not counted); 0 is the meeting day.

    Cached: the planner asks it for every tied commitment at every tick, and meetings are few."""
    return working_days_before(meeting, working_days)


def agenda_reach(working_days: int) -> timedelta:
    """Calendar days that surely hold `working_days` working days, for looking ahead in a query."""
    # Five working days a week, and no Swedish run of holidays is longer than a fortnight.
    return timedelta(days=working_days * 7 // 5 + 14)
