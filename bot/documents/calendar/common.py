"""What both calendar readers share: their limits, their error, and how a meeting's time is written.

A meeting plan is small (a committee meets some 8 to 12 times a year), so the limits are far below
what a real export needs and far above it too: an Outlook export of a whole year's plan with its
time-zone block is a few tens of kB. A file beyond them is refused before it is read any further.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from bot.domain.errors import UserError

__all__ = ["DEFAULT_CALENDAR_LIMITS", "CalendarError", "CalendarLimits", "clock_text"]


@dataclass(frozen=True)
class CalendarLimits:
    bytes: int = 2 * 1024 * 1024
    """The file: a year's plan exported from Outlook is some 20 kB; a shared mailbox's whole calendar is not a plan."""
    lines: int = 50_000
    """Lines after unfolding (or CSV rows)."""
    line_chars: int = 20_000
    """One unfolded line: a long DESCRIPTION is a few kB; a line of megabytes is an attack on the parser."""
    events: int = 2_000
    """VEVENT blocks, overrides of a series included."""
    meetings: int = 600
    """Meetings after every series is expanded: 11 a year for several years, with room to spare."""
    series_years: int = 3
    """How far a recurring series without an end is expanded from its first meeting."""


DEFAULT_CALENDAR_LIMITS = CalendarLimits()


class CalendarError(UserError):
    """A calendar file that cannot be read as a meeting plan: a key of templates/strings_calendar.j2."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, field="file", **params)


def clock_text(moment: time) -> str:
    """A meeting's start as Swedish texts write it: "13.00"."""
    return f"{moment.hour:02d}.{moment.minute:02d}"
