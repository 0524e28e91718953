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

from bot.extraction import cues, schedule_cues
from bot.extraction.clauses import (
    assesses,
    future_after_past,
    in_relative_clause,
    just_after_relative,
    main_clause_past,
)
from bot.extraction.ska import AGENCY_WORD, COMMITTEE, INVERTED_SUBJECT, infinitive, only_manner, ska_strength
from bot.extraction.strengths import MEDIUM, STRONG, WEAK

__all__ = ["MEDIUM", "STRONG", "WEAK", "Cue", "commitment_cue", "is_recommendation", "ska_strength", "starts_anaphoric"]


@dataclass(frozen=True)
class Cue:
    strength: float
    reason: str  # "kommer_att", "intent", "plan", "completion", "ongoing", "assign", "ska", "continue"
    hedged: bool = False


# A task told as news ("Dessutom fick kommunchefen i uppdrag att …", "Nämnden gav klartecken …"): to do.
_GIVEN_NEWS = re.compile(r"\b(?:fick|gavs|gav)\b")
# A task given earlier ("har fått i uppdrag att …", "har i dag gett …"): to do only with a time to do it by.
_GIVEN_EARLIER = re.compile(r"\bhar\s+(?:(?!inte\b|ej\b)\w+\s+){0,2}?(?:fatt|gett|givit)\b")
_DONE = re.compile(r"\b(?:genomfor[dt]s?|slutfor[dt]s?|avslutat?s?|klart|redovisat|genomforde|slutforde)\b")

# A time phrase with its preposition ("i början på 2019", "under hösten"), not a year naming a thing ("i samband
# med budgeten 2027").
_TIMED = re.compile(
    r"\b(?:i|under|senast|till|fore|innan|infor|pa)\s+(?!samband\b)(?:\w+\s+){0,3}?"
    r"(?:(?:19|20)\d\d\b|(?:jan|feb|mars|apr|maj|jun|jul|aug|sep|okt|nov|dec|var|host|sommar|vinter)\w*)"
)
_INVERSION = re.compile(
    r"\bska(?:ll)?\s+(?:"
    + "|".join(sorted(INVERTED_SUBJECT))
    + "|"
    + COMMITTEE.pattern
    + "|"
    + AGENCY_WORD.pattern
    + r")\s+\w"
)


# "kommer" without "att" is how many officials write the future; a shade less sure than with it.
_BARE_KOMMER = STRONG - 0.05


# "kommer det huvudsakliga arbetet att ske": an article before a word in -a makes it an adjective.
_ARTICLES = frozenset(
    {"det", "den", "de", "en", "ett", "detta", "denna", "dessa", "var", "vart", "vara", "sin", "sitt"}
)


def _verb_at(folded: str, start: int, verb: str) -> int:
    """Where the verb of the "kommer (att) VERB" at `start` is (its subject, if inverted, is before it)."""
    at = folded.find(f" {verb}", start)
    return at if at >= 0 else start


def _kommer(folded: str) -> list[tuple[int, str, str, float]]:
    """Each "kommer (att) VERB" of the sentence: where it starts, the verb, the word after it, how strong."""
    out: list[tuple[int, str, str, float]] = []
    for m in cues.KOMMER_ATT.finditer(folded):
        # "Det kommer leda till att fler får stöd": the "att" is the bare verb's, which comes first.
        gap = folded[m.start() : m.start("verb")].split()[1:-1]
        # "kommer det huvudsakliga arbetet att ske": a word in -a after an article is an adjective, not a verb
        bare = next(
            (i for i, word in enumerate(gap) if infinitive(word) and (i == 0 or gap[i - 1] not in _ARTICLES)),
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
            if infinitive(word):
                out.append((m.start(), word, words[i + 1] if i + 1 < len(words) else "", _BARE_KOMMER))
                break
    return out


# An indirect question after a verb of reading or learning: "läsa mer om hur vi kommer att arbeta", "får vi veta
# hur det kommer att se ut"; or of deciding: "budgetarna avgör vilka åtgärder som kommer att genomföras".
_ASKS_WHAT = re.compile(
    r"\b(?:lasa|las|veta|vet|se|beratta|berattar|fragor|undrar|undra|avgor|avgora|bestammer|styr)\s+(?:mer\s+)?(?:om\s+)?"
    r"(?:hur|vad|varfor|vilka|vilket|vilken|nar)\s+(?:[^\s,.;]+\s+){0,4}$"
)
_ASKS_REACH = 80
_HOW_CLAUSE = re.compile(r"\b(?:hur|vad|varfor)\s+(?:[^\s,.;]+\s+){0,3}$")


# A service the body will offer, not a state that will be: "Drive in-röstning kommer att vara möjlig vardagar".
_OFFERED = re.compile(r"(?:mojlig|tillganglig|oppen|oppet|oppna|bemannad)\w*$")


# A time for a plan told as a noun: a year, a month, a season, a term, a holiday ("efter höstlovet"); a bare
# number is a quantity ("Planen är att området ska få cirka 500 lägenheter").
_AIM_TIME = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:jan|feb|mars|apr|maj|jun|jul|aug|sep|okt|nov|dec)|\b(?:var|host|sommar|vinter)\w*"
    r"|\w*lovet\b|\bsenast\b|\binnan\b|\bfore\b|\binfor\b|\bvecka\b|\bkvartal|\btermin|\blasar|\barsskift"
)


# A clause of condition or time open before a word ("När ett nytt projekt startar, anmäls …"): what starts there
# is the condition of a routine, not a start planned.
_CONDITION_OPEN = re.compile(r"\b(?:nar|om|innan|sa\s+snart)\s[^,;.]*$")


