"""Measuring what a PDF's streams inflate to, before PDFium inflates them whole.

PDFium decodes a page's content stream completely when it loads the page, and
keeps it, with no bound of its own: a few KB of FlateDecode can hold a
gigabyte of operators. So every Flate-compressed stream in the file is
inflated here first, chunk by chunk, with the output counted and thrown away,
and the file is refused once one stream, or all of them together, would pass
the limits.

Streams are found in the raw bytes rather than through the cross-reference
table: a damaged table is no way around the check, and a stream object can
never sit inside another (object streams hold no streams). Pictures are left
out: reading text never decodes them, and a scan's photos would count against
the limit for nothing.
"""

from __future__ import annotations

import re
import zlib

from bot.documents.limits import Limits
from bot.documents.model import DocumentError

# The end of a stream's dictionary and the keyword, then the one end of line the format allows.
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
# How far back from "stream" a dictionary may start: real ones are a few hundred bytes.
_DICT_WINDOW = 4096
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_FLATE = frozenset({b"FlateDecode", b"Fl"})
_CHUNK = 64 * 1024


def check_streams(data: bytes, limits: Limits) -> None:
    """Raise DocumentError("doc_pdf_inflates") if a stream, or all streams, inflate past the limits."""
    total = 0
    for match in _STREAM.finditer(data):
        layers = _flate_layers(_dictionary(data, match.start()))
        if not layers:
            continue
        # Never measure past what would break either limit: that bounds the work as well as the answer.
        cap = min(limits.pdf_stream, limits.pdf_inflated - total)
        size = _inflated_size(data, match.end(), layers, cap)
        if size > cap:
            raise DocumentError("doc_pdf_inflates")
        total += size


def _dictionary(data: bytes, end: int) -> bytes:
    """The stream's dictionary: the bytes since the "obj" keyword that opened its object."""
    start = max(0, end - _DICT_WINDOW)
    opened = data.rfind(b"obj", start, end)
    return data[opened if opened >= 0 else start : end]


def _flate_layers(dictionary: bytes) -> int:
    """How many FlateDecode filters the stream applies first (0 for pictures and other filters)."""
    if _IMAGE.search(dictionary):
        return 0
    found = _FILTER.search(dictionary)
    if found is None:
        return 0
    layers = 0
    for name in _NAME.findall(found.group(1)):
        if name not in _FLATE:
            break  # a later filter (LZW, ASCII85) decodes what Flate gave; the Flate layers are what inflate
        layers += 1
    return layers


def _inflated_size(data: bytes, start: int, layers: int, cap: int) -> int:
    """Bytes the stream at ``data[start:]`` gives through ``layers`` Flate decoders; stops once past ``cap``.

    The compressed stream ends where the first decoder says it does, so its declared /Length (which may be
    an indirect object, or wrong) is not needed. Data that is not Flate at all ends the measuring quietly:
    PDFium then refuses or skips the stream on its own.
    """
    decoders = [zlib.decompressobj() for _ in range(layers)]
    counted = 0

    def feed(level: int, chunk: bytes) -> bool:
        """Pass ``chunk`` through decoder ``level`` and those after it; True once the cap is passed."""
        nonlocal counted
        decoder = decoders[level]
        pending = chunk
        while True:
            out = decoder.decompress(pending, _CHUNK)
            pending = decoder.unconsumed_tail
            if level + 1 == layers:
                counted += len(out)
                if counted > cap:
                    return True
            elif out and feed(level + 1, out):
                return True
            # A full chunk out may leave more inside the decoder even when no input is left; after the end of
            # the compressed data the rest of the input stays in unconsumed_tail, so the end is asked for too.
            if decoder.eof or (not pending and len(out) < _CHUNK):
                return False

    position = start
    try:
        while position < len(data) and not decoders[0].eof:
            if feed(0, data[position : position + _CHUNK]):
                return counted
            position += _CHUNK
    except zlib.error:
        pass
    return counted
