"""Deadlines tied to the committee's own year: its meetings and the municipality's årshjul.

"till nämndens sista sammanträde 2027", "vid nämndens sammanträde i mars 2027", "återrapporteras
till nämnden senast i juni", "vid varje sammanträde", "i samband med delårsrapporten 2027",
"årligen i samband med verksamhetsberättelsen". The grammar alone can only guess at these (31
December, 30 June, a monthly rhythm); their day is the day of a meeting in the committee's plan.

Two steps, both pure: `find_ties` recognises such phrases and names what they point at as an
*anchor* ("last:2027", "month:2027-03", "month:06", "each", "event:delarsrapport:2027",
"event:verksamhetsberattelse:yearly"); `resolve_tie` dates an anchor against a `YearPlan`, or says
what the plan lacks (`Missing`). The anchor is stored with the commitment, so a changed plan or
årshjul can date it again.

Conventions:

- Without a year, a phrase means the next one on or after the reference date: "senast i juni"
  typed in July is next June's meeting; "sista sammanträdet" after this year's last meeting is
  next year's.
- Several meetings in the named month: the first, since a report due "i mars" must be ready for it.
- An årshjul event's year is the year it is about: the bokslut 2027 is handled in February 2028,
  the budget 2028 in the autumn of 2027. It is due at the meeting that handles it: the first
  meeting in the event's `meeting_month`, or else the first on or after its day; with no meeting
  in the plan, on the årshjul's own day.
- `default_event` gives the årshjul's conventional days, used until an admin confirms them; a
  deadline from one says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from bot.language.atoms.atom import AE, YEAR, YEAR_END, A, L, R
from bot.language.months import MONTH_FULL, month_number
from bot.language.normalize import match_text

__all__ = [
    "EVENT_KINDS",
    "Missing",
    "PlanEvent",
    "TieDate",
    "YearPlan",
    "YearTie",
    "default_event",
    "find_ties",
    "read_tie",
    "resolve_tie",
]

# The årshjul's events, in the order of the year's work.
EVENT_KINDS = ("internkontrollplan", "budget", "delarsrapport", "bokslut", "verksamhetsberattelse")

_BODY = rf"(?:n{AE}mnd(?:en)?s|styrelsen?s|utskott(?:et)?s)"
_MEETING = rf"(?:(?:n{AE}mnd|styrelse|utskott)s?)?(?:sammantr{AE}de(?:t|n|na)?|m[oe]te(?:t|n|na)?)"
_OWNED_MEETING = rf"(?:{_BODY}\s+)?(?:ordinarie\s+)?{_MEETING}"
_PREP = rf"(?:vid|till|p{A}|inf[oe]r|f[oe]re|innan|under|[i1l]\s+samband\s+med|efter)"
_YEAR = rf"({YEAR}){YEAR_END}"
# "för året", "för 2027", "under år 2027", OCR's "£6r aret".
_OF_YEAR = rf"(?:\s+(?:f[oe]r|under|[i1l]|[^\s.,;:]{{1,4}})\s+(?:{A}ret|(?:{A}r\s+)?{_YEAR})|\s+{_YEAR})"
_SENAST = r"(?:senast\s+)?"

_EACH = re.compile(rf"{L}(?:{_PREP}\s+)?(?:varje|vart|samtliga|alla)\s+(?:{_BODY}\s+)?(?:ordinarie\s+)?{_MEETING}{R}")
_LAST = re.compile(
    rf"{L}(?:{_SENAST}{_PREP}\s+)?(?:{_BODY}\s+)?(?:{A}rets\s+)?sista\s+{_OWNED_MEETING}{R}(?:{_OF_YEAR})?"
)
_FIRST = re.compile(
    rf"{L}(?:{_SENAST}{_PREP}\s+)?(?:{_BODY}\s+)?(?:{A}rets\s+)?f[oe]rsta\s+{_OWNED_MEETING}{R}"
    rf"(?P<summer>\s+efter\s+sommar(?:en)?(?:uppeh{A}llet)?)?(?:{_OF_YEAR})?"
)
_IN_MONTH = re.compile(
    rf"{L}(?:{_SENAST}{_PREP}\s+)?{_OWNED_MEETING}\s+{_SENAST}i\s+(?P<month>{MONTH_FULL}){R}(?:\s+{_YEAR})?"
)
# "återrapporteras till nämnden senast i juni": the body, then the month.
_BODY_MONTH = re.compile(
    rf"{L}(?:till|f[oe]r|inf[oe]r)\s+(?:n{AE}mnden|styrelsen|utskottet)\s+{_SENAST}i\s+(?P<month>{MONTH_FULL}){R}"
    rf"(?:\s+{_YEAR})?"
)
# "på junimötet", "vid decembersammanträdet".
_MONTH_MEETING = re.compile(
    rf"{L}(?:{_SENAST}{_PREP}\s+)?(?:{_BODY}\s+)?(?P<month>{MONTH_FULL})s?-?(?:sammantr{AE}det?|m[oe]tet?){R}"
    rf"(?:\s+{_YEAR})?"
)
_EVENT_WORDS: tuple[tuple[str, str], ...] = (
    ("delarsrapport", rf"del{A}rs(?:rapport(?:ering)?|bokslut|uppf[oe]ljning)(?:en|et)?"),
    ("bokslut", rf"(?:{A}rs)?bokslut(?:et)?|{A}rsredovisning(?:en)?"),
    ("verksamhetsberattelse", rf"verksamhetsber{AE}ttelse(?:n)?|{A}rsber{AE}ttelse(?:n)?"),
    (
        "budget",
        rf"(?:m{A}l\s+och\s+)?budget(?:arbetet|processen|en|beredningen|dialogen)?(?:\s+och\s+verksamhetsplan(?:en)?)?"
        rf"|verksamhetsplan(?:en)?(?:\s+och\s+budget(?:en)?)?|n{AE}mndplan(?:en)?",
    ),
    ("internkontrollplan", r"internkontrollplan(?:en)?|plan(?:en)?\s+f[oe]r\s+(?:den\s+)?interna?\s+kontroll(?:en)?"),
)
_EVENT_ALT = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _EVENT_WORDS)
# "i samband med månads- och delårsrapportering": the first word's ending is the event's.
_SHARED_FIRST = r"[^\W\d_]+-\s+(?:och|eller)\s+"
_YEARLY = rf"(?:{A}rligen|varje\s+{A}r|{A}rsvis|en\s+g{A}ng\s+per\s+{A}r)"
_EVENT = re.compile(
    rf"{L}(?P<yearly>{_YEARLY}\s+)?{_SENAST}(?:[i1l]\s+samband\s+med|[i1l]\s+anslutning\s+till|inf[oe]r|vid|till"
    rf"|f[oe]re|innan|[i1l])\s+(?:(?:n{AE}mndens|kommunens|regionens)\s+)?(?:{_SHARED_FIRST})?(?:{_EVENT_ALT}){R}"
    rf"(?:\s+(?:f[oe]r\s+)?(?:{A}r\s+)?{_YEAR})?(?P<yearly_after>\s+{_YEARLY})?"
)
# "i budgeten 2028" is what the budget says, not when: "i" alone only for the reports ("i samband med
# budgetarbetet" is a when).
_ONLY_WITH_I = ("budget", "internkontrollplan")
_BARE_I = re.compile(r"(?:^|\s)[i1l]\s+(?:\S+\s+)?$")
_FIELD_FILLER = frozenset(
    {"senast", "klart", "klar", "ska", "vara", "redovisas", "aterrapporteras", "rapporteras", "och", "dvs"}
)
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class YearTie:
    """A phrase tied to the committee's year, and its anchor."""

    phrase: str
    span: tuple[int, int]
    anchor: str

    @property
    def recurring(self) -> bool:
        """Every meeting, or every year's event: a rhythm rather than one deadline."""
        return self.anchor == "each" or self.anchor.endswith(":yearly")


