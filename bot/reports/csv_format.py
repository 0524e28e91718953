"""The follow-up pack as CSV, for Excel with Swedish settings and for other programs."""

from __future__ import annotations

import csv
import io
from datetime import date

from bot.reports import table
from bot.reports.data import Report
from bot.texts import Texts

# Swedish Excel takes the list separator from the locale, and there it is ";" because "," is
# the decimal comma; a comma-separated file would open as one column. Without the byte order
# mark Excel reads the file as Windows-1252 and turns å, ä and ö into mojibake.
SEPARATOR = ";"
BOM = "\ufeff"
# A cell that begins like a formula would be run by a spreadsheet (CSV injection): the text of a
# commitment comes from anyone in Slack, so such a cell gets a leading apostrophe, as Excel's own
# "text" marker.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: table.Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        # ISO 8601 is also Sweden's short date format: Swedish Excel reads it as a date.
        return value.isoformat()
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(report: Report, texts: Texts) -> bytes:
    """UTF-8 with a byte order mark, ``;`` between fields, CRLF line ends, a row per commitment
    (and per recommendation none answers)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=SEPARATOR, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.header(texts))
    for _, cells in table.rows(texts, report):
        writer.writerow([_text(cell) for cell in cells])
    return (BOM + out.getvalue()).encode("utf-8")
