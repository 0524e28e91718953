"""Owners (a role or unit as written) and committee names in a stretch of text.

Both functions take the clean text and its aligned fold (`match_text(text).folded`),
find the phrase in the fold and return it from the text, OCR repaired:
"Forvaltningschef for arbetsmarknads- och socialférvaltningen ansvarar for
detta" gives "Förvaltningschef för arbetsmarknads- och socialförvaltningen".
"""

from __future__ import annotations

import re

from bot.extraction.agencies import is_agency_name
from bot.extraction.cues import sv
from bot.extraction.owner_phrase import FOR_OCR as _FOR
from bot.extraction.owner_phrase import GENERIC as _GENERIC
from bot.extraction.owner_phrase import ROLE as _ROLE
from bot.extraction.owner_phrase import clean_owner as _clean_owner
from bot.extraction.subject_words import is_passive, proper_name
from bot.language.normalize import repair_ocr

__all__ = ["find_committees", "find_owner", "owner_object", "subject_owner"]

_OWNER_AFTER = sv(
    r"(?P<verb>\bär\s+(?:den|de)\s+som\s+(?:är\s+)?ansvar\w*|\bär\s+(?:huvud)?ansvarig\w*|\bansvarar\b"
    r"|\bhar\s+(?:det\s+)?(?:övergripande\s+|yttersta\s+|huvud)?ansvar(?:et)?\b|\bbär\s+ansvar(?:et)?\b"
    r"|\bäger\s+(?:frågan|uppdraget|processen)\b|\bges\s+i\s+uppdrag\b|\bfår\s+i\s+uppdrag\b"
    r"|\buppdras\s+(?:även\s+|också\s+|därför\s+)?att\b"
    # "har 2019-03-27 § 33 getts i uppdrag": the day and paragraph of the decision between
    r"|\bhar\s+(?:\d[\d-]*\s+)?(?:§\s*\d+\s+)?getts\s+i\s+uppdrag\b|(?<=\s)getts\s+i\s+uppdrag\b"
    # "Kommunchefen har i uppdrag att", "Delegationen mot segregation får i sitt regleringsbrev i uppdrag att"
    # ("Kommunstyrelsen har gett förvaltningen i uppdrag": the one given it comes after a giving verb)
    r"|\b(?:har|får|fick)\s+(?:(?!inte\b|ej\b|gett\b|givit\b|gav\b|ger\b|lämna\w*|överlämna\w*)[^\s.;,]+\s+){1,4}?"
    r"i\s+uppdrag\b|\bhar\s+i\s+uppdrag\b"
    r"|\bhar\s+fått\s+i\s+uppdrag\b|(?<=\s)fått\s+i\s+uppdrag\b|\bleder\s+(?:detta\s+|det\s+)?arbete(?:t)?\b|\bsamordnar\s+arbetet\b)"
)
_OWNER_BEFORE = sv(
    r"\bansvarig\w*(?:\s+(?:chef|funktion|tjänsteperson))?(?:\s+för\s+[^,.;]{0,60}?)?\s+(?:är|blir)\s+"
    r"|\bansvaret\s+(?:för\s+[^.;]{0,60}?\s+)?(?:ligger|vilar|läggs)\s+(?:på|hos)\s+"
    r"|\b(?:ansvarig|ansvar)\s*:\s*"
    r"|\b(?:uppdraget|ansvaret|uppdrag)(?:\s+(?:att|för)\s+[^.;]{0,80}?)?\s+(?:ges|lämnas|läggs|går|överlämnas)\s+(?:till|åt|på)\s+"
    r"|\b(?:under\s+ledning\s+av|leds\s+av|ledas\s+av|samordnas\s+av|samordnas\s+av|ansvaras\s+av|genomförs\s+av"
    r"|genomföras\s+av|görs\s+av|göras\s+av|utförs\s+av|utföras\s+av|drivs\s+av|drivas\s+av"
    # "Beslut tas av kommunfullmäktige i juni 2022", "Det slutgiltiga beslutet … sker sedan av kommunfullmäktige",
    # "Budgeten klubbas slutgiltigt av kommunfullmäktige": the body that decides
    r"|beslut\w*\s+(?:om\s+[^.;]{0,60}?\s+)?(?:tas|fattas|sker)\s+(?:sedan\s+|därefter\s+|slutligen\s+)?av"
    r"|(?:klubbas|antas|fastställs|godkänns)\s+(?:\w+\s+)?av)\s+"
    # "ett uppdrag till regionstyrelsen om att återkomma", "ärendet kommer till kommunstyrelsen för beslut"
    r"|\buppdrag(?:et)?\s+till\s+(?=\S+(?:\s+\S+){0,4}?\s+(?:om\s+)?att\b)"
    r"|\bkommer\s+(?:upp\s+)?till\s+(?=\S+(?:\s+\S+){0,3}?\s+för\s+beslut\b)"
    # the agent of a passive promise: "Fastigheten ska köpas in av kommunen"
    # ("Dessa förslag kommer nu att beredas/utredas av kommunens förvaltningar")
    r"|\b(?:ska|skall|kommer\s+(?:nu\s+|sedan\s+|därefter\s+)?att)\s+\w+as(?:/\w+as)?(?:\s+(?:in|ut|fram|upp|över))?\s+av\s+"
    # a matter put before a body: "simhallen ska tas upp i kommunfullmäktige i slutet av november för beslut"
    # ("… att den under hösten ska beslutas i kommunfullmäktige")
    r"|\b(?:tas\s+upp|beslutas|fastställas|behandlas)\s+(?:i|på|av)\s+(?=\S*(?:fullmäktige|styrelse\w*|nämnd\w*|utskott\w*)\b)"
    # the subject between, after a fronted time: "Under 2016 ska ett förslag … tas fram av Region Örebro län"
    r"|\b(?:ska|skall)\s+(?:en|ett)\s+[^.;,]{3,80}?\s\w+as(?:\s+(?:in|ut|fram|upp|över))?\s+av\s+"
    # ("… meddelade ordföranden att hon gett kommunchefen i uppdrag att …": "har" left out after "att")
    r"|\b(?:ger|ge|gav|(?:har\s+(?:nu\s+|även\s+|också\s+)?)?(?:gett|givit)|uppdrar\s+åt|uppdrar\s+till|uppdrar|uppdra\s+(?:åt|till)|uppdrogs\s+(?:även\s+|också\s+)?(?:till|åt)"
    r"|delegera(?:r|de|t|s)?\s+(?:\w+\s+)?till)"
    r"\s+(?=\S+(?:\s+\S+){0,6}?\s+(?:i\s+uppdrag\s+)?att\b)"
)
_HAS_FIRST = sv(r"\W*(?P<before>[\w-]+\s+)?har\s+")
_GIVES = re.compile(
    r"(?:ger|ge|gav|(?:har\s+(?:\w+\s+)?)?(?:gett|givit)|uppdra\w*\s+(?:at|till))\s|(?:ska|skall|kommer\s+att)\s+\w+as\b"
)
_CLAUSE_START = re.compile(r"[,;:]\s*|\b(?:men|dar|varvid|vilket|medan|att|om|nar)\s+")
_OWNER_END = re.compile(
    r"\s*(?:[,.;:!?]|\s(?:i\s+uppdrag|att|som|och\s+(?:ska|kommer|det|den|de|ar|har|blir|sedan|darefter|senare|\w{3,}as\b)|i\s+egen\s+regi"
    r"|pa\s+(?:\w+\s+){0,2}?sammantrade\w*|for\s+att|for\s+beslut|om\s+att|senast|under|i\s+samverkan|den\s+\d+|i\s+(?:jan|feb|mars|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w*|i\s+samarbete"
    r"|i\s+(?:slutet|borjan|mitten)\s+av"
    r"|tillsammans|med\s+stod|inom|fran\s+och\s+med|efter)\b|$)"
)
_LEAD = sv(r"^(?:det\s+är\s+|detta\s+|även\s+|också\s+|vidare\s+|dessutom\s+|därför\s+|nu\s+)+")
# Subject roles that make a commitment's owner: "Rektor kommer att", "Bildningsförvaltningen ska".
_SUBJECT_VERB = sv(
    r"\s+(?:kommer\s+(?:[^\s.;]+\s+){0,3}?att|kommer|avser|planerar|ska|skall|ansvarar|tar\s+fram|genomför|fortsätter"
    r"|har\s+påbörjat|har\s+för\s+avsikt|återrapporterar|redovisar|rapporterar|skriver|sammanställer"
    r"|(?:ger|gav|har\s+gett)\s+klartecken|fattar\s+(?:\w+\s+)?beslut"
    # a time given to do it in: "Skolan har till den 21 september på sig att …"
    r"|(?:har|hade|får|fick)(?=\s+(?:[^\s.;]+\s+){1,9}?på\s+sig\s+(?:att|för)\b)"
    # the author of a plan, for the steps listed under it: "Kommunstaben har upprättat förslag till en ny plan"
    r"|har\s+(?:upprättat|tagit\s+fram|arbetat\s+fram)(?=\s+(?:[^\s.;]+\s+){0,5}?\w*plan))\b"
)
# One subject, two predicates: the subject before the first verb ("Skolan behöver … och kommer att …").
_TWO_PREDICATES = sv(
    r"\W*(?P<subject>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:behöver|måste|kan|bör|är|har|får|vill)\s[^.;]*\s(?:och|samt)\s*$"
)
# "Det är skolchefen som ansvarar": a cleft names the owner.
_CLEFT = re.compile(r"\b(?:det|detta)\s+ar\s")


