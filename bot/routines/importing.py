"""Turning files into routines: which files a path names, a routine's title and revision date.

Pure reading, no database: `collect_files` walks the paths given (folders
sorted, hidden files left out), `read_draft` reads one file in a worker
process (`bot.documents.worker`; its refusals are the Swedish answers) and finds
the title and the revision date in the text.

The title is a Markdown file's first ``# `` heading; otherwise the first
short line near the top that looks like a heading (no full stop at the end,
not a date line); otherwise the file name without its extension. The revision
date is the first date (with a year) after "Reviderad", "Senast reviderad",
"Fastställd", "Gäller från" or "Datum", read by the Swedish date grammar of
`bot.language.periods`, in that order of preference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.documents import Document
from bot.documents.limits import DEFAULT_LIMITS, Limits
from bot.documents.worker import read_path_in_worker
from bot.language.normalize import fold
from bot.language.periods import find_deadlines

MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
MAX_HEADING = 150  # characters; a longer line is a paragraph, not a heading
_HEADING_LOOKAHEAD = 8  # non-empty lines from the top where a heading may be
_ATX_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_INLINE_MARKS = re.compile(r"[*_`]+")
# Folded, so "Fastställd" and "faststalld" are the same. The earlier a phrase, the more it says.
_REVISION_PHRASES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(?:senast\s+)?reviderad\w*\b|\brevision(?:sdatum)?\b|\breviderings?datum\b",
        r"\bfaststalld\w*\b|\bbeslutad\b",
        r"\bgaller\s+(?:fran|fr\W*o\W*m|from)\b",
        r"\bdatum\b",
    )
)
# A cheap look before folding a line: the letters every phrase above begins with, OCR damage or not.
_MAY_NAME_REVISION = re.compile(r"revi|fastst|beslut|g\S?ller|datum", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_METADATA_LINE = re.compile(r"^\s*(?:dnr|diarienummer|datum|sida|version)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """What a file says about the routine in it."""

    path: Path
    title: str
    body: str
    sha256: str
    revision_date: date | None


@dataclass(frozen=True)
class Found:
    """A file to read, and the name it is shown by: its path inside the folder given, or its own name."""

    path: Path
    name: str


def _inside(path: Path, root: Path) -> bool:
    """True if `path`, links followed, is in `root` (already resolved)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a broken or looping link
        return False


def collect(paths: Iterable[str | Path]) -> Iterator[Found]:
    """The files the paths name, in order: a folder's files sorted, hidden ones (".name") left out.

    A folder's walk stays in the folder: a link to anything outside it is left
    out (a library must not hand out /etc/passwd). Each file is named relative to
    its folder, or by its own name, never by the server's path, since the name is
    shown as the routine's source. A path that does not exist is yielded as it
    is, so reading it names it.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path)
                if any(part.startswith(".") for part in relative.parts) or not _inside(found, root):
                    continue
                if found.is_file():
                    yield Found(found, relative.as_posix())
        else:
            yield Found(path, path.name)


def collect_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files of :func:`collect`, without their names."""
    return (found.path for found in collect(paths))


def _clean_heading(line: str) -> str:
    return " ".join(_INLINE_MARKS.sub("", line).split())


def _looks_like_heading(line: str) -> bool:
    text = line.strip()
    if not text or len(text) > MAX_HEADING or text.endswith((".", ",", ";", ":")):
        return False
    if _METADATA_LINE.match(text) or revision_in_line(text):
        return False
    return any(ch.isalpha() for ch in text)


def find_title(text: str, path: Path) -> str:
    """The routine's title as the file gives it (see the module docstring)."""
    lines = text.replace("\f", "\n").splitlines()
    if path.suffix.lower() in MARKDOWN_EXTENSIONS:
        for line in lines:
            m = _ATX_H1.match(line.strip())
            if m and _clean_heading(m.group(1)):
                return _clean_heading(m.group(1))
    non_empty = [line for line in lines if line.strip()][:_HEADING_LOOKAHEAD]
    for line in non_empty:
        candidate = _clean_heading(line.lstrip("#"))
        if _looks_like_heading(candidate):
            return candidate
    return path.stem.strip() or path.name


def _dated(text: str) -> date | None:
    """The first date with a year in `text` (a "from" range counts by its first day)."""
    if not _YEAR.search(text):
        return None
    for found in find_deadlines(text, date.today()):
        if not _YEAR.search(found.phrase) or "relative" in (found.note or ""):
            continue
        if found.kind == "date" and len(found.dates) == 1:
            return found.dates[0]
        for note in (found.note or "").split(";"):
            if note.startswith("from:"):
                return date.fromisoformat(note.removeprefix("from:"))
    return None


def revision_in_line(line: str) -> bool:
    folded = fold(line)
    return any(p.search(folded) for p in _REVISION_PHRASES)


def find_revision_date(text: str) -> date | None:
    """The date the document says it was revised, decided or in force from; None when it says none."""
    # Only lines that may name a revision are folded: folding every line of a long document
    # was a fifth of an import.
    lines = [line for line in text.replace("\f", "\n").splitlines() if line.strip()]
    folded = [fold(line) if _MAY_NAME_REVISION.search(line) else "" for line in lines]
    for phrase in _REVISION_PHRASES:
        for i, line in enumerate(folded):
            m = phrase.search(line)
            if m is None:
                continue
            # fold() keeps the length, so the match's end is a position in the line as written.
            rest = lines[i][m.end() :] if len(line) == len(lines[i]) else lines[i]
            found = _dated(rest) or (_dated(lines[i + 1]) if i + 1 < len(lines) and not rest.strip(" :–-\t") else None)
            if found is not None:
                return found
    return None


def draft_from(document: Document, path: Path) -> Draft:
    return Draft(
        path=path,
        title=find_title(document.text, path),
        body=document.text.replace("\f", "\n\n").strip(),
        sha256=document.sha256,
        revision_date=find_revision_date(document.text),
    )


def read_draft(path: Path, limits: Limits = DEFAULT_LIMITS) -> Draft:
    """Read one file; raises DocumentError (a Swedish answer) or OSError as `read_path` does.

    In a worker process, so that one file that runs away ends as a skipped file, not as the whole import.
    """
    return draft_from(read_path_in_worker(path, limits=limits), path)
