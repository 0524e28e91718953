"""The Swedish date and period grammar: deadlines in audit answers.

`parse_deadline` reads a whole field ("senast i april 2023", "v. 12",
"2023-05-15"); `find_deadlines` finds every deadline, period, list, range and
rhythm in running text; `parse_recurrence` reads a rhythm ("två gånger per
läsår").

Conventions (the README's "How Swedish deadline words are read" shows them to users):

- A period used as a deadline resolves to its last day ("i april" → 30 April).
- "innan/före/inför X" resolves to the day before X starts ("innan april" →
  31 March), with the exceptions `atoms.py` lists ("innan sommaren" → the last
  working day before midsommarafton, "innan jul" → 23 December).
- "till X" is "innan X" for moments and seasons ("till sommaren", "till jul",
  "till årsskiftet") and "till och med X" for calendar periods ("till april").
- Without a year, a phrase means the next occurrence: the first one whose
  deadline is on or after the reference date (the document's date), so "under
  hösten" inside the autumn is this autumn. Two exceptions depend on when the
  phrase is said (`seasons.py`, and the table below).
- "i början av X" is the end of X's first quarter, counted in whole months
  ("i början av 2022" → 31 March 2022, "i början av hösten" → 30 September);
  "i mitten av X" is the end of its first half (2022 → 30 June); "i slutet av
  X" is X's last day. For a single month the thirds are used: "i början av
  april" → 10 April, "i mitten av april" → 20 April.
- "efter X" and "från och med X" open a range: no deadline, note "after:"/"from:".
- "mellan X och Y", "X-Y", "från X till Y" are ranges: no deadline, note "range:".
- "senast 1 april" (no year, no "den") is read as an OCR'd "senast i april":
  the end of April, confidence 0.6, note "ocr_1_as_i". "den 1 april" and
  "1 april 2023" stay dates.

Phrases people type that once were misread, decided; the reference date is
the day the phrase is typed:

| phrase (typed on) | reads as | why |
|---|---|---|
| efter sommaren | no deadline; the person is asked for an end date | (1) |
| till läsårsstarten 2027 | 2027-07-31, note "school_start" | (2) |
| inför budgetarbetet 2028 | no deadline (kind "event"); the person is asked for a date | (3) |
| till hösten (2026-07-31) | 2026-08-31 | (4) |
| under hösten (2026-12-10) | 2027-12-31, note "next_season" | (5) |

(1) "efter" says when work starts, or what it waits for, not by when it is
    done. Any end (31 August, 30 September) would be invented, and 31 August is
    still summer as the grammar counts it. It stays an open range (note
    "after:" 1 September), and the bot says why it is no deadline.
(2) The year belongs to the phrase; it was dropped, and the next school start
    taken. Each huvudman sets its own first school day; the law says only that
    the school year begins in August. Without the committee's calendar the
    earliest start (1 August) is taken, so the deadline is never after the real
    start, and the preview says that it is a convention. "terminsstarten 2027"
    (spring or autumn?) is not read; "terminsstarten hösten 2027" is.
(3) It gave a yearly rhythm (30 November), wrong for a named year. The budget
    work for 2028 runs in 2027, from planning directives in the spring to the
    committee's budget in the autumn, on days each municipality sets, so the
    rhythms' November would be a guess. Only the committee's own year plan
    could date it; without one the bot asks for the date.
(4) It gave the very day it was typed (the day before 1 August), and typed in
    August, 31 July of the next year. From midsommarafton to 31 August, "till
    hösten" (and "innan", "inför") means when the autumn's work begins after
    the summer: 31 August. Before midsommar the convention stands (31 July);
    "höstterminen" keeps it always, since the term may start in mid-August.
(5) What is left of the autumn is the Christmas weeks; a commitment for them
    says "före jul" or "i december". So any season or term typed in its last
    month ("under våren" in June) is the next one, and the preview names the
    year it took; a year written is taken as written. Only for what people type
    (`typed=True`): a document dated in December was written before its date.

Bare years, bare month names and bare season words count in running text only
after a preposition ("under 2021", "i april", "under hösten"), so "kapitel 3",
"2023/BUN 0148" and "revisionsplanen för år 2022" are not deadlines. A whole
field (`parse_deadline`) needs no preposition.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from bot.language.atoms import Atom, list_gap, month_atom, occurrence, range_gap, scan_atoms, select_longest
from bot.language.dates import Interval, add_days, add_months, month_end
from bot.language.deadline import Deadline
from bot.language.events import find_events
from bot.language.normalize import MatchText, match_text
from bot.language.recurrence import describe_rrule, find_recurrences, parse_recurrence
from bot.language.seasons import as_said, nearly_over

__all__ = ["Deadline", "describe_rrule", "find_deadlines", "parse_deadline", "parse_recurrence"]

_A = r"[ad]"

# Prepositions in front of a time expression, by what they do to it. The
# pattern is searched in a short window that ends where the expression starts;
# the leftmost match is the longest prefix.
_PREFIX = re.compile(
    r"(?<![^\W_])(?:"
    rf"(?P<before>(?:senast\s+|i\s+god\s+tid\s+|strax\s+|redan\s+)?(?:innan|f[oe]re|inf[oe]r)(?:\s+den)?)"
    rf"|(?P<after>(?:strax\s+)?efter(?:\s+den)?)"
    # "start" after a genitive is the start of something ("till höstterminens start den 18 augusti"), not "from".
    rf"|(?P<from>(?:fr{_A}n\s+och\s+med|fr\.?\s?o\.?\s?m\.?|from|fr{_A}n|tidigast|med\s+start|(?<![a-z]s\s)start)"
    rf"(?:\s+(?:den|i|under|vid))?)"
    r"|(?P<between>mellan(?:\s+den)?)"
    rf"|(?P<end>(?:senast\s+)?(?:(?:f[oe]re|innan|vid|till|per)\s+)?utg{_A}ngen\s+av"
    rf"|senast(?:\s+(?:den|i|under|vid|per|inom|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|under\s+loppet\s+av|p{_A}))?"
    r"|(?:fram\s+|anda\s+)?(?:till\s+och\s+med|t\.?\s?o\.?\s?m\.?)(?:\s+den)?"
    rf"|(?:den\s+)?sista|(?:tids?plan|deadline|slutdatum|klart|klar|klara|f[ai]rdig[at]?|slutf[oe]r[td])"
    rf"(?:\s+(?:senast|i|under|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|p{_A}))?"
    rf"|(?:under\s+)?perioden|under(?:\s+loppet\s+av)?|i\s+loppet\s+av|n{_A}gon\s+g{_A}ng\s+under|inom|per(?:\s+den)?|p{_A}|i|vid)"
    r"|(?P<till>(?:senast\s+)?(?:fram\s+|anda\s+)?(?:till|tills)(?:\s+den)?)"
    r"|(?P<ocr>(?:senast\s+|under\s+)?(?:1|l|\|))"
    r")\s*:?\s*$",
)
_VAGUE = re.compile(
    r"(?<![^\W_])(?:(?:i|1)\s+)?(?P<v>b[oe6]rjan|mitten|slutet|(?:senare|sista)\s+delen"
    r"|(?:f[oe]rsta|tidiga|tidigare)\s+delen)\s+(?:av|p[ad])\s*$",
)
_WINDOW = 64

# Words a deadline field may hold besides the deadline ("Klart senast: april 2023").
_FILLER = frozenset(
    {
        *("klart", "klar", "klara", "fardigt", "fardig", "fardiga", "slutfort", "slutford", "slutforas"),
        *("genomfort", "genomford", "genomforas", "deadline", "datum", "tidsplan", "tidpunkt", "slutdatum"),
        *("ca", "cirka", "ungefar", "prel", "preliminart", "preliminar", "beraknat", "beraknas", "beraknad"),
        *("planerat", "planerad", "planeras", "vara", "ska", "skall", "bor", "kommer", "att", "sker", "ske"),
    }
)
_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Prefix:
    mode: str  # "end", "till", "before", "after", "from", "between", "ocr"
    start: int
    text: str


def _prefix(mt: MatchText, start: int) -> _Prefix | None:
    window_start = max(0, start - _WINDOW)
    m = _PREFIX.search(mt.folded, window_start, start)
    if m is None:
        return None
    mode = m.lastgroup or "end"
    return _Prefix(mode, m.start(), " ".join(m.group(mode).split()))


def _vague(mt: MatchText, start: int) -> tuple[str, int] | None:
    m = _VAGUE.search(mt.folded, max(0, start - _WINDOW), start)
    if m is None:
        return None
    word = m["v"]
    if word.startswith(("b", "f", "tidig")):
        return "start", m.start()
    if word.startswith("mitten"):
        return "mid", m.start()
    return "end", m.start()


def _vague_date(iv: Interval, which: str) -> date | None:
    """A date inside `iv` for "i början/mitten/slutet av" (see the module docstring)."""
    if which == "end":
        return iv.end
    months = (iv.end.year - iv.start.year) * 12 + iv.end.month - iv.start.month + 1
    if months <= 1:
        if (iv.end - iv.start).days >= 27:
            day = 10 if which == "start" else 20
            target = iv.start.replace(day=min(day, iv.end.day))
            return max(target, iv.start)
        span = (iv.end - iv.start).days
        return add_days(iv.start, span // 3 if which == "start" else span // 2)
    k = -(-months // 4) if which == "start" else -(-months // 2)
    shifted = add_months(iv.start.replace(day=1), k - 1)
    if shifted is None:
        return None
    end = month_end(shifted.year, shifted.month)
    return min(end, iv.end) if end else None


def _deadline_of(iv: Interval, atom: Atom, mode: str, vague: str | None) -> date | None:
    if vague is not None:
        return _vague_date(iv, vague)
    if mode == "before" or (mode == "till" and atom.point):
        return iv.day_before()
    return iv.end


@dataclass(frozen=True)
class _Chain:
    atoms: tuple[Atom, ...]
    is_range: bool


def _chains(mt: MatchText, atoms: list[Atom]) -> list[_Chain]:
    """Atoms joined into lists ("mars och september") and ranges ("januari-mars")."""
    text = mt.folded
    out: list[_Chain] = []
    i = 0
    while i < len(atoms):
        items = [atoms[i]]
        is_range = False
        j = i + 1
        while j < len(atoms):
            gap = text[atoms[j - 1].end : atoms[j].start]
            if len(items) == 1 and not atoms[j - 1].is_range and range_gap(gap) and not atoms[j].is_range:
                items.append(atoms[j])
                is_range = True
                j += 1
                break
            if list_gap(gap):
                items.append(atoms[j])
                j += 1
                continue
            break
        out.append(_Chain(tuple(items), is_range))
        i = j
    return out


def _inherit_years(items: list[Atom]) -> list[Atom]:
    """A year written last applies to the items before it ("i mars och september 2020")."""
    out = list(items)
    later: int | None = None
    for k in range(len(out) - 1, -1, -1):
        atom = out[k]
        if atom.year is not None or atom.fixed is not None:
            later = atom.year if atom.fixed is None else None
        elif later is not None:
            out[k] = replace(atom, year=later)
    return out


@dataclass
class _Said:
    """A chain as it is said: its preposition's mode, where the phrase starts, a vague word, notes so far."""

    items: list[Atom]
    prefix: _Prefix | None
    prefix_end: int  # where the preposition (if any) must end: before "i början av", else at the first atom
    vague: str | None  # "start", "mid" or "end" for "i början/mitten/slutet av"
    mode: str
    start: int
    confidence: float
    notes: list[str]


