"""One finding for a commitment the document states twice (a summary and the body).

Texts are compared folded (`bot.language.normalize.fold`, so OCR damage and
diacritics do not matter) with rapidfuzz. Two findings of the same kind are the
same when their texts are nearly equal, or when one holds nearly all the words
of the other and they are of similar length; commitments far apart with the same
deadline and most of their words in common are one too (a summary's restatement). The kept finding is the better
one (more facts, then higher confidence); it takes over the deadline, rhythm
and owner the other one had and it lacked.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz, process

from bot.extraction.model import COMMITMENT, FROM_TASK, Finding
from bot.language.normalize import fold

__all__ = ["content_stems", "dedupe", "same_content", "word_overlap"]

_SAME = 88.0
_SAME_WORDS = 93.0
_LENGTH_RATIO = 0.6


def _facts(f: Finding) -> int:
    return (2 if f.deadlines else 0) + (1 if f.recurrence else 0) + (1 if f.owner else 0) + (1 if f.answers else 0)


def _better(a: Finding, b: Finding) -> bool:
    return (_facts(a), a.confidence, -a.span[0]) >= (_facts(b), b.confidence, -b.span[0])


def _absorb(kept: Finding, other: Finding) -> Finding:
    changes: dict[str, object] = {}
    if not kept.deadlines and other.deadlines:
        changes.update(
            deadlines=other.deadlines, deadline_phrase=other.deadline_phrase, deadline_note=other.deadline_note
        )
    if kept.recurrence is None and other.recurrence is not None:
        changes["recurrence"] = other.recurrence
        if not kept.deadline_phrase and "deadline_phrase" not in changes:
            changes["deadline_phrase"] = other.deadline_phrase
    if kept.owner is None and other.owner is not None:
        changes["owner"] = other.owner
    if kept.committee is None and other.committee is not None:
        changes["committee"] = other.committee
    if kept.answers is None and other.answers is not None:
        changes["answers"] = other.answers
    return replace(kept, **changes) if changes else kept  # type: ignore[arg-type]


def dedupe(findings: Sequence[Finding]) -> tuple[list[Finding], dict[tuple[int, int], tuple[int, int]]]:
    """Findings with duplicates merged, and where each dropped finding's span went (old span → kept span)."""
    keys = [fold(f.text) for f in findings]
    n = len(findings)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Identical texts first (cheap); then near ones among the distinct texts.
    first_of: dict[tuple[str, str], int] = {}
    for i, f in enumerate(findings):
        seen = first_of.setdefault((f.kind, keys[i]), i)
        if seen != i:
            parent[i] = seen
    by_kind: dict[str, list[int]] = {}
    for i in first_of.values():
        by_kind.setdefault(findings[i].kind, []).append(i)
    for members in by_kind.values():
        for i, window in _shorter_candidates(members, keys):
            choices = [keys[j] for j in window]
            near = {
                window[b]
                for _k, _s, b in process.extract(keys[i], choices, scorer=fuzz.ratio, score_cutoff=_SAME, limit=None)
            }
            near.update(
                window[b]
                for _k, _s, b in process.extract(
                    keys[i], choices, scorer=fuzz.token_set_ratio, score_cutoff=_SAME_WORDS, limit=None
                )
            )
            for j in near:
                a, b = findings[i], findings[j]
                if same_content(keys[i], keys[j]) and not _owners_differ(a, b) and not _deadlines_differ(a, b):
                    parent[root(j)] = root(i)
    _join_restatements(findings, keys, root, parent)
    _join_undated_leads(findings, keys, root, parent)
    _join_taken_up(findings, keys, root, parent)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    out: list[Finding] = []
    moved: dict[tuple[int, int], tuple[int, int]] = {}
    for members in groups.values():
        best = members[0]
        for m in members[1:]:
            if not _better(findings[best], findings[m]):
                best = m
        kept = findings[best]
        for m in members:
            if m != best:
                kept = _absorb(kept, findings[m])
                moved[findings[m].span] = kept.span
        out.append(kept)
    return out, moved


# A long answer that restates itself, or a long list of parallel items, holds thousands of findings:
# weighing each against every other costs their square. Each is weighed against the `_WINDOW` before it
# and, further back, the last `_PER_STEM` that share each of its content stems (a duplicate repeats
# nearly all the words of the text it repeats). Answers with up to `_WINDOW` findings of a kind, which
# is every real one we have seen, are compared exactly as before.
_WINDOW = 64
_PER_STEM = 8


def _candidates(
    members: Sequence[int],
    keys: Sequence[str],
    starts: Sequence[int],
    stems: Mapping[int, set[str]] | None = None,
) -> Iterator[tuple[int, list[int]]]:
    """Each member with the earlier members it may repeat; `starts[a]`: the first position member `a` may reach;
    `stems`: each member's content stems, when the caller has them already."""
    posted: dict[str, list[int]] = {}
    for a, i in enumerate(members):
        lo = starts[a]
        near = set(range(max(lo, a - _WINDOW), a))
        for stem in stems[i] if stems is not None else content_stems(keys[i]):
            positions = posted.setdefault(stem, [])
            near.update(p for p in positions[-_PER_STEM:] if p >= lo)
            positions.append(a)
        yield i, [members[p] for p in sorted(near)]


