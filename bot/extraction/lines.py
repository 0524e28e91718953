"""A document's lines with their offsets; blank lines, page headers, footers and page numbers marked.

Page headers repeat ("Handlingstyp Sida / Tjänsteskrivelse 3(4) / Datum
Diarienummer / 2023-03-10 2023/BUN 0148"): a line made only of header words,
dates, case numbers and page numbers is noise, and so is a line that recurs at
the edges of most pages.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from bot.extraction.textfold import qfold

__all__ = ["Line", "split_lines"]


@dataclass
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # the line without surrounding spaces
    page_start: bool  # the first line after a form feed
    kind: str = "text"  # "text" | "blank" | "noise"
    folded: str = ""  # `qfold(text)`, made once: several passes classify lines


_LINE = re.compile(r"[^\n\f]*")
_HEADER_WORDS = frozenset(
    {
        *("handlingstyp", "sida", "sid", "datum", "diarienummer", "dnr", "diarienr", "tjansteskrivelse"),
        *("beteckning", "var", "er", "referens", "handlaggare", "dokumentnamn", "dokumentdatum", "version"),
        *("page", "utredare", "mottagare", "av", "of", "dokumenttyp", "dokumentid", "arendenummer", "nr"),
        *("tjanteskrivelse", "tjansteskrivelsen", "protokollsutdrag", "sammantradesprotokoll", "sammantradesdatum"),
        *("ert", "vart", "datum:", "beslutsdatum", "upprattad", "godkand", "reviderad", "faststalld"),
    }
)
_NOISE_STRIP = re.compile(
    r"\b(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\b"  # dates
    r"|\b(?:19|20)\d\d\s?/\s?[a-z]{1,8}[\s./:-]?\d{1,6}(?:-\d{1,3})?\b"  # 2023/BUN 0148
    r"|\b[a-z]{1,8}\s?(?:19|20)\d\d[/:.-]\d{1,6}(?:-\d{1,3})?\b"  # BUN 2023/148
    r"|\b\d+\s*\(\s*\d+\s*\)"  # 3 (4)
    r"|\d+"
    r"|[^\w\s]"
)
_PAGE_NUMBER = re.compile(r"(?:\b(?:sida|sid\.?|s\.)\s*)?\b\d+(?:\s*\(\s*\d+\s*\)|\s*(?:av|/)\s*\d+)?\s*$")
_FOOTER = re.compile(
    r"(?:\btelefon\b|\btel\.?\s*:?\s*\d|\be-?post\b|\bwww\.|\bpostadress\b|\bbesoksadress\b|\borg\.?\s*nr\b"
    r"|\borganisationsnummer\b|\bbankgiro\b|\bplusgiro\b|\bfax\b|@\w+\.\w+)"
)
_FOOTER_HINTS = ("@", "www", "tel", "post", "fax", "giro", "nr", "adress")
_DATE_OR_DNR = re.compile(r"\b(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\b|\b(?:19|20)\d\d\s?/\s?[a-z]{1,8}")


def _header_noise(folded: str) -> bool:
    """A line made only of page-header words, dates, case numbers and page numbers."""
    if len(folded) > 90:
        return False
    for word in folded.split():
        # Most lines hold an ordinary word early: no need for the regular expressions.
        if len(word) > 2 and word.isalpha() and word not in _HEADER_WORDS:
            return False
    rest = _NOISE_STRIP.sub(" ", folded)
    words = rest.split()
    if not words:
        # Only digits and marks: a page number ("9", "- 3 -", "3 (4)") or a date or case number line;
        # not a year left alone by a line break ("senast december\n2024.").
        if _DATE_OR_DNR.search(folded):
            return len(folded) <= 40
        groups = re.findall(r"\d+", folded)
        return bool(groups) and all(len(g) <= 3 for g in groups) and len(folded) <= 20
    if not all(w in _HEADER_WORDS for w in words):
        return False
    return any(w not in ("av", "of", "var", "er", "nr", "ert", "vart") for w in words) or bool(
        _DATE_OR_DNR.search(folded)
    )


def _is_noise(folded: str) -> bool:
    if _header_noise(folded):
        return True
    # A sentence that promises is no footer for holding an address: "… ska senast den 29 juni skicka in
    # åtgärdsplanen till egetval@orebro.se".
    return (
        len(folded) <= 160
        and any(h in folded for h in _FOOTER_HINTS)
        and bool(_FOOTER.search(folded))
        and not _PROMISE_WORDS.search(folded)
    )


_PROMISE_WORDS = re.compile(r"\b(?:ska|skall|kommer\s+att|senast|avser)\b")


def split_lines(text: str) -> list[Line]:
    """Every line of `text` with its offsets, blank and noise lines marked."""
    lines: list[Line] = []
    page_start = False
    pos = 0
    n = len(text)
    while pos <= n:
        m = _LINE.match(text, pos)
        assert m is not None  # the pattern matches the empty string
        raw_end = m.end()
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            lines.append(Line(start, start + len(stripped), stripped, page_start, "text", qfold(stripped)))
        else:
            lines.append(Line(pos, pos, "", page_start, "blank"))
        if raw_end >= n:
            break
        page_start = text[raw_end] == "\f"
        pos = raw_end + 1
    _mark_noise(lines)
    return lines


def _mark_noise(lines: list[Line]) -> None:
    folded: dict[int, str] = {}
    for i, line in enumerate(lines):
        if line.kind == "text" and len(line.text) <= 160:
            if _is_noise(line.folded):
                line.kind = "noise"
            # The page's number in a running header or footer changes from page to page ("… Sida 3", "… 3 (4)").
            folded[i] = _PAGE_NUMBER.sub("#", line.folded)
    # Lines that recur at the edges of most pages are running headers or footers.
    page_starts = [i for i, line in enumerate(lines) if line.page_start]
    pages = len(page_starts) + 1
    if pages < 2:
        return
    edges: Counter[str] = Counter()
    bounds = [0, *page_starts, len(lines)]
    for a, b in itertools.pairwise(bounds):
        body = [i for i in range(a, b) if lines[i].kind == "text"]
        seen = {folded[i] for i in body[:3] + body[-3:] if i in folded and len(folded[i]) <= 80}
        edges.update(seen)
    running = {key for key, count in edges.items() if count >= 2 and 2 * count >= pages}
    for i, key in folded.items():
        if key in running:
            lines[i].kind = "noise"
