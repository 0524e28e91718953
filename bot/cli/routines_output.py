"""What the ``atagande routines`` subcommands print: import progress, notices, hits, the abbreviation table."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.services.routine_library import SearchResult
    from bot.texts import Texts

_PROGRESS_EVERY = 0.1  # seconds between redraws of the progress line


class Progress:
    """ "Läser 120 av 10 000 filer …" on stderr: redrawn on a terminal, one count line otherwise."""

    def __init__(self, texts: Texts, total: int, stream: TextIO) -> None:
        self.texts, self.total, self.stream = texts, total, stream
        self.tty = stream.isatty()
        self._last = 0.0
        if not self.tty:
            print(texts.get("routines_reading", total=total), file=stream)

    def step(self, done: int) -> None:
        if not self.tty:
            return
        now = time.monotonic()
        if done < self.total and now - self._last < _PROGRESS_EVERY:
            return
        self._last = now
        self.stream.write("\r\x1b[K" + self.texts.get("routines_progress", done=done, total=self.total))
        self.stream.flush()

    def interrupt(self) -> None:
        """Clear the line before a warning is printed under it."""
        if self.tty:
            self.stream.write("\r\x1b[K")

    def close(self) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def notices(result: SearchResult, texts: Texts) -> list[str]:
    """What the person should be told about their query, in Swedish, one sentence each."""
    from bot.routines.search import MAX_QUERY

    out: list[str] = []
    if result.cut:
        out.append(texts.get("routines_query_cut", limit=MAX_QUERY))
    if result.too_short:
        out.append(texts.get("routines_too_short"))
    elif result.only_stop_words:
        out.append(texts.get("routines_only_stop_words"))
    elif result.empty_library:
        out.append(texts.get("routines_empty_library"))
    elif not result.hits:
        out.append(texts.get("routines_no_match", query=result.query))
        if result.suggestions:
            out.append(texts.get("routines_did_you_mean", titles=result.suggestions))
    return out


def hits_json(result: SearchResult, titles: dict[int, str]) -> list[dict[str, Any]]:
    """The hits as the README promises: `id`, `title`, `score` (0–100), `snippet`, best first."""
    return [
        {"id": int(h.id), "title": titles.get(int(h.id), ""), "score": round(h.score, 1), "snippet": h.snippet}
        for h in result.hits
    ]


def hit_titles(session: Session, result: SearchResult) -> dict[int, str]:
    from sqlalchemy import select

    from storage.models import Routine

    ids = [int(h.id) for h in result.hits]
    if not ids:
        return {}
    rows = session.execute(select(Routine.id, Routine.title).where(Routine.id.in_(ids))).all()
    return {int(row[0]): str(row[1]) for row in rows}


def render_hits(result: SearchResult, titles: dict[int, str], as_json: bool, texts: Texts) -> str:
    hits = hits_json(result, titles)
    if as_json:
        return json.dumps(hits, ensure_ascii=False)
    return texts.plain("routines_search.txt.j2", hits=hits)


@dataclass(frozen=True)
class AbbreviationRow:
    abbreviation: str
    expansions: tuple[str, ...]
    own: bool


def abbreviation_rows(library: dict[str, list[str]]) -> list[AbbreviationRow]:
    """The merged table as written: the built-in entries, the library's own over them (an empty one removes)."""
    from bot.language.collation import swedish_key
    from bot.language.normalize import fold
    from bot.routines.abbreviations import BUILT_IN

    rows: dict[str, AbbreviationRow] = {fold(k): AbbreviationRow(k, tuple(v), False) for k, v in BUILT_IN.items()}
    for abbr, expansions in library.items():
        rows[fold(abbr)] = AbbreviationRow(abbr, tuple(expansions), True)
    return sorted(rows.values(), key=lambda r: swedish_key(r.abbreviation))
