"""Opening a .docx zip without letting it decompress into more than it admits to.

A zip bomb is refused from its central directory alone, before one byte is
inflated: too many entries, too much declared data in all, or an entry that
inflates implausibly far. The directory may lie about sizes, so parts are then
read in small chunks with a hard cap; a liar stops at its declared size (the
checksum then fails) instead of filling memory.
"""

from __future__ import annotations

import zipfile

from bot.documents.model import DocumentError

MAX_ENTRIES = 1000
"""A Word file has some ten parts, a few hundred with many pictures."""
MAX_TOTAL = 100 * 1024 * 1024
"""Declared uncompressed bytes of all entries: a 20 MB file of text and pictures stays far below."""
MAX_RATIO = 200
"""Word's XML deflates about 10:1; a block of zeros about 1000:1."""
RATIO_FLOOR = 1024 * 1024
"""Entries smaller than this are not ratio-checked (tiny parts compress oddly and cost nothing)."""
MAX_PART = 32 * 1024 * 1024
"""One XML part: the text of a 300-page answer is a few MB of document.xml."""
_CHUNK = 64 * 1024
# Deflate never grows data by more than a few bytes per 16 KB block; more means the sizes are made up.
_SLACK = 1024


def check_directory(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's entries, if its central directory looks like an honest document's."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise DocumentError("doc_zip_bomb")
    if sum(entry.file_size for entry in entries) > MAX_TOTAL:
        raise DocumentError("doc_zip_bomb")
    for entry in entries:
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # Word writes nothing else; bzip2 and lzma inflate without an output bound in zipfile.
            raise DocumentError("doc_corrupt_docx")
        if entry.flag_bits & 0x1:  # an encrypted entry: not something Word makes
            raise DocumentError("doc_corrupt_docx")
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise DocumentError("doc_zip_bomb")
        if entry.compress_size > entry.file_size + entry.file_size // 1000 + _SLACK:
            raise DocumentError("doc_corrupt_docx")
    return entries


def read_bounded(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limit: int = MAX_PART) -> bytes:
    """An entry's bytes, inflated chunk by chunk and never more than ``limit``."""
    if entry.file_size > limit:
        raise DocumentError("doc_zip_bomb")
    chunks: list[bytes] = []
    total = 0
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            if total > limit:
                raise DocumentError("doc_zip_bomb")
            chunks.append(chunk)
    return b"".join(chunks)
