"""Reading a document's units for findings: the sentence-level work of `extract`.

Sentences of answer and body units are read for promise cues (classify). A
sentence that points back and carries a deadline, an owner or a report-back
("Arbetet beräknas vara slutfört innan sommaren", "X ansvarar för detta")
joins the commitment before it; a later "Den reviderade överenskommelsen
beräknas vara färdig senast i april 2023" joins the commitment in the same
answer whose words it repeats. Recommendations come from the structure (a
recommendations section, the unit before "Svar:") or from a sentence that
recommends. A draft (`_Draft`) is a finding in the making: its places in the
units and what is known so far; `Reader.finish` turns it into a `Finding`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.extraction import cues
from bot.extraction.action_fields import TableRecord, field_records
from bot.extraction.classify import STRONG, Cue, commitment_cue, is_recommendation, starts_anaphoric
from bot.extraction.deadlines import Chosen, choose, usable
from bot.extraction.layout import Unit, units_of
from bot.extraction.lines import Line
from bot.extraction.merge import word_overlap
from bot.extraction.model import COMMITMENT, RECOMMENDATION, Finding
from bot.extraction.owners import find_committees, find_owner, owner_object, subject_owner
from bot.extraction.scoring import commitment_confidence, recommendation_confidence
from bot.extraction.sentences import split_sentences
from bot.extraction.structure import Role, annotate
from bot.extraction.structure_signs import genre_of
from bot.extraction.table_parts import Table
from bot.language.deadline import Deadline
from bot.language.normalize import match_text
from bot.language.periods import find_deadlines

__all__ = ["TABLE_STRENGTH", "Reader", "make_finding"]

_DATED_FALLBACK = 0.4
_HABITUAL = 0.3
_ANSWER_ITEM = 0.4
# Fields and table cells say outright what is the action, the owner and the date.
TABLE_STRENGTH = 0.65
_GENRE_CHARS = 60_000
_END_HEADING = re.compile(
    r"^(?:\d[\d.]*\s+)?(?:ekonomiska\s+konsekvenser|barnperspektiv|beslutsunderlag|bilagor?|sammanfattning|bakgrund"
    r"|beskrivning\s+av\s+arendet|metod|revisionskriterier|inledning|forslag\s+till\s+beslut)\b"
)
_GENERAL_RECS = cues.sv(
    r"\b(?:de|samtliga|alla|revisorernas|granskningens)\s+rekommendationer(?:na)?\b|rekommendationerna\b"
)
_HABIT_VERB = cues.sv(
    r"\b\w{3,}(?:s)\s+upp\b|\b(?:görs|sker|genomförs|redovisas|rapporteras|återrapporteras|uppdateras|utvärderas"
    r"|revideras|stäms\s+av|följs\s+upp|ses\s+över|hålls|träffas|samlas|möts|följer\s+\S+\s+upp|följer\s+upp)\b"
)
_AUDITORS_PLAN = re.compile(r"^\W*(?:vi|revisor\w*|revisionen)\b|\b(?:kommer|avser|planerar)\s+vi\b")
_LIST_JOINT = re.compile(r"\s*[,;]\s*(?:och|samt|eller)?\s*$|\s+(?:och|samt|eller)\s*$")
_OWNER_HINT = re.compile(r"ansvar|uppdrag|\sav\s|ledning|\sleds?\s")
_SUBJECT_POSITION = re.compile(r"(?:^|[.:;]\s+|\batt\s+)\W*(?:\S+\s+){0,2}$")
_QUOTED_MAIL = re.compile(
    r"^\s*(?:-{3,}|_{3,})\s*(?:ursprungligt\s+meddelande|original\s+message|vidarebefordrat\s+meddelande"
    r"|forwarded\s+message)",
    re.IGNORECASE,
)
# A field value that is running text (a sentence of several words ending in a full stop).
_RUNNING = re.compile(r"^\S+(?:\s+\S+){5,}.*[.!]\s*$", re.DOTALL)
# Where a main clause gives way to a subordinate one: "… återrapporterar hur planen har genomförts".
_SUBORDINATE = re.compile(r"\b(?:hur|som|vad|vilket|vilka|nar|dar|eftersom|sedan)\b")
_INFINITIVE_START = re.compile(r"^\W*(?:att\s+)?[a-zåäö]{2,}a\b", re.IGNORECASE)


@dataclass
class _UnitText:
    unit: Unit
    folded: str
    sentences: list[tuple[int, int]]
    reference: date
    _deadlines: list[Deadline] | None = None

    @property
    def deadlines(self) -> list[Deadline]:
        if self._deadlines is None:
            self._deadlines = usable(find_deadlines(self.unit.text, self.reference), self.folded)
        return self._deadlines

    def within(self, start: int, end: int) -> list[Deadline]:
        return [d for d in self.deadlines if d.span[0] >= start and d.span[1] <= end]


@dataclass
class _Sent:
    start: int
    end: int
    folded: str
    cue: Cue | None
    owner: str | None
    rec: bool
    has_date: bool
    has_rhythm: bool
    anaphoric: bool
    past: bool
    assessment: bool
    report_back: bool


@dataclass
class _Draft:
    kind: str
    parts: list[tuple[int, int, int]]  # (unit index, clean start, clean end)
    strength: float
    hedged: bool = False
    owner: str | None = None
    explicit_owner: bool = False
    block: int | None = None
    answers: _Draft | None = None
    structural: bool = False
    rec_cue: bool = False
    # Filled in by a table record: the fields the layout gives outright.
    table: TableRecord | None = None
    committees: list[str] = field(default_factory=list)

    @property
    def first(self) -> tuple[int, int]:
        unit, start, _ = self.parts[0]
        return unit, start


class Reader:
    """One document: its units and roles, the drafts found in them, and the indexes that keep it linear."""

    def __init__(
        self, text: str, lines: list[Line], reference: date, document_date: date | None, claimed: list[Table]
    ) -> None:
        self.text = text
        self.reference = reference
        self.document_date = document_date
        self.lines = lines
        self.units = units_of(text, self.lines)
        self.claimed = [(t.start, t.end) for t in claimed]
        # Recommendations read from a table count as recommendations the text around it answers.
        self.table_recs = any("rec" in row for t in claimed for row in t.rows)
        self.genre = genre_of(match_text(text[:_GENRE_CHARS]).folded, self.units)
        in_tables = {i for i, unit in enumerate(self.units) if self.is_claimed(unit)}
        self.roles = annotate(self.units, self.genre, in_tables)
        self.infos: dict[int, _UnitText] = {}
        self.drafts: list[_Draft] = []
        # Indexes, so that long documents stay linear: recommendations, and commitments by unit and by block.
        self.recs: list[_Draft] = []
        self.by_unit: dict[int, list[_Draft]] = {}
        self.by_block: dict[int, list[_Draft]] = {}
        self.rec_of_unit: dict[int, _Draft] = {}
        self.last_rec: _Draft | None = None
        # Owner sentences without a promise of their own: (unit, block, clean offset, owner).
        self.owner_sentences: list[tuple[int, int | None, int, str, str | None]] = []

    # ------------------------------------------------------------------ #

    def info(self, i: int) -> _UnitText:
        found = self.infos.get(i)
        if found is None:
            unit = self.units[i]
            folded = match_text(unit.text).folded
            found = _UnitText(unit, folded, split_sentences(unit.text), self.reference)
            self.infos[i] = found
        return found

    def sentence(self, info: _UnitText, start: int, end: int, *, timed: bool) -> _Sent:
        folded = info.folded[start:end]
        cue = commitment_cue(folded)
        owner = find_owner(info.unit.text[start:end], folded) if _OWNER_HINT.search(folded) else None
        found = info.within(start, end) if timed else []
        return _Sent(
            start=start,
            end=end,
            folded=folded,
            cue=cue,
            owner=owner,
            rec=is_recommendation(folded, auditors_speak=self.genre == "report"),
            has_date=any(_ahead(d, self.document_date) for d in found),
            has_rhythm=any(d.recurrence for d in found),
            anaphoric=False,
            past=bool(cues.PAST.search(folded)),
            assessment=bool(cues.ASSESSMENT.search(folded)),
            report_back=bool(cues.REPORT_BACK.search(folded)),
        )

    # ------------------------------------------------------------------ #

    def run(self) -> list[_Draft]:
        for i, unit in enumerate(self.units):
            role = self.roles[i]
            if _QUOTED_MAIL.match(unit.text):
                break  # the earlier e-mail quoted below an answer: the auditors' words, not promises
            if role.role == "heading":
                if _END_HEADING.match(match_text(unit.text).folded.strip()):
                    self.last_rec = None
                continue
            if not unit.text or role.role in ("skip", "label", "intro"):
                continue
            if self.is_claimed(unit):
                continue  # read as a table
            if role.role == "rec":
                self.add_unit_rec(i, role)
            elif role.role == "commit_item":
                self.add_commit_item(i, role)
            elif role.role == "field":
                if unit.label == "followup" and _RUNNING.search(unit.text):
                    self.read_sentences(i, role)  # "Uppföljning" over a paragraph: running text
                continue
            else:
                self.read_sentences(i, role)
        for record in field_records(self.units, self.roles, self.reference):
            if record.action is not None and not self.is_claimed(self.units[record.action[0]]):
                self.add_record(record)
        self.spread_owners()
        return self.drafts

    def is_claimed(self, unit: Unit) -> bool:
        return any(unit.start < e and s < unit.end for s, e in self.claimed)

    def answers_for(self, role: Role, unit_index: int, folded: str) -> _Draft | None:
        if _GENERAL_RECS.search(folded):
            return None  # "i enlighet med de rekommendationer som lämnas": all of them, not one
        if role.block is not None and role.certain:
            return self.rec_of_unit.get(role.answers) if role.answers is not None else None
        recs = [d for d in self.recs if d.first[0] <= unit_index]
        if not recs:
            return None
        if len(recs) == 1:
            return recs[0]
        # Several recommendations and no layout saying which is answered: the one whose words the
        # commitment repeats; without answer labels the nearest one before is the default.
        scores = sorted(((word_overlap(folded, self.draft_folded(d)), d) for d in recs), key=lambda p: -p[0])
        (best_score, best), (second_score, _) = scores[0], scores[1]
        if best_score >= 0.25 and best_score - second_score >= 0.1:
            return best
        return self.last_rec if role.block is None else None

    def add(self, draft: _Draft) -> None:
        self.drafts.append(draft)
        if draft.kind == RECOMMENDATION:
            self.recs.append(draft)
            return
        for u in {u for u, _, _ in draft.parts}:
            self.by_unit.setdefault(u, []).append(draft)
        if draft.block is not None:
            self.by_block.setdefault(draft.block, []).append(draft)

    def draft_folded(self, draft: _Draft) -> str:
        return " ".join(self.info(u).folded[s:e] for u, s, e in draft.parts)

    # ------------------------------------------------------------------ #

    def add_unit_rec(self, i: int, role: Role) -> None:
        info = self.info(i)
        start = 0
        if info.unit.kind == "para" and len(info.sentences) > 1:
            # "Revisorerna konstaterar att … Nämnden rekommenderas att …": it starts where it recommends.
            start = next(
                (
                    s
                    for s, e in info.sentences
                    if cues.RECOMMEND.search(info.folded[s:e]) or cues.SHOULD.search(info.folded[s:e])
                ),
                0,
            )
        draft = _Draft(
            RECOMMENDATION,
            [(i, start, len(info.unit.text))],
            0.0,
            structural=True,
            rec_cue=bool(cues.SHOULD.search(info.folded) or cues.RECOMMEND.search(info.folded)),
        )
        self.add(draft)
        self.rec_of_unit[i] = draft
        self.last_rec = draft

    def add_commit_item(self, i: int, role: Role) -> None:
        info = self.info(i)
        if not info.sentences:
            return
        first = info.sentences[0]
        sent = self.sentence(info, first[0], first[1], timed=False)
        strength = max(role.strength, sent.cue.strength if sent.cue else 0.0)
        draft = _Draft(COMMITMENT, [(i, 0, len(info.unit.text))], strength, hedged=bool(sent.cue and sent.cue.hedged))
        draft.block = role.block
        draft.answers = self.answers_for(role, i, info.folded)
        self.set_owner_from(draft, info, 0, len(info.unit.text))
        self.add(draft)

    def set_owner_from(self, draft: _Draft, info: _UnitText, start: int, end: int) -> None:
        for s, e in info.sentences:
            if s < start or e > end:
                continue
            owner = find_owner(info.unit.text[s:e], info.folded[s:e])
            if owner:
                draft.owner, draft.explicit_owner = owner, True
                return
        if draft.owner is None:
            s, e = next(((s, e) for s, e in info.sentences if s >= start), (start, end))
            draft.owner = subject_owner(info.unit.text[s:e], info.folded[s:e])

    # ------------------------------------------------------------------ #

    def read_sentences(self, i: int, role: Role) -> None:
        """Read an answer or body unit sentence by sentence: promises with the sentences that complete them,
        and recommending sentences."""
        info = self.info(i)
        in_block = role.block is not None
        sents = self.sentences_of(i, role, info, in_block)
        if role.role == "answer" and info.unit.kind == "item" and sents and self.read_whole_item(i, role, sents):
            return
        k = 0
        while k < len(sents):
            k = self.read_from(i, role, sents, k)

    def sentences_of(self, i: int, role: Role, info: _UnitText, in_block: bool) -> list[_Sent]:
        """The unit's sentences with their facts; an owner sentence without a promise is kept for later."""
        sents: list[_Sent] = []
        timed = (in_block or self.answering() or bool(_quick_cue(info.folded))) and bool(
            cues.TIME_HINT.search(info.folded)
        )
        previous_text = ""
        for s, e in info.sentences:
            sent = self.sentence(info, s, e, timed=timed)
            sent.anaphoric = starts_anaphoric(sent.folded, previous_text)
            previous_text = previous_text[-400:] + " " + sent.folded
            sents.append(sent)
            if sent.owner and sent.cue is None:
                # "X ansvarar för detta": for the commitments before it, whether or not it joins one of them.
                self.owner_sentences.append((i, role.block, sent.start, sent.owner, owner_object(sent.folded)))
        return sents

    def read_whole_item(self, i: int, role: Role, sents: list[_Sent]) -> bool:
        """A list item of an answer is one commitment if its first sentence promises (or starts "Att införa …")."""
        first = sents[0]
        cue = first.cue or self.fallback_cue(first, role.block is not None)
        if cue is None and _INFINITIVE_START.match(first.folded) and not first.past and not first.assessment:
            cue = Cue(_ANSWER_ITEM, "item")
        if cue is None or first.rec:
            return False
        self.emit(i, role, [(0, len(self.info(i).unit.text))], cue, sents)
        return True

    def read_from(self, i: int, role: Role, sents: list[_Sent], k: int) -> int:
        """Read the finding that starts at sentence `k`, if any; the index of the sentence after it."""
        sent = sents[k]
        in_block = role.block is not None
        if sent.rec and not (in_block and sent.cue is not None):
            return self.emit_rec(i, sents, k)
        cue = sent.cue or self.fallback_cue(sent, in_block)
        if cue is None:
            return k + 1
        if cue.reason == "completion" and sent.anaphoric and self.attach_completion(i, role, sent):
            return k + 1
        group, after = self.group_from(sents, k)
        if cue.reason == "habitual" and sent.anaphoric and k > 0 and not self.covered(i, sents[k - 1].start):
            group.insert(0, k - 1)  # "Detta görs årligen …" needs the sentence it points back to
        ranges = [(sents[g].start, sents[g].end) for g in group]
        self.emit(i, role, ranges, cue, [sents[g] for g in group])
        return after

    def group_from(self, sents: list[_Sent], k: int) -> tuple[list[int], int]:
        """The promise at `k` and the sentences after it that complete it; the index after them.

        One plain sentence may stand between, if the one after it points back and completes the promise.
        """
        group = [k]
        j = k + 1
        bridged = False
        while j < len(sents) and not sents[j].rec:
            if self.is_satellite(sents[j], " ".join(sents[g].folded for g in group)):
                group.append(j)
                j += 1
            elif not bridged and self.bridges(sents, j):
                group.extend((j, j + 1))
                j += 2
                bridged = True
            else:
                break
        return group, j

    def bridges(self, sents: list[_Sent], j: int) -> bool:
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

    def fallback_cue(self, sent: _Sent, in_block: bool) -> Cue | None:
        """Cues that only count in an answer: a future date, or a rhythm with an action.

        In an answer block; in an answer without labels, after its first recommendation.
        """
        answering = in_block or self.answering()
        past = sent.past and _main_clause_past(sent.folded)
        if not answering or past or sent.assessment or sent.rec or cues.QUESTION.search(sent.folded):
            return None
        if cues.GOAL.search(sent.folded) or cues.NEGATED.search(sent.folded) or cues.CURRENT.search(sent.folded):
            return None
        if sent.has_date:
            return Cue(_DATED_FALLBACK, "dated")
        if sent.has_rhythm and _HABIT_VERB.search(sent.folded):
            return Cue(_HABITUAL, "habitual")
        return None

    def answering(self) -> bool:
        """Is the committee answering recommendations here (an answer with recommendations so far)?"""
        return self.genre == "answer" and (bool(self.recs) or self.table_recs)

    def is_satellite(self, sent: _Sent, before: str) -> bool:
        """A sentence that completes the commitment before it (`before`): its deadline, owner or report-back."""
        if sent.owner and (sent.cue is None or sent.cue.strength < STRONG or sent.anaphoric):
            target = owner_object(sent.folded)
            # "X ansvarar för stickprovskontrollerna" belongs to the commitment about those, wherever it is.
            return target is None or word_overlap(target, before) > 0
        if not sent.anaphoric or sent.assessment:
            return False
        carries = sent.has_date or sent.has_rhythm or sent.report_back
        if sent.cue is not None and sent.cue.reason == "completion":
            carries = True
        return carries and not (sent.past and sent.cue is None)

    def covered(self, unit: int, start: int) -> bool:
        return any(u == unit and s <= start < e for d in self.by_unit.get(unit, ()) for u, s, e in d.parts)

    def attach_completion(self, i: int, role: Role, sent: _Sent) -> bool:
        """Join "Den reviderade överenskommelsen beräknas vara färdig …" to the commitment it completes."""
        if role.block is None:
            return False
        words = re.findall(r"[^\W\d_]{6,}", sent.folded)
        for draft in reversed(self.by_block.get(role.block, [])):
            earlier = self.draft_folded(draft)
            if any(w[: max(6, len(w) - 3)] in earlier for w in words):
                draft.parts.append((i, sent.start, sent.end))
                self.by_unit.setdefault(i, []).append(draft)
                if sent.owner and not draft.explicit_owner:
                    draft.owner, draft.explicit_owner = sent.owner, True
                return True
        return False

    def emit(self, i: int, role: Role, ranges: list[tuple[int, int]], cue: Cue, sents: list[_Sent]) -> None:
        info = self.info(i)
        draft = _Draft(COMMITMENT, [(i, s, e) for s, e in ranges], cue.strength, hedged=cue.hedged)
        draft.block = role.block
        folded = " ".join(info.folded[s:e] for s, e in ranges)
        draft.answers = self.answers_for(role, i, folded)
        self.set_owner_from(draft, info, ranges[0][0], ranges[-1][1])
        if self.genre == "report" and (cues.AUDIT_META.search(folded) or _AUDITORS_PLAN.search(folded)):
            return  # in a report "vi" are the auditors: their own plans are not the committee's promises
        self.add(draft)

    def emit_rec(self, i: int, sents: list[_Sent], k: int) -> int:
        """A recommending sentence, with the one after it if that points back ("Detta bör ske …")."""
        j = k + 1
        if (
            j < len(sents)
            and cues.ANAPHORIC_SUBJECT.match(sents[j].folded)
            and not cues.RECOMMEND.search(sents[j].folded)
            and not sents[j].assessment
        ):
            j += 1
        draft = _Draft(RECOMMENDATION, [(i, sents[k].start, sents[j - 1].end)], 0.0, rec_cue=True)
        self.add(draft)
        self.last_rec = draft
        return j

    # ------------------------------------------------------------------ #

    def add_record(self, record: TableRecord) -> None:
        if record.action is None:
            return
        u, s, e = record.action
        if self.by_unit.get(u):
            return  # the action's unit was already read as running text
        draft = _Draft(COMMITMENT, [(u, s, e)], TABLE_STRENGTH, table=record)
        role = self.roles[u]
        draft.block = role.block
        rec_unit = record.rec_unit if record.rec_unit is not None else role.answers
        draft.answers = self.rec_of_unit.get(rec_unit) if rec_unit is not None else None
        draft.owner = record.owner
        draft.explicit_owner = record.owner is not None
        self.add(draft)

    def spread_owners(self) -> None:
        """An owner sentence ("X ansvarar för detta") applies to the commitments before it in its paragraph,
        or, if it stands alone, to those before it in the same answer block."""
        for unit, block, offset, owner, target in self.owner_sentences:
            named = self.draft_about(target, unit, block) if target is not None else None
            if named is not None:
                named.owner, named.explicit_owner = owner, True
                continue
            for d in self.owner_targets(unit, block, offset):
                if not d.explicit_owner:
                    d.owner, d.explicit_owner = owner, True

    def draft_about(self, target: str, unit: int, block: int | None) -> _Draft | None:
        """ "X ansvarar för stickprovskontrollerna": the commitment (in the block, else the unit) about those."""
        candidates = self.by_block.get(block, []) if block is not None else self.by_unit.get(unit, [])
        scored = [(word_overlap(target, self.draft_folded(d)), d) for d in candidates]
        best = max(scored, key=lambda p: p[0], default=(0.0, None))
        return best[1] if best[1] is not None and best[0] > 0 else None

    def owner_targets(self, unit: int, block: int | None, offset: int) -> list[_Draft]:
        """The commitments an owner sentence at `offset` of `unit` names the owner of, by place."""
        same_unit = [d for d in self.by_unit.get(unit, []) if any(u == unit and s <= offset for u, s, _ in d.parts)]
        if not same_unit:
            # "Uppdraget att revidera X ges till Y. En reviderad X ska …": the commitment right after it.
            after = [d for d in self.by_unit.get(unit, []) if d.first[0] == unit and d.first[1] > offset]
            same_unit = [min(after, key=lambda d: d.first[1])] if after else []
        in_block = self.by_block.get(block, []) if block is not None else []
        return same_unit or [d for d in in_block if d.first[0] < unit and self.units[d.first[0]].kind != "item"]

    # ------------------------------------------------------------------ #

    def finish(self, draft: _Draft, rec_spans: dict[int, tuple[int, int]]) -> Finding | None:
        """The finding a draft makes: its text, span, deadline, committee and confidence.

        Recommendations are finished first: `rec_spans` holds their spans, and a commitment
        takes the committee of the recommendation it answers when it names none.
        """
        text, (start, end), found = self.joined(draft)
        if not text:
            return None
        # A list item's joint ("…, och") is no part of what it says.
        tail = _LIST_JOINT.search(text)
        if tail is not None and tail.start() > 0:
            end -= len(text) - tail.start()
            text = text[: tail.start()]
        if draft.table is not None and draft.table.deadline is not None:
            chosen = draft.table.deadline
        else:
            chosen = choose(found, document_date=self.document_date)
        committee, committees = _committee_named(draft.kind, text)
        answers: tuple[int, int] | None = None
        if draft.kind == COMMITMENT and draft.answers is not None:
            answers = rec_spans.get(id(draft.answers))
            if committee is None and draft.answers.committees:
                committee = draft.answers.committees[0]
        if draft.kind == RECOMMENDATION:
            draft.committees = committees
            confidence = recommendation_confidence(structural=draft.structural, cue=draft.rec_cue)
        else:
            confidence = commitment_confidence(
                draft.strength,
                date_confidence=chosen.confidence if chosen.deadlines else 0.0,
                has_recurrence=chosen.recurrence is not None,
                has_owner=draft.owner is not None,
                answers=answers is not None,
                hedged=draft.hedged,
                report=self.genre == "report",
            )
        return make_finding(draft.kind, text, (start, end), chosen, draft.owner, committee, confidence, answers)

    def joined(self, draft: _Draft) -> tuple[str, tuple[int, int], list[Deadline]]:
        """A draft's parts as one text ("…" where they are apart), its original span and the time phrases in it."""
        pieces: list[str] = []
        found: list[Deadline] = []
        start = end = -1
        previous: tuple[int, int] | None = None
        for u, s, e in sorted(draft.parts):
            info = self.info(u)
            chunk = info.unit.text[s:e].strip()
            if not chunk:
                continue
            if previous is not None:
                adjacent = previous[0] == u and not info.unit.text[previous[1] : s].strip()
                next_unit = previous[0] + 1 == u and previous[1] >= len(self.info(previous[0]).unit.text) - 1 and s == 0
                pieces.append(" " if adjacent or next_unit else " … ")
            pieces.append(chunk)
            previous = (u, e)
            os, oe = info.unit.clean.span(s, e)
            start = os if start < 0 else min(start, os)
            end = max(end, oe)
            found.extend(info.within(s, e))
        return "".join(pieces), (start, end), found


