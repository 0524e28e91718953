"""Confidence of a finding: explainable sums, clamped to [0.05, 0.98].

Commitment: the cue's strength (kommer att / avser / an "att"-list after "Vi
kommer": 0.6; beräknas vara klar 0.55; pågår, planerar, a promising "ska": 0.5;
a weak "ska", fortsätta: 0.35-0.4; a dated sentence in an answer block: 0.4; a
rhythm stated in an answer block: 0.3), plus 0.25 × the grammar's confidence in
a dated deadline, or 0.12 for a rhythm; plus 0.08 for an owner and 0.05 for a
link to the recommendation it answers; minus 0.15 for a hedge ("sannolikt") and
0.2 when the auditors, not the committee, are speaking (a report).

Recommendation: 0.8 when the layout says so (a recommendations section, the
item before "Svar:"), 0.65 for a sentence that recommends by itself; plus 0.1
when it says "bör" or "rekommenderar".
"""

from __future__ import annotations

__all__ = ["DATE_WEIGHT", "commitment_confidence", "recommendation_confidence"]

# What a dated deadline adds, times the grammar's confidence in it.
DATE_WEIGHT = 0.25


def _clamp(value: float) -> float:
    return round(max(0.05, min(0.98, value)), 2)


def commitment_confidence(
    strength: float,
    *,
    date_confidence: float,
    has_recurrence: bool,
    has_owner: bool,
    answers: bool,
    hedged: bool,
    report: bool,
) -> float:
    score = strength
    if date_confidence > 0:
        score += DATE_WEIGHT * date_confidence
    elif has_recurrence:
        score += 0.12
    if has_owner:
        score += 0.08
    if answers:
        score += 0.05
    if hedged:
        score -= 0.15
    if report:
        score -= 0.2
    return _clamp(score)


def recommendation_confidence(*, structural: bool, cue: bool) -> float:
    return _clamp((0.8 if structural else 0.65) + (0.1 if cue else 0.0))
