"""Compound splitting and stems on folded Swedish words."""

from __future__ import annotations

import pytest

from bot.language.compounds import CompoundSplitter
from bot.language.stemming import is_stop_word, stem


@pytest.fixture
def splitter() -> CompoundSplitter:
    return CompoundSplitter(["kontinuitet", "trycksar", "prevention", "lakemedel", "barnkonsekvens"])


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("samverkansrutin", ("samverkan", "rutin")),  # linking -s-
        ("orosanmalan", ("oro", "anmalan")),
        ("kontinuitetshantering", ("kontinuitet", "hantering")),
        ("trycksarsprevention", ("trycksar", "prevention")),
        ("lakemedelshantering", ("lakemedel", "hantering")),
        ("barnkonsekvensanalys", ("barnkonsekvens", "analys")),
        ("familjehem", ("familj", "hem")),
    ],
)
def test_split(splitter: CompoundSplitter, word: str, parts: tuple[str, ...]) -> None:
    assert splitter.split(word) == parts


@pytest.mark.parametrize("word", ["samverkan", "rutin", "handlaggning", "abc", "", "sip2023", "xyzxyzxyz"])
def test_not_split(splitter: CompoundSplitter, word: str) -> None:
    assert splitter.split(word) == ()


def test_linking_letter_never_ends_a_word(splitter: CompoundSplitter) -> None:
    # A trailing "s" is a genitive or an inflection, never a link to nothing.
    assert splitter.split("planrutins") == ()


def test_vocabulary_grows(splitter: CompoundSplitter) -> None:
    assert splitter.split("brandskydd") == ()
    splitter.add(["brand", "skydd"])
    assert splitter.split("brandskydd") == ("brand", "skydd")
    assert "brand" in splitter


def test_stems_meet_across_inflection() -> None:
    assert stem("rutinerna") == stem("rutin")
    assert stem("anmalningar") == stem("anmalningarna")
    assert stem("overenskommelsen") == stem("overenskommelse")


def test_stop_words_are_folded() -> None:
    assert is_stop_word("for") and is_stop_word("och") and not is_stop_word("rutin")
