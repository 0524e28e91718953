"""``atagande report``: to standard output or a file, and one Swedish sentence with exit 2 on bad input."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from bot.cli.main import main
from tests.reports.conftest import Seeded


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str, seeded: Seeded) -> Path:
    """The seeded database configured as the CLI reads it; the working directory is a fresh folder."""
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", database_url)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def test_markdown_to_standard_output_by_default(cli: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["report", "--committee", "bun"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out.startswith("# Uppföljning av åtaganden – BUN")
    assert "BUN-1: Revidera den lokala BUS-överenskommelsen" in out
    assert list(cli.iterdir()) == []


def test_csv_and_ics_to_standard_output(cli: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["report", "--committee", "BUN", "--case", "2023/BUN 0148", "--format", "csv"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbf\xc3\x84rende;")  # BOM, then "Ärende;"
    assert out.count(b"\r\n") == 6  # the header, the case's four commitments and its unanswered recommendation
    assert main(["report", "--committee", "BUN", "--format", "ics"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"BEGIN:VCALENDAR\r\n")


def test_xlsx_without_output_gets_a_dated_name_here(cli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--committee", "BUN", "--format", "xlsx"]) == 0
    [written] = list(cli.iterdir())
    assert re.fullmatch(r"uppfoljning-BUN-\d{4}-\d{2}-\d{2}\.xlsx", written.name)
    assert capsys.readouterr().out.strip() == f"Skrev {written.name} (7 åtaganden)."
    sheet = openpyxl.load_workbook(written)["Åtaganden"]
    assert sheet["D2"].value == "BUN-1"


def test_docx_to_a_named_file(cli: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "till-nämnden.docx"
    assert main(["report", "--committee", "BUN", "--case", "2024/bun 7", "--format", "DOCX", "-o", str(target)]) == 0
    assert capsys.readouterr().out.strip() == f"Skrev {target} (1 åtagande)."
    document = Document(io.BytesIO(target.read_bytes()))
    assert "BUN-7: Gör elevhälsans arbete känt för vårdnadshavare" in [p.text for p in document.paragraphs]
    assert list(cli.iterdir()) == [] and not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--committee", "XYZ"], "Det finns ingen nämnd med koden XYZ. Nämnderna är BUN och SN."),
        (["--committee", "BUN", "--case", "2099/BUN 1"], "Det finns inget ärende med diarienummer 2099/BUN 1 i BUN."),
        (["--committee", "BUN", "--format", "pdf"], "Formatet ”pdf” finns inte. Välj md, csv, xlsx, docx eller ics."),
        (["--committee", "BUN", "--format", "xlsx", "-o", "saknas/x.xlsx"], "Mappen saknas finns inte."),
    ],
)
def test_bad_input_is_one_swedish_sentence_and_exit_2(
    cli: Path, capsys: pytest.CaptureFixture[str], args: list[str], sentence: str
) -> None:
    assert main(["report", *args]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"atagande: {sentence}\n"
    assert captured.out == ""
    assert list(cli.iterdir()) == []


def test_a_missing_database_is_named_not_created(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "ingen.sqlite3"
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", f"sqlite:///{missing}")
    assert main(["report", "--committee", "BUN"]) == 2
    assert (
        capsys.readouterr().err
        == f"atagande: Det finns ingen databas i {missing}. Ange den med ATAGANDE_DATABASE_URL.\n"
    )
    assert not missing.exists()


def test_a_database_without_tables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "tom.sqlite3"
    empty.write_bytes(b"")
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", f"sqlite:///{empty}")
    assert main(["report", "--committee", "BUN"]) == 2
    assert "Databasen går inte att läsa" in capsys.readouterr().err


def test_dash_sends_even_a_workbook_to_standard_output(cli: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["report", "--committee", "BUN", "--format", "xlsx", "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"PK\x03\x04")  # a zip: the workbook itself, for a pipe
    assert openpyxl.load_workbook(io.BytesIO(out))["Åtaganden"]["D2"].value == "BUN-1"
    assert list(cli.iterdir()) == []