@dataclass(frozen=True)
class PlanEvent:
    """An årshjul event's day, the month of the meeting that handles it, and whether anyone confirmed it."""

    day: date
    meeting_month: int | None = None
    confirmed: bool = True


@dataclass(frozen=True)
class YearPlan:
    """What the bot knows of a committee's year: its meetings, sorted, and the årshjul's events."""

    meetings: tuple[date, ...] = ()
    events: Mapping[tuple[str, int], PlanEvent] = field(default_factory=dict)

    def has_year(self, year: int) -> bool:
        return any(m.year == year for m in self.meetings)

    def event(self, kind: str, year: int) -> PlanEvent | None:
        return self.events.get((kind, year)) or default_event(kind, year)


@dataclass(frozen=True)
class TieDate:
    """An anchor dated: the deadline, and the meeting it is (None when only the årshjul's day is known).

    `rdates` are the meetings of a rhythm "vid varje sammanträde", `yearly` a rhythm following an
    event each year; `default` says the day comes from an årshjul default nobody confirmed.
    """

    day: date
    meeting: date | None
    event: str | None = None
    default: bool = False
    rdates: tuple[date, ...] = ()
    yearly: bool = False


@dataclass(frozen=True)
class Missing:
    """What the plan lacks to date an anchor: "meetings" of a year, a meeting in a month, or an event."""

    what: str
    year: int | None = None
    month: int | None = None
    event: str | None = None


