"""``atagande``: the command line (also ``python -m bot``).

Every failure a user can cause ends in one clear sentence on stderr and exit
status 2, never a stack trace.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from bot.cli.parser import SwedishParser, metavar
from bot.cli.routines import RoutinesCliError
from bot.config import ConfigError, Settings, document_limit_settings, load_settings

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from bot.clock import Clock
    from bot.texts import Texts
    from storage.db import Database

EXIT_USAGE = 2


class CliError(Exception):
    """A sentence for the user; the CLI prints it and exits with status 2."""


def _parser() -> argparse.ArgumentParser:
    texts = _texts()
    parser = SwedishParser(prog="atagande", description=texts.get("cli_description"))
    sub = parser.add_subparsers(dest="command", required=True, metavar=metavar("command"))

    run = sub.add_parser("run", help=texts.get("cli_help_run"))
    run.add_argument("--mode", choices=("socket", "http"), default="socket", help=texts.get("cli_help_run_mode"))
    # Read by the command, not by argparse, so a bad port gets a Swedish sentence.
    run.add_argument("--port", default="3000", metavar=metavar("port"), help=texts.get("cli_help_run_port"))
    run.add_argument("--host", default="0.0.0.0", metavar=metavar("host"), help=texts.get("cli_help_run_host"))

    console = sub.add_parser("console", help=texts.get("cli_help_console"))
    console.add_argument("--demo", action="store_true", help=texts.get("cli_help_console_demo"))
    console.add_argument(
        "--as", dest="user", default="sekreterare", metavar=metavar("name"), help=texts.get("cli_help_console_as")
    )

    extract = sub.add_parser("extract", help=texts.get("extract_help"))
    extract.add_argument("file", metavar=metavar("file"), help=texts.get("extract_help_file"))
    extract.add_argument("--date", metavar=metavar("date"), help=texts.get("extract_help_date"))
    extract.add_argument("--json", action="store_true", help=texts.get("extract_help_json"))

    outbox = sub.add_parser("outbox", help=texts.get("outbox_help"))
    outbox_sub = outbox.add_subparsers(dest="outbox_command", metavar=metavar("action"))
    retry = outbox_sub.add_parser("retry", help=texts.get("outbox_help_retry"))
    retry.add_argument("ids", nargs="*", type=int, metavar="ID", help=texts.get("cli_help_outbox_ids"))
    report = sub.add_parser("report", help=texts.get("report_help"))
    report.add_argument("--committee", required=True, metavar=metavar("code"), help=texts.get("report_help_committee"))
    report.add_argument("--case", metavar="DNR", help=texts.get("report_help_case"))
    # Checked by the command, not by argparse, so a wrong format gets a Swedish sentence.
    report.add_argument("--format", default="md", metavar="md|csv|xlsx|docx|ics", help=texts.get("report_help_format"))
    report.add_argument("-o", "--output", type=Path, metavar=metavar("file"), help=texts.get("report_help_output"))

    from bot.cli import routines as cli_routines

    cli_routines.add_parser(sub, texts)
    from bot.cli import calendar as cli_calendar

    cli_calendar.add_parser(sub, texts)

    db = sub.add_parser("db", help=texts.get("cli_help_db"))
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar=metavar("action"))
    db_sub.add_parser("upgrade", help=texts.get("cli_help_db_upgrade"))
    backup = db_sub.add_parser("backup", help=texts.get("cli_help_db_backup"))
    backup.add_argument("file", type=Path, metavar=metavar("file"), help=texts.get("cli_help_db_backup_file"))
    return parser


def outbox_command(settings: Settings, action: str | None, ids: list[int]) -> str:
    """`atagande outbox`: how delivery stands; `atagande outbox retry [ID …]`: try failed ones again."""
    from bot.app.wiring import open_database
    from bot.clock import SystemClock
    from bot.outbox import status

    texts = _texts(settings.timezone)
    db = open_database(settings)
    try:
        if action == "retry":
            with db.write() as session:
                count = status.retry_failed(session, SystemClock(settings.timezone).now(), ids or None)
            return texts.get("outbox_retried", count=count)
        with db.read() as session:
            return texts.plain(
                "outbox_status.txt.j2",
                counts=status.counts(session),
                failures=status.failures(session),
                reason=lambda error: status.reason_text(texts, error),
            )
    finally:
        db.dispose()


def db_upgrade(settings: Settings) -> str:
    from storage.db import Database
    from storage.migrate import current_revision, upgrade

    database = Database.from_url(settings.database_url)
    try:
        upgrade(database.engine)
        return _texts().get("db_upgraded", revision=current_revision(database.engine))
    finally:
        database.dispose()


def db_backup(settings: Settings, target: Path) -> str:
    """Copy a live SQLite database with SQLite's online backup API (consistent, WAL included)."""
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite":
        raise CliError(_texts().get("backup_not_sqlite"))
    source_path = Path(url.database or "")
    if not source_path.is_file():
        raise CliError(_texts().get("backup_no_database", path=source_path))
    target = target.expanduser()
    if target.exists():
        raise CliError(_texts().get("backup_exists", path=target))
    if not target.parent.is_dir():
        raise CliError(_texts().get("backup_no_folder", folder=target.parent))
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest, pages=1024)
            check = dest.execute("PRAGMA integrity_check").fetchone()
        finally:
            dest.close()
    except sqlite3.Error:
        # A folder that may not be written to, a full disk, a name taken by a folder: nothing half-written stays.
        if partial.is_file():
            partial.unlink()
        raise CliError(_texts().get("backup_cannot_write", path=target)) from None
    finally:
        source.close()
    if not check or check[0] != "ok":
        partial.unlink(missing_ok=True)
        raise CliError(_texts().get("backup_integrity"))
    partial.rename(target)
    return _texts().get("backup_written", path=target)


