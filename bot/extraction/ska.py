"""How much a "ska"/"skall" promises, read in its clause: the subject before it, the verb after it.

"Förvaltningen ska ta fram en rutin" promises; "Rutinen beskriver hur anmälan ska gå till" describes how
things work; "Uppdraget ska genomföras i nära dialog med …" says how a task is done, not what it is.
"""

from __future__ import annotations

import re

from bot.extraction import cues
from bot.extraction.strengths import MEDIUM, WEAK

__all__ = ["COMMITTEE", "INVERTED_SUBJECT", "infinitive", "only_manner", "ska_strength"]

_WORDS = re.compile(r"[^\W\d_]+")
# A supine after "ska ha": "gått", "genomgått", "genomfört", "tagit", "fått", "slutfört" …
_SUPINE = re.compile(r"^\w{2,}(?:tt|rt|it|at|lt|nt|dt|tt)$")


def ska_strength(folded: str) -> float:
    """How much a "ska"/"skall" in this sentence promises: 0, WEAK or MEDIUM.

    "ska" in a clause opened by "hur", "som", "när", "för att" … describes how
    things work ("rutiner för hur anmälningar ska fungera"); so does a stative
    verb after it ("ska vara", "ska öka"). A passive action verb ("ska tas
    fram", "ska återrapporteras") or an acting subject ("förvaltningen ska
    ta fram") promises.
    """
    best = 0.0
    for m in cues.SKA.finditer(folded):
        clause_start = max(folded.rfind(p, 0, m.start()) for p in (",", ";", ":", "(", " - ")) + 1
        left_words = _WORDS.findall(folded[clause_start : m.start()])
        tail = left_words[-6:]
        after = _WORDS.findall(folded[m.end() : m.end() + 80])
        if _inverted(after) or (_definite_inverted(after) and _TIME_AHEAD.search(folded, m.end())):
            # "Om myndigheten bedömer att arbetet bör fortsätta ska myndigheten presentera …": the subject after
            # "ska" is a main clause's inversion after a fronted clause; no subordinate clause is written so.
            # ("Om allt går enligt plan ska förskolan börja byggas i januari 2022": so with a time.)
            tail = []
        elif _NAMED_AFTER_SOM.search(folded, 0, m.start()) and cues.DATED.search(folded, m.end()):
            tail = []  # "frågeställningar som Arbetsförmedlingen ska analysera och … återrapportera senast …"
        elif _RELATIVE_ENDED.search(folded, clause_start, m.start()):
            tail = []  # "Medel som inte har använts ska återbetalas": the relative clause had its own verb
        elif any(w in cues.SUBORDINATORS for w in tail) or "enligt" in left_words:
            continue  # "hur anmälan ska gå till", "Enligt rutinen ska rektor …": how things work
        elif left_words[:1] == ["om"] and not _TIME_AHEAD.search(folded, m.end()):
            # "Om myndigheten har fler än en hyresvärd ska kostnaderna fördelas per hyresvärd": a rule for a
            # case, however long the condition before it
            continue
        purpose = left_words[:2] == ["for", "att"] and len(left_words) > 2 and infinitive(left_words[2])
        if "att" in tail and not (purpose and "att" not in left_words[2:]):
            # ("För att förbättra arbetet ska en ny tjänst skapas": a fronted purpose has its own infinitive; the
            # "ska" after it is the main clause's.)
            idx = len(left_words) - 1 - left_words[::-1].index("att")
            # "beslutar att", "beslutar därmed att", "fastslogs också att": a decision's "ska" is an order.
            stated = cues.STATED_THAT.search(folded, 0, m.start())  # "Av svaret framgår att … ska"
            if not any(_DECIDES.match(w) for w in left_words[max(0, idx - 3) : idx]) and stated is None:
                continue
        inverted = (
            not tail and bool(after) and (after[0] in INVERTED_SUBJECT or COMMITTEE.fullmatch(after[0]) is not None)
        )
        # "Härnäst ska tekniska kontoret ta fram …": a unit named with its adjective after the fronted adverb.
        named_unit = not inverted and len(tail) <= 3 and len(after) > 2 and _NAMED_UNIT.fullmatch(" ".join(after[:2]))
        if inverted:
            left_words, after = [*left_words, after[0]], after[1:]
        elif len(after) > 2 and after[0] in _QUANTIFIERS:
            # "På vår förskola ska alla barn känna sig trygga", "ska inget barn bli diskriminerat": the subject
            # after "ska" is everyone of a kind; the verb after it says what holds for them
            left_words, after = [*left_words, *after[:2]], after[2:]
        elif named_unit:
            left_words, after = [*left_words, *after[:2]], after[2:]
            inverted = True
        verb = next((w for w in after if w not in cues.SKA_FILLERS), "")
        if inverted and not infinitive(verb):
            # "ska kommunstyrelsen varje kvartal få en rapport": a time between the subject and its verb
            verb = next((w for w in after[:4] if infinitive(w)), verb)
        if verb and not infinitive(verb):
            # "Snart ska samordnad provning i ambulansen påbörjas": a noun subject after the fronted time, and
            # the passive verb after it.
            later = next(
                (w for w in after[1:6] if (len(w) > 4 and w.endswith("as") and infinitive(w)) or w == "ske"), None
            )
            if later is not None:
                verb, inverted = later, True
        if verb == "kunna" and after.index("kunna") + 1 < len(after):
            # "ska kunna erbjuda Nattis under resten av 2016": being able to do it is the promise
            after = after[after.index("kunna") + 1 :]
            verb = next((w for w in after if w not in cues.SKA_FILLERS), "")
        if verb in ("inte", "ej", "icke"):
            continue
        if verb in ("vara", "bli"):
            nxt = after[after.index(verb) + 1] if after.index(verb) + 1 < len(after) else ""
            if cues.DONE_WORDS.match(nxt) or (_PARTICIPLE.match(nxt) and cues.DATED.search(folded, m.end())):
                # "ska vara klar", "ska vara inventerade till år 2025": a state reached by a time is a completion
                best = max(best, MEDIUM)
            continue
        if verb == "ha":
            rest = after[after.index(verb) + 1 :]
            ready = any(cues.DONE_WORDS.match(w) for w in rest[1:8])
            if _SUPINE.match(rest[0] if rest else "") or (ready and cues.TIME_HINT.search(folded)):
                # "ska ha genomgått utbildningen senast i oktober", "Under våren ska vi ha ett förslag … färdigt":
                # a completion by a time
                best = max(best, MEDIUM)
            continue
        if _manner_of_work(verb, after, left_words, folded):
            continue  # "ska samråda med …", "ska belasta anslag 1:1": how the task is done or paid, not a task
        if verb == "ske":
            # "Uppföljning ska ske årligen": a rule; a rhythm or date makes it a promise. A next step is one:
            # "Därefter skall upphandling av entreprenör ske".
            best = max(best, MEDIUM if _NEXT_STEP.intersection(left_words[-3:]) else WEAK)
            continue
        if verb == "fa" and _REPORT_RECEIVED.search(" ".join(after[after.index(verb) + 1 : after.index(verb) + 4])):
            best = max(best, MEDIUM)  # "Kommunstyrelsen ska få en rapport varje kvartal": a report owed to it
            continue
        if verb in _REGARDED and "som" in after[after.index(verb) + 1 : after.index(verb) + 3]:
            continue  # "Hela regionen ska ses som upptagningsområde": how a thing is regarded, no act
        enables = verb == "gora" and after[after.index(verb) + 1 : after.index(verb) + 3] == ["det", "mojligt"]
        if verb == "mojliggora" or enables:
            continue  # "Förslaget ska göra det möjligt för regeringen att följa upp …": what it is for, no act
        subject = " ".join(left_words[-8:])
        if not verb or (verb in cues.STATIVE_AFTER_SKA and not _acts(verb, after, subject)):
            continue
        passive = verb.endswith("as") or verb in ("ses", "ges", "nas", "fas")
        # "Myndigheten ska redovisa sina kostnader …": an agency's duty to report, as a regleringsbrev sets it
        reports = verb in _REPORT_VERBS and _AGENCY_SUBJECT.search(subject) is not None
        best = max(best, MEDIUM if passive or inverted or reports or cues.ACTOR.search(subject) else WEAK)
    return best