def _shorter_candidates(members: list[int], keys: Sequence[str]) -> Iterator[tuple[int, list[int]]]:
    """Each distinct text with the ones not much shorter it may nearly equal (as long, nearly)."""
    members.sort(key=lambda i: len(keys[i]))
    lengths = [len(keys[i]) for i in members]
    starts = [bisect_left(lengths, _LENGTH_RATIO * length) for length in lengths]
    return _candidates(members, keys, starts)


# A summary restates a commitment the body gives in full, in other words but with the same deadline.
_RESTATED_OVERLAP = 0.6
_FAR_APART = 400
_PARALLEL = 75.0


def _join_restatements(
    findings: Sequence[Finding], keys: list[str], root: Callable[[int], int], parent: list[int]
) -> None:
    """Join commitments far apart in the text that share their deadline(s) and most of their words."""
    by_dates: dict[tuple[date, ...], list[int]] = {}
    for i, f in enumerate(findings):
        if f.kind == COMMITMENT and f.deadlines and FROM_TASK not in (f.deadline_note or ""):
            # A date taken from the decision's task is shared by everything in it: no sign of a restatement.
            by_dates.setdefault(f.deadlines, []).append(i)
    for members in by_dates.values():
        for j, earlier in _candidates(members, keys, [0] * len(members)):
            for i in earlier:
                if root(i) == root(j) or abs(findings[i].span[0] - findings[j].span[0]) < _FAR_APART:
                    continue
                if word_overlap(keys[i], keys[j]) < _RESTATED_OVERLAP or _owners_differ(findings[i], findings[j]):
                    continue
                # Items of one long list ("att under 2025 revidera …", "att under 2025 utvärdera …") are
                # nearly the same characters and differ in a word: parallel promises, not a restatement.
                if fuzz.ratio(keys[i], keys[j]) >= _PARALLEL and not same_content(keys[i], keys[j]):
                    continue
                parent[root(j)] = root(i)


# A page's lead says the task without its time ("Naturvårdsverket ska som samordnande myndighet utveckla
# samarbetsformer …"); the body gives it in full with the time ("Regeringen uppdrar åt Naturvårdsverket … att
# … utveckla samarbetsformer … Uppdraget ska slutredovisas senast …"). Nearly all its words are in the body's.
_LEAD_OVERLAP = 0.85
_LEAD_MIN_STEMS = 8


def _join_undated_leads(
    findings: Sequence[Finding], keys: list[str], root: Callable[[int], int], parent: list[int]
) -> None:
    """Join an undated commitment into a dated one of the same owner that repeats nearly all its words."""
    members = [i for i, f in enumerate(findings) if f.kind == COMMITMENT]
    timed = {i: bool(findings[i].deadlines or findings[i].recurrence) for i in members}
    if all(timed.values()) or not any(timed.values()):
        return
    stems = {i: content_stems(keys[i]) for i in members}
    for j, earlier in _candidates(members, keys, [0] * len(members), stems):
        for i in earlier:
            if timed[i] == timed[j] or root(i) == root(j):
                continue  # both dated or both undated: not a lead and its body
            undated, dated = (j, i) if timed[i] else (i, j)
            lead, body = stems[undated], stems[dated]
            if (
                not findings[dated].deadlines
                or len(lead) < _LEAD_MIN_STEMS
                or len(keys[undated]) > len(keys[dated])
                or _stem_overlap(lead, body) < _LEAD_OVERLAP
                or not same_content(keys[undated], keys[dated])
                or _owners_differ(findings[i], findings[j])
            ):
                continue
            parent[root(undated)] = root(dated)


def _owners_differ(a: Finding, b: Finding) -> bool:
    """Two owners named, and not the same: the same task given to two ("Förvaltningen får i uppdrag att ta
    fram ett regelverk …", "Kommunstyrelsen får i uppdrag att ta fram ett regelverk …") is two tasks."""
    if a.owner is None or b.owner is None:
        return False
    owner_a, owner_b = fold(a.owner), fold(b.owner)
    # A summary's "Förvaltningen kommer att …" restated with "Ekonomichefen ansvarar" is one promise: each
    # text must name only its own owner.
    return owner_a != owner_b and owner_a not in fold(b.text) and owner_b not in fold(a.text)


def _deadlines_differ(a: Finding, b: Finding) -> bool:
    """Two dates, and not the same: the same work in two places or twice ("… i område Väster senast i mars 2028",
    "… i område Väster senast i juni 2028") is two promises, whatever else they share."""
    return bool(a.deadlines) and bool(b.deadlines) and a.deadlines != b.deadlines