def commitment_cue(folded: str) -> Cue | None:
    """The strongest promise cue in a folded sentence, or None (vetoes applied)."""
    # "Planen är att … under 2021"; a priority names its year before: "En prioritering för 2021 är att …"
    aim = cues.AIM_AT.search(folded)
    aimed = aim is not None and _AIM_TIME.search(folded, aim.start() if aim["priority"] else aim.end()) is not None
    # "Målet är att under 2018 ta fram en handlingsplan": a goal that is an act by a time is a plan, not a goal
    acts_by = aimed and aim is not None and aim["goal"] is not None
    if cues.QUESTION.search(folded) or (cues.GOAL.search(folded) and not acts_by) or cues.HOW_IT_WORKS.search(folded):
        return None
    if cues.PROPOSERS_WISH.search(folded):
        return None  # what the motion asks for; the answer to it says what will be done
    if cues.CONFIDENT.search(folded):
        return None  # "… är jag trygg med att vi kommer att hitta en bra grund": confidence, not a plan
    if cues.DECLARED_DONE.search(folded):
        return None  # "Uppdraget att återkomma med förslag … förklaras slutfört": done, by this decision
    if cues.HOPE.search(folded) and not _AIM_TIME.search(folded):
        return None  # "Förhoppningen är att det ska bli klart så fort som möjligt": a hope, not a promise
    negated = bool(cues.NEGATED.search(folded))
    hedged = bool(cues.HEDGE.search(folded))
    found: list[Cue] = []
    for start, verb, nxt, strength in _kommer(folded):
        if verb in ("inte", "ej", "icke") or in_relative_clause(folded, start):
            continue  # "… vilka fastigheter som kommer att ingå": what is described, not promised
        if _ASKS_WHAT.search(folded, max(0, start - _ASKS_REACH), start):
            continue  # "Här kan du läsa mer om hur vi kommer att arbeta": the page points to it, it promises nothing
        offered = verb == "vara" and nxt is not None and _OFFERED.match(nxt) is not None
        predicts = verb in cues.PREDICTION_VERBS or (
            verb in cues.EFFECT_VERBS and cues.ANAPHORIC_SUBJECT.match(folded) is not None
        )
        if predicts and not (verb == "krava" and nxt == "in") and not offered:  # "kräva in" acts
            if verb in ("vara", "bli") and nxt and cues.DONE_WORDS.match(nxt):
                found.append(Cue(strength, "completion"))
            elif (
                # the actor before "kommer", or after it in an inverted clause ("Från den 15 januari kommer
                # kulturskolan att erbjuda …")
                (cues.ACTOR.search(folded[:start]) or cues.ACTOR.search(folded, start, _verb_at(folded, start, verb)))
                and not cues.ANAPHORIC_SUBJECT.match(folded)
                and verb not in cues.UNDERGONE
            ):
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
    completion = cues.COMPLETION.search(folded)
    if completion is not None and (
        _HOW_CLAUSE.search(folded, max(0, completion.start() - 60), completion.start())
        or (
            just_after_relative(folded, completion.start(), 24)
            and not cues.DATED.search(folded, completion.end())
            and not _TIMED.search(folded, completion.end())
        )
    ):
        # "vilka åtgärder som ska genomföras" describes; "en plan som ska vara klar senast 2021" is dated
        completion = None
    if completion is not None:
        # not "Riktlinjer för hur kommunen ska genomföra medborgardialoger antogs": how, not what will be done
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
        and infinitive(decides["verb"])  # "beslutar att revidera", not "beslutar att Chalmers får …"
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
    if aimed:
        found.append(Cue(MEDIUM, "plan"))
    scheduled = schedule_cues.SCHEDULED.search(folded) or schedule_cues.READY_AT.search(folded)
    if scheduled and in_relative_clause(folded, scheduled.start()) and not _TIMED.search(folded, scheduled.end()):
        # "de medel … som beslutas i samband med …": described, not scheduled; "förslag … som presenteras för
        # tekniska nämnden i början på 2019" is dated
        scheduled = None
    if scheduled and cues.TIME_HINT.search(folded) and not cues.CURRENT.search(folded):
        # "… följs redan i dag upp månadsvis" is how things are done now
        found.append(Cue(WEAK, "scheduled"))
    starts = schedule_cues.STARTS_AT.search(folded)
    if (
        starts is not None
        and not _CONDITION_OPEN.search(folded, 0, starts.start())
        and (cues.TIME_HINT.search(folded) or schedule_cues.SOON.search(folded))
    ):
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
    ) or cues.TIME_GIVEN.search(judged) is not None
    # "Vi räknar med att gatan är klar i slutet av juni": what the plan expects may be told as done.
    planned = best.reason == "plan" and aimed
    if (
        best.strength < STRONG
        and best.reason not in ("ongoing", "completion", "report")
        and past
        and not given
        and not planned
    ):
        # "har tagits fram och ska gälla": a done thing described, not a promise.
        return None
    if best.reason == "continue" and (past or cues.ASSESSMENT.search(folded)):
        return None
    ordered = best.reason == "report" and cues.ORDERED.search(folded) is not None
    if best.strength <= MEDIUM and best.reason != "assign" and not ordered and assesses(judged):
        # A task given is a promise whatever it asks for ("uppdrar åt Jordbruksverket att bedöma …"), and so is an
        # order ("förelägger … kommunen att … senast den 29 april 2019 vidta åtgärder för att avhjälpa … brister").
        return None
    if best.reason in ("ska", "completion") and only_manner(folded):
        return None  # "Uppdraget ska genomföras i nära dialog med …": how, not what
    return Cue(best.strength, best.reason, hedged)


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
