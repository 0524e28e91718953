"""Owners that a page's structure gives rather than a sentence.

Follow-ups of a committee's assignments are often published as lists where a line names the committee and the
lines under it are its items: "(Miljö- och samhällsnämnden) ." over each assignment, or the committee's short
name after the assignment ("Gör en översyn av styrmedlen … (KS)"). The commitments under such a line are that
committee's when no sentence names an owner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.extraction.layout import Unit
from bot.extraction.owners import find_committees
from bot.language.normalize import match_text

__all__ = ["section_owners"]

_LONGEST_LINE = 400
# A line that is only a committee's name, perhaps in brackets: "(Miljö- och samhällsnämnden) .".
_ONLY = re.compile(r"^\W*(?P<name>[^()]{3,80}?)\W*$")
# A committee's short name in brackets at the end of a line: "… minskar (KS)", "… Östberget (MSN)".
# A committee's initials end in its kind: nämnd, styrelse, fullmäktige, utskott ("BUN", "KS", "KF", "KSAU"); the
# initials a sentence spells out ("systematiskt arbetsmiljöarbete (SAM)") name a thing.
_SHORT = re.compile(r"\((?P<short>[A-ZÅÄÖ]{1,5}[NSFU])\)\s*\.?\s*$")


def section_owners(units: Sequence[Unit]) -> dict[int, str]:
    """For each unit under a line that names a committee, that committee (as written)."""
    out: dict[int, str] = {}
    current: str | None = None
    for i, unit in enumerate(units):
        named = _names_section(unit.text)
        if named is not None:
            current = named
        elif unit.kind == "heading":
            current = None  # a new section without a committee line
        if current is not None:
            out[i] = current
    return out


def _names_section(text: str) -> str | None:
    if len(text) > _LONGEST_LINE:
        return None  # a committee's line is short; most units are paragraphs
    line = " ".join(text.split())
    short = _SHORT.search(line)
    if short is not None:
        return short["short"]
    only = _ONLY.match(line)
    if only is None:
        return None
    folded = match_text(only["name"]).folded
    committees = find_committees(only["name"], folded)
    if len(committees) == 1 and committees[0][0] == 0 and committees[0][1] >= len(folded.rstrip(" .")) - 1:
        return committees[0][2]
    if _TWO_WORDS.fullmatch(folded.strip(" .")):
        return " ".join(only["name"].split()).strip(" .")  # "Tekniska nämnden", "Kommunstyrelsens arbetsutskott"
    name = only["name"].strip(" .")
    if _UNIT_HEADING.fullmatch(name):
        return name  # a school form or unit over its own news: "Kulturskolan", "Vuxenutbildningen"
    return None


_TWO_WORDS = re.compile(r"[^\W\d_]{3,}\s+(?:namnden|namnd|styrelsen|utskottet|arbetsutskottet)")
# One word naming a school form or a municipal unit in the definite: a municipality's news page tells each unit's
# plans under its own heading. A school's own name ("Nästegårdsskolan") is a place the work is done at, not who does it;
# a förvaltning needs its own first part ("Socialförvaltningen"), so "Förvaltningen", the whole side, owns no section.
_UNIT_HEADING = re.compile(
    r"(?:Förskolan|Grundskolan|Grundsärskolan|Gymnasieskolan|Gymnasiesärskolan|Anpassade\s+grundskolan"
    r"|Kulturskolan|Musikskolan|Yrkeshögskolan|Vuxenutbildningen|Fritidshemmet|Fritidshemmen"
    r"|[A-ZÅÄÖ][a-zåäö-]*förvaltningen|Socialtjänsten|Hemtjänsten|Räddningstjänsten|Elevhälsan)"
)
