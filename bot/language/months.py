"""Swedish calendar vocabulary as regular-expression fragments.

The fragments match text folded by `normalize.match_text`: lower case, å/ä → a,
ö → o, OCR digit look-alikes inside words already read as letters. They still
allow the confusions folding cannot undo: "i"/"l" swapped ("aprll"), "ä" read as
"i" ("lisaret"), "å" read as "d".
"""

from __future__ import annotations

__all__ = [
    "DAY_NAMES",
    "DAY_ORDINALS",
    "EVERY_NTH",
    "MONTH_ABBR",
    "MONTH_ANY",
    "MONTH_FULL",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "WEEKDAY_NAMES",
    "every_nth_value",
    "month_number",
    "number_value",
    "ordinal_value",
]

# Month names as written, January first (for display).
MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

# Full month names. "i" and "l" may be swapped by OCR ("apri1" is folded to "april" already).
MONTH_FULL = (
    r"(?:januar[il]|febr?uar[il]|mars|apr[il][il]|maj|jun[il]|ju[il][il]|august[il]"
    r"|septe(?:m|rn)ber|oktober|nove(?:m|rn)ber|dece(?:m|rn)ber)"
)
# Abbreviations: only trusted next to a day or a year ("15 jan", "feb. 2023"), because
# "mar" is folded "mår" and "jul" is Christmas.
MONTH_ABBR = r"(?:jan|febr?|mar|apr|jun|jul|aug|sept?|okt|nov|dec)(?![^\W\d_])\.?"
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"

_MONTH_PREFIX = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "maj": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}


def month_number(word: str) -> int | None:
    """1-12 for a (folded) month name or abbreviation matched by the fragments above."""
    return _MONTH_PREFIX.get(word[:3])


ORDINAL_WORDS = r"(?:f[oe]rsta|andra|tredje|fj[ai]rde|1:?a|2:?a|3:?e|4:?e)"
# Ordinal words, folded, "första" first: as far as a month's days go ("den trettioförsta mars").
_ORDINAL_NAMES = (
    "forsta",
    "andra",
    "tredje",
    "fjarde",
    "femte",
    "sjatte",
    "sjunde",
    "attonde",
    "nionde",
    "tionde",
    "elfte",
    "tolfte",
    "trettonde",
    "fjortonde",
    "femtonde",
    "sextonde",
    "sjuttonde",
    "artonde",
    "nittonde",
    "tjugonde",
    "tjugoforsta",
    "tjugoandra",
    "tjugotredje",
    "tjugofjarde",
    "tjugofemte",
    "tjugosjatte",
    "tjugosjunde",
    "tjugoattonde",
    "tjugonionde",
    "trettionde",
    "trettioforsta",
)
# A day of the month as an ordinal word ("senast första mars", "den femtonde maj"), longest first.
DAY_ORDINALS = "(?:" + "|".join(sorted(_ORDINAL_NAMES, key=len, reverse=True)) + ")"
# Each ordinal's number, and OCR's readings of two of them ("fersta", "fjirde").
_ORDINALS = {word: n for n, word in enumerate(_ORDINAL_NAMES, start=1)} | {"fersta": 1, "fjirde": 4}


def ordinal_value(word: str) -> int | None:
    """The number of a (folded) ordinal word ("första" 1 … "trettioförsta" 31) or of "1:a".."4:e"."""
    word = word.replace(":", "")
    if word[:1].isdigit():
        return int(word[:-1])
    return _ORDINALS.get(word)


# Cardinals for "två gånger per läsår"; "ett par" is not a number.
NUMBER_WORDS = r"(?:en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv|\d{1,2})"
_NUMBERS = {
    "en": 1,
    "ett": 1,
    "tva": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "atta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
}


def number_value(word: str) -> int | None:
    """The value of a (folded) Swedish cardinal or a digit string."""
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


# "varannan", "var tredje" ... as intervals.
EVERY_NTH = (
    r"(?:varannan|vartannat|var\s+(?:tredje|fj[ai]rde|femte|sjatte|attonde|tionde|tolfte|\d{1,2}:?e)"
    r"|vart\s+(?:tredje|fj[ai]rde|femte|\d{1,2}:?e))"
)


def every_nth_value(phrase: str) -> int:
    """2 for "varannan"/"vartannat", n for "var n:te"."""
    words = phrase.split()
    if len(words) == 1:
        return 2
    digits = words[-1].removesuffix("e").removesuffix(":")
    if digits.isdigit():
        return max(1, int(digits))
    return _ORDINALS.get(words[-1], 2)


# Monday first, as `date.weekday()` counts.
WEEKDAY_NAMES = ("mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag")
DAY_NAMES = "(?:" + "|".join(WEEKDAY_NAMES) + ")"
