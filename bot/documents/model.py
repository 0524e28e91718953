"""The result of reading a document, and the one error a reader raises."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.domain.errors import UserError

MAX_BYTES = 20 * 1024 * 1024
"""The largest file read: a 100-page answer is far below; anything larger is refused before reading."""

ProgressFn = Callable[[int, int], None]
"""Called as (pages done, page count) after each PDF page."""


class DocumentError(UserError):
    """One clear Swedish sentence (a key in templates/strings_documents.j2); nothing was read."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key, field="file", **params)


@dataclass(frozen=True)
class Document:
    text: str
    """The text as read, "\\n" line ends; PDF pages joined by "\\f". Finding spans are offsets into exactly this."""
    kind: str
    """ "txt" | "pdf" | "docx" """
    filename: str | None
    sha256: str
    """Hex SHA-256 of the raw bytes: the same file imported twice is recognised."""
    pages: int
    """PDF page count; 1 for text and Word."""