def _clause_start(folded: str, end: int) -> int:
    """Where the clause that ends at `end` begins (after a comma, "och", "att" …), lead words skipped."""
    start = 0
    for m in _CLAUSE_START.finditer(folded, 0, end):
        start = m.end()
    lead = _LEAD.match(folded, start)
    if lead is not None and lead.end() <= end:
        start = lead.end()
    return start


def _describes(folded: str, phrase: str, verb_at: int) -> bool:
    """Is the phrase before the verb a relative clause's antecedent ("… till Naturvårdsverket som ansvarar för
    Klimatklivet": who it is, not who owns this), rather than a cleft ("Det är skolchefen som ansvarar")?"""
    return phrase.endswith(" som") and _CLEFT.search(folded, 0, verb_at) is None


def _agency(written: str, phrase: str) -> bool:
    """Is the subject an agency by its proper name ("Trafikverket", "SLU"), not "myndigheten" pointing back?"""
    return is_agency_name(written) and _GENERIC.match(phrase) is None


def _role_like(folded: str) -> bool:
    return bool(_ROLE.search(folded)) and not _GENERIC.match(folded.strip())


# A supervisor's order names whom it binds: "förelägger med stöd av 26 kap. 10 § skollagen Karlstads kommun att".
_ORDERED_PARTY = sv(
    r"\bförelägg(?:er|s)\b(?:[^.;]|\.(?=\s?\d)){0,160}?\s(?P<party>(?:[\w-]+\s+)?(?:kommun|region|landsting)"
    r"|region\s+[\w-]+|[\w-]*nämnd(?:en)?|huvudmannen)\s+att\b"
)


