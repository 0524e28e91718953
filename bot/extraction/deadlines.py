"""Which of the time phrases in a finding are its deadline, rhythm or period.

`find_deadlines` reports every time phrase; a finding also mentions dates of
earlier events ("per 2023-01-27", "2015-09-21 § 120", "uppdaterades senast i
juni 2022"). Those are left out, and so is any date before the document's own
date when that is known: an answer cannot promise something for the past.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.rrule import rrulestr

from bot.extraction import cues
from bot.language.deadline import Deadline
from bot.language.periods import parse_deadline
from bot.language.year_named import is_year_named

__all__ = ["Chosen", "ahead_of", "choose", "last_day", "period_end", "plan_year", "usable", "whole_time", "with_end"]

_EVENT_BEFORE = cues.sv(
    r"(?:\bdaterad|\bantagen|\bantaget|\bantogs|\bbeslut\w*|\bprotokoll\w*|\bfrån\s+den|\bsedan|\byttrande"
    # "fastställd den 3 mars" dates a decision taken; "ska fastställas i början av 2020" is the promise
    r"|\bfastställ(?!as\b|a\b)\w*|\bav\s+\w+\s+den|\benligt\s+uppgift,?|§\s*\d+,?|\bper"
    # the day a matter came in: "Inkom till KF/KS kansli den 4 december 2017"
    r"|\binkom\w*\b[^.;:]{0,40}"
    # "Nämnden den 10 februari hanterade …": the meeting's day, the subject's, not a deadline
    r"|(?:^|[.!?:]\s)\W*[\w-]*(?:nämnden|styrelsen|utskottet|fullmäktige))\s*$"
)
_PARAGRAPH_AFTER = re.compile(r"^\s*,?\s*§")
# A fronted time before a verb in the past: the main clause tells when something happened.
# ("Onsdagen den 28 juni meddelade kommunstyrelsens ordförande …": the day news was told)
_GIVEN_AT = re.compile(
    r"\s+(?:fick|gav|gavs|beslutade|beslots|beslot|antog|antogs|fattade|fattades|inkom|tillsatte|meddelade"
    r"|presenterade|informerade|tog|togs|godkande|godkandes)\b"
)
# "… fram till i början av september på sig att …": a time given to do something in.
_TIME_GIVEN_AFTER = cues.sv(r"\s+på\s+sig\b")
# How long something lasts or holds, not when it is done: "ska … pågå till och med den 31 januari 2028",
# "gäller till och med", "löper ut den".
_GOAL_BEFORE = re.compile(r"\b(?:mal|malen|malet|malsattning\w*|vision\w*)\s+$")
_LASTS_UNTIL = cues.sv(r"\b(?:pågå|pågår|gälla|gäller|löpa|löper|varar|vara\s+giltig\w*)(?:\s+ut)?\s*$")
_ESTIMATED_END = cues.sv(
    r"\b(?:beräknas|planeras|bedöms|väntas|förväntas|är\s+planera[dt]|är\s+beräkna[dt])\s+(?:att\s+)?(?:\w+\s+)?pågå\s*$"
    # "Granskningsperioden kommer troligtvis att pågå från och med december 2021 till februari 2022": a step planned
    r"|\bkommer\s+(?:troligtvis\s+|troligen\s+|sannolikt\s+|preliminärt\s+)?att\s+pågå\s*$"
)
# "utbyggnad som pågår under 2022 och 2023": works going on during a period are done by its end (the phrase
# itself starts with "under", so this is checked on the words before it).
_WORKS_DURING = re.compile(r"\bpag(?:a|ar)\s*$")
# A regleringsbrev's forecast days are five a year ("den 19 januari, den 26 februari, den 7 maj, den 30 juli samt den
# 29 oktober"); more than six dates in one sentence is a table read as a sentence, kept to its first six.
_MAX_DATES = 6


@dataclass(frozen=True)
class Chosen:
    deadlines: tuple[date, ...]
    phrase: str | None
    recurrence: str | None
    note: str | None
    confidence: float  # the grammar's confidence in the chosen phrase(s); 0 without a date


def _is_event(found: Deadline, folded: str) -> bool:
    s, e = found.span
    if _PARAGRAPH_AFTER.match(folded[e : e + 6]):
        return True
    before = folded[max(0, s - 40) : s]
    phrase = folded[s:e]
    if found.kind == "date" and phrase.startswith("per ") and "senast" not in before[-10:]:
        return True
    lasts = _LASTS_UNTIL.search(before)
    works_during = phrase.startswith("under") and _WORKS_DURING.search(before) is not None
    if lasts is not None and not _ESTIMATED_END.search(before) and not works_during:
        return True  # "ska pågå till och med …" is how long a task runs; "beräknas pågå fram till …" is when works end
    if phrase.startswith("till") and _GOAL_BEFORE.search(before):
        return True  # "Uppföljningen av de övergripande målen till 2040": the goals' horizon, not a deadline
    if _GIVEN_AT.match(folded, e):
        return True  # "I början av december fick Kulturrådet i uppdrag att …": when it was given
    if re.search(r"\bfor\s+beslut\s+$", before):
        return False  # "ärendet kommer till kommunstyrelsen för beslut den 22 oktober": the decision is ahead
    if _EVENT_BEFORE.search(before) and not phrase.startswith("senast"):
        return True  # "yttrande den 3 mars" dates the statement; "för yttrande senast den 30 april" asks for it
    if re.search(r"\bdock\s+$", before):
        return False  # "… när förstudierna är klara, dock senast juni 2023": a limit, whatever came before
    if re.search(r"\b(?:i\s+uppdrag|uppdraget)\s+att\s+$", before):
        return False  # "Kulturrådet fick i uppdrag att under 2026 ta fram …": the time of the task given
    if _TIME_GIVEN_AFTER.match(folded, e):
        return False  # "Kommunen har fått fram till i början av september på sig att …": the time given
    # "Rutinen uppdaterades senast i juni 2022": "senast" after a past verb means "most recently".
    return bool(cues.PAST.search(before[-28:])) and not re.search(r"\b(?:ska|kommer|avser|planerar)\b", before)


_DEFAULT_YEARLY = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"


# A yearly rhythm on a day the text names ("senast den 31 mars varje år").
_FIXED_DAY = re.compile(r"^FREQ=YEARLY;BYMONTH=\d+;BYMONTHDAY=\d+$")
_YEAR_END_EVERY = re.compile(r"^FREQ=YEARLY;INTERVAL=(\d+);BYMONTH=12;BYMONTHDAY=(?:31|-1)$")


def _anchored(rule: str | None, first: date) -> str | None:
    """ "Årligen, första gången i februari 2025": a yearly rhythm falls in the month of its first date."""
    if rule == _DEFAULT_YEARLY and first.month != 12:
        return f"FREQ=YEARLY;BYMONTH={first.month};BYMONTHDAY=-1"
    m = _YEAR_END_EVERY.match(rule or "")
    if m is not None and first.month != 12:
        # "senast den 15 april 2025 respektive 2026 och därefter vartannat år": every other 15 April.
        day = -1 if (first + timedelta(days=1)).month != first.month else first.day
        return f"FREQ=YEARLY;INTERVAL={m[1]};BYMONTH={first.month};BYMONTHDAY={day}"
    return rule


def usable(found: list[Deadline], folded: str) -> list[Deadline]:
    """The phrases of `found` that are not dates of earlier events (`folded` is the text they were found in).

    A date in brackets right after a vaguer phrase says what that phrase means ("innan sommarlovet
    (sista skoldag är fredag den 13 juni)"): the date is kept and the vague phrase left out.
    """
    kept = [d for d in found if d.recurrence is not None or (not _is_event(d, folded) and not _instead_of(d, folded))]
    if any(d.kind == "date" and d.phrase.lower().startswith("senast") for d in kept):
        # "… senast den 28 februari 2019 lämna en verksamhetsrapport om uppdragets genomförande under 2018":
        # beside a day to report by, a year the report is about is no deadline. A limit of its own ("rutinen
        # för orosanmälan senast i april 2027") is never what a report is about.
        kept = [d for d in kept if d.phrase.lower().startswith("senast") or not _reported_on(d, folded)]
    explained = {
        id(a)
        for a, b in itertools.pairwise(kept)
        if a.kind != "date" and b.kind == "date" and _bracketed_after(folded, a.span[1], b.span)
    }
    # "i slutet av mars eller i början av april": either will do, so the later is the limit.
    either = {
        id(a)
        for a, b in itertools.pairwise(kept)
        if a.dates and b.dates and _EITHER.match(folded[a.span[1] : b.span[0]])
    }
    return [d for d in kept if id(d) not in explained and id(d) not in either]


_EITHER = re.compile(r"\s*,?\s*eller\s+(?:senast\s+)?$")


# "… under våren 2020, istället för i november i år": the time given up is no deadline.
_INSTEAD_OF = cues.sv(r"\bi\s*stället\s+för\b[^,.;]*$")


def _instead_of(found: Deadline, folded: str) -> bool:
    return _INSTEAD_OF.search(folded, max(0, found.span[0] - 60), found.span[0]) is not None


_ABOUT = cues.sv(r"\b(?:om|för|avseende|gällande|kring)\s+(?:[^\s.;]+\s+){1,6}$")


# "lägga fram den för beslut i kommunfullmäktige under första kvartalet 2027": when it is decided, not what a
# report is about.
_FOR_DECISION = cues.sv(r"\bför\s+(?:beslut|godkännande|antagande|fastställande|behandling|yttrande)\b")


def _reported_on(found: Deadline, folded: str) -> bool:
    """A period a report is about: "om uppdragets genomförande under 2018", "för insatserna under 2019",
    "kostnader för att erbjuda motsvarande utbud under 2023 och 2024"."""
    s, _e = found.span
    if found.kind not in ("period", "list"):
        return False
    about = _ABOUT.search(folded[max(0, s - 80) : s])
    return about is not None and not _FOR_DECISION.match(about.group().lstrip())


def _bracketed_after(folded: str, end: int, span: tuple[int, int]) -> bool:
    gap = folded[end : span[0]]
    return gap.lstrip().startswith("(") and ")" not in gap and len(gap) <= 40 and ")" in folded[span[1] : span[1] + 3]


def _opening(ranges: list[Deadline]) -> date | None:
    """Where an open range ("från och med", "med start i") begins, if the first range is one."""
    if not ranges or not ranges[0].note:
        return None
    # "från och med 2024" (from:…), or a closed range "från och med 2024 till och med 2028" (range:start/end).
    m = re.search(r"\b(?:from|range):(\d{4}-\d{2}-\d{2})", ranges[0].note)
    return date.fromisoformat(m.group(1)) if m else None


def last_day(found: Deadline) -> date | None:
    """The last day a time phrase gives: a range's end, or its latest date (None for a rhythm or an event)."""
    return period_end(found) if found.kind == "range" else (found.dates[-1] if found.dates else None)


def whole_time(said: str, reference: date) -> tuple[date, Deadline] | None:
    """The last day of words that are a time and nothing more ("Våren 2017/hösten 2017", "2023–2024"), with their
    reading; None when they say more than a time (one stray character aside) or give no last day."""
    found = parse_deadline(said, reference)
    if found is None or len(found.phrase) < len(said) - 1:
        return None
    last = last_day(found)
    return (last, found) if last is not None else None


def period_end(found: Deadline) -> date | None:
    """Where a closed range ("från och med 2024 till och med 2028", "perioden 2022–2033") ends, from its note."""
    m = _RANGE_NOTE.search(found.note or "")
    return date.fromisoformat(m.group(1)) if m else None


def _closing(ranges: list[Deadline]) -> date | None:
    return period_end(ranges[0]) if ranges else None


def with_end(rule: str | None, end: date | None) -> str | None:
    """A rhythm that stops after `end` (UNTIL), unless it has an end already."""
    if rule is None or end is None or re.search(r"\b(?:UNTIL|COUNT)=", rule):
        return rule
    return f"{rule};UNTIL={end:%Y%m%d}"


def _first_on_or_after(rule: str, start: date) -> date | None:
    try:
        found = rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time())).after(
            datetime.combine(start, datetime.min.time()), inc=True
        )
    except (ValueError, TypeError):
        return None
    return found.date() if found is not None else None


