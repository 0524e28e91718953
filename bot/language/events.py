"""An occasion of a committee's own year, in a named year: "inför budgetarbetet 2028".

Without a year, "i samband med budgetarbetet" is a rhythm (`recurrence.py`
maps the municipal events to the months they conventionally fall in). With a
year it names one occasion, and the conventional month is not good enough for
a single deadline: the budget work for 2028 runs in 2027, from planning
directives in the spring to the committee's budget in the autumn, at dates
each municipality sets. The grammar reports such a phrase as a `Deadline` of
kind "event" with no dates, so that the person who typed it is asked for the
date rather than given a guess: only the committee's own year plan could date it.
"""

from __future__ import annotations

import re

from bot.language.deadline import Deadline
from bot.language.normalize import MatchText
from bot.language.rhythm_events import EVENTS, YEAR_AFTER_EVENT

__all__ = ["find_events"]

_L = r"\b(?<![^\W_])"
_A = r"[ad]"
_EVENT = "|".join(f"(?:{pattern})" for pattern, _ in EVENTS)
_EVENT_IN_YEAR = re.compile(
    rf"{_L}(?:senast\s+)?(?:[i1l]\s+samband\s+med|[i1l]\s+anslutning\s+till|inf[oe]r|vid|till|f[oe]re|innan)\s+"
    rf"(?:m{_A}l\s+och\s+)?(?:{_EVENT}){YEAR_AFTER_EVENT.pattern}"
)


def find_events(mt: MatchText) -> list[Deadline]:
    """Every "inför/i samband med/vid/till <event> <year>" in the folded text."""
    text = mt.folded
    found: list[Deadline] = []
    for m in _EVENT_IN_YEAR.finditer(text):
        start, end = m.span()
        found.append(
            Deadline(
                dates=(),
                phrase=mt.original[start:end],
                span=(start, end),
                recurrence=None,
                confidence=0.7,
                kind="event",
            )
        )
    return found
