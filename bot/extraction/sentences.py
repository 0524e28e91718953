"""Sentence boundaries in a unit's clean text."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

# A full stop ends a sentence when a capital, a digit or an opening mark follows;
# "bl.a. Rektor" does not end one (the word before the stop is an abbreviation).
_END = re.compile(r"[.!?]+[\"”’)\]]*\s+(?=[\"“”‘(\[]?[A-ZÅÄÖÉ0-9§])")
_ABBREVIATIONS = frozenset(
    {
        *("bl.a", "t.ex", "s.k", "m.m", "ca", "kap", "nr", "t.o.m", "fr.o.m", "dvs", "d.v.s", "osv", "o.s.v"),
        *("enl", "resp", "jfr", "p.g.a", "pga", "inkl", "exkl", "f.d", "m.fl", "mfl", "st", "sid", "s", "tel"),
        *("ang", "avd", "forts", "bil", "prop", "kl", "e.d", "o.d", "etc", "vs", "mm", "bl", "ex", "jf", "f"),
        *("dir", "tf", "t.f", "adj", "ordf", "v", "vecka", "fig", "tab", "pkt", "p", "ff", "kv", "u.a"),
        *("kungl", "kgl"),  # "Kungl. Tekniska högskolan"
    }
)


# A task given with its stop (and the item's number) lost in extraction: "… senast juni Förvaltningen får i
# uppdrag att …" is two decisions. A capitalised subject giving or getting a task starts a sentence.
_LOST_END = re.compile(
    r"(?<=[a-zåäö0-9])(?<!\b[Oo]ch)(?<!\b[Ss]amt)(?<!\b[Aa]tt)(?<!\b[Mm]en)\s+"
    r"(?=[A-ZÅÄÖ][a-zåäö-]+(?:\s+[a-zåäö-]+){0,3}\s+(?:får|ges)\s+i\s+uppdrag\s+att\b)"
)


# A stop with its space lost in a web page's text: "… besöka sju av dessa.Tillsynen i Nacka startar …".
_GLUED_END = re.compile(r"(?<=[a-zåäö]{3})[.!?](?=[A-ZÅÄÖ][a-zåäö]{2,}\s)")


# An address ends a sentence whose stop was lost: "… skicka in åtgärdsplanen till egetval@orebro.se Bedömningen är …".
_ADDRESS_END = re.compile(
    # (from a word's start only, so that a long run of letters is scanned once, not once per letter)
    r"(?<![\w.+/:-])(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+)(?P<gap>\s+)(?=[A-ZÅÄÖ][a-zåäö]{2,}\s)"
)


def _boundaries(text: str) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) at every boundary, in text order."""
    found: list[tuple[int, int]] = []
    for m in _END.finditer(text):
        stop = m.start()
        word_start = text.rfind(" ", 0, stop) + 1
        word = text[word_start:stop].lower().lstrip('("“')
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        found.append((m.end(), m.end()))
    found.extend((m.start(), m.end()) for m in _LOST_END.finditer(text))
    found.extend((m.end(), m.end()) for m in _GLUED_END.finditer(text))
    found.extend((m.start("gap"), m.end("gap")) for m in _ADDRESS_END.finditer(text))
    return sorted(found)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text`, trailing spaces excluded."""
    out: list[tuple[int, int]] = []
    start = 0
    for stop, after in [*_boundaries(text), (len(text), len(text))]:
        end = _trimmed(text, start, stop)
        if end > start:
            out.extend(_cut(text, start, end))
        start = after
    return out


def _trimmed(text: str, start: int, end: int) -> int:
    """`end` moved back over the spaces before it, not before `start`."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# A run-on of OCR or a flattened table can be one "sentence" of a whole page. Every reader of a sentence looks back
# along it, so one of 300,000 characters would take minutes: no sentence is longer than this, cut at a clause.
_LONGEST = 6_000
_CLAUSE_END = re.compile(r"[,;:]\s")
_SPACE = re.compile(r"\s")


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) as pieces of at most `_LONGEST`, each cut after the last clause mark (else space) in its second
    half."""
    pieces: list[tuple[int, int]] = []
    while end - start > _LONGEST:
        window = text[start + _LONGEST // 2 : start + _LONGEST]
        breaks = [m.end() for m in _CLAUSE_END.finditer(window)] or [m.end() for m in _SPACE.finditer(window)]
        cut = start + _LONGEST // 2 + (breaks[-1] if breaks else len(window))
        pieces.append((start, _trimmed(text, start, cut)))
        start = cut
    pieces.append((start, end))
    return pieces
