"""The abbreviation table and a library's own entries over it."""

from __future__ import annotations

from bot.routines.abbreviations import BUILT_IN, merged


def test_built_in_is_folded_and_complete() -> None:
    table = merged()
    for abbr in ("sip", "bus", "bup", "ifo", "eht", "emi", "lss", "sol", "hsl", "sspf", "tsi"):
        assert abbr in table
    assert table.expansions["sip"] == ("samordnad individuell plan",)
    assert "barn och unga i samverkan" in table.expansions["bus"]
    assert "barn och ungdom i samverkan" in table.expansions["bus"]
    assert table.expansions["hsl"] == ("halso- och sjukvardslagen",)
    assert len(table) == len(BUILT_IN)


def test_library_entries_replace_add_and_remove() -> None:
    table = merged({"SoL": ["socialtjänstlagen (2001:453)"], "KAA": "kommunala aktivitetsansvaret", "SIG": []})
    assert table.expansions["sol"] == ("socialtjanstlagen (2001:453)",)
    assert table.expansions["kaa"] == ("kommunala aktivitetsansvaret",)
    assert "sig" not in table
    assert "sip" in table  # the rest of the built-in table stays


def test_blank_entries_are_ignored() -> None:
    table = merged({"": "något", "  ": ["x"], "ABC": ["", "  "]})
    assert "" not in table and "abc" not in table
