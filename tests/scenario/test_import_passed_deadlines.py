"""An old answer imported late: a deadline that has passed is named in the review and needs a choice.

Each such commitment gets one radio (import as done, a new date, keep it overdue); picking a date after
today in its date picker is a new date without touching the radio.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import Commitment, CommitmentStatus
from tests.scenario.conftest import World
from tests.scenario.test_import import review_button, share
from tests.scenario.test_reminders import reminders_to

# An answer from 2022 whose three commitments were all due in 2023 (the clock stands in January 2027).
OLD_ANSWER = """Barn- och utbildningsnämnden
Datum 2022-09-12
Dnr 2022/BUN 0041

Svar på revisionsrapport om skolskjutsar

Revisorernas rekommendationer

- Nämnden bör säkerställa att skolskjutsreglementet är känt av alla rektorer.

Förvaltningens kommentar:
Förvaltningen kommer att revidera skolskjutsreglementet fo6r grundskolan senast den 30 april 2023.

- Nämnden bör följa upp avvikelser i skolskjutsen systematiskt.

Förvaltningens kommentar:
Förvaltningen kommer att införa en rutin för avvikelser i skolskjutsen senast i december 2023.

- Nämnden bör informera vårdnadshavare om hur man ansöker om skolskjuts.

Förvaltningens kommentar:
Förvaltningen kommer att uppdatera informationen på webbplatsen senast i juni 2023.
"""

DONE, NEW, OVERDUE = "Importera som klart", "Ge ett nytt slutdatum (välj det ovan)", "Behåll som försenat"


def blocks(world: World, suffix: str) -> list[str]:
    """Block ids of the open modal's fields ending in ``suffix``, in order."""
    return [str(b["block_id"]) for b in world.modal("sara").blocks if str(b.get("block_id", "")).endswith(suffix)]


