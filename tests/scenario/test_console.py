"""``atagande console`` read from standard input, as the README shows it."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.config import load_settings
from bot.console.app import run_console
from bot.console.identities import user_id_for
from bot.console.session import MAX_YEAR, MIN_YEAR, ConsoleSession
from bot.standin import SlackStandIn
from bot.texts import Texts
from storage.db import Database
from storage.models import Commitment
from tests.conftest import REPO


def _console(script: str, database_url: str, *, demo: bool = False, user: str = "sara") -> str:
    settings = load_settings({"ATAGANDE_DATABASE_URL": database_url})
    out = io.StringIO()
    assert run_console(settings, demo=demo, start_user=user, stdin=io.StringIO(script), out=out) == 0
    return out.getvalue()


def test_first_user_sets_up_a_committee_and_registers(database_url: str) -> None:
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny BUN Barn- och utbildningsnämnden",
                ":som anna",
                ":som sara",
                "/atagande nämnd sekreterare BUN @sara",
                ":kanal bun",
                "/atagande kanal BUN",
                "/atagande ny BUN Revidera den lokala BUS-överenskommelsen senast i april 2099 @anna",
                ":klicka Spara",
                ":som anna",
                ":klicka Pågår enligt plan",
                ":hem",
                ":fyll x=y",
                ":klicka Finns inte",
                ":okänt",
            ]
        ),
        database_url,
    )
    assert "sara@#allmant> /atagande nämnd ny BUN" in output
    assert "30 april 2099" in output
    assert "BUN-1 är registrerat" in output
    assert "Du är ansvarig för BUN-1" in output
    assert "Status: Pågår" in output
    assert "Mina åtaganden" in output
    assert "Inget formulär är öppet." in output
    assert "Ingen knapp ”Finns inte” syns här." in output
    assert "Okänt konsolkommando :okänt" in output
    assert "Traceback" not in output


def test_state_survives_a_restart_on_the_same_database(database_url: str) -> None:
    _console("/atagande nämnd ny SN Socialnämnden\n", database_url)
    output = _console("/atagande nämnd lista\n", database_url)
    assert "SN – Socialnämnden" in output


def test_modal_through_the_console(database_url: str) -> None:
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny KS Kommunstyrelsen",
                "/atagande ny",
                ":fyll Vad ska göras?=Inför ett årshjul för uppföljning",
                ":fyll Nämnd=KS",
                ":fyll Klart senast=igår kväll",
                ":skicka",
                ":fyll Klart senast=Q3 2099",
                ":skicka",
            ]
        ),
        database_url,
    )
    assert "! Jag förstår inte ”igår kväll” som ett datum." in output
    assert "30 september 2099" in output
    assert "KS-1 är registrerat" in output


def test_a_field_is_named_by_the_start_of_its_label_and_a_wrong_one_is_said_in_swedish(database_url: str) -> None:
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny KS Kommunstyrelsen",
                ":som anna",
                ":som sara",
                "/atagande ny",
                ":fyll Vad ska göras?=Inför ett årshjul för uppföljning",
                ":fyll Nämnd=SN",
                ":fyll Nämnd=KS",
                ":fyll Ägare=anna",  # no such field (the word the form no longer uses)
                ":fyll Ansvarig=@nobody",
                ":fyll Ansvarig=anna",  # the label is "Ansvarig (person i Slack)"
                ":fyll Klart senast=Q3 2099",
                ":skicka",
            ]
        ),
        database_url,
    )
    assert "Inget val passar ”SN”" in output
    assert "Formuläret har inget fält ”Ägare”" in output and "”Ansvarig (person i Slack)”" in output
    assert "ingen användare ”nobody”" in output
    assert "nothing called" not in output and "no option" not in output
    assert "KS-1 är registrerat" in output
    with Database.from_url(database_url).read() as session:
        owner = session.scalars(select(Commitment)).one().owner
        assert owner is not None and owner.slack_user_id == user_id_for("anna")


def test_a_committee_is_found_by_typing_part_of_its_name(database_url: str) -> None:
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny KS Kommunstyrelsen",
                "/atagande nämnd ny SN Socialnämnden",
                "/atagande nämnd ny SBN Stadsbyggnadsnämnden",
                "/atagande ny",
                ":fyll Vad ska göras?=Inför ett årshjul för uppföljning",
                ":fyll Nämnd=namnden",
                ":fyll Nämnd=social",
                ":fyll Klart senast=Q3 2099",
                ":skicka",
            ]
        ),
        database_url,
    )
    assert "”namnden” passar flera: ”SBN – Stadsbyggnadsnämnden”, ”SN – Socialnämnden”" in output
    assert "SN-1 är registrerat" in output


@pytest.mark.slow
def test_demo_from_the_command_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--demo"],
        input="/atagande lista BUN\n:som bo\n:hem\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "BUN-1" in result.stdout and "BUN-3" in result.stdout
    assert "Gå igenom rutinen för orosanmälan" in result.stdout
    assert not (tmp_path / "data").exists(), "the demo must not write to the working directory"


def test_sharing_an_answer_with_the_bot_imports_it(database_url: str, tmp_path: Path) -> None:
    answer = tmp_path / "svar.txt"
    answer.write_text(
        "Barn- och utbildningsnämnden\nDatum 2024-09-12\n\nRevisorernas rekommendationer\n\n"
        "- Nämnden bör säkerställa att rutinen för orosanmälan är känd på alla skolor.\n\n"
        "Förvaltningens kommentar:\n"
        "Förvaltningen kommer att revidera rutinen för orosanmälan senast i december 2027.\n",
        encoding="utf-8",
    )
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny BUN Barn- och utbildningsnämnden",
                ":dela finns-inte.pdf",
                f":dela {answer}",
                ":klicka Gå igenom och importera",
                ":skicka",
            ]
        ),
        database_url,
    )
    assert "Det finns ingen fil ”finns-inte.pdf”" in output
    assert "Jag hittade 1 åtagande" in output
    assert "Gå igenom förslagen" in output
    assert "”senast i december 2027” → 31 december 2027" in output
    assert "Importerat till BUN" in output and "BUN-1" in output
    assert "Traceback" not in output


# BUN created, sara its secretary, and #bun its channel (the console starts as sara in #allmant).
BUN_IN_ITS_CHANNEL = (
    "/atagande nämnd ny BUN Barn- och utbildningsnämnden",
    "/atagande nämnd sekreterare BUN @sara",
    ":kanal bun",
    "/atagande kanal BUN",
)


def test_an_import_confirmed_in_the_console_is_posted_in_the_channel_at_once(database_url: str, tmp_path: Path) -> None:
    # The summary and the cards go out through the outbox; the console must not wait for `:tid` to show
    # them, as the bot's timer does not wait for its next minute.
    answer = tmp_path / "svar.txt"
    answer.write_text(ANSWER_WITH_THREE, encoding="utf-8")
    output = _console(
        "\n".join(
            [
                *BUN_IN_ITS_CHANNEL,
                f":dela {answer}",
                ":klicka Gå igenom och importera",
                ":skicka",
                ":avsluta",
            ]
        ),
        database_url,
    )
    after = output.split(":skicka", 1)[1]
    assert "3 nya åtaganden för BUN" in after
    assert "BUN-3" in after
    assert "Traceback" not in output


def test_klicka_with_a_reference_presses_that_commitments_button_in_a_list(database_url: str) -> None:
    # A morning's reminder lists BUN-1 and BUN-2, each with its own Klar: the reference says which.
    output = _console(
        "\n".join(
            [
                ":som anna",
                ":som sara",
                *BUN_IN_ITS_CHANNEL,
                "/atagande ny BUN Revidera rutinen för orosanmälan senast i april 2099 @anna",
                ":klicka Spara",
                "/atagande ny BUN Utvärdera elevhälsans arbete senast i april 2099 @anna",
                ":klicka Spara",
                ":tid 2099-04-16 08:30",
                ":som anna",
                ":klicka Markera som klart BUN-1",
            ]
        ),
        database_url,
    )
    assert "2 av dina åtaganden" in output
    assert _statuses(database_url) == {1: "done", 2: "not_started"}
    assert "Traceback" not in output


def _statuses(database_url: str) -> dict[int, str]:
    """Each commitment's number and status, as stored."""
    database = Database.from_url(database_url)
    try:
        with database.read() as session:
            return {c.number: c.status.value for c in session.scalars(select(Commitment))}
    finally:
        database.dispose()


