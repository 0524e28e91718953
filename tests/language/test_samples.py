"""The grammar on real OCR'd audit documents (read by path, never copied)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.language.normalize import find_dnr, repair_ocr
from bot.language.periods import Deadline, find_deadlines
from bot.language.personnummer import find_personal_numbers
from tests.conftest import SAMPLES


def _read(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def _by_phrase(found: list[Deadline]) -> dict[str, list[Deadline]]:
    out: dict[str, list[Deadline]] = {}
    for d in found:
        out.setdefault(" ".join(d.phrase.split()), []).append(d)
    return out


def test_sample_000_answer_with_deadlines_and_rhythms() -> None:
    text = _read("000_f185d47c58080ccd.txt")
    found = _by_phrase(find_deadlines(text, date(2023, 3, 10)))
    assert found["innan sommaren"][0].dates == (date(2023, 6, 22),)
    assert found["senast i april 2023"][0].dates == (date(2023, 4, 30),)
    yearly = found["arligen i samband med verksamhetsberattelse"][0]
    assert yearly.recurrence == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    last_meeting = next(d for p, ds in found.items() if p.startswith("i samband med sista") for d in ds)
    assert last_meeting.recurrence == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"
    monthly = found["i samband med manads- och delarsrapportering"][0]
    assert monthly.recurrence == "FREQ=MONTHLY;BYMONTHDAY=-1"
    # The header date is found as a date; the case number is not a deadline.
    assert found["2023-03-10"][0].kind == "date"
    assert not any("BUN" in p for p in found)
    assert [c for c, _ in find_dnr(text)] == ["2023/bun/0148", "2023/bun/0148"]


def test_sample_003_commitments_for_2021() -> None:
    text = _read("003_ca7eaf68a089c478.txt")
    found = find_deadlines(text, date(2021, 3, 1))
    phrases = [d.phrase for d in found]
    assert phrases == ["under våren 2021", "under 2021", "under 2021", "två gånger per läsår", "under 2021"]
    assert found[0].dates == (date(2021, 6, 30),)
    assert all(d.dates == (date(2021, 12, 31),) for d in found if d.phrase == "under 2021")
    assert found[3].recurrence == "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"


def test_sample_004_follow_up_audit() -> None:
    text = _read("004_fc123636a6e69265.txt")
    found = _by_phrase(find_deadlines(text, date(2023, 2, 1)))
    assert found["fyra ganger per termin"][0].recurrence == "FREQ=YEARLY;BYMONTH=2,3,5,6,8,10,11,12;BYMONTHDAY=-1"
    assert found["tva ganger per termin"][0].recurrence == "FREQ=YEARLY;BYMONTH=3,6,10,12;BYMONTHDAY=-1"
    assert len(found["arligen"]) == 4
    assert found["senast i juni 2022"][0].dates == (date(2022, 6, 30),)
    assert found["per 2023-01-27"][0].dates == (date(2023, 1, 27),)
    assert found["under 2021"][0].dates == (date(2021, 12, 31),)
    # "(2015)" and "§ 120" are no deadlines; "revisionsplanen for ar 2022" only the year a plan is for.
    assert not any("2015)" in p or "120" in p for p in found)
    assert all(d.note == "year_named" for p, ds in found.items() if "ar 2022" in p for d in ds)


@pytest.mark.parametrize("name", ["000_f185d47c58080ccd.txt", "003_ca7eaf68a089c478.txt", "004_fc123636a6e69265.txt"])
def test_samples_hold_no_personal_numbers_and_repair_keeps_length(name: str) -> None:
    text = _read(name)
    assert find_personal_numbers(text) == []
    repaired = repair_ocr(text)
    assert len(repaired) == len(text)
    assert "nämnden" in repaired or "nämnden" in text or name.startswith("004")
