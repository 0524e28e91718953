"""Swedish alphabetical order: Å, Ä and Ö are letters of their own after Z.

Python's own order puts every capital before every small letter and sorts by code point (Ä before Å),
and folding away the diacritics files Å and Ä under A: neither is the order a Swedish reader expects
in a list of names.
"""

from __future__ import annotations

import unicodedata

# Å Ä Ö after z, in that order; the characters chosen come right after "z" in code point order.
_OWN_LETTERS = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


def swedish_key(text: str) -> tuple[str, str]:
    """A sort key that orders ``text`` as a Swedish list does; ties are broken by the exact spelling."""
    lowered = text.casefold().translate(_OWN_LETTERS)
    # Other accents (é, ü) sort with their base letter, as Swedish dictionaries do.
    plain = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
    return plain, text
