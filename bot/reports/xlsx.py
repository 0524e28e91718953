"""The follow-up pack as an Excel workbook: one sheet of commitments, one of counts.

The commitments sheet is made to be worked in: a frozen header row with
filters, real dates shown the Swedish way, and the traffic light as a filled
cell that can be filtered and sorted on.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import UTC, date

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from bot.reports import facts, table
from bot.reports.data import Report
from bot.services.traffic import Light
from bot.texts import Texts

# [$-41D] is Swedish's locale id: month names in Swedish whatever language Excel runs in.
DATE_FORMAT = "[$-41D]d mmmm yyyy"
# Excel's own "good, neutral, bad" cell colours, so the lights look as people expect them to.
LIGHT_FILLS: Mapping[Light, tuple[str, str]] = {
    Light.RED: ("FFC7CE", "9C0006"),
    Light.YELLOW: ("FFEB9C", "9C5700"),
    Light.GREEN: ("C6EFCE", "006100"),
}
HEADER_FILL = PatternFill("solid", fgColor="1D4F91")
HEADER_FONT = Font(bold=True, color="FFFFFF")
_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)


def _cell(sheet: Worksheet, row: int, column: int) -> SheetCell:
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, SheetCell), "the report's sheets have no merged cells"
    return cell


def _put(cell: SheetCell, value: table.Cell) -> None:
    if isinstance(value, str):
        cell.value = facts.xml_safe(value)
        # openpyxl stores text beginning with "=" as a formula; commitments come from Slack users.
        cell.data_type = "s"
    else:
        cell.value = value


def _light_cell(cell: SheetCell, lamp: Light) -> None:
    colours = LIGHT_FILLS.get(lamp)
    if colours is not None:
        cell.fill = PatternFill("solid", fgColor=colours[0])
        cell.font = Font(color=colours[1], bold=True)


def _commitments_sheet(sheet: Worksheet, report: Report, texts: Texts) -> None:
    sheet.append(table.header(texts))
    for cell in sheet[1]:
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = _WRAP
    evidence_column = [c.key for c in table.COLUMNS].index("report_col_evidence")
    for n, (row, cells) in enumerate(table.rows(texts, report), start=2):
        for column, (spec, value) in enumerate(zip(table.COLUMNS, cells, strict=True), start=1):
            cell = _cell(sheet, n, column)
            _put(cell, value)
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            cell.alignment = _WRAP if spec.kind == "long" else _TOP
        if row is None:  # a recommendation that no commitment answers
            continue
        _light_cell(_cell(sheet, n, table.LIGHT_COLUMN + 1), row.light)
        if len(row.evidence) == 1:
            link = _cell(sheet, n, evidence_column + 1)
            link.hyperlink = row.evidence[0]
            link.style = "Hyperlink"
            link.alignment = _WRAP
    for column, spec in enumerate(table.COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = spec.width
    last = get_column_letter(len(table.COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(2, sheet.max_row)}"
    # The header and the reference stay in view while scrolling either way.
    sheet.freeze_panes = "E2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _summary_sheet(sheet: Worksheet, report: Report, texts: Texts) -> None:
    sheet.append([texts.get("report_title")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([texts.get("report_committee", code=report.committee_code, name=report.committee_name)])
    sheet.append([texts.get("report_compiled", date=report.today)])
    if report.case_dnr:
        sheet.append([texts.get("report_case_only", dnr=report.case_dnr)])
    sheet.append([])
    sheet.append([texts.get("report_col_status"), texts.get("report_count")])
    _bold_row(sheet)
    for status, count in report.status_counts().items():
        sheet.append([texts.get(f"status_{status.value}"), count])
    sheet.append([texts.get("report_total"), report.total])
    _bold_row(sheet)
    sheet.append([])
    sheet.append([texts.get("report_col_light"), texts.get("report_count")])
    _bold_row(sheet)
    for lamp, count in report.light_counts().items():
        sheet.append([texts.get(f"light_name_{lamp.value}"), count])
        _light_cell(_cell(sheet, sheet.max_row, 1), lamp)
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 10


def _bold_row(sheet: Worksheet) -> None:
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def render_xlsx(report: Report, texts: Texts) -> bytes:
    """The workbook as bytes: sheet "Åtaganden" (a row per commitment, and per recommendation
    none answers) and "Sammanställning"."""
    workbook = Workbook()
    commitments = workbook.active
    assert isinstance(commitments, Worksheet)
    commitments.title = texts.get("report_sheet_commitments")
    _commitments_sheet(commitments, report, texts)
    _summary_sheet(workbook.create_sheet(texts.get("report_sheet_summary")), report, texts)
    workbook.properties.title = texts.get("report_file_title", code=report.committee_code, date=report.today)
    workbook.properties.creator = texts.get("app_name")
    workbook.properties.language = "sv-SE"
    # openpyxl writes naive datetimes as UTC; the clock's time, not the server's.
    moment = report.now.astimezone(UTC).replace(tzinfo=None)
    workbook.properties.created = moment
    workbook.properties.modified = moment
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
