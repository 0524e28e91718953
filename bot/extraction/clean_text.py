"""A unit's text as shown, with a map back to offsets in the original.

The text is a unit's lines joined with single spaces, words broken by a hyphen
at a line end joined again; `Clean.span` maps any stretch of it back to the
original, page headers and all.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["Clean", "append_words"]


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


_KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "respektive", "resp", "som", "till", "men", "&"})
_WORD = re.compile(r"\S+")


def append_words(clean: Clean, text: str, base: int, start_in_line: int) -> None:
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
