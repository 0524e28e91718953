"""Reading a unit sentence by sentence: promises, the sentences that complete them, and recommendations.

Sentences of answer and body units are read for promise cues (classify). A
sentence that points back and carries a deadline, an owner or a report-back
("Arbetet beräknas vara slutfört innan sommaren", "X ansvarar för detta")
joins the commitment before it; a later "Den reviderade överenskommelsen
beräknas vara färdig senast i april 2023" joins the commitment in the same
answer whose words it repeats. A sentence that recommends is a recommendation.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from bot.extraction import cues, schedule_cues
from bot.extraction.classify import STRONG, Cue, starts_anaphoric
from bot.extraction.clauses import main_clause_past
from bot.extraction.drafts import Draft, Sentence, UnitText
from bot.extraction.merge import word_overlap
from bot.extraction.model import COMMITMENT, RECOMMENDATION
from bot.extraction.owners import owner_object
from bot.extraction.structure import Role
from bot.language.deadline import Deadline
from bot.language.periods import find_deadlines


class ReaderState(Protocol):
    """What a `SentenceReader` reads and adds to: the `Reader` of its document (``bot.extraction.reader``),
    named here so that the two modules do not import each other."""

    genre: str
    gives_task: bool
    document_date: date | None
    recs: list[Draft]
    table_recs: bool
    by_unit: dict[int, list[Draft]]
    by_block: dict[int, list[Draft]]
    last_rec: Draft | None
    owner_sentences: list[tuple[int, int | None, int, str, str | None]]

    def info(self, i: int) -> UnitText: ...

    def sentence(self, info: UnitText, start: int, end: int, *, timed: bool) -> Sentence: ...

    def answers_for(self, role: Role, unit_index: int, folded: str) -> Draft | None: ...

    def add(self, draft: Draft) -> None: ...

    def draft_folded(self, draft: Draft) -> str: ...

    def set_owner_from(self, draft: Draft, info: UnitText, start: int, end: int) -> None: ...


__all__ = ["SentenceReader"]

_DATED_FALLBACK = 0.4
_HABITUAL = 0.3
_ANSWER_ITEM = 0.4
_HABIT_VERB = cues.sv(
    r"\b\w{3,}(?:s)\s+upp\b|\b(?:görs|sker|genomförs|redovisas|rapporteras|återrapporteras|uppdateras|utvärderas"
    r"|revideras|stäms\s+av|följs\s+upp|ses\s+över|hålls|träffas|samlas|möts|följer\s+\S+\s+upp|följer\s+upp)\b"
)
_AUDITORS_PLAN = re.compile(r"^\W*(?:vi|revisor\w*|revisionen)\b|\b(?:kommer|avser|planerar)\s+vi\b")
# A task of its own, given or held: "får i uppdrag att", "har i sitt regleringsbrev i uppdrag att" (not "… i uppdrag
# att genomföra detta", which points back to the promise before it).
_OWN_TASK = re.compile(r"\bi\s+uppdrag\s+att\b(?!\s+(?:\w+\s+){0,2}?(?:detta|dessa|det|denna|arbetet|uppdraget)\b)")
_GIVEN_THEN = re.compile(r"\b(?:fick|gavs|gav|uppdrog|uppdrogs|beslutade|beslot)\b")
_STARTS_SOON = cues.sv(r"\b(?:påbörjas|inleds|startas|startar|initieras)\b|\binom\s+kort\b")
# "Då genomförs …": a time pointed back to.
_THEN = re.compile(r"^\W*(?:da|vid\s+det\s+tillfallet)\s")
# A paragraph opened by a year: "Under 2012 har Sida fått …", "För 2024 planerar nämnden …".
_FRAMED = re.compile(r"^\W*(?:under|for|i)\s+(?:(?:hela|ar)\s+)?(?P<year>(?:19|20)\d\d)\b(?!\s*(?:-|–|och)\s*\d)")
_INFINITIVE_START = re.compile(r"^\W*(?:att\s+)?[a-zåäö]{2,}a\b", re.IGNORECASE)
# An item that is only a body's name, its adjective first ("Tekniska nämnden" under "Delansvarig:"), is no act.
_ONLY_A_BODY = cues.sv(r"^\W*\w+a\s+\w*(?:nämnden|förvaltningen|styrelsen|enheten|avdelningen|kontoret|utskottet)\W*$")
_QUICK = cues.sv(
    r"kommer|avser|planer|ska\b|skall|beräknas|pågår|påbörja|uppdrag|fortsätt|ansvar|rekommend|\bbör\b|\bbor\b"
    r"|avsikt|ämnar|åtar|klar|färdig|väntas|planen|tanken|målsättning|ambitionen"
)


class SentenceReader:
    """Reads units sentence by sentence for the `Reader` of their document, adding the drafts it finds."""

    def __init__(self, reader: ReaderState) -> None:
        self.reader = reader
        self.frame: list[Deadline] = []  # the year the paragraph being read opens with, if it frames it

    def read(self, i: int, role: Role, *, intro: bool = False) -> None:
        """Read an answer or body unit sentence by sentence: promises with the sentences that complete them,
        and recommending sentences. Of a list's intro, only the promises before the sentence that opens the
        list ("Kommunen kommer att öva varje år. Det kommer leda till att:")."""
        info = self.reader.info(i)
        in_block = role.block is not None
        sents = self.sentences_of(i, role, info, in_block)
        if intro:
            sents = [sent for sent in sents[:-1] if not sent.rec]
        if role.role == "answer" and info.unit.kind == "item" and sents and self.read_whole_item(i, role, sents):
            return
        self.frame = self.framing_year(info, sents)
        k = 0
        while k < len(sents):
            k = self.read_from(i, role, sents, k)
        self.frame = []

    def framing_year(self, info: UnitText, sents: list[Sentence]) -> list[Deadline]:
        """The year a paragraph opens with ("Under 2012 har Sida fått fyra särskilda uppdrag. Bland annat ska vi
        …"), when it is not past at the document's date: the time of the undated promises after it."""
        framed = _FRAMED.match(sents[0].folded) if len(sents) >= 2 else None
        if framed is None:
            return []
        year = int(framed["year"])
        day = self.reader.document_date
        if day is not None and year < day.year:
            return []
        found = find_deadlines(info.unit.text[sents[0].start : sents[0].end], info.reference)
        return [d for d in found[:1] if d.dates and d.dates[-1].year == year]

    def sentences_of(self, i: int, role: Role, info: UnitText, in_block: bool) -> list[Sentence]:
        """The unit's sentences with their facts; an owner sentence without a promise is kept for later."""
        sents: list[Sentence] = []
        timed = (in_block or self.answering() or bool(_quick_cue(info.folded))) and bool(
            cues.TIME_HINT.search(info.folded)
        )
        previous_text = ""
        for s, e in info.sentences:
            sent = self.reader.sentence(info, s, e, timed=timed)
            sent.anaphoric = starts_anaphoric(sent.folded, previous_text)
            previous_text = previous_text[-400:] + " " + sent.folded
            sents.append(sent)
            if sent.owner and sent.cue is None:
                # "X ansvarar för detta": for the commitments before it, whether or not it joins one of them.
                self.reader.owner_sentences.append((i, role.block, sent.start, sent.owner, owner_object(sent.folded)))
        return sents

    def read_whole_item(self, i: int, role: Role, sents: list[Sentence]) -> bool:
        """A list item of an answer is one commitment if its first sentence promises (or starts "Att införa …")."""
        first = sents[0]
        cue = first.cue or self.fallback_cue(first, role.block is not None)
        if (
            cue is None
            and _INFINITIVE_START.match(first.folded)
            and not _ONLY_A_BODY.match(first.folded)
            and not first.past
            and not first.assessment
        ):
            cue = Cue(_ANSWER_ITEM, "item")
        if cue is None or first.rec:
            return False
        self.emit(i, role, [(0, len(self.reader.info(i).unit.text))], cue, sents)
        return True

    def read_from(self, i: int, role: Role, sents: list[Sentence], k: int) -> int:
        """Read the finding that starts at sentence `k`, if any; the index of the sentence after it."""
        sent = sents[k]
        in_block = role.block is not None
        if sent.rec and not (in_block and sent.cue is not None):
            return self.emit_rec(i, sents, k)
        cue = sent.cue
        if cue is None or cue.reason == "scheduled":
            cue = self.fallback_cue(sent, in_block) or cue  # in an answer, a dated sentence is read as always
        if cue is None or (cue.reason == "ongoing" and not self.ongoing_counts(sent, in_block)):
            return k + 1
        if (
            cue.reason == "assign"
            and _GIVEN_THEN.search(sent.folded)
            and (sent.dated_before or self.given_before(i, sent))
        ):
            return k + 1  # "Regionstyrelsen gav i mars 2016 … i uppdrag att under hösten 2016 …": history
        if (
            cue.reason == "scheduled"
            and _THEN.match(sent.folded)
            and k > 0
            and sents[k - 1].has_date
            and not sent.has_date
            and not self.covered(i, sents[k - 1].start)
        ):
            # "… tar en extra koll på den 30 september–4 oktober. Då genomförs en andra Tillsynsvecka": the time of
            # the sentence before is this one's.
            self.emit(i, role, [(sents[k - 1].start, sent.end)], cue, [sents[k - 1], sent])
            return k + 1
        if cue.reason == "scheduled" and not (sent.has_date or (sent.has_rhythm and self.reader.genre != "report")):
            return k + 1
        if cue.reason == "completion" and sent.anaphoric and self.attach_completion(i, role, sent):
            return k + 1
        group, after = self.group_from(sents, k)
        if cue.reason == "habitual" and sent.anaphoric and k > 0 and not self.covered(i, sents[k - 1].start):
            group.insert(0, k - 1)  # "Detta görs årligen …" needs the sentence it points back to
        ranges = [(sents[g].start, sents[g].end) for g in group]
        self.emit(i, role, ranges, cue, [sents[g] for g in group])
        return after

    def given_before(self, i: int, sent: Sentence) -> bool:
        """ "Vid kommunfullmäktiges sammanträde den 26 oktober 2017 fick socialnämnden i uppdrag att …", read
        in 2018: a task given on a day before the document, with no time of its own (that day is no deadline, so
        the sentence's time phrases leave it out)."""
        day = self.reader.document_date
        if day is None or sent.has_date:
            return False
        info = self.reader.info(i)
        text = info.unit.text[sent.start : sent.end]
        return any(d.dates and d.dates[-1] < day for d in find_deadlines(text, info.reference))

    def group_from(self, sents: list[Sentence], k: int) -> tuple[list[int], int]:
        """The promise at `k` and the sentences after it that complete it; the index after them.

        One plain sentence may stand between, if the one after it points back and completes the promise.
        """
        group = [k]
        j = k + 1
        bridged = False
        dated = sents[k].has_date
        while j < len(sents) and not sents[j].rec:
            if (
                self.reader.gives_task
                and _REPORTS_TASK.match(sents[j].folded)
                and not any(cues.ASSIGN.search(sents[g].folded) for g in group)
            ):
                # In a decision that gives a task, "… en muntlig lägesavstämning … Uppdraget ska redovisas …
                # senast …" reports that task, not the sentence before it (unless that sentence gave it).
                break
            if dated and sents[j].has_date and (sents[j].cue is not None or cues.SKA.search(sents[j].folded)):
                # "… delredovisa uppdraget senast den 1 februari. Uppdraget ska slutredovisas senast den 30 maj":
                # a second dated promise is a second finding with its own deadline, not this one's completion.
                break
            if self.is_satellite(sents[j], " ".join(sents[g].folded for g in group)):
                group.append(j)
                dated = dated or sents[j].has_date
                j += 1
            elif not bridged and self.bridges(sents, j):
                group.extend((j, j + 1))
                j += 2
                bridged = True
            else:
                break
        return group, j

    def bridges(self, sents: list[Sentence], j: int) -> bool:
        """Is sentence `j` a plain sentence between a promise and a sentence that completes it?"""
        nxt = sents[j]
        return (
            nxt.cue is None
            and not nxt.past
            and not nxt.assessment
            and j + 1 < len(sents)
            and sents[j + 1].anaphoric
            and self.is_satellite(sents[j + 1], nxt.folded)
        )

    def fallback_cue(self, sent: Sentence, in_block: bool) -> Cue | None:
        """Cues that only count in an answer: a future date, or a rhythm with an action.

        In an answer block; in an answer without labels, after its first recommendation.
        """
        answering = in_block or self.answering()
        past = sent.past and main_clause_past(sent.folded)
        if not answering or past or sent.assessment or sent.rec or cues.QUESTION.search(sent.folded):
            return None
        if cues.GOAL.search(sent.folded) or cues.NEGATED.search(sent.folded) or cues.CURRENT.search(sent.folded):
            return None
        # "Revisorerna önskar ta del av nämndens yttrande senast den 21 februari": the auditors' date, not a promise
        if cues.AUDIT_META.search(sent.folded):
            return None
        if sent.has_date:
            return Cue(_DATED_FALLBACK, "dated")
        if sent.has_rhythm and _HABIT_VERB.search(sent.folded):
            return Cue(_HABITUAL, "habitual")
        return None

    def ongoing_counts(self, sent: Sentence, in_block: bool) -> bool:
        """Work under way is a promise in an answer to the auditors, or with a time to it. Elsewhere (a news
        page, a plan's background) "Det pågår även en extern utredning" tells how things are."""
        if in_block or self.answering() or sent.has_date or cues.DATED.search(sent.folded):
            return True
        return _STARTS_SOON.search(sent.folded) is not None  # "Arbetet påbörjas inom kort": still to come

    def answering(self) -> bool:
        """Is the committee answering recommendations here (an answer with recommendations so far)?"""
        return self.reader.genre == "answer" and (bool(self.reader.recs) or self.reader.table_recs)

    def is_satellite(self, sent: Sentence, before: str) -> bool:
        """A sentence that completes the commitment before it (`before`): its deadline, owner or report-back."""
        if sent.cue is not None and _AGENCY_PROMISES.match(sent.folded):
            return False  # "Skatteverket ska enligt regleringsbrevet … redovisa …": a promise of its own
        if sent.cue is not None and _OWN_TASK.search(sent.folded) and not sent.anaphoric:
            return False  # "Kommunchefen har i uppdrag att redovisa …": a task of its own, however weak its cue
        if sent.owner and (sent.cue is None or sent.cue.strength < STRONG or sent.anaphoric):
            target = owner_object(sent.folded)
            # "X ansvarar för stickprovskontrollerna" belongs to the commitment about those, wherever it is.
            return target is None or word_overlap(target, before) > 0
        if not sent.anaphoric or sent.assessment:
            return False
        if _names_other(sent.folded, before):
            return False  # "Analysen ska vara genomförd senast …" after "… informera om arbetet": another's
        carries = sent.has_date or sent.has_rhythm or sent.report_back
        if sent.cue is not None and sent.cue.reason == "completion":
            carries = True
        return carries and not (sent.past and sent.cue is None)

    def covered(self, unit: int, start: int) -> bool:
        return any(u == unit and s <= start < e for d in self.reader.by_unit.get(unit, ()) for u, s, e in d.parts)

    def attach_completion(self, i: int, role: Role, sent: Sentence) -> bool:
        """Join "Den reviderade överenskommelsen beräknas vara färdig …" to the commitment it completes: in
        its answer block, or outside one in its paragraph ("… genomföra en fördjupad analys … Analysen ska
        vara genomförd senast 31 december 2018")."""
        if role.block is None:
            # Only a thing named again ("Analysen"), never the task itself ("Uppdraget", "Arbetet"), and only a
            # commitment still without a date: a second date is a second promise.
            named = _subject_noun(sent.folded)
            if named is None or named in _GENERIC_NOUNS:
                return False
            candidates = [d for d in self.reader.by_unit.get(i, []) if not self._dated(d)]
            words = [named]
        else:
            candidates = self.reader.by_block.get(role.block, [])
            words = re.findall(r"[^\W\d_]{6,}", sent.folded)
        for draft in reversed(candidates):
            earlier = self.reader.draft_folded(draft)
            if any(w[: max(6, len(w) - 3)] in earlier for w in words):
                draft.parts.append((i, sent.start, sent.end))
                self.reader.by_unit.setdefault(i, []).append(draft)
                if sent.owner and not draft.explicit_owner:
                    draft.owner, draft.explicit_owner = sent.owner, True
                return True
        return False

    def _dated(self, draft: Draft) -> bool:
        return any(self.reader.info(u).within(s, e) for u, s, e in draft.parts)

    def emit(self, i: int, role: Role, ranges: list[tuple[int, int]], cue: Cue, sents: list[Sentence]) -> None:
        info = self.reader.info(i)
        draft = Draft(COMMITMENT, [(i, s, e) for s, e in ranges], cue.strength, hedged=cue.hedged)
        draft.block = role.block
        draft.assigned = cue.reason == "assign"
        folded = " ".join(info.folded[s:e] for s, e in ranges)
        draft.answers = self.reader.answers_for(role, i, folded)
        self.reader.set_owner_from(draft, info, ranges[0][0], ranges[-1][1])
        if self.frame and ranges[0][0] > 0 and not any(s.has_date for s in sents):
            draft.inherited = list(self.frame)
        if self.reader.genre == "report" and (cues.AUDIT_META.search(folded) or _AUDITORS_PLAN.search(folded)):
            return  # in a report "vi" are the auditors: their own plans are not the committee's promises
        self.reader.add(draft)

    def emit_rec(self, i: int, sents: list[Sentence], k: int) -> int:
        """A recommending sentence, with the one after it if that points back ("Detta bör ske …")."""
        j = k + 1
        if (
            j < len(sents)
            and cues.ANAPHORIC_SUBJECT.match(sents[j].folded)
            and not cues.RECOMMEND.search(sents[j].folded)
            and not sents[j].assessment
        ):
            j += 1
        draft = Draft(RECOMMENDATION, [(i, sents[k].start, sents[j - 1].end)], 0.0, rec_cue=True)
        self.reader.add(draft)
        self.reader.last_rec = draft
        return j


_REPORTS_TASK = re.compile(r"^\W*(?:hela\s+)?uppdraget\s+(?:ska|skall)\s+(?:slut)?redovisas\b")
# An agency or the government as the subject of its own promise: "Skatteverket ska …", "Regeringen kommer …".
_AGENCY_PROMISES = re.compile(
    r"^\W*(?:(?:[\w-]+\s+){0,2}?[\w-]*(?:verket|myndigheten|styrelsen|inspektionen|kontoret|analys|kollegium|institutet)"
    r"|regeringen)\s+(?:ska|skall|kommer|avser|planerar)\b"
)


# A completion's subject, a definite noun: "Analysen ska vara genomförd", "Kartläggningen ska vara klar".
_SUBJECT_NOUN = re.compile(
    r"^\W*(?P<noun>[^\W\d_]{5,}?)(?:en|et|na|erna)\s+(?:ska|skall|kommer|beräknas|beraknas|planeras)\b"
)


def _subject_noun(folded: str) -> str | None:
    m = _SUBJECT_NOUN.match(folded)
    return m["noun"] if m is not None else None


def _names_other(folded: str, before: str) -> bool:
    """Does the sentence's own subject noun name something the commitment before it does not mention?"""
    noun = _subject_noun(folded)
    return noun is not None and noun not in before and noun not in _GENERIC_NOUNS


# What every commitment is about: naming it again names no particular one.
_GENERIC_NOUNS = frozenset({"uppdrag", "arbet", "atgard", "insats", "rutin", "redovisning", "rapport"})


def _quick_cue(folded: str) -> bool:
    return _QUICK.search(folded) is not None or schedule_cues.SCHEDULED.search(folded) is not None
