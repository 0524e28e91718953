"""Reading documents: every format, Swedish characters intact, and one clear error for each kind of bad input."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.documents import MAX_BYTES, DocumentError, read_document, read_path
from bot.texts import Texts

SWEDISH = "Nämnden ska åtgärda bristerna – senast i april 2027 ”enligt plan”."
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def pdf_bytes(pages: list[str], *, password: str | None = None) -> bytes:
    pdf = FPDF()
    if password:
        pdf.set_encryption(owner_password="ägare", user_password=password)
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
        else:
            pdf.rect(20, 20, 100, 100)  # a page with a picture and no text, as a scan has
    return bytes(pdf.output())


def docx_bytes(body: str) -> bytes:
    """A minimal .docx: the parts Word needs, with ``body`` as the document's w:body."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml", f'<?xml version="1.0"?><w:document {_W}><w:body>{body}</w:body></w:document>'
        )
    return buffer.getvalue()


def para(text: str, *, listed: bool = False) -> str:
    numbering = "<w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr>" if listed else ""
    return f"<w:p>{numbering}<w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def key_of(data: bytes, filename: str | None = None) -> str:
    with pytest.raises(DocumentError) as refused:
        read_document(data, filename)
    return refused.value.key


def test_text_in_every_encoding_officials_send() -> None:
    for data in (
        SWEDISH.encode("utf-8"),
        b"\xef\xbb\xbf" + SWEDISH.encode("utf-8"),
        SWEDISH.encode("utf-16"),
        SWEDISH.encode("cp1252"),
    ):
        document = read_document(data, "svar.txt")
        assert document.text == SWEDISH
        assert document.kind == "txt" and document.pages == 1
    assert read_document(b"rad ett\r\nrad tv\xc3\xa5\rslut").text == "rad ett\nrad två\nslut"


def test_pdf_pages_and_progress() -> None:
    calls: list[tuple[int, int]] = []
    first = "Förvaltningen kommer att revidera rutinen för orosanmälan senast i april 2027."
    second = "Nämnden ska följa upp arbetet årligen i samband med verksamhetsberättelsen."
    document = read_document(pdf_bytes([first, second, first]), "svar.pdf", progress=lambda d, t: calls.append((d, t)))
    assert document.kind == "pdf" and document.pages == 3
    assert calls == [(1, 3), (2, 3), (3, 3)]
    pages = document.text.split("\f")
    assert len(pages) == 3
    assert " ".join(pages[0].split()) == first and " ".join(pages[1].split()) == second


def test_docx_paragraphs_lists_and_tables_in_reading_order() -> None:
    table = (
        "<w:tbl><w:tr><w:tc>" + para("Rekommendation") + "</w:tc><w:tc>" + para("Tidplan") + "</w:tc></w:tr>"
        "<w:tr><w:tc>"
        + para("Revidera rutinen")
        + "</w:tc><w:tc>"
        + para("Senast april 2027")
        + "</w:tc></w:tr></w:tbl>"
    )
    body = para(SWEDISH) + para("att under 2027 revidera planen", listed=True) + table + para("Slut")
    document = read_document(docx_bytes(body), "svar.docx")
    assert document.kind == "docx"
    lines = [line for line in document.text.split("\n") if line]
    assert lines == [SWEDISH, "• att under 2027 revidera planen", "Rekommendation", "Tidplan", "Revidera rutinen",
                     "Senast april 2027", "Slut"]  # fmt: skip


def test_same_bytes_same_sha256() -> None:
    data = SWEDISH.encode()
    assert read_document(data).sha256 == read_document(data, "annat-namn.txt").sha256
    assert read_document(data).sha256 != read_document(data + b" ").sha256


@pytest.mark.parametrize(
    ("data", "filename", "key"),
    [
        (b"", "svar.txt", "doc_empty"),
        (b" \n\t \r\n", "svar.txt", "doc_empty"),
        (bytes(range(256)) * 8, "svar.txt", "doc_binary"),
        (b"\x00\x01\x02binary\x00" * 100, None, "doc_binary"),
        (b"%PDF-1.7\nnot really a pdf", "svar.pdf", "doc_corrupt_pdf"),
        (b"PK\x03\x04 not really a zip", "svar.docx", "doc_corrupt_docx"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "bild.png", "doc_unknown_type"),
        (b"irrelevant", "kalkyl.xlsx", "doc_unknown_type"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "svar.doc", "doc_legacy_word"),
    ],
)
def test_bad_input_gets_its_sentence(data: bytes, filename: str | None, key: str) -> None:
    with pytest.raises(DocumentError) as refused:
        read_document(data, filename)
    assert refused.value.key == key
    assert Texts().get(key, **refused.value.params)  # a sentence exists for it


def test_a_scan_without_text_layer() -> None:
    assert key_of(pdf_bytes(["", ""]), "skannad.pdf") == "doc_no_text_layer"
    assert Texts().get("doc_no_text_layer") == "PDF-filen saknar text — kör OCR först."


def test_an_encrypted_pdf() -> None:
    assert key_of(pdf_bytes([SWEDISH.replace("”", '"').replace("–", "-")], password="hemligt")) == "doc_encrypted"


def test_an_excel_file_is_not_a_word_file() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert key_of(buffer.getvalue(), "svar.docx") == "doc_unknown_type"


def test_a_docx_zip_bomb_is_refused_unread() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"0" * (60 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    assert key_of(data, "svar.docx") == "doc_zip_bomb"


def test_a_docx_that_lies_about_its_size_is_stopped_while_reading() -> None:
    """The directory may claim a small part; the capped stream stops at the real size anyway."""
    from bot.documents import docx

    body = para("x" * 1000) * 200
    data = docx_bytes(body)
    old = docx.MAX_PART
    docx.MAX_PART = 10_000
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.getinfo("word/document.xml").file_size > docx.MAX_PART
        assert key_of(data, "svar.docx") == "doc_zip_bomb"
    finally:
        docx.MAX_PART = old


def test_over_20_mb_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "stor.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(DocumentError) as refused:
        read_path(big)
    assert refused.value.key == "doc_too_large"
    assert "20 MB" in Texts().get(refused.value.key, **refused.value.params)
    assert key_of(b"a" * (MAX_BYTES + 1), "svar.txt") == "doc_too_large"


def test_read_path_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "svar.txt"
    path.write_bytes(SWEDISH.encode("cp1252"))
    document = read_path(os.fspath(path))
    assert document.text == SWEDISH and document.filename == "svar.txt"


_VALID = [SWEDISH.encode(), pdf_bytes(["Nämnden ska revidera rutinen senast i april 2027."]), docx_bytes(para(SWEDISH))]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=4096), st.sampled_from(_VALID).flatmap(lambda v: st.integers(0, len(v)).map(lambda n: v[:n]))
    ),
    st.sampled_from([None, "svar.txt", "svar.pdf", "svar.docx", "x.bin"]),
)
def test_no_input_raises_anything_else(data: bytes, filename: str | None) -> None:
    try:
        document = read_document(data, filename)
    except DocumentError as err:
        assert Texts().get(err.key, **err.params)
    else:
        assert document.text.strip()