def choose(found: list[Deadline], *, document_date: date | None) -> Chosen:
    """Pick the deadline(s), rhythm and period of a finding from its usable phrases (text order)."""
    dated: list[Deadline] = []
    rhythms: list[Deadline] = []
    ranges: list[Deadline] = []
    passed: list[Deadline] = []
    for d in found:
        if d.recurrence is not None:
            rhythms.append(d)
        elif d.dates:
            if document_date is not None and all(x < document_date for x in d.dates):
                passed.append(d)
                continue
            dated.append(d)
        elif d.kind == "range":
            ranges.append(d)
    named_years = [d for d in dated if is_year_named(d)]
    if named_years and (len(named_years) < len(dated) or rhythms or ranges):
        # "budgeten för 2025 … senast i november 2024": the year the work is for yields to any other time said
        dated = [d for d in dated if d not in named_years]
    if not dated and not rhythms and passed and _PASSED_LIMIT.match(passed[0].phrase):
        # "Uppdraget ska delredovisas senast den 28 februari 2019" on a page last updated in October 2019: a
        # limit that has passed is still the finding's deadline (the import review shows it as passed).
        dated = passed[:1]
    elif dated and passed and _SENAST.match(passed[0].phrase) and all(_SENAST.match(d.phrase) for d in dated):
        # "… ska delredovisas senast den 31 maj 2020 och slutredovisas senast den 31 december 2022" read in
        # 2022: two limits, the first passed; both stay (the interim report is split off as its own).
        dated = [*passed, *dated]
    if (
        dated
        and ranges
        and rhythms
        and _FIXED_DAY.match(rhythms[0].recurrence or "")
        and rhythms[0].recurrence != _DEFAULT_YEARLY
        and all(_SPAN_END.match(d.phrase) for d in dated)
    ):
        # "Uppdraget sträcker sig fram till 2028 och Trafikanalys ska senast den 30 april varje år, från och med
        # 2024 till och med 2028, redovisa": the task's span yields to the reports' own dates.
        by_rhythm = _by_rhythm(rhythms, ranges, document_date)
        if by_rhythm.deadlines:
            return by_rhythm
    if dated:
        dates = sorted({x for d in dated for x in d.dates})[:_MAX_DATES]
        notes = [d.note for d in dated if d.note]
        return Chosen(
            deadlines=tuple(dates),
            phrase=", ".join(dict.fromkeys(" ".join(d.phrase.split()) for d in dated)),
            recurrence=_anchored(rhythms[0].recurrence, dates[0]) if rhythms else None,
            note=";".join(dict.fromkeys(notes)) or None,
            confidence=min(d.confidence for d in dated),
        )
    if rhythms:
        return _by_rhythm(rhythms, ranges, document_date)
    if ranges:
        first = ranges[0]
        end = period_end(first)  # a closed period's last day; an open one ("från och med …") has none
        if end is not None and (document_date is None or end > document_date):
            # "under perioden 2026–2030", "(maj–november 2020)", "I mars–april fortsätter inventeringen": the
            # work goes on through the period, so it is followed up at its last day. Readers of real answers
            # who never saw this code date such commitments so; a range typed as a deadline stays a question.
            return Chosen((end,), " ".join(first.phrase.split()), None, first.note, _RANGE_CONFIDENCE)
        return Chosen((), " ".join(first.phrase.split()), None, first.note, 0.0)
    return Chosen((), None, None, None, 0.0)


