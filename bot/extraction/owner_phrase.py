"""An owner phrase cleaned to who it names: "Det är skolchefen som", "nämnden i slutet av 2024", a clause or a
thing in its place.

`owners` finds where in a sentence its owner is said; this module decides what of those words is the owner
("Förvaltningschef for arbetsmarknads- och socialförvaltningen" with its OCR repaired), or that they name nobody
("ett serviceboende med elva nya lägenheter", "söka skola skickas ut till …", a pronoun). `ROLE` and `GENERIC`
are the words a role or unit and the answering side as a whole are told by.
"""

from __future__ import annotations

import re

from bot.extraction.agencies import is_agency_name
from bot.extraction.cues import sv
from bot.language.normalize import match_text, repair_ocr

__all__ = ["FOR_OCR", "GENERIC", "ROLE", "clean_owner"]

_PRONOUNS = frozenset({"vi", "de", "den", "det", "detta", "han", "hon", "man", "dessa", "denna", "alla", "var"})
# A role or a unit: what an owner phrase must contain.
ROLE = sv(
    r"\b\w*(?:chef|rektor|samordnare|strateg|controller|sekreterare|handläggare|ledningsgrupp|elevhälsa|enhet"
    r"|avdelning|förvaltning|nämnd|styrelse|socialtjänst|kansli|ansvarig|direktör|ledare|utvecklare|koordinator"
    r"|team|grupp|funktion|stab|sektor|skola|skolor|verksamhet|specialist|psykolog|kurator|sjuksköterska|presidi"
    r"|beredning|fullmäktige|direktion|förbund"
    r"|skolsköterska|lärare|pedagog|assistent|ombud|ordförande|huvudman|ekonom|jurist|registrator|bolag|center"
    r"|centrum|kontor|utskott|sjukhus|klinik|vårdcentral|hemvård|hemtjänst|utförare|konsult|referensgrupp|vuxenutbildning|utredare"
    # the leadership of a body: "regionledningen", "skolledningen" (not guidance or a pipe: "handledning",
    # "vattenledning", a reason: "anledning", an introduction: "inledning")
    r"|(?<!hand)(?<!vag)(?<!vatten)(?<!ror)(?<!av)(?<!el)(?<!fjarr)(?<!spill)(?<!dag)(?<!an)(?<!in)(?<!om)(?<!ut)(?<!har)(?<!ned)(?<!upp)ledning"
    # a municipality or region by name: "Orsa kommun", "Region Uppsala"
    r"|kommun|region)(?:en|n|nen|na|er|erna|ar|arna|or|orna|s|et|a|e)?\b"
)
# Owners too general to route to anyone: the answering side as a whole. A sentence naming a role wins over
# them; only as a commitment's own subject ("Förvaltningen kommer att …") are they its owner.
GENERIC = sv(
    r"^(?:förvaltningen|nämnden|nämnderna|styrelsen|kommunen|verksamheten|verksamheterna|organisationen"
    r"|vi|man|skolan|skolorna|enheterna|förvaltningarna"
    # In a government decision "myndigheten" and "verket" point back to the agency given the task.
    r"|myndigheten|myndigheterna|verket)$"
)
# A present passive with its particle inside the phrase: "… skola skickas ut till …".
_PASSIVE_IN_OWNER = re.compile(
    r"\s(?:tas|ges|görs|läggs|sänds|\w{3,}(?:ras|las|nas|tas|das|kas|gas|vas|pas))\s+(?:ut|in|fram|upp|över|till|av|på)\s",
    re.IGNORECASE,
)
_FINITE_IN_OWNER = re.compile(r"\s(?:har|hade|är|var|ska|skall|kommer|kan|blir|får)\s", re.IGNORECASE)
_MAX_OWNER = 110
_INDEFINITE = re.compile(r"(?:en|ett)\s+", re.IGNORECASE)
_HEAD_AND_PREPOSITION = re.compile(
    r"^(?P<head>[^\s].*?)?\s*\b(?:på|i|av|för|med|till|från|inom|vid|om|hos)\s", re.IGNORECASE
)


def _infinitive_first(owner: str) -> bool:
    """ "fortsätta bygga dessa verksamheter": a verb in the infinitive, not an adjective before its role."""
    words = owner.split()
    return (
        len(words) >= 3
        and words[0].islower()
        and words[0].endswith("a")
        and not words[0].endswith("na")  # "presidierna i fullmäktiges beredningar": a plural noun
        and not ROLE.search(match_text(words[0]).folded)
        and not ROLE.search(match_text(words[1]).folded)
    )


def _headless(owner: str) -> bool:
    """Is the phrase's head no role, unit or agency: the words before its first preposition ("Både på …",
    "Händelsen på …"), or all of it after "en"/"ett" ("ett serviceboende", but "en extern konsult" acts)?"""
    m = _HEAD_AND_PREPOSITION.match(owner)
    indefinite = _INDEFINITE.match(owner)
    if m is None and indefinite is None:
        return False
    head = (m["head"] or "") if m is not None else owner
    head = head[indefinite.end() :] if indefinite is not None and head.startswith(indefinite.group()) else head
    head = head.strip()
    if not head:
        return True
    folded = match_text(head).folded
    return not (ROLE.search(folded) or is_agency_name(head) or GENERIC.match(folded))


