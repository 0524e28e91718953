"""Word (.docx): paragraphs, lists and table cells in reading order, and the Word files that cannot be read."""

from __future__ import annotations

import pytest

from bot.documents import DocumentError, read_document
from tests.documents.builders import SWEDISH, append_body_xml, docx_bytes, new_docx, zip_bytes


def _lines(data: bytes, filename: str | None = "svar.docx") -> list[str]:
    document = read_document(data, filename)
    assert (document.kind, document.pages) == ("docx", 1)
    return [line for line in document.text.split("\n") if line.strip()]


def test_paragraphs_lists_and_tables_in_reading_order() -> None:
    document = new_docx()
    document.add_heading("Svar på revisionsskrivelse – dnr 2023/BUN 0148", level=1)
    document.add_paragraph(SWEDISH)
    document.add_paragraph("att under våren 2027 revidera rutinen", style="List Bullet")
    document.add_paragraph("att två gånger per läsår följa upp arbetet", style="List Number")
    table = document.add_table(rows=3, cols=2)
    for row, (left, right) in enumerate(
        [("Rekommendation", "Förvaltningens kommentar"), ("Revidera rutinen", "Klart senast ”april 2027”"), ("", "")]
    ):
        table.cell(row, 0).text = left
        table.cell(row, 1).text = right
    document.add_paragraph("Förvaltningschefen ansvarar.")
    assert _lines(docx_bytes(document)) == [
        "Svar på revisionsskrivelse – dnr 2023/BUN 0148",
        SWEDISH,
        "• att under våren 2027 revidera rutinen",
        "• att två gånger per läsår följa upp arbetet",
        "Rekommendation",
        "Förvaltningens kommentar",
        "Revidera rutinen",
        "Klart senast ”april 2027”",
        "Förvaltningschefen ansvarar.",
    ]


def test_table_rows_are_separated_and_merged_cells_read_once() -> None:
    document = new_docx()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Åtgärd"
    table.cell(0, 1).text = "Ansvar"
    table.cell(1, 1).text = "Nämnden"
    table.cell(0, 0).merge(table.cell(1, 0))
    text = read_document(docx_bytes(document)).text
    assert text.count("Åtgärd") == 1
    assert "Åtgärd\nAnsvar\n\nNämnden\n" in text


def test_a_nested_table_is_read_inside_its_cell() -> None:
    document = new_docx()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Före"
    inner = outer.cell(0, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Inre tabell"
    outer.cell(0, 1).text = "Efter"
    assert _lines(docx_bytes(document)) == ["Före", "Inre tabell", "Efter"]


def test_content_controls_fields_insertions_and_text_boxes_are_read() -> None:
    document = new_docx()
    document.add_paragraph("Inledning")
    w = "w:"
    append_body_xml(
        document,
        # A content control holding the case number, as municipal templates have.
        f"<{w}sdt><{w}sdtContent><{w}p><{w}r><{w}t>Dnr 2023/BUN 0148</{w}t></{w}r></{w}p></{w}sdtContent></{w}sdt>",
    )
    append_body_xml(
        document,
        f"<{w}p><{w}r><{w}t xml:space='preserve'>Beslutat </{w}t></{w}r>"
        f"<{w}ins w:id='1' w:author='x'><{w}r><{w}t xml:space='preserve'>i nämnden </{w}t></{w}r></{w}ins>"
        f"<{w}del w:id='2' w:author='x'><{w}r><{w}delText>struken text </{w}delText></{w}r></{w}del>"
        f"<{w}fldSimple w:instr='DATE'><{w}r><{w}t>2023-03-10</{w}t></{w}r></{w}fldSimple>"
        f"<{w}r><{w}tab/><{w}t>slut</{w}t><{w}br/><{w}t>ny rad</{w}t></{w}r></{w}p>",
    )
    lines = _lines(docx_bytes(document))
    assert lines == ["Inledning", "Dnr 2023/BUN 0148", "Beslutat i nämnden 2023-03-10\tslut", "ny rad"]


def test_a_list_item_by_its_own_numbering() -> None:
    document = new_docx()
    append_body_xml(
        document,
        "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr>"
        "<w:r><w:t>att följa upp</w:t></w:r></w:p>"
        # numId 0 switches numbering off, even under a list style.
        "<w:p><w:pPr><w:pStyle w:val='ListBullet'/><w:numPr><w:numId w:val='0'/></w:numPr></w:pPr>"
        "<w:r><w:t>ingen punkt</w:t></w:r></w:p>",
    )
    assert _lines(docx_bytes(document)) == ["• att följa upp", "ingen punkt"]


def test_kind_by_bytes_not_by_name() -> None:
    document = new_docx()
    document.add_paragraph(SWEDISH)
    assert _lines(docx_bytes(document), "svar.txt") == [SWEDISH]
    assert _lines(docx_bytes(document), None) == [SWEDISH]


def test_a_macro_enabled_word_file_is_read_too() -> None:
    document = new_docx()
    document.add_paragraph(SWEDISH)
    data = docx_bytes(document)
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    assert _lines(zip_bytes(parts), "svar.docm") == [SWEDISH]


def _refusal(data: bytes, filename: str | None = "svar.docx") -> str:
    with pytest.raises(DocumentError) as refused:
        read_document(data, filename)
    return refused.value.key


def test_an_empty_word_document() -> None:
    assert _refusal(docx_bytes(new_docx())) == "doc_empty"


def test_a_corrupt_docx() -> None:
    data = docx_bytes(new_docx())
    assert _refusal(b"PK\x03\x04 not really a zip") == "doc_corrupt_docx"
    assert _refusal(data[: len(data) // 2]) == "doc_corrupt_docx"  # cut off in the middle
    assert _refusal(zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"})) == (
        "doc_corrupt_docx"
    )


def test_a_corrupt_document_part() -> None:
    document = new_docx()
    document.add_paragraph(SWEDISH)
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx_bytes(document))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:-40]
    assert _refusal(zip_bytes(parts)) == "doc_corrupt_docx"


def test_other_office_files_are_an_unknown_type() -> None:
    excel = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    assert _refusal(excel, "kalkyl.xlsx") == "doc_unknown_type"
    assert _refusal(excel, "svar.docx") == "doc_unknown_type"  # renamed, still a spreadsheet
    odt = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert _refusal(odt, "svar.odt") == "doc_unknown_type"
