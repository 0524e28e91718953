"""A meeting as a calendar file or a form gives it, before it is in the plan (`services/meeting_plan.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["MeetingInput"]


@dataclass(frozen=True)
class MeetingInput:
    """A meeting's day, and what the calendar says of it: its time, title and UID."""

    day: date
    starts: str | None = None
    title: str = ""
    uid: str | None = None
