"""Saving a new commitment from the register modal or a one-line preview, and what is shown after."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.services import commitments as commitment_service
from bot.services import dedupe, routine_links
from bot.services.commitment_drafts import CommitmentInput
from bot.services.commitment_view import CommitmentView, view_of
from bot.services.context import Services
from bot.services.people import Actor
from bot.services.routine_links import Suggestion


@dataclass(frozen=True)
class Registered:
    """A saved commitment as its registrar is shown it, with the routines it seems to be about."""

    view: CommitmentView
    suggestions: tuple[Suggestion, ...]


def register(svc: Services, actor: Actor, raw: CommitmentInput) -> int:
    """Check and save `raw` in one transaction; the new commitment's id (errors name their fields)."""
    with svc.db.write() as session:
        return _save(svc, session, actor, raw)


def register_once(svc: Services, actor: Actor, raw: CommitmentInput, once: str | None) -> int | None:
    """As :func:`register`, once per intent: `once` names it (a preview, a submitted form).

    None comes back, and nothing is saved, when it was saved before (a double click or submit).
    """
    with svc.db.write() as session:
        # Claimed first: a refusal below rolls the claim back with everything else.
        if once is not None and not dedupe.claim(session, once, svc.clock.now()):
            return None
        return _save(svc, session, actor, raw)


def _save(svc: Services, session: Session, actor: Actor, raw: CommitmentInput) -> int:
    draft = commitment_service.validate(session, raw, svc.clock.today())
    return commitment_service.create(session, actor, draft, svc.clock.now()).id


def registered(svc: Services, commitment_id: int) -> Registered:
    with svc.db.read() as session:
        c = commitment_service.get_by_id(session, commitment_id)
        return Registered(
            view=view_of(c, svc.texts, svc.clock.today(), svc.clock.now()),
            suggestions=tuple(routine_links.suggestions(session, svc.routines, c)),
        )
