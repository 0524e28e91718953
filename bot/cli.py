"""``atagande``: the command line (also ``python -m bot``).

Every failure a user can cause ends in one clear sentence on stderr and exit
status 2, never a stack trace.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.config import ConfigError, Settings, load_settings

EXIT_USAGE = 2


class CliError(Exception):
    """A sentence for the user; the CLI prints it and exits with status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="atagande", description="Åtagandeboten: audit commitments in Slack.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run the bot (migrates the database first)")
    run.add_argument("--mode", choices=("socket", "http"), default="socket")
    run.add_argument("--port", type=int, default=3000)
    run.add_argument("--host", default="0.0.0.0")

    console = sub.add_parser("console", help="try the bot in a terminal, against a local Slack stand-in")
    console.add_argument("--demo", action="store_true", help="start with sample committees and commitments")
    console.add_argument("--as", dest="user", default="sekreterare", help="the user you start as")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("upgrade", help="apply migrations")
    backup = db_sub.add_parser("backup", help="consistent copy of the SQLite database, also while the bot runs")
    backup.add_argument("file", type=Path)
    return parser


def db_upgrade(settings: Settings) -> str:
    from storage.db import Database
    from storage.migrate import current_revision, upgrade

    database = Database.from_url(settings.database_url)
    try:
        upgrade(database.engine)
        return f"Database at revision {current_revision(database.engine)}."
    finally:
        database.dispose()


def db_backup(settings: Settings, target: Path) -> str:
    """Copy a live SQLite database with SQLite's online backup API (consistent, WAL included)."""
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite":
        raise CliError("db backup copies the SQLite database; for PostgreSQL use pg_dump.")
    source_path = Path(url.database or "")
    if not source_path.is_file():
        raise CliError(f"There is no database file at {source_path} to back up.")
    target = target.expanduser()
    if target.exists():
        raise CliError(f"{target} already exists; choose a new file name so no backup is overwritten.")
    if not target.parent.is_dir():
        raise CliError(f"The folder {target.parent} does not exist.")
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest, pages=1024)
            check = dest.execute("PRAGMA integrity_check").fetchone()
        finally:
            dest.close()
    finally:
        source.close()
    if not check or check[0] != "ok":
        partial.unlink(missing_ok=True)
        raise CliError("The copy failed its integrity check; nothing was written.")
    partial.rename(target)
    return f"Backup written to {target}."


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # The console is a conversation on the terminal: only warnings there.
    level = logging.WARNING if args.command in ("console", "db") else logging.INFO
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Alembic announces each of its plugins at INFO on import; only its warnings matter here.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        settings = load_settings()
        if args.command == "run":
            from bot import runner

            if args.mode == "http":
                runner.run_http_mode(settings, args.host, args.port)
            else:
                runner.run_socket_mode(settings)
        elif args.command == "console":
            from bot.console.app import run_console

            return run_console(settings, demo=args.demo, start_user=args.user)
        elif args.command == "db":
            message = db_upgrade(settings) if args.db_command == "upgrade" else db_backup(settings, args.file)
            print(message)
    except (ConfigError, CliError) as exc:
        print(f"atagande: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