def test_klicka_presses_in_the_reminder_just_seen_not_in_a_card_in_the_channel(database_url: str) -> None:
    # anna is a secretary of BUN too, so a press on bo's card would go through: the bug closed his commitment.
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny BUN Barn- och utbildningsnämnden",
                ":som anna",
                ":som bo",
                ":som sara",
                "/atagande nämnd sekreterare BUN @sara @anna",
                ":kanal bun",
                "/atagande kanal BUN",
                "/atagande ny BUN Revidera rutinen för orosanmälan senast i april 2099 @anna",
                ":klicka Spara",
                "/atagande ny BUN Utvärdera elevhälsans arbete senast i december 2099 @bo",
                ":klicka Spara",
                ":tid 2099-04-16 08:30",
                ":som anna",
                ":klicka Markera som klart",
            ]
        ),
        database_url,
    )
    # The reminder DM was the last thing printed to anna, after both cards in #bun.
    seen = output.split("anna@#bun> :klicka Markera som klart")[0]
    assert seen.rindex("Påminnelse: BUN-1") > seen.rindex("BUN-2 · Barn- och utbildningsnämnden")
    assert _statuses(database_url) == {1: "done", 2: "not_started"}
    assert "Traceback" not in output


ANSWER_WITH_THREE = (
    "Barn- och utbildningsnämnden\nDatum 2099-01-12\n\nRevisorernas rekommendationer\n\n"
    "- Nämnden bör säkerställa att rutinen för orosanmälan är känd på alla skolor.\n\n"
    "Förvaltningens kommentar:\n"
    "Förvaltningen kommer att revidera rutinen för orosanmälan senast i april 2099.\n"
    "Rektorerna ska gå igenom rutinen med sin personal under hösten 2099.\n\n"
    "- Nämnden bör följa upp elevhälsans arbete.\n\n"
    "Förvaltningens kommentar:\n"
    "Förvaltningen kommer att ta fram en plan för uppföljning av elevhälsan senast i juni 2099.\n"
)


