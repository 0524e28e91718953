"""The words before a time expression that say what date it gives: a preposition ("senast", "innan", "till",
"efter", "från och med", "mellan", an OCR'd "1" for "i") and a vague word ("i början/mitten/slutet av").

`chains` reads them for each chain of time atoms; the conventions are in `periods`' docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.language.normalize import MatchText

__all__ = ["Prefix", "prefix_before", "vague_before"]

_A = r"[ad]"

# Prepositions in front of a time expression, by what they do to it. The
# pattern is searched in a short window that ends where the expression starts;
# the leftmost match is the longest prefix.
_PREFIX = re.compile(
    r"(?<![^\W_])(?:"
    rf"(?P<before>(?:senast\s+|i\s+god\s+tid\s+|strax\s+|redan\s+)?(?:innan|f[oe]re|inf[oe]r)"
    # "innan förändringen träder i kraft den 1 juni", "innan skolan börjar den 17 augusti": before what starts then
    r"(?:\s+(?:[^\W\d_]+\s+){1,3}?(?:tr[ae]der\s+i\s+kraft|b[oe]rjar|startar|[oe]ppnar|inf[oe]rs))?"
    r"(?:\s+den)?"
    # "… som krävs för att myndigheten ska kunna inleda sin verksamhet den 1 januari 2015": ready the day before
    r"|kunna\s+(?:inleda|starta|b[oe]rja|p[ad]b[oe]rja|[oe]ppna)\s+(?:sin|sitt|sina)\s+[^\W\d_]+(?:\s+den)?)"
    rf"|(?P<after>(?:strax\s+)?efter(?:\s+den)?)"
    # "start" after a genitive is the start of something ("till höstterminens start den 18 augusti"), not "from".
    rf"|(?P<from>(?:fr{_A}n\s+och\s+med|fr\.?\s?o\.?\s?m\.?|from|fr{_A}n|tidigast|med\s+start|(?<![a-z]s\s)start)"
    rf"(?:\s+(?:den|i|under|vid))?)"
    r"|(?P<between>mellan(?:\s+den)?)"
    rf"|(?P<end>(?:senast\s+)?(?:(?:f[oe]re|innan|vid|till|per)\s+)?utg{_A}ngen\s+av"
    rf"|senast(?:\s+(?:den|i|under|vid|per|inom|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|under\s+loppet\s+av|p{_A}))?"
    r"|(?:fram\s+|anda\s+)?(?:till\s+och\s+med|t\.?\s?o\.?\s?m\.?)(?:\s+den)?"
    # "planeras till hösten 2024", "är tänkt till nästa årsskifte": set for that time, not done before it starts
    rf"|(?:planeras|planerad|planerat|planerade|t{_A}nkt|utsatt)\s+till(?:\s+den)?"
    # "Nästa utlysning planeras 2020", "beräknas 2025": a year planned for, done by its end
    rf"|(?:den\s+)?sista|(?:tids?plan|deadline|slutdatum|klart|klar|klara|f[ai]rdig[at]?|slutf[oe]r[td]|p{_A}\s+plats"
    rf"|planeras|planerad|planerat|ber{_A}knas|v{_A}ntas)"
    rf"(?:\s+(?:senast|i|under|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|p{_A}))?"
    # "Uppföljningen beräknas ske 2025": a bare year right after "ske" (before "senast" it is that limit's)
    r"|ske|sker"
    # "under hela 2023": all of it, done by its end; "fas 1, vilken förväntas pågå hela 2019"
    rf"|p{_A}g{_A}r?(?:\s+(?:under\s+)?hela)?|varar(?:\s+(?:under\s+)?hela)?"
    rf"|(?:under\s+)?(?:perioden|{_A}ren)|under(?:\s+loppet\s+av|\s+hela)?|i\s+loppet\s+av|n{_A}gon\s+g{_A}ng\s+under|inom"
    # "under resten av 2016": what is left of it, done by its end
    rf"|(?:under\s+)?(?:resten|{_A}terstoden)\s+av"
    rf"|per(?:\s+den)?|p{_A}|i|vid"
    # about then: "Nyöppningen beräknas istället ske runt midsommar", "omkring den 15 maj"
    r"|runt|omkring|kring"
    # "avsätta 100 tkr för ytvattenarbetet även 2022": the work again that year, done by its end
    rf"|[ae]ven|ocks{_A})"
    r"|(?P<till>(?:senast\s+)?(?:fram\s+|anda\s+)?(?:till|tills)(?:\s+den)?)"
    r"|(?P<ocr>(?:senast\s+|under\s+)?(?:1|l|\|))"
    r")\s*:?\s*$",
)
_VAGUE = re.compile(
    r"(?<![^\W_])(?:(?:i|1)\s+)?(?P<v>b[oe6]rjan|mitten|slutet|(?:senare|sista)\s+delen|(?:andra|senare)\s+halvan"
    r"|(?:f[oe]rsta|tidiga|tidigare)\s+delen)\s+(?:av|p[ad])\s*$",
)
_WINDOW = 64


@dataclass(frozen=True)
class Prefix:
    mode: str  # "end", "till", "before", "after", "from", "between", "ocr"
    start: int
    text: str


def prefix_before(mt: MatchText, start: int) -> Prefix | None:
    """The preposition that ends where a time expression starts ("senast i", "innan", "från och med"), if any."""
    window_start = max(0, start - _WINDOW)
    m = _PREFIX.search(mt.folded, window_start, start)
    if m is None:
        return None
    mode = m.lastgroup or "end"
    return Prefix(mode, m.start(), " ".join(m.group(mode).split()))


def vague_before(mt: MatchText, start: int) -> tuple[str, int] | None:
    """ "i början/mitten/slutet av" right before a time expression: ("start"|"mid"|"end", where it starts)."""
    m = _VAGUE.search(mt.folded, max(0, start - _WINDOW), start)
    if m is None:
        return None
    word = m["v"]
    if word.startswith(("b", "f", "tidig")):
        return "start", m.start()
    if word.startswith("mitten"):
        return "mid", m.start()
    return "end", m.start()
