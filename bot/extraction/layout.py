"""From OCR'd text to units: paragraphs, list items, headings and labels.

A unit's `clean` text is its lines joined with single spaces, words broken by a
hyphen at a line end joined again, and page headers, footers and page numbers
left out; `Clean.span` maps any stretch of it back to offsets in the original.

Layout facts these documents show, and what is done about them:

- Page headers repeat ("Handlingstyp Sida / Tjänsteskrivelse 3(4) / Datum
  Diarienummer / 2023-03-10 2023/BUN 0148"): a line made only of header words,
  dates, case numbers and page numbers is noise, and so is a line that recurs
  at the edges of most pages. Noise never splits a sentence.
- Bullets come out of OCR as "o", "e", "•", "-", "", or vanish; an "att …"
  line after a list intro is an item too.
- A blank line may fall inside a sentence ("samverkans\\n\\norganisation och
  arbete"): text that does not end a sentence, followed by a line in lower
  case, continues the same unit.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from bot.extraction.textfold import qfold

__all__ = ["Clean", "Line", "Unit", "split_lines", "units_of"]


# --------------------------------------------------------------------------- #
# Clean text with a map back to the original
# --------------------------------------------------------------------------- #


class Clean:
    """A unit's text as shown, with the original offset of each copied run.

    Built piece by piece (a list, so long units stay linear); `text` joins them once.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []  # clean offset where each run starts
        self.origs: list[int] = []  # original offset of that run
        self.lens: list[int] = []
        self._parts: list[str] = []
        self._length = 0
        self._word = ""  # the last word so far (a word joined across lines included)
        self._text: str | None = ""

    def add(self, orig_start: int, chunk: str, *, space: bool) -> None:
        if space and self._length:
            self._parts.append(" ")
            self._length += 1
            self._word = ""
        self.starts.append(self._length)
        self.origs.append(orig_start)
        self.lens.append(len(chunk))
        self._parts.append(chunk)
        self._length += len(chunk)
        self._word += chunk
        self._text = None

    def drop_last_char(self) -> None:
        """Remove the last character (the hyphen of a word broken at a line end)."""
        self._parts[-1] = self._parts[-1][:-1]
        self.lens[-1] -= 1
        self._length -= 1
        self._word = self._word[:-1]
        self._text = None

    @property
    def last_word(self) -> str:
        return self._word

    def tail(self, n: int) -> str:
        """The last `n` characters (or fewer), without joining the whole text."""
        out: list[str] = []
        size = 0
        for part in reversed(self._parts):
            out.append(part)
            size += len(part)
            if size >= n:
                break
        return "".join(reversed(out))[-n:]

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._parts)
        return self._text

    def __len__(self) -> int:
        return self._length

    def orig(self, pos: int) -> int:
        """Original offset of clean position `pos` (a space maps to just after the run before it)."""
        if not self.starts:
            return 0
        i = max(0, bisect_right(self.starts, pos) - 1)
        inside = pos - self.starts[i]
        if inside < self.lens[i]:
            return self.origs[i] + max(0, inside)
        return self.origs[i] + self.lens[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the clean stretch [start, end)."""
        if end <= start:
            s = self.orig(start)
            return s, s
        return self.orig(start), self.orig(end - 1) + 1


# --------------------------------------------------------------------------- #
# Lines
# --------------------------------------------------------------------------- #


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
    return len(folded) <= 160 and any(h in folded for h in _FOOTER_HINTS) and bool(_FOOTER.search(folded))


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
            key = line.folded
            folded[i] = key
            if _is_noise(key):
                line.kind = "noise"
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


# --------------------------------------------------------------------------- #
# Bullets, labels, headings
# --------------------------------------------------------------------------- #

_BULLET = re.compile(
    r"^(?:[•◦▪■□●○·∙‣⁃*\-–—►▶→✓✔√»«©®¢>\uf000-\uf0ff]+|[oeO](?=\s+\S)|\(?\d{1,2}[.)](?![\d.])|\(?[a-h]\)|[a-h]\.(?=\s))"
    r"\s+(?=\S)"
)
_ATT_ITEM = re.compile(r"^att\s+\S")
# "Förvaltningens kommentar:", "Svar: Vi kommer", "Nämndens svar på rekommendation 2", "Åtgärd:", "Ansvarig: Rektor".
_POSSESSOR = r"(?:(?:[\w-]+\s+och\s+)?[\w-]+s\s+)?"
_LABEL_TAIL = (
    r"(?:\s+(?:pa|till|och|med|fran|over|/)\s+(?:rekommendation\w*|revisorernas\s+\w+|iakttagelse\w*|atgard\w*"
    r"|forvaltningen|namnden|\w+namnden|\w+forvaltningen|styrelsen|kommunstyrelsen|granskningen|revisionens\s+\w+)"
    r"(?:\s*(?:nr\.?\s*)?\d+[a-z]?)?)?"
)
_LABELS: list[tuple[str, re.Pattern[str]]] = [
    (
        "answer",
        re.compile(
            rf"^{_POSSESSOR}(?:svar|kommentar(?:er)?|yttrande|synpunkter|stallningstagande|atgardsplan){_LABEL_TAIL}$"
        ),
    ),
    (
        "rec",
        re.compile(
            r"^(?:revisorernas\s+)?(?:rekommendation(?:er)?|iakttagelse|rekommenderad\s+atgard)"
            r"(?:\s*(?:nr\.?\s*)?\d+[a-z]?)?(?:\s+(?:fran|av)\s+[\w\s]{0,30}|\s*[-–—]\s*[^.:;]{1,80})?$"
        ),
    ),
    (
        "done",
        re.compile(r"^(?:redan\s+)?(?:vidtagna|genomforda|utforda)\s+(?:atgarder|aktiviteter|insatser)(?:\s+\w+)?$"),
    ),
    (
        "action",
        re.compile(
            r"^(?:planerade?|foreslagna?|beslutade?|kommande)?\s*(?:atgard(?:er)?|aktivitet(?:er)?)"
            r"(?:\s+(?:och|/)\s+\w+)?(?:\s*\d+)?$"
        ),
    ),
    ("owner", re.compile(r"^(?:ansvarig(?:a)?(?:\s+(?:chef|funktion|for\s+\w+|tjansteperson))?|ansvar)$")),
    (
        "deadline",
        re.compile(
            r"^(?:tids?plan|klart?(?:\s+senast)?|tidpunkt|deadline|slutdatum|nar|klart\s+till"
            r"|fardigt?(?:\s+senast)?|genomfors|datum\s+for\s+\w+|ska\s+vara\s+klart)$"
        ),
    ),
    ("followup", re.compile(r"^(?:uppfoljning|aterrapportering|aterrapporteras|redovisas)(?:\s+till\s+\w+)?$")),
    ("status", re.compile(r"^status$")),
]
_LABEL_LINE = re.compile(r"^(?P<label>[^:]{1,70}?)\s*:\s*(?P<rest>.*)$", re.DOTALL)
_HEADINGS = frozenset(
    {
        *("sammanfattning", "bakgrund", "beskrivning av arendet", "arendet", "arendebeskrivning", "bedomning"),
        *("rekommendationer", "revisorernas rekommendationer", "ekonomiska konsekvenser", "barnperspektiv"),
        *("barnrattsperspektiv", "forslag till beslut", "beslutsunderlag", "bilagor", "bilaga", "metod"),
        *("revisionskriterier", "syfte", "uppfoljning", "resultat", "slutsats", "slutsatser", "inledning"),
        *("overvaganden", "forvaltningens bedomning", "konsekvenser", "beslut", "yttrande", "svar", "bedomningar"),
        *("sammanfattande bedomning", "revisionsfragor", "avgransning", "granskningens syfte", "ansvarig"),
        *("forvaltningens synpunkter", "namndens svar", "vidtagna atgarder", "planerade atgarder", "atgarder"),
        *("avslutning", "avslutande kommentar", "avslutande kommentarer", "slutord", "fortsatt arbete", "ovrigt"),
    }
)
_FUNCTION_WORDS = frozenset(
    {
        *("en", "ett", "att", "och", "for", "av", "med", "i", "som", "till", "pa", "den", "det", "de", "om", "samt"),
        *("eller", "men", "fran", "vid", "under", "efter", "infor", "mellan", "kring", "utan", "an", "sa", "var"),
    }
)
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\S|^\d{1,2}\.?\s+[A-ZÅÄÖ][^.]{0,60}$")


def bullet_of(line: str) -> tuple[str, int] | None:
    """The bullet at the start of a line and where its text begins, or None."""
    m = _BULLET.match(line)
    if m is None:
        return None
    return m.group().strip() or "•", m.end()


def label_of(line: str) -> tuple[str, str, int] | None:
    """(label class, label as written, offset of the rest) for a field or answer label line."""
    m = _LABEL_LINE.match(line)
    if m is not None:
        written = m["label"]
        key = qfold(written)
        if len(key.split()) <= 8:
            for name, pattern in _LABELS:
                if pattern.match(key):
                    return name, written.strip(), m.start("rest")
        return None
    if len(line) > 60 or not line[:1].isupper() or line.endswith((".", ",")):
        return None
    key = qfold(line)
    if len(key.split()) <= 8:
        for name, pattern in _LABELS:
            if pattern.match(key):
                return name, line.strip(), len(line)
    return None


_HEADING_WORD = re.compile(
    r"\b(?:rekommendation\w*|iakttagelse\w*|atgard\w*|bedomning\w*|yttrande|svar|kommentar\w*|bakgrund"
    r"|sammanfattning|uppfoljning|synpunkter|slutsats\w*|revisionsfraga\w*)\b"
)


def _is_heading(line: str, blank_after: bool, next_upper: bool = False) -> bool:
    if len(line) > 100 or line[-1] in ".,;:!?" or line.count(" ") >= 12:
        return False
    key = qfold(line).strip(" .:")
    if key in _HEADINGS:
        return True
    if key.rsplit(" ", 1)[-1] in _FUNCTION_WORDS:
        return False  # "… ta fram en": a line broken inside a sentence
    first = next((c for c in line if c.isalnum()), "")
    if not first or not (first.isupper() or first.isdigit()):
        return False
    if _NUMBERED_HEADING.match(line):
        return True
    if key.startswith("att ") or len(key.split()) > 9:
        return False
    # Without a blank line after it, a title needs a title word and a capital on the next line.
    return blank_after or (next_upper and len(key.split()) <= 8 and bool(_HEADING_WORD.search(key)))


_TITLE_WORDS = 6


def _is_title_over_paragraph(line: str, next_len: int, width: float) -> bool:
    """A few words alone after a blank line, over a paragraph's full first line ("Utbildning")."""
    words = line.split()
    return (
        len(words) <= _TITLE_WORDS
        and len(line) < 0.6 * width
        and next_len >= 0.75 * width
        and line[-1] not in ".,;:!?"
        and line[:1].isupper()
        and qfold(words[-1]) not in _FUNCTION_WORDS
        and bullet_of(line) is None
    )


# --------------------------------------------------------------------------- #
# Units
# --------------------------------------------------------------------------- #


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
_KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "respektive", "resp", "som", "till", "men", "&"})
_WORD = re.compile(r"\S+")


