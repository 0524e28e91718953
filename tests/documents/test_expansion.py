"""Documents that expand far beyond their size on disk are refused with one sentence, before they fill memory."""

from __future__ import annotations

import pytest

from bot.documents import DocumentError, read_document
from bot.documents.limits import MIB, Limits
from bot.texts import Texts
from tests.documents.builders import SWEDISH, docx_bytes, inflating_pdf, new_docx, pdf_bytes

PAGE = "Förvaltningen kommer att revidera rutinen för orosanmälan senast i april 2027."


def _refusal(data: bytes, filename: str | None, limits: Limits | None = None) -> DocumentError:
    """The refusal of ``data``, read as the callers read it when no limits are given."""
    with pytest.raises(DocumentError) as refused:
        if limits is None:
            read_document(data, filename)
        else:
            read_document(data, filename, limits=limits)
    return refused.value


def _one_sentence(error: DocumentError) -> str:
    sentence = Texts().get(error.key, **error.params)
    assert sentence.endswith(".") and "\n" not in sentence
    return sentence


def test_a_pdf_content_stream_that_inflates_past_the_limit_is_refused() -> None:
    data = inflating_pdf(3)  # 3 MB of "q Q" in a few KB
    assert len(data) < 64 * 1024
    assert "Kommunstyrelsen" in read_document(data, "svar.pdf", limits=Limits(pdf_stream=4 * MIB)).text
    error = _refusal(data, "svar.pdf", Limits(pdf_stream=2 * MIB))
    assert error.key == "doc_pdf_inflates"
    assert "PDF" in _one_sentence(error)


def test_the_default_stream_limit_refuses_what_the_issue_describes() -> None:
    # The issue's file inflated to 1 GB; a fiftieth of it, 20 MB of content for one page, is already no answer.
    assert _refusal(inflating_pdf(20, filler=bytes(1)), "svar.pdf").key == "doc_pdf_inflates"


def test_a_stream_deflated_twice_is_measured_through_both_layers() -> None:
    data = inflating_pdf(3, layers=2)
    assert len(data) < 16 * 1024
    assert _refusal(data, "svar.pdf", Limits(pdf_stream=2 * MIB)).key == "doc_pdf_inflates"


def test_streams_that_each_pass_are_refused_together() -> None:
    data = inflating_pdf(1)
    assert read_document(data, "svar.pdf", limits=Limits(pdf_stream=2 * MIB, pdf_inflated=2 * MIB)).pages == 1
    several = data.replace(b"endobj\nxref", b"endobj\n" + _spare_streams(data, 9) + b"xref")
    assert _refusal(several, "svar.pdf", Limits(pdf_stream=2 * MIB, pdf_inflated=5 * MIB)).key == "doc_pdf_inflates"


def _spare_streams(data: bytes, count: int) -> bytes:
    """``count`` unreferenced copies of the file's content stream object (a reader meets them all the same)."""
    start = data.index(b"5 0 obj")
    body = data[start + len(b"5 0 obj") : data.index(b"endobj", start)]
    return b"".join(b"%d 0 obj" % (100 + n) + body + b"endobj\n" for n in range(count))


def test_too_many_pages_are_refused_before_any_page_is_read() -> None:
    calls: list[tuple[int, int]] = []
    data = pdf_bytes([PAGE] * 4)
    with pytest.raises(DocumentError) as refused:
        read_document(data, "svar.pdf", limits=Limits(pages=3), progress=lambda d, n: calls.append((d, n)))
    assert refused.value.key == "doc_too_many_pages"
    assert calls == []
    assert "4" in _one_sentence(refused.value) and "3" in _one_sentence(refused.value)
    assert read_document(data, "svar.pdf", limits=Limits(pages=4)).pages == 4


def test_too_many_characters_in_a_pdf_stop_the_reading() -> None:
    calls: list[tuple[int, int]] = []
    data = pdf_bytes([PAGE] * 6)
    with pytest.raises(DocumentError) as refused:
        read_document(data, "svar.pdf", limits=Limits(chars=len(PAGE) * 2), progress=lambda d, n: calls.append((d, n)))
    assert refused.value.key == "doc_too_many_chars"
    assert len(calls) < 6  # stopped on the page that went over, not after the last


def test_too_many_characters_in_text_are_refused() -> None:
    text = (SWEDISH + "\n") * 20
    assert read_document(text.encode(), "svar.txt", limits=Limits(chars=len(text))).text == text
    error = _refusal(text.encode(), "svar.txt", Limits(chars=len(text) - 1))
    assert error.key == "doc_too_many_chars"
    assert "tecken" in _one_sentence(error)


def test_too_many_characters_in_word_are_refused() -> None:
    document = new_docx()
    for _ in range(20):
        document.add_paragraph(SWEDISH)
    assert _refusal(docx_bytes(document), "svar.docx", Limits(chars=len(SWEDISH) * 10)).key == "doc_too_many_chars"


def test_a_20_mb_text_file_is_over_the_default_character_limit() -> None:
    # The import takes files up to 20 MB; plain text that size is some fifty answers, not one.
    assert _refusal(b"Svar fr\xc3\xa5n n\xc3\xa4mnden.\n" * 900_000, "svar.txt").key == "doc_too_many_chars"
