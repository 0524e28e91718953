"""The parts of an action-plan table: cells, rows, and the words that say what a column or a cell is.

A header row names its columns with a few words ("Rekommendation", "Åtgärd",
"Ansvarig", "Tidplan", "Förvaltningens kommentar"); a cell on a line of its own
is read by what it says: a date is the Tidplan, a short role the Ansvarig,
"bör …" the Rekommendation, the rest the Åtgärd.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.extraction.cues import sv
from bot.extraction.textfold import qfold
from bot.language.periods import find_deadlines, parse_deadline

__all__ = [
    "Cell",
    "Row",
    "Table",
    "cell_kind",
    "column_kind",
    "header_kinds",
    "last_kind",
    "resolve_comment",
]

_COLUMN_WORDS = {
    "rec": ("rekommendation", "rekommendationer", "iakttagelse", "iakttagelser", "revisorernas", "synpunkt"),
    "action": ("atgard", "atgarder", "aktivitet", "aktiviteter", "planerad", "planerade"),
    # "Förvaltningens kommentar": the answer's words; the Åtgärd column, if there is one, holds the promise.
    "comment": ("svar", "kommentar", "kommentarer", "synpunkter"),
    "owner": ("ansvarig", "ansvar", "ansvariga"),
    "deadline": ("tidplan", "tidsplan", "klart", "klar", "nar", "datum", "deadline", "senast", "tidpunkt"),
    "other": ("status", "nr", "uppfoljning", "aterrapportering", "forvaltningens", "namndens", "och", "/", "|"),
}
_HEADER_WORD = {w: kind for kind, words in _COLUMN_WORDS.items() for w in words}
_ROLE = sv(
    r"(?:chef|rektor|samordnare|strateg|controller|sekreterare|handläggare|ledningsgrupp|elevhälsa|enhet|avdelning"
    r"|förvaltning|nämnd|styrelse|ansvarig|direktör|ledare|utvecklare|team|grupp|stab|kansli|socialtjänst)"
)
_REC_CELL = sv(r"\bbör\b|\bbor\b|rekommend|^\W*(?:\d+[.)]\s*)?(?:säkerställa|tillse|se\s+till|utveckla|förtydliga)\b")


@dataclass
class Cell:
    text: str
    start: int  # original offsets
    end: int


@dataclass
class Row:
    cells: dict[str, list[Cell]] = field(default_factory=dict)

    def add(self, kind: str, cell: Cell) -> None:
        self.cells.setdefault(kind, []).append(cell)


@dataclass
class Table:
    start: int
    end: int
    rows: list[dict[str, list[Cell]]]


# A word that makes a cell a sentence rather than a name: "ska", "kommer", a passive or present verb.
_VERB_LIKE = re.compile(r"\b(?:ska|skall|kommer|att|har|blir|sker)\b|\b\w{3,}(?:as|ar|er)\b(?<!ansvar)")
_ACTION_HEADER = frozenset({"atgard", "atgarder", "aktivitet", "aktiviteter"})


def header_kinds(folded: str) -> list[str] | None:
    """The column kinds of a header row ("Rekommendation Åtgärd Ansvarig Tidplan"), or None."""
    if ":" in folded:
        return None  # "Svar: …" is a label, not a header row
    words = re.findall(r"[a-z]+|/|\|", folded)
    if not words or len(words) > 12 or not _ACTION_HEADER.intersection(words):
        return None
    kinds: list[str] = []
    for w in words:
        kind = _HEADER_WORD.get(w)
        if kind is None:
            return None
        if kind not in ("other", "comment") and (not kinds or kinds[-1] != kind):
            kinds.append(kind)
    if "action" in kinds and ("owner" in kinds or "deadline" in kinds) and len(kinds) >= 2:
        return kinds
    return None


def column_kind(folded: str) -> str | None:
    """The kind of one header cell ("Planerad åtgärd" → "action"), or None if it is no header word."""
    kinds = [_HEADER_WORD.get(w) for w in re.findall(r"[a-z]+", folded)]
    if not kinds or any(k is None for k in kinds):
        return None
    return next((k for k in kinds if k != "other"), "other")


def resolve_comment(columns: list[str]) -> list[str]:
    """A comment column is the action where there is no Åtgärd column; else it is left out."""
    if "action" in columns:
        return ["other" if c == "comment" else c for c in columns]
    return ["action" if c == "comment" else c for c in columns]


def cell_kind(text: str, reference: date) -> str:
    folded = qfold(text)
    words = folded.split()
    if len(words) <= 6 and parse_deadline(text, reference) is not None:
        return "deadline"
    if len(words) <= 8 and not _VERB_LIKE.search(folded) and find_deadlines(text, reference):
        return "deadline"  # "Årligen, första gången i februari 2025"
    if len(words) <= 6 and re.fullmatch(r"(?:lopande|pagar|kontinuerligt|arligen|klart|genomfort|ht|vt)\W*\d*", folded):
        return "deadline"
    if (
        len(words) <= 6
        and _ROLE.search(folded)
        and not _VERB_LIKE.search(_ROLE.sub(" ", folded))  # "Controller" is a role, not a verb in -er
        and not folded.endswith(".")
    ):
        return "owner"
    if _REC_CELL.search(folded):
        return "rec"
    return "action"


def last_kind(row: Row) -> str:
    best_kind, best_start = "action", -1
    for kind, cells in row.cells.items():
        if cells and cells[-1].start > best_start:
            best_kind, best_start = kind, cells[-1].start
    return best_kind
