"""From a whole answer to findings: what is found, spans and order, the JSON, the document's facts and date."""

from __future__ import annotations

from datetime import date

from bot.extraction import Finding
from tests.extraction.helpers import commitments, recommendations, run

ANSWER = """Revisorernas rekommendationer

o Säkerställa att rutinen för orosanmälan är känd av all personal.

Förvaltningens kommentar:

En rutin för orosanmälan togs fram under 2022. Ett arbete pågår med att revidera
rutinen tillsammans med socialtjänsten. Rutinen beskriver hur anmälan ska gå till.
Verksamhetschefen för elevhälsan ansvarar för detta.

Den reviderade rutinen beräknas vara klar senast i maj 2024.

o Utveckla uppföljningen av samverkan.

Förvaltningens kommentar:

Förvaltningen avser att ta fram nyckeltal för samverkan. Genomförda insatser ska
återrapporteras till nämnden senast december 2024.
"""


def test_recommendations_and_the_commitments_that_answer_them() -> None:
    ex = run(ANSWER, document_date=date(2024, 2, 1))
    recs = recommendations(ex)
    assert [r.text for r in recs] == [
        "Säkerställa att rutinen för orosanmälan är känd av all personal.",
        "Utveckla uppföljningen av samverkan.",
    ]
    first, second = commitments(ex)
    # The revision and, further down the same answer, the sentence that says when it is done.
    assert first.text.startswith("Ett arbete pågår med att revidera rutinen")
    assert first.text.endswith("Den reviderade rutinen beräknas vara klar senast i maj 2024.")
    assert first.deadlines == (date(2024, 5, 31),)
    assert first.deadline_phrase == "senast i maj 2024"
    assert first.owner == "Verksamhetschefen för elevhälsan"
    assert first.answers == recs[0].span
    # An activity and, right after it, its report-back: one finding.
    assert second.text == (
        "Förvaltningen avser att ta fram nyckeltal för samverkan. Genomförda insatser ska återrapporteras "
        "till nämnden senast december 2024."
    )
    assert second.deadlines == (date(2024, 12, 31),)
    assert second.answers == recs[1].span


def test_spans_point_into_the_text() -> None:
    ex = run(ANSWER)
    for f in ex.findings:
        s, e = f.span
        assert 0 <= s < e <= len(ANSWER)
        piece = " ".join(ANSWER[s:e].split())
        assert piece.startswith(f.text.split(" … ")[0][:30])
        assert piece.endswith(f.text[-12:])


def test_best_first() -> None:
    ex = run(ANSWER)
    keys = [(-f.confidence, f.span[0]) for f in ex.findings]
    assert keys == sorted(keys)


def test_to_json_shape() -> None:
    ex = run(ANSWER)
    item = next(f for f in ex.findings if f.kind == "commitment" and f.deadlines).to_json()
    assert list(item) == [
        "kind",
        "text",
        "span",
        "deadlines",
        "deadline_phrase",
        "recurrence",
        "owner",
        "committee",
        "confidence",
        "deadline_note",
        "answers",
    ]
    assert isinstance(item["span"], list) and len(item["span"]) == 2
    assert all(isinstance(d, str) and len(d) == 10 for d in item["deadlines"])
    assert isinstance(item["answers"], list)
    assert item["confidence"] == round(item["confidence"], 2)


def test_document_facts() -> None:
    text = (
        "Tjänsteskrivelse\n2024-02-15\nDnr KS 2024/123\n\nYttrande över revisionsrapport om intern kontroll\n\n"
        "KPMG har på uppdrag av revisorerna granskat den interna kontrollen. Kommunstyrelsens svar på "
        "rekommendationerna framgår nedan.\n"
    )
    ex = run(text)
    assert ex.document_date == date(2024, 2, 15) == ex.reference_date
    assert ex.dnr == "KS 2024/123"
    assert ex.title == "Yttrande över revisionsrapport om intern kontroll"
    assert ex.auditor == "KPMG"
    assert ex.committee == "Kommunstyrelsen"


def test_the_given_date_wins_and_today_is_the_fallback() -> None:
    text = "Datum: 2023-03-10\n\nNämndens svar:\nFörvaltningen kommer att ta fram en plan innan sommaren.\n"
    assert run(text).reference_date == date(2023, 3, 10)
    found = commitments(run(text))[0]
    assert found.deadlines == (date(2023, 6, 22),)
    given = run(text, document_date=date(2024, 3, 1))
    assert given.reference_date == date(2024, 3, 1) and given.document_date == date(2024, 3, 1)
    bare = run("Nämndens svar:\nFörvaltningen kommer att ta fram en plan innan sommaren.\n")
    assert bare.document_date is None and bare.reference_date == date(2024, 3, 1)


def test_empty_and_blank_text() -> None:
    for text in ("", "   \n\f\n", "Sida 1 av 2\n"):
        ex = run(text)
        assert ex.findings == ()


def _kinds(findings: tuple[Finding, ...]) -> set[str]:
    return {f.kind for f in findings}


def test_kinds_are_the_two_of_the_contract() -> None:
    assert _kinds(run(ANSWER).findings) == {"commitment", "recommendation"}
