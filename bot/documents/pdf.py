"""PDF: the text layer of each page, read with PDFium (pypdfium2).

PDFium is not thread-safe, and the bot reads documents in listener threads,
so one lock serialises all PDF work in the process.
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from bot.documents.limits import DEFAULT_LIMITS, Limits
from bot.documents.model import DocumentError, ProgressFn
from bot.documents.pdfstreams import check_streams
from bot.documents.text import normalise_newlines

_LOCK = threading.Lock()
# A page of an answer holds about 3,000 characters; a scan's invisible text layer holds next to none.
MIN_CHARS_PER_PAGE = 20


def read_pdf(data: bytes, progress: ProgressFn | None = None, limits: Limits = DEFAULT_LIMITS) -> tuple[str, int]:
    """The text of every page joined by form feeds, and the page count."""
    check_streams(data, limits)
    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            code = getattr(exc, "err_code", None)
            if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
                raise DocumentError("doc_encrypted") from None
            raise DocumentError("doc_corrupt_pdf") from None
        try:
            count = len(document)
            if count == 0:
                raise DocumentError("doc_corrupt_pdf")
            if count > limits.pages:
                raise DocumentError("doc_too_many_pages", pages=count, limit=limits.pages)
            pages: list[str] = []
            chars = 0
            for number in range(count):
                pages.append(_page_text(document, number))
                chars += len(pages[-1])
                if chars > limits.chars:
                    # Stop on the page that goes over: the rest would only be thrown away.
                    raise DocumentError("doc_too_many_chars", limit=limits.chars)
                if progress is not None:
                    progress(number + 1, count)
        except pdfium.PdfiumError:
            raise DocumentError("doc_corrupt_pdf") from None
        finally:
            document.close()
    text = "\f".join(normalise_newlines(p) for p in pages)
    visible = len("".join(text.split()))
    if visible < MIN_CHARS_PER_PAGE * count:
        raise DocumentError("doc_no_text_layer")
    return text, count


def _page_text(document: pdfium.PdfDocument, number: int) -> str:
    page = document[number]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_bounded())
        finally:
            textpage.close()
    finally:
        page.close()
