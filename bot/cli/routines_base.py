"""What every ``atagande routines`` subcommand shares: its error, its texts, its clock and its database.

Everything beyond the settings is imported when a command runs, so ``atagande --help`` stays quick.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from bot.config import Settings

if TYPE_CHECKING:
    from bot.texts import Texts
    from storage.db import Database


class RoutinesCliError(Exception):
    """A Swedish sentence for stderr; the command exits with status 2."""


def load_texts() -> Texts:
    from bot.texts import Texts

    return Texts()


def current_time(settings: Settings) -> Any:
    from bot.clock import SystemClock

    return SystemClock(settings.timezone).now()


_CLI_WORDING = {"err_unknown_routine": "err_unknown_routine_cli"}


@contextmanager
def library_db(settings: Settings, texts: Texts) -> Iterator[Database]:
    """The configured database for one command: a refusal becomes the CLI's Swedish sentence, and it is closed."""
    from bot.app.wiring import open_database
    from bot.domain.errors import UserError

    db = open_database(settings)
    try:
        yield db
    except UserError as err:
        # A refusal that points at a Slack command has a wording of its own for the terminal.
        key = _CLI_WORDING.get(err.key, err.key)
        raise RoutinesCliError(texts.get(key, **err.params)) from None
    finally:
        db.dispose()