# A phrase opened by a verb is a predicate, not a subject ("samordnar" is the verb, "samordnare" the role).
_VERB_FIRST = re.compile(r"(?:samordnar|leder|driver|arbetar|ansvarar|hanterar|utför|beslutar)\s", re.IGNORECASE)
_LONG_PHRASE = 6
# A run of capitalised words, a name: "Länsstyrelsen Gotland", "Länsstyrelsen i Västernorrland".
_NAMED_RUN = re.compile(r"[A-ZÅÄÖ][\w-]*(?:\s+(?:i\s+)?[A-ZÅÄÖ][\w-]*)*")
FOR_OCR = re.compile(r"(?<=\s)(?:for|fér|fo6r|foér|f6r)(?=\s)")


def clean_owner(text: str) -> str | None:
    owner = " ".join(text.split()).strip(" ,.;:-–\"”“'’«»")
    owner = re.sub(r"^(?:Det är|det är|Detta|detta)\s+", "", owner)
    owner = re.sub(r"\s+(?:som|vilken|vilka)$", "", owner)  # "Det är skolchefen som ansvarar"
    owner = re.sub(r",\s*som\s.*$", "", owner)  # "Naturvårdsverket, som samordnande myndighet, ska …"
    owner = re.sub(r"^(?:som|vilken|vilka)\s+", "", owner)  # "…, som nämnden kommer att följa"
    owner = re.sub(r"^(?:[Vv]ad|[Hh]ur)\s+", "", owner)  # "Vad lärandenämnden kommer fram till ska rapporteras"
    owner = re.sub(r"^(?:[Mm]an|[Vv]i)\s+(?:inom|på|i)\s+", "", owner)  # "man inom förvaltningen ska inventera …"
    owner = re.sub(r"\s+(?:dels|både|såväl)$", "", owner)  # "Vinnova dels ska genomföra …, dels etablera …"
    # "nämnden i slutet av 2024 ska ha en budget i balans": the time between the subject and its verb
    owner = re.sub(
        r"\s+(?:i\s+(?:slutet|början|mitten)\s+av|under|senast|till|före|innan|år)\s+[^,;]*\d{4}$", "", owner
    )
    # "nämnden senast den 1 mars": a day with no year
    owner = re.sub(r"\s+(?:senast|till|före|innan)\s+(?:den\s+)?\d{1,2}\s+[a-zåäö]+$", "", owner)
    # "Vuxenutbildningen under hösten succesivt ska återgå": a season with no year, perhaps an adverb after it
    owner = re.sub(
        r"\s+(?:under|till|i|före|innan)\s+(?:våren|hösten|sommaren|vintern|vårterminen|höstterminen|året)"
        r"(?:\s+[a-zåäö]+t)?$",
        "",
        owner,
    )
    # "gav i mars 2016 ledningskontoret i uppdrag": the time before the one given the task
    owner = re.sub(r"^(?:i|under|den|per)\s+(?:\w+\s+)?(?:19|20)\d\d\s+", "", owner)
    if _PASSIVE_IN_OWNER.search(owner):
        return None  # "söka skola skickas ut till alla vårdnadshavare vars barn": a clause, not who acts
    if _FINITE_IN_OWNER.search(owner):
        # "Revisorerna har överlämnat rapporten till kommunstyrelsen för yttrande och kommunstyrelsen": a clause
        # before the subject; the owner is what follows its last "och", or none.
        owner = owner.rsplit(" och ", 1)[1] if " och " in owner else ""
        if _FINITE_IN_OWNER.search(f" {owner}"):
            return None  # "… och är planerat": a predicate, not a subject
    if len(owner.split()) > _LONG_PHRASE and not ROLE.match(match_text(owner).folded):
        # "I mars antog Länsstyrelsen Gotland en ny regional handlingsplan och": a clause, whose named body owns
        # (a role spelled out, "Verksamhetschefen för … elevhälsan (EMI)", is one owner as it stands).
        named = next(
            (n for n in _NAMED_RUN.findall(owner) if len(n) > 2 and not n.isupper() and is_agency_name(n)), None
        )
        owner = named or owner
    if not owner or len(owner) > _MAX_OWNER or _VERB_FIRST.match(owner) or _infinitive_first(owner):
        return None  # "… som leder och samordnar kommunens olika verksamheter och ansvarar för": a predicate
    if _headless(owner):
        # "ett serviceboende med elva nya lägenheter", "Händelsen på Malmö Latinskola", "Både på … grundskolor":
        # a thing, an event or a place, whatever role its words name after a preposition
        return None
    if owner.lower() in _PRONOUNS or (len(owner) < 3 and not owner.isupper()):
        return None  # a pronoun or a scrap; initials ("JO", "KS") name a body
    # "for" between the words of a role is always "för" ("Förvaltningschef for …").
    return FOR_OCR.sub("för", repair_ocr(owner))
