"""From a draft to a `Finding`: its text from its parts, its deadline, committee and confidence."""

from __future__ import annotations

import re

from bot.extraction.deadlines import Chosen, choose
from bot.extraction.drafts import Draft
from bot.extraction.model import COMMITMENT, RECOMMENDATION, Finding
from bot.extraction.owners import find_committees
from bot.extraction.reader import Reader
from bot.extraction.scoring import commitment_confidence, recommendation_confidence
from bot.language.deadline import Deadline
from bot.language.impossible import impossible_date
from bot.language.normalize import match_text

__all__ = ["finish", "make_finding"]

_LIST_JOINT = re.compile(r"\s*[,;]\s*(?:och|samt|eller)?\s*$|\s+(?:och|samt|eller)\s*$")
_SUBJECT_POSITION = re.compile(r"(?:^|[.:;]\s+|\batt\s+)\W*(?:\S+\s+){0,2}$")


def finish(reader: Reader, draft: Draft, rec_spans: dict[int, tuple[int, int]]) -> Finding | None:
    """The finding a draft makes: its text, span, deadline, committee and confidence.

    Recommendations are finished first: `rec_spans` holds their spans, and a commitment
    takes the committee of the recommendation it answers when it names none.
    """
    text, (start, end), found = _joined(reader, draft)
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
        chosen = choose(found or draft.inherited, document_date=reader.document_date)
    no_such_day = impossible_date(text) if draft.kind == COMMITMENT and not chosen.deadlines else None
    if no_such_day is not None and chosen.recurrence is None:
        # "senast 2027-02-30": the grammar reads no day that does not exist; the review says which one it was.
        chosen = Chosen(deadlines=(), phrase=no_such_day, recurrence=None, note="impossible", confidence=0.0)
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
            has_owner=draft.owner is not None and not draft.carried_owner,
            answers=answers is not None,
            hedged=draft.hedged,
            report=reader.genre == "report" and not draft.assigned,
        )
    return make_finding(draft.kind, text, (start, end), chosen, draft.owner, committee, confidence, answers)


def _joined(reader: Reader, draft: Draft) -> tuple[str, tuple[int, int], list[Deadline]]:
    """A draft's parts as one text ("…" where they are apart), its original span and the time phrases in it."""
    pieces: list[str] = []
    found: list[Deadline] = []
    start = end = -1
    previous: tuple[int, int] | None = None
    for u, s, e in sorted(draft.parts):
        info = reader.info(u)
        chunk = info.unit.text[s:e].strip()
        if not chunk:
            continue
        if previous is not None:
            adjacent = previous[0] == u and not info.unit.text[previous[1] : s].strip()
            next_unit = previous[0] + 1 == u and previous[1] >= len(reader.info(previous[0]).unit.text) - 1 and s == 0
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
