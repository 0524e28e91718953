"""PDF: the text layer page by page, progress per page, and the PDFs that cannot be read."""

from __future__ import annotations

import pytest

from bot.documents import DocumentError, read_document
from bot.texts import Texts
from tests.documents.builders import SWEDISH, pdf_bytes, winansi_pdf

FIRST = "Förvaltningen kommer att revidera rutinen för orosanmälan senast i april 2027."
SECOND = "Nämnden ska följa upp arbetet årligen i samband med verksamhetsberättelsen."


def _words(text: str) -> str:
    return " ".join(text.split())


def test_pages_joined_by_form_feed_with_progress_after_each() -> None:
    calls: list[tuple[int, int]] = []
    document = read_document(pdf_bytes([FIRST, SECOND, FIRST]), "svar.pdf", progress=lambda d, n: calls.append((d, n)))
    assert (document.kind, document.pages, document.filename) == ("pdf", 3, "svar.pdf")
    assert calls == [(1, 3), (2, 3), (3, 3)]
    pages = document.text.split("\f")
    assert [_words(p) for p in pages] == [FIRST, SECOND, FIRST]
    assert "\r" not in document.text


def test_swedish_typography_survives() -> None:
    document = read_document(winansi_pdf([[SWEDISH], ["Sida två – klar ”snart”."]]), "svar.pdf")
    first, second = document.text.split("\f")
    assert _words(first) == SWEDISH
    assert _words(second) == "Sida två – klar ”snart”."


def test_kind_by_bytes_not_by_name() -> None:
    assert read_document(pdf_bytes([FIRST]), "svar.txt").kind == "pdf"
    assert read_document(pdf_bytes([FIRST]), None).kind == "pdf"


def _refusal(data: bytes) -> str:
    with pytest.raises(DocumentError) as refused:
        read_document(data, "svar.pdf")
    return refused.value.key


def test_a_scan_has_no_text_layer() -> None:
    assert _refusal(pdf_bytes(["", "", ""])) == "doc_no_text_layer"
    assert Texts().get("doc_no_text_layer") == "PDF-filen saknar text — kör OCR först."


def test_page_numbers_alone_are_not_a_text_layer() -> None:
    # A scan run through a tool that stamps page numbers: a few characters a page.
    assert _refusal(pdf_bytes(["Sida 1", "Sida 2", "Sida 3"])) == "doc_no_text_layer"
    # The same with one page of real text on average is read.
    assert read_document(pdf_bytes(["Sida 1", FIRST + " " + SECOND, "Sida 3"])).pages == 3


def test_a_password_protected_pdf() -> None:
    assert _refusal(pdf_bytes([FIRST], user_password="hemligt")) == "doc_encrypted"


def test_a_pdf_locked_only_against_editing_is_read() -> None:
    document = read_document(pdf_bytes([FIRST], owner_password="ägare"))
    assert _words(document.text) == FIRST


@pytest.mark.parametrize("data", [b"%PDF-1.7\nnot really a pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"])
def test_a_corrupt_pdf(data: bytes) -> None:
    assert _refusal(data) == "doc_corrupt_pdf"


def test_a_pdf_named_pdf_that_is_not_one() -> None:
    assert _refusal(b"\x00\x01binary junk\x00" * 50) == "doc_corrupt_pdf"
