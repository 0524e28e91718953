"""Who promises in reported speech: "Jag kommer att läsa JO:s beslut …, säger Antonsson" and "Enligt Lotta Edholm
kommer man nu att göra sitt yttersta …".

A local paper's article about a committee quotes its chair. The promise is the quoted person's, named after
"säger" at the end of the quote or after "Enligt" before it; "jag" alone names nobody the bot can remind.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.extraction.model import COMMITMENT, Finding

__all__ = ["owned_by_speaker"]

# ", säger socialnämndens ordförande Mats Antonsson (KD)." up to the end of the quote's paragraph.
_SAYS = re.compile(r",?\s+säger\s+(?P<who>[^.,;:!?\n]{3,80}?)(?:\s+\([A-ZÅÄÖ]{1,4}\))?(?:\s+i\s+ett\s+\w+)?\s*[.!]")
# "Enligt Lotta Edholm kommer man nu att …": a name (two capitalised words) or a role and a name.
_ACCORDING = re.compile(
    r"^\W*Enligt\s+(?P<who>(?:[a-zåäö]+\s+){0,2}?[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ][a-zåäö-]+)\s+"
    r"(?:kommer|ska|skall|avser|planerar)\s+(?:man|vi|de|hon|han)\b"
)
_FIRST_PERSON = frozenset({"jag", "Jag"})
_REACH = 400


def owned_by_speaker(findings: list[Finding], text: str) -> list[Finding]:
    """`findings` with each commitment said in the first person (or by "man" after "Enligt X") given its speaker;
    "jag" with no speaker found is no owner."""
    out: list[Finding] = []
    for f in findings:
        if f.kind != COMMITMENT or (f.owner is not None and f.owner not in _FIRST_PERSON):
            out.append(f)
            continue
        according = _ACCORDING.match(f.text)
        who = according["who"] if according is not None else None
        if who is None and f.owner in _FIRST_PERSON:
            who = _speaker_after(text, f.span[0])
        out.append(replace(f, owner=who) if who is not None or f.owner in _FIRST_PERSON else f)
    return out


def _speaker_after(text: str, start: int) -> str | None:
    """The speaker named by "säger" at the end of the quote's paragraph that holds `start`, or None."""
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    m = _SAYS.search(text, start, min(end, start + _REACH * 2))
    return " ".join(m["who"].split()) if m is not None else None
