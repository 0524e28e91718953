"""Time expressions without their prepositions: the atoms of the deadline grammar.

An atom is "april 2023", "hösten", "vecka 12", "läsåret 2023/24", "15 maj",
"innevarande år" ... with the span it covers and a way to turn it into an
`Interval` for a given year. `chains.py` adds the prepositions ("senast i",
"innan", "mellan ... och"), joins atoms into lists and ranges, and picks the
year when none is written.

Every pattern runs over text folded by `normalize.match_text`, so it sees lower
case, å/ä as "a", ö as "o" and OCR digit look-alikes already read as letters; the
patterns also accept OCR's "i" for "ä", "d" for "å" and "é" (folded "e") for "ö".
Patterns are anchored on literal words or digits and use no nested repetition,
so they stay linear on any input.

Conventions (as in `periods.py`):

- våren / vårterminen / vt = 1 January-30 June; hösten / höstterminen / ht =
  1 August-31 December; läsåret = 1 August-30 June.
- sommaren = midsommarafton-31 August; "innan sommaren" is the last working day
  before midsommarafton. vintern Y = 1 December Y-1 to the end of February Y.
- a week ends on its last working day.
- årsskiftet Y = 31 December Y (also "innan årsskiftet"); halvårsskiftet = 30 June.
- jul = 24-26 December, "innan jul" = 23 December; påsk = långfredagen-annandag
  påsk, "innan påsk" = skärtorsdagen; midsommar = midsommarafton-midsommardagen.
- mandatperioden runs from 15 October of an election year (2022, 2026, ...) to
  14 October four years later.
- läsårsstarten / skolstarten Y = 1 August Y, the earliest day a school year
  may begin ("till läsårsstarten 2027" = 31 July 2027, note "school_start");
  läsårsslutet Y = 30 June Y. A term's start or end with a year needs "hösten"
  or "våren" ("terminsstarten hösten 2027"); without it the phrase is not read.

The package: `atom` (the Atom and the pattern fragments), `intervals` (what an
atom stands for in a given year, and periods relative to the reference date),
a module of scanners per kind of atom (`calendar`, `year_parts`, `relative`),
and `scan` (all scanners over a text, the year an atom falls in, and the gaps
that join atoms).
"""

from __future__ import annotations

from bot.language.atoms.atom import Atom
from bot.language.atoms.calendar import month_atom
from bot.language.atoms.scan import LIST_SEP, RANGE_SEP, list_gap, occurrence, range_gap, scan_atoms, select_longest

__all__ = [
    "LIST_SEP",
    "RANGE_SEP",
    "Atom",
    "list_gap",
    "month_atom",
    "occurrence",
    "range_gap",
    "scan_atoms",
    "select_longest",
]
