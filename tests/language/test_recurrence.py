"""Swedish rhythms as RRULEs."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from dateutil.rrule import rrulestr

from bot.language.periods import find_deadlines, parse_recurrence
from bot.texts import Texts

REF = date(2023, 3, 10)
YEAR_END = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"
TERMS = "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"
QUARTERS = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
MONTHLY = "FREQ=MONTHLY;BYMONTHDAY=-1"
WEEKLY = "FREQ=WEEKLY;BYDAY=FR"

RULES: list[tuple[str, str]] = [
    ("årligen", YEAR_END),
    ("i varje tertialrapport", "FREQ=YEARLY;BYMONTH=4,8,12;BYMONTHDAY=-1"),
    ("vid varje kvartalsuppföljning", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("i varje månadsrapport", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("Årligen", YEAR_END),
    ("arligen", YEAR_END),
    ("varje år", YEAR_END),
    ("en gång per år", YEAR_END),
    ("en gång om året", YEAR_END),
    ("årligen i december", YEAR_END),
    ("årligen i mars", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31"),
    ("varje år i mars och september", "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1"),
    ("i mars varje år", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31"),
    ("varje år senast den 15 mars", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15"),
    ("årligen under hösten", YEAR_END),
    ("årligen i samband med verksamhetsberättelsen", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"),
    ("arligen i\nsamband med verksamhetsberattelse", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"),
    ("i samband med delårsrapporten", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30"),
    ("i samband med årsredovisningen", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31"),
    ("1 samband med delarsrapporten", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30"),  # OCR: "1" for "i"
    ("i samband med sista mötet för året", YEAR_END),
    ("i samband med sista nämndsmötet före sommaren", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30"),
    ("i samband med budgetarbetet", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30"),
    ("i samband med månads- och delårsrapportering", MONTHLY),
    ("vid varje nämndsammanträde", "FREQ=MONTHLY;BYMONTH=1,2,3,4,5,6,8,9,10,11,12;BYMONTHDAY=-1"),
    ("två gånger per läsår", TERMS),
    ("tva ganger per lasar", TERMS),
    ("en gång per läsår", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30"),
    ("en gång per termin", TERMS),
    ("terminsvis", TERMS),
    ("varje termin", TERMS),
    ("två gånger per termin", "FREQ=YEARLY;BYMONTH=3,6,10,12;BYMONTHDAY=-1"),
    ("fyra gånger per termin", "FREQ=YEARLY;BYMONTH=2,3,5,6,8,10,11,12;BYMONTHDAY=-1"),
    ("fyra ganger per termin", "FREQ=YEARLY;BYMONTH=2,3,5,6,8,10,11,12;BYMONTHDAY=-1"),
    ("två gånger per år", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("2 ggr per år", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("två gånger årligen", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("tre gånger per år", "FREQ=YEARLY;BYMONTH=4,8,12;BYMONTHDAY=-1"),
    ("fyra gånger per år", QUARTERS),
    ("kvartalsvis", QUARTERS),
    ("varje kvartal", QUARTERS),
    ("tertialvis", "FREQ=YEARLY;BYMONTH=4,8,12;BYMONTHDAY=-1"),
    ("halvårsvis", TERMS),
    ("varje månad", MONTHLY),
    ("månadsvis", MONTHLY),
    ("en gång i månaden", MONTHLY),
    ("en gång per månad", MONTHLY),
    ("varje månad den 15", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("den 15:e varje månad", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("i slutet av varje månad", MONTHLY),
    ("varannan månad", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1"),
    ("var tredje månad", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1"),
    ("varje vecka", WEEKLY),
    ("veckovis", WEEKLY),
    ("en gång i veckan", WEEKLY),
    ("varannan vecka", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
    ("varje måndag", "FREQ=WEEKLY;BYDAY=MO"),
    ("vartannat år", "FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYMONTHDAY=31"),
    ("varje höst", YEAR_END),
    ("varje vår", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30"),
    ("dagligen", "FREQ=DAILY"),
    ("VARJE ÅR", YEAR_END),
    ("en årlig revidering", YEAR_END),
    ("1 gång/år", YEAR_END),
    ("2 ggr/termin", "FREQ=YEARLY;BYMONTH=3,6,10,12;BYMONTHDAY=-1"),
    ("var 6:e vecka", "FREQ=WEEKLY;INTERVAL=6;BYDAY=FR"),
    ("två gånger per år, i maj och november", "FREQ=YEARLY;BYMONTH=5,11;BYMONTHDAY=-1"),
    ("minst en gång per termin", TERMS),
    ("månatlig uppföljning", MONTHLY),
]

NOT_RULES = [
    "löpande",
    "kontinuerligt",
    "regelbundet",
    "i april 2023",
    "i samband med handläggning",
    "i samband med BUS-möten",
    "",
    "var",
    "år 2",
]


@pytest.mark.parametrize(("phrase", "rule"), RULES)
def test_parse_recurrence(phrase: str, rule: str) -> None:
    assert parse_recurrence(phrase, REF) == rule


@pytest.mark.parametrize("phrase", NOT_RULES)
def test_not_a_recurrence(phrase: str) -> None:
    assert parse_recurrence(phrase, REF) is None


@pytest.mark.parametrize("rule", sorted({rule for _, rule in RULES}))
def test_rules_parse_with_dateutil(rule: str) -> None:
    start = datetime(2023, 3, 10)
    parsed = rrulestr(rule, dtstart=start)
    assert parsed.after(start) is not None
    assert Texts().rhythm(rule) != "återkommande"


def test_recurrence_in_running_text() -> None:
    text = "Vi kommer att två gånger per läsår vid rektorernas professionsnätverk gå igenom rutinen."
    found = find_deadlines(text, REF)
    assert len(found) == 1
    assert found[0].kind == "recurrence"
    assert found[0].phrase == "två gånger per läsår"
    assert found[0].dates == ()
    assert found[0].recurrence == TERMS


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (YEAR_END, "årligen i december"),
        ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15", "årligen den 15 mars"),
        ("FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYMONTHDAY=31", "vartannat år i december"),
        (TERMS, "två gånger per år (juni och december)"),
        (QUARTERS, "kvartalsvis"),
        (MONTHLY, "varje månad"),
        ("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1", "varannan månad"),
        ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", "var tredje månad"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "varje månad den 15"),
        (WEEKLY, "varje fredag"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "varannan fredag"),
        ("FREQ=WEEKLY", "varje vecka"),
        ("FREQ=DAILY", "varje dag"),
        ("nonsense", "återkommande"),
        ("FREQ=YEARLY;INTERVAL=x", "återkommande"),
        # A rhythm that ends says when ("årligen … från och med 2024 till och med 2028").
        ("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30;UNTIL=20281231", "årligen i april till och med 2028"),
        ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15;UNTIL=20330315", "årligen den 15 mars till och med 15 mars 2033"),
        ("FREQ=MONTHLY;BYMONTHDAY=15,-1", "två gånger per månad"),
        ("FREQ=WEEKLY;BYDAY=MO,FR", "varje vecka (måndag och fredag)"),
        ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "varje vardag"),
        ("FREQ=YEARLY;BYMONTH=2,5,8,11;BYMONTHDAY=-1", "fyra gånger per år (februari, maj, augusti och november)"),
    ],
)
def test_a_rhythm_in_words(rule: str, text: str) -> None:
    # The reading is the language core's (rhythm_of); the words are a template's (templates/rhythm.txt.j2).
    assert Texts().rhythm(rule) == text
