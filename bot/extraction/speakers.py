"""Who "vi" are: the body a page names before it speaks of itself.

A municipal news page or plan says who acts once and then speaks as "vi": "Nu drar miljöenheten igång med
årets tillsyn … Under 2019 planerar vi att titta på cirka 200 anläggningar", "Länets kommuner genomför en
gemensam tillsynskampanj … Vi ska med projektet höja standarden". The owner of such a commitment is that
body, named as the page names it; a page that names none leaves the owner open.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.extraction.layout import Unit

__all__ = ["speaker_before", "speaks_as_we"]

# "vi" as the subject of the promise: "Vi ska", "planerar vi", "Under våren kommer vi att".
_WE = re.compile(
    r"(?:^|[\s,])vi\s+(?:\w+\s+)?(?:kommer|ska|skall|planerar|avser|har|tar|gor|genomfor|fortsatter|lamnar"
    r"|redovisar|rapporterar)\b"
    r"|\b(?:kommer|ska|skall|planerar|avser|har|tar|gor|genomfor|fortsatter|lamnar|redovisar|rapporterar)\s+vi\b"
)
# A body as a page names it: "miljöenheten", "Länets kommuner", "Falköpings kommun", "Region Uppsala",
# "Tekniska förvaltningen", "Räddningstjänsten Syd".
_BODY = re.compile(
    r"(?<![\w-])(?:[A-ZÅÄÖ][\w-]+s?\s+)?(?:[\w-]*(?:enheten|förvaltningen|nämnden|styrelsen|tjänsten|kontoret"
    r"|avdelningen|bolaget)|kommun(?:en|er)?|region)(?![\w-])"
    r"|(?<![\w-])Region\s+[A-ZÅÄÖ][\w-]+"
    # an agency's own page: "Skolinspektionen", "Energimyndigheten", "Kulturrådet", "Länsstyrelsen i Västernorrland"
    r"|(?<![\w-])[A-ZÅÄÖ][\w-]*(?:verket|myndigheten|inspektionen|styrelsen|rådet|ämbetet|ombudsmannen|förmedlingen"
    r"|kassan|institutet)(?![\w-])"
)
# Bodies too general to name the speaker ("kommunen" may be any municipality the page tells of).
_TOO_GENERAL = frozenset({"kommunen", "kommuner", "kommun", "region", "nämnden", "styrelsen", "förvaltningen"})
# How far back the speaker is looked for: the paragraphs just before, not the whole page.
_LOOK_BACK = 1500


def speaks_as_we(folded: str) -> bool:
    """Is "vi" the subject of this (folded) sentence's promise?"""
    return _WE.search(folded) is not None


def speaker_before(units: Sequence[Unit], unit: int, start: int) -> str | None:
    """The body named last before `start` in `units[unit]` and the units before it, as written, or None."""
    budget = _LOOK_BACK
    for u in range(unit, -1, -1):
        text = units[u].text[:start] if u == unit else units[u].text
        window = text[-budget:]
        found = [m.group().strip() for m in _BODY.finditer(window)]
        named = [name for name in found if name.lower() not in _TOO_GENERAL]
        if named:
            return named[-1]
        budget -= len(window)
        if budget <= 0:
            return None
    return None