_CONTENT = re.compile(r"[a-z]{5,}")
_STOP = frozenset(
    {
        *("att", "kommer", "ska", "skall", "avser", "under", "samt", "inom", "eller", "detta", "dessa", "denna"),
        *("nämnden", "namnden", "forvaltningen", "forvaltningens", "nämndens", "namndens", "mellan", "genom"),
        *("saker", "sakerstalla", "utifran", "kring", "andra", "arbete", "arbetet", "arbeta", "vilket"),
    }
)


def content_stems(folded: str) -> set[str]:
    # Swedish compounds share their head with the plain word ("stickprovskontroller" / "kontroller"):
    # the first and the last six letters of each word are compared.
    out: set[str] = set()
    for word in _CONTENT.findall(folded):
        if word not in _STOP:
            out.update((word[:6], word[-6:]))
    return out


def word_overlap(a: str, b: str) -> float:
    """How much of the shorter of two folded texts' content words the other repeats (0..1)."""
    return _stem_overlap(content_stems(a), content_stems(b))


def _stem_overlap(x: set[str], y: set[str]) -> float:
    """How much of the smaller of two sets of content stems the other holds (0..1)."""
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


_NUMBER = re.compile(r"\d+")
# Inflection and OCR damage keep a word this close to itself ("revidera"/"revideras", "rutinen"/"rutlnen").
_SAME_WORD = 80.0


def same_content(a: str, b: str) -> bool:
    """Whether two near-equal folded texts make the same promise, not two items of one list.

    Lists in answers are parallel ("att under 2025 revidera rutinen …", "att under 2025 utvärdera
    rutinen …"): nearly the same characters, yet different promises, each with a word the other
    lacks. A restatement keeps the content words and numbers of the shorter statement, up to
    inflection and OCR damage, and may add to them (a joined owner or deadline sentence).
    """
    na, nb = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    if not (na <= nb or nb <= na):
        return False
    all_x, all_y = set(_CONTENT.findall(a)), set(_CONTENT.findall(b))
    x, y = all_x - _STOP, all_y - _STOP

    def lacking(words: set[str], other_text: set[str]) -> int:
        # Any word of the other text may be the same word damaged (a stop word too: "sekerstalla").
        return sum(1 for w in words - other_text if not any(fuzz.ratio(w, o) >= _SAME_WORD for o in other_text - words))

    only_x, only_y = lacking(x, all_y), lacking(y, all_x)
    return min(only_x, only_y) == 0 or only_x + only_y <= len(x | y) // 12


# A page names a piece of work once, without its time ("En oberoende utvärdering av regionens arbete … kommer att
# genomföras"), and takes it up again by its definite form with the time ("Utvärderingen ska genomföras av en
# extern part och slutrapporten redovisas … den 30 mars 2021"): one commitment.
_INDEFINITE_WORK = re.compile(
    r"^\W*(?:en|ett)\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z]{5,})\s+(?:av|for|om|med|inom|kring|kommer|ska|skall)\b"
)
_DEFINITE = re.compile(r"^\W*(?P<word>[a-z]{5,})\s")
# The same work named again after a fronted time: "Ett förslag ska tas fram …" then "Under 2016 ska ett förslag
# till regional kulturgaranti tas fram …".
_FRONTED_AGAIN = re.compile(
    r"^\W*(?:[^\s.;:]+\s+){1,4}?(?:ska|skall|kommer(?:\s+att)?)\s+(?:en|ett|den|det)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?P<word>[a-z]{5,})\b"
)
_TAKEN_UP_WITHIN = 1_500
_DEFINITE_ENDINGS = frozenset({"en", "et", "n", "t"})


def _join_taken_up(findings: Sequence[Finding], keys: list[str], root: Callable[[int], int], parent: list[int]) -> None:
    """Join an undated commitment that names a piece of work into the next dated one that takes it up."""
    dated = sorted((g.span[0], j) for j, g in enumerate(findings) if g.kind == COMMITMENT and g.deadlines)
    starts = [s for s, _ in dated]
    for i, f in enumerate(findings):
        if f.kind != COMMITMENT or f.deadlines or f.recurrence:
            continue
        named = _INDEFINITE_WORK.match(keys[i])
        if named is None:
            continue
        head = named["head"]
        for k in range(bisect_left(starts, f.span[1] + 1), len(dated)):
            at, j = dated[k]
            if at - f.span[1] > _TAKEN_UP_WITHIN:
                break
            definite = _DEFINITE.match(keys[j])
            word = definite["word"] if definite else ""
            again = _FRONTED_AGAIN.match(keys[j])
            said_again = again is not None and again["word"] == head
            taken = word.startswith(head) and word[len(head) :] in _DEFINITE_ENDINGS
            if (taken or said_again) and not _owners_differ(f, findings[j]):
                parent[root(i)] = root(j)
                break