def _texts(tz: ZoneInfo | None = None) -> Texts:
    """The texts; `tz` (the settings' zone) where a command shows a moment."""
    from bot.texts import Texts

    return Texts(tz) if tz is not None else Texts()


MAX_PORT = 65535


def _port(value: str) -> int:
    """`--port` as a TCP port (0: any free one, as the tests use), or a sentence that names what was given."""
    text = value.strip()
    if not text.isdigit() or int(text) > MAX_PORT:
        raise CliError(_texts().get("run_bad_port", value=value[:20], limit=MAX_PORT))
    return int(text)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TABLE_WIDTH = 100


def _extract_date(value: str | None, texts: Texts) -> date | None:
    if value is None:
        return None
    try:
        if not _ISO_DATE.fullmatch(value.strip()):
            raise ValueError(value)
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(texts.get("extract_bad_date", value=value)) from None
    from bot.services.import_checks import plausible_answer_date

    if not plausible_answer_date(day, _today()):
        raise CliError(texts.get("extract_odd_date", value=value))
    return day


def _today() -> date:
    """Today where the committees are (ATAGANDE_TIMEZONE), not where the server runs.

    `extract` reads no other setting; a zone it cannot use gives the default
    zone rather than stopping the command.
    """
    from bot.clock import DEFAULT_TIMEZONE, SystemClock
    from bot.config import timezone_setting

    try:
        zone = timezone_setting(os.environ)
    except ConfigError:
        zone = DEFAULT_TIMEZONE
    return SystemClock(zone).today()


def extract_command(path: str, date_arg: str | None, as_json: bool, today: date | None = None) -> str:
    """``atagande extract``: the findings of a document as JSON or as a Swedish table."""
    texts = _texts()
    document_date = _extract_date(date_arg, texts)

    from bot.documents import MAX_BYTES, DocumentError
    from bot.documents.limits import limits_for
    from bot.documents.worker import read_in_worker, read_path_in_worker
    from bot.extraction import extract
    from bot.extraction.present import table_view

    limits = limits_for(*document_limit_settings(os.environ))
    try:
        # In a worker process, as the bot reads: a document that runs away gets its sentence, not a crash.
        if path == "-":
            document = read_in_worker(sys.stdin.buffer.read(MAX_BYTES + 1), limits=limits)
        else:
            document = read_path_in_worker(path, limits=limits)
    except DocumentError as exc:
        raise CliError(texts.get(exc.key, **exc.params)) from None
    except FileNotFoundError:
        raise CliError(texts.get("extract_no_file", path=path)) from None
    except OSError:
        raise CliError(texts.get("extract_unreadable", path=path)) from None
    extraction = extract(document.text, document_date=document_date, today=today or _today())
    if as_json:
        return json.dumps([f.to_json() for f in extraction.findings], ensure_ascii=False, indent=2)
    view = table_view(extraction)
    return texts.plain(
        "extract_table.txt.j2",
        ex=extraction,
        recs=view.recs,
        loose=view.loose,
        n_commitments=view.n_commitments,
        width=_TABLE_WIDTH,
    )


