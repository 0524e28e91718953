"""Folding, tokens, diarienummer and OCR repair."""

from __future__ import annotations

import pytest

from bot.language.normalize import (
    find_dnr,
    fold,
    fold_aligned,
    fold_dnr,
    match_text,
    repair_for_reading,
    repair_ocr,
    tokens,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Överenskommelsen", "overenskommelsen"),
        ("BUS-6verenskommelsen", "bus-overenskommelsen"),
        ("6verenskommelsen", "overenskommelsen"),
        ("Barn- och utbildningsnämnden", "barn- och utbildningsnamnden"),
        ("samver-\nkan", "samverkan"),
        ("månads-\noch delårsrapportering", "manads- och delarsrapportering"),
        ("Idéplattformen", "ideplattformen"),
        ("  flera   mellanslag\n\toch rader ", "flera mellanslag och rader"),
        ("apri1", "april"),
        ("h6sten", "hosten"),
        ("2O21", "2021"),
        ("ＡＢＣ １２３", "abc 123"),
        ("Ångström", "angstrom"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_aligned_keeps_length_and_positions() -> None:
    text = "Senast I APRIL 2O23 – h6sten, İstanbul ﬁnns"
    folded = fold_aligned(text)
    assert len(folded) == len(text)
    assert folded.startswith("senast i april 2023 - hosten")
    mt = match_text(text)
    assert mt.damaged(15, 19)  # "2O23"
    assert not mt.damaged(0, 14)


def test_tokens_keep_numbers_and_case_numbers() -> None:
    words = tokens("Dnr 2023/BUN 0148: rutin för orosanmälan")
    assert words[:6] == ["dnr", "2023", "bun", "0148", "rutin", "for"]
    assert "orosanmalan" in words
    assert words[-1] == "2023/bun/0148"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2023/BUN 0148", "2023/bun/0148"),
        ("2023/bun148", "2023/bun/0148"),
        ("2023/BUN0148", "2023/bun/0148"),
        ("BUN 2023/148", "2023/bun/0148"),
        ("BUN 2023/0148", "2023/bun/0148"),
        ("KS 2022:123", "2022/ks/0123"),
        ("Dnr 2019-000123", "2019/0123"),
        ("2023/BUN 0148-2", "2023/bun/0148"),
        ("SN 2021/45", "2021/sn/0045"),
    ],
)
def test_fold_dnr(text: str, canonical: str) -> None:
    assert fold_dnr(text) == canonical


def test_find_dnr_spans() -> None:
    text = "Utredare 2023-03-10 2023/BUN 0148. Se även KS 2022/123 och under 2023/24 i läsåret."
    found = find_dnr(text)
    assert [c for c, _ in found] == ["2023/bun/0148", "2022/ks/0123"]
    for _canonical, (s, e) in found:
        assert text[s:e] in ("2023/BUN 0148", "KS 2022/123")


@pytest.mark.parametrize("text", ["under 2023/24", "2023-05-15", "KS 2022-03-28", "sidan 12", "3/4 av eleverna"])
def test_not_dnr(text: str) -> None:
    assert find_dnr(text) == []


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Barn- och utbildningsnimnden", "Barn- och utbildningsnämnden"),
        ("nimnden", "nämnden"),
        ("BUS-6verenskommelsen", "BUS-överenskommelsen"),
        ("6verenskommelsen", "överenskommelsen"),
        ("2O21", "2021"),
        ("apri1", "april"),
        ("h6sten", "hösten"),
        ("Forvaltningen", "Förvaltningen"),
        ("FORVALTNINGEN", "FÖRVALTNINGEN"),
        ("sirskilt stod", "särskilt stod"),
        ("arligen i samband med verksamhetsberattelse", "årligen i samband med verksamhetsberättelse"),
        ("pa sa sitt", "på sa sitt"),
    ],
)
def test_repair_ocr(damaged: str, repaired: str) -> None:
    fixed = repair_ocr(damaged)
    assert fixed == repaired
    assert len(fixed) == len(damaged)


@pytest.mark.parametrize(
    "correct",
    [
        "Barn- och utbildningsnämnden beslutar om förvaltningens förslag.",
        "Det var för två år sedan; mål och stöd är viktiga, sa hon.",
        "Vi har 10st elever i 3e klass, 1a plats och 4e kvartalet.",
        "Dnr 2023/BUN 0148, v12, Q3 2023, vt21, CO2 och P4.",
        "Ernst & Young, info@kommun.se, 08-123 456 78.",
        "Idéplattformen för samverkan",
        "Han for till Stockholm.",
    ],
)
def test_repair_ocr_leaves_correct_text_alone(correct: str) -> None:
    assert repair_ocr(correct) == correct


@pytest.mark.parametrize(
    ("damaged", "read"),
    [
        # tests/data/samples/000: "kompletterats med fokusomraden fo6r 2023": the ö read as "o6".
        ("fokusomraden fo6r 2023", "fokusomraden för 2023"),
        ("arbetet fér att", "arbetet för att"),
        ("Fo6r nämnden", "För nämnden"),
        ("med socialnimnden", "med socialnämnden"),  # and what repair_ocr repairs
        ("poem 2023", "poem 2023"),
    ],
)
def test_repair_for_reading_undoes_damage_that_took_an_extra_character(damaged: str, read: str) -> None:
    assert repair_for_reading(damaged) == read


@pytest.mark.parametrize(
    ("damaged", "read"),
    [
        # Found by a new user: "Nämndcn kommer att revidera …" came through unrepaired; an "e" read as "c" in a
        # known word's ending.
        ("Nämndcn kommer att", "Nämnden kommer att"),
        ("förvaltningcns rutiner", "förvaltningens rutiner"),
        ("socialnimndcn", "socialnämnden"),
        # a "c" in a word the lexicon does not know, or not in an ending, stays
        ("Nämnden och Ecn", "Nämnden och Ecn"),
        ("cykel", "cykel"),
    ],
)
def test_an_e_read_as_c_in_a_known_words_ending_is_repaired(damaged: str, read: str) -> None:
    assert repair_ocr(damaged) == read