# A decision taken at a body's meeting is that body's: "Slutlig fördelning … beslutas vid kulturnämndens sammanträde
# i februari 2018", "Planen fastställs på styrelsens möte i juni".
_MEETING_DECIDES = sv(
    r"\b(?:beslutas|fastställs|antas|behandlas)\s+(?:\w+\s+){0,2}?(?:vid|på)\s+"
    r"(?P<body>[\w-]*(?:nämnd|styrelse|fullmäktige|utskott|direktion)(?:en|et|ns|n)?)s\s+(?:\w+\s+)?(?:sammanträde|möte)"
)


# A decision at the body's own meeting told as one word: "Verksamhetsplanen ska fastställas vid nästa styrelsemöte".
_OWN_MEETING = sv(
    r"\b(?:beslutas|fastställas|fastställs|antas|behandlas|tas\s+upp|godkännas|godkänns)\s+(?:\w+\s+){0,2}?(?:vid|på)\s+"
    r"(?:nästa\s+|kommande\s+|ordinarie\s+)?(?P<body>styrelse|nämnd|direktions)(?:möte|sammanträde)"
)
_BODY_DEFINITE = {"styrelse": "styrelsen", "namnd": "nämnden", "direktions": "direktionen"}


def find_owner(text: str, folded: str) -> str | None:
    """The owner a sentence names ("X ansvarar för", "Ansvarig: X", "ansvaret ligger hos X"), or None."""
    ordered = _ORDERED_PARTY.search(folded)
    if ordered is not None:
        return _clean_owner(text[ordered.start("party") : ordered.end("party")])
    meeting = _MEETING_DECIDES.search(folded)
    if meeting is not None:
        return _clean_owner(text[meeting.start("body") : meeting.end("body")])
    own = _OWN_MEETING.search(folded)
    if own is not None:
        return _BODY_DEFINITE[own["body"]]
    for m in _OWNER_AFTER.finditer(folded):
        start = _clause_start(folded, m.start())
        end = m.start()
        has = _HAS_FIRST.match(folded, start, end)
        if has is not None and has["before"] and _role_like(has["before"]):
            end = start + len(has["before"].rstrip())  # "Landstingsstyrelsen har sedan länge fått i uppdrag"
        elif has is not None:
            start = has.end()  # "Nu har presidierna … fått i uppdrag": the subject after "har"
        phrase = folded[start:end].strip()
        if _describes(folded, phrase, m.start()):
            continue  # "… till Naturvårdsverket som ansvarar för Klimatklivet": who it is, not who owns this
        # "Förvaltningen får i uppdrag att …": the one given a task, however general.
        tasked = "uppdrag" in m["verb"] and _GENERIC.match(phrase) is not None
        # "Samhällsbyggnad får i uppdrag av bygg- och miljönämnden att …": given a task, a body by its own name
        tasked = tasked or (
            "uppdrag" in m["verb"] and text[start : start + 1].isupper() and 1 <= len(phrase.split()) <= 3
        )
        if phrase and len(phrase.split()) <= 16 and (_role_like(phrase) or tasked or _agency(text[start:end], phrase)):
            return _clean_owner(text[start:end])
    for m in _OWNER_BEFORE.finditer(folded):
        near = max(0, m.start() - _NEAR_BEFORE)  # a clause's opening words, not the whole sentence's
        if _CONDITION.search(folded, near, m.start()):
            continue  # "Om detaljplanen antas av kommunfullmäktige i juni, så inleds …": a condition's agent
        if _ASKED_WHICH.search(folded, near, m.start()):
            continue  # "budgetarna avgör vilka åtgärder som ska genomföras av respektive förvaltning": a question
        if _APPROVED.match(folded, m.start()) and _WHICH_THEN.search(folded, near, m.start()):
            continue  # "Förvaltningen tar fram en plan som sedan antas av kommunfullmäktige": the maker's work
        end_m = _OWNER_END.search(folded, m.end())
        end = end_m.start() if end_m else len(folded)
        phrase = folded[m.end() : end].strip()
        gives = _GIVES.match(folded[m.start() : m.end()]) is not None
        named = _role_like(phrase) or ":" in folded[m.start() : m.end()] or (gives and _GENERIC.match(phrase))
        # "uppdra till Kommunfastigheter att …": a body given a task by its own name, whatever its name says
        named = named or (
            _TASKED_TO.match(folded, m.start()) is not None
            and text[m.end() : m.end() + 1].isupper()
            and len(phrase.split()) <= 3
        )
        if phrase and len(phrase.split()) <= 14 and named:
            owner = _clean_owner(text[m.end() : end])
            # "ger förvaltningen i uppdrag att …": the one given the task, however general.
            if owner and (not _GENERIC.match(phrase) or gives):
                return owner
    return None


