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

Here the rhythm words are found in the text; the rules they stand for are in
`rhythm_rules`, the events and their months in `rhythm_events`, and a rule read
into its parts for the words of templates/rhythm.txt.j2 (`rhythm_of`) in `rrule_text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from bot.language.atoms import Atom, list_gap, scan_atoms
from bot.language.deadline import Deadline
from bot.language.months import DAY_NAMES, EVERY_NTH, NUMBER_WORDS, every_nth_value, number_value
from bot.language.normalize import MatchText, match_text
from bot.language.rhythm_events import YEAR_AFTER_EVENT, event_rule
from bot.language.rhythm_rules import (
    DAY_CODES,
    NOT_JULY,
    QUARTERLY,
    TERMLY,
    Rule,
    each,
    every_nth,
    monthly,
    per_unit,
    weekly,
    yearly,
)

__all__ = ["find_recurrences", "parse_recurrence"]

_L = r"\b(?<![^\W_])"
_R = r"(?![^\W_])"
_A = r"[ad]"
_AE = r"[ai]"


def _rx(pattern: str) -> re.Pattern[str]:
    # The text is folded to lower case already; IGNORECASE would only slow the scan.
    return re.compile(pattern)


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
    rule: Rule
    confidence: float
    yearly: bool = False  # "årligen", "varje år": may take months from an anchor
    monthly: bool = False
    weekly: bool = False


def _core_hits(mt: MatchText) -> Iterator[_Hit]:
    text = mt.folded
    for m in _YEARLY_WORDS.finditer(text):
        yield _Hit(m.start(), m.end(), yearly((12,)), 0.9, yearly=True)
    for m in _COUNT.finditer(text):
        n = number_value(m["n"])
        if n is None or not 1 <= n <= 366:
            continue
        unit = "ar" if m["yearly"] else m["unit"]
        rule = per_unit(n, unit)
        if rule is None:
            continue
        # "två gånger per år, i juni och december": named months replace the spread ones.
        per_year = rule.freq == "YEARLY" and unit.startswith(("ar", "dr"))
        yield _Hit(m.start(), m.end(), rule, 0.85, yearly=per_year, monthly=rule.freq == "MONTHLY" and n == 1)
    for rx in (_EACH, _ONCE_IN):
        for m in rx.finditer(text):
            unit = m["unit"].removesuffix("en").removesuffix("et") if rx is _ONCE_IN else m["unit"]
            rule = each(unit)
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
        rule = each(unit)
        if rule is not None:
            yield _Hit(m.start(), m.end(), rule, 0.85, yearly=unit == "ar", monthly=rule.freq == "MONTHLY")
    for m in _NTH.finditer(text):
        rule = every_nth(every_nth_value(m["nth"]), m["unit"])
        if rule is not None:
            yield _Hit(m.start(), m.end(), rule, 0.85, weekly=rule.freq == "WEEKLY")
    for m in _VIS.finditer(text):
        word = m["vis"].replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")
        vis_rule = {
            "manadsvis": monthly(),
            "manatligen": monthly(),
            "manatlig": monthly(),
            "manatliga": monthly(),
            "manatligt": monthly(),
            "veckovis": weekly(),
            "veckoligen": weekly(),
            "kvartalsvis": QUARTERLY,
            "terminsvis": TERMLY,
            "tertialvis": yearly((4, 8, 12)),
            "halvarsvis": TERMLY,
            "dagligen": Rule("DAILY"),
            "lasarsvis": yearly((6,)),
        }.get(word)
        if vis_rule is not None:
            yield _Hit(m.start(), m.end(), vis_rule, 0.9, monthly=vis_rule.freq == "MONTHLY", weekly="veck" in word)
    for m in _MEET.finditer(text):
        yield _Hit(m.start(), m.end(), monthly(months=NOT_JULY), 0.7)
    for m in _MONTH_DAY.finditer(text):
        day = int(m["d"])
        if 1 <= day <= 31:
            yield _Hit(m.start(), m.end(), monthly(day=day), 0.85)
    for m in _VAGUE_EACH.finditer(text):
        rule = _vague_each(m["v"], m["unit"])
        if rule is not None:
            yield _Hit(m.start(), m.end(), rule, 0.7)
    for m in _ASSOC.finditer(text):
        near = 12 if m["p"].startswith(("inf", "vid")) else 40
        found = event_rule(mt, m.end(), near=near)
        if found is not None and not YEAR_AFTER_EVENT.match(text, found[1]):
            rule, end = found
            yield _Hit(m.start(), end, rule, 0.7)


def _vague_each(which: str, unit: str) -> Rule | None:
    unit = unit.replace("dr", "ar").replace("mdnad", "manad").replace("lis", "las")
    pick = 0 if which.startswith("b") else 1 if which.startswith("m") else 2
    if unit.startswith("manad"):
        return monthly(day=(10, 20, -1)[pick])
    if unit.startswith("veck"):
        return weekly(days=(("MO",), ("WE",), ("FR",))[pick])
    if unit.startswith("kvartal"):
        return yearly(tuple(q * 3 - 2 + pick for q in range(1, 5)))
    if unit.startswith("termin"):
        return yearly(((2, 9), (3, 10), (6, 12))[pick])
    if unit.startswith("lasar"):
        return yearly(((10,), (1,), (6,))[pick])
    return yearly(((3,), (6,), (12,))[pick])


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
                    return _Hit(hit.start, atoms[last].end, yearly(*anchor), hit.confidence)
            space = _JUST_SPACE.match(text, hit.end)
            assoc = _ASSOC.match(text, space.end() if space else hit.end)
            if assoc is not None:
                found = event_rule(mt, assoc.end(), near=40)
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
                return _Hit(start, hit.end, yearly(*anchor), hit.confidence)
    if hit.monthly:
        day = _MONTHDAY_AFTER.match(text, hit.end)
        if day is not None and 1 <= int(day["d"]) <= 31:
            return _Hit(hit.start, day.end(), monthly(hit.rule.interval, int(day["d"])), hit.confidence)
    if hit.weekly:
        wd = _WEEKDAY_AFTER.match(text, hit.end)
        if wd is not None:
            code = DAY_CODES[wd["wd"]]
            return _Hit(hit.start, wd.end(), weekly(hit.rule.interval, (code,)), hit.confidence)
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
