"""Action plans laid out as a table whose header row names the columns: Rekommendation | Åtgärd | Ansvarig | Tidplan.

Its cells come out either on one line per row, columns apart by runs of spaces
(read by column position), or one cell after another on lines of their own (read
by what each cell is: a date is the Tidplan, a short role the Ansvarig, "bör …"
the Rekommendation, the rest the Åtgärd; see `table_parts`), or in the other
layouts `table_layouts` reads. Action plans laid out as fields ("Åtgärd: …") are
read by `action_fields`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.extraction.lines import Line
from bot.extraction.table_layouts import read_delimited, read_flattened, read_grouped
from bot.extraction.table_parts import (
    Cell,
    Row,
    Table,
    cell_kind,
    column_kind,
    header_kinds,
    last_kind,
    resolve_comment,
)
from bot.extraction.textfold import qfold

__all__ = ["find_tables"]

_SEGMENTS = re.compile(r"\S+(?: \S+)*")
_MAX_LINES_WITHOUT_ROW = 30


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
        header = header_kinds(line.folded)
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
                candidate = header_kinds(" ".join(words))
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
            return read_delimited(text, lines, first, delimiter)
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
    found = [column_kind(qfold(seg)) for _c, seg, _o in segs]
    if not all(k is not None for k in found):
        return None
    kinds = resolve_comment([k or "other" for k in found])
    return [(col, k) for (col, _s, _o), k in zip(segs, kinds, strict=True)]


def _read_cell_by_cell(
    lines: list[Line], first: int, header_end: int, header: list[str], reference: date
) -> Table | None:
    """A table whose cells come out on lines of their own: as groups of lines between blank lines, or flattened."""
    grouped = read_grouped(lines, first, header_end)
    if grouped is not None:
        return grouped
    return read_flattened(lines, first, header_end, header, reference)


def _comment_first(header_lines: list[Line], header: list[str]) -> bool:
    """ "Förvaltningens kommentar" before "Åtgärd": the first prose cell of a row is the comment, not the action."""
    header_folds = [line.folded for line in header_lines if line.kind == "text"]
    return any(column_kind(f) == "comment" for f in header_folds) and "action" in header


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
    rows: list[Row] = field(default_factory=list)
    row: Row = field(default_factory=Row)
    blank_run: int = 0
    cells_seen: int = 0
    since_row: int = 0

    def read(self, lines: list[Line], start: int) -> list[Row]:
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
        if header_kinds(line.folded) is not None:
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
        self.row = Row()

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
        kind = cell_kind(line.text, self.reference)
        cell = Cell(line.text, line.start, line.end)
        if line.text[:1].islower() and self.row.cells:
            self.row.add(last_kind(self.row), cell)
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
