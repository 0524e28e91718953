"""Reading the documents officials give the bot: plain text, PDF (text layer) and Word (.docx).

`read_document(data, filename)` returns a :class:`Document` whose ``text`` is
what the extractor reads and what finding spans point into. Anything that
cannot be read ends in a :class:`DocumentError`, one Swedish sentence
(``templates/strings_documents.j2``), never a stack trace; nothing else escapes.
"""

from bot.documents.model import MAX_BYTES, Document, DocumentError, ProgressFn
from bot.documents.read import read_document, read_path, too_large

__all__ = ["MAX_BYTES", "Document", "DocumentError", "ProgressFn", "read_document", "read_path", "too_large"]
