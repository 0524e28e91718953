"""How far one document may expand when it is read: pages, characters, inflated PDF streams, memory and time.

A file's size on disk says little: a 1.5 MB PDF can hold a content stream that
inflates to a gigabyte. Each limit below is refused with its own sentence
(``templates/strings_documents.j2``); memory and time are enforced on the
worker process that reads (:mod:`bot.documents.worker`), the rest in the
readers themselves, so they hold in the bot's process too.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    pages: int = 1000
    """PDF pages: an answer to an audit has some 5 to 100; a 1000-page file is not one."""
    chars: int = 5_000_000
    """Characters of text: a 300-page answer holds under a million; a 20 MB text file could hold twenty."""
    pdf_stream: int = 16 * MIB
    """What one PDF stream other than a picture (page contents, fonts, object streams) may inflate to: a page of text
    is some 50 KB of content, a detailed vector chart a few MB."""
    pdf_inflated: int = 256 * MIB
    """What all those streams together may inflate to."""
    memory: int = 1024 * MIB
    """Address space the worker may add, on top of what it holds when it starts, to read one document."""
    seconds: float = 120.0
    """Wall time for reading one document in the worker, start-up included."""


DEFAULT_LIMITS = Limits()


def limits_for(memory_mb: int, seconds: int) -> Limits:
    """The default limits with the two an operator sets (ATAGANDE_DOCUMENT_MEMORY_MB, ATAGANDE_DOCUMENT_SECONDS)."""
    return Limits(memory=memory_mb * MIB, seconds=float(seconds))