_PAID_OR_FILED = re.compile(
    r"(?:\w+ ){0,2}?(?:efter fakturering|mot faktura|i informationssystemet|i hermes|enligt instruktion)"
)
_REGARDED = frozenset({"ses", "betraktas", "raknas", "anses", "uppfattas", "tolkas", "definieras"})
_REPORT_VERBS = frozenset({"redovisa", "aterrapportera", "rapportera", "redogora", "inkomma"})
_AGENCY_SUBJECT = re.compile(r"(?:^|\s)(?:myndigheten|verket|\w+myndigheten|\w+verket|\w+styrelsen|\w+inspektionen)$")


# A relative clause that has its own verb before "ska" ("som inte har använts ska"): "ska" is the main clause's.
_RELATIVE_ENDED = re.compile(
    r"\bsom\s+(?:(?:inte\s+|redan\s+)?(?:har|hade)\s+\w{3,}(?:ts|tt|it|at)|(?:inte|redan)\s+\w{3,}ts)\b[^,;]{0,40}$"
)
# A named actor as the relative clause's subject, right before "ska": the task is theirs.
_NAMED_AFTER_SOM = cues.sv(
    r"\bsom\s+(?:[\w-]+(?:verket|myndigheten|inspektionen|styrelsen|rådet|ämbetet|förmedlingen|kassan|nämnden"
    r"|förvaltningen)|regeringen|kommunen|regionen)\s+$"
)
_REPORT_RECEIVED = re.compile(r"\b(?:\w*rapport\w*|\w*redovisning\w*|aterkoppling|information)\b")
# "-ad", "-dd", and the short forms of doing and building (folded): "utförd", "utfört", "byggda".
_PARTICIPLE = re.compile(r"\w{3,}(?:ade|ad|at|dd|dda|gjord|gjorda|gjort)$|\w{2,}or(?:d|t|da)$|\w*ygg(?:d|t|da)$")
# Verbs of deciding, before "att … ska": the "ska" is what was decided, not how things work.
_DECIDES = re.compile(
    r"(?:beslut(?:ar|ade|at|s|ades|its)?|beslot|foresla\w*|uppdra(?:r|s|git)?|uppdrog|bestamt|bestamm\w*"
    r"|fastsl\w*|faststall\w*)$"
)