def test_the_import_review_is_filled_by_number(database_url: str, tmp_path: Path) -> None:
    texts = Texts()
    owner, deadline = texts.get("review_owner"), texts.get("review_deadline")
    answer = tmp_path / "svar.txt"
    answer.write_text(ANSWER_WITH_THREE, encoding="utf-8")
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny BUN Barn- och utbildningsnämnden",
                ":som anna",
                ":som sara",
                f":dela {answer}",
                ":klicka Gå igenom och importera",
                ":hjälp",
                # A label that every finding has is ambiguous without a number.
                f":fyll {deadline}=2099-11-30",
                ":fyll 2 Importera=nej",
                ":fyll 2 Importera=ja",
                f":fyll 2 {deadline}=den 30 november",
                f":fyll 2 {deadline}=2099-11-30",
                f":fyll 2 {owner}=@anna",
                ":fyll 1 Importera=nej",
                ":fyll 7 Importera=nej",
                ":fyll 3 Färg=blå",
                ":skicka",
            ]
        ),
        database_url,
    )
    # The printed modal and :hjälp both say how to pick a finding's field by its number.
    review = output.split(":klicka Gå igenom och importera")[1].split(":hjälp")[0]
    assert ":fyll 1 Importera=" in review and f":fyll 1 {deadline}=" in review
    assert ":fyll NR FÄLT=VÄRDE" in output.split("> :hjälp")[1]
    assert "skriv numret först" in output.split(f"> :fyll {deadline}=2099-11-30")[1]
    assert "ÅÅÅÅ-MM-DD" in output.split(f"> :fyll 2 {deadline}=den 30 november")[1]
    assert "Det finns inget nummer 7" in output and "”Färg”" in output
    assert "Traceback" not in output
    database = Database.from_url(database_url)
    try:
        with database.read() as session:
            stored = {
                c.text: (c.deadline, c.owner.slack_user_id if c.owner else None)
                for c in session.scalars(select(Commitment))
            }
    finally:
        database.dispose()
    assert stored == {
        "Rektorerna ska gå igenom rutinen med sin personal under hösten 2099.": (
            date(2099, 11, 30),
            user_id_for("anna"),
        ),
        "Förvaltningen kommer att ta fram en plan för uppföljning av elevhälsan senast i juni 2099.": (
            date(2099, 6, 30),
            None,
        ),
    }


def test_an_unknown_slash_command_gets_a_sentence_and_the_console_goes_on(database_url: str) -> None:
    output = _console("/okand hej\n/atagande nämnd ny BUN Barn- och utbildningsnämnden\n", database_url)
    answer = output.split("> /okand hej")[1].split("sara@#allmant>")[0]
    assert "/okand" in answer and "/atagande" in answer and "/rutin" in answer
    assert "failed with the error" not in answer
    assert "Nämnden BUN – Barn- och utbildningsnämnden är skapad" in output
    assert "Traceback" not in output


def test_the_demo_starts_as_an_admin_with_routines_to_find(database_url: str) -> None:
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny MBN Miljö- och byggnadsnämnden",
                "/rutin orosanmalan",
                "/rutin SIP",
                "/atagande visa BUN-2",
            ]
        ),
        database_url,
        demo=True,
        user="sekreterare",
    )
    assert "Nämnden MBN – Miljö- och byggnadsnämnden är skapad" in output
    found = output.split("> /rutin orosanmalan")[1].split("> /rutin SIP")[0]
    assert "Rutin för orosanmälan" in found
    assert "Samordnad individuell plan" in output.split("> /rutin SIP")[1]
    # The commitment about the routine has it linked.
    assert "Rutin för orosanmälan" in output.split("> /atagande visa BUN-2")[1]
    assert "Traceback" not in output


