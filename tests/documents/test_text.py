"""Plain text in the encodings officials' machines write, with line ends normalised."""

from __future__ import annotations

import pytest

from bot.documents import DocumentError, read_document
from tests.documents.builders import SWEDISH


@pytest.mark.parametrize(
    "data",
    [
        SWEDISH.encode("utf-8"),
        b"\xef\xbb\xbf" + SWEDISH.encode("utf-8"),
        SWEDISH.encode("utf-16"),  # with its BOM, little-endian here
        b"\xfe\xff" + SWEDISH.encode("utf-16-be"),
        SWEDISH.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_every_encoding_gives_the_same_text(data: bytes) -> None:
    document = read_document(data, "svar.txt")
    assert document.text == SWEDISH
    assert (document.kind, document.pages, document.filename) == ("txt", 1, "svar.txt")


def test_cp1252_typographic_characters_are_not_taken_for_latin1() -> None:
    # 0x96 and 0x94 are an en dash and a closing quote in Windows-1252, C1 controls in Latin-1.
    assert read_document(b"Klart \x96 \x94ja\x94 i m\xe5nad 3").text == "Klart – ”ja” i månad 3"


def test_a_stray_undefined_cp1252_byte_does_not_refuse_a_text() -> None:
    text = read_document(b"V\xe5r plan \x81 f\xf6r 2027 och fler ord h\xe4r").text
    assert text.startswith("Vår plan") and text.endswith("ord här")


def test_line_ends_become_newlines_and_form_feeds_stay() -> None:
    assert read_document(b"rad ett\r\nrad tv\xc3\xa5\rslut\fsida 2").text == "rad ett\nrad två\nslut\fsida 2"


def test_name_without_extension_and_markdown_are_text() -> None:
    assert read_document(SWEDISH.encode(), None).kind == "txt"
    assert read_document(SWEDISH.encode(), "svar.md").kind == "txt"
    assert read_document(SWEDISH.encode(), "SVAR.TXT").kind == "txt"


def test_same_bytes_same_sha256_whatever_the_name() -> None:
    data = SWEDISH.encode()
    assert read_document(data).sha256 == read_document(data, "annat-namn.txt").sha256
    assert read_document(data).sha256 != read_document(data + b" ").sha256
    assert len(read_document(data).sha256) == 64


def test_text_with_control_characters_is_binary() -> None:
    with pytest.raises(DocumentError) as refused:
        read_document(b"text\x01\x02\x03\x04\x05 och mer", "svar.txt")
    assert refused.value.key == "doc_binary"
