"""Owners in government texts: the agency a decision gives a task to, and the government itself.

A government decision (regeringsuppdrag) names its owner once: "Regeringen uppdrar åt Trafikverket att …",
"Regeringen ger Statens skolverk i uppdrag att …"; later sentences speak of "uppdraget" or "myndigheten"
and mean that agency. In an answer to Riksrevisionen the government promises itself: "Regeringen avser att
…", "Regeringen kommer att …". Both functions take the clean text and its aligned fold, like `owners`.
"""

from __future__ import annotations

import itertools
import re

from bot.extraction.cues import DECIDED_THAT, sv
from bot.language.normalize import match_text

__all__ = ["AGENCY", "assigned_agency", "fronted_subject", "government_owner", "is_agency_name", "receiving_agency"]

# A Swedish agency's name as folded: the words central agencies are named with, or a name of their forms.
# "Sammanträdet" (a meeting) and "samrådet" (a consultation) end like "Kulturrådet" but are no body.
AGENCY = sv(
    r"\b\w*(?:verket|verk|styrelsen|styrelserna|myndigheten|inspektionen|kontoret|ämbetet|(?<!t)(?<!\bsam)rådet"
    r"|nämnden)\b"
    r"|\b\w+analys\b|^statens\s|^länsstyrelse|^formas\b|\b\w*universitet\w*"
    # "Yrkeshögskolan" is a school form a municipality runs, not a university.
    r"|\b(?!yrkeshogskol)\w*(?:kollegium|kollegiet|institutet|ombudsmannen|centralbyrån|förmedlingen|kassan|lantmäteriet|arkivet"
    # a state delegation or committee named for its cause: "Delegationen mot segregation"
    r"|delegationen"
    r"|högskola|högskolan|bevakningen|kriminalvården)\b"
    # Agencies named without a telling ending.
    r"|^(?:vinnova|forte|sida|riksgälden|polisen|msb|scb|smhi|sgu|sametinget|kronofogden|försvarsmakten|brå"
    r"|riksbanken|svenska\s+kraftnät|affärsverket\s+svenska\s+kraftnät)\b"
)
# An agency named by its initials, as agencies name themselves: "IVO", "ESV", "MFoF", "SIS".
_INITIALS = re.compile(r"[A-ZÅÄÖ](?:[a-zåäö]?[A-ZÅÄÖ]){1,5}")


def is_agency_name(name: str) -> bool:
    """Is `name` (as written) an agency's proper name: "Skolinspektionen", "Länsstyrelsen i Västernorrland", "IVO"?"""
    name = name.strip()
    if _INITIALS.fullmatch(name):
        return True
    return name[:1].isupper() and AGENCY.search(match_text(name).folded) is not None