# Subjects that can follow "ska" in a main clause's inversion: "… ska myndigheten", "… ska förvaltningen".
INVERTED_SUBJECT = frozenset({"myndigheten", "verket", "regeringen", "forvaltningen", "namnden", "styrelsen"})
_NEXT_STEP = frozenset({"darefter", "sedan", "darpa"})
# An agency named as the subject after "ska": "För de åtgärder där inte annat framgår ska Tillväxtverket …".
AGENCY_WORD = re.compile(
    r"\w+(?:verket|myndigheten|inspektionen|styrelsen|ambetet|radet|kollegiet|institutet|kassan|formedlingen)"
)
# A committee or board as the subject after "ska": "ska kommunstyrelsen varje kvartal få en rapport".
COMMITTEE = re.compile(r"\w*(?:namnden|styrelsen|fullmaktige|utskottet)")


# What only states an effect of a thing ("Åtgärderna ska bidra till …") is an act when an actor does it:
# "Länsstyrelsen Östergötland ska bidra med kompetensstöd", "Länsstyrelserna ska underlätta insatser".
_ACTOR_ACTS = {"bidra": "med", "underlatta": ""}


# "En utredning ska nu göras", "en ny översyn ska göras": a piece of work, new and indefinite, is to be done.
# Definite, the work is already known and the sentence says how ("Bedömningen ska göras utifrån …").
_A_PIECE_OF_WORK = re.compile(
    r"(?:^|\s)(?:en|ett)\s+(?:\w+a\s+|ny\s+|nytt\s+)?"
    r"(?:\w*(?:utredning|oversyn|kartlaggning|analys|utvardering|uppfoljning|inventering|genomgang|forstudie"
    r"|sammanstallning|revidering|undersokning|granskning|bedomning|upphandling)|\w+ning)"
    # "En utredning med denna inriktning ska …", "En översyn av reglementet ska …"
    r"(?:\s+(?:med|om|av|kring|over|for|inom)\s+\w+(?:\s+\w+){0,3})?$"
)


_QUANTIFIERS = frozenset({"alla", "inget", "ingen", "inga", "varje", "samtliga"})
_NAMED_UNIT = re.compile(r"\w+a\s+(?:kontoret|forvaltningen|enheten|avdelningen|namnden|staben|sektorn)")


def _acts(verb: str, after: list[str], subject: str) -> bool:
    """Is this verb, stative for a thing, an act: of the actor that is the subject, or with its particle
    ("ska gå igenom synpunkterna" reviews, "ska gå till" only says how)?"""
    rest = after[after.index(verb) + 1 :]
    if verb == "ga":
        return rest[:1] == ["igenom"]
    if verb == "goras":
        return _A_PIECE_OF_WORK.search(subject) is not None
    if verb not in _ACTOR_ACTS or not (cues.ACTOR.search(subject) or AGENCY_WORD.search(subject)):
        return False
    return not _ACTOR_ACTS[verb] or rest[:1] == [_ACTOR_ACTS[verb]]


def _inverted(after: list[str]) -> bool:
    """Does "ska" stand before its subject and an action verb ("ska myndigheten presentera")?"""
    if len(after) < 2 or not (after[0] in INVERTED_SUBJECT or AGENCY_WORD.fullmatch(after[0])):
        return False
    return _acting(after)


