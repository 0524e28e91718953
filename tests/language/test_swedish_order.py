"""Swedish alphabetical order (Å Ä Ö after Z), and the abbreviation list that is shown in it."""

from __future__ import annotations

from bot.cli.routines_output import abbreviation_rows
from bot.language.collation import swedish_key


def test_a_ring_a_umlaut_and_o_umlaut_come_after_z() -> None:
    words = ["Öppenvård", "Äldrenämnden", "Åtgärd", "Zon", "arbete", "Barn", "ärende", "åtgärd", "öppen"]
    assert sorted(words, key=swedish_key) == [
        "arbete",
        "Barn",
        "Zon",
        "Åtgärd",
        "åtgärd",
        "Äldrenämnden",
        "ärende",
        "öppen",
        "Öppenvård",
    ]


def test_other_accents_sort_with_their_letter() -> None:
    assert sorted(["idéburet", "idag", "idrott"], key=swedish_key) == ["idag", "idéburet", "idrott"]


def test_the_abbreviation_list_is_in_swedish_order_and_names_agencies_with_capitals() -> None:
    rows = abbreviation_rows({})
    names = [row.abbreviation for row in rows]
    assert names.index("ÅP") > names.index("VMA") and names.index("ÖP") > names.index("ÅP")
    assert names == sorted(names, key=swedish_key)
    expansions = {row.abbreviation: row.expansions[0] for row in rows}
    assert expansions["SKR"] == "Sveriges Kommuner och Regioner"
    assert expansions["IVO"] == "Inspektionen för vård och omsorg"
    assert expansions["FK"] == "Försäkringskassan"
    assert expansions["SoL"] == "socialtjänstlagen"  # a law is no proper name
