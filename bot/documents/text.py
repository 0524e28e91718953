"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""

from __future__ import annotations

import codecs

from bot.documents.model import DocumentError

# Characters a text file does not hold: C0 controls other than tab, newlines and form feed, and the C1 range
# (in a Windows-1252 file only its five undefined bytes land there).
_CONTROL = frozenset(chr(c) for c in [*range(32), *range(0x7F, 0xA0)]) - {"\t", "\n", "\f", "\r"}
_SAMPLE = 65536


def _c1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    # Windows itself maps the five bytes Windows-1252 leaves undefined to the C1 controls of the same number.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(chr(b) for b in error.object[error.start : error.end]), error.end


codecs.register_error("atagande-c1", _c1_for_undefined)


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ch in _CONTROL)
    return controls > max(2, len(sample) // 200)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes) -> str:
    """The text of ``data``; DocumentError("doc_binary") when it is not text in any encoding we expect."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="atagande-c1")
    if _looks_binary(text):
        raise DocumentError("doc_binary")
    return normalise_newlines(text)
