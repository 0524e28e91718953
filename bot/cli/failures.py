"""What the command line says when the database or Slack cannot be used at all.

The one place that turns such a failure into a sentence: ``bot.cli.main``
hands every exception that escapes a command to :func:`explain`, so no
command needs its own try/except for an unreachable database or Slack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.texts import Texts


def explain(exc: BaseException, texts: Texts) -> str | None:
    """One Swedish sentence for ``exc`` if it is an unreachable database or Slack, else None."""
    from bot.app.runner import SlackUnavailable
    from storage.db import DatabaseUnavailable

    if isinstance(exc, DatabaseUnavailable):
        return texts.get(f"cli_db_{exc.problem}", where=exc.where)
    if isinstance(exc, SlackUnavailable):
        return texts.get(f"cli_slack_{exc.reason}", url=exc.api_url, variable=exc.variable, error=exc.error)
    return None
