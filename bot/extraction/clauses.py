"""Which clause a word is in: a relative clause that only describes, a subordinate clause, the main clause.

"… vilka fastigheter som kommer att ingå" describes; "De åtgärder som kräver investeringar kommer tas med"
promises after its relative clause ends; "ska … redovisa vilka åtgärder som har vidtagits" is no past.
"""

from __future__ import annotations

import re

from bot.extraction import cues

__all__ = ["assesses", "future_after_past", "in_relative_clause", "main_clause_past"]

_CLAUSE_BREAK = re.compile(r"[,;:]|\s-\s|\boch\b|\bsamt\b")
_RELATIVE = re.compile(r"\b(?:som|vilka|vilket|vilken)\b")
# A relative clause's own finite verb: after it, "kommer"/"ska" belong to the main clause.
# A passive supine counts too: "de åtgärder som vidtagits med anledning av olika uppdrag införs …".
_FINITE = re.compile(
    r"\s(?:kraver|kravs|behover|behovs|finns|ingar|galler|omfattar|beror|innebar|saknas|uppstar|\w{3,}(?:its|ats|tts|ades))\s"
    # a copula: "de punkter som inte är fullständigt åtgärdade … kommer kommunen att jobba för …"
    r"|\s(?:inte\s+)?(?:ar|var)\s+\w"
)
# A deciding body or its meeting just before "som": what it will do is its own dated act.
_BODY_BEFORE = re.compile(r"\b\w*(?:mote|motet|stamma|stamman|namnd|namnden|fullmaktige|styrelse|styrelsen)\s+$")
_WHEN = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b"
    r"|\b(?:varen|hosten|sommaren|vintern)\b|\bsenast\b"
)
# The relative pronoun as the subject of a passive: what will be done to the thing named.
_DONE_TO_IT = re.compile(r"(?:som|vilka|vilket|vilken)\s+(?:kommer\s+(?:att\s+)?|ska\s+|skall\s+)\w+as\b")
_ACTOR_AFTER_SOM = re.compile(r"\s*som\s+(?:regeringen|vi|\w*namnden|\w*forvaltningen|\w*styrelsen)\s*")
# "De åtgärder regeringen avser att vidta": a determiner and a noun, then a subject and the verb, no "som".
_RELATIVE_WITHOUT_SOM = re.compile(
    r"^\W*(?:de|den|det|dessa|denna|alla)\s+[^\W\d]+\s+(?:regeringen|vi|kommunen|\w*namnden|\w*forvaltningen"
    r"|\w*styrelsen)\s*$"
)


def in_relative_clause(folded: str, at: int) -> bool:
    """Is the verb at `at` inside a relative clause ("som kommer att ingå", "De åtgärder regeringen avser …")?"""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(folded, 0, at)), default=0)
    before = folded[start:at]
    if folded[start - 1 : start] == "," and _ACTOR_AFTER_SOM.fullmatch(before):
        return False  # "… fortsatta arbete, som regeringen kommer att följa": the actor's own promise
    relative = _RELATIVE.search(before)
    if relative is not None and _FINITE.search(before, relative.end()):
        return False  # "De åtgärder som kräver investeringar kommer tas med": the relative clause has ended
    if relative is not None and cues.DATED.search(folded, at):
        if _DONE_TO_IT.match(folded, relative.start()):
            return False  # "en post finns med vilken kommer att korrigeras under våren 2016": done to it by a time
        if cues.ACTOR.search(folded, relative.end(), at):
            return False  # "de uppdrag som kommunens verksamheter kommer att jobba med under 2019": theirs, dated
    body_acts = relative is not None and _BODY_BEFORE.search(before, 0, relative.start()) is not None
    if body_acts and relative is not None and _WHEN.search(before, relative.end()):
        return False  # "ett förbundsmöte som i maj kommer att utse en styrelse": the body acts, at a time
    return relative is not None or _RELATIVE_WITHOUT_SOM.match(folded[:at]) is not None


_SUBCLAUSE = re.compile(r"\b(?:som|vilka|vilket|vilken|vad|hur|dar|nar|eftersom|sedan|tills|innan|forran|medan)\b")


_RELATIVE_BEFORE = re.compile(r"\b(?:som|vilka|vilket|vilken)\s+(?:\w+\s+)?$")


def just_after_relative(folded: str, at: int, reach: int) -> bool:
    """Does a relative pronoun, perhaps with one word after it, end just before `at` ("åtgärder som ska …", "som
    sedan ska …"), looked for within `reach` characters?"""
    return _RELATIVE_BEFORE.search(folded, max(0, at - reach), at) is not None


def assesses(folded: str) -> bool:
    """Does the sentence assess, outside a relative clause ("de åtgärder som bedöms ge bäst effekt" only
    describes the measures)?"""
    return any(
        not just_after_relative(folded, m.start(), 20)
        and not (m.group().startswith("bedomning") and _AN_OBJECT.search(folded, max(0, m.start() - 24), m.start()))
        and not (m.group() == "bedoma" and _TO_DO.search(folded, max(0, m.start() - 40), m.start()))
        for m in cues.ASSESSMENT.finditer(folded)
    )


# "lämna en samlad rapport … och en bedömning av verksamhetens resultat": an assessment to deliver, not made.
# "ska analysera och bedöma resultatet": an assessment to make is the task, not one made.
_TO_DO = re.compile(r"\b(?:ska|skall|att)\s+(?:\S+\s+){0,3}?(?:och\s+)?$")
_AN_OBJECT = re.compile(r"\b(?:en|ett|sin|sina|var|gora|lamna|ge)\s+(?:\w+\s+)?$")


# "… beslutade igår att anta förslaget, varefter ärendet kommer till kommunstyrelsen för beslut den 22 oktober",
# "Förslaget återremitterades, vilket betyder att ärendet skjuts upp till den 30 juli": what follows is ahead.
_COORDINATED = re.compile(r"\s(?:och|men)\s|,\s*(?:varefter|vilket\s+(?:betyder|innebar)\s+att)\s")
_FUTURE_CLAUSE = re.compile(r"\b(?:planeras|kommer|ska|skall|avser|beraknas|paborjar|inleder|startar|skjuts)\b")


def future_after_past(folded: str) -> bool:
    """A clause told in the past, then one that promises: "Arbetet har under 2022 utvecklats och beslut om
    2023 års plan planeras att fattas i februari 2023"."""
    for m in _COORDINATED.finditer(folded):
        rest = folded[m.end() :]
        if _FUTURE_CLAUSE.search(rest) and not cues.PAST.search(rest) and cues.PAST.search(folded[: m.start()]):
            return True
    return False


def main_clause_past(folded: str) -> bool:
    """Does the main clause tell of the past? "ska … redovisa vilka åtgärder som har vidtagits" does not:
    the past is inside what is to be reported."""
    cut = _SUBCLAUSE.search(folded)
    return bool(cues.PAST.search(folded[: cut.start()] if cut else folded))
