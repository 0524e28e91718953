"""Swedish stems and stop words for search, on folded text (see `normalize.fold`).

Snowball Swedish is run on folded words (no å/ä/ö): the index and the query are
folded the same way, so both sides get the same stem, and the suffixes Snowball
strips ("-erna", "-arna", "-en", "-s") contain no diacritics anyway.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

__all__ = ["STOP_WORDS", "is_stop_word", "stem"]

_STEMMER = snowballstemmer.stemmer("swedish")

# Folded. Function words that carry no meaning in a routine title; "plan",
# "rutin" and the like are not here: they are rare enough to rank on. "fer",
# "foer" and "fdr" are "för" as OCR and ASCII keyboards leave it.
_STOP_TEXT = """
    och att i for av om till mellan med vid enligt inom mot kring det den de en ett som pa fran at
    eller samt hos under efter infor utan genom da nar dar har var vi ni du jag man sig sin sitt
    sina ar blir bli ska skall kan far ha hur vad vilken vilka nagon nagot alla allt ocksa aven
    inte ej the and of to
    fer foer fdr
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def is_stop_word(folded_word: str) -> bool:
    """True for a folded function word ("för" folds to "for")."""
    return folded_word in STOP_WORDS


@lru_cache(maxsize=200_000)
def stem(folded_word: str) -> str:
    """The Snowball Swedish stem of a folded word; cached, since vocabularies repeat."""
    return str(_STEMMER.stemWord(folded_word))