def _append(clean: Clean, text: str, base: int, start_in_line: int) -> None:
    """Add a line's words to `clean`, joining a word split by a hyphen at the previous line end."""
    first = True
    for m in _WORD.finditer(text, start_in_line):
        word = m.group()
        orig = base + m.start()
        prev_word = clean.last_word
        broken = first and len(prev_word) >= 2 and prev_word.endswith("-") and prev_word[-2].isalpha()
        if broken and word[:1].islower() and word.lower().strip(",.;:") not in _KEEP_HYPHEN_BEFORE:
            if prev_word[:-1].isupper() and len(prev_word) > 2:
                clean.add(orig, word, space=False)  # "BUS-\nsamverkan" keeps its hyphen
            else:
                # "samver-\nkan": drop the hyphen, join the halves.
                clean.drop_last_char()
                clean.add(orig, word, space=False)
            first = False
            continue
        clean.add(orig, word, space=True)
        first = False


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
        _append(self.clean, line.text, line.start, offset)
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
        heading = _is_heading(raw, ahead.blank_after[i], ahead.next_upper[i]) or (
            self.gap and ahead.next_upper[i] and _is_title_over_paragraph(raw, ahead.next_len[i], self.width)
        )
        kind = "heading" if heading and (self.gap or ahead.blank_after[i] or known) else "para"
        if kind == "para" and _ATT_ITEM.match(raw):
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
        return line[:1].islower() and not _BULLET.match(line)
    return cur.kind == "item" and cur.bullet == "·" and bool(_LIST_END.search(previous_line))


