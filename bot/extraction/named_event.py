"""A list's lead-in that names an event dated earlier on the page: "Under höstens Tillsynsvecka fokuseras på
följande tillsynsområden:" after "Länsstyrelsen tar en extra koll på den 30 september–4 oktober. Då genomförs en
andra Tillsynsvecka …". The items are done in that week, so they take its time.

Only a lead-in without a time of its own, pointing at the event ("höstens", "årets", "denna" before its name),
and only an event named by a long word the earlier promise shares (a compound such as "tillsynsvecka", not
"arbetet"), with one time there, gives its items that time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.language.deadline import Deadline

__all__ = ["event_dated_before"]

# "höstens Tillsynsvecka", "årets inventeringsvecka", "denna kampanjvecka" (folded text)
_POINTED = re.compile(
    r"\b(?:hostens|varens|sommarens|vinterns|arets|veckans|manadens|denna|detta|den\s+planerade|den\s+kommande)"
    r"\s+(?P<name>[a-z]{10,})\b"
)
_STEM = 10  # "tillsynsvecka" and "tillsynsveckan" are one name; "tillsynsområden" is another


def event_dated_before(lead_folded: str, earlier: Iterable[tuple[str, list[Deadline]]]) -> list[Deadline]:
    """The time of the event the lead-in points at, from the latest earlier promise naming it (its folded text
    and its time phrases, nearest first), or [] when the lead-in points at none or that promise has no one time."""
    pointed = {m["name"][:_STEM] for m in _POINTED.finditer(lead_folded)}
    if not pointed:
        return []
    for folded, found in earlier:
        names = {w[:_STEM] for w in re.findall(r"[a-z]{10,}", folded)}
        if pointed & names:
            timed = [d for d in found if d.dates or d.kind == "range"]
            return timed if len(timed) == 1 else []
    return []
