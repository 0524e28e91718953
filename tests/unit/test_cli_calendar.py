"""`atagande calendar import` and `show`: the plan from a file, as the command line (an admin) reads it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli.main import main
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.people import Actor
from storage.db import Database
from storage.models import Commitment

DATA = Path(__file__).resolve().parent.parent / "data" / "calendar"
ADMIN = Actor("UADMIN", "Admin", is_admin=True)


@pytest.fixture
def bun(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[Database]:
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    db = Database.from_url(database_url)
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", _now())
    yield db
    db.dispose()


def _now() -> datetime:
    return datetime(2027, 1, 11, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def test_import_then_show_the_plan_with_a_tied_commitment(bun: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "import", "--committee", "bun", str(DATA / "outlook_series_2027.ics")]) == 0
    said = capsys.readouterr().out
    assert "BUN" in said and "10 sammanträden 2027" in said and "11 februari – 9 december" in said
    with bun.write() as s:
        raw = CommitmentInput(text="Återrapportera", committee="BUN", deadline="till nämndens sista sammanträde 2027")
        draft = cs.validate(s, raw, _now().date())
        cid = cs.create(s, ADMIN, draft, _now()).id
    assert main(["calendar", "show", "--committee", "BUN", "--year", "2027"]) == 0
    shown = capsys.readouterr().out
    assert "21 oktober 2027 kl. 09.00" in shown
    # The last meeting, its agenda's last day (15 working days before) and the commitment due there.
    last = shown[shown.index("9 december 2027") :]
    assert "18 november 2027" in last and "BUN-1" in last
    with bun.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None and c.deadline == date(2027, 12, 9)


def test_a_csv_plan_replaces_what_the_ics_plan_had(bun: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "import", "--committee", "BUN", str(DATA / "outlook_series_2027.ics")]) == 0
    capsys.readouterr()
    assert main(["calendar", "import", "--committee", "BUN", str(DATA / "plan_excel_semikolon.csv")]) == 0
    said = capsys.readouterr().out
    assert "5 sammanträden 2027" in said and "borttaget" in said


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["calendar", "import", "--committee", "XYZ", str(DATA / "plan_komma.csv")], "XYZ"),
        (["calendar", "import", "--committee", "BUN", "saknas.ics"], "saknas.ics"),
        (["calendar", "show", "--committee", "BUN", "--year", "tjugo"], "tjugo"),
    ],
)
def test_refusals_are_one_swedish_sentence_and_exit_2(
    bun: Database, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and err.count("\n") == 1


def test_a_file_that_is_not_a_plan_names_its_line(
    bun: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "plan.csv"
    bad.write_text("Datum;Rubrik\n2027-02-11;a\nefter sommaren;b\n", encoding="utf-8")
    assert main(["calendar", "import", "--committee", "BUN", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Rad 3" in err and "efter sommaren" in err
    assert main(["calendar", "show", "--committee", "BUN", "--year", "2027"]) == 0
    assert "inga sammanträden 2027" in capsys.readouterr().out
