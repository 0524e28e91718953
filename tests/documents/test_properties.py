"""No bytes whatever make the reader raise anything but DocumentError."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.documents import DocumentError, read_document
from bot.texts import Texts
from tests.documents.builders import SWEDISH, docx_bytes, new_docx, pdf_bytes, winansi_pdf

TEXTS = Texts()


def _valid_docx() -> bytes:
    document = new_docx()
    document.add_paragraph(SWEDISH)
    document.add_paragraph("att under 2027 revidera rutinen", style="List Bullet")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "senast april 2027"
    return docx_bytes(document)


VALID = [
    SWEDISH.encode(),
    SWEDISH.encode("utf-16"),
    SWEDISH.encode("cp1252"),
    pdf_bytes(["Nämnden ska revidera rutinen senast i april 2027.", "Uppföljning sker årligen."]),
    winansi_pdf([[SWEDISH]]),
    _valid_docx(),
]
MAGIC = [b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"\xff\xfe", b"\x89PNG"]
NAMES = [None, "svar.txt", "svar.pdf", "svar.docx", "svar.doc", "kalkyl.xlsx", "x.bin", "-"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid file with a few bytes overwritten: damage inside the structures the parsers walk."""
    data = bytearray(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    return bytes(data)


inputs = st.one_of(
    st.binary(max_size=4096),
    st.sampled_from(VALID).flatmap(lambda valid: st.integers(0, len(valid)).map(lambda n: valid[:n])),
    mutated(),
    st.tuples(st.sampled_from(MAGIC), st.binary(max_size=2048)).map(lambda parts: parts[0] + parts[1]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(inputs, st.sampled_from(NAMES))
def test_any_bytes_give_a_document_or_a_document_error(data: bytes, filename: str | None) -> None:
    try:
        document = read_document(data, filename)
    except DocumentError as error:
        assert TEXTS.get(error.key, **error.params)
    else:
        assert document.text.strip()
        assert document.kind in ("txt", "pdf", "docx")
        assert document.pages >= 1
        assert document.sha256 == hashlib.sha256(data).hexdigest()
        assert "\r" not in document.text
