"""Action plans laid out as fields: "Åtgärd: …", "Ansvarig: Rektor", "Tidplan: senast juni 2024".

Two layouts: label units with their value on the same line or the paragraph
after (`field_records`, positions in the units' text), and field names on lines
of their own with the value on the lines after ("Rekommendation 1 / <text> /
Åtgärd / <text> / Ansvarig / <text>", as a Word table of two columns comes out;
`find_key_records`). `deadline_of` and `owner_of` read a Tidplan and an
Ansvarig value, for table cells too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.extraction.deadlines import Chosen, choose
from bot.extraction.layout import Unit
from bot.extraction.lines import Line
from bot.extraction.structure import Role
from bot.extraction.table_parts import Cell, Table
from bot.language.normalize import repair_ocr
from bot.language.periods import find_deadlines, parse_deadline

__all__ = ["TableRecord", "deadline_of", "field_records", "find_key_records", "owner_of"]


@dataclass
class TableRecord:
    """One row of an action plan read from field labels (positions are in unit clean text)."""

    action: tuple[int, int, int] | None  # (unit index, start, end)
    owner: str | None
    deadline: Chosen | None
    rec_unit: int | None = None


def deadline_of(value: str, reference: date) -> Chosen | None:
    """A Tidplan field's deadline: the whole field, else the phrases in it."""
    value = " ".join(value.split())
    if not value:
        return None
    found = parse_deadline(value, reference)
    if found is not None:
        chosen = choose([found], document_date=None)
    else:
        chosen = choose(find_deadlines(value, reference), document_date=None)
    if not chosen.deadlines and chosen.recurrence is None and chosen.note is None:
        return Chosen((), value[:80], None, None, 0.0)
    return Chosen(chosen.deadlines, value[:80], chosen.recurrence, chosen.note, chosen.confidence)


def owner_of(value: str) -> str | None:
    value = " ".join(value.split()).strip(" .,;")
    return repair_ocr(value) if 2 <= len(value) <= 110 else None


def field_records(units: list[Unit], roles: list[Role], reference: date) -> list[TableRecord]:
    """Records from "Åtgärd:", "Ansvarig:", "Tidplan:" label units."""
    records: list[TableRecord] = []
    current: TableRecord | None = None
    last_rec: int | None = None
    for i, unit in enumerate(units):
        if roles[i].role == "rec":
            last_rec = i
            current = None
            continue
        if unit.kind != "label" or unit.label not in ("action", "owner", "deadline", "followup"):
            if unit.kind in ("heading",) or (unit.kind == "label" and unit.label == "answer"):
                current = None
            continue
        value_unit, value = i, unit.text
        if not value and i + 1 < len(units) and units[i + 1].kind == "para":
            value_unit, value = i + 1, units[i + 1].text
        if unit.label == "action":
            if not value:
                continue
            current = TableRecord((value_unit, 0, len(value)), None, None, last_rec)
            records.append(current)
        elif current is not None and unit.label == "owner" and current.owner is None:
            current.owner = owner_of(value)
        elif current is not None and unit.label in ("deadline", "followup") and current.deadline is None:
            current.deadline = deadline_of(value, reference)
    return records


# --------------------------------------------------------------------------- #
# Records with their field names on lines of their own
# --------------------------------------------------------------------------- #

_KEYS: list[tuple[str, re.Pattern[str]]] = [
    ("rec", re.compile(r"^(?:revisorernas\s+)?(?:rekommendation|iakttagelse)(?:\s*(?:nr\.?\s*)?\d+[a-z]?)?\s*:?$")),
    (
        "action",
        re.compile(r"^(?:planerade?\s+|foreslagen\s+|beslutad\s+)?(?:atgard(?:er)?|aktivitet(?:er)?)(?:\s*\d+)?\s*:?$"),
    ),
    ("owner", re.compile(r"^(?:ansvarig(?:a)?(?:\s+(?:chef|funktion|for\s+atgarden))?|ansvar)\s*:?$")),
    ("deadline", re.compile(r"^(?:tids?plan|klart?(?:\s+senast)?|tidpunkt|deadline|slutdatum|nar|fardigt?)\s*:?$")),
]
_MAX_VALUE_LINES = 8


def _key_of(line: Line) -> str | None:
    if line.kind != "text" or len(line.folded) > 40:
        return None
    return next((kind for kind, pattern in _KEYS if pattern.match(line.folded)), None)


def find_key_records(lines: list[Line]) -> list[Table]:
    """Records laid out "Rekommendation 1 / <text> / Åtgärd / <text> / Ansvarig / <text> / Tidplan / <text>".

    A Word table of two columns (field, value) comes out so too. A record needs an
    Åtgärd and an Ansvarig or a Tidplan; a field named twice starts the next record.
    """
    tables: list[Table] = []
    rows: list[dict[str, list[Cell]]] = []
    row: dict[str, list[Cell]] = {}
    key: str | None = None
    start = end = -1
    values = 0

    def close() -> None:
        nonlocal row, rows, start, end
        row = {k: cells for k, cells in row.items() if cells}  # a field named but left empty
        if "action" in row and ("owner" in row or "deadline" in row):
            rows.append(row)
            end = max(c.end for cells in row.values() for c in cells)
        row = {}
        if rows and not (key is not None):
            tables.append(Table(start, end, rows))
            rows = []

    for line in lines:
        if line.kind != "text":
            continue
        found = _key_of(line)
        if found is not None:
            if found in row or (found == "rec" and row):
                close()
            if not row and not rows:
                start = line.start
            row.setdefault(found, [])
            key, values = found, 0
            continue
        if key is None:
            continue
        values += 1
        if values > _MAX_VALUE_LINES:
            # Prose again: the records, if any, have ended.
            key = None
            close()
            continue
        row[key].append(Cell(line.text, line.start, line.end))
    key = None
    close()
    return [t for t in tables if t.rows]
