"""Abbreviations used in Swedish municipal routines, and their expansions.

The table is Swedish data, not user interface text: the expansions are what
officials write in titles and bodies, so the search can find "SIP" from
"samordnad individuell plan" and the other way round. Only expansions that are
established in Swedish municipalities are here; SIG ("sociala insatsgrupper")
is one, and SKIP is left out: its expansion varies between regions. A library
can add or replace entries with its own table (`merged`).
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.language.normalize import fold

__all__ = ["BUILT_IN", "Abbreviations", "merged"]

# Abbreviation → expansions. Several expansions where several are in use.
BUILT_IN: Mapping[str, tuple[str, ...]] = {
    "SIP": ("samordnad individuell plan",),
    "BUS": ("barn och unga i samverkan", "barn och ungdom i samverkan"),
    "BUP": ("barn- och ungdomspsykiatri", "barn- och ungdomspsykiatrin"),
    "IFO": ("individ- och familjeomsorg", "individ- och familjeomsorgen"),
    "EHT": ("elevhälsoteam", "elevhälsoteamet"),
    "EMI": ("elevhälsans medicinska insats",),
    "LSS": ("lagen om stöd och service till vissa funktionshindrade", "lagen om stöd och service"),
    "SoL": ("socialtjänstlagen",),
    "HSL": ("hälso- och sjukvårdslagen",),
    "SSPF": ("skola, socialtjänst, polis, fritid", "skola socialtjänst polis och fritid"),
    "TSI": ("tidiga samordnade insatser",),
    "SIG": ("sociala insatsgrupper",),
    "IVO": ("inspektionen för vård och omsorg",),
    "BBIC": ("barns behov i centrum",),
    "LVU": ("lagen med särskilda bestämmelser om vård av unga",),
    "LVM": ("lagen om vård av missbrukare i vissa fall",),
    "SKR": ("sveriges kommuner och regioner",),
    "ANDT": ("alkohol, narkotika, doping och tobak",),
}


class Abbreviations:
    """Folded abbreviations and their folded expansions, for the search."""

    def __init__(self, table: Mapping[str, tuple[str, ...]]) -> None:
        self.expansions: dict[str, tuple[str, ...]] = {}
        for abbr, expansions in table.items():
            key = fold(abbr)
            folded = tuple(dict.fromkeys(fold(e) for e in expansions if fold(e)))
            if key and folded:
                self.expansions[key] = folded

    def __contains__(self, folded_abbr: str) -> bool:
        return folded_abbr in self.expansions

    def __len__(self) -> int:
        return len(self.expansions)


def merged(library: Mapping[str, tuple[str, ...] | list[str] | str] | None = None) -> Abbreviations:
    """The built-in table with a library's own entries over it.

    A library entry replaces the built-in one for the same abbreviation (compared
    folded, so "sol" replaces "SoL"); an entry with no expansions removes it.
    """
    table: dict[str, tuple[str, ...]] = {fold(k): v for k, v in BUILT_IN.items()}
    for abbr, value in (library or {}).items():
        expansions = (value,) if isinstance(value, str) else tuple(value)
        key = fold(abbr)
        if not key:
            continue
        if expansions:
            table[key] = expansions
        else:
            table.pop(key, None)
    return Abbreviations(table)
