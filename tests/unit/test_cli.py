"""The command line: clear sentences and exit status 2, consistent backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.cli.main import main


def test_run_without_token_says_which_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "ATAGANDE_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "SLACK_BOT_TOKEN" in err and "README" in err
    assert "Traceback" not in err


def test_http_mode_without_signing_secret(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    monkeypatch.delenv("ATAGANDE_DATABASE_URL", raising=False)
    assert main(["run", "--mode", "http"]) == 2
    assert "SLACK_SIGNING_SECRET" in capsys.readouterr().err


def test_db_upgrade_then_backup_while_open(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "live.sqlite3"
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", f"sqlite:///{database}")
    assert main(["db", "upgrade"]) == 0
    # A writer holds the database open (WAL) while the backup runs.
    writer = sqlite3.connect(database)
    writer.execute(
        "INSERT INTO people (slack_user_id, display_name, deleted, created_at) VALUES ('U1', 'A', 0, '2027-01-01')"
    )
    writer.commit()
    target = tmp_path / "copy.sqlite3"
    assert main(["db", "backup", str(target)]) == 0
    writer.close()
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT slack_user_id FROM people").fetchall() == [("U1",)]
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() is not None
    copy.close()
    # Never overwrite an earlier backup.
    assert main(["db", "backup", str(target)]) == 2
    assert "finns redan" in capsys.readouterr().err


def test_backup_refuses_postgresql(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", "postgresql+psycopg://u:p@127.0.0.1:1/x")
    assert main(["db", "backup", "x.sqlite3"]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_outbox_lists_failures_and_retries_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from bot.cli.main import main
    from bot.outbox.store import Planned, enqueue
    from storage.db import Database
    from storage.migrate import upgrade
    from storage.models import OutboxMessage, OutboxState

    url = f"sqlite:///{tmp_path / 'outbox.sqlite3'}"
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", url)
    db = Database.from_url(url)
    upgrade(db.engine)
    now = datetime(2027, 4, 16, 6, 30, tzinfo=UTC)
    with db.write() as session:
        enqueue(session, [Planned(key="digest:1:2027-W15", kind="digest", due_at=now)], now)
        row = session.query(OutboxMessage).one()
        row.state, row.error, row.channel = OutboxState.FAILED, "not_in_channel", "C0BUN"
    assert main(["outbox"]) == 0
    out = capsys.readouterr().out
    assert "1 gick inte fram" in out and "jag är inte med i kanalen" in out and "digest:1:2027-W15" in out
    assert main(["outbox", "retry"]) == 0
    assert "1 meddelande försöks igen" in capsys.readouterr().out
    with db.read() as session:
        assert session.query(OutboxMessage).one().state == OutboxState.PENDING
    db.dispose()


def test_backup_that_cannot_be_written_says_so_in_one_sentence(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "live.sqlite3"
    monkeypatch.setenv("ATAGANDE_DATABASE_URL", f"sqlite:///{database}")
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    target = tmp_path / "copy.sqlite3"
    # Where the copy is written first is taken by a folder: SQLite cannot open it, whoever runs the test.
    (tmp_path / "copy.sqlite3.partial").mkdir()
    assert main(["db", "backup", str(target)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and str(target) in err
    assert not target.exists()


@pytest.mark.parametrize("port", ["99999", "65536", "-1", "tre"])
def test_a_port_out_of_range_is_named_in_one_sentence(
    port: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    # Nothing answers there: if the port were not checked first, the bot would stop at Slack instead.
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")
    monkeypatch.delenv("ATAGANDE_DATABASE_URL", raising=False)
    try:
        status = main(["run", "--mode", "http", "--port", port])
    except SystemExit as exc:  # argparse's own (English) refusal
        status = int(exc.code or 0) + 100
    assert status == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Slack" not in err
    assert "--port" in err and port in err
