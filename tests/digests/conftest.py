"""Committees and commitments made through the services, at chosen moments."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime

import pytest

from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.people import Actor
from bot.services.validation import ResolvedDeadline
from bot.standin import SlackStandIn
from storage.db import Database
from storage.models import CommitmentStatus
from tests.conftest import STOCKHOLM

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
OWNER = "UOWNER"
# Registered long before the digests under test: untouched ones are silent by then.
REGISTERED = datetime(2026, 9, 1, 9, 0, tzinfo=STOCKHOLM)


class Register:
    """Makes history the way people do, through bot.services, at the moment given."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def committee(self, code: str, name: str) -> int:
        with self.db.write() as s:
            return committee_service.create_committee(s, ADMIN, code, name, REGISTERED).id

    def commitments(
        self,
        code: str,
        deadlines: Sequence[date | None],
        *,
        at: datetime = REGISTERED,
        text: str = "Revidera rutinen för orosanmälan",
        owner: str | None = OWNER,
    ) -> list[int]:
        """One commitment per deadline (None: a recurring one), in one transaction; their ids."""
        ids: list[int] = []
        with self.db.write() as s:
            for deadline in deadlines:
                raw = CommitmentInput(
                    text=text,
                    committee=code,
                    owner_user_id=owner,
                    owner_name="Olle Ägare" if owner else None,
                    owner_role="förvaltningschef",
                    deadline=deadline.isoformat() if deadline else "",
                    recurrence="" if deadline else "årligen",
                )
                draft = cs.validate(s, raw, at.date())
                ids.append(cs.create(s, ADMIN, draft, at).id)
        return ids

    def commitment(self, code: str, deadline: date | None, *, at: datetime = REGISTERED, text: str = "") -> int:
        return self.commitments(code, [deadline], at=at, text=text or "Revidera rutinen för orosanmälan")[0]

    def status(self, commitment_id: int, status: CommitmentStatus, at: datetime) -> None:
        with self.db.write() as s:
            cs.set_status(s, ADMIN, cs.get_by_id(s, commitment_id), status, at)

    def move(self, commitment_id: int, new: date, reason: str, at: datetime) -> None:
        with self.db.write() as s:
            commitment = cs.get_by_id(s, commitment_id)
            cs.move_deadline(s, ADMIN, commitment, ResolvedDeadline(new, new.isoformat(), 1.0), reason, at)

    def comment(self, commitment_id: int, at: datetime, text: str = "Arbetet pågår enligt plan") -> None:
        with self.db.write() as s:
            cs.add_comment(s, ADMIN, cs.get_by_id(s, commitment_id), text, None, at)

    def card(self, commitment_id: int, channel: str, ts: str) -> None:
        with self.db.write() as s:
            cs.record_message(s, cs.get_by_id(s, commitment_id), channel, ts)


@pytest.fixture
def register(db: Database) -> Register:
    return Register(db)


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    """A started stand-in that checks every call as Slack would, with a #bun channel."""
    with SlackStandIn() as slack:
        slack.add_user("anna")
        slack.add_channel("bun", members=["anna"])
        yield slack
