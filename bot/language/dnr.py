"""Diarienummer (case numbers) in one comparable form: "2023/BUN 0148", "BUN 2023/148" → "2023/bun/0148"."""

from __future__ import annotations

import re

from bot.language.folding import fold, match_text

__all__ = ["find_dnr", "fold_dnr"]

_YEAR = r"(?:19|20)\d\d"
# "2023/BUN 0148", "2023/bun148", "2023/KS/0148", "2023/BUN 0148-2"
_DNR_YEAR_FIRST = re.compile(
    rf"(?<![\w/.-])(?P<y>{_YEAR})\s?/\s?(?P<c>[^\W\d_]{{1,8}})[ \t]?[:./-]?[ \t]?(?P<n>\d{{1,6}})"
    r"(?:-\d{1,3})?(?![\w/]|[.,:-]\d)"
)
# "BUN 2023/148", "KS 2022:123", "SN/2021.45", "KS 2019-000123"
_DNR_CODE_FIRST = re.compile(
    rf"(?<![\w/.-])(?P<c>[^\W\d_]{{1,8}})[ \t]?[/-]?[ \t]?(?P<y>{_YEAR})"
    r"[ \t]?(?P<s>[/:.-])[ \t]?(?!\d\d?[-/.]\d\d?(?!\d))(?P<n>\d{1,6})(?:-\d{1,3})?(?![\w/]|[.,:-]\d)"
)
# "Dnr 2019-000123", "diarienummer: 2020/45" (no committee code)
_DNR_LABELLED = re.compile(
    rf"(?<![^\W_])(?:dnr|diarienummer|diarienr|d\.nr)\.?\s*:?\s*(?P<y>{_YEAR})\s?[/:.-]\s?"
    r"(?!\d\d?[-/.]\d\d?(?!\d))(?P<n>\d{1,6})"
    r"(?:-\d{1,3})?(?![\w/]|[.,:-]\d)"
)
_LABEL_BEFORE = re.compile(r"(?:dnr|diarienummer|diarienr|d\.nr)\.?\s*:?\s*$")
# Words that are never a committee code in front of a year ("under 2023/24").
_NOT_CODES = frozenset(
    {"under", "till", "och", "i", "per", "fran", "from", "tom", "ar", "vt", "ht", "lasaret", "lasar", "den"}
)


def _canonical(year: str, code: str | None, number: str) -> str:
    num = f"{int(number):04d}"
    return f"{year}/{code}/{num}" if code else f"{year}/{num}"


def find_dnr(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Diarienummer in `text`: (canonical form, span), in text order.

    The canonical form is "year/code/number" with the number zero-padded to four
    digits ("2023/bun/0148"), or "year/number" when no committee code is written.
    A trailing document number ("-2") is dropped: it names a paper in the same case.
    """
    mt = match_text(text)
    folded = mt.folded
    found: list[tuple[int, int, str]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= fs or s >= fe for fs, fe, _ in found)

    for m in _DNR_YEAR_FIRST.finditer(folded):
        found.append((m.start(), m.end(), _canonical(m["y"], m["c"], m["n"])))
    for m in _DNR_CODE_FIRST.finditer(folded):
        code = m["c"]
        if code in _NOT_CODES or not free(m.start(), m.end()):
            continue
        if m["s"] == "-" and len(m["n"]) < 3:
            continue  # "KS 2022-03-28" is a date after a code, not a case number
        written = text[m.start("c") : m.end("c")]
        labelled = _LABEL_BEFORE.search(folded, max(0, m.start() - 20), m.start()) is not None
        # Committee codes are written in capitals; lower case needs a "dnr" label.
        if not (written.isupper() or labelled):
            continue
        found.append((m.start(), m.end(), _canonical(m["y"], code, m["n"])))
    for m in _DNR_LABELLED.finditer(folded):
        if free(m.start("y"), m.end()):
            found.append((m.start("y"), m.end(), _canonical(m["y"], None, m["n"])))
    found.sort()
    return [(canonical, (s, e)) for s, e, canonical in found]


def fold_dnr(text: str) -> str:
    """The canonical form of the diarienummer in `text` ("2023/BUN 0148" → "2023/bun/0148").

    Text without a recognisable diarienummer is returned folded without spaces,
    so two spellings of an unusual number still compare equal more often than not.
    """
    found = find_dnr(text)
    if found:
        return found[0][0]
    whole = fold(text).replace(" ", "")
    # "2023/bun148" and similar compact forms without any separator to anchor on.
    m = re.fullmatch(rf"({_YEAR})/?([a-z]{{1,8}})/?(\d{{1,6}})", whole)
    if m:
        return _canonical(m[1], m[2], m[3])
    m = re.fullmatch(rf"([a-z]{{1,8}})/?({_YEAR})[/:.-](\d{{1,6}})", whole)
    if m:
        return _canonical(m[2], m[1], m[3])
    return whole
