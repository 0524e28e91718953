"""``atagande routines …``: the routine library on the command line.

- ``import PATH…``: files and folders (walked, sorted). A file that cannot be
  read is named on stderr with the reason and skipped; the rest is imported.
  Exit status 0 when at least one routine was imported or updated, 2 when
  nothing could be. A progress line on stderr while reading: redrawn in place
  on a terminal, a single count line otherwise.
- ``search QUERY [--limit N] [--json]``: the hits, best first. What the query
  is told (cut to 200 characters, only stop words, empty library, "Menade du
  …") goes to stderr, so stdout holds only the hits (JSON with ``--json``).
  With QUERY ``-`` every line of standard input is a query: with ``--json``
  one JSON array per line, in order (``[]`` for a query that found nothing);
  without, a readable block per query headed by the query. Exit status 2 for
  a single query that cannot be searched (too short, only stop words) or a
  bad ``--limit``; 0 otherwise, and always 0 in ``-`` mode (each line's
  answer on stderr, prefixed by its line number).
- ``list``, ``remove ID``, ``alias ID ALIAS…``, ``abbreviations [set ABBR
  EXPANSION… | forget ABBR]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from bot.cli.parser import metavar
from bot.cli.routines_base import RoutinesCliError, current_time, library_db, load_texts
from bot.cli.routines_output import Progress, abbreviation_rows, hit_titles, hits_json, notices, render_hits
from bot.config import Settings

if TYPE_CHECKING:
    from bot.documents.limits import Limits
    from bot.services.routine_library import RoutineLibrary
    from bot.texts import Texts
    from storage.db import Database

__all__ = [
    "BATCH",
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "ImportSummary",
    "Progress",
    "RoutinesCliError",
    "abbreviation_rows",
    "add_parser",
    "hits_json",
    "import_paths",
    "notices",
    "run",
]

MAX_LIMIT = 50
DEFAULT_LIMIT = 5
BATCH = 500  # files per database transaction on import
_MAX_SOURCE = 1000


def add_parser(sub: Any, texts: Texts) -> None:
    routines = sub.add_parser("routines", help=texts.get("routines_help"))
    actions = routines.add_subparsers(dest="routines_command", required=True, metavar=metavar("action"))
    imp = actions.add_parser("import", help=texts.get("routines_help_import"))
    imp.add_argument("paths", nargs="+", metavar=metavar("path"), help=texts.get("routines_help_paths"))
    search = actions.add_parser("search", help=texts.get("routines_help_search"))
    search.add_argument("query", metavar=metavar("query"), help=texts.get("routines_help_query"))
    # Checked by the command, not by argparse, so a wrong value gets a Swedish sentence.
    search.add_argument("--limit", default=str(DEFAULT_LIMIT), metavar="N", help=texts.get("routines_help_limit"))
    search.add_argument("--json", action="store_true", help=texts.get("routines_help_json"))
    actions.add_parser("list", help=texts.get("routines_help_list"))
    remove = actions.add_parser("remove", help=texts.get("routines_help_remove"))
    remove.add_argument("id", metavar="ID", help=texts.get("cli_help_routine_id"))
    alias = actions.add_parser("alias", help=texts.get("routines_help_alias"))
    alias.add_argument("id", metavar="ID", help=texts.get("cli_help_routine_id"))
    alias.add_argument("aliases", nargs="*", metavar="ALIAS", help=texts.get("cli_help_routine_aliases"))
    abbreviations = actions.add_parser("abbreviations", help=texts.get("routines_help_abbreviations"))
    abbr = abbreviations.add_subparsers(dest="abbr_command", metavar=metavar("action"))
    abbr_set = abbr.add_parser("set", help=texts.get("routines_help_abbr_set"))
    abbr_set.add_argument("abbreviation", metavar=metavar("abbr"), help=texts.get("cli_help_abbr"))
    abbr_set.add_argument(
        "expansions", nargs="*", metavar=metavar("expansion"), help=texts.get("cli_help_abbr_expansions")
    )
    forget = abbr.add_parser("forget", help=texts.get("routines_help_abbr_forget"))
    forget.add_argument("abbreviation", metavar=metavar("abbr"), help=texts.get("cli_help_abbr"))


# --- import -----------------------------------------------------------------


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    skipped: int = 0


def import_paths(
    db: Database, paths: Sequence[str], now: Any, texts: Texts, stderr: TextIO, limits: Limits | None = None
) -> ImportSummary:
    """Read every file the paths name and store it as a routine (the same file again updates)."""
    from bot.documents import DocumentError
    from bot.documents.limits import DEFAULT_LIMITS
    from bot.domain.errors import UserError
    from bot.routines.importing import Draft, collect, read_draft
    from bot.services.routines import add_routine

    summary = ImportSummary()
    files = list(collect(paths))
    if not files:
        return summary
    progress = Progress(texts, len(files), stderr)

    def skip(path: Path, reason: str) -> None:
        summary.skipped += 1
        progress.interrupt()
        print(texts.get("routines_skipped", path=path, reason=reason), file=stderr)

    def store(batch: list[tuple[Draft, str]]) -> None:
        with db.write() as session:
            for draft, source in batch:
                try:
                    # A refused title is refused before the session is touched: the batch goes on.
                    _, created = add_routine(
                        session,
                        title=draft.title,
                        body=draft.body,
                        now=now,
                        source=source if len(source) <= _MAX_SOURCE else None,
                        sha256=draft.sha256,
                        revision_date=draft.revision_date,
                    )
                except UserError as err:
                    skip(draft.path, texts.get(err.key, **err.params))
                    continue
                if created:
                    summary.created += 1
                else:
                    summary.updated += 1

    batch: list[tuple[Draft, str]] = []
    for done, found in enumerate(files, start=1):
        path = found.path
        try:
            # Shown as the routine's source: the name in the folder, never the server's path.
            batch.append((read_draft(path, limits or DEFAULT_LIMITS), found.name))
        except DocumentError as err:
            skip(path, texts.get(err.key, **err.params))
        except FileNotFoundError:
            skip(path, texts.get("routines_not_found"))
        except OSError:
            skip(path, texts.get("routines_cannot_open"))
        if len(batch) >= BATCH:
            store(batch)
            batch = []
        progress.step(done)
    if batch:
        store(batch)
    progress.close()
    return summary


def import_command(settings: Settings, paths: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    from bot.documents.limits import limits_for

    texts = load_texts()
    with library_db(settings, texts) as db:
        limits = limits_for(settings.document_memory_mb, settings.document_seconds)
        summary = import_paths(db, paths, current_time(settings), texts, stderr, limits)
    if summary.created + summary.updated == 0:
        if summary.skipped == 0:
            raise RoutinesCliError(texts.get("routines_no_files"))
        raise RoutinesCliError(texts.get("routines_nothing_imported", skipped=summary.skipped))
    print(
        texts.get("routines_imported", created=summary.created, updated=summary.updated, skipped=summary.skipped),
        file=stdout,
    )
    return 0


# --- search -----------------------------------------------------------------


def _limit(value: str, texts: Texts) -> int:
    try:
        limit = int(value.strip())
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        raise RoutinesCliError(texts.get("routines_bad_limit", value=value))
    return limit


def search_command(
    settings: Settings,
    query: str,
    limit_arg: str,
    as_json: bool,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    library: RoutineLibrary | None = None,
) -> int:
    from bot.services.routines import RoutineLibrary

    texts = load_texts()
    limit = _limit(limit_arg, texts)
    library = library or RoutineLibrary()
    with library_db(settings, texts) as db:
        if query != "-":
            with db.read() as session:
                result = library.search(session, query, limit=limit)
                output = render_hits(result, hit_titles(session, result), as_json, texts)
            for sentence in notices(result, texts):
                print(sentence, file=stderr)
            if output or as_json:
                print(output, file=stdout)
            return 2 if result.too_short or result.only_stop_words else 0
        return _search_lines(db, library, stdin, limit, as_json, texts, stdout, stderr)


def _search_lines(
    db: Database,
    library: RoutineLibrary,
    lines: Iterable[str],
    limit: int,
    as_json: bool,
    texts: Texts,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    searched = 0
    for number, line in enumerate(lines, start=1):
        query = line.rstrip("\r\n")
        if not query.strip() and not as_json:
            continue
        searched += 1
        with db.read() as session:
            result = library.search(session, query, limit=limit)
            output = render_hits(result, hit_titles(session, result), as_json, texts)
        for sentence in notices(result, texts):
            print(texts.get("routines_line", number=number, message=sentence), file=stderr)
        if as_json:
            print(output, file=stdout, flush=True)
        else:
            heading = texts.get("routines_query_heading", query=result.query)
            print(heading + ("\n" + output if output else "") + "\n", file=stdout, flush=True)
    if searched == 0:
        raise RoutinesCliError(texts.get("routines_no_queries"))
    return 0


# --- list, remove, alias, abbreviations ---------------------------------------


def _routine_id(value: str, texts: Texts) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise RoutinesCliError(texts.get("routines_bad_id", value=value)) from None


def list_command(settings: Settings, stdout: TextIO) -> int:
    from bot.services.routines import list_routines

    texts = load_texts()
    with library_db(settings, texts) as db, db.read() as session:
        routines = list_routines(session)
        text = texts.plain("routines_list.txt.j2", routines=routines) if routines else ""
    print(text or texts.get("routines_list_empty"), file=stdout)
    return 0


def remove_command(settings: Settings, value: str, stdout: TextIO) -> int:
    from bot.services.routines import remove_routine

    texts = load_texts()
    routine_id = _routine_id(value, texts)
    with library_db(settings, texts) as db, db.write() as session:
        routine = remove_routine(session, routine_id)
        message = texts.get("routines_removed", id=routine.id, title=routine.title)
    print(message, file=stdout)
    return 0


def alias_command(settings: Settings, value: str, aliases: Sequence[str], stdout: TextIO) -> int:
    from bot.services.routines import set_aliases

    texts = load_texts()
    routine_id = _routine_id(value, texts)
    with library_db(settings, texts) as db, db.write() as session:
        routine = set_aliases(session, routine_id, aliases, current_time(settings))
        message = texts.get("routines_aliases_set", id=routine.id, title=routine.title, aliases=routine.aliases)
    print(message, file=stdout)
    return 0


def abbreviations_command(
    settings: Settings, action: str | None, abbreviation: str | None, expansions: Sequence[str], stdout: TextIO
) -> int:
    from bot.services.routines import forget_abbreviation, library_abbreviations, set_abbreviation

    texts = load_texts()
    with library_db(settings, texts) as db:
        if action == "set" and abbreviation is not None:
            with db.write() as session:
                set_abbreviation(session, abbreviation, expansions, current_time(settings))
            cleaned = [" ".join(e.split()) for e in expansions if e.strip()]
            message = texts.get("routines_abbr_set", abbreviation=" ".join(abbreviation.split()), expansions=cleaned)
        elif action == "forget" and abbreviation is not None:
            with db.write() as session:
                forgotten = forget_abbreviation(session, " ".join(abbreviation.split()))
            if not forgotten:
                raise RoutinesCliError(texts.get("routines_abbr_unknown", abbreviation=abbreviation))
            message = texts.get("routines_abbr_forgotten", abbreviation=abbreviation)
        else:
            with db.read() as session:
                rows = abbreviation_rows(library_abbreviations(session))
            message = texts.plain("routines_abbreviations.txt.j2", rows=rows)
    print(message, file=stdout)
    return 0


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Dispatch ``atagande routines ACTION``; a RoutinesCliError is left to the caller to print."""
    action = args.routines_command
    if action == "import":
        return import_command(settings, args.paths, sys.stdout, sys.stderr)
    if action == "search":
        return search_command(settings, args.query, args.limit, args.json, sys.stdin, sys.stdout, sys.stderr)
    if action == "list":
        return list_command(settings, sys.stdout)
    if action == "remove":
        return remove_command(settings, args.id, sys.stdout)
    if action == "alias":
        return alias_command(settings, args.id, args.aliases, sys.stdout)
    return abbreviations_command(
        settings,
        getattr(args, "abbr_command", None),
        getattr(args, "abbreviation", None),
        getattr(args, "expansions", []),
        sys.stdout,
    )