def _committee_named(kind: str, text: str) -> tuple[str | None, list[str]]:
    """The committee a finding names as its own, and all the committees it names.

    A commitment's is one it names as its subject ("Barn- och utbildningsnämnden kommer att …"),
    not one it reports to ("… i verksamhetsberättelsen till Barn- och utbildningsnämnden").
    """
    folded = match_text(text).folded
    named = find_committees(text, folded)
    committees = [name for _s, _e, name in named]
    subjects = [name for s, _e, name in named if _SUBJECT_POSITION.search(folded[:s])]
    committee = (subjects or committees)[0] if kind == RECOMMENDATION and committees else None
    if kind == COMMITMENT and subjects:
        committee = subjects[0]
    return committee, committees


def make_finding(
    kind: str,
    text: str,
    span: tuple[int, int],
    chosen: Chosen,
    owner: str | None,
    committee: str | None,
    confidence: float,
    answers: tuple[int, int] | None,
) -> Finding:
    return Finding(
        kind=kind,
        text=text,
        span=span,
        deadlines=chosen.deadlines,
        deadline_phrase=chosen.phrase,
        recurrence=chosen.recurrence,
        owner=owner,
        committee=committee,
        confidence=confidence,
        deadline_note=chosen.note,
        answers=answers,
    )


_QUICK = cues.sv(
    r"kommer|avser|planer|ska\b|skall|beräknas|pågår|påbörja|uppdrag|fortsätt|ansvar|rekommend|\bbör\b|\bbor\b"
    r"|avsikt|ämnar|åtar|klar|färdig"
)


def _quick_cue(folded: str) -> bool:
    return _QUICK.search(folded) is not None


def _main_clause_past(folded: str) -> bool:
    """Does the main clause tell of the past? A past in a clause after "hur", "som" … does not count."""
    cut = _SUBORDINATE.search(folded)
    head = folded[: cut.start()] if cut else folded
    return bool(cues.PAST.search(head))


def _ahead(found: Deadline, document_date: date | None) -> bool:
    """Does a time phrase point after the document's date (a deadline, or a range that ends later)?"""
    last = found.dates[-1] if found.dates else None
    if last is None and found.note:
        m = re.search(r"range:\d{4}-\d{2}-\d{2}/(\d{4}-\d{2}-\d{2})", found.note)
        last = date.fromisoformat(m.group(1)) if m else None
    return last is not None and (document_date is None or last > document_date)
