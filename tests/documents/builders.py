"""Documents made in the tests: .docx with python-docx, PDFs with fpdf2 (and one written by hand)."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

import docx
from docx.oxml import parse_xml
from fpdf import FPDF

# Åäö, an en dash and curly quotes: what Word puts into every Swedish answer.
SWEDISH = "Nämnden ska åtgärda bristerna – senast i april 2027 ”enligt plan” (Överförmyndaren, ’BUN’)."
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def pdf_bytes(pages: list[str], *, user_password: str | None = None, owner_password: str | None = None) -> bytes:
    """A PDF with one page per string (Latin-1 only: fpdf2's core fonts); an empty string is a page with a picture."""
    pdf = FPDF()
    if user_password is not None or owner_password is not None:
        pdf.set_encryption(owner_password=owner_password or "ägare", user_password=user_password)
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
        else:
            pdf.rect(20, 20, 100, 100)  # a scan: a picture and no text
    return bytes(pdf.output())


def winansi_pdf(pages: list[list[str]]) -> bytes:
    """A PDF written by hand in Helvetica with WinAnsiEncoding, which has the en dash and curly quotes.

    fpdf2 refuses characters outside Latin-1 for its core fonts; this tiny writer shows the reader gets
    Windows-1252's typographic characters out of a PDF as they are.
    """
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]  # the page tree is filled in below
    kids: list[int] = []
    font = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for lines in pages:
        content = b"BT /F1 11 Tf 14 TL 50 800 Td " + b" ".join(b"(" + _pdf_string(line) + b") Tj T*" for line in lines)
        content += b" ET"
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>"
            b" /Contents %d 0 R >>" % (font, len(objects))
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return _pdf_file(objects)


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def docx_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def new_docx() -> Any:
    return docx.Document()


def append_body_xml(document: Any, xml: str) -> None:
    """Put raw WordprocessingML blocks (w:p, w:tbl, w:sdt) at the end of the body, before its section."""
    body = document.element.body
    for element in list(parse_xml(f'<w:wrap xmlns:w="{W_NS}">{xml}</w:wrap>')):
        body.insert(len(body) - 1, element)


def zip_bytes(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb(name: str = "word/document.xml", megabytes: int = 200) -> bytes:
    """A zip whose one entry is ``megabytes`` MB of zeros, deflated (a few hundred KB), written in chunks."""
    buffer = io.BytesIO()
    zeros = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open(name, "w") as entry:
            for _ in range(megabytes):
                entry.write(zeros)
    return buffer.getvalue()


def claim_size(data: bytes, name: str, claimed: int) -> bytes:
    """The zip ``data`` with the uncompressed size of ``name`` replaced by ``claimed`` (local and central headers)."""
    raw = bytearray(data)
    encoded = name.encode()
    end = raw.rfind(b"PK\x05\x06")  # end of central directory: where the directory starts and how many entries
    central = int.from_bytes(raw[end + 16 : end + 20], "little")
    for _ in range(int.from_bytes(raw[end + 10 : end + 12], "little")):
        name_length, extra_length, comment_length = (
            int.from_bytes(raw[central + at : central + at + 2], "little") for at in (28, 30, 32)
        )
        if raw[central + 46 : central + 46 + name_length] == encoded:
            raw[central + 24 : central + 28] = claimed.to_bytes(4, "little")
            local = int.from_bytes(raw[central + 42 : central + 46], "little")
            raw[local + 22 : local + 26] = claimed.to_bytes(4, "little")
            return bytes(raw)
        central += 46 + name_length + extra_length + comment_length
    raise ValueError(f"{name} not in the zip")


def inflating_pdf(megabytes: int, *, filler: bytes = b"q Q ", layers: int = 1, pages: int = 1) -> bytes:
    """A PDF whose pages' contents are one line of text and ``megabytes`` MB of ``filler`` (harmless operators),
    deflated ``layers`` times: a few KB on disk that PDFium inflates whole when it loads a page."""
    text = b"BT /F1 11 Tf 50 800 Td (Kommunstyrelsen svarar revisorerna om internkontrollen) Tj ET\n"
    block = filler * (1024 * 1024 // len(filler))
    squeeze = zlib.compressobj(9)
    stream = squeeze.compress(text) + b"".join(squeeze.compress(block) for _ in range(megabytes)) + squeeze.flush()
    for _ in range(layers - 1):
        stream = zlib.compress(stream, 9)
    filters = b"[" + b" ".join([b"/FlateDecode"] * layers) + b"]"
    contents = b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream"
    first_page = 4
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (first_page + n) for n in range(pages)), pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
        b" /Contents %d 0 R >>" % (first_page + pages)
        for _ in range(pages)
    ]
    objects.append(contents)  # every page shows the same contents
    return _pdf_file(objects)


def _pdf_file(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()
