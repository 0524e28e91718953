"""Which kind a document is (its first bytes, then its name), and reading it with the right reader."""

from __future__ import annotations

import codecs
import hashlib
import math
import os
from pathlib import Path

from bot.documents.limits import DEFAULT_LIMITS, Limits
from bot.documents.model import MAX_BYTES, Document, DocumentError, ProgressFn
from bot.documents.pdf import read_pdf
from bot.documents.text import decode_text
from bot.documents.word import read_docx

# Formats people send that we do not read, recognised by their first bytes.
_FOREIGN_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"MZ",  # Windows program
    b"\x7fELF",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x1f\x8b",  # gzip
    b"{\\rtf",
)
_ZIP_MAGIC = b"PK\x03\x04"
# OLE compound file: legacy Word, Excel and Outlook files, and password-protected .docx (an encrypted package).
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_WORD = "WordDocument".encode("utf-16-le")
_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_PDF_MAGIC = b"%PDF-"
_PDF_HEADER_WINDOW = 1024  # readers accept a PDF header anywhere in the first KB
_TEXT_EXTENSIONS = frozenset({"", ".txt", ".text", ".md", ".csv"})
_WORD_EXTENSIONS = frozenset({".docx", ".docm", ".dotx"})
_LEGACY_WORD_EXTENSIONS = frozenset({".doc", ".dot"})


def _extension(filename: str | None) -> str:
    return Path(filename).suffix.lower() if filename else ""


def too_large(size: int) -> DocumentError:
    """The error for a file of ``size`` bytes over MAX_BYTES (also used before a download)."""
    # Rounded up, so a file just over the limit does not read as exactly the limit.
    size_mb = math.ceil(size * 10 / 1024 / 1024) / 10
    return DocumentError("doc_too_large", size_mb=size_mb, limit_mb=MAX_BYTES // 1024 // 1024)


def _is_pdf(data: bytes, extension: str) -> bool:
    if data.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(_PDF_MAGIC):
        return True
    # A header after some junk (a mail gateway's prefix) only counts where the name says PDF too.
    return extension == ".pdf" and _PDF_MAGIC in data[:_PDF_HEADER_WINDOW]


def _refuse_ole(data: bytes, extension: str) -> DocumentError:
    # The stream names sit in the file's directory; looking for them is enough to tell these apart.
    if _OLE_ENCRYPTED in data:
        return DocumentError("doc_encrypted_docx")
    if _OLE_WORD in data or extension in _LEGACY_WORD_EXTENSIONS:
        return DocumentError("doc_legacy_word")
    return DocumentError("doc_unknown_type")


def _refuse_by_name(extension: str) -> DocumentError:
    """Not text and not a format we know by its bytes: the name says what it claimed to be."""
    if extension == ".pdf":
        return DocumentError("doc_corrupt_pdf")
    if extension in _WORD_EXTENSIONS:
        return DocumentError("doc_corrupt_docx")
    if extension in _LEGACY_WORD_EXTENSIONS:
        return DocumentError("doc_legacy_word")
    return DocumentError("doc_unknown_type")


def read_document(
    data: bytes,
    filename: str | None = None,
    *,
    progress: ProgressFn | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read ``data`` as text, PDF or .docx; anything that cannot be read raises DocumentError.

    This reads in the calling process, bounded by ``limits`` except for memory and time: the bot reads
    through :func:`bot.documents.worker.read_in_worker`, which also bounds those.
    """
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    if not data.strip():
        raise DocumentError("doc_empty")
    extension = _extension(filename)
    pages = 1
    if _is_pdf(data, extension):
        kind = "pdf"
        text, pages = read_pdf(data, progress, limits)
    elif data.startswith(_ZIP_MAGIC):
        kind = "docx"
        text = read_docx(data, named_word=extension in _WORD_EXTENSIONS)
    elif data.startswith(_OLE_MAGIC):
        raise _refuse_ole(data, extension)
    elif data.startswith(_FOREIGN_MAGIC):
        raise DocumentError("doc_unknown_type")
    elif extension not in _TEXT_EXTENSIONS:
        raise _refuse_by_name(extension)
    else:
        kind = "txt"
        text = decode_text(data)
    if len(text) > limits.chars:
        raise DocumentError("doc_too_many_chars", limit=limits.chars)
    if not text.strip():
        raise DocumentError("doc_no_text_layer" if kind == "pdf" else "doc_empty")
    return Document(text=text, kind=kind, filename=filename, sha256=hashlib.sha256(data).hexdigest(), pages=pages)


def read_path(
    path: str | os.PathLike[str], *, progress: ProgressFn | None = None, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """Read a file; a file over MAX_BYTES is refused from its size, before it is read.

    A missing or unreadable file raises OSError (FileNotFoundError, PermissionError, …): that is
    about the path, not the document.
    """
    target = Path(path)
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise too_large(size)
    with target.open("rb") as handle:
        # The size may have grown since stat(), and pipes report none: never read more than one byte past the limit.
        data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise too_large(max(os.fstat(handle.fileno()).st_size, len(data)))
    return read_document(data, target.name, progress=progress, limits=limits)