# "Regeringen uppdrar åt X att …", "Regeringen uppdrar till X att …", "Regeringen ger X i uppdrag att …".
_ASSIGNS = sv(
    r"\bregeringen\s+(?:uppdrar\s+(?:åt|till)|ger|gav(?:\s+den\s+\d{1,2}\s+\w+)?|har\s+(?:(?!inte\b|ej\b)[^\s.;,]+\s+){0,2}?(?:gett|givit))\s+"
    # "Regeringen ger vidare Boverket i uppdrag att …": a second task, to another agency.
    r"(?:(?:vidare|dessutom|även|också|därutöver|därtill)\s+)?"
    r"|\b(?:ger|gav)\s+regeringen\s+(?:\w+\s+)?i\s+uppdrag\s+(?:åt|till)\s+"
    # "Vidare ger regeringen Naturvårdsverket i uppdrag att …": the inverted order after an adverbial.
    r"|\b(?:ger|gav)\s+regeringen\s+(?:(?:vidare|dessutom|även|också)\s+)?(?=[^.;]{2,120}?\si\s+uppdrag\s+att\b)"
)
# "Socialstyrelsen får uppdraget att", "Trafikverket får också i uppdrag att": the agency named first.
# An agency's own page: "Skogsstyrelsen har fått i uppdrag att", "Energimyndigheten har fått i uppdrag från
# regeringen att", "Brå har fått ett nytt regeringsuppdrag", "IVO har i uppdrag att".
_RECEIVES = sv(
    # "SBU har i årets regleringsbrev fått i uppdrag att": a few words between "har" and "fått".
    r"^\W*(?P<name>[^,.;]{2,80}?)\s+(?:får|har\s+(?:[^\s,.;]+\s+){0,4}?fått|har)\s+"
    r"(?:(?:också|även|nu|samtidigt|dessutom|därtill|därutöver|vidare)\s+)?"
    r"(?:(?:i\s+uppdrag|uppdraget|ansvaret|i\s+uppgift|regeringens\s+uppdrag)(?:\s+(?:av|från)\s+regeringen)?"
    r"\s+att\b"
    r"|(?:ett|två|tre|flera)\s+(?:nytt\s+|nya\s+)?(?:regerings)?uppdrag\b)"
)
_MEANS_THAT = sv(r"\b(?:innebär|betyder|medför)\s+(?:\w+\s+){0,2}?att\s+")
# A subject after a fronted adverbial: "Senast den 25 januari 2023 ska Chalmers Tekniska Högskola AB lämna …".
_FRONTED = sv(
    r"^\W*(?:senast|under|efter|före|inom|vid|i|till|från|därefter|dessutom|vidare|även)\b[^.;]{0,80}?\s(?:ska|skall)\s+"
)
_NAME_WORD = re.compile(r"[A-ZÅÄÖ][\w-]*|och|för|AB")
# "Regeringen ger Statens skolverk uppdrag enligt nedan": the task told in the sections below
_NAME_END = sv(r"\s+(?:i\s+uppdrag\b|uppdrag\s+(?:att|enligt\s+(?:nedan|följande))\b|att\b)")
# Agencies named together, in lower case: "länsstyrelserna", "samtliga statliga myndigheter".
_TOGETHER = sv(
    r"(?:samtliga\s+|alla\s+|de\s+)?(?:statliga\s+)?(?:länsstyrelserna|länsstyrelser|myndigheterna|myndigheter"
    r"|universiteten|lärosätena|regionerna|kommunerna)(?=\s+(?:i\s+uppdrag|uppdrag(?:et)?\s+att|att)\b)"
)
_MAX_NAME_WORDS = 12
_SHORT_NAME_WORDS = 4
# Words that carry a name on ("Myndigheten för vård- och omsorgsanalys", "Statens skolverk (Skolverket)").
_NAME_GOES_ON = re.compile(r"^(?:for|och|i|pa|vid|med|\(.*)$")
# A long official name is given in the short form the text itself adds: "… samhällsbyggande (Formas)".
_SHORT_FORM = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[^()]+)\)$")
_LONG_NAME_WORDS = 4
# The government as the subject of what it intends: "Regeringen avser att", "avser regeringen att".
_GOVERNMENT = sv(
    r"^\W*regeringen\s+(?:avser|kommer\s+att|har\s+för\s+avsikt|planerar|ska|skall|har\s+påbörjat|har\s+beslutat"
    r"|följer|kommer\s+(?:[^\s.;]+\s+){0,3}?att)\b"
    r"|\b(?:avser|kommer|planerar|ska)\s+regeringen\s+(?:[^\s.;]+\s+){0,3}?att\b|^\W*regeringens\s+avsikt\b"
    # "Regeringen har tillsatt en utredning … och avser att initiera en utredning": its own intention.
    r"|^\W*regeringen\s+har\s+[^;]{0,300}?\boch\s+(?:avser|planerar|kommer)\s+(?:\w+\s+)?att\b"
)
GOVERNMENT = "Regeringen"


