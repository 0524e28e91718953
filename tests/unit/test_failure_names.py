"""App Home names an undelivered message in Swedish, whatever kind of outbox row it was."""

from datetime import UTC, datetime
from functools import partial

import pytest

from bot.outbox.status import Failure, reason_text
from bot.texts import Texts


@pytest.mark.parametrize(
    ("kind", "named"),
    [("continuation", "fortsättning i en tråd"), ("overview", "månadsöversikt"), ("something_new", "meddelande")],
)
def test_a_failure_without_a_commitment_or_committee_is_named_by_its_kind_in_swedish(kind: str, named: str) -> None:
    texts = Texts()
    failure = Failure(
        id=1,
        key="k",
        kind=kind,
        error="channel_not_found",
        due_at=datetime(2027, 2, 1, tzinfo=UTC),
        about=None,
        recipient=None,
    )
    shown = texts.md("home_failures.md.j2", failures=[failure], total=1, reason=partial(reason_text, texts))
    assert named in shown
    assert kind not in shown
