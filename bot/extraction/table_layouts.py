"""Tables whose cells come out on lines of their own, and tables apart by "|" or tabs.

Word and PDF give a table's cells in a few ways besides one row a line:

- rows as groups of lines between blank lines, one cell a line (`read_grouped`);
- cell after cell, each cell over short lines, rows not apart at all
  (`read_flattened`, cut into rows by `cells.segment_rows`);
- cells apart by "|" or tabs (`read_delimited`).
"""

from __future__ import annotations

from datetime import date

from bot.extraction.cells import segment_rows
from bot.extraction.lines import Line
from bot.extraction.table_parts import Cell, Row, Table, column_kind, resolve_comment
from bot.extraction.textfold import qfold

__all__ = ["read_delimited", "read_flattened", "read_grouped"]

_MAX_FLAT_LINES = 400


def read_flattened(lines: list[Line], first: int, header_end: int, header: list[str], reference: date) -> Table | None:
    """A table given cell after cell, each cell over short lines (see `cells`)."""
    header_lines = [line for line in lines[first : header_end + 1] if line.kind == "text"]
    if len(header_lines) >= 2:
        columns = resolve_comment([column_kind(line.folded) or "other" for line in header_lines])
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


def read_grouped(lines: list[Line], first: int, header_end: int) -> Table | None:
    """Rows as groups of lines between blank lines, one cell a line (Word tables come out so).

    A cell of several paragraphs gives several lines; they go to the Åtgärd column, the
    widest one: the columns before it take one line each from the start, those after it
    one line each from the end.
    """
    columns = resolve_comment(
        [column_kind(line.folded) or "other" for line in lines[first : header_end + 1] if line.kind == "text"]
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
        if column_kind(line.folded) is not None and not group:
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
        row = Row()
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


def read_delimited(text: str, lines: list[Line], first: int, delimiter: str) -> Table | None:
    """A table whose cells are apart by "|" or tabs (Word tables often come out so)."""
    header = lines[first]
    kinds = resolve_comment(
        [column_kind(qfold(cell.text)) or "other" for cell in _split(header.text, header.start, delimiter)]
    )
    rows: list[Row] = []
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
        row = rows[-1] if continues else Row()
        for kind, cell in zip(kinds, cells, strict=False):
            if cell.text and kind != "other":
                row.add(kind, cell)
        if not continues:
            rows.append(row)
        end = line.end
    good = [r.cells for r in rows if "action" in r.cells and ("owner" in r.cells or "deadline" in r.cells)]
    return Table(header.start, end, good) if good else None
