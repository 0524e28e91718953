"""Reading in a worker process: what no limit foresaw (memory, time) ends in one sentence, and this process lives on."""

from __future__ import annotations

import os

import pytest

from bot.documents import DocumentError, read_document
from bot.documents import pdf as pdf_reader
from bot.documents.limits import MIB, Limits
from bot.documents.worker import read_in_worker, read_path_in_worker
from bot.texts import Texts
from tests.documents.builders import docx_bytes, inflating_pdf, new_docx, pdf_bytes, zip_bomb

PAGE = "Förvaltningen kommer att revidera rutinen för orosanmälan senast i april 2027."
# Limits that let a bomb through the readers' own checks, so that only the worker's limits stand in its way.
NO_STREAM_LIMIT = {"pdf_stream": 1024 * MIB, "pdf_inflated": 1024 * MIB}


def _refused(data: bytes, filename: str, limits: Limits) -> DocumentError:
    with pytest.raises(DocumentError) as refused:
        read_in_worker(data, filename, limits=limits)
    sentence = Texts().get(refused.value.key, **refused.value.params)
    assert sentence.endswith(".") and "\n" not in sentence
    return refused.value


def _still_reads() -> None:
    """This process and the next worker are both fine after a worker was lost."""
    document = read_in_worker(pdf_bytes([PAGE]), "svar.pdf")
    assert " ".join(document.text.split()) == PAGE
    assert read_document(b"Svar.", "svar.txt").text == "Svar."


def test_the_worker_reads_what_this_process_would_with_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_here(*args: object, **kwargs: object) -> object:
        raise AssertionError("PDFium ran in the bot's own process")

    monkeypatch.setattr(pdf_reader, "read_pdf", not_here)  # the worker has its own, untouched
    calls: list[tuple[int, int]] = []
    data = pdf_bytes([PAGE, PAGE, PAGE])
    document = read_in_worker(data, "svar.pdf", progress=lambda done, total: calls.append((done, total)))
    assert (document.kind, document.pages, document.filename) == ("pdf", 3, "svar.pdf")
    assert [" ".join(page.split()) for page in document.text.split("\f")] == [PAGE] * 3
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_refusals_come_back_with_their_sentence() -> None:
    error = _refused(pdf_bytes([PAGE] * 4), "svar.pdf", Limits(pages=3))
    assert (error.key, error.params["pages"], error.params["limit"]) == ("doc_too_many_pages", 4, 3)
    # A Word file whose XML inflates to 200 MB: refused from the zip's directory, in the worker as in-process.
    assert _refused(zip_bomb(megabytes=200), "svar.docx", Limits()).key == "doc_zip_bomb"


def test_a_pdf_over_the_memory_limit_ends_the_worker_not_the_bot() -> None:
    # 200 MB of page contents, let through by the stream limits, in a worker allowed 64 MB more than it starts with.
    error = _refused(inflating_pdf(200), "svar.pdf", Limits(memory=64 * MIB, **NO_STREAM_LIMIT))
    assert error.key == "doc_too_much_memory"
    _still_reads()


def test_text_over_the_memory_limit_is_refused() -> None:
    text = ("Svar från nämnden om intern kontroll.\n" * 500_000).encode()  # 19 MB, under the size limit
    error = _refused(text, "svar.txt", Limits(memory=16 * MIB, chars=10**9))
    assert error.key == "doc_too_much_memory"
    assert "minne" in Texts().get(error.key)
    _still_reads()


def test_a_worker_past_its_time_is_stopped() -> None:
    # PDFium needs seconds for 200 MB of "q Q"; the worker is allowed a fraction of one.
    error = _refused(inflating_pdf(200), "svar.pdf", Limits(seconds=0.3, **NO_STREAM_LIMIT))
    assert error.key == "doc_too_slow"
    _still_reads()


def test_a_path_is_read_in_a_worker(tmp_path: os.PathLike[str]) -> None:
    document = new_docx()
    document.add_paragraph(PAGE)
    target = os.path.join(tmp_path, "svar.docx")
    with open(target, "wb") as handle:
        handle.write(docx_bytes(document))
    read = read_path_in_worker(target)
    assert (read.kind, read.filename, read.text.strip()) == ("docx", "svar.docx", PAGE)
    with pytest.raises(FileNotFoundError):
        read_path_in_worker(os.path.join(tmp_path, "saknas.docx"))
