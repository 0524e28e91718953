"""What the reader works with: a unit's text read once, a sentence's facts, and a finding in the making.

A draft (`Draft`) is a finding in the making: its places in the units and what
is known so far; `finish.finish` turns it into a `Finding`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.extraction.action_fields import TableRecord
from bot.extraction.classify import Cue
from bot.extraction.deadlines import usable
from bot.extraction.layout import Unit
from bot.language.deadline import Deadline
from bot.language.periods import find_deadlines

__all__ = ["Draft", "Sentence", "UnitText"]


@dataclass
class UnitText:
    """A unit's text as the reader reads it: folded, cut into sentences, its time phrases found once, when asked."""

    unit: Unit
    folded: str
    sentences: list[tuple[int, int]]
    reference: date
    # The time phrases of every text read so far, shared by the document's units: a long answer repeats
    # itself (a summary restates the body, an answer pasted twice), and a text's phrases are its own.
    seen: dict[str, list[Deadline]] = field(default_factory=dict)
    _deadlines: list[Deadline] | None = None

    @property
    def deadlines(self) -> list[Deadline]:
        if self._deadlines is None:
            text = self.unit.text
            found = self.seen.get(text)
            if found is None:
                found = self.seen[text] = usable(find_deadlines(text, self.reference), self.folded)
            self._deadlines = list(found)
        return self._deadlines

    def within(self, start: int, end: int) -> list[Deadline]:
        return [d for d in self.deadlines if d.span[0] >= start and d.span[1] <= end]


@dataclass
class Sentence:
    """One sentence of a unit ([start, end) in its text) and what it says: a promise cue, an owner, a date …."""

    start: int
    end: int
    folded: str
    cue: Cue | None
    owner: str | None
    rec: bool
    has_date: bool
    has_rhythm: bool
    anaphoric: bool
    past: bool
    assessment: bool
    report_back: bool
    # Its time phrases all lie before the document's date ("gav i mars 2016 … i uppdrag att under hösten 2016").
    dated_before: bool = False


@dataclass
class Draft:
    """A finding in the making: its places in the units and what is known of it so far."""

    kind: str
    parts: list[tuple[int, int, int]]  # (unit index, clean start, clean end)
    strength: float
    hedged: bool = False
    owner: str | None = None
    explicit_owner: bool = False
    # An owner carried from the decision ("Regeringen ger X i uppdrag"), not said by the sentence itself:
    # it names who, but is no sign that the sentence is a commitment.
    carried_owner: bool = False
    block: int | None = None
    answers: Draft | None = None
    structural: bool = False
    rec_cue: bool = False
    # Filled in by a table record: the fields the layout gives outright.
    table: TableRecord | None = None
    committees: list[str] = field(default_factory=list)
    # A list intro's deadline ("… har man som målsättning att under 2019 arbeta med:"), for an item without one.
    inherited: list[Deadline] = field(default_factory=list)
    # A task a body gives ("Regionstyrelsen ger regiondirektören i uppdrag att …"): auditors give none, so the
    # discount for the auditors' voice in a report does not apply to it.
    assigned: bool = False

    @property
    def first(self) -> tuple[int, int]:
        unit, start, _ = self.parts[0]
        return unit, start
