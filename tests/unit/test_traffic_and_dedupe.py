"""Traffic lights and delivery deduplication."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.services.dedupe import delivery_key, first_time, forget_old
from bot.services.traffic import Light, light
from storage.db import Database
from storage.models import Commitment, CommitmentStatus

TODAY = date(2027, 3, 1)
NOW = datetime(2027, 3, 1, 9, tzinfo=UTC)


def _c(**fields: object) -> Commitment:
    values: dict[str, object] = {"status": CommitmentStatus.NOT_STARTED, "deadline": TODAY + timedelta(days=90)}
    values.update(fields)
    values.setdefault("original_deadline", values["deadline"])
    return Commitment(**values)


def test_lights() -> None:
    assert light(_c(), TODAY, NOW) == Light.GREEN
    assert light(_c(deadline=TODAY + timedelta(days=10)), TODAY, NOW) == Light.YELLOW
    recently = NOW - timedelta(days=3)
    assert light(_c(deadline=TODAY + timedelta(days=10), last_update_at=recently), TODAY, NOW) == Light.GREEN
    assert light(_c(deadline=TODAY - timedelta(days=1)), TODAY, NOW) == Light.RED
    moved = _c(deadline=TODAY + timedelta(days=90), original_deadline=TODAY + timedelta(days=30))
    assert light(moved, TODAY, NOW) == Light.RED
    # Brought forward is no delay (found by a new user: a date moved earlier turned the card red).
    earlier = _c(deadline=TODAY + timedelta(days=90), original_deadline=TODAY + timedelta(days=120))
    assert light(earlier, TODAY, NOW) == Light.GREEN
    assert light(_c(status=CommitmentStatus.DELAYED), TODAY, NOW) == Light.RED
    assert light(_c(status=CommitmentStatus.DONE, deadline=TODAY - timedelta(days=5)), TODAY, NOW) == Light.GREEN
    assert light(_c(status=CommitmentStatus.CANCELLED), TODAY, NOW) == Light.NONE


def test_delivery_keys() -> None:
    assert delivery_key({"type": "event_callback", "event_id": "Ev1"}) == "event:Ev1"
    assert delivery_key({"type": "block_actions", "trigger_id": "13.4"}) == "trigger:13.4"
    assert delivery_key({"command": "/atagande", "trigger_id": "9.9"}) == "trigger:9.9"
    assert delivery_key({"type": "url_verification"}) is None


def test_first_time_only_once(db: Database) -> None:
    assert first_time(db, "event:Ev1", NOW) is True
    assert first_time(db, "event:Ev1", NOW) is False
    assert first_time(db, "event:Ev2", NOW) is True
    assert forget_old(db, NOW + timedelta(days=3)) == 2
    assert first_time(db, "event:Ev1", NOW + timedelta(days=3)) is True
