"""No input may make the language core raise, and its answers stay well-formed."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.language.normalize import find_dnr, fold, fold_aligned, fold_dnr, repair_ocr, tokens
from bot.language.periods import Deadline, find_deadlines, parse_deadline, parse_recurrence
from bot.language.personnummer import contains_personal_number, find_personal_numbers
from bot.language.rrule_text import rhythm_of

# Words the grammar reacts to, so that random text often gets close to a real phrase.
VOCABULARY = [
    "senast",
    "i",
    "1",
    "l",
    "den",
    "under",
    "innan",
    "före",
    "till",
    "och",
    "mellan",
    "från",
    "efter",
    "april",
    "apri1",
    "maj",
    "jul",
    "dec.",
    "december",
    "våren",
    "hösten",
    "h6sten",
    "vt",
    "ht21",
    "läsåret",
    "2023/24",
    "2021",
    "2O21",
    "2023-05-15",
    "15/5",
    "v.",
    "12",
    "vecka",
    "54",
    "Q3",
    "kvartal",
    "tredje",
    "tertial",
    "halvåret",
    "årsskiftet",
    "sommaren",
    "jul",
    "påsk",
    "innevarande",
    "nästa",
    "år",
    "början",
    "av",
    "slutet",
    "årligen",
    "varje",
    "två",
    "gånger",
    "per",
    "termin",
    "i samband med",
    "delårsrapporten",
    "budgetarbetet",
    "inför",
    "läsårsstarten",
    "terminsstarten",
    "sista",
    "mötet",
    "varannan",
    "månad",
    "-",
    ",",
    ".",
    "/",
    "\n",
    "  ",
    "\x00",
    "\u2013",
    "İ",
    "ﬁ",
    "850101-1236",
    "2023/BUN 0148",
    "BUN 2023/148",
]
TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.lists(st.sampled_from(VOCABULARY), max_size=40).map(" ".join),
    st.lists(st.sampled_from(VOCABULARY), max_size=40).map("".join),
)
DATES = st.dates(min_value=date.min, max_value=date.max)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(found: Deadline, text: str) -> None:
    s, e = found.span
    assert 0 <= s < e <= len(text)
    assert found.phrase == text[s:e]
    assert list(found.dates) == sorted(found.dates)
    assert 0.0 <= found.confidence <= 1.0
    assert found.kind in ("date", "period", "list", "range", "recurrence", "event")
    if found.kind in ("range", "recurrence", "event"):
        assert found.dates == ()
    if found.recurrence is not None:
        rrulestr(found.recurrence, dtstart=datetime(2023, 1, 1))


@SETTINGS
@given(TEXT, DATES)
def test_find_deadlines_never_raises(text: str, reference: date) -> None:
    found = find_deadlines(text, reference)
    last_end = 0
    for item in found:
        _check(item, text)
        assert item.span[0] >= last_end  # in text order, no overlap
        last_end = item.span[1]


@SETTINGS
@given(TEXT, DATES)
def test_parse_never_raises(text: str, reference: date) -> None:
    for typed in (False, True):
        found = parse_deadline(text, reference, typed=typed)
        if found is not None:
            _check(found, text)
    rule = parse_recurrence(text, reference)
    if rule is not None:
        rrulestr(rule, dtstart=datetime(2023, 1, 1))
        assert rhythm_of(rule).kind != "unknown"


@SETTINGS
@given(TEXT)
def test_normalisation_never_raises(text: str) -> None:
    assert len(fold_aligned(text)) == len(text)
    repaired = repair_ocr(text)
    assert len(repaired) == len(text)
    fold(text)
    tokens(text)
    fold_dnr(text)
    for _canonical, (s, e) in find_dnr(text):
        assert 0 <= s < e <= len(text)
    for s, e in find_personal_numbers(text):
        assert 0 <= s < e <= len(text)
    contains_personal_number(text)
    rhythm_of(text)


@pytest.mark.slow
@settings(max_examples=20, deadline=None)
@given(st.sampled_from(VOCABULARY), st.integers(min_value=1, max_value=20_000))
def test_long_repetitive_input(word: str, times: int) -> None:
    text = (word + " ") * times
    find_deadlines(text, date(2023, 3, 10))
    repair_ocr(text)
    tokens(text)
    find_personal_numbers(text)
