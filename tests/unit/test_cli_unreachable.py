"""A database or Slack that cannot be reached: one Swedish sentence naming it, exit status 2, no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import storage.db
from bot.cli.main import main
from tests.conftest import REPO

# Nothing listens on port 9 (discard) of the loopback: a connection is refused at once.
UNREACHABLE_PG = "postgresql+psycopg://atagande:hemligt-losen@127.0.0.1:9/atagande"
COMMANDS = (
    ["report", "--committee", "BUN", "--format", "md"],
    ["db", "upgrade"],
    ["routines", "search", "orosanmälan"],
    ["routines", "list"],
    ["outbox"],
    ["console"],
)


def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", database_url)
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_postgresql_unreachable_is_named_without_its_password(
    command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _env(monkeypatch, tmp_path, UNREACHABLE_PG)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "127.0.0.1:9" in err and "ATAGANDE_DATABASE_URL" in err
    assert "hemligt-losen" not in err
    # It is not a database to upgrade: it cannot be reached at all.
    assert "db upgrade" not in err
    assert len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] != "report"], ids=lambda c: " ".join(c[:2]))
def test_a_sqlite_file_that_cannot_be_created_is_named(
    command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A file where the database's folder should be: no folder can be made there.
    (tmp_path / "inte-en-mapp").write_text("", encoding="utf-8")
    path = tmp_path / "inte-en-mapp" / "atagande.sqlite3"
    _env(monkeypatch, tmp_path, f"sqlite:///{path}")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert str(path.parent) in err
    assert len(err.strip().splitlines()) == 1, err


def test_a_file_that_is_not_a_database_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "anteckningar.txt"
    text.write_text("Det här är ingen databas, bara text som råkar ligga här.\n" * 100, encoding="utf-8")
    _env(monkeypatch, tmp_path, f"sqlite:///{text}")
    for command in (["db", "upgrade"], ["report", "--committee", "BUN"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and str(text) in err and "SQLite" in err
        assert "db upgrade" not in err


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["socket", "http"])
def test_run_with_slack_unreachable(mode: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_APP_TOKEN": "xapp-1",
        "SLACK_SIGNING_SECRET": "hemlig",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",
        "ATAGANDE_DATABASE_URL": f"sqlite:///{tmp_path / 'atagande.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--mode", mode, "--host", "127.0.0.1", "--port", "0"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    # One sentence, not slack_sdk's English log of every failed try before it.
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("atagande: ") and "http://127.0.0.1:9/api/" in line and "SLACK_API_URL" in line


@pytest.mark.slow
def test_a_postgresql_server_that_never_answers_is_given_up_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A port that takes the connection (the kernel completes it) but no server ever speaks: as a firewall that
    # swallows packets, the driver would wait for minutes without a connect timeout of the bot's own.
    monkeypatch.setattr(storage.db, "PG_CONNECT_TIMEOUT_S", 1)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        _env(monkeypatch, tmp_path, f"postgresql+psycopg://atagande:hemligt-losen@127.0.0.1:{port}/atagande")
        assert main(["routines", "list"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "hemligt-losen" not in err
    assert f"127.0.0.1:{port}" in err
