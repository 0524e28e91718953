"""Swedish personal identity numbers (personnummer) and coordination numbers.

Personal data about individuals does not belong in Slack or in the register, so
free text is checked before it is stored. A match needs all of:

- 10 digits (YYMMDD-NNNN, separator "-", "+" or a space, or none) or 12
  digits with the century (YYYYMMDD-NNNN, separator "-", a space or none);
- a real date: month 1-12 and a day that exists in that month, or that day
  plus 60 for a samordningsnummer (61-91);
- a correct Luhn check digit over the ten digits YYMMDDNNNN;
- digits that are not part of a longer number ("2023-05-15", "2023/BUN 0148",
  amounts and phone numbers with other groupings never have the 6+4 shape, and a
  run that does is still rejected when its check digit is wrong).
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
        if luhn_ok(ten):
            spans.append((m.start(), m.end()))
    return spans


def contains_personal_number(text: str) -> bool:
    """True if `text` holds a personnummer or samordningsnummer."""
    return bool(find_personal_numbers(text))
