"""The one guard every stored text passes: no personnummer, nothing hidden, titles on one line.

Every service that stores what a person typed calls `guarded_text` (or, for a
form checked field by field, `guard_into`), so a new way in cannot forget the
check. Text that came from an imported document is not refused as a whole:
`mask_personal_numbers` replaces each number by a mask of the same length
("ÅÅMMDD-XXXX"), so finding spans still point where they did, and the clear
number is never stored.

Characters nobody sees are removed from every stored text: zero-width ones
(U+200B-U+200D, U+2060, U+FEFF) would hide a number from the eye, and
direction overrides (U+202A-U+202E, U+2066-U+2069) make a line read as
something else than it is. A title is one line, so a name or heading cannot
fake the lines of a card below it.
"""

from __future__ import annotations

import re
from typing import Any

from bot.domain.errors import UserError
from bot.language.personnummer import find_personal_numbers

__all__ = [
    "HIDDEN",
    "guard_into",
    "guarded_body",
    "guarded_optional",
    "guarded_text",
    "mask_json",
    "mask_personal_numbers",
    "visible",
]

HIDDEN = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
# Control characters other than line breaks and tabs (which a multi-line text keeps).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE_MASK = "ÅÅMMDD"
_CENTURY_MASK = "ÅÅ"


def visible(value: str | None, *, one_line: bool = False) -> str:
    """The text without hidden and control characters, trimmed; on one line if asked."""
    text = HIDDEN.sub("", _CONTROL.sub("", value or ""))
    return " ".join(text.split()) if one_line else text.strip()


def guarded_text(value: str | None, field: str, *, one_line: bool = False) -> str:
    """The text to store, or UserError on `field` if it holds a personnummer or samordningsnummer."""
    text = visible(value, one_line=one_line)
    if find_personal_numbers(text):
        raise UserError("err_personal_number", field=field)
    return text


def guarded_body(value: str, field: str) -> str:
    """A long text (a routine's) as given, spacing and all: only hidden characters go; a personnummer is refused."""
    text = HIDDEN.sub("", value)
    if find_personal_numbers(text):
        raise UserError("err_personal_number", field=field)
    return text


def guarded_optional(value: str | None, field: str, *, one_line: bool = True) -> str | None:
    """`guarded_text` for a field that may be left empty: None when nothing is left."""
    return guarded_text(value, field, one_line=one_line) or None


def guard_into(errors: dict[str, tuple[str, dict[str, Any]]], field: str, value: str, *, one_line: bool) -> str:
    """`guarded_text` for a form checked field by field: the error is recorded on `field`, not raised."""
    try:
        return guarded_text(value, field, one_line=one_line)
    except UserError as err:
        errors[field] = (err.key, err.params)
        return visible(value, one_line=one_line)


def _mask(number: str) -> str:
    """ "850101-1234" → "ÅÅMMDD-XXXX", "19850101 1234" → "ÅÅÅÅMMDD XXXX": as long as the number, separators kept."""
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    head = (_CENTURY_MASK + _DATE_MASK) if len(digits) == 12 else _DATE_MASK
    out = list(number)
    for n, i in enumerate(digits):
        out[i] = head[n] if n < len(head) else "X"
    return "".join(out)


def mask_personal_numbers(text: str) -> str:
    """The text with every personnummer masked; each mask is as long as the number it hides."""
    spans = find_personal_numbers(text)
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(_mask(text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def mask_json(value: Any) -> Any:
    """Every string in a JSON value (an extraction, a draft's case fields) with its numbers masked."""
    if isinstance(value, str):
        return mask_personal_numbers(value)
    if isinstance(value, list):
        return [mask_json(v) for v in value]
    if isinstance(value, dict):
        return {k: mask_json(v) for k, v in value.items()}
    return value
