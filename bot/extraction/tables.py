"""Action plans laid out as fields or as a table: Rekommendation | Åtgärd | Ansvarig | Tidplan.

Two layouts come out of PDFs and Word files:

- fields, one per line: "Åtgärd: …", "Ansvarig: Rektor", "Tidplan: senast juni
  2024" (with "Rekommendation 1: …" before them); each "Åtgärd" opens a record;
- a table whose header row names the columns. Its cells come out either on one
  line per row, columns apart by runs of spaces (read by column position), or
  one cell after another on lines of their own (read by what each cell is: a
  date is the Tidplan, a short role the Ansvarig, "bör …" the Rekommendation,
  the rest the Åtgärd).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.extraction.cells import segment_rows
from bot.extraction.cues import sv
from bot.extraction.deadlines import Chosen, choose
from bot.extraction.layout import Line, Unit
from bot.extraction.structure import Role
from bot.extraction.textfold import qfold
from bot.language.normalize import repair_ocr
from bot.language.periods import find_deadlines, parse_deadline

__all__ = ["Cell", "Table", "TableRecord", "field_records", "find_key_records", "find_tables"]


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
# Tables with a header row
# --------------------------------------------------------------------------- #

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
_SEGMENTS = re.compile(r"\S+(?: \S+)*")
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
class _Row:
    cells: dict[str, list[Cell]] = field(default_factory=dict)

    def add(self, kind: str, cell: Cell) -> None:
        self.cells.setdefault(kind, []).append(cell)


@dataclass
class Table:
    start: int
    end: int
    rows: list[dict[str, list[Cell]]]


_MAX_LINES_WITHOUT_ROW = 30
# A word that makes a cell a sentence rather than a name: "ska", "kommer", a passive or present verb.
_VERB_LIKE = re.compile(r"\b(?:ska|skall|kommer|att|har|blir|sker)\b|\b\w{3,}(?:as|ar|er)\b(?<!ansvar)")
_ACTION_HEADER = frozenset({"atgard", "atgarder", "aktivitet", "aktiviteter"})


def _header_kinds(folded: str) -> list[str] | None:
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


def _column_kind(folded: str) -> str | None:
    """The kind of one header cell ("Planerad åtgärd" → "action"), or None if it is no header word."""
    kinds = [_HEADER_WORD.get(w) for w in re.findall(r"[a-z]+", folded)]
    if not kinds or any(k is None for k in kinds):
        return None
    return next((k for k in kinds if k != "other"), "other")


def _resolve_comment(columns: list[str]) -> list[str]:
    """A comment column is the action where there is no Åtgärd column; else it is left out."""
    if "action" in columns:
        return ["other" if c == "comment" else c for c in columns]
    return ["action" if c == "comment" else c for c in columns]


def _cell_kind(text: str, reference: date) -> str:
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


def find_tables(text: str, lines: list[Line], reference: date) -> list[Table]:
    """Tables with a header row naming Åtgärd and Ansvarig or Tidplan."""
    tables: list[Table] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.kind != "text" or len(line.folded.split()) > 16:
            i += 1
            continue
        header = _header_kinds(line.folded)
        header_end = i
        if header is None:
            # A header whose cells come out one per line: "Åtgärd", "Ansvarig", "Tidplan".
            words: list[str] = []
            j = i
            while j < n and len(words) < 6:
                if lines[j].kind == "blank":
                    j += 1
                    continue
                if lines[j].kind != "text" or len(lines[j].text) > 30:
                    break
                words.append(lines[j].folded)
                j += 1
                candidate = _header_kinds(" ".join(words))
                if candidate is not None and len(words) >= 2:
                    header, header_end = candidate, j - 1
            if header is None:
                i += 1
                continue
        table = _read_table(text, lines, i, header_end, header, reference)
        if table is not None and table.rows:
            tables.append(table)
            i = max(i + 1, _line_index_after(lines, table.end, i))
        else:
            i = header_end + 1
    return tables


def _line_index_after(lines: list[Line], offset: int, start: int) -> int:
    for k in range(start, len(lines)):
        if lines[k].start >= offset:
            return k
    return len(lines)


def _segments(text: str, line: Line) -> list[tuple[int, str, int]]:
    """(column, text, original start) for each run of a line separated by two or more spaces."""
    line_start = text.rfind("\n", 0, line.start) + 1
    raw = text[line_start : line.end]
    return [(m.start(), m.group(), line_start + m.start()) for m in _SEGMENTS.finditer(raw)]


def _read_table(
    text: str, lines: list[Line], first: int, header_end: int, header: list[str], reference: date
) -> Table | None:
    """The table under the header row `lines[first : header_end + 1]`, read as its layout asks, or None."""
    header_line = lines[first]
    columns: list[tuple[int, str]] | None = None
    if first == header_end:
        delimiter = next((d for d in ("|", "\t") if d in header_line.text), None)
        if delimiter is not None:
            return _read_delimited(text, lines, first, delimiter)
        columns = _column_positions(text, header_line)
    if columns is None:
        cell_by_cell = _read_cell_by_cell(lines, first, header_end, header, reference)
        if cell_by_cell is not None:
            return cell_by_cell
    comment_first = _comment_first(lines[first : header_end + 1], header)
    rows = _RowsByLine(text, columns, comment_first, reference).read(lines, header_end + 1)
    good = [r.cells for r in rows if _whole_row(r.cells)]
    if not good:
        return None
    # The table ends with its last whole row; what follows is running text again.
    end = max(cell.end for cells in good[-1].values() for cell in cells)
    return Table(header_line.start, end, good)


def _column_positions(text: str, header_line: Line) -> list[tuple[int, str]] | None:
    """(column, kind) for a header row whose cells stand apart by runs of spaces, or None."""
    segs = _segments(text, header_line)
    if len(segs) < 2:
        return None
    found = [_column_kind(qfold(seg)) for _c, seg, _o in segs]
    if not all(k is not None for k in found):
        return None
    kinds = _resolve_comment([k or "other" for k in found])
    return [(col, k) for (col, _s, _o), k in zip(segs, kinds, strict=True)]


def _read_cell_by_cell(
    lines: list[Line], first: int, header_end: int, header: list[str], reference: date
) -> Table | None:
    """A table whose cells come out on lines of their own: as groups of lines between blank lines, or flattened."""
    grouped = _read_grouped(lines, first, header_end)
    if grouped is not None:
        return grouped
    return _read_flattened(lines, first, header_end, header, reference)


def _comment_first(header_lines: list[Line], header: list[str]) -> bool:
    """ "Förvaltningens kommentar" before "Åtgärd": the first prose cell of a row is the comment, not the action."""
    header_folds = [line.folded for line in header_lines if line.kind == "text"]
    return any(_column_kind(f) == "comment" for f in header_folds) and "action" in header


def _owned_or_dated(cells: dict[str, list[Cell]]) -> bool:
    return "owner" in cells or "deadline" in cells


def _whole_row(cells: dict[str, list[Cell]]) -> bool:
    """A row worth a commitment: an action, and who does it or when."""
    return "action" in cells and _owned_or_dated(cells)


@dataclass
class _RowsByLine:
    """Rows read line by line under a header: by column position (`columns`), or by what each cell is."""

    text: str
    columns: list[tuple[int, str]] | None
    comment_first: bool
    reference: date
    rows: list[_Row] = field(default_factory=list)
    row: _Row = field(default_factory=_Row)
    blank_run: int = 0
    cells_seen: int = 0
    since_row: int = 0

    def read(self, lines: list[Line], start: int) -> list[_Row]:
        for k in range(start, len(lines)):
            if not self._take(lines[k]):
                break
        if self.row.cells:
            self.rows.append(self.row)
        return self.rows

    def _take(self, line: Line) -> bool:
        """Read one line into the rows; False where the table has ended."""
        self.since_row = 0 if _owned_or_dated(self.row.cells) else self.since_row + 1
        if self.since_row > _MAX_LINES_WITHOUT_ROW:
            return False  # prose, not a table any more
        if line.kind == "noise":
            return True
        if line.kind == "blank":
            return self._blank()
        self.blank_run = 0
        if _header_kinds(line.folded) is not None:
            return True  # the header repeated on a new page
        if len(line.text) > 400 or (self.columns is None and len(line.text) > 160 and self.cells_seen > 2):
            return False
        if self.columns is not None:
            self._by_position(line, self.columns)
        else:
            self._by_kind(line)
        self.cells_seen += 1
        return True

    def _blank(self) -> bool:
        """A blank line ends a row of a table read by position; three in a row end the table."""
        self.blank_run += 1
        if self.columns is not None and self.row.cells:
            self._next_row()
        return self.blank_run < 3

    def _next_row(self) -> None:
        self.rows.append(self.row)
        self.row = _Row()

    def _by_position(self, line: Line, columns: list[tuple[int, str]]) -> None:
        """Each run of the line goes to the column it starts under; a new recommendation starts a row."""
        for col, seg, orig in _segments(self.text, line):
            kind = max((c for c in columns if c[0] <= col + 2), default=columns[0], key=lambda c: c[0])[1]
            starts_anew = seg[:1].isupper() or seg[:1].isdigit()
            if kind == "rec" and starts_anew and _owned_or_dated(self.row.cells):
                self._next_row()
            self.row.add(kind, Cell(seg, orig, orig + len(seg)))

    def _by_kind(self, line: Line) -> None:
        """The line is a cell of the kind it reads as; a line in lower case goes on the cell before it."""
        kind = _cell_kind(line.text, self.reference)
        cell = Cell(line.text, line.start, line.end)
        if line.text[:1].islower() and self.row.cells:
            self.row.add(_last_kind(self.row), cell)
            return
        if (kind == "rec" and self.row.cells) or (kind == "action" and _owned_or_dated(self.row.cells)):
            self._next_row()
        if (
            kind == "action"
            and self.comment_first
            and "comment" not in self.row.cells
            and "action" not in self.row.cells
        ):
            kind = "comment"  # the row's first prose cell, under a comment column before the Åtgärd one
        self.row.add(kind, cell)


_MAX_FLAT_LINES = 400


def _read_flattened(lines: list[Line], first: int, header_end: int, header: list[str], reference: date) -> Table | None:
    """A table given cell after cell, each cell over short lines (see `cells`)."""
    header_lines = [line for line in lines[first : header_end + 1] if line.kind == "text"]
    if len(header_lines) >= 2:
        columns = _resolve_comment([_column_kind(line.folded) or "other" for line in header_lines])
    else:
        columns = list(header)
    header_folds = {line.folded for line in header_lines}
    body: list[Line] = []
    blanks = 0
    page_break = False  # a page header or form feed just passed: the header row may be repeated
    k = header_end + 1
    while k < len(lines) and len(body) < _MAX_FLAT_LINES:
        line = lines[k]
        k += 1
        if line.kind == "noise" or line.page_start:
            page_break = True
            if line.kind == "noise":
                continue
        if line.kind == "text" and line.folded in header_folds:
            if not page_break:
                break  # a header row not after a page break: another table begins
            continue  # the header row repeated on a new page
        if line.kind == "blank":
            blanks += 1
            if blanks >= 3:
                break  # the table has ended: rows are at most a blank line apart
            if body:
                body.append(line)
            continue
        blanks = 0
        page_break = False
        if len(line.text) > 200 or _prose_starts(lines, k - 1):
            break
        body.append(line)
    rows: list[dict[str, list[Cell]]] = []
    for row in segment_rows(body, columns, reference):
        cells: dict[str, list[Cell]] = {}
        for kind, cell_lines in row:
            if kind != "other" and cell_lines:
                cells[kind] = [Cell(x.text, x.start, x.end) for x in cell_lines]
        if "action" in cells and ("owner" in cells or "deadline" in cells):
            rows.append(cells)
    if not rows:
        return None
    end = max(cell.end for cells in rows[-1].values() for cell in cells)
    return Table(lines[first].start, end, rows)


_PROSE_LINE = 70
_PROSE_NEXT = 50


def _prose_starts(lines: list[Line], k: int) -> bool:
    """Does running text start at `k`: a long line broken mid-sentence and another long line after it?

    Cells are narrow, and a Word cell on a line of its own ends its sentence; a
    paragraph wrapped at the page width does neither.
    """
    line = lines[k]
    if len(line.text) < _PROSE_LINE or line.text.endswith((".", "!", "?", ":", ";")):
        return False
    nxt = next((x for x in lines[k + 1 : k + 3] if x.kind == "text"), None)
    return nxt is not None and len(nxt.text) >= _PROSE_NEXT


def _read_grouped(lines: list[Line], first: int, header_end: int) -> Table | None:
    """Rows as groups of lines between blank lines, one cell a line (Word tables come out so).

    A cell of several paragraphs gives several lines; they go to the Åtgärd column, the
    widest one: the columns before it take one line each from the start, those after it
    one line each from the end.
    """
    columns = _resolve_comment(
        [_column_kind(line.folded) or "other" for line in lines[first : header_end + 1] if line.kind == "text"]
    )
    if "action" not in columns:
        return None
    groups: list[list[Line]] = []
    group: list[Line] = []
    for line in lines[header_end + 1 :]:
        if line.kind == "noise":
            continue
        if line.kind == "blank":
            if group:
                groups.append(group)
                group = []
            continue
        if _column_kind(line.folded) is not None and not group:
            continue  # the header repeated on a new page
        group.append(line)
        if len(group) > 2 * len(columns):
            return None  # rows are not apart by blank lines: read cell by cell instead
    if group:
        groups.append(group)
    action = columns.index("action")
    after = len(columns) - action - 1
    rows: list[dict[str, list[Cell]]] = []
    end = lines[header_end].end
    for group in groups:
        if len(group) < len(columns):
            return None  # an empty cell (Word gives it a blank line): read cell by cell instead
        row = _Row()
        middle = len(group) - after
        for k, line in enumerate(group):
            if k < action:
                kind = columns[k]
            elif k < middle:
                kind = "action"
            else:
                kind = columns[action + 1 + k - middle]
            if kind != "other":
                row.add(kind, Cell(line.text, line.start, line.end))
        if "owner" not in row.cells and "deadline" not in row.cells:
            break
        rows.append(row.cells)
        end = group[-1].end
    return Table(lines[first].start, end, rows) if rows else None


def _split(text: str, start: int, delimiter: str) -> list[Cell]:
    """The cells of a delimited line, with their original offsets (empty cells kept)."""
    cells: list[Cell] = []
    pos = 0
    for part in text.split(delimiter):
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        cells.append(Cell(stripped, start + pos + lead, start + pos + lead + len(stripped)))
        pos += len(part) + len(delimiter)
    return cells


def _read_delimited(text: str, lines: list[Line], first: int, delimiter: str) -> Table | None:
    """A table whose cells are apart by "|" or tabs (Word tables often come out so)."""
    header = lines[first]
    kinds = _resolve_comment(
        [_column_kind(qfold(cell.text)) or "other" for cell in _split(header.text, header.start, delimiter)]
    )
    rows: list[_Row] = []
    end = header.end
    for line in lines[first + 1 :]:
        if line.kind == "noise":
            continue
        if line.kind == "blank" or delimiter not in line.text:
            if rows or line.kind != "blank":
                break
            continue
        cells = _split(line.text, line.start, delimiter)
        continues = bool(rows) and not cells[0].text and len(cells) == len(kinds)
        row = rows[-1] if continues else _Row()
        for kind, cell in zip(kinds, cells, strict=False):
            if cell.text and kind != "other":
                row.add(kind, cell)
        if not continues:
            rows.append(row)
        end = line.end
    good = [r.cells for r in rows if "action" in r.cells and ("owner" in r.cells or "deadline" in r.cells)]
    return Table(header.start, end, good) if good else None


def _last_text(row: _Row) -> str:
    kind = _last_kind(row)
    return row.cells[kind][-1].text


def _last_kind(row: _Row) -> str:
    best_kind, best_start = "action", -1
    for kind, cells in row.cells.items():
        if cells and cells[-1].start > best_start:
            best_kind, best_start = kind, cells[-1].start
    return best_kind


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