def _existing_database(settings: Settings, texts: Texts) -> Database:
    """The configured database as it is: a report must not create an empty one, nor migrate it."""
    from storage.db import Database

    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database or "")
        if not path.is_file():
            raise CliError(texts.get("report_no_database", path=path))
    return Database.from_url(settings.database_url)


def _write_atomically(target: Path, data: bytes, texts: Texts) -> None:
    target = target.expanduser()
    if not target.parent.is_dir():
        raise CliError(texts.get("report_no_folder", folder=target.parent))
    # A half-written file is never left under the real name (a full disk, an interrupt).
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise CliError(texts.get("report_cannot_write", path=target)) from None


def report_command(
    settings: Settings,
    committee: str,
    case: str | None,
    format_name: str,
    output: Path | None,
    clock: Clock | None = None,
) -> str | None:
    """``atagande report``: the follow-up pack, to standard output or to a file.

    Text formats without ``-o`` (or with ``-o -``) go to standard output; the
    others are written to ``output`` or to a dated file in the working
    directory. Returns the sentence to show after writing a file, None after
    writing to standard output.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from bot.clock import SystemClock
    from bot.domain.errors import UserError
    from bot.reports.data import collect
    from bot.reports.formats import file_name, get_format
    from storage.db import DatabaseUnavailable

    clock = clock or SystemClock(settings.timezone)
    texts = _texts(clock.tz)
    try:
        fmt = get_format(format_name)
    except UserError as err:
        raise CliError(texts.get(err.key, **err.params)) from None
    database = _existing_database(settings, texts)
    try:
        with database.read() as session:
            report = collect(session, committee, clock.today(), clock.now(), dnr=case)
    except UserError as err:
        raise CliError(texts.get(err.key, **err.params)) from None
    except DatabaseUnavailable:
        raise  # not a schema to upgrade: main names what cannot be reached
    except SQLAlchemyError:
        # The database answers but lacks the tables a report reads: not migrated.
        raise CliError(texts.get("report_database_unreadable")) from None
    finally:
        database.dispose()
    data = fmt.render(report, texts)
    to_stdout = str(output) == "-" if output is not None else fmt.is_text
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None
    target = output if output is not None else Path(file_name(report, fmt))
    _write_atomically(target, data, texts)
    return texts.get("report_written", path=target, count=report.total)


def _configure_logging(command: str) -> None:
    # The console is a conversation on the terminal: only warnings there.
    level = logging.WARNING if command in ("console", "db", "report", "routines", "calendar") else logging.INFO
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Alembic announces each of its plugins at INFO on import; only its warnings matter here.
    logging.getLogger("alembic").setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            # Reading a document needs no settings: a missing Slack token must not stop it.
            print(extract_command(args.file, args.date, args.json))
            return 0
        _configure_logging(args.command)
        port = _port(args.port) if args.command == "run" else None
        settings = load_settings()
        if args.command == "run":
            from bot.app import runner

            if args.mode == "http" and port is not None:
                runner.run_http_mode(settings, args.host, port)
            else:
                runner.run_socket_mode(settings)
        elif args.command == "console":
            from bot.console.app import run_console

            return run_console(settings, demo=args.demo, start_user=args.user)
        elif args.command == "outbox":
            print(outbox_command(settings, args.outbox_command, getattr(args, "ids", [])))
        elif args.command == "db":
            message = db_upgrade(settings) if args.db_command == "upgrade" else db_backup(settings, args.file)
            print(message)
        elif args.command == "routines":
            from bot.cli import routines as cli_routines

            return cli_routines.run(settings, args)
        elif args.command == "calendar":
            from bot.cli import calendar as cli_calendar

            return cli_calendar.run(settings, args)
        elif args.command == "report":
            written = report_command(settings, args.committee, args.case, args.format, args.output)
            if written is not None:
                print(written)
    except ConfigError as exc:
        print(f"atagande: {_texts().get(exc.key, **exc.params)}", file=sys.stderr)
        return EXIT_USAGE
    except (CliError, RoutinesCliError) as exc:
        print(f"atagande: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # "atagande extract svar.pdf | head": the reader has stopped; nothing is wrong.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        # A database or Slack that cannot be reached, from any command: named in one sentence.
        from bot.cli.failures import explain

        sentence = explain(exc, _texts())
        if sentence is None:
            raise
        print(f"atagande: {sentence}", file=sys.stderr)
        return EXIT_USAGE
    return 0


if __name__ == "__main__":
    sys.exit(main())
