"""Swedish personal identity numbers (personnummer) and coordination numbers.

Personal data about individuals does not belong in Slack or in the register, so
free text is checked before it is stored. A match needs all of:

- 10 digits (YYMMDD-NNNN) or 12 digits with the century (YYYYMMDD-NNNN), the
  separator any dash ("-", en and em dash, Word's non-breaking hyphen U+2011,
  minus), "+", "/", a dash or "/" between spaces, one or two spaces, or none;
- a real date: month 1-12 and a day that exists in that month, or that day
  plus 60 for a samordningsnummer (61-91);
- digits that are not part of a longer number ("2023-05-15", "2023/BUN 0148",
  amounts and phone numbers with other groupings never have the 6+4 shape).

Text pasted from documents is read as a person sees it: zero-width characters,
soft hyphens and direction marks inside a number are skipped, non-breaking
spaces count as spaces. Spans point into the text as given. A number followed
by a comma and another number is one item of a list ("850101-1234,850202-2345");
followed by a comma and one or two digits it is an amount ("8501011234,50").

The check digit does not matter: a mistyped personnummer is still personal
data. Two shapes are also everyday numbers of another kind, and there a correct
Luhn check digit is still needed, unless a label such as "pnr" or
"personnummer" stands before the number:

- ten bare digits starting with 0 ("0701234567"): the national form of every
  Swedish phone number (070-123 45 67 written without spaces), and also the
  personnummer of someone born 2000-2009 written without its hyphen;
- a compact date, spaces and four digits ("850101 1234", "20230310 1330"):
  as often a date followed by a time or an amount as a personnummer.

A label can also say that a number is something else: a diary reference
("Dnr BUN 230515-0001", "Diarienummer SN/230515-0001") is never a personnummer,
and a number starting with 0 right after "tel", "mobil" or "ring" is a phone
number whatever its check digit.

So a mistyped number of someone born in the 2000s, written as ten bare digits
without a label, passes; a correct one is refused, and so is one in every other
shape.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["contains_personal_number", "find_personal_numbers", "luhn_ok"]

# Not preceded or followed by a digit, nor by a digit and a number separator
# ("12-345678-1234", "1234567890-5"), nor followed by decimals ("1234567890,5").
# Runs on the text as `_plain` gives it: every dash is "-", every space " ".
_CANDIDATE = re.compile(
    r"(?<!\d)(?<!\d[-+/.:])"
    r"(?P<century>1[89]|20)?(?P<yy>\d\d)(?P<mm>\d\d)(?P<dd>\d\d)"
    r"(?P<sep> ?[-+/] ?| {1,2}|)"
    r"(?P<tail>\d{4})"
    r"(?!\d)(?![-/.:]\d)(?!,\d{1,2}(?!\d))"
)

# "pnr 0701234567", "Personnummer: 850101 1234": the number is said to be one.
_LABEL = re.compile(
    r"(?i)(?<![^\W_])(?:person\s?n(?:umme)?r|pers\.?\s?nr|p-?nr|samordnings\s?n(?:umme)?r)\.?\s*[:=]?\s*$"
)


# "Dnr BUN 230515-0001", "Diarienummer: SN/230515-0001": a diary reference, whose serial may
# start with a date. The committee's code between label and number is upper case as written.
_REFERENCE = re.compile(
    r"(?<![^\W_])(?i:dnr|diarienr|diarienummer|ärendenr|ärendenummer|ref|referens)\.?\s*:?\s*"
    r"(?:[A-ZÅÄÖ]{1,8}\s?[-/ ]\s?)?$"
)

# "tel 0701234567", "Mobil: 0701234567", "ring 0701234567": a phone number by its label.
_PHONE = re.compile(
    r"(?i)(?<![^\W_])(?:tel(?:efon)?(?:nr|nummer)?|mobil(?:nr|nummer|tel(?:efon)?)?|mob|ring|sms(?::a)?|nås på)"
    r"\.?\s*:?\s*$"
)

# Dashes and spaces of other kinds, read as "-" and " "; each is one character for one, so
# positions stay where they were.
_SAME_WIDTH = str.maketrans(
    {
        **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"),
        **dict.fromkeys(
            map(ord, "\t\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " "
        ),
    }
)
# Characters nobody sees: zero-width ones, the soft hyphen, direction marks and overrides.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _plain(text: str) -> tuple[str, list[int] | None]:
    """The text as a person reads it, and where each of its characters is in `text` (None: the same place)."""
    same = text.translate(_SAME_WIDTH)
    if not _INVISIBLE.search(same):
        return same, None
    where = [i for i, ch in enumerate(same) if not _INVISIBLE.match(ch)]
    return _INVISIBLE.sub("", same), where


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
    plain, where = _plain(text)
    spans: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer(plain):
        century, sep = m["century"], m["sep"]
        if century is not None and "+" in sep:
            continue  # "+" marks a 10-digit number of someone over 100
        if not _valid_date(century, m["yy"], m["mm"], m["dd"]):
            continue
        before = max(0, m.start() - 30)
        if _REFERENCE.search(plain, before, m.start()):
            continue
        ten = m["yy"] + m["mm"] + m["dd"] + m["tail"]
        if century is None and ten.startswith("0") and _PHONE.search(plain, before, m.start()):
            continue
        # A phone number written without spaces, or a date followed by a time, has the same
        # characters: there the check digit decides, or a label before it.
        also_other = (sep != "" and sep.strip() == "") or (century is None and sep == "" and ten.startswith("0"))
        if also_other and not luhn_ok(ten) and not _LABEL.search(plain, before, m.start()):
            continue
        spans.append((m.start(), m.end()) if where is None else (where[m.start()], where[m.end() - 1] + 1))
    return spans


def contains_personal_number(text: str) -> bool:
    """True if `text` holds a personnummer or samordningsnummer."""
    return bool(find_personal_numbers(text))