def _by_rhythm(rhythms: list[Deadline], ranges: list[Deadline], document_date: date | None) -> Chosen:
    """A finding's deadline from its rhythm, begun and ended by a range after it."""
    # The first rhythm named is the finding's own ("två gånger per år och … i samband med delårsrapporten").
    best = rhythms[0]
    start = _opening(ranges)
    if start is not None and document_date is not None:
        start = max(start, document_date)  # "årligen … för perioden 2022–2033" decided in 2024: from 2024
    rhythm = best.recurrence
    if rhythm == _DEFAULT_YEARLY and start is not None and _DAY_IN.search(ranges[0].phrase):
        # "årligen, med start 1 maj 2017": every year on the day it starts
        rhythm = f"FREQ=YEARLY;BYMONTH={start.month};BYMONTHDAY={start.day}"
    elif start is not None and _MONTH_IN.search(ranges[0].phrase):
        rhythm = _anchored(rhythm, start)  # "årligen med start i maj 2017": every May
    opening = _first_on_or_after(rhythm, start) if start is not None and rhythm else None
    if opening is not None:
        # "varje månad, med start i maj": the rhythm's first date is the first deadline; "från och med 2024
        # till och med 2028" ends it too.
        phrase = ", ".join(" ".join(d.phrase.split()) for d in sorted((best, ranges[0]), key=lambda d: d.span))
        rule = with_end(rhythm, _closing(ranges))
        return Chosen((opening,), phrase, rule, None, min(best.confidence, ranges[0].confidence))
    if rhythm and _FIXED_DAY.match(rhythm) and rhythm != _DEFAULT_YEARLY and document_date is not None:
        # "senast den 31 mars varje år": the rhythm names its day, so the next one is the first deadline.
        next_day = _first_on_or_after(rhythm, document_date)
        if next_day is not None:
            return Chosen((next_day,), " ".join(best.phrase.split()), rhythm, best.note, best.confidence)
    return Chosen((), " ".join(best.phrase.split()), best.recurrence, best.note, 0.0)