_ASKED_WHICH = re.compile(r"\b(?:vilka|vilken|vilket|vad)\s+(?:\w+\s+){0,3}?som\s+(?:\w+\s+){0,3}$")
_NEAR_BEFORE = 200
_APPROVED = re.compile(
    r"(?:(?:ska|skall|kommer\s+att)\s+(?:\w+\s+)?(?:klubbas|antas|faststallas|godkannas|beslutas)|klubbas|antas|faststalls"
    r"|godkanns)\s"
)
_WHICH_THEN = re.compile(r"\b(?:som|vilken|vilket|vilka)\s+(?:\w+\s+){0,3}$")
_CONDITION = re.compile(r"(?:^|[,;]\s*|\b(?:och|men)\s)\W*om\s[^,;]*$")
_TASKED_TO = re.compile(r"uppdra\s+(?:till|at)\s")
_OBJECT = sv(r"\bansvar\w*\s+(?:för|över)\s+(?P<object>[^.;]+)")
_POINTING_BACK = sv(
    r"^(?:detta|det|dessa|denna|arbetet|uppdraget|genomförandet|åtgärden|åtgärderna|insatsen|insatserna|frågan"
    r"|att|helheten|processen|samordningen)\b"
)


def owner_object(folded: str) -> str | None:
    """What an owner sentence says the owner is responsible for, unless it just points back ("för detta")."""
    m = _OBJECT.search(folded)
    if m is None:
        return None
    found = m["object"].strip()
    return None if _POINTING_BACK.match(found) else found


