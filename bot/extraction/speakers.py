"""Who "vi" are: the body a page names before it speaks of itself.

A municipal news page or plan says who acts once and then speaks as "vi": "Nu drar miljöenheten igång med
årets tillsyn … Under 2019 planerar vi att titta på cirka 200 anläggningar", "Länets kommuner genomför en
gemensam tillsynskampanj … Vi ska med projektet höja standarden". The owner of such a commitment is that
body, named as the page names it; a page that names none leaves the owner open.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.extraction.agencies import is_agency_name
from bot.extraction.layout import Unit

__all__ = ["page_agency", "speaker_before", "speaks_as_we"]

# "vi" as the subject of the promise: "Vi ska", "planerar vi", "Under våren kommer vi att".
_WE = re.compile(
    r"(?:^|[\s,])vi\s+(?:\w+\s+)?(?:kommer|ska|skall|planerar|avser|har|tar|gor|genomfor|fortsatter|lamnar"
    r"|redovisar|rapporterar)\b"
    r"|\b(?:kommer|ska|skall|planerar|avser|har|tar|gor|genomfor|fortsatter|lamnar|redovisar|rapporterar)\s+vi\b"
)
# A body as a page names it: "miljöenheten", "Länets kommuner", "Falköpings kommun", "Region Uppsala",
# "Tekniska förvaltningen", "Räddningstjänsten Syd".
_BODY = re.compile(
    # ("kultur- och fritidsnämnden": the first part of a joined name belongs to it)
    r"(?<![\w-])(?:[A-ZÅÄÖ][\w-]+s?\s+)?(?:(?:\w+-\s+(?:och|samt)\s+)?[\w-]*(?:enheten|förvaltningen|nämnden|styrelsen|tjänsten|kontoret"
    r"|avdelningen|bolaget)|kommun(?:en|er)?|region)(?![\w-])"
    r"|(?<![\w-])Region\s+[A-ZÅÄÖ][\w-]+"
    # an agency's own page: "Skolinspektionen", "Energimyndigheten", "Kulturrådet", "Länsstyrelsen i Västernorrland"
    r"|(?<![\w-])[A-ZÅÄÖ][\w-]*(?:verket|myndigheten|inspektionen|styrelsen|rådet|ämbetet|ombudsmannen|förmedlingen"
    r"|kassan|institutet)s?(?![\w-])"
)
_INITIALS_ACTING = re.compile(
    r"(?<![\w-])[A-ZÅÄÖ]{2,}(?:\s+[A-ZÅÄÖ]{2,})?(?=\s+(?:har|är|ska|skall|kommer|planerar|avser|[a-zåäö]{3,}(?:ar|er))\b)"
)
# Initials that name a law, a form of care or a thing, never who speaks.
_NOT_BODIES = frozenset({"eu", "fn", "it", "lss", "sol", "hvb", "sfi", "lov", "lou", "gdpr", "covid", "vd", "ab"})
# Bodies too general to name the speaker ("kommunen" may be any municipality the page tells of).
_TOO_GENERAL = frozenset({"kommunen", "kommuner", "kommun", "region", "nämnden", "styrelsen", "förvaltningen"})
# A capitalised word or initials, in any case form, not inside an address ("Socialstyrelsens", "Kontakta SBU").
_CAPITALISED = re.compile(r"(?<![\w@./-])(?:[A-ZÅÄÖ][\w-]+)(?![\w@-])")
# A municipal body: its page is no agency's ("Botkyrka kommun", "Barn- och utbildningsnämnden", "Region Gotland").
# Only the body's words are read in any case: "Varje kommun ska …" or "region i" names no body.
_MUNICIPAL = re.compile(
    r"\b(?!(?:Varje|Vilken|Någon|Ingen|Din|Er|Denna|Den|En)\s)[A-ZÅÄÖ][\w-]+\s+kommun\b"
    # Not the state's: a court ("förvaltningsrätten"), a law, an agency's kind, the minority languages' areas, the
    # nuclear plants' "lokala säkerhetsnämnder", a university's own administration.
    r"|(?i:(?<!säkerhets)nämnd|(?<!universitets)förvaltning(?!s(?:rätt|lag|myndighet|område)))"
    r"|\bRegion\s+[A-ZÅÄÖ]"
    r"|(?i:kommunstyrelse|regionstyrelse|fullmäktige|landsting)"
)
# A name that goes on past its first word: "Inspektionen för vård och omsorg", "Myndigheten för …".
_NAME_GOES_ON = re.compile(r"\s+(?:för|i|vid)\s")
# An agency's long name with its initials after it: "Inspektionen för vård och omsorg (IVO)".
_SPELLED_OUT = re.compile(r"(?P<name>[A-ZÅÄÖ][\w-]+(?:\s+[\w-]+){1,6}?)\s+\((?P<initials>[A-ZÅÄÖ]{2,5})\)")
_PREPOSITIONS = frozenset(
    {"från", "av", "till", "med", "hos", "mot", "enligt", "åt", "om", "på", "inom", "via", "genom", "för", "i", "vid"}
)
# Words that name an agency only as the page already named it ("Myndigheten ska …", "Rådet består av …").
_GENERIC = frozenset({"myndigheten", "myndigheterna", "myndighetens", "rådet", "verket", "styrelsen", "kontoret"})
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
        at = [(m.start(), _base(m.group().strip())) for m in _BODY.finditer(window) if not _partner(window, m.start())]
        # A body known by its initials, acting: "VA SYD renoverar vatten- och avloppsledningar …", "DIGG har …"
        at += [
            (m.start(), m.group())
            for m in _INITIALS_ACTING.finditer(window)
            if m.group().lower() not in _NOT_BODIES and not _partner(window, m.start())
        ]
        named = [name for _, name in sorted(at) if name.lower() not in _TOO_GENERAL]
        if named:
            return named[-1]
        budget -= len(window)
        if budget <= 0:
            return None
    return None


def _partner(text: str, start: int) -> bool:
    """Is the body at `start` named after a preposition: a partner or a source ("samverkan med bland andra
    Region Gävleborg", "tillstånd från Trafikverket"), not who speaks?"""
    before = text[max(0, start - 24) : start].lower().split()
    if before[-2:] == ["bland", "andra"]:
        before = before[:-2]
    if before[-2:-1] in (["ordförande"], ["ledamot"], ["chef"]):
        return False  # "ordförande i kultur- och fritidsnämnden": the body the speaker leads
    return bool(before) and before[-1] in _PREPOSITIONS


def _base(name: str) -> str:
    """A body named in the genitive ("Länsstyrelsens arbete") as its name."""
    return name[:-1] if name.endswith("s") and _BODY.fullmatch(name[:-1]) else name


_STATENS_REST = re.compile(r"\s+(?:[a-zåäö]+a\s+){0,2}[a-zåäö]{3,}")

# Agencies their own pages name by initials.
_KNOWN_INITIALS = frozenset(
    {"msb", "scb", "smhi", "sgu", "pts", "sis", "ivo", "esv", "csn", "ukä", "uhr", "isf", "tlv", "sbu", "digg", "jo"}
    | {"jk", "fhm", "mprt", "iaf", "raä", "slu", "kth", "mfof", "brå"}
)


def page_agency(units: Sequence[Unit]) -> str | None:
    """The one agency a page names, when it names exactly one and no municipal body: whose page it is.

    An agency's page about its own work speaks as "vi" or in the passive ("Resultaten kommer att
    publiceras …") and names itself perhaps once, anywhere ("Socialstyrelsens definition …").
    """
    if any(_MUNICIPAL.search(unit.text) for unit in units):
        return None
    names: set[str] = set()
    spelled_out: dict[str, str] = {}
    speaks = False
    for unit in units:
        for m in _CAPITALISED.finditer(unit.text):
            word = m.group()
            if word == "Statens":
                # "Statens servicecenter", "Statens geotekniska institut": the name goes on in lower case
                rest = _STATENS_REST.match(unit.text, m.end())
                if rest is None:
                    return None
                word = word + " " + " ".join(rest.group().split())
            base = word[:-1] if word.endswith("s") and is_agency_name(word[:-1]) else word
            # Initials tell no agency by themselves ("EU", "NCC", a heading's "BYGG"), unless known as one
            # ("PTS", "MSB", "IVO").
            known = base.lower() in _KNOWN_INITIALS
            if base.lower() in _GENERIC or (base.isupper() and not known) or not is_agency_name(base):
                continue
            if _NAME_GOES_ON.match(unit.text, m.end()):
                # "Inspektionen för vård och omsorg (IVO)": a longer name, whose initials name the agency
                spelled = _SPELLED_OUT.match(unit.text, m.start())
                if spelled is None or spelled["initials"].lower() not in _KNOWN_INITIALS:
                    return None  # a longer name this reader does not know
                word = base = " ".join(spelled["name"].split())
                spelled_out[spelled["initials"]] = base
            base = spelled_out.get(base, base)  # "IVO" after "Inspektionen för vård och omsorg (IVO)": the same
            names.add(base)
            if len(names) > 1:
                return None
            # Named only after a preposition ("tillstånd från Trafikverket") it is not who speaks; in the genitive
            # ("uppdraget i Livsmedelsverkets regleringsbrev") it is, wherever it stands.
            speaks = speaks or base != word or not _partner(unit.text, m.start())
    return next(iter(names), None) if speaks else None
