"""Word (.docx): paragraphs and table cells of the main document, in reading order.

The zip's directory is checked before anything is decompressed (a .docx zip
bomb is refused unread), and the document part is parsed as a stream with a
size cap, so a hostile file costs neither memory nor time.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from bot.documents.model import DocumentError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT = "word/document.xml"
MAX_ENTRIES = 2000
MAX_TOTAL = 200 * 1024 * 1024
MAX_PART = 50 * 1024 * 1024
MAX_RATIO = 150


class _Capped(io.RawIOBase):
    """A stream that refuses to give more than ``limit`` bytes (the declared size may lie)."""

    def __init__(self, raw: io.BufferedIOBase, limit: int) -> None:
        self.raw = raw
        self.left = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self.raw.read(min(len(buffer), self.left + 1))
        if len(chunk) > self.left:
            raise DocumentError("doc_zip_bomb")
        self.left -= len(chunk)
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _check_directory(archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_TOTAL:
        raise DocumentError("doc_zip_bomb")
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise DocumentError("doc_zip_bomb")
    names = {e.filename: e for e in entries}
    if _DOCUMENT not in names:
        if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
            raise DocumentError("doc_unknown_type")
        raise DocumentError("doc_corrupt_docx")
    part = names[_DOCUMENT]
    if part.file_size > MAX_PART:
        raise DocumentError("doc_zip_bomb")
    return part


def read_docx(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _check_directory(archive)
            with archive.open(part) as raw:
                return _text(io.BufferedReader(_Capped(raw, MAX_PART)))  # type: ignore[arg-type]
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, EOFError, OSError, ValueError):
        raise DocumentError("doc_corrupt_docx") from None
    except NotImplementedError:  # a compression method zipfile lacks
        raise DocumentError("doc_corrupt_docx") from None


def _text(stream: io.BufferedReader) -> str:
    lines: list[str] = []
    cell: list[str] | None = None
    table_depth = 0
    runs: list[str] = []
    listed = False
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_W}tbl":
                table_depth += 1
            elif tag == f"{_W}tc":
                cell = []
            elif tag == f"{_W}p":
                runs, listed = [], False
            continue
        if tag == f"{_W}t":
            runs.append(element.text or "")
        elif tag == f"{_W}tab":
            runs.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            runs.append("\n")
        elif tag == f"{_W}numPr":
            listed = True
        elif tag == f"{_W}p":
            paragraph = "".join(runs)
            if listed and paragraph.strip():
                paragraph = "• " + paragraph
            if table_depth and cell is not None:
                cell.append(paragraph)
            else:
                lines.append(paragraph)
            element.clear()
        elif tag == f"{_W}tc":
            lines.append("\n".join(p for p in cell or [] if p.strip()))
            cell = None
        elif tag == f"{_W}tr":
            lines.append("")
        elif tag == f"{_W}tbl":
            table_depth -= 1
            element.clear()
    return "\n".join(lines)