# The end of a task's span ("fram till 2028"), which yields to the days of its reports.
_SPAN_END = re.compile(r"(?:fram\s+)?till\s+(?:och\s+med\s+)?(?:år\s+)?\d{4}$", re.IGNORECASE)
_MONTH_IN = re.compile(r"\b(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)", re.IGNORECASE)
_DAY_IN = re.compile(r"\b\d{1,2}\s+[^\W\d]|\d{4}-\d{2}-\d{2}")
# The phrase may hold the word of completion before its limit: "klar senast den 30 april 2027".
_DONE_WORD = r"(?:(?:klar[ta]?|f[äa]rdig[ta]?|slutf[öo]r[dt]a?)\s+)?"
_SENAST = re.compile(rf"{_DONE_WORD}senast\b", re.IGNORECASE)
_PASSED_LIMIT = re.compile(rf"{_DONE_WORD}(?:senast|f[oö]re|innan|till\s+och\s+med)\b", re.IGNORECASE)
_RANGE_CONFIDENCE = 0.6
_RANGE_NOTE = re.compile(r"range:\d{4}-\d{2}-\d{2}/(\d{4}-\d{2}-\d{2})")


# A plan for a year ("intern kontrollplan för 2020", "verksamhetsplan för kommunstaben 2021", "2024 års
# handlingsplan"): what its list of steps holds is to be done within that year.
_PLAN_YEAR = cues.sv(
    r"\b\w*(?:plan|planen|program|programmet)\s+(?:för\s+)?(?:[^\W\d]+\s+){0,2}?(?:för\s+)?(?:år\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)|\b(?P<before>(?:19|20)\d\d)\s*(?:-|\s)års\s+\w*plan"
    # "genomför nu planerade åtgärder för 2018, exempelvis:"
    r"|\b(?:planerade\s+|prioriterade\s+)?(?:åtgärder|aktiviteter|insatser)\s+för\s+(?:år\s+)?"
    r"(?P<steps>(?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)"
)


def plan_year(folded: str) -> Deadline | None:
    """The end of the year a plan is for, as the deadline of the steps listed under it, or None."""
    m = _PLAN_YEAR.search(folded)
    if m is None:
        return None
    year = int(m["year"] or m["before"] or m["steps"])
    return Deadline((date(year, 12, 31),), m.group(), m.span(), None, 0.6, "period")


def ahead_of(found: Deadline, document_date: date | None) -> bool:
    """Does a time phrase point after the document's date (a deadline, or a range that ends later)?"""
    last = last_day(found)
    if last is not None and last == document_date and not _NUMERIC_DATE.search(found.phrase):
        return True  # "Måndag 18 juni levereras de sista skolpaviljongerna" on a page of 18 June: today, still ahead
    return last is not None and (document_date is None or last > document_date)


# A date in digits on the document's own day is its header ("Datum 2024-04-15"), not a time ahead.
_NUMERIC_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}")
