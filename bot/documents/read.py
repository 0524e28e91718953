"""Which kind a document is, and reading it with the right reader."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from bot.documents.docx import read_docx
from bot.documents.model import MAX_BYTES, Document, DocumentError, ProgressFn
from bot.documents.pdf import read_pdf
from bot.documents.text import decode_text

# Formats people send that we do not read, recognised by their first bytes.
_FOREIGN_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"II*\x00",
    b"MM\x00*",
    b"MZ",
    b"\x7fELF",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x1f\x8b",
    b"{\\rtf",
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_EXTENSIONS = {"", ".txt", ".text", ".md", ".csv"}


def _extension(filename: str | None) -> str:
    return Path(filename).suffix.lower() if filename else ""


def too_large(size: int) -> DocumentError:
    """The error for a file of ``size`` bytes over MAX_BYTES (also used before a download)."""
    return DocumentError("doc_too_large", size_mb=round(size / 1024 / 1024, 1), limit_mb=MAX_BYTES // 1024 // 1024)


def read_document(data: bytes, filename: str | None = None, *, progress: ProgressFn | None = None) -> Document:
    """Read ``data`` as text, PDF or .docx (by its first bytes, then its name)."""
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    if not data.strip():
        raise DocumentError("doc_empty")
    extension = _extension(filename)
    head = data[:1024]
    if b"%PDF-" in head:
        text, pages, kind = *read_pdf(data, progress), "pdf"
    elif data.startswith(b"PK\x03\x04"):
        text, pages, kind = read_docx(data), 1, "docx"
    elif data.startswith(_OLE_MAGIC):
        raise DocumentError("doc_legacy_word" if extension in (".doc", ".dot", "") else "doc_unknown_type")
    elif data.startswith(_FOREIGN_MAGIC) or extension not in _TEXT_EXTENSIONS:
        if extension == ".pdf":
            raise DocumentError("doc_corrupt_pdf")
        if extension == ".docx":
            raise DocumentError("doc_corrupt_docx")
        raise DocumentError("doc_unknown_type")
    else:
        text, pages, kind = decode_text(data), 1, "txt"
    if not text.strip():
        raise DocumentError("doc_no_text_layer" if kind == "pdf" else "doc_empty")
    return Document(text=text, kind=kind, filename=filename, sha256=hashlib.sha256(data).hexdigest(), pages=pages)


def read_path(path: str | os.PathLike[str], *, progress: ProgressFn | None = None) -> Document:
    """Read a file; its size is checked before a byte is read."""
    target = Path(path)
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise too_large(size)
    return read_document(target.read_bytes(), target.name, progress=progress)
