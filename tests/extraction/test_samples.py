"""The extractor on real OCR'd answers (read by path, never copied; skipped when absent)."""

from __future__ import annotations

from datetime import date

from bot.extraction import Finding
from bot.language.normalize import fold
from tests.extraction.helpers import commitments, read_sample, recommendations, run


def _containing(found: list[Finding], words: str) -> Finding:
    key = fold(words)
    hits = [f for f in found if key in fold(f.text)]
    assert len(hits) == 1, (words, [f.text[:60] for f in found])
    return hits[0]


def test_sample_000_answer_with_comments_under_each_recommendation() -> None:
    ex = run(read_sample("000_f185d47c58080ccd.txt"), today=date(2025, 1, 1))
    assert ex.document_date == date(2023, 3, 10)
    assert ex.dnr == "2023/BUN 0148"
    assert ex.committee == "Barn- och utbildningsnämnden"
    assert ex.auditor == "EY"
    assert ex.title is not None and ex.title.startswith("Svar på revisionsskrivelse")
    recs = recommendations(ex)
    assert len(recs) == 3
    found = commitments(ex)
    summer = _containing(found, "slutfört innan sommaren")
    assert summer.deadlines == (date(2023, 6, 22),)
    assert summer.answers == recs[1].span
    bus = _containing(found, "revidera den lokala BUS")
    assert bus.deadlines == (date(2023, 4, 30),)
    assert bus.owner == "Förvaltningschef för arbetsmarknads- och socialförvaltningen"
    assert bus.answers == recs[2].span
    last_meeting = _containing(found, "i samband med sista")
    assert last_meeting.recurrence == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"
    yearly = _containing(found, "verksamhetsberättelse")
    assert yearly.recurrence == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    assert yearly.answers == recs[0].span
    # The assessment of the audit, the proposal to adopt the answer and what is done already are no commitments.
    assert not any("bedöms finnas brister" in fold(f.text) for f in found)
    assert not any("skrivelsen antas" in fold(f.text) for f in found)


def test_sample_003_att_lists_after_svar_vi_kommer() -> None:
    ex = run(read_sample("003_ca7eaf68a089c478.txt"), document_date=date(2021, 3, 1), today=date(2025, 1, 1))
    recs = recommendations(ex)
    assert len(recs) == 2
    assert all(r.committee == "socialnämnden och barn- och utbildningsnämnden" for r in recs)
    found = commitments(ex)
    assert len(found) == 8
    assert [f.deadlines for f in found[:3]] == [(date(2021, 6, 30),), (date(2021, 12, 31),), (date(2021, 12, 31),)]
    assert found[3].recurrence == "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"
    assert found[4].deadlines == () and found[4].recurrence is None
    assert [f.answers for f in found] == [recs[0].span] * 6 + [recs[1].span] * 2
    assert found[7].owner == "Verksamhetschefen för den medicinska delen av elevhälsan (EMI)"
    assert ex.committee == "Socialnämnden och barn- och utbildningsnämnden"


def test_sample_004_follow_up_audit_has_one_recommendation_and_no_promises() -> None:
    ex = run(read_sample("004_fc123636a6e69265.txt"), today=date(2023, 2, 1))
    (rec,) = recommendations(ex)
    assert fold(rec.text).startswith("kommunstyrelsen bor efterfraga uppfoljning")
    assert rec.committee == "Kommunstyrelsen"
    assert commitments(ex) == []
    assert ex.committee == "Kommunstyrelsen"
