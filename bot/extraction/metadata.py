"""The document's own facts: its date, case number, answering committee, title and audit firm."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from bot.extraction.layout import Unit
from bot.extraction.lines import Line
from bot.extraction.owners import find_committees
from bot.extraction.textfold import qfold
from bot.language.months import MONTH_NAMES
from bot.language.normalize import find_dnr, match_text, repair_ocr

__all__ = ["document_auditor", "document_committee", "document_date", "document_dnr", "document_title"]

_ISO = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])")
_LONG = re.compile(
    r"(?<!\d)(\d{1,2})\s+(" + "|".join(MONTH_NAMES) + r")\s+((?:19|20)\d\d)(?!\d)",
)
_DATE_LABEL = re.compile(r"\b(?:datum|daterad|dokumentdatum|beslutsdatum)\b")
# Dates of earlier events, never the document's own ("2015-09-21 § 120", "Antaget av …").
_EVENT = re.compile(r"§|\bantag|\bandrat|\bbeslut|\bprotokoll|\bper\s*$")
_HEAD_LINES = 12
_DEADLINE_WORD = re.compile(
    r"\b(?:senast|innan|fore|till|under|fran|tidplan|tidsplan|klart?|t\.?o\.?m|per|efter|mellan|sedan|inom)\b"
)


def _date_at(text: str, m: re.Match[str], iso: bool) -> date | None:
    try:
        if iso:
            return date(int(m[1]), int(m[2]), int(m[3]))
        return date(int(m[3]), MONTH_NAMES.index(m[2]) + 1, int(m[1]))
    except ValueError:
        return None


def document_date(text: str, lines: list[Line]) -> date | None:
    """The date in the document's header: a "Datum" line, a page header, or the first date near the top."""
    labelled: list[date] = []
    header: list[date] = []
    for i, line in enumerate(lines):
        if line.kind == "blank":
            continue
        folded = line.folded
        found = [d for m in _ISO.finditer(line.text) if (d := _date_at(line.text, m, True))]
        if not found:
            continue
        if _EVENT.search(folded):
            continue
        prev = next((p for p in reversed(lines[max(0, i - 3) : i]) if p.kind != "blank"), None)
        if _DATE_LABEL.search(folded) or (prev is not None and _DATE_LABEL.search(prev.folded)):
            labelled.extend(found)
        elif line.kind == "noise":
            header.extend(found)
    if labelled:
        return Counter(labelled).most_common(1)[0][0]
    if header:
        return Counter(header).most_common(1)[0][0]
    # Else a date on a line of its own near the top ("Leksand 2023-03-10", "10 mars 2023"),
    # never one a sentence gives as a deadline or an earlier event.
    head_lines = [line for line in lines if line.kind != "blank"][:_HEAD_LINES]
    for line in head_lines:
        low = " ".join(line.text.lower().split())
        if len(low) > 70:
            continue
        for pattern, iso in ((_ISO, True), (_LONG, False)):
            for m in pattern.finditer(line.text if iso else low):
                before = qfold(low[: m.start()])
                if _EVENT.search(before) or _DEADLINE_WORD.search(before) or "§" in low[m.end() :]:
                    continue
                found_date = _date_at(low, m, iso)
                if found_date is not None:
                    return found_date
    return None


_DNR_CHARS = 20_000
_COMMITTEE_CHARS = 40_000
_DNR_LABEL = re.compile(r"(?:dnr|diarienummer|diarienr|d\.nr|arendenummer)\.?\s*:?\s*$")


def document_dnr(text: str) -> str | None:
    """The case number as written: a labelled one first, else the first one in the text."""
    # The case number stands in the header; a long document need not be searched to its end.
    found = find_dnr(text[:_DNR_CHARS])
    if not found:
        return None
    for _canonical, (s, e) in found:
        if _DNR_LABEL.search(qfold(text[max(0, s - 16) : s])):
            return " ".join(text[s:e].split())
    s, e = found[0][1]
    return " ".join(text[s:e].split())


_TITLE_START = re.compile(
    r"^(?:[\w-]+s\s+)?(?:svar|yttrande|revisionsrapport|revisionsskrivelse|granskning|uppfoljande\s+granskning|uppfoljning\s+av"
    r"|tjansteskrivelse\s+-|missiv|granskningsrapport|rapport|atgardsplan|handlingsplan|besvarande|redovisning)\b"
)


def document_title(units: list[Unit]) -> str | None:
    """The case title near the top ("Svar på revisionsskrivelse gällande …"), OCR repaired."""
    for unit in units[:12]:
        if unit.kind not in ("para", "heading") or not unit.text:
            continue
        if _TITLE_START.match(qfold(unit.text)) and len(unit.text) <= 300:
            return repair_ocr(unit.text.rstrip(" :"))
    return None


_AUDITORS = (
    ("EY", re.compile(r"\bernst\s*(?:&|och|and)\s*young\b|\bey\b")),
    ("PwC", re.compile(r"\bpwc\b|\bpricewaterhouse\w*|\bohrlings\b")),
    ("KPMG", re.compile(r"\bkpmg\b")),
    ("Deloitte", re.compile(r"\bdeloitte\b")),
    ("BDO", re.compile(r"\bbdo\b")),
    ("Grant Thornton", re.compile(r"\bgrant\s+thornton\b")),
    ("Revisionskontoret", re.compile(r"\brevisionskontoret\b")),
)


def document_auditor(folded: str) -> str | None:
    """The audit firm named in the document (the first one mentioned)."""
    best: tuple[int, str] | None = None
    for name, pattern in _AUDITORS:
        m = pattern.search(folded)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


_RECIPIENT = re.compile(r"\b(?:mottagare|till|adressat)\s*:?\s*$")
_ANSWERING = re.compile(
    r"\b(?:svar|yttrande|synpunkter|kommentarer)\b|\bgranskningen\s+(?:avser|riktas|omfattar)|\briktas\s+till"
    r"|\bavser\s*$|\bbeslut\s*$"
)


def document_committee(text: str, lines: list[Line], units: list[Unit]) -> str | None:
    """The committee that answers (or that the audit addresses), OCR repaired, first letter capital."""
    scores: Counter[str] = Counter()
    written: dict[str, str] = {}
    # A "Mottagare" header names the committee outright.
    previous = ""
    for line in lines[:80]:
        if line.kind == "blank":
            continue
        folded_line = line.folded
        if _RECIPIENT.search(previous):
            for _s, _e, name in find_committees(line.text, match_text(line.text).folded):
                key = qfold(name)
                written.setdefault(key, name)
                scores[key] += 5
        previous = folded_line
    for unit in units:
        if unit.start > _COMMITTEE_CHARS:
            break  # the answering committee is named early; a long document need not be read to its end
        if not unit.text:
            continue
        folded = match_text(unit.text).folded
        for s, e, name in find_committees(unit.text, folded):
            key = qfold(name)
            written.setdefault(key, name)
            scores[key] += 1
            around = folded[max(0, s - 40) : s] + " " + folded[e : e + 25]
            if _ANSWERING.search(folded[max(0, s - 40) : s]) or re.match(r"\s*s?\s+(?:svar|yttrande)", folded[e:]):
                scores[key] += 3
            elif re.search(r"\b(?:bor|ska|ser|utvecklar|sakerstaller)\b", around):
                scores[key] += 1
    if not scores:
        return None
    best = max(scores.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    name = written[best]
    return name[:1].upper() + name[1:]