def default_event(kind: str, year: int) -> PlanEvent | None:
    """The årshjul's conventional day for an event about `year`, unconfirmed; None for an unknown kind.

    The same conventions as the rhythms (`rhythm_events.py`): the delårsrapport in September, the
    bokslut and verksamhetsberättelse in February after the year, the budget in November and the
    internkontrollplan in December before it.
    """
    days = {
        "delarsrapport": (year, 9, 30),
        "bokslut": (year + 1, 2, 15),
        "verksamhetsberattelse": (year + 1, 2, 15),
        "budget": (year - 1, 11, 30),
        "internkontrollplan": (year - 1, 12, 15),
    }
    if kind not in days or not 1900 < year < 2200:
        return None
    y, m, d = days[kind]
    return PlanEvent(date(y, m, d), None, confirmed=False)


def find_ties(text: str) -> list[YearTie]:
    """Every phrase in the text tied to the committee's year, in text order, non-overlapping (longest wins)."""
    mt = match_text(text)
    folded = mt.folded
    found: list[tuple[int, int, str]] = []
    for m in _EACH.finditer(folded):
        found.append((m.start(), m.end(), "each"))
    for m in _LAST.finditer(folded):
        found.append((m.start(), m.end(), _with_year("last", _year_of(m))))
    for m in _FIRST.finditer(folded):
        kind = "after_summer" if m.group("summer") else "first"
        found.append((m.start(), m.end(), _with_year(kind, _year_of(m))))
    for pattern in (_IN_MONTH, _BODY_MONTH, _MONTH_MEETING):
        for m in pattern.finditer(folded):
            month = month_number(m.group("month"))
            if month is None:
                continue
            year = _year_of(m)
            found.append((m.start(), m.end(), f"month:{year}-{month:02d}" if year else f"month:{month:02d}"))
    for m in _EVENT.finditer(folded):
        kind = next(k for k, _ in _EVENT_WORDS if m.group(k))
        if kind in _ONLY_WITH_I and _BARE_I.search(folded[m.start() : m.start(kind)]):
            continue
        year = _year_of(m)
        if m.group("yearly") or m.group("yearly_after"):
            anchor = f"event:{kind}:yearly"
        else:
            anchor = f"event:{kind}:{year}" if year else f"event:{kind}"
        found.append((m.start(), m.end(), anchor))
    chosen: list[tuple[int, int, str]] = []
    # "BUS-mötet i mars": a meeting named by a compound is another meeting than the committee's.
    found = [f for f in found if not folded[: f[0]].endswith("-")]
    for start, end, anchor in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or e <= start for s, e, _ in chosen):
            chosen.append((start, end, anchor))
    chosen.sort()
    return [YearTie(mt.original[s:e], (s, e), anchor) for s, e, anchor in chosen]


def read_tie(value: str) -> YearTie | None:
    """A whole deadline field that is one tied phrase ("till nämndens sista sammanträde 2027"), or None."""
    ties = find_ties(value)
    if len(ties) != 1:
        return None
    tie = ties[0]
    rest = match_text(value).folded
    rest = rest[: tie.span[0]] + " " + rest[tie.span[1] :]
    return tie if all(word in _FIELD_FILLER for word in _WORD.findall(rest)) else None