def _definite_inverted(after: list[str]) -> bool:
    """Does "ska" stand before a definite subject and an action verb ("ska förskolan börja byggas")?

    A subject between "ska" and its verb stands so only in a main clause, whatever was fronted before it; but
    after a fronted condition ("Om barnet är sjukt ska vårdnadshavaren meddela …") the main clause may be a
    routine's rule, so the caller asks for a time too.
    """
    if len(after) < 2 or not infinitive(after[1]):
        return False
    definite = after[0] == "man" or (
        len(after[0]) > 4 and after[0].endswith(("en", "et", "an")) and after[0] not in _NOT_NOUNS
    )
    return definite and _acting(after)


def _acting(after: list[str]) -> bool:
    verb = next((w for w in after[1:] if w not in cues.SKA_FILLERS), "")
    return bool(verb) and verb not in cues.STATIVE_AFTER_SKA and verb not in ("inte", "ej", "icke")


# A time after the verb, on word boundaries ("vårdnadshavaren" names no spring).
_TIME_AHEAD = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november"
    r"|december|varen|vart|hosten|host|sommaren|sommar|vintern|vinter|senast|infor|vecka|arsskiftet)\b"
    r"|\b(?:kvartal|termin|lasaret)"
)
# Words ending like a definite noun that are not one.
_NOT_NOUNS = frozenset({"sedan", "redan", "innan", "utan", "igen", "annan", "heller", "egen", "hellre", "emellan"})


def _manner_of_work(verb: str, after: list[str], left_words: list[str], folded: str) -> bool:
    """Does this "ska" say how a task is to be done, paid for or reported, rather than give one?

    Government decisions surround each task with such sentences ("Uppdraget ska genomföras i nära dialog
    med …", "Kostnaderna ska belasta anslag …", "För- och nackdelar ska redovisas"); readers of real
    decisions count the task and its dated reports, never these. A date keeps a report ("Uppdraget ska
    redovisas senast den 4 september 2020").
    """
    if cues.MANNER_VERBS.intersection(after[:8]) or (left_words and left_words[-1] == "hansyn"):
        return True  # "ska vid genomförandet av uppdraget även samråda med …"
    if verb == "anvandas":
        return True  # "Pengarna ska i första hand användas för att stödja …": what money is spent on
    rest = " ".join(after[after.index(verb) + 1 :]) if verb in after else ""
    if verb == "ske" and cues.MANNER_AFTER_SKE.match(rest):
        return True
    dated = bool(cues.DATED.search(folded))
    if verb in cues.DONE_HOW_VERBS and cues.MANNER_PHRASE.search(rest) and not dated:
        return True
    if verb == "det" and rest.startswith(("framga", "aven framga", "ocksa framga")):
        return True  # "Av redovisningen ska det framgå …": what a report contains
    if verb == "laggas" and rest.startswith("vid") and left_words[-1:] in (["vikt"], ["tonvikt"], ["fokus"]):
        return True  # "Särskild vikt ska läggas vid …": what to stress, not what to do
    if verb in ("betalas", "utbetalas", "lamnas") and _PAID_OR_FILED.match(rest) and not dated:
        return True  # "Beloppet ska betalas efter fakturering", "Prognoserna ska lämnas i Hermes enligt instruktion"
    return (
        bool(cues.CONTENT_VERBS.intersection(after[:2]))
        and not dated
        and not cues.ACTOR.search(" ".join(left_words[-3:]))
    )


def infinitive(word: str) -> bool:
    """Can this word after a bare "kommer" be its infinitive ("följa", "göra", "ske", "genomföras")?"""
    if word in cues.SHORT_INFINITIVES:
        return True
    if word.endswith(_DEFINITE_PLURAL):
        return False  # "kommer kostnaderna för pensionerna att öka": nouns, the verb comes after "att"
    return len(word) >= 4 and word.endswith(("a", "as")) and word not in cues.NOT_INFINITIVE


# A noun's definite plural ("kostnaderna", "skolorna", "verksamheterna"); no verb ends so.
_DEFINITE_PLURAL = ("erna", "arna", "orna")


def only_manner(folded: str) -> bool:
    """Is every "ska" in the sentence one that says how a task is done, paid or reported?"""
    seen = False
    for m in cues.SKA.finditer(folded):
        left_words = _WORDS.findall(folded[: m.start()])[-8:]
        after = _WORDS.findall(folded[m.end() : m.end() + 80])
        verb = next((w for w in after if w not in cues.SKA_FILLERS), "")
        if not _manner_of_work(verb, after, left_words, folded):
            return False
        seen = True
    return seen
