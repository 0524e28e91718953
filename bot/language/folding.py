"""Folding text for matching and search: lower case, no diacritics, OCR look-alikes read.

`fold_aligned` / `MatchText` fold character for character, so a regular
expression run over the result gives spans that are valid in the original
text (the date grammar reads this); `fold` is a search key whose length may
change. The choices (a "1" inside a word is "l", a "6" is "ö", …) are listed in
`normalize`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

__all__ = ["CODE_NUMBER", "ORDINAL", "TOKEN", "MatchText", "fold", "fold_aligned", "match_text"]

# --------------------------------------------------------------------------- #
# Character-level folding (length-preserving)
# --------------------------------------------------------------------------- #

_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad\ufe58\ufe63\uff0d")
_SPECIAL = {
    "å": "a",
    "ä": "a",
    "æ": "a",
    "ö": "o",
    "ø": "o",
    "œ": "o",
    "ð": "d",
    "þ": "t",
    "ł": "l",
    "ı": "i",
    "\u2044": "/",
    "\uff0f": "/",
}


def _fold_char(ch: str) -> str:
    """One lower-case character to one matching character."""
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isspace():
        # Keep line breaks (some callers care about lines); every other space is a space.
        return "\n" if ch == "\n" else " "
    if ch in _DASHES:
        return "-"
    if ch.isascii():
        return ch
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return str(digit)
    if ch.isalpha():
        base = unicodedata.normalize("NFKD", ch)[:1]
        if base.isascii() and base.isalpha():
            return base.lower()
    return ch


class _FoldTable(dict[int, str]):
    """A `str.translate` table that fills itself: one character in, one out."""

    def __missing__(self, code: int) -> str:
        out = _fold_char(chr(code))
        self[code] = out
        return out


_TABLE = _FoldTable()


def _lower_aligned(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case to two ("İ" → "i̇"); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --------------------------------------------------------------------------- #
# OCR look-alikes inside tokens (length-preserving)
# --------------------------------------------------------------------------- #

_WORDCHAR = re.compile(r"[^\W_]")
TOKEN = re.compile(r"[^\W_]+")
# Where a letter meets a digit; only tokens with such a place need a look.
_TRANSITION = re.compile(r"[^\W\d_][0-9]|[0-9][^\W\d_]")
ORDINAL = re.compile(r"[0-9]+(?:a|e|te|de|nde|st|ste)")
CODE_NUMBER = re.compile(r"([^\W\d_]{1,3})([0-9][0-9o]*)")
_NUM_LOOKALIKE = str.maketrans({"o": "0", "i": "1", "l": "1"})
_WORD_LOOKALIKE = str.maketrans({"0": "o", "6": "o", "1": "l", "4": "a"})
_LETTER_AT = re.compile(r"(?<=[^\W\d_])[@&](?=[^\W\d_])|(?<![\w@&])[@&](?=[^\W\d_]{2})")


def _repair_token(tok: str, before: str, after: str) -> str | None:
    """A lower-case token with OCR look-alikes fixed, or None to keep it."""
    if ORDINAL.fullmatch(tok):
        return None  # "1a", "3e", "2st": a number and a suffix, not damage
    n_digits = sum(c.isdigit() for c in tok)
    n_letters = len(tok) - n_digits
    if all(c.isdigit() or c in "oil" for c in tok):
        if n_digits >= 2 and n_digits >= n_letters:
            return tok.translate(_NUM_LOOKALIKE)  # "2o21" → "2021"
        if len(tok) == 2 and n_digits == 1 and "o" in tok and (before in "-./" or after in "-./"):
            return tok.replace("o", "0")  # the "O5" in "2023-O5-15"
    code = CODE_NUMBER.fullmatch(tok)
    if code is not None:
        # "v12", "q3", "vt21", "bun0148": keep; only "vt2o21" needs its O read as 0.
        digits = code.group(2)
        return code.group(1) + digits.replace("o", "0") if "o" in digits else None
    if n_letters >= 2 and n_digits * 2 <= n_letters:
        return tok.translate(_WORD_LOOKALIKE)  # "h6sten" → "hosten", "apri1" → "april"
    return None


def _repair_tokens(folded: str) -> tuple[str, list[int]]:
    """Fix look-alikes token by token; return the text and the changed positions."""
    chars: list[str] | None = None
    changed: list[int] = []
    last_end = 0
    for m in _TRANSITION.finditer(folded):
        pos = m.start()
        if pos < last_end:
            continue
        start = pos
        while start > 0 and _WORDCHAR.match(folded, start - 1):
            start -= 1
        end_match = TOKEN.match(folded, pos)
        end = end_match.end() if end_match else pos + 2
        last_end = end
        tok = folded[start:end]
        before = folded[start - 1] if start > 0 else ""
        after = folded[end] if end < len(folded) else ""
        fixed = _repair_token(tok, before, after)
        if fixed is None or fixed == tok or len(fixed) != len(tok):
            continue
        if chars is None:
            chars = list(folded)
        for i, (a, b) in enumerate(zip(tok, fixed, strict=True)):
            if a != b:
                chars[start + i] = b
                changed.append(start + i)
    out = "".join(chars) if chars is not None else folded
    if "@" in out or "&" in out:
        out = _LETTER_AT.sub("a", out)
    return out, changed


@dataclass(frozen=True)
class MatchText:
    """Text prepared for the grammar: same length as the original, positions align."""

    original: str
    folded: str
    repaired: tuple[int, ...]

    def damaged(self, start: int, end: int) -> bool:
        """True if an OCR look-alike was read differently anywhere in [start, end)."""
        i = bisect_left(self.repaired, start)
        return i < len(self.repaired) and self.repaired[i] < end


def match_text(text: str) -> MatchText:
    """Fold `text` character for character and note where OCR damage was read."""
    folded = _lower_aligned(text).translate(_TABLE)
    repaired, changed = _repair_tokens(folded)
    return MatchText(text, repaired, tuple(changed))


def fold_aligned(text: str) -> str:
    """Lower case, no diacritics, OCR look-alikes read; same length as `text`."""
    return match_text(text).folded


# --------------------------------------------------------------------------- #
# Search folding (length may change)
# --------------------------------------------------------------------------- #

# "samver-\nkan" is one word; "månads-\noch delårsrapportering" is not.
_HYPHEN_BREAK = re.compile(r"([^\W\d_])-[ \t]*\r?\n\s*(?=([^\W\d_]+))")
_KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "respektive", "resp", "som", "till", "men"})
_SPACES = re.compile(r"\s+")


def _join_broken_words(text: str) -> str:
    def join(m: re.Match[str]) -> str:
        nxt = m.group(2).lower()
        if nxt in _KEEP_HYPHEN_BEFORE:
            return m.group(1) + "- "
        start = m.start(1)
        # "BUS-\nsamverkan": an acronym keeps its hyphen.
        if m.group(1).isupper() and start > 0 and text[start - 1].isupper():
            return m.group(1) + "-"
        return m.group(1)

    return _HYPHEN_BREAK.sub(join, text)


def fold(text: str) -> str:
    """A search key: lower case, NFKC, no diacritics, OCR look-alikes read, one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _join_broken_words(text)
    folded = _lower_aligned(text).translate(_TABLE)
    if not folded.isascii():
        # Only text left with non-ASCII letters can hold combining marks (search indexes fold a lot of ASCII).
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded, _ = _repair_tokens(folded)
    return _SPACES.sub(" ", folded).strip()
