"""`atagande routines …`: importing a folder, searching it, and what the command line answers."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.cli.routines import Progress
from bot.routines.search import MAX_QUERY
from bot.services.routines import list_routines
from bot.texts import Texts
from storage.db import Database
from tests.documents.builders import docx_bytes, new_docx, pdf_bytes


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, database_url: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _library(folder: Path) -> Path:
    lib = folder / "rutiner"
    (lib / "skola").mkdir(parents=True)
    (lib / "oros.md").write_text(
        "Socialförvaltningen\n\n# Rutin för orosanmälan\n\nSenast reviderad: 1 mars 2024\n\n"
        "Så gör du en orosanmälan till socialtjänsten.\n",
        encoding="utf-8",
    )
    (lib / "sip.txt").write_text(
        "Riktlinje för samordnad individuell plan\nFastställd av socialnämnden 2023-05-10\n\n"
        "En SIP ska erbjudas när den enskilde behöver insatser från både kommunen och regionen.\n",
        encoding="utf-8",
    )
    document = new_docx()
    document.add_heading("Rutin för skolfrånvaro", level=1)
    document.add_paragraph("Gäller från 2025-01-01")
    document.add_paragraph("Elevhälsan utreder upprepad frånvaro och kontaktar vårdnadshavare.")
    (lib / "skola" / "franvaro.docx").write_bytes(docx_bytes(document))
    (lib / "skola" / "brand.pdf").write_bytes(
        pdf_bytes(["Checklista för brandskydd\nReviderad 2022-09-15\nUtrymningsövning varje termin."])
    )
    (lib / "utan_rubrik.txt").write_text("En rutin som inte har någon rubrik alls.\n", encoding="utf-8")
    (lib / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # unknown: skipped
    (lib / "trasig.pdf").write_bytes(b"inte alls en pdf")  # unreadable: skipped
    (lib / ".DS_Store").write_bytes(b"\x00\x01")  # hidden: never looked at
    return lib


def _routines(database_url: str) -> dict[str, tuple[str, date | None]]:
    db = Database.from_url(database_url)
    try:
        with db.read() as s:
            return {Path(r.source or "").name: (r.title, r.revision_date) for r in list_routines(s)}
    finally:
        db.dispose()


def test_import_a_folder_names_and_skips_what_it_cannot_read(
    env: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = _library(env)
    assert main(["routines", "import", str(lib)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == ("Importerade 5 rutiner: 5 nya, 0 uppdaterade (samma fil som förut); 2 filer hoppades över.")
    assert "bild.png: Den filtypen kan jag inte läsa" in err
    assert "trasig.pdf: PDF-filen är skadad" in err
    assert "DS_Store" not in err and "Traceback" not in err
    assert "Läser 7 filer …" in err  # not a terminal: one count line
    assert _routines(database_url) == {
        "oros.md": ("Rutin för orosanmälan", date(2024, 3, 1)),
        "sip.txt": ("Riktlinje för samordnad individuell plan", date(2023, 5, 10)),
        "franvaro.docx": ("Rutin för skolfrånvaro", date(2025, 1, 1)),
        "brand.pdf": ("Checklista för brandskydd", date(2022, 9, 15)),
        "utan_rubrik.txt": ("utan_rubrik", None),
    }


def test_the_same_files_again_update(env: Path, database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    lib = _library(env)
    assert main(["routines", "import", str(lib)]) == 0
    capsys.readouterr()
    assert main(["routines", "import", str(lib / "sip.txt"), str(lib / "oros.md")]) == 0
    assert capsys.readouterr().out.strip() == "Importerade 2 rutiner: 0 nya, 2 uppdaterade (samma fil som förut)."
    assert len(_routines(database_url)) == 5


def test_nothing_importable_exits_2(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (env / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert main(["routines", "import", str(env / "bild.png"), str(env / "finns-inte.txt")]) == 2
    err = capsys.readouterr().err
    assert "finns-inte.txt: Filen eller mappen finns inte." in err
    assert "atagande: Ingen rutin importerades: 2 filer gick inte att läsa." in err
    empty = env / "tom"
    empty.mkdir()
    assert main(["routines", "import", str(empty)]) == 2
    assert "Det finns inga filer att importera där." in capsys.readouterr().err


def test_progress_on_a_terminal_is_redrawn() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(Texts(), 10_000, stream)
    progress.step(120)
    progress.step(10_000)
    progress.close()
    assert "\r\x1b[KLäser 120 av 10\u00a0000 filer …" in stream.getvalue()
    assert "Läser 10\u00a0000 av 10\u00a0000 filer …" in stream.getvalue()


def _imported(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines", "import", str(_library(env))]) == 0
    capsys.readouterr()


def test_search_json_is_what_design_promises(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _imported(env, capsys)
    assert main(["routines", "search", "samordnad individuell plan", "--json", "--limit", "3"]) == 0
    out, err = capsys.readouterr()
    hits = json.loads(out)
    assert err == ""
    assert isinstance(hits, list) and 1 <= len(hits) <= 3
    assert all(set(h) == {"id", "title", "score", "snippet"} for h in hits)
    assert hits[0]["title"] == "Riktlinje för samordnad individuell plan"
    assert isinstance(hits[0]["id"], int) and 0 <= hits[0]["score"] <= 100
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    # The abbreviation finds it too, and the readable list names it.
    assert main(["routines", "search", "SIP"]) == 0
    assert capsys.readouterr().out.startswith("1. Riktlinje för samordnad individuell plan (nr ")


def test_stdin_mode_prints_one_array_per_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _imported(env, capsys)
    queries = "orosanmälan\noch för\nparkeringstillstånd\nbrandskydd\norosanmälan qwxzy plorkt blankett\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(queries))
    assert main(["routines", "search", "-", "--json"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 5
    arrays = [json.loads(line) for line in lines]
    assert arrays[0][0]["title"] == "Rutin för orosanmälan"
    assert arrays[1] == [] and arrays[2] == [] and arrays[4] == []
    assert arrays[3][0]["title"] == "Checklista för brandskydd"
    assert "Rad 2: Sökningen innehåller bara småord" in err
    assert "Rad 3: Ingen rutin passar ”parkeringstillstånd”." in err
    assert "Rad 3: Menade du" not in err  # nothing in the library is like it
    assert "Rad 5: Menade du ”Rutin för orosanmälan”" in err


@pytest.mark.slow
def test_bad_queries_get_swedish_answers_on_stderr(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines", "search", "orosanmälan", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and "Rutinbiblioteket är tomt" in err
    _imported(env, capsys)
    assert main(["routines", "search", "och att för", "--json"]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and "bara småord" in err
    assert main(["routines", "search", "x"]) == 2
    assert "minst två bokstäver" in capsys.readouterr().err
    assert main(["routines", "search", "orosanmälan " * 40, "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)[0]["title"] == "Rutin för orosanmälan"
    assert f"längre än {MAX_QUERY} tecken och kortades" in err
    for limit in ("0", "51", "många"):
        assert main(["routines", "search", "oros", "--limit", limit]) == 2
        assert "--limit ska vara ett heltal från 1 till 50" in capsys.readouterr().err


@pytest.mark.slow
def test_list_alias_remove_and_abbreviations(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines", "list"]) == 0
    assert capsys.readouterr().out.strip() == "Rutinbiblioteket är tomt."
    _imported(env, capsys)
    assert main(["routines", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Rutin för orosanmälan · reviderad 1 mars 2024" in listing and listing.strip().endswith("5 rutiner.")
    oros = next(line for line in listing.splitlines() if "orosanmälan" in line).split(":")[0].removeprefix("nr ")
    assert main(["routines", "alias", oros, "Anmälan om oro", "anmälan  om oro"]) == 0
    assert capsys.readouterr().out.strip().endswith("heter nu också: Anmälan om oro.")
    assert main(["routines", "search", "anmälan om oro", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == int(oros)
    assert main(["routines", "alias", "tre"]) == 2
    assert "Ange rutinens nummer" in capsys.readouterr().err
    assert main(["routines", "remove", oros]) == 0
    assert "är borttagen" in capsys.readouterr().out
    assert main(["routines", "remove", oros]) == 2
    gone = capsys.readouterr().err
    assert f"Det finns ingen rutin med nummer {oros}" in gone and "`atagande routines list`" in gone

    assert main(["routines", "abbreviations", "set", "BFU", "checklista för brandskydd"]) == 0
    assert "BFU betyder nu i biblioteket: checklista för brandskydd." in capsys.readouterr().out
    assert main(["routines", "abbreviations"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert "BFU: checklista för brandskydd (bibliotekets egen)" in table
    assert "SIP: samordnad individuell plan" in table
    assert main(["routines", "search", "BFU", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["title"] == "Checklista för brandskydd"
    assert main(["routines", "abbreviations", "forget", "BFU"]) == 0
    assert "den inbyggda gäller" in capsys.readouterr().out
    assert main(["routines", "abbreviations", "forget", "BFU"]) == 2
    assert "Biblioteket har ingen egen förklaring av BFU." in capsys.readouterr().err


def _sources(database_url: str) -> list[str]:
    db = Database.from_url(database_url)
    try:
        with db.read() as s:
            return sorted(r.source or "" for r in list_routines(s))
    finally:
        db.dispose()


def test_a_folder_import_stays_inside_the_folder_and_shows_no_server_path(
    env: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = env / "hemligt"
    (outside / "mer").mkdir(parents=True)
    (outside / "losenord.txt").write_text("Lösenord till servern\n\nhemligt123\n", encoding="utf-8")
    (outside / "mer" / "nycklar.txt").write_text("Nycklar\n\nxyz\n", encoding="utf-8")
    lib = env / "rutiner"
    (lib / "skola").mkdir(parents=True)
    (lib / "skola" / "oros.md").write_text("# Rutin för orosanmälan\n\nSå gör du.\n", encoding="utf-8")
    (lib / "lank.txt").symlink_to(outside / "losenord.txt")
    (lib / "mapplank").symlink_to(outside / "mer", target_is_directory=True)
    # A link that stays inside the folder is an ordinary file of the library.
    (lib / "inne.md").symlink_to(lib / "skola" / "oros.md")
    main(["routines", "import", str(lib)])
    capsys.readouterr()
    sources = _sources(database_url)
    # Only what is in the folder, named inside it: no file reached through a link out, no server path.
    assert sources == ["skola/oros.md"]
    assert not any(str(env) in s for s in sources)


def test_a_file_named_directly_is_shown_by_its_name(
    env: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "sip.txt").write_text("Riktlinje för SIP\n\nEn plan.\n", encoding="utf-8")
    assert main(["routines", "import", str(env / "sip.txt")]) == 0
    assert _sources(database_url) == ["sip.txt"]


@pytest.mark.parametrize("number", ["99999999999999999999", "-99999999999999999999", "0"])
def test_a_routine_number_no_routine_can_have_is_not_found(
    number: str, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "sip.txt").write_text("Riktlinje för SIP\n\nEn plan.\n", encoding="utf-8")
    assert main(["routines", "import", str(env / "sip.txt")]) == 0
    capsys.readouterr()
    for action in (["remove", number], ["alias", number, "SIP"]):
        assert main(["routines", *action]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and number in err
        assert err.count("\n") == 1
