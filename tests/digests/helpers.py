"""Digests made by hand for the message tests, and the checks every message must pass.

Shared by test_blocks, test_blocks_overflow and test_overview_blocks; the helpers keep the
underscore names those tests were written with.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from bot.digests.blocks import SlackMessage
from bot.digests.content import CommitteeDigest, DigestItem, DoneItem, MovedItem, Section
from bot.digests.schedule import digest_slot
from bot.domain.digest_schedule import DigestSchedule
from bot.services.traffic import Light
from bot.standin.blockkit import MAX_MESSAGE_TEXT, validate_blocks
from bot.texts import Texts
from bot.ui import blocks as bk
from storage.models import CommitmentStatus
from tests.conftest import STOCKHOLM

TEXTS = Texts()
TEAM_URL = "https://kommunen.slack.com/"
NOW = datetime(2026, 11, 30, 8, 0, tzinfo=STOCKHOLM)
SLOT = digest_slot(DigestSchedule(), NOW.date())
CARD_CHANNEL = "C0BUN0001"
CARD_TS = "1764489600.000100"
CARD_URL = "https://kommunen.slack.com/archives/C0BUN0001/p1764489600000100"


def _item(number: int, **fields: object) -> DigestItem:
    values: dict[str, object] = {
        "id": number,
        "committee_id": 1,
        "reference": f"BUN-{number}",
        "text": "Revidera den lokala BUS-överenskommelsen med polisen och socialtjänsten",
        "status": CommitmentStatus.NOT_STARTED,
        "light": Light.RED,
        "deadline": date(2026, 11, 1) + timedelta(days=number % 28),
        "original_deadline": date(2026, 11, 1) + timedelta(days=number % 28),
        "recurrence_phrase": None,
        "owner_user_id": "UOWNER",
        "owner_role": "förvaltningschef",
        "message_channel": None,
        "message_ts": None,
        "last_update_at": None,
        "created_at": datetime(2026, 9, 1, 7, tzinfo=UTC),
    }
    values.update(fields)
    return DigestItem(**values)  # type: ignore[arg-type]


def _digest(
    *,
    overdue: Sequence[DigestItem] = (),
    due_soon: Sequence[DigestItem] = (),
    done: Sequence[DoneItem] = (),
    moved: Sequence[MovedItem] = (),
    silent: Sequence[DigestItem] = (),
    totals: dict[str, int] | None = None,
    open_total: int = 42,
) -> CommitteeDigest:
    counted = totals or {}
    return CommitteeDigest(
        committee_id=1,
        code="BUN",
        name="Barn- och utbildningsnämnden",
        as_of=NOW,
        today=NOW.date(),
        period=SLOT.period,
        open_total=open_total,
        overdue=Section(tuple(overdue), counted.get("overdue", len(overdue))),
        due_soon=Section(tuple(due_soon), counted.get("due_soon", len(due_soon))),
        done=Section(tuple(done), counted.get("done", len(done))),
        moved=Section(tuple(moved), counted.get("moved", len(moved))),
        silent=Section(tuple(silent), counted.get("silent", len(silent))),
    )


def _done(number: int) -> DoneItem:
    item = _item(number, status=CommitmentStatus.DONE, light=Light.GREEN)
    return DoneItem(item, datetime(2026, 11, 26, 9, tzinfo=UTC))


def _moved(number: int, reason: str = "Polisen vill vara med i revideringen") -> MovedItem:
    item = _item(number, deadline=date(2027, 9, 30), original_deadline=date(2027, 3, 31))
    return MovedItem(item, datetime(2026, 11, 27, 9, tzinfo=UTC), date(2027, 3, 31), date(2027, 9, 30), reason)


def _valid(message: SlackMessage) -> None:
    """What the stand-in (and so Slack) would accept."""
    assert [str(problem) for problem in validate_blocks(message.blocks, "message")] == []
    assert 0 < len(message.text) <= MAX_MESSAGE_TEXT
    assert len(message.blocks) <= bk.MESSAGE_BLOCKS


def _section_texts(message: SlackMessage) -> list[str]:
    return [block["text"]["text"] for block in message.blocks if block["type"] == "section" and "text" in block]


def _all_text(message: SlackMessage) -> str:
    return json.dumps(message.blocks, ensure_ascii=False)
