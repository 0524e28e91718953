"""Routines linked to commitments: suggested when a commitment is registered, linked by a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.services.routine_library import RoutineLibrary
from bot.services.routines import get_routine
from storage.models import Commitment, CommitmentRoutine

SUGGESTED = 3
# A commitment's text is a sentence, not a query: it shares fewer of its words with
# a routine's title than a typed query does, so a lower score still means "related".
SUGGEST_SCORE = 20.0


@dataclass(frozen=True)
class Suggestion:
    routine_id: int
    title: str


def suggestions(session: Session, library: RoutineLibrary, commitment: Commitment) -> list[Suggestion]:
    """Up to three routines the commitment seems to be about, not yet linked to it."""
    linked = set(
        session.scalars(select(CommitmentRoutine.routine_id).where(CommitmentRoutine.commitment_id == commitment.id))
    )
    hits, titles = library.hits(session, commitment.text, SUGGESTED + len(linked))
    found: list[Suggestion] = []
    for hit in hits:
        routine_id = int(hit.id)
        if hit.score < SUGGEST_SCORE or routine_id in linked:
            continue
        found.append(Suggestion(routine_id, titles[routine_id]))
        if len(found) == SUGGESTED:
            break
    return found


def link(session: Session, commitment_id: int, routine_id: int, now: datetime) -> bool:
    """Link a routine to a commitment; False if it already was (a double click does nothing twice)."""
    get_routine(session, routine_id)  # a routine removed meanwhile gets its Swedish sentence
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    stmt = (
        insert(CommitmentRoutine)
        .values(commitment_id=commitment_id, routine_id=routine_id, created_at=now)
        .on_conflict_do_nothing()
        .returning(CommitmentRoutine.id)
    )
    return session.execute(stmt).first() is not None
