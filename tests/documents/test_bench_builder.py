"""The speed benchmark's answer builder: the size and page count it promises, with Swedish letters intact."""

from __future__ import annotations

from pathlib import Path

from bench import extract_speed
from bot.documents import read_path


def test_the_answer_has_the_size_asked_for_and_does_not_repeat_verbatim() -> None:
    text = extract_speed.build_answer(60_000)
    assert len(text) == 60_000
    # Every 1,000-character stretch is its own: the rounds are varied, not copies.
    chunks = [text[at : at + 1000] for at in range(0, len(text), 1000)]
    assert len(set(chunks)) == len(chunks)
    assert extract_speed.build_answer(60_000) == text  # seeded: the same answer every run


def test_vary_changes_years_numbers_and_words_but_not_dates() -> None:
    import random

    source = "Klart 2021-03-10, senast 28 maj 2021; Tyresö ska revidera rutinen vid 4 möten."
    varied = {extract_speed.vary(source, random.Random(seed), round_no) for seed in range(5) for round_no in range(3)}
    assert len(varied) > 5
    for text in varied:
        assert "-03-10" in text  # a date written with separators keeps its shape
        day = int(text.split("senast ")[1].split()[0])
        assert 1 <= day <= 28


def test_the_pdf_has_the_pages_and_the_text(tmp_path: Path) -> None:
    text = extract_speed.build_answer(30_000)
    path = tmp_path / "svar.pdf"
    extract_speed.write_pdf(text, path, pages=10)
    document = read_path(path)
    assert document.pages == 10
    visible = "".join(document.text.split())
    assert len(visible) == len("".join(text.translate(extract_speed._LATIN1).split()))
    assert any(letter in document.text for letter in "åäöÅÄÖ")