def _resolve_chain(mt: MatchText, chain: _Chain, reference: date, *, field: bool, typed: bool) -> Deadline | None:
    said = _how_said(mt, chain)
    if not _said_as_time(mt, said, field=field):
        return None
    _read_ocr_day_one(said)
    is_range = _is_range(chain, said)
    said.items = [as_said(atom, said.mode, said.vague, reference) for atom in _inherit_years(said.items)]
    intervals = _intervals(said, reference, is_range=is_range, typed=typed)
    if intervals is None:
        return None
    end = max(a.end for a in said.items)
    if mt.damaged(said.start, end):
        said.confidence *= 0.9
    if is_range:
        return _range(mt, chain, said, intervals, end)
    if len(said.items) == 1 and chain.atoms[0].is_range:
        return _range_atom(mt, said, intervals[0], end)
    if said.mode in ("from", "after"):
        return _opened(mt, said, intervals, end)
    return _dated(mt, said, intervals, end)


def _how_said(mt: MatchText, chain: _Chain) -> _Said:
    """The chain's preposition and vague word ("senast i slutet av"), looked for before its first atom."""
    items = list(chain.atoms)
    first = items[0]
    vague_found = _vague(mt, first.start)
    vague = vague_found[0] if vague_found else None
    prefix_end = vague_found[1] if vague_found else first.start
    prefix = _prefix(mt, prefix_end)
    mode = prefix.mode if prefix else "end"
    start = prefix.start if prefix else prefix_end
    confidence = min(a.confidence for a in items)
    return _Said(items, prefix, prefix_end, vague, mode, start, confidence, [])


