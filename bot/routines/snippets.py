"""The passage of a routine a hit shows: the first match in its body, its matched words marked.

Marked in Slack's bold (`MARK`); the Markdown the routine was written in is dropped.
"""

from __future__ import annotations

import re

from bot.language.normalize import fold
from bot.routines.term_index import Routine
from bot.routines.words import WORD, word_stem

MARK = "*"  # Slack's bold: matched words in a snippet
SNIPPET = 160  # characters of body around the first match

# Markdown a routine was written in: heading marks, quote and list marks, emphasis and code
# quotes. In a snippet they are noise, and a stray "*" would upset Slack's own bold.
_LINE_MARKUP = re.compile(r"(?m)^\s*(?:#{1,6}|>|[-+*]|\d+[.)])(?=\s)")
_INLINE_MARKUP = re.compile(r"[*`~]+|(?<![^\W_])_+|_+(?![^\W_])")


def snippet(routine: Routine, matched: set[str]) -> str:
    """A passage of the body (or the title) with the matched words marked.

    A document that begins with its own title (an imported file, its heading) is read from the
    line after it: the title is shown beside the snippet already.
    """
    body = routine.body
    floor = _after_title(body, routine.title)
    for m in WORD.finditer(body, floor):
        if word_stem(m.group()) in matched:
            start = max(floor, m.start() - SNIPPET // 3)
            start = max(floor, body.rfind(" ", floor, start) + 1) if start > floor else floor
            end = body.find(" ", min(len(body), start + SNIPPET))
            end = len(body) if end < 0 else end
            text = _mark(body[start:end], matched)
            return ("…" if body[floor:start].strip() else "") + text.strip() + ("…" if end < len(body) else "")
    return _mark(routine.title, matched)


def _after_title(body: str, title: str) -> int:
    """Where the body goes on after a first line that is the title itself, else 0."""
    stripped = body.lstrip()
    end = stripped.find("\n")
    first = stripped if end < 0 else stripped[:end]
    # Folding a whole first paragraph for nothing cost a millisecond a hit: compare only a line
    # about as long as the title.
    if len(first) > 2 * len(title) + 10 or fold(first.lstrip("#")) != fold(title):
        return 0
    return len(body) - len(stripped) + len(first)


def _mark(text: str, matched: set[str]) -> str:
    def one(m: re.Match[str]) -> str:
        return f"{MARK}{m.group()}{MARK}" if word_stem(m.group()) in matched else m.group()

    return WORD.sub(one, " ".join(_INLINE_MARKUP.sub("", _LINE_MARKUP.sub(" ", text)).split()))
