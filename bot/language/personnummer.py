"""Swedish personal identity numbers (personnummer) and coordination numbers.

Personal data about individuals does not belong in Slack or in the register, so
free text is checked before it is stored. A match needs all of:

- 10 digits (YYMMDD-NNNN, separator "-", "+" or a space, or none) or 12
  digits with the century (YYYYMMDD-NNNN, separator "-", a space or none);
- a real date: month 1-12 and a day that exists in that month, or that day
  plus 60 for a samordningsnummer (61-91);
- digits that are not part of a longer number ("2023-05-15", "2023/BUN 0148",
  amounts and phone numbers with other groupings never have the 6+4 shape).

The check digit does not matter: a mistyped personnummer is still personal
data. Two shapes are also everyday numbers of another kind, and there a correct
Luhn check digit is still needed, unless a label such as "pnr" or
"personnummer" stands before the number:

- ten bare digits starting with 0 ("0701234567"): the national form of every
  Swedish phone number (070-123 45 67 written without spaces), and also the
  personnummer of someone born 2000-2009 written without its hyphen;
- a compact date, a space and four digits ("850101 1234", "20230310 1330"):
  as often a date followed by a time or an amount as a personnummer.

So a mistyped number of someone born in the 2000s, written as ten bare digits
without a label, passes; a correct one is refused, and so is one in every other
shape.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["contains_personal_number", "find_personal_numbers", "luhn_ok"]

# Not preceded or followed by a digit, nor by a digit and a number separator
# ("12-345678-1234", "1234567890,5").
_CANDIDATE = re.compile(
    r"(?<!\d)(?<!\d[-+/.,:])"
    r"(?P<century>1[89]|20)?(?P<yy>\d\d)(?P<mm>\d\d)(?P<dd>\d\d)"
    r"(?P<sep>[-+ ]?)"
    r"(?P<tail>\d{4})"
    r"(?!\d)(?![-/.,:]\d)"
)

# "pnr 0701234567", "Personnummer: 850101 1234": the number is said to be one.
_LABEL = re.compile(
    r"(?i)(?<![^\W_])(?:person\s?n(?:umme)?r|pers\.?\s?nr|p-?nr|samordnings\s?n(?:umme)?r)\.?\s*[:=]?\s*$"
)


def luhn_ok(digits: str) -> bool:
    """True if the last digit is the Luhn check digit of the others."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def _valid_date(century: str | None, yy: str, mm: str, dd: str) -> bool:
    month = int(mm)
    day = int(dd)
    if day > 60:
        day -= 60  # samordningsnummer
    if not (1 <= month <= 12 and day >= 1):
        return False
    # Without the century the year is 19YY or 20YY (18YY or 19YY with "+"); 29 February
    # counts if it exists in one of 1900+YY and 2000+YY, which covers both cases.
    years = [int(century + yy)] if century is not None else [1900 + int(yy), 2000 + int(yy)]
    return any(day <= calendar.monthrange(year, month)[1] for year in years)


def find_personal_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of personnummer and samordningsnummer in `text`, in text order."""
    spans: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer(text):
        century, sep = m["century"], m["sep"]
        if century is not None and sep == "+":
            continue  # "+" marks a 10-digit number of someone over 100
        if not _valid_date(century, m["yy"], m["mm"], m["dd"]):
            continue
        ten = m["yy"] + m["mm"] + m["dd"] + m["tail"]
        # A phone number written without spaces, or a date followed by a time, has the same
        # characters: there the check digit decides, or a label before it.
        also_other = sep == " " or (century is None and sep == "" and ten.startswith("0"))
        if also_other and not luhn_ok(ten) and not _LABEL.search(text, max(0, m.start() - 30), m.start()):
            continue
        spans.append((m.start(), m.end()))
    return spans


def contains_personal_number(text: str) -> bool:
    """True if `text` holds a personnummer or samordningsnummer."""
    return bool(find_personal_numbers(text))
