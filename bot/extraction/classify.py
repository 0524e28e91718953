"""Is a sentence a commitment, a recommendation, or neither? Cues with strengths.

The classifier reads cues, not grammar: a promise cue ("kommer att", "avser",
"planerar", "beräknas vara klar", "ett arbete pågår", a "ska" in a main clause
with an acting subject or a passive action verb) gives a strength; what is done
already, an assessment, a goal statement, a question or a negation vetoes a
weak cue; a hedge ("sannolikt") weakens. Structure (an "att"-list after "Svar:
Vi kommer", an answer block) is added by the caller, which knows the layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction import cues
from bot.extraction.clauses import assesses, future_after_past, in_relative_clause, main_clause_past

__all__ = ["Cue", "commitment_cue", "is_recommendation", "ska_strength", "starts_anaphoric"]

# Strengths (the base of a commitment's confidence; see scoring.py).
STRONG = 0.6
MEDIUM = 0.5
WEAK = 0.35


@dataclass(frozen=True)
class Cue:
    strength: float
    reason: str  # "kommer_att", "intent", "plan", "completion", "ongoing", "assign", "ska", "continue"
    hedged: bool = False


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
        if _inverted(after):
            # "Om myndigheten bedömer att arbetet bör fortsätta ska myndigheten presentera …": the subject after
            # "ska" is a main clause's inversion after a fronted clause; no subordinate clause is written so.
            tail = []
        elif _NAMED_AFTER_SOM.search(folded, 0, m.start()) and cues.DATED.search(folded, m.end()):
            tail = []  # "frågeställningar som Arbetsförmedlingen ska analysera och … återrapportera senast …"
        elif any(w in cues.SUBORDINATORS for w in tail) or "enligt" in left_words:
            continue  # "hur anmälan ska gå till", "Enligt rutinen ska rektor …": how things work
        if "att" in tail:
            idx = len(left_words) - 1 - left_words[::-1].index("att")
            # "beslutar att", "beslutar därmed att", "fastslogs också att": a decision's "ska" is an order.
            stated = cues.STATED_THAT.search(folded, 0, m.start())  # "Av svaret framgår att … ska"
            if not any(_DECIDES.match(w) for w in left_words[max(0, idx - 3) : idx]) and stated is None:
                continue
        inverted = (
            not tail and bool(after) and (after[0] in _INVERTED_SUBJECT or _COMMITTEE.fullmatch(after[0]) is not None)
        )
        if inverted:
            left_words, after = [*left_words, after[0]], after[1:]
        verb = next((w for w in after if w not in cues.SKA_FILLERS), "")
        if inverted and not _infinitive(verb):
            # "ska kommunstyrelsen varje kvartal få en rapport": a time between the subject and its verb
            verb = next((w for w in after[:4] if _infinitive(w)), verb)
        if verb and not _infinitive(verb):
            # "Snart ska samordnad provning i ambulansen påbörjas": a noun subject after the fronted time, and
            # the passive verb after it.
            later = next(
                (w for w in after[1:6] if (len(w) > 4 and w.endswith("as") and _infinitive(w)) or w == "ske"), None
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
            nxt = after[after.index(verb) + 1] if after.index(verb) + 1 < len(after) else ""
            if _SUPINE.match(nxt):
                best = max(best, MEDIUM)  # "ska ha genomgått utbildningen senast i oktober": a completion
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
        if not verb or verb in cues.STATIVE_AFTER_SKA:
            continue
        subject = " ".join(left_words[-8:])
        passive = verb.endswith("as") or verb in ("ses", "ges", "nas", "fas")
        best = max(best, MEDIUM if passive or inverted or cues.ACTOR.search(subject) else WEAK)
    return best


# A named actor as the relative clause's subject, right before "ska": the task is theirs.
_NAMED_AFTER_SOM = cues.sv(
    r"\bsom\s+(?:[\w-]+(?:verket|myndigheten|inspektionen|styrelsen|rådet|ämbetet|förmedlingen|kassan|nämnden"
    r"|förvaltningen)|regeringen|kommunen|regionen)\s+$"
)
_REPORT_RECEIVED = re.compile(r"\b(?:\w*rapport\w*|\w*redovisning\w*|aterkoppling|information)\b")
_PARTICIPLE = re.compile(r"\w{3,}(?:ade|ad|at|dd|dda|gjord|gjorda|gjort)$")
# Verbs of deciding, before "att … ska": the "ska" is what was decided, not how things work.
_DECIDES = re.compile(
    r"(?:beslut(?:ar|ade|at|s|ades|its)?|beslot|foresla\w*|uppdra(?:r|s|git)?|uppdrog|bestamt|bestamm\w*"
    r"|fastsl\w*|faststall\w*)$"
)

# A task told as news ("Dessutom fick kommunchefen i uppdrag att …", "Nämnden gav klartecken …"): to do.
_GIVEN_NEWS = re.compile(r"\b(?:fick|gavs|gav)\b")
# A task given earlier ("har fått i uppdrag att …"): to do only with a time to do it by.
_GIVEN_EARLIER = re.compile(r"\bhar\s+(?:fatt|gett|givit)\b")
_DONE = re.compile(r"\b(?:genomfor[dt]s?|slutfor[dt]s?|avslutat?s?|klart|redovisat|genomforde|slutforde)\b")

# Subjects that can follow "ska" in a main clause's inversion: "… ska myndigheten", "… ska förvaltningen".
_INVERTED_SUBJECT = frozenset({"myndigheten", "verket", "regeringen", "forvaltningen", "namnden", "styrelsen"})


# A time phrase with its preposition ("i början på 2019", "under hösten"), not a year naming a thing ("i samband
# med budgeten 2027").
_TIMED = re.compile(
    r"\b(?:i|under|senast|till|fore|innan|infor|pa)\s+(?!samband\b)(?:\w+\s+){0,3}?"
    r"(?:(?:19|20)\d\d\b|(?:jan|feb|mars|apr|maj|jun|jul|aug|sep|okt|nov|dec|var|host|sommar|vinter)\w*)"
)
_NEXT_STEP = frozenset({"darefter", "sedan", "darpa"})
# A committee or board as the subject after "ska": "ska kommunstyrelsen varje kvartal få en rapport".
_COMMITTEE = re.compile(r"\w*(?:namnden|styrelsen|fullmaktige|utskottet)")
_INVERSION = re.compile(
    r"\bska(?:ll)?\s+(?:"
    + "|".join(sorted(_INVERTED_SUBJECT))
    + r"|\w*(?:namnden|styrelsen|fullmaktige|utskottet))\s+\w"
)


def _inverted(after: list[str]) -> bool:
    """Does "ska" stand before its subject and an action verb ("ska myndigheten presentera")?"""
    if len(after) < 2 or after[0] not in _INVERTED_SUBJECT:
        return False
    verb = next((w for w in after[1:] if w not in cues.SKA_FILLERS), "")
    return bool(verb) and verb not in cues.STATIVE_AFTER_SKA and verb not in ("inte", "ej", "icke")


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
    return (
        bool(cues.CONTENT_VERBS.intersection(after[:2]))
        and not dated
        and not cues.ACTOR.search(" ".join(left_words[-3:]))
    )


# "kommer" without "att" is how many officials write the future; a shade less sure than with it.
_BARE_KOMMER = STRONG - 0.05


def _kommer(folded: str) -> list[tuple[int, str, str, float]]:
    """Each "kommer (att) VERB" of the sentence: where it starts, the verb, the word after it, how strong."""
    out: list[tuple[int, str, str, float]] = []
    for m in cues.KOMMER_ATT.finditer(folded):
        # "Det kommer leda till att fler får stöd": the "att" is the bare verb's, which comes first.
        gap = folded[m.start() : m.start("verb")].split()[1:-1]
        # "kommer det huvudsakliga arbetet att ske": a word in -a after an article is an adjective, not a verb
        bare = next(
            (i for i, word in enumerate(gap) if _infinitive(word) and (i == 0 or gap[i - 1] not in _ARTICLES)),
            None,
        )
        if bare is None:
            out.append((m.start(), m["verb"], m["next"] or "", STRONG))
        else:
            out.append((m.start(), gap[bare], (gap[bare + 1 :] or [""])[0], _BARE_KOMMER))
    taken = {start for start, *_ in out}
    for m in cues.KOMMER_BARE.finditer(folded):
        if m.start() in taken:
            continue
        words = m["rest"].split()
        for i, word in enumerate(words):
            if word in ("inte", "ej", "icke"):
                out.append((m.start(), word, "", _BARE_KOMMER))
                break
            if _infinitive(word):
                out.append((m.start(), word, words[i + 1] if i + 1 < len(words) else "", _BARE_KOMMER))
                break
    return out


_ARTICLES = frozenset(
    {"det", "den", "de", "en", "ett", "detta", "denna", "dessa", "var", "vart", "vara", "sin", "sitt"}
)


def _infinitive(word: str) -> bool:
    """Can this word after a bare "kommer" be its infinitive ("följa", "göra", "ske", "genomföras")?"""
    if word in cues.SHORT_INFINITIVES:
        return True
    return len(word) >= 4 and word.endswith(("a", "as")) and word not in cues.NOT_INFINITIVE


# A service the body will offer, not a state that will be: "Drive in-röstning kommer att vara möjlig vardagar".
_OFFERED = re.compile(r"(?:mojlig|tillganglig|oppen|oppet|oppna|bemannad)\w*$")


# A time for a plan told as a noun: a year, a month, a season, a term, a holiday ("efter höstlovet"); a bare
# number is a quantity ("Planen är att området ska få cirka 500 lägenheter").
_AIM_TIME = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:jan|feb|mars|apr|maj|jun|jul|aug|sep|okt|nov|dec)|\b(?:var|host|sommar|vinter)\w*"
    r"|\w*lovet\b|\bsenast\b|\binnan\b|\bfore\b|\binfor\b|\bvecka\b|\bkvartal|\btermin|\blasar|\barsskift"
)


def commitment_cue(folded: str) -> Cue | None:
    """The strongest promise cue in a folded sentence, or None (vetoes applied)."""
    if cues.QUESTION.search(folded) or cues.GOAL.search(folded) or cues.HOW_IT_WORKS.search(folded):
        return None
    if cues.PROPOSERS_WISH.search(folded):
        return None  # what the motion asks for; the answer to it says what will be done
    if cues.HOPE.search(folded) and not _AIM_TIME.search(folded):
        return None  # "Förhoppningen är att det ska bli klart så fort som möjligt": a hope, not a promise
    negated = bool(cues.NEGATED.search(folded))
    hedged = bool(cues.HEDGE.search(folded))
    found: list[Cue] = []
    for start, verb, nxt, strength in _kommer(folded):
        if verb in ("inte", "ej", "icke") or in_relative_clause(folded, start):
            continue  # "… vilka fastigheter som kommer att ingå": what is described, not promised
        offered = verb == "vara" and nxt is not None and _OFFERED.match(nxt) is not None
        if verb in cues.PREDICTION_VERBS and not (verb == "krava" and nxt == "in") and not offered:  # "kräva in" acts
            if verb in ("vara", "bli") and nxt and cues.DONE_WORDS.match(nxt):
                found.append(Cue(strength, "completion"))
            elif cues.ACTOR.search(folded[:start]) and not cues.ANAPHORIC_SUBJECT.match(folded):
                # "Socialtjänsten och skolan kommer att ha gemensamma möten": an actor's plan, if a weak one.
                found.append(Cue(WEAK, "kommer_att"))
            else:
                hedged = True  # "Detta kommer att bidra till …" predicts
            continue
        found.append(Cue(strength, "kommer_att"))
    intent = cues.INTENT.search(folded)
    if intent is not None and not in_relative_clause(folded, intent.start()):
        # "De åtgärder regeringen avser att vidta …", "Förskolor som … ämnar fortsätta": described, not promised
        found.append(Cue(STRONG, "intent"))
    if cues.COMPLETION.search(folded):
        found.append(Cue(STRONG - 0.05, "completion"))
    if cues.ONGOING.search(folded):
        found.append(Cue(MEDIUM, "ongoing"))
    plan = cues.PLAN.search(folded)
    if plan is not None and (not in_relative_clause(folded, plan.start()) or cues.DATED.search(folded, plan.end())):
        # not "vilka aktiviteter som planeras framåt", described; "något som planeras första kvartalet 2018" is dated
        found.append(Cue(MEDIUM, "plan"))
    decides = cues.DECIDES_TO.search(folded)
    if (
        decides is not None
        and _infinitive(decides["verb"])  # "beslutar att revidera", not "beslutar att Chalmers får …"
        and decides["verb"] not in cues.FORMAL_DECISIONS
        and not cues.AUDIT_META.search(folded)
    ):
        found.append(Cue(MEDIUM, "assign"))
    if cues.ASSIGN.search(folded) and not cues.AUDIT_META.search(folded):
        found.append(Cue(MEDIUM, "assign"))
    ska = ska_strength(folded)
    if ska:
        found.append(Cue(ska, "ska"))
    if cues.REPORT_DUE.search(folded) and not cues.AUDIT_META.search(folded) and not cues.SAYS_WHAT.search(folded):
        found.append(Cue(MEDIUM, "report"))
    if cues.REPORTS_TO.search(folded) and cues.TIME_HINT.search(folded) and not cues.AUDIT_META.search(folded):
        found.append(Cue(MEDIUM, "report"))
    if cues.REPORTED_IN_RHYTHM.search(folded) and not cues.AUDIT_META.search(folded):
        found.append(Cue(MEDIUM, "report"))
    if (cues.REPORTS_BY.search(folded) or cues.ORDERED.search(folded)) and not cues.AUDIT_META.search(folded):
        found.append(Cue(MEDIUM, "report"))
    if cues.ANSWER_DUE.search(folded):
        found.append(Cue(MEDIUM, "report"))
    aim = cues.AIM_AT.search(folded)
    if aim is not None and _AIM_TIME.search(folded, aim.end()):
        found.append(Cue(MEDIUM, "plan"))
    scheduled = cues.SCHEDULED.search(folded) or cues.READY_AT.search(folded)
    if scheduled and in_relative_clause(folded, scheduled.start()) and not _TIMED.search(folded, scheduled.end()):
        # "de medel … som beslutas i samband med …": described, not scheduled; "förslag … som presenteras för
        # tekniska nämnden i början på 2019" is dated
        scheduled = None
    if scheduled and cues.TIME_HINT.search(folded) and not cues.CURRENT.search(folded):
        # "… följs redan i dag upp månadsvis" is how things are done now
        found.append(Cue(WEAK, "scheduled"))
    if cues.STARTS_AT.search(folded) and (cues.TIME_HINT.search(folded) or cues.SOON.search(folded)):
        found.append(Cue(WEAK + 0.1, "plan"))
    if cues.RETURN_WITH.search(folded):
        found.append(Cue(MEDIUM, "return"))
    if cues.CONTINUE.search(folded) or (cues.CONTINUES_WORK.search(folded) and cues.TIME_HINT.search(folded)):
        found.append(Cue(WEAK + 0.05, "continue"))
    if not found:
        return None
    best = max(found, key=lambda c: c.strength)
    if negated and best.reason not in ("completion",):
        return None
    # After a fronted clause ("Om myndigheten bedömer att … ska myndigheten presentera …") only the main clause
    # is judged: the condition's assessment is not the sentence's.
    inversion = _INVERSION.search(folded)
    judged = folded[inversion.start() :] if inversion is not None and inversion.start() > 0 else folded
    # What was decided is judged, not the finding that led to it ("har identifierat brister och beslutar
    # därmed att utföraren ska åtgärda bristerna").
    decided = cues.DECIDED_THAT.search(judged) or cues.STATED_THAT.search(judged)
    judged = judged[decided.end() :] if decided is not None else judged
    past = main_clause_past(judged) and not future_after_past(judged)
    # A task given in the past tense with a time to do it by ("Nämnden gav klartecken för att handla upp …
    # under våren 2021") is still to be done, unless the sentence says it is done.
    given = (
        best.reason == "assign"
        and (
            _GIVEN_NEWS.search(judged) is not None
            or (_GIVEN_EARLIER.search(judged) is not None and cues.DATED.search(judged) is not None)
        )
        and not _DONE.search(judged)
    )
    if best.strength < STRONG and best.reason not in ("ongoing", "completion", "report") and past and not given:
        # "har tagits fram och ska gälla": a done thing described, not a promise.
        return None
    if best.reason == "continue" and (past or cues.ASSESSMENT.search(folded)):
        return None
    if best.strength <= MEDIUM and best.reason != "assign" and assesses(judged):
        # A task given is a promise whatever it asks for ("uppdrar åt Jordbruksverket att bedöma …").
        return None
    if best.reason in ("ska", "completion") and _only_manner(folded):
        return None  # "Uppdraget ska genomföras i nära dialog med …": how, not what
    return Cue(best.strength, best.reason, hedged)


def _only_manner(folded: str) -> bool:
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


def is_recommendation(folded: str, *, auditors_speak: bool) -> bool:
    """Does this sentence recommend? `auditors_speak` is True where the auditors are the voice (a report).

    In an answer, a bare "bör" is the answering side's own opinion; only a sentence
    that names the auditors or "rekommenderar" recommends.
    """
    if cues.QUESTION.search(folded):
        return False
    if cues.RECOMMEND.search(folded):
        return auditors_speak or bool(cues.AUDITOR_VOICE.search(folded))
    if cues.SHOULD.search(folded) and not cues.SHOULD_DISCOURSE.search(folded):
        return auditors_speak or bool(cues.AUDITOR_VOICE.search(folded))
    return False


_ANAPHOR = cues.sv(
    r"^\W*(?:därefter|därpå|efter\s+det|detta|det|denna|dessa|den|de|arbetet|uppdraget|insatsen|insatserna|åtgärden|åtgärderna|resultatet"
    r"|resultaten|planen|rutinen|rutinerna|analysen|utvärderingen|uppföljningen|redovisningen|återrapporteringen"
    r"|projektet|översynen|utredningen|revideringen|handlingsplanen|genomförda|vidtagna|planerade)\b"
)
_DEFINITE = re.compile(r"^\W*([^\W\d_]{4,}(?:en|et|na|erna|arna|orna))\b")


def starts_anaphoric(folded: str, previous: str) -> bool:
    """Does the sentence start by pointing back ("Detta", "Arbetet", "Den reviderade överenskommelsen")?

    A definite noun counts when its stem occurs in the previous text ("Analysen"
    after "analysera", "Överenskommelsen" after "BUS-överenskommelsen").
    """
    if _ANAPHOR.match(folded):
        return True
    m = _DEFINITE.match(folded)
    if m is None or cues.ACTOR.fullmatch(m.group(1)):
        return False  # "Nämnden återkommer …" names the committee; it does not point back
    word = m.group(1)
    stem = word[: max(4, len(word) - 3)]
    return stem in previous
