"""No input makes the extractor raise, and what it returns is well-formed."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.extraction import extract

WORDS = [
    *("Nämnden", "Förvaltningen", "kommer", "att", "avser", "ska", "bör", "rekommenderar", "senast", "i", "april"),
    *("2023", "2O21", "under", "hösten", "Svar:", "Vi", "kommer\n", "att", "Förvaltningens", "kommentar:", "\n"),
    *("\n\n", "\f", "o", "e", "•", "-", "Åtgärd:", "Ansvarig:", "Tidplan:", "Rektor", "årligen", "pågår"),
    *("arbete", "ett", "beräknas", "vara", "klar", "Detta", "ansvarar", "för", "detta.", ".", ",", ":", "1"),
    *("Rekommendation", "1", "Handlingstyp", "Sida", "2023-03-10", "2023/BUN 0148", "samver-", "kan"),
    *("Rekommendation\nÅtgärd\nAnsvarig\nTidplan\n", "   ", "Revisorerna", "Sammanfattning\n", "(EMI)"),
]
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=80).map("".join),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.dates(min_value=date(1, 1, 2), max_value=date(9999, 12, 1)))
def test_extract_never_raises_and_is_well_formed(text: str, today: date) -> None:
    ex = extract(text, today=today)
    rec_spans = {f.span for f in ex.findings if f.kind == "recommendation"}
    confidences = [f.confidence for f in ex.findings]
    assert confidences == sorted(confidences, reverse=True)
    for f in ex.findings:
        s, e = f.span
        assert 0 <= s < e <= len(text)
        assert f.kind in ("commitment", "recommendation")
        assert f.text and f.text == " ".join(f.text.split())
        assert 0.0 <= f.confidence <= 1.0
        assert list(f.deadlines) == sorted(f.deadlines)
        assert f.answers is None or f.answers in rec_spans
        f.to_json()
