"""PostgreSQL's driver is an extra (`pip install '.[postgres]'`): SQLite never needs it, PostgreSQL names it.

`sys.modules[name] = None` makes every `import name` fail as if the package were not installed, the
state of an install without the extra, while the rest of the environment stays as it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import main

REPO = Path(__file__).resolve().parents[2]
PG_URL = "postgresql+psycopg://atagande:hemligt-losen@db-host:5432/atagande"
COMMANDS = (
    ["db", "upgrade"],
    ["report", "--committee", "BUN", "--format", "md"],
    ["routines", "list"],
    ["outbox"],
    ["console"],
)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_postgresql_without_its_driver_names_the_postgres_extra(
    command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", PG_URL)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = err.strip().splitlines()
    # The command that installs the driver, the database it is for, and not its password.
    assert "pip install '.[postgres]'" in line
    assert "db-host:5432" in line and "hemligt-losen" not in line
    assert "psycopg" in line.replace("postgresql+psycopg", "")


@pytest.mark.slow
def test_sqlite_needs_no_postgresql_driver(tmp_path: Path) -> None:
    # A fresh interpreter, so no module imported earlier by the test session hides an import of psycopg.
    program = """
import sys
sys.modules["psycopg"] = None
import bot.cli.main, bot.console.app, bot.app.http_app, bot.app.runner, bot.app.wiring
import handlers, storage.db, storage.models
from bot.cli.main import main
sys.exit(main(["db", "upgrade"]) or main(["routines", "list"]))
"""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "ATAGANDE_DATABASE_URL": f"sqlite:///{tmp_path / 'atagande.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "atagande.sqlite3").is_file()