def subject_owner(text: str, folded: str) -> str | None:
    """The role or unit that is the subject of the commitment ("Rektor kommer att …", "I september ska
    socialnämnden diskutera …", "Förvaltningen avser att …"), as written, or None."""
    m = _SUBJECT_VERB.search(folded)
    if m is None or m.start() == 0 or _WITH_OTHERS.match(folded):
        return _inverted_subject(text, folded)
    start = _clause_start(folded, m.start())
    end = m.start()
    relative = folded.rfind(" som ", start, end)
    if relative >= 0 and _AS_A_ROLE.search(folded, max(0, relative - 12), relative):
        return None  # "utveckla rollen som kunskapscentrum … ska ske": what a thing is to be, no subject
    if relative >= 0 and len(folded[relative + 5 : end].split()) <= 3:
        start = relative + 5  # "frågeställningar som Arbetsförmedlingen ska analysera …": the relative clause's subject
    both = _TWO_PREDICATES.match(folded, start, end)
    if both is not None:
        end = both.end("subject")  # "Skolan behöver … evakueras och kommer därför att flytta": "Skolan"
    phrase = folded[start:end].strip()
    if not phrase or len(phrase.split()) > 10 or _describes(folded, phrase, m.start()) or _THING_DONE.match(phrase):
        return _inverted_subject(text, folded)
    if is_passive(folded, m.end()):
        # "En ny förskola kommer att börja byggas": what is done, not who does it (a decider before it may be)
        return _inverted_subject(text, folded)
    if _GENERIC.match(phrase) and not _POINTS_BACK.match(phrase):
        # "Förvaltningen kommer att …": the answering side as a whole, named as the text names it.
        return _clean_owner(text[start:end])
    # An agency's name is a proper noun: "Trafikverket ska", "Länsstyrelserna ska" (not "nätverket ska"),
    # or its initials: "SLU ska", "MSB ska"; another body by one word of its own name: "Mjölby avser att".
    named = _agency(text[start:end], phrase) or proper_name(text[start:end], folded[m.end() :])
    # a company by its registered name: "Norlandia Care AB skall inkomma med …"
    named = named or (_COMPANY.search(text[start:end]) is not None and text[start : start + 1].isupper())
    if not named and not _role_like(phrase):
        return _inverted_subject(text, folded)
    return _clean_owner(text[start:end])


