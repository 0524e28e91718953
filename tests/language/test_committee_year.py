"""The phrases tied to the committee's year, read and dated against a plan and without one.

Each row is a phrase as it is written (the issue's, and the forms they take in real answers: OCR's
"1 samband med", "métet £6r aret", å/ä/ö missing, a line break inside the phrase), the anchor it
names, and the day it falls on in `PLAN` seen from `TODAY`. Without a plan a meeting phrase is never
guessed (`Missing`, naming the year); an årshjul phrase falls on the årshjul's own (default) day.
Sources are noted beside phrases taken from real documents.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.language.committee_year import Missing, TieDate, YearPlan, find_ties, read_tie, resolve_tie

TODAY = date(2027, 1, 15)
# Ten meetings a year, none in January or July, as a Swedish committee's sammanträdesplan runs.
_DAYS = [(2, 11), (3, 11), (4, 15), (5, 20), (6, 17), (8, 26), (9, 23), (10, 21), (11, 18), (12, 9)]
PLAN = YearPlan(meetings=tuple(date(y, m, d) for y in (2027, 2028) for m, d in _DAYS))
NO_PLAN = YearPlan()

# The sample an OCR-damaged phrase comes from: tests/data/samples/ (a public municipal document; see its README).
BUN_ANSWER = "000_f185d47c58080ccd.txt (BUN, revisionsskrivelse 2023)"

# (text, the tied phrase found in it, anchor, day in PLAN, source)
MEETING_ROWS = [
    (
        "vid nämndens sammanträde i mars 2027",
        "vid nämndens sammanträde i mars 2027",
        "month:2027-03",
        date(2027, 3, 11),
        "",
    ),
    (
        "vid nimndens sammantrade i mars 2027",
        "vid nimndens sammantrade i mars 2027",
        "month:2027-03",
        date(2027, 3, 11),
        "",
    ),
    (
        "till nämndens sista sammanträde för året",
        "till nämndens sista sammanträde för året",
        "last",
        date(2027, 12, 9),
        "",
    ),
    (
        "till namndens sista sammantrade 2027",
        "till namndens sista sammantrade 2027",
        "last:2027",
        date(2027, 12, 9),
        "",
    ),
    (
        "till nämndens sista sammanträde 2028",
        "till nämndens sista sammanträde 2028",
        "last:2028",
        date(2028, 12, 9),
        "",
    ),
    (
        "Fokusomraden och samverkan kommer att f6ljas upp och utvirderas i samband med sista métet £6r aret.",
        "i samband med sista métet £6r aret",
        "last",
        date(2027, 12, 9),
        BUN_ANSWER,
    ),
    ("i samband med sista\nmötet för året", "i samband med sista\nmötet för året", "last", date(2027, 12, 9), ""),
    (
        "Arbetet återrapporteras till nämnden senast i juni.",
        "till nämnden senast i juni",
        "month:06",
        date(2027, 6, 17),
        "",
    ),
    ("redovisas för nämnden i september", "för nämnden i september", "month:09", date(2027, 9, 23), ""),
    ("Rapporteras vid sammanträdet i oktober", "vid sammanträdet i oktober", "month:10", date(2027, 10, 21), ""),
    ("på junimötet", "på junimötet", "month:06", date(2027, 6, 17), ""),
    ("på nämndens junisammanträde", "på nämndens junisammanträde", "month:06", date(2027, 6, 17), ""),
    ("vid decembersammanträdet 2028", "vid decembersammanträdet 2028", "month:2028-12", date(2028, 12, 9), ""),
    (
        "vid nämndens första sammanträde efter sommaren",
        "vid nämndens första sammanträde efter sommaren",
        "after_summer",
        date(2027, 8, 26),
        "",
    ),
]

# Every meeting: a rhythm, its first day the next meeting.
EACH_ROWS = [
    ("vid varje sammanträde", "vid varje sammanträde"),
    ("Uppföljning sker vid varje nämndsammanträde.", "vid varje nämndsammanträde"),
    ("rapporteras vid samtliga sammanträden", "vid samtliga sammanträden"),
]

# (text, tied phrase, anchor, day in PLAN, its årshjul day without a plan, source)
EVENT_ROWS = [
    (
        "i samband med delårsrapporten 2027",
        "i samband med delårsrapporten 2027",
        "event:delarsrapport:2027",
        date(2027, 10, 21),
        date(2027, 9, 30),
        "",
    ),
    (
        "i samband med bokslutet",
        "i samband med bokslutet",
        "event:bokslut",
        date(2027, 3, 11),
        date(2027, 2, 15),
        "",
    ),
    (
        "i samband med årsredovisningen 2027",
        "i samband med årsredovisningen 2027",
        "event:bokslut:2027",
        date(2028, 3, 11),
        date(2028, 2, 15),
        "",
    ),
    (
        "årligen i samband med verksamhetsberättelsen",
        "årligen i samband med verksamhetsberättelsen",
        "event:verksamhetsberattelse:yearly",
        date(2027, 3, 11),
        date(2027, 2, 15),
        "",
    ),
    (
        "Detta gors arligen i\nsamband med verksamhetsberattelse.",
        "arligen i\nsamband med verksamhetsberattelse",
        "event:verksamhetsberattelse:yearly",
        date(2027, 3, 11),
        date(2027, 2, 15),
        BUN_ANSWER,
    ),
    (
        "Detta gors arligen 1 samband med verksamhetsberattelse.",
        "arligen 1 samband med verksamhetsberattelse",
        "event:verksamhetsberattelse:yearly",
        date(2027, 3, 11),
        date(2027, 2, 15),
        "",
    ),
    (
        "Detta f6ljs upp kontinuerligt i samband med manads-\noch delarsrapportering.",
        "i samband med manads-\noch delarsrapportering",
        "event:delarsrapport",
        date(2027, 10, 21),
        date(2027, 9, 30),
        BUN_ANSWER,
    ),
    (
        "i samband med delårsrapporteringen",
        "i samband med delårsrapporteringen",
        "event:delarsrapport",
        date(2027, 10, 21),
        date(2027, 9, 30),
        "",
    ),
    (
        "inför budgetarbetet",
        "inför budgetarbetet",
        "event:budget",
        date(2027, 12, 9),
        date(2027, 11, 30),
        "",
    ),
    (
        "Detta tas upp i samband med budgetarbetet.",
        "i samband med budgetarbetet",
        "event:budget",
        date(2027, 12, 9),
        date(2027, 11, 30),
        "",
    ),
    (
        "i samband med internkontrollplanen 2028",
        "i samband med internkontrollplanen 2028",
        "event:internkontrollplan:2028",
        date(2027, 12, 15),
        date(2027, 12, 15),
        "",
    ),
]

# Texts that name a meeting or a report as content, not as when: never tied.
NOT_TIED = [
    "Insatserna finns i budgeten 2028.",
    "Förvaltningen instämmer i revisionsrapporten.",
    "Mötet med rektorerna i mars var givande.",
    "Sammanträdesplanen för 2027 är antagen.",
    "Avvikelser lyfts kontinuerligt i samband med BUS-méten si att de kan åtgärdas.",  # BUN_ANSWER
    "Frågan togs upp vid BUS-mötet i mars.",
    "Nämndens beslut i mars 2027 gäller.",
    "Internkontrollplanen 2028 innehåller tre kontrollmoment.",
    "Verksamhetsplanen är beslutad av nämnden.",
]


@pytest.mark.parametrize(("text", "phrase", "anchor", "day", "source"), MEETING_ROWS)
def test_a_meeting_phrase_is_dated_to_that_meeting_and_missing_without_a_plan(
    text: str, phrase: str, anchor: str, day: date, source: str
) -> None:
    ties = find_ties(text)
    assert [(t.phrase, t.anchor) for t in ties] == [(phrase, anchor)]
    found = resolve_tie(anchor, PLAN, TODAY)
    assert isinstance(found, TieDate)
    assert (found.day, found.meeting) == (day, day)
    missing = resolve_tie(anchor, NO_PLAN, TODAY)
    assert isinstance(missing, Missing)
    assert missing.what == "meetings"
    named = re.search(r"\d{4}", anchor)
    assert missing.year == (int(named.group()) if named else TODAY.year)


@pytest.mark.parametrize(("text", "phrase"), EACH_ROWS)
def test_every_meeting_is_a_rhythm_over_the_plans_meetings(text: str, phrase: str) -> None:
    ties = find_ties(text)
    assert [(t.phrase, t.anchor, t.recurring) for t in ties] == [(phrase, "each", True)]
    found = resolve_tie("each", PLAN, TODAY)
    assert isinstance(found, TieDate)
    assert found.day == date(2027, 2, 11)
    assert found.rdates == tuple(m for m in PLAN.meetings if m >= TODAY)
    assert isinstance(resolve_tie("each", NO_PLAN, TODAY), Missing)


@pytest.mark.parametrize(("text", "phrase", "anchor", "day", "default_day", "source"), EVENT_ROWS)
def test_an_arshjul_phrase_is_dated_to_the_meeting_that_handles_it(
    text: str, phrase: str, anchor: str, day: date, default_day: date, source: str
) -> None:
    ties = find_ties(text)
    assert [(t.phrase, t.anchor) for t in ties] == [(phrase, anchor)]
    found = resolve_tie(anchor, PLAN, TODAY)
    assert isinstance(found, TieDate)
    assert found.day == day
    assert found.default  # nobody confirmed the årshjul in this plan
    alone = resolve_tie(anchor, NO_PLAN, TODAY)
    assert isinstance(alone, TieDate)
    # No meetings: the årshjul's own day, said to be a default, and no meeting to tie to.
    assert (alone.day, alone.meeting, alone.default) == (default_day, None, True)


@pytest.mark.parametrize("text", NOT_TIED)
def test_content_that_names_a_meeting_or_report_is_not_tied(text: str) -> None:
    assert find_ties(text) == []


def test_a_deadline_field_is_one_tied_phrase_or_none() -> None:
    tie = read_tie("senast till nämndens sista sammanträde 2027")
    assert tie is not None and tie.anchor == "last:2027"
    # A phrase the import keeps for a later plan reads back to the same anchor.
    assert read_tie("i samband med sista métet £6r aret") is not None
    assert read_tie("Fokusområdena följs upp vid sista sammanträdet och i budgeten") is None


def test_a_month_passed_this_year_is_next_years_meeting() -> None:
    found = resolve_tie("month:03", PLAN, date(2027, 4, 2))
    assert isinstance(found, TieDate) and found.day == date(2028, 3, 11)
    # Next year has no plan yet: said, not guessed.
    short = YearPlan(meetings=tuple(m for m in PLAN.meetings if m.year == 2027))
    missing = resolve_tie("month:03", short, date(2027, 4, 2))
    assert isinstance(missing, Missing) and (missing.what, missing.year) == ("meetings", 2028)