def _said_as_time(mt: MatchText, said: _Said, *, field: bool) -> bool:
    """Is the chain said as a time? A bare year, month or season in running text needs a preposition."""
    if said.prefix is None and said.vague is None and not field and all(a.needs_context for a in said.items):
        return False
    return said.mode != "ocr" or _read_ocr_prefix(mt, said, field=field)


def _read_ocr_prefix(mt: MatchText, said: _Said, *, field: bool) -> bool:
    """A "1" or "l" before the phrase: OCR's "i", or (before a number) no preposition. False: no deadline."""
    if not all(mt.folded[a.start : a.start + 1].isalpha() for a in said.items):
        # "1 2021": a digit before a number is not an OCR'd "i".
        if field or not all(a.needs_context for a in said.items):
            said.mode, said.start = "end", said.prefix_end
            return True
        return False
    said.mode = "end"
    said.notes.append("ocr_1_as_i")
    said.confidence = min(said.confidence, 0.6)
    return True


def _read_ocr_day_one(said: _Said) -> None:
    """ "senast 1 april", "klar senast 1 april": OCR reads "i" as "1" (the samples) and it is the month.

    A clear day ("den 1 april", "1 april 2023") stays a date.
    """
    first = said.items[0]
    if (
        len(said.items) == 1
        and first.day_one
        and first.month is not None
        and said.prefix is not None
        and said.prefix.text.split()[-1] == "senast"
    ):
        said.items = [month_atom(first.start, first.end, first.month, None, 0.6)]
        said.notes.append("ocr_1_as_i")
        said.confidence = 0.6


