"""From OCR'd text to units: paragraphs, list items, headings and labels.

A unit's `clean` text is its lines joined with single spaces, words broken by a
hyphen at a line end joined again, and page headers, footers and page numbers
left out; `Clean.span` maps any stretch of it back to offsets in the original.

Layout facts these documents show, and what is done about them:

- Page headers repeat ("Handlingstyp Sida / Tjänsteskrivelse 3(4) / Datum
  Diarienummer / 2023-03-10 2023/BUN 0148"): a line made only of header words,
  dates, case numbers and page numbers is noise, and so is a line that recurs
  at the edges of most pages (`lines`). Noise never splits a sentence.
- Bullets come out of OCR as "o", "e", "•", "-", "", or vanish; an "att …"
  line after a list intro is an item too (bullets, labels and headings:
  `line_marks`).
- A blank line may fall inside a sentence ("samverkans\\n\\norganisation och
  arbete"): text that does not end a sentence, followed by a line in lower
  case, continues the same unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.clean_text import Clean, append_words
from bot.extraction.line_marks import (
    ATT_ITEM,
    BULLET,
    HEADINGS,
    bullet_of,
    is_heading,
    is_title_over_paragraph,
    label_of,
)
from bot.extraction.lines import Line, split_lines
from bot.extraction.textfold import qfold

# Clean, Line, split_lines, bullet_of and label_of are the layout's parts, importable from here as well.
__all__ = ["Clean", "Line", "Unit", "bullet_of", "label_of", "split_lines", "units_of"]


@dataclass
class Unit:
    index: int
    kind: str  # "heading" | "label" | "item" | "para"
    clean: Clean
    start: int  # original offset of the unit's first character
    end: int  # original offset after its last character
    bullet: str | None = None
    label: str | None = None  # class of a label unit ("answer", "rec", "action", …)
    label_text: str | None = None
    lines: int = 0

    @property
    def text(self) -> str:
        return self.clean.text


_SENTENCE_END = re.compile(r"[.!?:;]\W*$")


class _Builder:
    def __init__(self, kind: str, start: int) -> None:
        self.kind = kind
        self.clean = Clean()
        self.start = start
        self.end = start
        self.bullet: str | None = None
        self.label: str | None = None
        self.label_text: str | None = None
        self.lines = 0

    def add(self, line: Line, offset: int = 0) -> None:
        append_words(self.clean, line.text, line.start, offset)
        self.end = line.end
        self.lines += 1


def units_of(text: str, lines: list[Line] | None = None) -> list[Unit]:
    """Split `text` into units (see the module docstring)."""
    if lines is None:
        lines = split_lines(text)
    splitter = _Splitter(lines)
    for i, line in enumerate(lines):
        splitter.take(i, line)
    return [
        Unit(k, b.kind, b.clean, b.start, b.end, b.bullet, b.label, b.label_text, b.lines)
        for k, b in enumerate(splitter.builders)
    ]


@dataclass
class _Ahead:
    """For each text line, by index: what comes after it."""

    blank_after: dict[int, bool]  # is the next line (past page headers) blank, or the end?
    next_upper: dict[int, bool]  # does the next text line start with a capital?
    next_len: dict[int, int]  # how long is the next text line?


def _look_ahead(lines: list[Line]) -> _Ahead:
    ahead = _Ahead({}, {}, {})
    following_blank = True
    following_upper = False
    following_len = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.kind == "text":
            ahead.blank_after[i] = following_blank
            ahead.next_upper[i] = following_upper
            ahead.next_len[i] = following_len
            following_blank = False
            following_upper = line.text[:1].isupper()
            following_len = len(line.text)
        elif line.kind == "blank" and not (i + 1 < len(lines) and lines[i + 1].page_start):
            following_blank = True
    return ahead


class _Splitter:
    """Lines in, units out: each text line starts a unit or goes on the current one."""

    def __init__(self, lines: list[Line]) -> None:
        self.ahead = _look_ahead(lines)
        self.unwrapped, self.width = _line_layout(lines)
        self.builders: list[_Builder] = []
        self.cur: _Builder | None = None
        self.gap = True  # a blank line, page header or paragraph end since the last text line
        self.previous: Line | None = None

    def take(self, i: int, line: Line) -> None:
        if line.kind != "text":
            self.gap = True
            return
        if self.cur is not None and self.previous is not None and not self.gap and line.text[:1].isupper():
            self.gap = self._paragraph_ended(self.previous, self.cur)
        previous_text = self.previous.text if self.previous is not None else None
        self.previous = line
        self._place(i, line, previous_text)
        self.gap = False

    def _paragraph_ended(self, previous: Line, cur: _Builder) -> bool:
        """Does the line before a capital end its paragraph, with no blank line between?

        Where each paragraph is a line (Word), a line ends it; in wrapped text a finished sentence
        (or a list item) whose line stops well short of the wrapping width does.
        """
        short = len(previous.folded) < 0.75 * self.width
        return self.unwrapped or (short and (cur.kind == "item" or bool(_FULL_STOP.search(previous.text))))

    def _place(self, i: int, line: Line, previous_text: str | None) -> None:
        """Start the unit `line` opens, or add it to the current one."""
        raw = line.text
        bullet = bullet_of(raw)
        label = self._label(raw) if bullet is None else None
        cur = self.cur
        if bullet is not None and _numbered_heading(bullet[0], raw[bullet[1] :], self.ahead.blank_after[i]):
            self._open("heading", line)
        elif bullet is not None:
            self._open("item", line, bullet[1]).bullet = bullet[0]
        elif label is not None and label[0] in ("action", "done") and label[2] >= len(raw):
            # "Planerade åtgärder", "Redan vidtagna åtgärder" standing alone: a section title, not a field.
            heading = self._open("heading", line)
            heading.label, heading.label_text = label[0], label[1]
        elif label is not None:
            self._open_label(line, label)
        elif cur is not None and not self.gap and previous_text is not None and _plain_item(cur, previous_text, raw):
            # "… rekommenderar nämnden att:" and then items with no bullet, a line each.
            self._open("item", line).bullet = "·"
        elif cur is not None and _carries_on(cur, raw, self.gap):
            cur.add(line)
        else:
            kind = self._new_kind(i, raw)
            self._open(kind, line).bullet = "att" if kind == "item" else None

    def _label(self, raw: str) -> tuple[str, str, int] | None:
        label = label_of(raw)
        if label is not None and not self.gap and label[2] >= len(raw) and not _after_label_or_sentence(self.cur):
            return None  # a bare label word inside running text is just a word
        return label

    def _open(self, kind: str, line: Line, offset: int = 0) -> _Builder:
        """A new unit of `kind`, starting with `line` from `offset`."""
        self.cur = _Builder(kind, line.start)
        self.cur.add(line, offset)
        self.builders.append(self.cur)
        return self.cur

    def _open_label(self, line: Line, label: tuple[str, str, int]) -> None:
        """A field or answer label unit; its text is what follows the label on the line, if anything."""
        self.cur = _Builder("label", line.start)
        self.cur.label, self.cur.label_text = label[0], label[1]
        if label[2] < len(line.text):
            self.cur.add(line, label[2])
        else:
            self.cur.end = line.end
            self.cur.lines = 1
        self.builders.append(self.cur)

    def _new_kind(self, i: int, raw: str) -> str:
        """The kind of unit a line that goes on nothing starts: a heading, an "att …" item or a paragraph."""
        known = self.cur is not None and _heading_after_sentence(self.cur, raw)
        ahead = self.ahead
        heading = is_heading(raw, ahead.blank_after[i], ahead.next_upper[i]) or (
            self.gap and ahead.next_upper[i] and is_title_over_paragraph(raw, ahead.next_len[i], self.width)
        )
        kind = "heading" if heading and (self.gap or ahead.blank_after[i] or known) else "para"
        if kind == "para" and ATT_ITEM.match(raw):
            kind = "item"
        return kind


def _carries_on(cur: _Builder, line: str, gap: bool) -> bool:
    """Does `line` go on the unit `cur`: no break between them, or a sentence left open over a break?"""
    if gap:
        return _continues(cur, line)
    return cur.kind != "heading" and not _att_after_break(cur, line) and not _heading_after_sentence(cur, line)


_LONG_LINE = 130
_FULL_STOP = re.compile(r"[.!?][\"”’)]*$")


def _line_layout(lines: list[Line]) -> tuple[bool, float]:
    """(one paragraph per line?, the width lines are wrapped at).

    Text from Word gives each paragraph one line; a PDF page is wrapped at some 70-100
    characters, so a line much longer than that is a whole paragraph.
    """
    lengths = sorted(len(line.folded) for line in lines if line.kind == "text" and len(line.folded) > 20)
    if not lengths:
        return False, 80.0
    long = sum(1 for n in lengths if n > _LONG_LINE)
    width = float(lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))])
    return long >= 2 or lengths[-1] > 180 or (long >= 1 and long * 4 >= len(lengths)), width


_LIST_END = re.compile(r"(?:[,;]|\b(?:och|samt|eller))[\"”’)]*$")


def _plain_item(cur: _Builder, previous_line: str, line: str) -> bool:
    """A line of a list without bullets ("… rekommenderar nämnden att:" / "säkerställa att …,").

    The first item follows an intro paragraph ending in ":" and goes on its sentence (lower
    case); the next ones follow an item line that ended with "," ";" or "och".
    """
    if cur.kind == "para" and previous_line.endswith(":"):
        return line[:1].islower() and not BULLET.match(line)
    return cur.kind == "item" and cur.bullet == "·" and bool(_LIST_END.search(previous_line))


def _numbered_heading(bullet: str, rest: str, blank_after: bool) -> bool:
    """ "2. Inledning", "3) Bedömning": a numbered title, not a list item."""
    if not bullet[:1].isdigit() or not rest[:1].isupper() or rest[-1:] in ".,;:!?" or len(rest.split()) > 6:
        return False
    return blank_after or qfold(rest) in HEADINGS or len(rest.split()) <= 3


def _after_label_or_sentence(cur: _Builder | None) -> bool:
    """A label line may follow an empty label ("Nämndens svar" / "Rekommendation 1") or a finished sentence."""
    if cur is None:
        return True
    return (cur.kind == "label" and not len(cur.clean)) or bool(_SENTENCE_END.search(cur.clean.tail(12)))


def _heading_after_sentence(cur: _Builder, line: str) -> bool:
    """A known heading ("Bakgrund") right after a finished sentence, with no blank line between."""
    return bool(_SENTENCE_END.search(cur.clean.tail(12))) and qfold(line).strip(" .:") in HEADINGS


def _continues(cur: _Builder, line: str) -> bool:
    """After a blank line or page break: does `line` carry on the sentence `cur` left open?"""
    if cur.kind == "heading" or not len(cur.clean):
        return False
    if _SENTENCE_END.search(cur.clean.tail(12)):
        return False
    first = line[:1]
    return first.islower() and not ATT_ITEM.match(line)


_INTRO_END = re.compile(
    r"(?:[,;:]|\b(?:kommer|avser|planerar|ska|skall|vill|beslutar|foreslar|rekommenderas|rekommenderar|avsikt|sig"
    r"|amnar|bl\.\s?a\.|nedan))\W*$"
)


def _att_after_break(cur: _Builder, line: str) -> bool:
    """An "att …" line right after a list item or an intro ("Svar: Vi kommer") starts a new item."""
    if not ATT_ITEM.match(line):
        return False
    tail = qfold(cur.clean.tail(40))
    return bool(_INTRO_END.search(tail))