def assigned_agency(text: str, folded: str) -> str | None:
    """The agency the government gives a task to in this sentence, as written, or None."""
    m = _ASSIGNS.search(folded)
    if m is None:
        return None
    if not text[m.end() : m.end() + 1].isupper():
        # An agency's name is a proper noun: "ger Trafikverket", not "ger stöd"; agencies named together are not
        # ("ger också länsstyrelserna i uppdrag att …").
        together = _TOGETHER.match(folded, m.end())
        return " ".join(text[m.end() : together.end()].split()) if together else None
    words = folded[m.end() :].split(maxsplit=2)
    whole = _NAME_END.search(folded, m.end())
    if (
        whole is not None
        and (
            len(folded[m.end() : whole.start()].split()) <= _SHORT_NAME_WORDS
            # "ger Affärsverket svenska kraftnät (Svenska kraftnät) i uppdrag": a name with its short form after it
            or _SHORT_FORM.match(" ".join(text[m.end() : whole.start()].split())) is not None
        )
    ):
        words = []  # "uppdrar åt Affärsverket svenska kraftnät att": the name up to "att", however it ends
    if len(words) >= 2 and AGENCY.search(words[0]) and not _NAME_GOES_ON.match(words[1]):
        # "uppdrar åt Trafikverket att", "uppdrar åt E-hälsomyndigheten utveckla" (the decision lacks "att"):
        # a one-word name, whatever follows it.
        end = m.end() + len(words[0])
    else:
        end_m = _NAME_END.search(folded, m.end())
        end = end_m.start() if end_m else -1
        if end >= 0 and len(folded[m.end() : end].split()) > _MAX_NAME_WORDS:
            end = -1
    if end < 0:
        return None
    name = " ".join(text[m.end() : end].split()).strip(" ,.;:")
    name = re.split(r",\s*som\s", name)[0].strip()  # "uppdrar åt Naturvårdsverket, som samordnande myndighet, att …"
    short = _SHORT_FORM.match(name)
    if short is not None and len(short["long"].split()) > _LONG_NAME_WORDS:
        name = short["short"].strip()
    return name if AGENCY.search(folded[m.end() : end]) or _INITIALS.fullmatch(name) else None


def receiving_agency(text: str, folded: str) -> str | None:
    """ "Socialstyrelsen får uppdraget att …": the agency that receives a task, as written, or None."""
    m = _RECEIVES.match(folded)
    if m is None:
        return None
    # "Regionstyrelsen beslutar att regiondirektören får i uppdrag att …": the one after the decision's "att".
    # "Det innebär att kultur- och samhällservicenämnden får i uppdrag att …": the one after "innebär att".
    end = m.end("name")
    thats = itertools.chain(DECIDED_THAT.finditer(folded, 0, end), _MEANS_THAT.finditer(folded, 0, end))
    start = max((a.end() for a in thats), default=m.start("name"))
    name = folded[start : m.end("name")]
    written = " ".join(text[start : m.end("name")].split())
    if not name.strip() or not (AGENCY.search(name) or _INITIALS.fullmatch(written)):
        return None
    if start == m.start("name") and not text[start : start + 1].isupper():
        return None
    return " ".join(text[start : m.end("name")].split())


def fronted_subject(text: str, folded: str) -> str | None:
    """The agency named right after "ska" when an adverbial opens the sentence, or None."""
    m = _FRONTED.match(folded)
    if m is None:
        return None
    words: list[str] = []
    for raw in text[m.end() :].split():
        word = raw.rstrip(":,;")  # "… ska Energimyndigheten:" over a list
        if not _NAME_WORD.fullmatch(word) or (not words and not word[:1].isupper()):
            break
        words.append(word)
        if word != raw:
            break
    while words and words[-1] in ("och", "för"):
        words.pop()
    name = " ".join(words)
    return name if name and AGENCY.search(match_text(name).folded) else None


def government_owner(folded: str) -> str | None:
    """ "Regeringen" when the sentence is the government promising something itself, else None."""
    return GOVERNMENT if _GOVERNMENT.search(folded) else None
