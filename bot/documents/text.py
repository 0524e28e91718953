"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""

from __future__ import annotations

import codecs

from bot.documents.model import DocumentError

# Control characters a text file never holds (tab, newlines and form feed are fine).
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    return controls > max(2, len(sample) // 200)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Windows-1252 leaves five bytes undefined; a file holding them is not text in any encoding we expect.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise DocumentError("doc_binary") from None
    if _looks_binary(text):
        raise DocumentError("doc_binary")
    return normalise_newlines(text)