def open_old_answer(world: World, text: str = OLD_ANSWER) -> None:
    world.quick_committee()
    share(world, "sara", "gammalt-svar.txt", text.encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")


def choose(world: World, block_id: str, value: object) -> None:
    world.slack.fill("sara", block_id, value, block_id=block_id)


def stored(world: World) -> list[tuple[CommitmentStatus, date | None]]:
    with world.bot.svc.db.read() as session:
        return [(c.status, c.deadline) for c in session.scalars(select(Commitment).order_by(Commitment.number))]


def test_a_passed_deadline_is_named_and_each_commitment_gets_its_choice(world: World) -> None:
    open_old_answer(world)
    text = world.modal_text("sara")
    assert "30 april 2023 har redan passerat" in text
    assert "31 december 2023 har redan passerat" in text
    past = blocks(world, "_past")
    assert len(past) == 3

    # Nothing chosen: each commitment is told on its own field, and nothing is created.
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    errors = interaction.response["errors"]
    assert "30 april 2023" in errors[past[0]] and "klart" in errors[past[0]]
    assert "31 december 2023" in errors[past[1]] and "30 juni 2023" in errors[past[2]]
    assert stored(world) == []

    # The first is imported as done, the second kept overdue, the third given a date after today in its
    # picker (no radio needed for that).
    owners = blocks(world, "_owner")
    for owner in owners:
        choose(world, owner, "anna")
    choose(world, past[0], DONE)
    choose(world, past[1], OVERDUE)
    choose(world, blocks(world, "_deadline")[2], "2027-03-31")
    interaction = world.submit("sara")
    assert (interaction.response or {}).get("response_action") == "clear", interaction.response
    assert stored(world) == [
        (CommitmentStatus.DONE, date(2023, 4, 30)),
        (CommitmentStatus.NOT_STARTED, date(2023, 12, 31)),
        (CommitmentStatus.NOT_STARTED, date(2027, 3, 31)),
    ]
    # The owner is told of the two still to do, not of the one imported as done.
    world.bot.run_due()
    told = world.dm_text("anna")
    assert "2 nya åtaganden" in told and "BUN-2" in told and "BUN-3" in told and "BUN-1" not in told
    # Its history says it came in done, and when it was due.
    world.run("sara", "bun", "/atagande visa BUN-1")
    shown = world.ephemeral_of("sara", "bun")[-1]
    assert "som klart" in shown and "30 april 2023" in shown


def test_a_choice_that_contradicts_the_date_is_refused_on_its_field(world: World) -> None:
    open_old_answer(world)
    past, deadlines = blocks(world, "_past"), blocks(world, "_deadline")
    choose(world, past[0], NEW)  # a new date chosen, but the picker still holds the passed one
    choose(world, past[1], OVERDUE)
    choose(world, deadlines[1], "2027-06-30")  # kept overdue, yet given a date still to come
    choose(world, past[2], DONE)
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    errors = interaction.response["errors"]
    assert "efter" in errors[deadlines[0]] and "11 januari 2027" in errors[deadlines[0]]
    assert "försenat" in errors[past[1]] and "30 juni 2027" in errors[past[1]]
    assert past[2] not in errors and deadlines[2] not in errors
    assert stored(world) == []


def test_a_commitment_kept_overdue_is_reminded_of_its_date_not_a_count_of_days(world: World) -> None:
    open_old_answer(world)
    past = blocks(world, "_past")
    choose(world, blocks(world, "_owner")[0], "anna")
    for block, value in zip(past, (OVERDUE, DONE, DONE), strict=True):
        choose(world, block, value)
    world.submit("sara")
    world.at("2027-01-11 09:05")  # the reminders' timer starts counting here
    world.at("2027-01-25 10:00")  # the weekly overdue reminder has gone out by now
    sent = reminders_to(world, "anna")
    assert sent, "anna got no reminder about the overdue commitment"
    assert "30 april 2023" in sent[-1]
    assert "dagar sedan" not in sent[-1] and "1 3" not in sent[-1]


def many_old(n: int) -> str:
    """An old answer with ``n`` commitments, all due in 2023."""
    lines = ["Barn- och utbildningsnämnden", "Datum 2022-09-12", "", "Revisorernas rekommendationer", ""]
    lines += ["- Nämnden bör se över samverkan mellan skola och socialtjänst.", "", "Svar: Vi kommer", ""]
    verbs = ["revidera", "utvärdera", "kartlägga", "förankra", "dokumentera", "kommunicera", "analysera", "införa"]
    things = ["rutinen för orosanmälan", "SIP-processen", "introduktionen av lärare", "placerade barns skolgång"]
    for i in range(n):
        lines += [f"att under 2023 {verbs[i % len(verbs)]} {things[i // len(verbs) % len(things)]},", ""]
    return "\n".join(lines)


def test_the_choices_survive_paging_and_every_page_fits_a_modal(world: World) -> None:
    open_old_answer(world, many_old(40))
    assert "Sida 1 av 3" in world.modal_text("sara")
    first = blocks(world, "_past")[0]
    choose(world, first, DONE)
    world.click("sara", "modal", "Nästa sida ▶")
    assert "Sida 2 av 3" in world.modal_text("sara")
    world.click("sara", "modal", "Nästa sida ▶")
    assert "Sida 3 av 3" in world.modal_text("sara")
    world.click("sara", "modal", "◀ Föregående sida")
    world.click("sara", "modal", "◀ Föregående sida")
    radio = next(b for b in world.modal("sara").blocks if b.get("block_id") == first)
    assert radio["element"]["initial_option"]["value"] == "done"


def test_a_passed_date_picked_where_no_choice_is_shown_is_refused_on_the_date(world: World) -> None:
    # The document gives no date; the reviewer picks one that has passed. The page shows no choice for a
    # passed date, so the error is on the date picker itself, not on some other field.
    open_old_answer(world, OLD_ANSWER.replace(" senast den 30 april 2023", ""))
    pick, deadline = blocks(world, "_pick")[0], blocks(world, "_deadline")[0]
    assert len(blocks(world, "_past")) == 2
    choose(world, pick, ["Importera"])
    choose(world, deadline, "2024-03-31")
    for past in blocks(world, "_past"):
        choose(world, past, DONE)
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    errors = interaction.response["errors"]
    assert list(errors) == [deadline]
    assert "31 mars 2024" in errors[deadline] and "efter i dag" in errors[deadline]
    assert stored(world) == []


def test_a_passed_report_to_the_committee_is_a_passed_deadline_not_one_waiting_for_a_meeting_plan(
    world: World,
) -> None:
    # Found by a new user: "återrapportera till nämnden senast i mars 2020" in a 2019 answer waited for a
    # meeting plan of 2020 that will never come, and came in undated and green.
    text = OLD_ANSWER.replace(
        "Förvaltningen kommer att uppdatera informationen på webbplatsen senast i juni 2023.",
        "Förvaltningen ska återrapportera till nämnden senast i mars 2023.",
    )
    open_old_answer(world, text)
    assert "31 mars 2023 har redan passerat" in world.modal_text("sara")
    assert len(blocks(world, "_past")) == 3


def test_a_mistyped_year_on_a_deadline_or_on_the_answer_is_refused_on_its_field(world: World) -> None:
    # Found by a new user: "9999-12-31" and an answer dated "0001-01-01" were taken without a word.
    open_old_answer(world)
    choose(world, blocks(world, "_deadline")[0], "9999-12-31")
    choose(world, "case_date", "0001-01-01")
    interaction = world.slack.submit_view("sara")
    assert interaction.response is not None and interaction.response["response_action"] == "errors"
    errors = interaction.response["errors"]
    assert "kontrollera året" in errors[blocks(world, "_deadline")[0]]
    assert "kontrollera året" in errors["case_date"]
    assert stored(world) == []


def test_a_new_date_given_in_the_review_keeps_the_documents_date_in_the_history(world: World) -> None:
    # Found by a new user: "Ge ett nytt slutdatum" left no trace of the date the answer promised.
    open_old_answer(world)
    choose(world, blocks(world, "_past")[0], DONE)
    choose(world, blocks(world, "_past")[1], OVERDUE)
    choose(world, blocks(world, "_deadline")[2], "2027-03-31")
    assert (world.submit("sara").response or {}).get("response_action") == "clear"
    world.run("sara", "bun", "/atagande visa BUN-3")
    shown = world.ephemeral_of("sara", "bun")[-1]
    assert "31 mars 2027" in shown and "i dokumentet stod 30 juni 2023" in shown
    world.run("sara", "bun", "/atagande visa BUN-2")
    assert "i dokumentet stod" not in world.ephemeral_of("sara", "bun")[-1]
