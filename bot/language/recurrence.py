"""Swedish rhythms ("årligen", "två gånger per läsår") as RFC 5545 RRULEs.

The rules are anchored where the text gives no day, following the deadline
convention that a period resolves to its last day: "årligen" is every 31
December, "varje månad" the last day of every month, "varje vecka" every
Friday, "terminsvis" 30 June and 31 December. Every rule parses with
`dateutil.rrule.rrulestr(rule, dtstart=...)`; no rule carries a DTSTART.

Rhythms counted per school unit are spread over the months of the terms
(spring term January-June, autumn term August-December):

| phrase | rule |
|---|---|
| en gång per termin, terminsvis, två gånger per läsår | BYMONTH=6,12 (the end of each term) |
| två gånger per termin | BYMONTH=3,6,10,12 |
| fyra gånger per termin | BYMONTH=2,3,5,6,8,10,11,12 |
| en gång per läsår | BYMONTH=6 |
| sex or more times per term | every n weeks, not in July |

"i samband med X" maps a known municipal event to the month it falls in
(`EVENTS`); the months are conventions of Swedish municipal planning, not facts
about one municipality:

| event | months |
|---|---|
| månadsrapport, månadsuppföljning, "månads- och delårsrapportering" | every month |
| kvartalsrapport | March, June, September, December |
| tertialrapport | May, September (tertial 1 and 2; tertial 3 is the annual report) |
| delårsrapport, delårsbokslut | September (the report as of 31 August is adopted then) |
| verksamhetsberättelse, bokslut, kvalitets-/patientsäkerhetsberättelse | February |
| årsredovisning | March |
| budget, mål och budget | November |
| verksamhetsplan, nämndplan, förvaltningsplan, internkontrollplan | December |
| sista mötet (för året) / årets sista sammanträde | December ("före sommaren": June) |
| årshjul | December |
| varje nämndsammanträde | every month except July |

"Löpande", "kontinuerligt" and "regelbundet" are not rhythms: they give None.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from bot.language.atoms import Atom, list_gap, scan_atoms
from bot.language.deadline import Deadline
from bot.language.months import DAY_NAMES, EVERY_NTH, MONTH_NAMES, NUMBER_WORDS, every_nth_value, number_value
from bot.language.normalize import MatchText, match_text

__all__ = ["EVENTS", "YEAR_AFTER_EVENT", "describe_rrule", "find_recurrences", "parse_recurrence"]

_L = r"\b(?<![^\W_])"
_R = r"(?![^\W_])"
_A = r"[ad]"
_AE = r"[ai]"

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_CODES = {
    "mandag": "MO",
    "tisdag": "TU",
    "onsdag": "WE",
    "torsdag": "TH",
    "fredag": "FR",
    "lordag": "SA",
    "sondag": "SU",
}
_NOT_JULY = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)
_SPRING = (1, 2, 3, 4, 5, 6)
_AUTUMN = (8, 9, 10, 11, 12)


def _rx(pattern: str) -> re.Pattern[str]:
    # The text is folded to lower case already; IGNORECASE would only slow the scan.
    return re.compile(pattern)


# --------------------------------------------------------------------------- #
# Rules
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class _Rule:
    freq: str
    interval: int = 1
    months: tuple[int, ...] = ()
    monthdays: tuple[int, ...] = ()
    days: tuple[str, ...] = ()

    def text(self) -> str:
        parts = [f"FREQ={self.freq}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.months:
            parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(set(self.months))))
        if self.monthdays:
            parts.append("BYMONTHDAY=" + ",".join(str(d) for d in self.monthdays))
        if self.days:
            parts.append("BYDAY=" + ",".join(sorted(set(self.days), key=_WEEKDAYS.index)))
        return ";".join(parts)


def _month_end_day(months: tuple[int, ...]) -> tuple[int, ...]:
    """BYMONTHDAY for "the last day": the real day for one month, else -1."""
    distinct = sorted(set(months))
    if len(distinct) == 1 and distinct[0] != 2:
        # 2001 is not a leap year; only February differs between years.
        return (calendar.monthrange(2001, distinct[0])[1],)
    return (-1,)


def _yearly(months: tuple[int, ...], day: int = -1, interval: int = 1) -> _Rule:
    months = tuple(sorted(set(months))) or (12,)
    monthdays = (day,) if day > 0 else _month_end_day(months)
    return _Rule("YEARLY", interval, months, monthdays)


def _monthly(interval: int = 1, day: int = -1, months: tuple[int, ...] = ()) -> _Rule:
    return _Rule("MONTHLY", interval, months, (day,))


def _weekly(interval: int = 1, days: tuple[str, ...] = ("FR",), months: tuple[int, ...] = ()) -> _Rule:
    return _Rule("WEEKLY", interval, months, (), days)


_QUARTERLY = _yearly((3, 6, 9, 12))
_TERMLY = _yearly((6, 12))


def _spread(n: int, months: tuple[int, ...]) -> tuple[int, ...]:
    """n months spread evenly over `months`, the last one always included."""
    size = len(months)
    return tuple(months[min(size, max(1, int(size * k / n + 0.5))) - 1] for k in range(1, n + 1))


def _per_year(n: int) -> _Rule:
    if n <= 1:
        return _yearly((12,))
    if n < 12:
        return _yearly(_spread(n, tuple(range(1, 13))))
    if n == 12:
        return _monthly()
    if n >= 52:
        return _weekly()
    return _weekly(max(1, int(52 / n + 0.5)))


def _per_term(n: int) -> _Rule:
    if n <= 1:
        return _TERMLY
    if n <= 5:
        return _yearly(_spread(n, _SPRING) + _spread(n, _AUTUMN))
    # A term has about 20 school weeks.
    return _weekly(max(1, int(20 / n + 0.5)), months=_NOT_JULY)


def _per_schoolyear(n: int) -> _Rule:
    if n <= 1:
        return _yearly((6,))
    if n % 2 == 0:
        return _per_term(n // 2)
    if n <= 9:
        return _yearly(_spread(n, (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6)))
    return _weekly(max(1, int(40 / n + 0.5)), months=_NOT_JULY)


def _per_month(n: int) -> _Rule:
    if n <= 1:
        return _monthly()
    if n == 2:
        return _Rule("MONTHLY", 1, (), (15, -1))
    return _weekly()


def _per_week(n: int) -> _Rule:
    days = {1: ("FR",), 2: ("TU", "FR"), 3: ("MO", "WE", "FR"), 4: ("MO", "TU", "TH", "FR")}
    return _weekly(days=days.get(n, ("MO", "TU", "WE", "TH", "FR")))


def _per_unit(n: int, unit: str) -> _Rule | None:
    unit = unit.replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")
    if unit.startswith(("ar", "verksamhetsar", "kalenderar")):
        return _per_year(n)
    if unit.startswith("lasar"):
        return _per_schoolyear(n)
    if unit.startswith("termin"):
        return _per_term(n)
    if unit.startswith("manad"):
        return _per_month(n)
    if unit.startswith("veck"):
        return _per_week(n)
    if unit.startswith("kvartal"):
        return _per_year(4 * n)
    if unit.startswith("tertial"):
        return _per_year(3 * n)
    if unit.startswith("halvar"):
        return _per_year(2 * n)
    return None


def _each(unit: str) -> _Rule | None:
    """The rule for "varje <unit>"."""
    unit = unit.replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")
    day = _DAY_CODES.get(unit.removesuffix("en").removesuffix("ar"))
    if day is not None:
        return _weekly(days=(day,))
    table: dict[str, _Rule] = {
        "ar": _yearly((12,)),
        "manad": _monthly(),
        "manadsskifte": _monthly(),
        "vecka": _weekly(),
        "kvartal": _QUARTERLY,
        "termin": _TERMLY,
        "tertial": _yearly((4, 8, 12)),
        "halvar": _TERMLY,
        "lasar": _yearly((6,)),
        "host": _yearly((12,)),
        "var": _yearly((6,)),
        "sommar": _yearly((8,)),
        "vinter": _yearly((2,)),
        "dag": _Rule("DAILY"),
        "vardag": _Rule("DAILY", days=("MO", "TU", "WE", "TH", "FR")),
        "arbetsdag": _Rule("DAILY", days=("MO", "TU", "WE", "TH", "FR")),
    }
    return table.get(unit)


def _every_nth(n: int, unit: str) -> _Rule | None:
    unit = unit.replace("dr", "ar").replace("mdnad", "manad")
    day = _DAY_CODES.get(unit.removesuffix("en").removesuffix("ar"))
    if day is not None:
        return _weekly(n, (day,))
    if unit.startswith("veck"):
        return _weekly(n)
    if unit.startswith("manad"):
        return _monthly(n)
    if unit.startswith("ar"):
        return _yearly((12,), interval=n)
    if unit.startswith("kvartal"):
        return _monthly(3 * n)
    if unit.startswith("termin"):
        return _yearly((12,)) if n == 2 else _monthly(6 * n)
    return None


# --------------------------------------------------------------------------- #
# Events for "i samband med X"
# --------------------------------------------------------------------------- #

_MONTHLY = "monthly"
_QUARTER = "quarterly"
_MEETINGS = "meetings"

# (pattern, months or a frequency marker). Earlier rows win when both match one word.
EVENTS: tuple[tuple[str, str | tuple[int, ...]], ...] = (
    (rf"m{_A}nads(?:rapport|uppf[oe]ljning|bokslut|-|\s+och\s)", _MONTHLY),
    (r"kvartals(?:rapport|uppf[oe]ljning|bokslut)", _QUARTER),
    (r"tertial(?:rapport|uppf[oe]ljning|bokslut|-)", (5, 9)),
    (rf"del{_A}rs(?:rapport|bokslut|uppf[oe]ljning|-)|del{_A}ret", (9,)),
    (rf"verksamhetsber{_AE}ttelse|kvalitetsber{_AE}ttelse|patients{_AE}kerhetsber{_AE}ttelse", (2,)),
    (rf"{_A}rsredovisning", (3,)),
    (rf"{_A}rsbokslut|bokslut", (2,)),
    (r"budget", (11,)),
    (rf"verksamhetsplan|n{_AE}mndplan|f[oe]rvaltningsplan|internkontrollplan", (12,)),
    (
        rf"(?:sista\s+(?:[^\W\d_]+\s+){{0,1}}(?:n{_AE}mnd|styrelse)?s?(?:m[oe]te|sammantr{_AE}de)t?"
        rf"|{_A}rets\s+sista\s+(?:n{_AE}mnd|styrelse)?s?(?:m[oe]te|sammantr{_AE}de)t?)"
        # "sista mötet för året", OCR's "sista métet £6r aret"
        rf"(?:\s+[^\s.,;]{{1,5}}\s+(?:{_A}ret|terminen))?",
        (12,),
    ),
    (rf"{_A}rshjul", (12,)),
    (rf"(?:n{_AE}mnd|styrelse|utskotts?)s?(?:sammantr{_AE}de|m[oe]te)(?:t|n|na)?", _MEETINGS),
)
_EVENT_RX = tuple((_rx(rf"{_L}(?:{pattern})"), value) for pattern, value in EVENTS)
# An event's name followed by a year ("budgetarbetet 2028", "budgeten för 2028") is one occasion,
# not a rhythm (`events.py`).
YEAR_AFTER_EVENT = _rx(
    rf"[^\W\d_]*\s+(?:(?:f[oe]r|{_A}r|f[oe]r\s+{_A}r)\s+)?(?:19|20)\d\d(?:\s*/\s*(?:(?:19|20)\d\d|\d\d))?"
    r"(?![^\W_]|[.,/-]\d)"
)
_SUMMER_NEAR = _rx(r"\s*(?:[^\W\d_]+\s+){0,2}?(?:f[oe]re|innan|inf[oe]r)\s+sommar")
_WORD_REST = _rx(r"[^\W_]*")
_SENTENCE_END = _rx(r"[.;:!?\n]\s|[.;:!?]$|\n\s*\n")


def _event_rule(mt: MatchText, start: int, *, near: int) -> tuple[_Rule, int] | None:
    """The rhythm of the events named from `start` on (first within `near` chars), and where they end."""
    text = mt.folded
    stop = _SENTENCE_END.search(text, start, min(len(text), start + 90))
    limit = stop.start() if stop else min(len(text), start + 90)
    found: list[tuple[int, int, str | tuple[int, ...]]] = []
    for rx, value in _EVENT_RX:
        for m in rx.finditer(text, start, limit):
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
        return _monthly(), end
    if _MEETINGS in values:
        return _monthly(months=_NOT_JULY), end
    if _QUARTER in values:
        return _QUARTERLY, end
    months: set[int] = set()
    for s, e, v in found:
        if isinstance(v, tuple):
            if v == (12,) and _SUMMER_NEAR.match(text, e) and text[s:e].startswith(("sista", "aret")):
                months.add(6)
            else:
                months.update(v)
    return _yearly(tuple(months)), end


# --------------------------------------------------------------------------- #
# Patterns
# --------------------------------------------------------------------------- #

_UNITS = (
    rf"(?P<unit>{_A}r(?:et)?|l{_AE}s{_A}r(?:et)?|termin(?:en)?|m{_A}nad(?:en)?|vecka|veckan|kvartal(?:et)?"
    rf"|halv{_A}r(?:et)?|tertial(?:et)?|verksamhets{_A}r(?:et)?|kalender{_A}r(?:et)?)"
)
_TIMES = rf"(?:g{_A}ng(?:er)?|ggr\.?)"

_YEARLY_WORDS = _rx(
    rf"{_L}(?:{_A}rligen|{_A}rsvis|{_A}rlig(?:a|t)?|varje\s+(?:kalender|verksamhets|budget)?{_A}r"
    rf"|en\s+{_TIMES}\s+(?:per|om|i|varje)\s+(?:kalender|verksamhets)?{_A}r(?:et)?"
    rf"|en\s+{_TIMES}\s+{_A}rligen|{_A}r\s+(?:fr{_A}n|efter)\s+{_A}r){_R}"
)
_COUNT = _rx(
    rf"{_L}(?P<n>{NUMBER_WORDS})\s+{_TIMES}\s*(?:(?:(?<=\s)(?:per|om|i|varje|under)\s+|/\s*)"
    rf"(?:(?:ett|en|varje)\s+)?{_UNITS}"
    rf"|(?P<yearly>{_A}rligen)){_R}"
)
_EACH = _rx(
    rf"{_L}(?:varje|var\s+(?=m{_A}nad|vecka))\s+(?P<unit>{_A}r|m{_A}nad|m{_A}nadsskifte|vecka|kvartal|termin"
    rf"|tertial|halv{_A}r|l{_AE}s{_A}r|host|v{_A}r|sommar|vinter|dag|vardag|arbetsdag"
    rf"|{DAY_NAMES}(?:en|ar)?){_R}"
)
# "i varje tertialrapport", "vid varje kvartalsuppföljning": a report that comes with each period.
_EACH_REPORT = _rx(
    rf"{_L}varje\s+(?P<unit>kvartals|tertial|m{_A}nads|halv{_A}rs|termins|{_A}rs)"
    rf"(?:rapport|uppf[oe]ljning|bokslut|redovisning|avst{_AE}mning)(?:en|er|erna)?{_R}"
)
# The unit a report's name begins with (OCR may have made "å" a "d"): "kvartals…", "m(å)nads…".
_REPORT_UNITS = {"kv": "kvartal", "tert": "tertial", "term": "termin", "m": "manad", "h": "halvar"}
_ONCE_IN = _rx(rf"{_L}en\s+{_TIMES}\s+i\s+(?P<unit>m{_A}naden|veckan|kvartalet|terminen|halv{_A}ret){_R}")
_NTH = _rx(rf"{_L}(?P<nth>{EVERY_NTH})\s+(?P<unit>vecka|m{_A}nad|{_A}r|termin|kvartal|{DAY_NAMES}(?:en|ar)?){_R}")
_VIS = _rx(
    rf"{_L}(?P<vis>m{_A}nadsvis|m{_A}natligen|m{_A}natlig[at]?|veckovis|veckoligen|kvartalsvis|terminsvis|tertialvis"
    rf"|halv{_A}rsvis|dagligen|l{_AE}s{_A}rsvis){_R}"
)
_MEET = _rx(
    rf"{_L}(?:(?:vid|p{_A}|till|inf[oe]r|efter|[i1l]\s+samband\s+med)\s+)?varje\s+"
    rf"(?:(?:n{_AE}mnd|styrelse|utskotts?)s?(?:sammantr{_AE}de|m[oe]te)|sammantr{_AE}de){_R}"
)
_MONTH_DAY = _rx(rf"{_L}(?:den\s+)?(?P<d>\d{{1,2}})(?::?[ae])?\s+(?:i\s+)?varje\s+m{_A}nad{_R}")
_VAGUE_EACH = _rx(
    rf"{_L}(?:i\s+)?(?P<v>b[oe6]rjan|mitten|slutet)\s+(?:av|p{_A})\s+varje\s+"
    rf"(?P<unit>m{_A}nad|{_A}r|termin|kvartal|l{_AE}s{_A}r|vecka){_R}"
)
_ASSOC = _rx(rf"{_L}(?P<p>[i1l]\s+samband\s+med|[i1l]\s+anslutning\s+till|inf[oe]r|vid)\s+(?:(?:varje|var)\s+)?")

# Anchors after a yearly rhythm: "årligen i december", "varje år senast den 31 mars".
_ANCHOR_GAP = _rx(rf"\s*,?\s*(?:(?:i|under|senast(?:\s+(?:i|under))?|per|till|vid|p{_A}|runt|kring|omkring)\s+)?")
_ANCHOR_BEFORE = _rx(rf"(?:i|under|senast(?:\s+den)?|per|till|vid|p{_A})\s+$")
_JUST_SPACE = _rx(r"\s*,?\s*")
_MONTHDAY_AFTER = _rx(rf"\s*,?\s*(?:den|p{_A}|senast(?:\s+den)?)\s+(?P<d>\d{{1,2}})(?::?[ae])?{_R}(?!\s*[^\W\d_]{{3}})")
_WEEKDAY_AFTER = _rx(rf"\s*,?\s*(?:p{_A}\s+)?(?P<wd>{DAY_NAMES})(?:en|ar)?{_R}")
_ANCHOR_KINDS = frozenset({"date", "month", "season", "term", "quarter", "tertial", "half", "turn", "holiday"})


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    rule: _Rule
    confidence: float
    yearly: bool = False  # "årligen", "varje år": may take months from an anchor
    monthly: bool = False
    weekly: bool = False


def _core_hits(mt: MatchText) -> Iterator[_Hit]:
    text = mt.folded
    for m in _YEARLY_WORDS.finditer(text):
        yield _Hit(m.start(), m.end(), _yearly((12,)), 0.9, yearly=True)
    for m in _COUNT.finditer(text):
        n = number_value(m["n"])
        if n is None or not 1 <= n <= 366:
            continue
        unit = "ar" if m["yearly"] else m["unit"]
        rule = _per_unit(n, unit)
        if rule is None:
            continue
        # "två gånger per år, i juni och december": named months replace the spread ones.
        per_year = rule.freq == "YEARLY" and unit.startswith(("ar", "dr"))
        yield _Hit(m.start(), m.end(), rule, 0.85, yearly=per_year, monthly=rule.freq == "MONTHLY" and n == 1)
    for rx in (_EACH, _ONCE_IN):
        for m in rx.finditer(text):
            unit = m["unit"].removesuffix("en").removesuffix("et") if rx is _ONCE_IN else m["unit"]
            rule = _each(unit)
            if rule is None:
                continue
            yield _Hit(
                m.start(),
                m.end(),
                rule,
                0.9,
                yearly=rule.freq == "YEARLY" and unit in ("ar", "dr"),
                monthly=rule.freq == "MONTHLY",
                weekly=unit.startswith("veck"),
            )
    for m in _EACH_REPORT.finditer(text):
        unit = next((name for prefix, name in _REPORT_UNITS.items() if m["unit"].startswith(prefix)), "ar")
        rule = _each(unit)
        if rule is not None:
            yield _Hit(m.start(), m.end(), rule, 0.85, yearly=unit == "ar", monthly=rule.freq == "MONTHLY")
    for m in _NTH.finditer(text):
        rule = _every_nth(every_nth_value(m["nth"]), m["unit"])
        if rule is not None:
            yield _Hit(m.start(), m.end(), rule, 0.85, weekly=rule.freq == "WEEKLY")
    for m in _VIS.finditer(text):
        word = m["vis"].replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")
        vis_rule = {
            "manadsvis": _monthly(),
            "manatligen": _monthly(),
            "manatlig": _monthly(),
            "manatliga": _monthly(),
            "manatligt": _monthly(),
            "veckovis": _weekly(),
            "veckoligen": _weekly(),
            "kvartalsvis": _QUARTERLY,
            "terminsvis": _TERMLY,
            "tertialvis": _yearly((4, 8, 12)),
            "halvarsvis": _TERMLY,
            "dagligen": _Rule("DAILY"),
            "lasarsvis": _yearly((6,)),
        }.get(word)
        if vis_rule is not None:
            yield _Hit(m.start(), m.end(), vis_rule, 0.9, monthly=vis_rule.freq == "MONTHLY", weekly="veck" in word)
    for m in _MEET.finditer(text):
        yield _Hit(m.start(), m.end(), _monthly(months=_NOT_JULY), 0.7)
    for m in _MONTH_DAY.finditer(text):
        day = int(m["d"])
        if 1 <= day <= 31:
            yield _Hit(m.start(), m.end(), _monthly(day=day), 0.85)
    for m in _VAGUE_EACH.finditer(text):
        rule = _vague_each(m["v"], m["unit"])
        if rule is not None:
            yield _Hit(m.start(), m.end(), rule, 0.7)
    for m in _ASSOC.finditer(text):
        near = 12 if m["p"].startswith(("inf", "vid")) else 40
        found = _event_rule(mt, m.end(), near=near)
        if found is not None and not YEAR_AFTER_EVENT.match(text, found[1]):
            rule, end = found
            yield _Hit(m.start(), end, rule, 0.7)


def _vague_each(which: str, unit: str) -> _Rule | None:
    unit = unit.replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")
    pick = 0 if which.startswith("b") else 1 if which.startswith("m") else 2
    if unit.startswith("manad"):
        return _monthly(day=(10, 20, -1)[pick])
    if unit.startswith("veck"):
        return _weekly(days=(("MO",), ("WE",), ("FR",))[pick])
    if unit.startswith("kvartal"):
        return _yearly(tuple(q * 3 - 2 + pick for q in range(1, 5)))
    if unit.startswith("termin"):
        return _yearly(((2, 9), (3, 10), (6, 12))[pick])
    if unit.startswith("lasar"):
        return _yearly(((10,), (1,), (6,))[pick])
    return _yearly(((3,), (6,), (12,))[pick])


def _anchor_chain_after(atoms_at: dict[int, int], atoms: list[Atom], text: str, pos: int) -> tuple[int, int]:
    """Indexes [first, last] of a list of atoms starting at `pos`, or (-1, -1)."""
    first = atoms_at.get(pos, -1)
    if first < 0:
        return -1, -1
    last = first
    while last + 1 < len(atoms) and list_gap(text[atoms[last].end : atoms[last + 1].start]):
        last += 1
    return first, last


def _anchor_months(atoms: list[Atom]) -> tuple[tuple[int, ...], int] | None:
    """(months, day) from anchor atoms; None if any of them cannot anchor a yearly rule."""
    months: list[int] = []
    days: set[int] = set()
    for atom in atoms:
        if atom.kind not in _ANCHOR_KINDS or atom.year is not None or atom.is_range or not atom.months:
            return None
        months.extend(atom.months)
        days.add(atom.day if atom.kind == "date" else -1)
    day = days.pop() if len(days) == 1 else -1
    return tuple(months), day


def _with_anchors(mt: MatchText, atoms: list[Atom], hit: _Hit) -> _Hit:
    """Extend a rhythm with the months, days or weekdays written next to it."""
    text = mt.folded
    if hit.yearly:
        atoms_at = {a.start: i for i, a in enumerate(atoms)}
        gap = _ANCHOR_GAP.match(text, hit.end)
        if gap is not None:
            first, last = _anchor_chain_after(atoms_at, atoms, text, gap.end())
            if first >= 0:
                anchor = _anchor_months(atoms[first : last + 1])
                if anchor is not None:
                    return _Hit(hit.start, atoms[last].end, _yearly(*anchor), hit.confidence)
            space = _JUST_SPACE.match(text, hit.end)
            assoc = _ASSOC.match(text, space.end() if space else hit.end)
            if assoc is not None:
                found = _event_rule(mt, assoc.end(), near=40)
                if found is not None:
                    rule, end = found
                    if rule.freq == "YEARLY":
                        return _Hit(hit.start, end, rule, 0.8)
        # "i mars varje år", "den 31 mars årligen"
        last = max((i for i, a in enumerate(atoms) if a.end <= hit.start), default=-1)
        if last >= 0 and _JUST_SPACE.fullmatch(text, atoms[last].end, hit.start):
            first = last
            while first > 0 and list_gap(text[atoms[first - 1].end : atoms[first].start]):
                first -= 1
            anchor = _anchor_months(atoms[first : last + 1])
            if anchor is not None:
                start = atoms[first].start
                before = _ANCHOR_BEFORE.search(text, max(0, start - 20), start)
                if before is not None:
                    start = before.start()
                return _Hit(start, hit.end, _yearly(*anchor), hit.confidence)
    if hit.monthly:
        day = _MONTHDAY_AFTER.match(text, hit.end)
        if day is not None and 1 <= int(day["d"]) <= 31:
            return _Hit(hit.start, day.end(), _monthly(hit.rule.interval, int(day["d"])), hit.confidence)
    if hit.weekly:
        wd = _WEEKDAY_AFTER.match(text, hit.end)
        if wd is not None:
            code = _DAY_CODES[wd["wd"]]
            return _Hit(hit.start, wd.end(), _weekly(hit.rule.interval, (code,)), hit.confidence)
    return hit


def find_recurrences(mt: MatchText, atoms: list[Atom], reference: date) -> list[Deadline]:
    """Every rhythm in the folded text as a `Deadline` of kind "recurrence" (may overlap)."""
    del reference  # the rules are anchored on calendar positions, not on the document date
    out: list[Deadline] = []
    for core in _core_hits(mt):
        hit = _with_anchors(mt, atoms, core)
        confidence = hit.confidence * (0.9 if mt.damaged(hit.start, hit.end) else 1.0)
        out.append(
            Deadline(
                dates=(),
                phrase=mt.original[hit.start : hit.end],
                span=(hit.start, hit.end),
                recurrence=hit.rule.text(),
                confidence=round(confidence, 2),
                kind="recurrence",
            )
        )
    return out


def parse_recurrence(text: str, reference: date) -> str | None:
    """RRULE for a Swedish rhythm ("årligen", "varje månad", "två gånger per läsår",
    "fyra gånger per termin", "i samband med delårsrapporten", "varje vecka",
    "kvartalsvis", "en gång per termin") or None.

    The longest rhythm in `text` wins. The rule has no DTSTART; parse it with
    `dateutil.rrule.rrulestr(rule, dtstart=...)`. `reference` is accepted for
    symmetry with `parse_deadline`; the rules do not depend on it.
    """
    try:
        mt = match_text(text)
        atoms = scan_atoms(mt, reference, field=True)
        found = find_recurrences(mt, atoms, reference)
    except (ValueError, OverflowError):
        return None
    if not found:
        return None
    best = max(found, key=lambda d: (d.span[1] - d.span[0], -d.span[0]))
    return best.recurrence


# --------------------------------------------------------------------------- #
# Display
# --------------------------------------------------------------------------- #

_DAY_NAMES_SV = {
    "MO": "måndag",
    "TU": "tisdag",
    "WE": "onsdag",
    "TH": "torsdag",
    "FR": "fredag",
    "SA": "lördag",
    "SU": "söndag",
}
_COUNT_WORDS = ("", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv")
_ORDINALS_SV = (
    "",
    "",
    "andra",
    "tredje",
    "fjärde",
    "femte",
    "sjätte",
    "sjunde",
    "åttonde",
    "nionde",
    "tionde",
)


def _join_sv(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " och " + words[-1]


def _every(interval: int, unit: str, neuter: bool = False) -> str:
    if interval <= 1:
        return f"varje {unit}"
    if interval == 2:
        return f"{'vartannat' if neuter else 'varannan'} {unit}"
    ordinal = _ORDINALS_SV[interval] if interval < len(_ORDINALS_SV) else f"{interval}:e"
    return f"{'vart' if neuter else 'var'} {ordinal} {unit}"


def _ints(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v.strip().lstrip("+-").isdigit()]


def describe_rrule(rrule: str) -> str:
    """A short Swedish description of a rule made by this module ("årligen i december").

    Rules from elsewhere get a best effort; anything unreadable is "återkommande".
    """
    try:
        parts = dict(part.split("=", 1) for part in rrule.strip().removeprefix("RRULE:").split(";") if "=" in part)
        freq = parts.get("FREQ", "").upper()
        interval = int(parts.get("INTERVAL", "1") or "1")
        months = sorted(set(_ints(parts.get("BYMONTH", ""))))
        monthdays = _ints(parts.get("BYMONTHDAY", ""))
        days = [d[-2:] for d in parts.get("BYDAY", "").split(",") if d[-2:] in _DAY_NAMES_SV]
    except ValueError:
        return "återkommande"
    months = [m for m in months if 1 <= m <= 12]
    month_words = [MONTH_NAMES[m - 1] for m in months]
    not_july = months == list(_NOT_JULY)
    if freq == "YEARLY":
        if len(months) <= 1:
            month = month_words[0] if month_words else ""
            base = "årligen" if interval <= 1 else _every(interval, "år", neuter=True)
            day = monthdays[0] if len(monthdays) == 1 else -1
            last = calendar.monthrange(2001, months[0])[1] if months else 31
            if month and 0 < day < last:
                return f"{base} den {day} {month}"
            return f"{base} i {month}" if month else base
        if months == [3, 6, 9, 12]:
            return "kvartalsvis"
        count = len(months)
        count_word = _COUNT_WORDS[count] if count < len(_COUNT_WORDS) else str(count)
        return f"{count_word} gånger per år ({_join_sv(month_words)})"
    if freq == "MONTHLY":
        base = _every(interval, "månad")
        if monthdays == [15, -1]:
            base = "två gånger per månad"
        elif len(monthdays) == 1 and monthdays[0] > 0:
            base = f"{base} den {monthdays[0]}"
        return f"{base} utom juli" if not_july else base
    if freq == "WEEKLY":
        if len(days) == 1:
            base = _every(interval, _DAY_NAMES_SV[days[0]])
        elif days:
            base = f"{_every(interval, 'vecka')} ({_join_sv([_DAY_NAMES_SV[d] for d in days])})"
        else:
            base = _every(interval, "vecka")
        return f"{base} utom juli" if not_july else base
    if freq == "DAILY":
        return "varje vardag" if days and "SA" not in days and "SU" not in days else "varje dag"
    return "återkommande"
