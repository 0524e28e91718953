"""A table flattened one cell after another, each cell broken over short lines.

pdftotext and many PDF converters give a table as its cells in reading order:
all lines of the Rekommendation cell, then the Åtgärd cell, the Ansvarig cell,
the Tidplan cell, then the next row. Nothing marks where a cell ends, but a
cell is read by what it is: it begins with a capital letter or a digit (a
line that goes on in lower case continues the cell before), a Tidplan is a
date or a rhythm, an Ansvarig a short role without a full stop, a
Rekommendation says "bör", and numbered rows ("1. Nämnden bör …") begin
with their number. The cut into cells is the one that scores best over the
whole table (dynamic programming over lines × columns), so one odd cell does
not throw every later row out of step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.extraction.cues import TIME_HINT, sv
from bot.extraction.lines import Line
from bot.language.periods import find_deadlines, parse_deadline

__all__ = ["segment_rows"]

_MAX_CELL_LINES = 10
# An Ansvarig or a Tidplan is a few words, however narrow the column.
_MAX_LINES = {"owner": 6, "deadline": 5}
# Lines read past the last row that ended well before the table is taken to be over.
_GIVE_UP = 25
_IMPOSSIBLE = -1e9
_ROW_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+\S")
_ROLE = sv(
    r"(?:chef|rektor|samordnare|strateg|controller|sekreterare|handläggare|ledningsgrupp|elevhälsa|enhet|avdelning"
    r"|förvaltning|nämnd|styrelse|ansvarig|direktör|ledare|utvecklare|team|grupp|stab|kansli|socialtjänst"
    r"|ekonom|jurist|samordning|ledning|specialist|ombud|registrator|arkivarie|administratör|sektor|kontor)"
)
_VERB_LIKE = re.compile(r"\b(?:ska|skall|kommer|att|har|blir|sker|görs|gors|tas|ges)\b|\b\w{3,}(?:as|ar|er)\b")
_NOT_VERBS = re.compile(r"\b(?:ansvar|controller|\w*chef(?:er)?|\w*ledare|\w*strateger|samordnare|handläggare)\b")
_SHOULD = sv(r"\bbör\b|\bbor\b|rekommend|^\W*(?:\d+[.)]\s*)?(?:säkerställa|tillse|se\s+till|utveckla|förtydliga)\b")
_STATE_WORDS = re.compile(
    r"^(?:lopande|pagar|pagaende|kontinuerligt|fortlopande|arligen|klart|klar|genomfort|genomford|avslutad|avslutat"
    r"|infort|omgaende|ht|vt|direkt|snarast|stand(?:igt)?)\b"
)


def _timely(folded: str) -> bool:
    return bool(TIME_HINT.search(folded) or _STATE_WORDS.match(folded))


@dataclass
class _Span:
    """What a stretch of lines is like, worked out once for all the columns it might be."""

    text: str
    folded: str
    words: int
    first_lower: bool
    sentence_end: bool
    starts_row: bool
    inner_row: bool  # a line after the first opens a numbered row: the row was missed
    # A Tidplan cell begins and ends with time words ("Senast 30 september / 2024"): only then is it parsed.
    timely: bool
    _date: bool | None = None
    _phrase: bool | None = None
    _verbs: bool | None = None

    @property
    def verbs(self) -> bool:
        """Does the stretch read as a clause (a verb), role words such as "Controller" aside?"""
        if self._verbs is None:
            self._verbs = bool(_VERB_LIKE.search(self.folded)) and bool(
                _VERB_LIKE.search(_NOT_VERBS.sub(" ", self.folded))
            )
        return self._verbs


@dataclass
class _Scorer:
    reference: date
    numbered: bool
    expected_numbers: frozenset[int]

    def span(self, lines: Sequence[Line]) -> _Span:
        first = lines[0].text
        text = " ".join(line.text for line in lines)
        folded = " ".join(line.folded for line in lines)
        return _Span(
            text=text,
            folded=folded,
            words=len(folded.split()),
            first_lower=first[:1].islower(),
            sentence_end=lines[-1].text.rstrip().endswith((".", "!", "?", ":")),
            starts_row=self._opens_row(first),
            inner_row=self.numbered and any(self._opens_row(line.text) for line in lines[1:]),
            timely=_timely(lines[0].folded) and _timely(lines[-1].folded),
        )

    def _opens_row(self, line: str) -> bool:
        m = _ROW_NUMBER.match(line)
        return m is not None and int(m.group(1)) in self.expected_numbers

    def is_date(self, sp: _Span) -> bool:
        """Is the whole stretch one time phrase? Asked only of short stretches: the grammar is the cost."""
        if sp._date is None:
            sp._date = (
                sp.words <= 14
                and bool(TIME_HINT.search(sp.folded))
                and parse_deadline(sp.text, self.reference) is not None
            )
        return sp._date

    def has_phrase(self, sp: _Span) -> bool:
        if sp._phrase is None:
            sp._phrase = (
                sp.words <= 10 and bool(TIME_HINT.search(sp.folded)) and bool(find_deadlines(sp.text, self.reference))
            )
        return sp._phrase

    def cell(self, kind: str, sp: _Span) -> float:
        score = -3.0 if sp.first_lower else 0.0  # a line in lower case goes on with the cell before it
        if sp.inner_row:
            score -= 4.0
        if kind == "deadline":
            if sp.words > 14:
                return score - 6.0
            if not sp.timely:
                return score - 4.0
            if self.is_date(sp):
                score += 4.0
            elif _STATE_WORDS.match(sp.folded):
                # "Årligen, första gången i februari 2025": the date belongs to the cell too.
                score += 3.5 if self.has_phrase(sp) else 3.0
            elif self.has_phrase(sp):
                score += 2.5
            else:
                score -= 4.0
            if sp.starts_row:
                score -= 3.0
        elif kind == "owner":
            if sp.words > 14:
                return score - 5.0
            if sp.verbs:
                score -= 3.0
            elif sp.timely and self.is_date(sp):
                return score - 5.0
            elif _ROLE.search(sp.folded):
                score += 3.0
            elif sp.words <= 4:
                score += 0.5
            else:
                score -= 3.0
            if sp.sentence_end:
                score -= 2.0
            if sp.starts_row:
                score -= 3.0
        elif kind == "rec":
            if _SHOULD.search(sp.folded):
                score += 2.5
            if sp.sentence_end:
                score += 1.0
            if self.numbered:
                score += 3.0 if sp.starts_row else -3.0
        else:  # the action, a comment or a column we do not use
            if sp.verbs:
                score += 1.0
            if sp.sentence_end:
                score += 1.0
            if sp.words <= 8 and sp.timely and self.is_date(sp):
                score -= 3.0
            if sp.starts_row:
                score -= 3.0
        return score


_BLANK_INSIDE = 1.0
_EMPTY_PENALTY = {"owner": 2.5, "deadline": 2.5, "rec": 3.0, "other": 0.5, "comment": 1.0}


def numbered_rows(lines: Sequence[Line]) -> frozenset[int]:
    """The row numbers present in order (1, 2, 3 …) at line starts: the numbers rows begin with."""
    found: set[int] = set()
    expected = 1
    for line in lines:
        if line.kind == "blank":
            continue
        m = _ROW_NUMBER.match(line.text)
        if m is not None and int(m.group(1)) == expected:
            found.add(expected)
            expected += 1
    return frozenset(found) if len(found) >= 2 else frozenset()


def segment_rows(lines: Sequence[Line], columns: Sequence[str], reference: date) -> list[list[tuple[str, list[Line]]]]:
    """The best cut of `lines` into rows of `columns`, as (kind, lines) cells per row; only whole rows.

    Rows whose cells score badly are left out at the end: the table stops where its rows stop
    making sense (the running text after it).
    """
    if not lines or "action" not in columns:
        return []
    numbers = numbered_rows(lines)
    scorer = _Scorer(reference, bool(numbers), numbers)
    n, width = len(lines), len(columns)
    spans: dict[tuple[int, int], _Span] = {}

    def cell_score(c: int, i: int, j: int) -> float:
        sp = spans.get((i, j))
        if sp is None:
            sp = spans[(i, j)] = scorer.span(lines[i:j])
        return scorer.cell(columns[c], sp)

    # best[i][c]: the best score with lines[:i] read and column c next; back[i][c]: how we got there.
    best = [[_IMPOSSIBLE] * width for _ in range(n + 1)]
    back: _Back = [[None] * width for _ in range(n + 1)]
    best[0][0] = 0.0
    # Two passes over the columns: an empty last cell leads back to column 0 at the same line.
    passes = [*range(width), *range(width)]
    best_end = 0
    for i in range(n + 1):
        if best[i][0] >= best[best_end][0]:
            best_end = i
        elif i > best_end + _GIVE_UP:
            break  # no row has ended well for a long stretch: the table is over
        for c in passes:
            here = best[i][c]
            if here <= _IMPOSSIBLE:
                continue
            nxt = (c + 1) % width
            empty = columns[c] != "action"  # never an empty action: a row without one says nothing
            if empty:
                _relax(best, back, i, nxt, here - _EMPTY_PENALTY.get(columns[c], 1.0), (i, c))
            if i < n and lines[i].kind == "blank":
                # A blank line: between rows, or an empty cell (Word gives one so); never inside a cell.
                _relax(best, back, i + 1, c, here - (0.0 if c == 0 else _BLANK_INSIDE), (i, c))
                if empty:
                    _relax(best, back, i + 1, nxt, here - _EMPTY_PENALTY.get(columns[c], 1.0) / 2, (i, c))
                continue
            for j in range(i + 1, min(n, i + _MAX_LINES.get(columns[c], _MAX_CELL_LINES)) + 1):
                if lines[j - 1].kind == "blank":
                    break
                _relax(best, back, j, nxt, here + cell_score(c, i, j), (i, c))
    # Where the table ends: the row boundary with the best score (rows that do not fit are not rows).
    end = best_end
    if end == 0 or best[end][0] <= 0:
        return []
    return _rows_from(back, lines, columns, end)


_Back = list[list[tuple[int, int] | None]]


def _relax(best: list[list[float]], back: _Back, i: int, c: int, score: float, src: tuple[int, int]) -> None:
    if score > best[i][c]:
        best[i][c] = score
        back[i][c] = src


def _rows_from(
    back: _Back, lines: Sequence[Line], columns: Sequence[str], end: int
) -> list[list[tuple[str, list[Line]]]]:
    cells: list[tuple[str, list[Line]]] = []
    i, c = end, 0
    while (src := back[i][c]) is not None:
        pi, pc = src
        if pc != c or pi == i:  # a cell (possibly empty); a skipped blank line moves on in the same column
            cells.append((columns[pc], [x for x in lines[pi:i] if x.kind != "blank"]))
        i, c = pi, pc
    cells.reverse()
    width = len(columns)
    return [cells[k : k + width] for k in range(0, len(cells), width)]
