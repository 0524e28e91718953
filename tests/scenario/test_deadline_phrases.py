"""Deadline phrases people type in one line, and what the preview makes of them.

The decisions and their reasons are in the table of ``bot/language/periods.py``.
"""

from __future__ import annotations

from tests.scenario.conftest import World


def deadline_line(world: World) -> str:
    """The preview's "Klart senast" line."""
    text = world.last_text("sara", "bun")
    (line,) = [row.strip() for row in text.splitlines() if row.strip().startswith("Klart senast:")]
    return line


def test_the_school_start_keeps_its_year(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN Inför den nya frånvarorutinen till läsårsstarten 2027 @anna")
    assert deadline_line(world) == "Klart senast: 31 juli 2027 (”till läsårsstarten 2027”)"
    text = world.last_text("sara", "bun")
    assert "Vad: Inför den nya frånvarorutinen" in text
    assert "första skoldagen" in text  # the date is a convention, and the preview says so
    world.click("sara", world.last("sara", "bun"), "Spara")
    assert "31 juli 2027" in world.card_text("BUN-1")


def test_till_hosten_typed_on_the_last_of_july_is_the_end_of_the_summer(world: World) -> None:
    world.quick_committee()
    world.at("2027-07-31T09:00")
    world.run("sara", "bun", "/atagande ny BUN Uppdatera rutinen för skolskjuts till hösten @anna")
    assert deadline_line(world) == "Klart senast: 31 augusti 2027 (”till hösten”)"


def test_under_hosten_typed_in_december_is_the_next_autumn_and_says_so(world: World) -> None:
    world.quick_committee()
    world.at("2027-12-06T09:00")
    world.run("sara", "bun", "/atagande ny BUN Utvärdera elevhälsans rutiner under hösten @anna")
    assert deadline_line(world) == "Klart senast: 31 december 2028 (”under hösten”)"
    assert "räknade med 2028" in world.last_text("sara", "bun")
    # With the year written, the year is taken as it stands.
    world.run("sara", "bun", "/atagande ny BUN Utvärdera elevhälsans rutiner under hösten 2027 @anna")
    assert deadline_line(world) == "Klart senast: 31 december 2027 (”under hösten 2027”)"
    assert "räknade med" not in world.last_text("sara", "bun")


def test_phrases_without_a_date_are_explained_on_the_deadline(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN Revidera rutinen efter sommaren @anna")
    line = deadline_line(world)
    assert line.startswith("Klart senast: ”efter sommaren”")
    assert "inte när det ska vara klart" in line
    text = world.last_text("sara", "bun")
    assert "Spara" not in text and "[ Ändra ]" in text

    # An occasion of the årshjul is dated by it; until someone confirms the årshjul, its default day is
    # used and the preview says so (it was a question before the årshjul existed).
    world.run("sara", "bun", "/atagande ny BUN Se över resursfördelningen inför budgetarbetet 2028 @anna")
    line = deadline_line(world)
    assert line == "Klart senast: 30 november 2027 (”inför budgetarbetet 2028”)"
    text = world.last_text("sara", "bun")
    assert "förval för budgeten" in text and "/atagande årshjul" in text
    assert "Återkommer" not in text  # not a yearly rhythm


def test_a_meeting_without_a_plan_is_asked_for_not_guessed(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN Återrapportera arbetet till nämndens sista sammanträde 2027 @anna")
    line = deadline_line(world)
    assert line.startswith("Klart senast: ”till nämndens sista sammanträde 2027”")
    assert "ingen sammanträdesplan för 2027" in line and "/atagande nämnd sammanträden BUN" in line
    text = world.last_text("sara", "bun")
    assert "Spara" not in text
    assert world.count_commitments() == 0
