"""``atagande calendar …``: a committee's meeting plan on the command line.

- ``import --committee KOD FIL``: an .ics or .csv file becomes the committee's plan for the years it
  covers (as a file shared with the bot in Slack does); the summary on stdout.
- ``show --committee KOD [--year ÅR]``: the year's meetings (default: this year), each with the last
  day for the agenda's ärenden and the commitments due there.

The command line acts as an admin, as the other commands that change the database do: whoever can
run it can reach the database anyway. A refusal is one Swedish sentence on stderr, exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli.parser import metavar
from bot.cli.routines_base import RoutinesCliError, library_db, load_texts
from bot.config import Settings

if TYPE_CHECKING:
    from bot.texts import Texts

__all__ = ["add_parser", "import_command", "run", "show_command"]

# Read in the bot's own limits: a file larger than a plan is refused before it is read into memory.
_READ_AT_MOST = 2 * 1024 * 1024 + 1
_YEARS = range(2000, 2101)


def add_parser(sub: Any, texts: Texts) -> None:
    calendar = sub.add_parser("calendar", help=texts.get("calendar_help"))
    actions = calendar.add_subparsers(dest="calendar_command", required=True, metavar=metavar("action"))
    imp = actions.add_parser("import", help=texts.get("calendar_help_import"))
    imp.add_argument("--committee", required=True, metavar=metavar("code"), help=texts.get("calendar_help_committee"))
    imp.add_argument("file", type=Path, metavar=metavar("file"), help=texts.get("calendar_help_file"))
    show = actions.add_parser("show", help=texts.get("calendar_help_show"))
    show.add_argument("--committee", required=True, metavar=metavar("code"), help=texts.get("calendar_help_committee"))
    # Checked by the command, not by argparse, so a wrong year gets a Swedish sentence.
    show.add_argument("--year", metavar=metavar("year"), help=texts.get("calendar_help_year"))


def _actor() -> Any:
    from bot.services.people import Actor

    # No Slack user: the history names nobody for the command line's changes.
    return Actor(user_id="", name="atagande", is_admin=True)


def _read_file(path: Path, texts: Texts) -> bytes:
    try:
        with path.expanduser().open("rb") as handle:
            return handle.read(_READ_AT_MOST)
    except FileNotFoundError:
        raise RoutinesCliError(texts.get("extract_no_file", path=path)) from None
    except OSError:
        raise RoutinesCliError(texts.get("extract_unreadable", path=path)) from None


def import_command(settings: Settings, code: str, path: Path) -> str:
    from bot.clock import SystemClock
    from bot.services.plan_import import import_plan

    texts = load_texts()
    data = _read_file(path, texts)
    now = SystemClock(settings.timezone).now()
    with library_db(settings, texts) as db, db.write() as session:
        done = import_plan(session, _actor(), code, path.name, data, now)
    return texts.plain("plan_imported.md.j2", done=done)


def show_command(settings: Settings, code: str, year: str | None) -> str:
    from bot.clock import SystemClock
    from bot.services.plan_import import show_plan

    texts = load_texts()
    if year is None:
        chosen = SystemClock(settings.timezone).today().year
    elif year.strip().isdigit() and int(year) in _YEARS:
        chosen = int(year)
    else:
        raise RoutinesCliError(texts.get("calendar_bad_year", value=year[:20]))
    with library_db(settings, texts) as db, db.read() as session:
        shown = show_plan(session, code, chosen)
    return texts.plain("plan_shown.txt.j2", plan=shown)


def run(settings: Settings, args: argparse.Namespace) -> int:
    if args.calendar_command == "import":
        print(import_command(settings, args.committee, args.file))
    else:
        print(show_command(settings, args.committee, args.year))
    return 0
