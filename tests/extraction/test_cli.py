"""`atagande extract`: JSON best first, a Swedish table, and one sentence with exit status 2 on bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from bot.cli.main import main

ANSWER = """Datum: 2024-02-01
Dnr 2024/BUN 0012

Svar på revisionsrapport om samverkan kring barn

Revisorernas rekommendationer

• Säkerställa att rutinen för orosanmälan är känd av all personal.

Förvaltningens kommentar:
Ett arbete pågår med att revidera rutinen. Den reviderade rutinen beräknas vara klar senast i april 2024.
Rektor ansvarar för detta. Rutinen kommer därefter att följas upp två gånger per läsår.

Förvaltningen avser också att utveckla samverkan med regionen.
"""


@pytest.fixture
def answer_file(tmp_path: Path) -> Path:
    path = tmp_path / "svar.txt"
    path.write_text(ANSWER, encoding="utf-8")
    return path


def _needs_documents() -> None:
    pytest.importorskip("bot.documents", reason="bot.documents (document reading) is not there yet")


def test_json_best_first(answer_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _needs_documents()
    assert main(["extract", str(answer_file), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, list) and out
    assert {item["kind"] for item in out} == {"commitment", "recommendation"}
    confidences = [item["confidence"] for item in out]
    assert confidences == sorted(confidences, reverse=True)
    revision = next(item for item in out if "revidera rutinen" in item["text"])
    assert revision["deadlines"] == ["2024-04-30"]
    assert revision["deadline_phrase"] == "senast i april 2024"
    assert revision["owner"] == "Rektor"
    s, e = revision["span"]
    assert ANSWER[s:e].startswith("Ett arbete pågår")
    for key in ("kind", "text", "span", "deadlines", "deadline_phrase", "recurrence", "owner", "committee"):
        assert key in revision


def test_table_in_swedish_fits_100_columns(answer_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _needs_documents()
    assert main(["extract", str(answer_file)]) == 0
    out = capsys.readouterr().out
    assert "Datum: 1 februari 2024 · Dnr: 2024/BUN 0012" in out
    assert "REKOMMENDATION 1" in out
    assert "Åtagande 1.1" in out
    assert "30 april 2024 (”senast i april 2024”)" in out
    assert "Ansvarig: Rektor" in out
    assert "två gånger per år (juni och december)" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_date_option_wins(answer_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _needs_documents()
    assert main(["extract", str(answer_file), "--date", "2023-12-01"]) == 0
    assert "Datum: 1 december 2023" in capsys.readouterr().out


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _needs_documents()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ANSWER.encode("utf-8"))))
    assert main(["extract", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_needs_no_settings(
    answer_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_documents()
    monkeypatch.setenv("SLACK_BOT_TOKEN", "not-a-token")
    assert main(["extract", str(answer_file), "--json"]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("value", ["2024-13-01", "1 mars 2024", "2024-3-1", "i går"])
def test_bad_date_is_one_sentence(value: str, answer_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(answer_file), "--date", value]) == 2
    err = capsys.readouterr().err
    assert err.startswith("atagande: Datumet") and "ÅÅÅÅ-MM-DD" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_missing_file_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _needs_documents()
    assert main(["extract", str(tmp_path / "finns-inte.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("atagande: ") and err.count("\n") == 1 and "Traceback" not in err


def test_empty_input_is_one_sentence(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _needs_documents()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["extract", "-"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("atagande: ") and err.count("\n") == 1 and "Traceback" not in err


def test_binary_junk_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _needs_documents()
    path = tmp_path / "skrap.bin"
    path.write_bytes(bytes(range(256)) * 64)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("atagande: ") and "Traceback" not in err


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "9999-12-31"])
def test_a_date_no_answer_can_have_is_one_sentence(
    value: str, answer_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a new user: "--date 0001-01-01" was shown as "Datum: 1 januari 1".
    assert main(["extract", str(answer_file), "--date", value]) == 2
    err = capsys.readouterr().err
    assert err.startswith("atagande: Datumet") and "kontrollera året" in err and err.count("\n") == 1
