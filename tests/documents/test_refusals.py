"""Each kind of input that cannot be read gets its own sentence, and a zip bomb is refused unopened."""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from bot.documents import MAX_BYTES, DocumentError, read_document, read_path, ziplimits
from bot.texts import Texts
from tests.documents.builders import SWEDISH, claim_size, docx_bytes, new_docx, zip_bomb, zip_bytes

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refusal(data: bytes, filename: str | None) -> DocumentError:
    with pytest.raises(DocumentError) as refused:
        read_document(data, filename)
    return refused.value


@pytest.mark.parametrize(
    ("data", "filename", "key"),
    [
        (b"", "svar.txt", "doc_empty"),
        (b" \n\t \r\n", "svar.txt", "doc_empty"),
        ("\ufeff  \u00a0\n".encode(), None, "doc_empty"),
        (" \n".encode("utf-16"), "svar.txt", "doc_empty"),
        (bytes(range(256)) * 8, "svar.txt", "doc_binary"),
        (b"\x00\x01\x02binary\x00" * 100, None, "doc_binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "bild.png", "doc_unknown_type"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), None, "doc_unknown_type"),
        (b"MZ\x90\x00" + bytes(64), "program.exe", "doc_unknown_type"),
        (b"{\\rtf1\\ansi Svar}", "svar.rtf", "doc_unknown_type"),
        (SWEDISH.encode(), "kalkyl.xlsx", "doc_unknown_type"),
        (SWEDISH.encode(), "bild.png", "doc_unknown_type"),
        (OLE + bytes(512) + "WordDocument".encode("utf-16-le"), None, "doc_legacy_word"),
        (OLE + bytes(512), "svar.doc", "doc_legacy_word"),
        (OLE + bytes(512) + "Workbook".encode("utf-16-le"), "kalkyl.xls", "doc_unknown_type"),
        (OLE + bytes(512) + "EncryptedPackage".encode("utf-16-le"), "svar.docx", "doc_encrypted_docx"),
        (b"<html><body>Svar</body></html>", "svar.doc", "doc_legacy_word"),  # Word saves web pages as .doc too
    ],
)
def test_bad_input_gets_its_sentence(data: bytes, filename: str | None, key: str) -> None:
    error = _refusal(data, filename)
    assert error.key == key
    sentence = Texts().get(key, **error.params)
    assert sentence.endswith(".") and "\n" not in sentence


def test_unknown_types_name_the_types_we_read() -> None:
    sentence = Texts().get("doc_unknown_type")
    assert all(kind in sentence for kind in ("PDF", ".docx", ".txt"))
    assert ".docx" in Texts().get("doc_legacy_word")


def test_over_20_mb_is_refused_from_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "stor.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: 20 MB that take no disk
    opened: list[Path] = []
    original_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return original_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", spy)
    with pytest.raises(DocumentError) as refused:
        read_path(big)
    assert refused.value.key == "doc_too_large"
    assert opened == []  # refused from stat(), never opened
    assert Texts().get("doc_too_large", **refused.value.params) == "Filen är 20,1 MB; jag läser filer på högst 20 MB."


def test_over_20_mb_in_memory_is_refused() -> None:
    assert _refusal(b"a" * (MAX_BYTES + 1), "svar.txt").key == "doc_too_large"


def test_read_path_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "svar.txt"
    path.write_bytes(SWEDISH.encode("cp1252"))
    document = read_path(os.fspath(path))
    assert (document.text, document.filename, document.kind) == (SWEDISH, "svar.txt", "txt")
    with pytest.raises(FileNotFoundError):  # a wrong path is the caller's to report, not a document error
        read_path(tmp_path / "saknas.txt")


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return zip_bomb(megabytes=200)


def test_a_docx_zip_bomb_is_refused_without_inflating_anything(bomb: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(bomb) < 1024 * 1024  # 200 MB of zeros in a few hundred KB

    def no_inflating(*args: object, **kwargs: object) -> object:
        raise AssertionError("a zip entry was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflating)
    assert _refusal(bomb, "svar.docx").key == "doc_zip_bomb"
    assert _refusal(bomb, None).key == "doc_zip_bomb"


def test_a_small_entry_with_an_implausible_ratio_is_a_bomb() -> None:
    # 5 MB of zeros: far below the total limit, but no document part inflates a thousandfold.
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": bytes(5 * 1024 * 1024)})
    assert _refusal(data, "svar.docx").key == "doc_zip_bomb"


def test_too_many_entries_is_a_bomb() -> None:
    entries = {f"word/media/image{n}.png": b"x" for n in range(ziplimits.MAX_ENTRIES + 1)}
    assert _refusal(zip_bytes(entries), "svar.docx").key == "doc_zip_bomb"


def test_too_much_declared_data_in_all_is_a_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    document = new_docx()
    document.add_paragraph(SWEDISH)
    data = docx_bytes(document)
    assert read_document(data).text.strip() == SWEDISH
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = sum(entry.file_size for entry in archive.infolist())
    monkeypatch.setattr(ziplimits, "MAX_TOTAL", total - 1)
    assert _refusal(data, "svar.docx").key == "doc_zip_bomb"


def test_a_zip_that_lies_about_its_sizes_stops_at_what_it_claims() -> None:
    """The directory claims the part is no larger than its compressed bytes; it inflates to 50 MB."""
    honest = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": bytes(50 * 1024 * 1024)})
    with zipfile.ZipFile(io.BytesIO(honest)) as archive:
        compressed = archive.getinfo("word/document.xml").compress_size
    liar = claim_size(honest, "word/document.xml", compressed)
    tracemalloc.start()
    try:
        assert _refusal(liar, "svar.docx").key == "doc_corrupt_docx"  # the checksum fails at the claimed size
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024


def test_a_zip_with_inflated_claims_is_corrupt() -> None:
    honest = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": os.urandom(200_000)})
    # Compressed bytes far beyond the claimed size: deflate never grows data like that.
    assert _refusal(claim_size(honest, "word/document.xml", 1000), "svar.docx").key == "doc_corrupt_docx"


def test_an_entry_compressed_with_bzip2_is_not_inflated() -> None:
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<x/>"}, zipfile.ZIP_BZIP2)
    assert _refusal(data, "svar.docx").key == "doc_corrupt_docx"
