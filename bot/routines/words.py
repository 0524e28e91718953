"""The words of a routine or a query as the search reads them: folded, stop words dropped.

An abbreviation written in capitals ("SKA") is kept even where its folded form is a stop word.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

from bot.language.normalize import fold
from bot.language.stemming import is_stop_word, stem

WORD = re.compile(r"[^\W_]+")
# A word that begins with a capital and has another ("SIP", "SoL", "SÄBO"); anchored at the first
# capital, as a pattern free to start anywhere in a word took a fifth of the index build.
CAPITALS = re.compile(r"\b[A-ZÅÄÖ][^\W\d_]*?[A-ZÅÄÖ][^\W\d_]*")


def folded_words(text: str, keep: AbstractSet[str] = frozenset()) -> list[str]:
    """Folded words without stop words, but for those in `keep` (an abbreviation such as "SKA")."""
    return [w for w in WORD.findall(fold(text)) if w in keep or not is_stop_word(w)]


def capitals(*texts: str) -> set[str]:
    """The folded words written with two capitals or more ("SIP", "SoL", "SKA")."""
    return {fold(w) for t in texts for w in CAPITALS.findall(t)}


@lru_cache(maxsize=200_000)
def word_stem(raw_word: str) -> str:
    """The stem of one word as written (for marking snippets)."""
    folded = fold(raw_word)
    return stem(folded) if folded else ""
