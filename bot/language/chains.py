"""Time atoms joined into lists and ranges, read with their prepositions, resolved to a `Deadline`.

"senast i mars och september 2024", "mellan januari och mars", "i början av
hösten", "från och med vecka 12": a chain is one atom or several joined by
"och", "," or "-"; the preposition before it ("senast", "innan", "till",
"efter", "från och med", "mellan", an OCR'd "1" for "i") and a vague word ("i
början/mitten/slutet av"), read in `prefixes`, say what date it gives. The
conventions are in `periods`' docstring.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.language.atoms import Atom, list_gap, month_atom, occurrence, range_gap
from bot.language.dates import Interval, add_days, add_months, month_end
from bot.language.deadline import Deadline
from bot.language.normalize import MatchText
from bot.language.prefixes import Prefix, prefix_before, vague_before
from bot.language.seasons import as_said, nearly_over
from bot.language.year_named import YEAR_NAMED, names_the_year

__all__ = ["Chain", "chains_of", "resolve_chain"]


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
class Chain:
    atoms: tuple[Atom, ...]
    is_range: bool


_EITHER = frozenset({"month", "season", "term", "week"})


def _either_sep(sep: str, prev: Atom, atom: Atom) -> bool:
    """ "/" joins any two of them; "eller" only weeks ("vecka 11 eller 12" is when the works start, while a
    typed "april eller maj" stays a question for the one who typed it)."""
    return sep == "/" or (sep == "eller" and prev.kind == atom.kind == "week")


def _either_or(text: str, atoms: list[Atom]) -> list[Atom]:
    """ "i september/oktober 2020", "under våren/sommaren 2021", "i vecka 11 eller 12": one or the other, so
    done by the later one."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in _EITHER
            and atom.kind in _EITHER
            and not prev.is_range
            and not atom.is_range
            and _either_sep(text[prev.end : atom.start].strip(), prev, atom)
            and (prev.year is None or prev.year == atom.year)
        ):
            out[-1] = replace(atom, start=prev.start, needs_context=prev.needs_context and atom.needs_context)
            continue
        out.append(atom)
    return out


# "före jullovet och senast den 17 juni 2024": the second time has its own "senast", the first is before
# (or after, or from) something; two phrases, not one list read with the first one's preposition.
_SENAST = re.compile(r"\bsenast\b")
_OTHER_MODE = re.compile(r"(?<![^\W_])(?:innan|f[oe]re|inf[oe]r|efter|fr[ad]n|tidigast)(?:\s+den)?\s*$")


def _own_limit_after_other_mode(text: str, first: Atom, gap: str) -> bool:
    return bool(_SENAST.search(gap)) and bool(_OTHER_MODE.search(text[max(0, first.start - 24) : first.start]))


def chains_of(mt: MatchText, atoms: list[Atom]) -> list[Chain]:
    """Atoms joined into lists ("mars och september") and ranges ("januari-mars")."""
    text = mt.folded
    atoms = _either_or(text, atoms)
    out: list[Chain] = []
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
            if list_gap(gap) and not _own_limit_after_other_mode(text, items[0], gap):
                items.append(atoms[j])
                j += 1
                continue
            break
        out.append(Chain(tuple(items), is_range))
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
    prefix: Prefix | None
    prefix_end: int  # where the preposition (if any) must end: before "i början av", else at the first atom
    vague: str | None  # "start", "mid" or "end" for "i början/mitten/slutet av"
    mode: str
    start: int
    confidence: float
    notes: list[str]


def resolve_chain(mt: MatchText, chain: Chain, reference: date, *, field: bool, typed: bool) -> Deadline | None:
    """The deadline, range or period a chain says with the words before it, or None if it says none."""
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


def _how_said(mt: MatchText, chain: Chain) -> _Said:
    """The chain's preposition and vague word ("senast i slutet av"), looked for before its first atom."""
    items = list(chain.atoms)
    first = items[0]
    vague_found = vague_before(mt, first.start)
    vague = vague_found[0] if vague_found else None
    prefix_end = vague_found[1] if vague_found else first.start
    prefix = prefix_before(mt, prefix_end)
    mode = prefix.mode if prefix else "end"
    start = prefix.start if prefix else prefix_end
    confidence = min(a.confidence for a in items)
    return _Said(items, prefix, prefix_end, vague, mode, start, confidence, [])


def _said_as_time(mt: MatchText, said: _Said, *, field: bool) -> bool:
    """Is the chain said as a time? A bare year, month or season in running text needs a preposition."""
    if said.prefix is None and said.vague is None and not field and all(a.needs_context for a in said.items):
        if all(a.kind == "year" for a in said.items) and names_the_year(mt.folded, said.items[0].start):
            # "en strategi för 2021", "år 2021": the year the work is for, a deadline only when nothing else is.
            said.notes.append(YEAR_NAMED)
            said.confidence = min(said.confidence, 0.5)
            return True
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


def _is_range(chain: Chain, said: _Said) -> bool:
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


def _range(mt: MatchText, chain: Chain, said: _Said, intervals: list[Interval], end: int) -> Deadline | None:
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
    first = said.items[0]
    pairs = list(zip(said.items, intervals, strict=True))
    # "vecka 14, 3–9 april 2017": a time said again more exactly is one time, not a list of two.
    pairs = [p for n, p in enumerate(pairs) if n + 1 == len(pairs) or not _overlap(p[1], pairs[n + 1][1])]
    for n, (written, interval) in enumerate(pairs):
        atom, iv = written, interval
        if n and written.kind == "year" and written.year is not None and first.kind in ("date", "month"):
            # "senast den 15 april 2025 respektive 2026": the same day, the year after.
            again = first.build(written.year)
            if again is not None:
                atom, iv = first, again
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
    during = said.prefix is not None and said.prefix.text == "under"
    if len(pairs) > 1 and _one_stretch(mt, pairs, during=during):
        # "under hösten 2021 och våren 2022", "under 2019 och 2020": periods that follow on each other are one
        # stretch of work, done by its end ("i mars och september" stays two dates); so are months after "under"
        # ("Under maj och juni 2017 ska varje nämnd … fatta beslut").
        dates, pairs = dates[-1:], pairs[-1:]
    if len(pairs) > 1:
        kind = "list"
    elif pairs[0][0].kind in ("date", "duration") and said.vague is None:
        kind = "date"
    else:
        kind = "period"
    return _make(mt, said.start, end, tuple(sorted(set(dates))), kind, confidence, said.notes)


def _one_stretch(mt: MatchText, pairs: list[tuple[Atom, Interval]], *, during: bool) -> bool:
    """Are these years or seasons (or months, said "under"), joined by "och", each starting when the one before
    ends?"""
    kinds = _STRETCHES | {"month"} if during else _STRETCHES
    for (a, iv), (b, nxt) in itertools.pairwise(pairs):
        if a.kind not in kinds or b.kind not in kinds or nxt.start > iv.end + timedelta(days=1):
            return False
        if nxt.start <= iv.start:
            return False
        if " och " not in f" {mt.folded[a.end : b.start]} ":
            return False
    return True


# Years, seasons and terms: "rapporter i maj och juni" are two reports, one a month, and stay two dates.
_STRETCHES = frozenset({"year", "season", "term", "schoolyear"})


def _overlap(a: Interval, b: Interval) -> bool:
    return a.start <= b.end and b.start <= a.end


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