_COMPANY = re.compile(r"\s(?:AB|HB|KB|Aktiebolag|ekonomisk\s+förening)\s*$")
_AS_A_ROLE = re.compile(r"\b(?:rollen|roll|funktionen|uppgiften)$")
# Partners fronted before the verb, the subject after it: "Tillsammans med Formas, Vinnova och Vetenskapsrådet ska
# Forte också genomföra en gemensam analys".
_WITH_OTHERS = sv(r"^\W*(?:tillsammans\s+med|i\s+(?:samverkan|samarbete|dialog)\s+med|jämte|förutom)\s")
# The work as the subject, not who does it: "Utveckling av planeringsunderlaget och uppsökande verksamhet kommer
# att ske under 2008" ("verksamhet" in it is what is done).
# "Stödet till kommunerna kommer att prioriteras", "Arbetet med förvaltningens rutiner ska …": the same.
_THING_DONE = re.compile(
    r"^\w+(?:ning|ing|else|tion)\s+(?:av|for|med|om|kring)\b"
    r"|^\w*(?:stodet|arbetet|insatsen|insatserna|satsningen)\s+(?:av|for|med|om|kring|till|inom)\b"
)
# Words that point back to an agency named before ("myndigheten ska"): the decision names its owner.
_POINTS_BACK = sv(r"^(?:myndigheten|verket|vi|man|de|den|det)$")
# After a fronted adverbial the subject follows the verb: "I september ska socialnämnden diskutera utkastet",
# "Därför avser förvaltningen att …".
_INVERTED = sv(
    # "I höst fattar kommunfullmäktige det slutliga beslutet", "I juni beslutar nämnden om …"
    r"\b(?:ska|skall|kommer|avser|planerar|håller|fick|får|fattar|beslutar|behandlar)\s+(?P<subject>(?:[\w-]+\s+(?:och\s+|för\s+)?){0,4}?[\w-]+)"
    r"\s+(?:att\s+|på\s+att\s+|även\s+|också\s+|nu\s+|därför\s+|i\s+uppdrag\s+)?\w"
)


# "de tillsynsaktiviteter som miljö- och hälsoskyddsverksamheten planerar att genomföra": the relative clause's
# subject; "Kultur- och fritidsnämnden har beslutat att en översyn ska påbörjas": the decider, whose work it is.
_RELATIVE = sv(r"\bsom\s+(?P<subject>(?:[\w-]+\s+(?:och\s+)?){0,3}?[\w-]+)\s+(?:planerar|avser|ska|kommer)\b")
# A subject is a definite noun phrase ending in a role or a unit: "socialnämnden", "förvaltningen".
_DEFINITE = re.compile(r"(?:en|et|na|n)$")
_DECIDER = sv(
    r"^\W*(?P<subject>(?:[\w-]+\s+(?:och\s+)?){0,3}?[\w-]+)\s+(?:har\s+beslutat|beslutar|beslutade|beslöt)"
    r"\s+(?:bland\s+annat\s+|även\s+|också\s+|därför\s+)?att\b"
)


# A supervisor's demand names whom it binds: "Skolinspektionen … kräver att kommunen rättar till bristerna".
_DEMANDED = sv(
    r"\b(?:kräver|krävde|begär|begärde)\s+(?:därför\s+|också\s+|nu\s+)?att\s+"
    r"(?P<subject>(?:[\w-]+\s+(?:och\s+)?){0,2}?[\w-]+)\s+(?:\w+(?:ar|er|r)|ska|skall|snarast|senast|före|inom)\b"
)


# The one who states what will be done, when the promise itself is passive: "Förvaltningen instämmer … och bedömer att
# … kommer att åtgärdas under året", "Förvaltningen … meddelar att … ska stickprovsmässiga kontroller genomföras".
_STATES = sv(
    r"^\W*(?P<subject>(?:[\w-]+\s+(?:och\s+)?){0,2}?[\w-]+)\s+(?:(?:instämmer|bedömer|meddelar|konstaterar|svarar"
    r"|framhåller|understryker)\b[^.;]*?\s(?:och\s+)?)?(?:bedömer|meddelar|svarar|anger|uppger)\s+(?:\w+\s+)?att\b"
)


