"""A cheap fold for classifying lines: lower case, Swedish and OCR'd letters to ASCII, one space.

`bot.language.normalize.fold` is the thorough search key (it also joins broken
words and reads OCR digits); layout decisions are made on every line of a long
document and need only this.
"""

from __future__ import annotations

__all__ = ["qfold"]

_TABLE = str.maketrans(
    {
        **dict.fromkeys("åäàáâãæ", "a"),
        **dict.fromkeys("öøóòôõœ", "o"),
        **dict.fromkeys("éèêë", "e"),
        **dict.fromkeys("íìîï", "i"),
        **dict.fromkeys("úùûü", "u"),
        "ç": "c",
        "ñ": "n",
        "\u00ad": "",
    }
)


def qfold(text: str) -> str:
    """Lower case, diacritics off, whitespace collapsed to single spaces."""
    return " ".join(text.lower().translate(_TABLE).split())
