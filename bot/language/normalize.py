"""Text normalisation for forgiving search and for reading OCR'd Swedish.

Four tools, for four needs:

- `fold` / `tokens`: a search key. Lower case, no diacritics (å/ä → a, ö → o,
  é → e), OCR look-alike digits inside words read as letters, words broken
  by a hyphen at a line end joined again, whitespace collapsed. The length
  changes, so never use it to compute spans.
- `fold_aligned` / `MatchText`: the same idea, but character for character,
  so a regular expression run over the result gives spans that are valid in
  the original text. The date grammar reads this.
- `fold_dnr` / `find_dnr`: diarienummer in one comparable form.
- `repair_ocr`: a conservative, length-preserving repair for display; `repair_for_reading` also undoes
  damage that took an extra character ("fo6r" → "för"), for text that is only shown.

Choices worth knowing:

- A digit "1" inside a word is read as "l", not "i": OCR confuses "1" with both,
  but its shape (no dot) is closer to "l", and "l" after a vowel at a word end
  ("apri1", "kontro1") is the common case in these documents.
- "6" inside or at the start of a word is "ö" (the OCR engines behind municipal
  PDFs read "ö" as "6": "6verenskommelsen", "h6sten"); "0" inside a word is "o".
- Letters inside numbers ("2O21") are read as digits only when the token is
  mostly digits already.

The tools live in `folding` (fold, fold_aligned, MatchText), `dnr` and
`ocr_repair`; they are imported from here.
"""

from __future__ import annotations

from bot.language.dnr import find_dnr, fold_dnr
from bot.language.folding import TOKEN, MatchText, fold, fold_aligned, match_text
from bot.language.ocr_repair import repair_for_reading, repair_ocr

__all__ = [
    "MatchText",
    "find_dnr",
    "fold",
    "fold_aligned",
    "fold_dnr",
    "match_text",
    "repair_for_reading",
    "repair_ocr",
    "tokens",
]


def tokens(text: str) -> list[str]:
    """Folded word tokens (letters and digits), then each diarienummer in canonical form.

    "Dnr 2023/BUN 0148" gives ["dnr", "2023", "bun", "0148", "2023/bun/0148"], so
    a search matches the parts and the whole number alike.
    """
    words = TOKEN.findall(fold(text))
    seen: set[str] = set()
    for canonical, _span in find_dnr(text):
        if canonical not in seen:
            seen.add(canonical)
            words.append(canonical)
    return words
