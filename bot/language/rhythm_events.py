"""Municipal events a rhythm can follow ("i samband med delårsrapporten") and the months they fall in.

The months are conventions of Swedish municipal planning, not facts about one
municipality; `recurrence`'s docstring gives the table.
"""

from __future__ import annotations

from bot.language.atoms.atom import AE, A, L, rx
from bot.language.normalize import MatchText
from bot.language.rhythm_rules import NOT_JULY, QUARTERLY, Rule, monthly, yearly

__all__ = ["EVENTS", "YEAR_AFTER_EVENT", "event_rule"]

_MONTHLY = "monthly"
_QUARTER = "quarterly"
_MEETINGS = "meetings"

# (pattern, months or a frequency marker). Earlier rows win when both match one word.
EVENTS: tuple[tuple[str, str | tuple[int, ...]], ...] = (
    (rf"m{A}nads(?:rapport|uppf[oe]ljning|bokslut|-|\s+och\s)", _MONTHLY),
    (r"kvartals(?:rapport|uppf[oe]ljning|bokslut)", _QUARTER),
    (r"tertial(?:rapport|uppf[oe]ljning|bokslut|-)", (5, 9)),
    (rf"del{A}rs(?:rapport|bokslut|uppf[oe]ljning|-)|del{A}ret", (9,)),
    (rf"verksamhetsber{AE}ttelse|kvalitetsber{AE}ttelse|patients{AE}kerhetsber{AE}ttelse", (2,)),
    (rf"{A}rsredovisning", (3,)),
    (rf"{A}rsbokslut|bokslut", (2,)),
    (r"budget", (11,)),
    (rf"verksamhetsplan|n{AE}mndplan|f[oe]rvaltningsplan|internkontrollplan", (12,)),
    (
        rf"(?:sista\s+(?:[^\W\d_]+\s+){{0,1}}(?:n{AE}mnd|styrelse)?s?(?:m[oe]te|sammantr{AE}de)t?"
        rf"|{A}rets\s+sista\s+(?:n{AE}mnd|styrelse)?s?(?:m[oe]te|sammantr{AE}de)t?)"
        # "sista mötet för året", OCR's "sista métet £6r aret"
        rf"(?:\s+[^\s.,;]{{1,5}}\s+(?:{A}ret|terminen))?",
        (12,),
    ),
    (rf"{A}rshjul", (12,)),
    (rf"(?:n{AE}mnd|styrelse|utskotts?)s?(?:sammantr{AE}de|m[oe]te)(?:t|n|na)?", _MEETINGS),
)
_EVENT_RX = tuple((rx(rf"{L}(?:{pattern})"), value) for pattern, value in EVENTS)
# An event's name followed by a year ("budgetarbetet 2028", "budgeten för 2028") is one occasion,
# not a rhythm (`events.py`).
YEAR_AFTER_EVENT = rx(
    rf"[^\W\d_]*\s+(?:(?:f[oe]r|{A}r|f[oe]r\s+{A}r)\s+)?(?:19|20)\d\d(?:\s*/\s*(?:(?:19|20)\d\d|\d\d))?"
    r"(?![^\W_]|[.,/-]\d)"
)
_SUMMER_NEAR = rx(r"\s*(?:[^\W\d_]+\s+){0,2}?(?:f[oe]re|innan|inf[oe]r)\s+sommar")
_WORD_REST = rx(r"[^\W_]*")
_SENTENCE_END = rx(r"[.;:!?\n]\s|[.;:!?]$|\n\s*\n")


def event_rule(mt: MatchText, start: int, *, near: int) -> tuple[Rule, int] | None:
    """The rhythm of the events named from `start` on (first within `near` chars), and where they end."""
    text = mt.folded
    stop = _SENTENCE_END.search(text, start, min(len(text), start + 90))
    limit = stop.start() if stop else min(len(text), start + 90)
    found: list[tuple[int, int, str | tuple[int, ...]]] = []
    for pattern, value in _EVENT_RX:
        for m in pattern.finditer(text, start, limit):
            # Earlier rows win: "sista nämndsmötet" is the December meeting, not every meeting.
            if not any(m.start() < e and s < m.end() for s, e, _ in found):
                found.append((m.start(), m.end(), value))
    if not found or min(s for s, _, _ in found) > start + near:
        return None
    end = max(e for _, e, _ in found)
    rest = _WORD_REST.match(text, end)
    end = rest.end() if rest else end
    values = [v for _, _, v in found]
    if _MONTHLY in values:
        return monthly(), end
    if _MEETINGS in values:
        return monthly(months=NOT_JULY), end
    if _QUARTER in values:
        return QUARTERLY, end
    months: set[int] = set()
    for s, e, v in found:
        if isinstance(v, tuple):
            if v == (12,) and _SUMMER_NEAR.match(text, e) and text[s:e].startswith(("sista", "aret")):
                months.add(6)
            else:
                months.update(v)
    return yearly(tuple(months)), end