def resolve_tie(anchor: str, plan: YearPlan, reference: date) -> TieDate | Missing:
    """The day an anchor falls on in this plan (the next one on or after `reference`), or what is missing."""
    kind, _, rest = anchor.partition(":")
    if kind == "each":
        ahead = tuple(m for m in plan.meetings if m >= reference)
        if not ahead:
            return Missing("meetings", year=reference.year)
        return TieDate(ahead[0], ahead[0], rdates=ahead)
    if kind in ("last", "first", "after_summer"):
        return _in_year(kind, int(rest) if rest else None, plan, reference)
    if kind == "month":
        year_text, _, month_text = rest.rpartition("-")
        return _month(int(month_text), int(year_text) if year_text else None, plan, reference)
    if kind == "event":
        event, _, which = rest.partition(":")
        return _event(event, which, plan, reference)
    raise ValueError(f"unknown anchor {anchor!r}")


def _with_year(kind: str, year: int | None) -> str:
    return f"{kind}:{year}" if year else kind


def _year_of(m: re.Match[str]) -> int | None:
    years = [g for g in m.groups() if g is not None and re.fullmatch(YEAR, g)]
    return int(years[-1]) if years else None


def _pick(kind: str, meetings: list[date]) -> date | None:
    if not meetings:
        return None
    if kind == "last":
        return meetings[-1]
    if kind == "after_summer":
        autumn = [m for m in meetings if m.month >= 8]
        return autumn[0] if autumn else None
    return meetings[0]


def _in_year(kind: str, year: int | None, plan: YearPlan, reference: date) -> TieDate | Missing:
    years = [year] if year else [reference.year, reference.year + 1]
    for y in years:
        if not plan.has_year(y):
            return Missing("meetings", year=y)
        chosen = _pick(kind, [m for m in plan.meetings if m.year == y])
        if chosen is not None and (year or chosen >= reference):
            return TieDate(chosen, chosen)
    return Missing("meetings", year=years[-1])


def _month(month: int, year: int | None, plan: YearPlan, reference: date) -> TieDate | Missing:
    years = [year] if year else [reference.year, reference.year + 1]
    for y in years:
        if not year and date(y, month, 28) < reference.replace(day=1):
            continue  # the month has passed this year: next year's
        if not plan.has_year(y):
            return Missing("meetings", year=y)
        in_month = [m for m in plan.meetings if m.year == y and m.month == month and (year or m >= reference)]
        if in_month:
            return TieDate(in_month[0], in_month[0])
        if year or month != reference.month or y != reference.year:
            return Missing("meeting_in_month", year=y, month=month)
    return Missing("meeting_in_month", year=years[-1], month=month)


def _event_date(event: str, year: int, plan: YearPlan) -> TieDate | None:
    found = plan.event(event, year)
    if found is None:
        return None
    if found.meeting_month:
        # The handling meeting's month is at or after the event's day: "delårsrapporten (31 augusti)
        # handled in October", "bokslutet (15 februari) in March".
        y = found.day.year + (1 if found.meeting_month < found.day.month else 0)
        candidates = [m for m in plan.meetings if m.year == y and m.month == found.meeting_month]
    else:
        candidates = [m for m in plan.meetings if found.day <= m and m.year == found.day.year]
    meeting = candidates[0] if candidates else None
    return TieDate(meeting or found.day, meeting, event=event, default=not found.confirmed)


def _event(event: str, which: str, plan: YearPlan, reference: date) -> TieDate | Missing:
    if which and which != "yearly":
        dated = _event_date(event, int(which), plan)
        return dated if dated is not None else Missing("event", year=int(which), event=event)
    # The next one: the event about last year may still be ahead (the bokslut in February).
    for year in range(reference.year - 1, reference.year + 3):
        dated = _event_date(event, year, plan)
        if dated is not None and dated.day >= reference:
            if which == "yearly":
                return TieDate(dated.day, dated.meeting, event=event, default=dated.default, yearly=True)
            return dated
    return Missing("event", year=reference.year, event=event)