def _is_range(chain: _Chain, said: _Said) -> bool:
    """A range: joined as one ("januari-mars"), or "mellan X och Y"; "mellan" before one item is a deadline."""
    is_range = chain.is_range or (said.mode == "between" and len(said.items) == 2)
    if said.mode == "between" and not is_range:
        said.mode = "end"
    return is_range


def _intervals(said: _Said, reference: date, *, is_range: bool, typed: bool) -> list[Interval] | None:
    """Each atom's interval: its written year, else the next occurrence whose deadline is not past."""
    skipped: list[Atom] = []

    def key(atom: Atom) -> Callable[[Interval], date | None]:
        def k(iv: Interval) -> date | None:
            if is_range or said.mode in ("from", "after"):
                return iv.end
            if typed and nearly_over(atom, iv, said.mode, said.vague, reference):
                skipped.append(atom)  # "under hösten" typed in December: the next autumn
                return None
            return _deadline_of(iv, atom, said.mode, said.vague)

        return k

    intervals: list[Interval] = []
    for atom in said.items:
        iv = occurrence(atom, reference, key(atom))
        if iv is None:
            return None
        intervals.append(iv)
        if atom.note:
            said.notes.append(atom.note)
    if skipped:
        said.notes.append("next_season")
    return intervals


def _range(mt: MatchText, chain: _Chain, said: _Said, intervals: list[Interval], end: int) -> Deadline | None:
    """ "mellan X och Y", "X-Y", "från X till Y": a range, no deadline."""
    lo, hi = intervals[0], intervals[-1]
    if lo.start > hi.end and said.items[0].fixed is None and chain.atoms[0].year is None:
        # "från oktober till februari 2021", "november-februari": the start is in the year before.
        for year in (hi.end.year, hi.end.year - 1):
            earlier = said.items[0].build(year)
            if earlier is not None and earlier.start <= hi.end:
                lo = earlier
                break
    if lo.start > hi.end:
        return None
    said.notes.append(f"range:{lo.start.isoformat()}/{hi.end.isoformat()}")
    return _make(mt, said.start, end, (), "range", min(said.confidence, 0.8), said.notes)


