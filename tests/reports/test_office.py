"""The follow-up pack as Excel and Word, read back with openpyxl and python-docx."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import openpyxl
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.clock import ManualClock
from bot.reports.data import Report, collect
from bot.reports.docx import render_docx
from bot.reports.xlsx import DATE_FORMAT, render_xlsx
from bot.services import commitments as cs
from bot.texts import Texts
from storage.db import Database
from tests.reports.conftest import DNR, EVIDENCE, RECOMMENDATIONS, SECRETARY, Seeded


def _sheets(data: bytes) -> tuple[Worksheet, Worksheet]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Åtaganden", "Sammanställning"]
    main, summary = book["Åtaganden"], book["Sammanställning"]
    assert isinstance(main, Worksheet) and isinstance(summary, Worksheet)
    return main, summary


def _column(sheet: Worksheet, header: str) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


def test_xlsx_reads_back_with_filters_dates_and_lights(report: Report, texts: Texts) -> None:
    sheet, _ = _sheets(render_xlsx(report, texts))
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["Ärende", "Ärendemening", "Rekommendation", "Referens", "Åtagande"]
    # The header, seven commitments and the recommendation that none answers.
    assert sheet.max_row == 9
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(headers))}9"
    assert sheet.freeze_panes == "E2"
    assert sheet.column_dimensions["E"].width == 50
    assert all(c.font.bold for c in sheet[1])

    ref, light, deadline = _column(sheet, "Referens"), _column(sheet, "Trafikljus"), _column(sheet, "Klart senast")
    rows = {sheet.cell(r, ref).value: r for r in range(2, 10)}
    unanswered = rows[None]
    assert sheet.cell(unanswered, 3).value == RECOMMENDATIONS[2]
    assert sheet.cell(unanswered, 5).value == "Inget åtagande är registrerat för rekommendationen."
    assert sheet.cell(unanswered, light).value is None and sheet.cell(unanswered, light).fill.fill_type is None
    first = rows["BUN-1"]
    assert sheet.cell(first, 1).value == DNR
    assert sheet.cell(first, 3).value == RECOMMENDATIONS[0]
    cell = sheet.cell(first, deadline)
    assert cell.value == datetime(2027, 12, 31) and cell.is_date and cell.number_format == DATE_FORMAT
    assert sheet.cell(first, _column(sheet, "Status")).value == "Försenad"

    def fill(reference: str) -> tuple[str, str]:
        c = sheet.cell(rows[reference], light)
        return str(c.value), str(c.fill.fgColor.rgb)[-6:]

    assert fill("BUN-1") == ("Röd", "FFC7CE")
    assert fill("BUN-3") == ("Gul", "FFEB9C")
    assert fill("BUN-4") == ("Grön", "C6EFCE")
    assert sheet.cell(rows["BUN-6"], light).fill.fill_type is None
    evidence = sheet.cell(rows["BUN-4"], _column(sheet, "Underlag"))
    assert evidence.value == EVIDENCE and evidence.hyperlink is not None and evidence.hyperlink.target == EVIDENCE


def test_xlsx_summary_sheet(report: Report, texts: Texts) -> None:
    _, summary = _sheets(render_xlsx(report, texts))
    values = [tuple(row) for row in summary.iter_rows(values_only=True)]
    assert values[:3] == [
        ("Uppföljning av åtaganden", None),
        ("Barn- och utbildningsnämnden (BUN)", None),
        ("Sammanställd 18 januari 2027", None),
    ]
    assert ("Status", "Antal") in values
    assert ("Ej påbörjad", 3) in values and ("Totalt", 7) in values
    assert ("Röd", 1) in values and ("Gul", 1) in values and ("Grön", 4) in values
    red = next(r for r in summary.iter_rows() if r[0].value == "Röd")
    assert str(red[0].fill.fgColor.rgb).endswith("FFC7CE")


def test_xlsx_keeps_formulas_as_text(db: Database, clock: ManualClock, seeded: Seeded, texts: Texts) -> None:
    with db.write() as s:
        cs.add_comment(s, SECRETARY, cs.get_by_reference(s, "BUN-5"), "=1+1\x07", None, clock.now())
    with db.read() as s:
        report = collect(s, "BUN", clock.today(), clock.now())
    sheet, _ = _sheets(render_xlsx(report, texts))
    column = _column(sheet, "Senaste kommentar")
    cell = next(sheet.cell(r, column) for r in range(2, sheet.max_row + 1) if sheet.cell(r, 4).value == "BUN-5")
    # A string, not a formula; the control character an Office file cannot hold is gone.
    assert (cell.value, cell.data_type) == ("=1+1", "s")


def test_docx_is_a_document_for_the_agenda(report: Report, texts: Texts) -> None:
    document = Document(io.BytesIO(render_docx(report, texts)))
    styled = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    assert styled[0] == ("Title", "Uppföljning av åtaganden")
    assert ("Normal", "Barn- och utbildningsnämnden (BUN)") in styled
    assert ("Normal", "Sammanställd 18 januari 2027") in styled
    headings = [(style, text) for style, text in styled if style.startswith("Heading")]
    assert headings[:8] == [
        ("Heading 1", "Sammanfattning"),
        ("Heading 1", "Ärende 2023/BUN 0148 – Granskning av samverkan kring barn som far illa"),
        ("Heading 2", "Rekommendation 1"),
        ("Heading 3", "BUN-1: Revidera den lokala BUS-överenskommelsen"),
        ("Heading 3", "BUN-2: Gå igenom rutinen för orosanmälan med alla rektorer"),
        ("Heading 2", "Rekommendation 2"),
        ("Heading 3", "BUN-3: Följ upp samverkan med socialtjänsten på ledningsnivå"),
        ("Heading 2", "Rekommendation 3"),
    ]
    assert ("Heading 2", "Övriga åtaganden") in headings
    # Without a case there is no recommendation level: the commitments are one level down.
    assert headings[-3:] == [
        ("Heading 1", "Åtaganden utan ärende"),
        ("Heading 2", "BUN-5: Inför systematiskt kvalitetsarbete"),
        ("Heading 2", "BUN-6: Ta fram en ny enkät om trygghet"),
    ]
    assert ("Quote", RECOMMENDATIONS[1]) in styled
    texts_only = [t for _, t in styled]
    assert "● Status: Försenad · Röd" in texts_only
    assert "Ansvarig: Anna Andersson (förvaltningschef)" in texts_only
    assert "Ursprungligt slutdatum: 30 april 2027 (”senast i april 2027”)" in texts_only
    assert "Inget åtagande är registrerat för rekommendationen." in texts_only


def test_docx_summary_table_chart_links_and_page(report: Report, texts: Texts) -> None:
    document = Document(io.BytesIO(render_docx(report, texts)))
    statuses, lights = document.tables
    assert [[c.text for c in row.cells] for row in statuses.rows] == [
        ["Status", "Antal"],
        ["Klar", "1"],
        ["Pågår", "1"],
        ["Ej påbörjad", "3"],
        ["Försenad", "1"],
        ["Avbruten", "1"],
        ["Totalt", "7"],
    ]
    assert [row.cells[0].text for row in lights.rows][1:] == ["Röd", "Gul", "Grön", "Ingen (avbrutet)"]
    [chart] = document.inline_shapes
    assert chart.width == Cm(16)
    blip = chart._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[blip].blob.startswith(b"\x89PNG")
    assert chart._inline.docPr.get("descr") == "Stapeldiagram över åtagandenas status för BUN"
    links = [r.target_ref for r in document.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.HYPERLINK]
    assert EVIDENCE in links and "https://intranat.example.se/a" in links
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)  # A4
    assert document.core_properties.title == "Uppföljning av åtaganden BUN 18 januari 2027"
    assert document.core_properties.language == "sv-SE"
    assert 'w:lang w:val="sv-SE"' in document.styles.element.xml  # Word checks the spelling in Swedish
    assert footer_text(section.footer.paragraphs[0]).endswith("Sida {PAGE} av {NUMPAGES}")


def footer_text(paragraph: Any) -> str:
    """The footer as Word shows it, each field as {ITS_INSTRUCTION}: the page number is Word's own, not a text."""
    shown = []
    for child in paragraph._p.iterchildren():
        if child.tag == qn("w:fldSimple"):
            shown.append("{" + child.get(qn("w:instr")).strip() + "}")
        elif child.tag == qn("w:r"):
            shown.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
    return "".join(shown)


def test_docx_of_one_case(db: Database, clock: ManualClock, seeded: Seeded, texts: Texts) -> None:
    with db.read() as s:
        report = collect(s, "BUN", clock.today(), clock.now(), dnr="2024/bun 7")
    document = Document(io.BytesIO(render_docx(report, texts)))
    text = [p.text for p in document.paragraphs]
    assert "Ärende 2024/BUN 0007 · Sammanställd 18 januari 2027" in text
    assert "BUN-7: Gör elevhälsans arbete känt för vårdnadshavare" in text
    assert not any(t.startswith("BUN-1:") for t in text)
