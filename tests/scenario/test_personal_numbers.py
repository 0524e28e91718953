"""A mistyped personnummer is still personal data."""

from __future__ import annotations

from bot.language.personnummer import luhn_ok
from tests.scenario.conftest import World


def test_a_personal_number_with_a_wrong_check_digit_is_refused_in_one_line(world: World) -> None:
    world.quick_committee()
    assert not luhn_ok("1212121213")  # 19121212-1212 with its last digit mistyped
    world.run("sara", "bun", "/atagande ny BUN Utred 19121212-1213 senast i april 2027 @anna")
    text = world.last_text("sara", "bun")
    assert "personnummer eller samordningsnummer" in text
    assert "[ Ändra ]" in text and "Spara" not in text
    # A case number and a phone number in the same place are fine.
    world.run(
        "sara", "bun", "/atagande ny BUN Utred ärende 2023/BUN 0148, tel. 070-123 45 67, senast i april 2027 @anna"
    )
    text = world.last_text("sara", "bun")
    assert "personnummer" not in text
    assert "[ Spara ]" in text
    assert world.count_commitments() == 0