def _numbered_heading(bullet: str, rest: str, blank_after: bool) -> bool:
    """ "2. Inledning", "3) Bedömning": a numbered title, not a list item."""
    if not bullet[:1].isdigit() or not rest[:1].isupper() or rest[-1:] in ".,;:!?" or len(rest.split()) > 6:
        return False
    return blank_after or qfold(rest) in _HEADINGS or len(rest.split()) <= 3


def _after_label_or_sentence(cur: _Builder | None) -> bool:
    """A label line may follow an empty label ("Nämndens svar" / "Rekommendation 1") or a finished sentence."""
    if cur is None:
        return True
    return (cur.kind == "label" and not len(cur.clean)) or bool(_SENTENCE_END.search(cur.clean.tail(12)))


def _heading_after_sentence(cur: _Builder, line: str) -> bool:
    """A known heading ("Bakgrund") right after a finished sentence, with no blank line between."""
    return bool(_SENTENCE_END.search(cur.clean.tail(12))) and qfold(line).strip(" .:") in _HEADINGS


def _continues(cur: _Builder, line: str) -> bool:
    """After a blank line or page break: does `line` carry on the sentence `cur` left open?"""
    if cur.kind == "heading" or not len(cur.clean):
        return False
    if _SENTENCE_END.search(cur.clean.tail(12)):
        return False
    first = line[:1]
    return first.islower() and not _ATT_ITEM.match(line)


_INTRO_END = re.compile(
    r"(?:[,;:]|\b(?:kommer|avser|planerar|ska|skall|vill|beslutar|foreslar|rekommenderas|rekommenderar|avsikt|sig"
    r"|amnar|bl\.\s?a\.|nedan))\W*$"
)


def _att_after_break(cur: _Builder, line: str) -> bool:
    """An "att …" line right after a list item or an intro ("Svar: Vi kommer") starts a new item."""
    if not _ATT_ITEM.match(line):
        return False
    tail = qfold(cur.clean.tail(40))
    return bool(_INTRO_END.search(tail))