def _range_atom(mt: MatchText, said: _Said, iv: Interval, end: int) -> Deadline:
    """ "v. 12-14", "15-20 maj": a range on its own, no deadline."""
    said.notes.append(f"range:{iv.start.isoformat()}/{iv.end.isoformat()}")
    return _make(mt, said.start, end, (), "range", min(said.confidence, 0.8), said.notes)


def _opened(mt: MatchText, said: _Said, intervals: list[Interval], end: int) -> Deadline | None:
    """ "från och med X", "efter X": a range that opens, no deadline."""
    iv = min(intervals, key=lambda x: x.start)
    opened = iv.start if said.mode == "from" else add_days(iv.end, 1)
    if opened is None:
        return None
    said.notes.append(f"{said.mode}:{opened.isoformat()}")
    return _make(mt, said.start, end, (), "range", min(said.confidence, 0.8), said.notes)


def _dated(mt: MatchText, said: _Said, intervals: list[Interval], end: int) -> Deadline | None:
    """A deadline: each atom's date as its preposition and vague word say."""
    dates: list[date] = []
    for atom, iv in zip(said.items, intervals, strict=True):
        d = _deadline_of(iv, atom, said.mode, said.vague)
        if d is None:
            return None
        dates.append(d)
    confidence = said.confidence
    if said.vague is not None:
        said.notes.append("vague")
        confidence = min(confidence, 0.7 if said.vague == "end" else 0.6)
    if said.mode == "till" and any(a.point for a in said.items):
        confidence = min(confidence, 0.75)
    if len(said.items) > 1:
        kind = "list"
    elif said.items[0].kind in ("date", "duration") and said.vague is None:
        kind = "date"
    else:
        kind = "period"
    return _make(mt, said.start, end, tuple(sorted(set(dates))), kind, confidence, said.notes)


def _make(
    mt: MatchText,
    start: int,
    end: int,
    dates: tuple[date, ...],
    kind: str,
    confidence: float,
    notes: list[str],
) -> Deadline:
    return Deadline(
        dates=dates,
        phrase=mt.original[start:end],
        span=(start, end),
        recurrence=None,
        confidence=round(max(0.0, min(1.0, confidence)), 2),
        kind=kind,
        note=";".join(dict.fromkeys(notes)) or None,
    )


def _candidates(mt: MatchText, reference: date, *, field: bool, typed: bool = False) -> list[Deadline]:
    atoms = scan_atoms(mt, reference, field=field)
    found: list[Deadline] = find_events(mt)
    for chain in _chains(mt, atoms):
        try:
            result = _resolve_chain(mt, chain, reference, field=field, typed=typed)
        except (ValueError, OverflowError):
            # A year at the edge of the calendar; the phrase is simply not a usable deadline.
            continue
        if isinstance(result, Deadline):
            found.append(result)
    with contextlib.suppress(ValueError, OverflowError):
        found.extend(find_recurrences(mt, atoms, reference))
    return found


def find_deadlines(text: str, reference: date) -> list[Deadline]:
    """All deadline/period/recurrence phrases in running text, in text order, non-overlapping.

    Where phrases overlap the longest wins. Bare years, month names and seasons
    count only after a preposition ("under 2021", "i april"); dates, "april 2023",
    "vecka 12", "Q3" and the like count anywhere.
    """
    mt = match_text(text)
    return select_longest(_candidates(mt, reference, field=False), lambda d: d.span)


def parse_deadline(text: str, reference: date, *, typed: bool = False) -> Deadline | None:
    """Interpret a whole field value ("senast i april 2023", "v. 12", "2023-05-15") as one deadline.

    None if it is not one. Words such as "klart", "ca" or "beräknas" may surround the phrase; anything
    else makes the field something other than a deadline. A rhythm ("årligen")
    comes back as a Deadline of kind "recurrence" with no dates, an occasion the
    bot cannot date ("inför budgetarbetet 2028") as one of kind "event".

    `typed` says that `reference` is the moment a person typed the phrase, not a
    document's date: then a season typed in its last month is the next one.
    """
    mt = match_text(text)
    chosen = select_longest(_candidates(mt, reference, field=True, typed=typed), lambda d: d.span)
    if len(chosen) != 1:
        return None
    found = chosen[0]
    rest = mt.folded[: found.span[0]] + " " + mt.folded[found.span[1] :]
    if any(word not in _FILLER for word in _WORDS.findall(rest)):
        return None
    return found
