"""Reading a document's units for findings: the work of `extract` between the structure and the findings.

The reader walks the units with their roles (structure): recommendations come
from the structure (a recommendations section, the unit before "Svar:"), items
of a promise list and field records are commitments as they stand, and answer
and body units are read sentence by sentence (`sentence_reader`), where a
sentence that recommends is a recommendation too. An owner sentence ("X
ansvarar för detta") is spread over the commitments it speaks of at the end.
A draft (`drafts.Draft`) is a finding in the making: its places in the units
and what is known so far; `finish.finish` turns it into a `Finding`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from copy import copy
from datetime import date
from functools import cached_property

from bot.extraction import cues
from bot.extraction.action_fields import TableRecord, field_records
from bot.extraction.agencies import (
    AGENCY,
    assigned_agency,
    fronted_subject,
    government_owner,
    receiving_agency,
)
from bot.extraction.carried_owners import carry_assignee, carry_to_they
from bot.extraction.classify import commitment_cue, is_recommendation
from bot.extraction.deadlines import ahead_of, period_end, plan_year
from bot.extraction.decision_reports import GIVES_TASK
from bot.extraction.drafts import Draft, Sentence, UnitText
from bot.extraction.layout import Unit, units_of
from bot.extraction.lines import Line
from bot.extraction.merge import word_overlap
from bot.extraction.model import COMMITMENT, RECOMMENDATION
from bot.extraction.named_event import event_dated_before
from bot.extraction.owners import find_committees, find_owner, subject_owner
from bot.extraction.rec_index import RecIndex
from bot.extraction.section_owners import section_owners
from bot.extraction.sentence_reader import SentenceReader
from bot.extraction.sentences import split_sentences
from bot.extraction.speakers import page_agency, speaker_before, speaks_as_we
from bot.extraction.structure import Role, annotate
from bot.extraction.structure_signs import genre_of
from bot.extraction.table_parts import Table
from bot.language.deadline import Deadline
from bot.language.normalize import match_text
from bot.language.year_named import is_year_named

__all__ = ["TABLE_STRENGTH", "Reader"]

# Fields and table cells say outright what is the action, the owner and the date.
TABLE_STRENGTH = 0.65
_GENRE_CHARS = 60_000
_TASK_CHARS = 4_000
_END_HEADING = re.compile(
    r"^(?:\d[\d.]*\s+)?(?:ekonomiska\s+konsekvenser|barnperspektiv|beslutsunderlag|bilagor?|sammanfattning|bakgrund"
    r"|beskrivning\s+av\s+arendet|metod|revisionskriterier|inledning|forslag\s+till\s+beslut)\b"
)
_GENERAL_RECS = cues.sv(
    r"\b(?:de|samtliga|alla|revisorernas|granskningens)\s+rekommendationer(?:na)?\b|rekommendationerna\b"
)
_OWNER_HINT = re.compile(r"ansvar|uppdrag|\sav\s|ledning|\sleds?\s")
_QUOTED_MAIL = re.compile(
    r"^\s*(?:-{3,}|_{3,})\s*(?:ursprungligt\s+meddelande|original\s+message|vidarebefordrat\s+meddelande"
    r"|forwarded\s+message)",
    re.IGNORECASE,
)
# A field value that is running text (a sentence of several words ending in a full stop).
_RUNNING = re.compile(r"^\S+(?:\s+\S+){5,}.*[.!]\s*$", re.DOTALL)


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
        self.claimed = _disjoint([(t.start, t.end) for t in claimed])
        self.claimed_ends = [e for _, e in self.claimed]
        # Recommendations read from a table count as recommendations the text around it answers.
        self.table_recs = any("rec" in row for t in claimed for row in t.rows)
        self.genre = genre_of(match_text(text[:_GENRE_CHARS]).folded, self.units)
        # "Regeringen uppdrar åt X att …" near the start: a decision that gives a task (bot.extraction.decisions).
        self.gives_task = GIVES_TASK.search(match_text(text[:_TASK_CHARS]).folded) is not None
        in_tables = {i for i, unit in enumerate(self.units) if self.is_claimed(unit)}
        self.roles = annotate(self.units, self.genre, in_tables)
        self.infos: dict[int, UnitText] = {}
        # What a text says is read once: a long answer repeats whole paragraphs word for word (a summary
        # restates the body; an answer is pasted twice). Keyed by the unit's text (and a sentence's place in it).
        self.texts_read: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        self.deadlines_read: dict[str, list[Deadline]] = {}
        self.sentences_read: dict[tuple[str, int, int, bool], Sentence] = {}
        self.drafts: list[Draft] = []
        # Indexes, so that long documents stay linear: recommendations, and commitments by unit and by block.
        self.recs: list[Draft] = []
        self.rec_index = RecIndex()  # which of them a commitment is compared with (see rec_index)
        self.by_unit: dict[int, list[Draft]] = {}
        self.by_block: dict[int, list[Draft]] = {}
        self.rec_of_unit: dict[int, Draft] = {}
        self.last_rec: Draft | None = None
        # Owner sentences without a promise of their own: (unit, block, clean offset, owner).
        self.owner_sentences: list[tuple[int, int | None, int, str, str | None]] = []
        self.lead_ins: dict[int, tuple[list[Deadline], str | None]] = {}
        self.sentence_reader = SentenceReader(self)

    # ------------------------------------------------------------------ #

    def info(self, i: int) -> UnitText:
        found = self.infos.get(i)
        if found is None:
            unit = self.units[i]
            read = self.texts_read.get(unit.text)
            if read is None:
                read = self.texts_read[unit.text] = (match_text(unit.text).folded, split_sentences(unit.text))
            folded, sentences = read
            found = UnitText(unit, folded, list(sentences), self.reference, self.deadlines_read)
            self.infos[i] = found
        return found

    def sentence(self, info: UnitText, start: int, end: int, *, timed: bool) -> Sentence:
        key = (info.unit.text, start, end, timed)
        known = self.sentences_read.get(key)
        if known is None:
            known = self.sentences_read[key] = self._read_sentence(info, start, end, timed=timed)
        # A copy: the caller marks it (`anaphoric`) by what precedes it, which the repeat may not share.
        return copy(known)

    def _read_sentence(self, info: UnitText, start: int, end: int, *, timed: bool) -> Sentence:
        folded = info.folded[start:end]
        cue = commitment_cue(folded)
        owner = find_owner(info.unit.text[start:end], folded) if _OWNER_HINT.search(folded) else None
        found = info.within(start, end) if timed else []
        # The year work is for ("strategin för 2021") dates a promise found otherwise, it makes none.
        has_date = any(ahead_of(d, self.document_date) for d in found if not is_year_named(d))
        return Sentence(
            start=start,
            end=end,
            folded=folded,
            cue=cue,
            owner=owner,
            rec=is_recommendation(folded, auditors_speak=self.genre == "report"),
            has_date=has_date,
            # A phrase without a date or an end is never ahead, so "none ahead" is "no date ahead".
            dated_before=self.document_date is not None
            and not has_date
            and any(d.dates or period_end(d) for d in found),
            has_rhythm=any(d.recurrence for d in found),
            anaphoric=False,
            past=bool(cues.PAST.search(folded)),
            assessment=bool(cues.ASSESSMENT.search(folded)),
            report_back=bool(cues.REPORT_BACK.search(folded)),
        )

    # ------------------------------------------------------------------ #

    def run(self) -> list[Draft]:
        for i, unit in enumerate(self.units):
            role = self.roles[i]
            if _QUOTED_MAIL.match(unit.text):
                break  # the earlier e-mail quoted below an answer: the auditors' words, not promises
            if role.role == "heading":
                if _END_HEADING.match(match_text(unit.text).folded.strip()):
                    self.last_rec = None
                continue
            if role.role == "intro" and unit.text:
                self.sentence_reader.read(i, role, intro=True)
                continue
            if not unit.text or role.role in ("skip", "label"):
                continue
            if self.is_claimed(unit):
                continue  # read as a table
            if role.role == "rec":
                self.add_unit_rec(i, role)
            elif role.role == "commit_item":
                self.add_commit_item(i, role)
            elif role.role == "field":
                if unit.label == "followup" and _RUNNING.search(unit.text):
                    self.sentence_reader.read(i, role)  # "Uppföljning" over a paragraph: running text
                continue
            else:
                self.sentence_reader.read(i, role)
        for record in field_records(self.units, self.roles, self.reference):
            if record.action is not None and not self.is_claimed(self.units[record.action[0]]):
                self.add_record(record)
        self.spread_owners()
        carry_assignee(self.drafts, self.infos, self.draft_folded)
        carry_to_they(self.drafts, self.draft_folded)
        under = section_owners(self.units)
        for d in self.drafts:
            if d.kind == COMMITMENT and d.owner is None and d.first[0] in under:
                d.owner = under[d.first[0]]
        return self.drafts

    @cached_property
    def page_agency(self) -> str | None:
        """The one agency the page names, whose page it is (or None)."""
        return page_agency(self.units)

    def is_claimed(self, unit: Unit) -> bool:
        # The claimed spans are disjoint and in order: only the first one ending after the unit's start can overlap.
        k = bisect_right(self.claimed_ends, unit.start)
        return k < len(self.claimed) and self.claimed[k][0] < unit.end

    def answers_for(self, role: Role, unit_index: int, folded: str) -> Draft | None:
        if _GENERAL_RECS.search(folded):
            return None  # "i enlighet med de rekommendationer som lämnas": all of them, not one
        if role.block is not None and role.certain:
            return self.rec_of_unit.get(role.answers) if role.answers is not None else None
        count = self.rec_index.count_before(unit_index)
        if count == 0:
            return None
        if count == 1:
            return self.recs[0]
        # Several recommendations and no layout saying which is answered: the one whose words the
        # commitment repeats; without answer labels the nearest one before is the default. Only the
        # candidates the index gives are weighed, so that a long document stays linear.
        candidates = [self.recs[n] for n in self.rec_index.candidates(folded, unit_index)]
        scores = sorted(((word_overlap(folded, self.draft_folded(d)), d) for d in candidates), key=lambda p: -p[0])
        (best_score, best), (second_score, _) = scores[0], scores[1]
        if best_score >= 0.25 and best_score - second_score >= 0.1:
            return best
        return self.last_rec if role.block is None else None

    def add(self, draft: Draft) -> None:
        self.drafts.append(draft)
        if draft.kind == RECOMMENDATION:
            # Recommendations come in reading order (`run` walks the units in order).
            self.recs.append(draft)
            self.rec_index.add(draft.first[0], self.draft_folded(draft))
            return
        for u in {u for u, _, _ in draft.parts}:
            self.by_unit.setdefault(u, []).append(draft)
        if draft.block is not None:
            self.by_block.setdefault(draft.block, []).append(draft)

    def draft_folded(self, draft: Draft) -> str:
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
        draft = Draft(
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
        draft = Draft(COMMITMENT, [(i, 0, len(info.unit.text))], strength, hedged=bool(sent.cue and sent.cue.hedged))
        draft.block = role.block
        draft.answers = self.answers_for(role, i, info.folded)
        self.set_owner_from(draft, info, 0, len(info.unit.text))
        if role.intro is not None:
            draft.inherited, lead_owner = self.lead_in(role.intro)
            draft.owner = draft.owner or lead_owner
        self.add(draft)

    def lead_in(self, unit: int) -> tuple[list[Deadline], str | None]:
        """What a list's intro gives its items: the deadline of its last sentence, and its owner, read once per
        list. The owner is who it names, else the committee it tells of ("… fattade Arvika-Eda
        överförmyndarnämnd beslut om en handlingsplan. … har man som målsättning att …:")."""
        known = self.lead_ins.get(unit)
        if known is None:
            intro = self.info(unit)
            last = intro.sentences[-1] if intro.sentences else (0, len(intro.unit.text))
            lead = Draft(COMMITMENT, [], 0.0)
            self.set_owner_from(lead, intro, 0, len(intro.unit.text))
            named = find_committees(intro.unit.text, intro.folded)
            found = intro.within(*last) or [d for d in (plan_year(intro.folded),) if d is not None]
            if not found:  # "Under höstens Tillsynsvecka fokuseras på följande …": the week dated before
                earlier = (
                    (self.draft_folded(d), [x for u, s, e in d.parts for x in self.info(u).within(s, e)])
                    for d in reversed(self.drafts)
                    if d.kind == COMMITMENT and d.parts and d.parts[0][0] < unit
                )
                found = event_dated_before(intro.folded[last[0] : last[1]], earlier)
            known = self.lead_ins[unit] = (found, lead.owner or (named[0][2] if named else None))
        return known

    def set_owner_from(self, draft: Draft, info: UnitText, start: int, end: int) -> None:
        first = True
        for s, e in info.sentences:
            if s < start or e > end:
                continue
            if not first and draft.owner is None:
                # The promise's own subject ("Skatteverket ska …") before what a later sentence names
                # ("Vidare har regeringen gett Skatteverket i uppdrag …").
                f_s, f_e = next((a, b) for a, b in info.sentences if a >= start)
                subject = subject_owner(info.unit.text[f_s:f_e], info.folded[f_s:f_e])
                if subject is not None and AGENCY.search(info.folded[f_s:f_e][: len(subject) + 2]):
                    draft.owner, draft.explicit_owner = subject, True
                    return
            first = False
            text, folded = info.unit.text[s:e], info.folded[s:e]
            owner = (
                assigned_agency(text, folded)
                or receiving_agency(text, folded)
                or government_owner(folded)
                or find_owner(text, folded)
                or fronted_subject(text, folded)
            )
            if owner:
                draft.owner, draft.explicit_owner = owner, True
                return
        if draft.owner is None:
            s, e = next(((s, e) for s, e in info.sentences if s >= start), (start, end))
            draft.owner = subject_owner(info.unit.text[s:e], info.folded[s:e])
            if draft.owner is None and draft.parts and speaks_as_we(info.folded[s:e]):
                # "Under 2019 planerar vi att …": the body the page named before it spoke as "vi"
                draft.owner = speaker_before(self.units, draft.parts[0][0], s) or self.page_agency
                draft.carried_owner = draft.owner is not None

    # ------------------------------------------------------------------ #
    def add_record(self, record: TableRecord) -> None:
        if record.action is None:
            return
        u, s, e = record.action
        if self.by_unit.get(u):
            return  # the action's unit was already read as running text
        draft = Draft(COMMITMENT, [(u, s, e)], TABLE_STRENGTH, table=record)
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

    def draft_about(self, target: str, unit: int, block: int | None) -> Draft | None:
        """ "X ansvarar för stickprovskontrollerna": the commitment (in the block, else the unit) about those."""
        candidates = self.by_block.get(block, []) if block is not None else self.by_unit.get(unit, [])
        scored = [(word_overlap(target, self.draft_folded(d)), d) for d in candidates]
        best = max(scored, key=lambda p: p[0], default=(0.0, None))
        return best[1] if best[1] is not None and best[0] > 0 else None

    def owner_targets(self, unit: int, block: int | None, offset: int) -> list[Draft]:
        """The commitments an owner sentence at `offset` of `unit` names the owner of, by place."""
        same_unit = [d for d in self.by_unit.get(unit, []) if any(u == unit and s <= offset for u, s, _ in d.parts)]
        if not same_unit:
            # "Uppdraget att revidera X ges till Y. En reviderad X ska …": the commitment right after it.
            after = [d for d in self.by_unit.get(unit, []) if d.first[0] == unit and d.first[1] > offset]
            same_unit = [min(after, key=lambda d: d.first[1])] if after else []
        in_block = self.by_block.get(block, []) if block is not None else []
        return same_unit or [d for d in in_block if d.first[0] < unit and self.units[d.first[0]].kind != "item"]

    # ------------------------------------------------------------------ #


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, overlapping ones joined: the same places, searchable by bisection."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
