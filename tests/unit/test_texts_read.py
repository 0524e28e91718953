"""Texts as a reader meets them: a morning's list of reminders, the help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from bot.texts import Texts


@dataclass(frozen=True)
class _View:
    light: str = "🔴"
    ref: str = "BUN-1"
    text: str = "Uppdatera krisplanen"
    status: str = "Ej påbörjad"


@pytest.mark.parametrize(
    ("kind", "escalation"),
    [("before", False), ("on_day", False), ("last_working_day", False), ("overdue", False), ("overdue", True)],
)
def test_the_heading_and_the_commitment_are_on_lines_of_their_own(kind: str, escalation: bool) -> None:
    text = Texts().md(
        "reminder_item.md.j2",
        c=_View(),
        escalation=escalation,
        owner="@anna",
        kind=kind,
        deadline=date(2027, 4, 30),
        phrase="senast i april 2027",
        rhythm=None,
        days=3,
        last_status=None,
        last_at=None,
        last_comment=None,
    )
    lines = text.splitlines()
    assert "BUN-1" not in lines[0], text  # the heading says when; the next line names the commitment
    assert lines[1].startswith("🔴 *BUN-1*"), text


def test_the_help_says_who_may_do_what_and_that_the_settings_set_the_weekly_summary() -> None:
    text = Texts().md("help.md.j2")
    assert "Vem får göra vad" in text
    assert "Nämndsekreterare registrerar" in text and "Den ansvariga svarar" in text
    assert "veckosammanfattningen" in text
