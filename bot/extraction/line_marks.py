"""What a line's look says: a bullet, a field or answer label, a heading.

Bullets come out of OCR as "o", "e", "•", "-", "", or vanish; labels are the
answer's ("Förvaltningens kommentar:", "Svar: Vi kommer") and an action plan's
("Åtgärd:", "Ansvarig: Rektor", "Tidplan"); headings are known section titles,
numbered titles and short capitalised lines with a blank line after them.
"""

from __future__ import annotations

import re

from bot.extraction.textfold import qfold

__all__ = ["ATT_ITEM", "BULLET", "HEADINGS", "bullet_of", "is_heading", "is_title_over_paragraph", "label_of"]

BULLET = re.compile(
    r"^(?:[•◦▪■□●○·∙‣⁃*\-–—►▶→✓✔√»«©®¢>\uf000-\uf0ff]+|[oeO](?=\s+\S)|\(?\d{1,2}[.)](?![\d.])|\(?[a-h]\)|[a-h]\.(?=\s))"
    r"\s+(?=\S)"
)
ATT_ITEM = re.compile(r"^att\s+\S")
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
            # a plan's list of what is to be done: "Resultatmål", "Handlingsplan", "Nästa steg"
            r"|^(?:resultatmal|handlingsplan|atgardsplan|aktivitetsplan|nasta\s+steg)$"
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
HEADINGS = frozenset(
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
    m = BULLET.match(line)
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


def is_heading(line: str, blank_after: bool, next_upper: bool = False) -> bool:
    if len(line) > 100 or line[-1] in ".,;:!?" or line.count(" ") >= 12:
        return False
    key = qfold(line).strip(" .:")
    if key in HEADINGS:
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


def is_title_over_paragraph(line: str, next_len: int, width: float) -> bool:
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
