"""Commitments and recommendations in an audit answer (revisionsrapport, svar, yttrande, tjänsteskrivelse).

`extract(text, today=…)` reads the text of a document (as `bot.documents` gives it)
and returns an `Extraction`: its findings best first, each with its place in the
text, deadline(s) as resolved by the Swedish date grammar, rhythm, owner and
committee, and the document's own date, case number, committee, title and
audit firm. Officials confirm what it found; nothing here is stored.
"""

from bot.extraction.extract import extract
from bot.extraction.model import Extraction, Finding

__all__ = ["Extraction", "Finding", "extract"]