def _inverted_subject(text: str, folded: str) -> str | None:
    for pattern in (_RELATIVE, _DECIDER, _DEMANDED, _STATES):
        r = pattern.search(folded)
        if r is None or not _DEFINITE.search(r["subject"]):
            continue
        # "Nämnden beslutade bland annat att utreda …": a decision with nobody else named is the decider's own
        # work, even when the text names it only as "nämnden" or "styrelsen".
        # The party a demand binds is the owner, however general ("kräver att kommunen rättar till …").
        decider = pattern is not _RELATIVE and _GENERIC.match(r["subject"]) and not _POINTS_BACK.match(r["subject"])
        if _role_like(r["subject"]) or decider:
            return _clean_owner(text[r.start("subject") : r.end("subject")])
    for m in _INVERTED.finditer(folded):
        # "Eftersom … staden ska klara balanskravet … får nämnderna i uppdrag": a verb in the fronted clause
        # has no subject after it; the main clause's may.
        owner = _inverted_at(text, folded, m)
        if owner is not None:
            return owner
    return None


def _inverted_at(text: str, folded: str, m: re.Match[str]) -> str | None:
    if m.start() == 0:
        return None
    phrase = m["subject"]
    if not (_role_like(phrase) or _GENERIC.match(phrase)):
        # "Härnäst ska tekniska kontoret ta fram …": the shortest reading stopped at the adjective
        longer = _ADJECTIVE_AND_UNIT.match(folded, m.start("subject"))
        if longer is not None and _role_like(longer.group()):
            phrase = longer.group()
    determined = _DETERMINED.match(folded, m.start("subject"))
    if determined is not None and _role_like(determined.group()):
        # "fick kommunens nämnder i uppdrag", "ska varje nämnd och styrelse fatta beslut": a genitive or a
        # determiner makes the unit after it definite
        phrase = determined.group()
    elif _POINTS_BACK.match(phrase) or not (_role_like(phrase) or _GENERIC.match(phrase)):
        return None
    elif not _DEFINITE.search(phrase) and not phrase.endswith("fullmaktige"):
        return None  # "fullmäktige" is definite as it stands
    start = m.start("subject")
    return _clean_owner(text[start : start + len(phrase)])


_ADJECTIVE_AND_UNIT = re.compile(r"\w+a\s+\w+(?:et|en|n)\b")
_DETERMINED = re.compile(
    r"(?:varje|samtliga|respektive|alla|kommunens|regionens|stadens|forvaltningens|namndens|skolans)\s+[\w-]+"
    r"(?:\s+(?:och|samt)\s+[\w-]+)?(?=\s)"
)


# --------------------------------------------------------------------------- #
# Committees
# --------------------------------------------------------------------------- #

_ONE = r"(?:(?:[a-z]{2,}-\s*(?:,\s*|\s+(?:och|samt)\s+))*(?:[a-z]{2,}-\s+(?:och|samt)\s+)?" + (
    r"(?:[a-z]{3,}n[aeid4]mnd(?:en|ens|s)?|(?:kommun|region|[a-z]{3,})styrelse(?:n|ns)?)(?![a-z]))"
)
_COMMITTEES = re.compile(rf"(?<![\w-]){_ONE}(?:\s*,\s*{_ONE})*(?:\s+(?:och|samt)\s+{_ONE})?")


_PLACES_BEFORE = re.compile(r"(?<![\w-])[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)+\s+$")


def find_committees(text: str, folded: str) -> list[tuple[int, int, str]]:
    """Committee names ("Barn- och utbildningsnämnden", "socialnämnden och …"): (start, end, name as written)."""
    out: list[tuple[int, int, str]] = []
    for m in _COMMITTEES.finditer(folded):
        start = m.start()
        # A joint committee named with its municipalities: "Arvika-Eda överförmyndarnämnd".
        place = _PLACES_BEFORE.search(text, max(0, start - 40), start)
        if place is not None and not text[start : start + 1].isupper():
            start = place.start()
        name = _FOR.sub("för", repair_ocr(" ".join(text[start : m.end()].split())))
        # "barn- och utbildningsnämndens svar": the committee is named without the genitive s.
        if name.endswith(("ens", "nds")):
            name = name[:-1]
        out.append((start, m.end(), name))
    return out