@pytest.mark.parametrize("moment", ["9999-12-31", "0001-01-01 00:00"])
def test_a_time_the_bot_cannot_plan_for_is_refused_and_the_clock_stays(database_url: str, moment: str) -> None:
    output = _console(f":vem\n:tid {moment}\n:vem\n:tid 2099-04-16 08:30\n", database_url, demo=True)
    texts = Texts()
    assert "Traceback" not in output
    assert texts.get("console_time_out_of_range", first=MIN_YEAR, last=MAX_YEAR) in output
    # The clock did not move, and the next good time is taken.
    assert "Klockan är nu 16 april 2099 kl. 08.30." in output


def test_read_again_on_home_prints_home_anew(database_url: str) -> None:
    output = _console(":hem\n:klicka Läs in igen", database_url, demo=True)
    after = output.split(":klicka Läs in igen", 1)[1]
    assert "[ Läs in igen ]" in after and "Inläst " in after  # Home printed again, saying when it was read


class _SlowBot:
    """A bot whose work outlasts the console's first waits (a document of millions of characters)."""

    def __init__(self, busy_waits: int) -> None:
        self.slack = SlackStandIn()
        self.busy_waits = busy_waits

    def settle(self, timeout: float = 10.0) -> None:
        if self.busy_waits:
            self.busy_waits -= 1
            raise TimeoutError(f"the bot was still working after {timeout:g} s")


def test_a_long_read_is_waited_out_with_a_word_in_swedish_never_a_traceback() -> None:
    out = io.StringIO()
    session = ConsoleSession(_SlowBot(busy_waits=2), None, Texts(), out, user="sara", channel="allmant")  # type: ignore[arg-type]
    session._settle()
    assert out.getvalue().count("arbetar fortfarande") == 1
    assert "still working" not in out.getvalue()


def test_a_numbered_field_is_named_by_the_first_words_of_its_label(database_url: str, tmp_path: Path) -> None:
    # Found by a new user: a passed deadline's choice is labelled "Slutdatumet 30 juni 2019 har redan passerat.",
    # different for every item; its first word must do, as it does for the modal's other fields.
    answer = tmp_path / "gammalt.txt"
    answer.write_text(
        "Barn- och utbildningsnämnden\nDatum 2019-03-14\n\nRevisorernas rekommendationer\n\n"
        "- Nämnden bör säkerställa att rutinen för orosanmälan är känd på alla skolor.\n\n"
        "Förvaltningens kommentar:\n"
        "Förvaltningen kommer att revidera rutinen för orosanmälan senast den 30 juni 2019.\n",
        encoding="utf-8",
    )
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny BUN Barn- och utbildningsnämnden",
                f":dela {answer}",
                ":klicka Gå igenom och importera",
                ":fyll 1 Slutdatumet=nonsens",
                ":fyll 1 Slutdatumet=Importera som klart",
                ":skicka",
            ]
        ),
        database_url,
    )
    assert "”nonsens” finns inte att välja här" in output
    assert "Importerat till BUN" in output and "BUN-1" in output
    with Database.from_url(database_url).read() as session:
        assert session.scalars(select(Commitment)).one().status.value == "done"


def test_a_button_is_pressed_by_its_words_without_its_arrow(database_url: str, tmp_path: Path) -> None:
    # Found by a new user: ":klicka Nästa sida" answered that no such button was there ("Nästa sida ▶").
    answer = tmp_path / "stort-svar.txt"
    promises = "\n".join(
        f"Förvaltningen kommer att ta fram rutin nummer {n} för område {n} senast den {n % 28 + 1} mars 2099."
        for n in range(1, 41)
    )
    answer.write_text(
        "Barn- och utbildningsnämnden\nDatum 2099-01-12\n\nRevisorernas rekommendationer\n\n"
        f"- Nämnden bör ta fram rutiner.\n\nFörvaltningens kommentar:\n{promises}\n",
        encoding="utf-8",
    )
    output = _console(
        "\n".join(
            [
                "/atagande nämnd ny BUN Barn- och utbildningsnämnden",
                f":dela {answer}",
                ":klicka Gå igenom och importera",
                ":klicka Nästa sida",
            ]
        ),
        database_url,
    )
    after = output.split(":klicka Nästa sida", 1)[1]
    assert "Ingen knapp" not in after and "Föregående sida" in after
