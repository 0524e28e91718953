"""The Jinja filters of the templates: Swedish dates, times, months and numbers, and Markdown text.

A datetime is shown in the zone the bot runs in (the clock's, from
ATAGANDE_TIMEZONE): `filters(tz)` gives the filters for one zone, and
`bot.texts.Texts` registers them on its environments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import DEFAULT_TIMEZONE
from bot.language.months import MONTH_NAMES


def swedish_date(value: date | datetime | None, tz: ZoneInfo = DEFAULT_TIMEZONE) -> str:
    """30 april 2023."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(tz).date()
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def swedish_datetime(value: datetime | None, tz: ZoneInfo = DEFAULT_TIMEZONE) -> str:
    """30 april 2023 kl. 08.30 (Swedish time notation)."""
    if value is None:
        return ""
    local = value.astimezone(tz)
    return f"{swedish_date(local, tz)} kl. {local:%H.%M}"


def swedish_month(value: date | datetime | None, tz: ZoneInfo = DEFAULT_TIMEZONE) -> str:
    """december 2026."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(tz).date()
    return f"{MONTH_NAMES[value.month - 1]} {value.year}"


def month_name(number: int) -> str:
    """A month's name by its number: 12 → "december"."""
    return MONTH_NAMES[int(number) - 1]


def swedish_count(value: object) -> str:
    """12 345: thousands grouped with a no-break space, as Swedish writes them."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", "\u00a0")
    return str(value)


def plural(value: object, singular: str, plural_form: str, bare: bool = False) -> str:
    """A count and the words that agree with it: "1 öppet åtagande", "2 öppna åtaganden".

    The one place the templates choose between singular and plural, so that no text says "1 öppna"
    (docs/ordlista.md). `bare` gives the words alone, for a verb or pronoun that agrees with a count
    shown elsewhere ("de kommer").
    """
    words = singular if value == 1 else plural_form
    return words if bare else f"{swedish_count(value)} {words}"


# Characters that would start Markdown formatting, a link or HTML in the text of a commitment.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def markdown_text(value: str | None) -> str:
    """User text for a Markdown file: on one line, its formatting characters escaped."""
    if not value:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def filters(tz: ZoneInfo) -> dict[str, Callable[..., Any]]:
    """The filters by the names the templates use, showing datetimes in `tz`."""
    return {
        "datum": partial(swedish_date, tz=tz),
        "tidpunkt": partial(swedish_datetime, tz=tz),
        "manad": partial(swedish_month, tz=tz),
        "manadsnamn": month_name,
        "antal": swedish_count,
        "plural": plural,
        "md_text": markdown_text,
    }
