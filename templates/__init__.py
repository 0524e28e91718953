"""Swedish texts (Jinja2) and the filters they use.

``TEMPLATE_DIR`` is this package's folder, so the templates ship inside the
installed package and wording changes never touch code.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.language.months import MONTH_NAMES

TEMPLATE_DIR = Path(__file__).resolve().parent

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def swedish_date(value: date | datetime | None) -> str:
    """30 april 2023."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(STOCKHOLM).date()
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def swedish_datetime(value: datetime | None) -> str:
    """30 april 2023 kl. 08.30 (Swedish time notation)."""
    if value is None:
        return ""
    local = value.astimezone(STOCKHOLM)
    return f"{swedish_date(local)} kl. {local:%H.%M}"


def swedish_month(value: date | datetime | None) -> str:
    """december 2026."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(STOCKHOLM).date()
    return f"{MONTH_NAMES[value.month - 1]} {value.year}"


def swedish_count(value: object) -> str:
    """12 345: thousands grouped with a no-break space, as Swedish writes them."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", "\u00a0")
    return str(value)


# Characters that would start Markdown formatting, a link or HTML in the text of a commitment.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def markdown_text(value: str | None) -> str:
    """User text for a Markdown file: on one line, its formatting characters escaped."""
    if not value:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


FILTERS: dict[str, Any] = {
    "datum": swedish_date,
    "tidpunkt": swedish_datetime,
    "manad": swedish_month,
    "antal": swedish_count,
    "md_text": markdown_text,
}
GLOBALS: dict[str, Any] = {}
