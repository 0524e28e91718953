"""Abbreviations used in Swedish municipal routines, and their expansions.

The table is Swedish data, not user interface text: the expansions are what
officials write in titles and bodies, so the search can find "SIP" from
"samordnad individuell plan" and the other way round. Only expansions that are
established in Swedish municipalities are here; SIG ("sociala insatsgrupper")
is one, and SKIP is left out: its expansion varies between regions. A library
can add or replace entries with its own table (`merged`). The expansions are written as Swedish
writes them, since `atagande routines abbreviations` shows them: a law or a common noun in small letters,
an agency's or a service's proper name with its capitals (the search folds case away).

Some abbreviations are everyday words once case and diacritics are gone ("MAR"
and "mår", "LAS" and "läs", "SKA" and "ska"): in a routine's text those stand
for their expansion only when written in capitals (`NEEDS_CAPITALS`).
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.language.normalize import fold
from bot.language.stemming import is_stop_word

__all__ = ["BUILT_IN", "NEEDS_CAPITALS", "Abbreviations", "merged"]

# Abbreviation → expansions, by field. Several expansions where several are in use.
BUILT_IN: Mapping[str, tuple[str, ...]] = {
    # Social services, care and the laws they work under.
    "SIP": ("samordnad individuell plan",),
    "BUS": ("barn och unga i samverkan", "barn och ungdom i samverkan", "barn i behov av särskilt stöd"),
    "BUP": ("barn- och ungdomspsykiatri", "barn- och ungdomspsykiatrin"),
    "IFO": ("individ- och familjeomsorg", "individ- och familjeomsorgen"),
    "BBIC": ("barns behov i centrum",),
    "IBIC": ("individens behov i centrum",),
    "HVB": ("hem för vård eller boende",),
    "SÄBO": ("särskilt boende",),
    "EKB": ("ensamkommande barn",),
    "SSPF": ("skola, socialtjänst, polis, fritid", "skola socialtjänst polis och fritid"),
    "TSI": ("tidiga samordnade insatser",),
    "SIG": ("sociala insatsgrupper",),
    "NPF": ("neuropsykiatriska funktionsnedsättningar", "neuropsykiatrisk funktionsnedsättning"),
    "ANDT": ("alkohol, narkotika, doping och tobak", "alkohol, narkotika, dopning och tobak"),
    "LARO": (
        "läkemedelsassisterad rehabilitering vid opioidberoende",
        "läkemedelsassisterad behandling vid opioidberoende",
    ),
    "KBT": ("kognitiv beteendeterapi",),
    "ADL": ("aktiviteter i dagliga livet", "aktiviteter i det dagliga livet"),
    "IOP": ("idéburet offentligt partnerskap",),
    "AKK": ("alternativ och kompletterande kommunikation",),
    "SIS": ("Statens institutionsstyrelse",),
    "LSS": ("lagen om stöd och service till vissa funktionshindrade", "lagen om stöd och service"),
    "SoL": ("socialtjänstlagen",),
    "SoF": ("socialtjänstförordningen",),
    "LVU": ("lagen med särskilda bestämmelser om vård av unga",),
    "LVM": ("lagen om vård av missbrukare i vissa fall",),
    "LOB": ("lagen om omhändertagande av berusade personer",),
    "FB": ("föräldrabalken",),
    # Health care in the municipality and with the region.
    "HSL": ("hälso- och sjukvårdslagen",),
    "PSL": ("patientsäkerhetslagen",),
    "PDL": ("patientdatalagen",),
    "LPT": ("lagen om psykiatrisk tvångsvård",),
    "LRV": ("lagen om rättspsykiatrisk vård",),
    "MAS": ("medicinskt ansvarig sjuksköterska",),
    "MAR": ("medicinskt ansvarig för rehabilitering",),
    "BPSD": ("beteendemässiga och psykiska symtom vid demens",),
    "HLR": ("hjärt-lungräddning",),
    "NPÖ": ("Nationell patientöversikt",),
    "SBAR": ("situation, bakgrund, aktuellt tillstånd, rekommendation",),
    "EHT": ("elevhälsoteam", "elevhälsoteamet"),
    "EMI": ("elevhälsans medicinska insats",),
    # School.
    "IUP": ("individuell utvecklingsplan",),
    "ÅP": ("åtgärdsprogram",),
    "SFI": ("svenska för invandrare",),
    "SVA": ("svenska som andraspråk",),
    "PRAO": ("praktisk arbetslivsorientering",),
    "APL": ("arbetsplatsförlagt lärande",),
    "SYV": ("studie- och yrkesvägledning", "studie- och yrkesvägledare"),
    "KAA": ("kommunala aktivitetsansvaret", "kommunalt aktivitetsansvar"),
    "IKT": ("informations- och kommunikationsteknik",),
    "SPSM": ("Specialpedagogiska skolmyndigheten",),
    "CSN": ("Centrala studiestödsnämnden",),
    "AST": ("anpassad studiegång",),
    "SKA": ("systematiskt kvalitetsarbete",),
    # Employer, administration and the laws of a public body.
    "SAM": ("systematiskt arbetsmiljöarbete",),
    "OSA": ("organisatorisk och social arbetsmiljö",),
    "APT": ("arbetsplatsträff", "arbetsplatsträffar"),
    "AML": ("arbetsmiljölagen",),
    "LAS": ("lagen om anställningsskydd",),
    "MBL": ("medbestämmandelagen", "lagen om medbestämmande i arbetslivet"),
    "GDPR": ("dataskyddsförordningen", "allmän dataskyddsförordning"),
    "PUB": ("personuppgiftsbiträde",),
    "DSO": ("dataskyddsombud",),
    "IMY": ("Integritetsskyddsmyndigheten",),
    "OSL": ("offentlighets- och sekretesslagen",),
    "TF": ("tryckfrihetsförordningen",),
    "FL": ("förvaltningslagen",),
    "KL": ("kommunallagen",),
    "LOU": ("lagen om offentlig upphandling",),
    "LOV": ("lagen om valfrihetssystem",),
    "KS": ("kommunstyrelsen",),
    "KF": ("kommunfullmäktige",),
    "BUN": ("barn- och utbildningsnämnden",),
    "SN": ("socialnämnden",),
    # Safety, preparedness and the built environment.
    "POSOM": ("psykiskt och socialt omhändertagande",),
    "TIB": ("tjänsteperson i beredskap", "tjänsteman i beredskap"),
    "RSA": ("risk- och sårbarhetsanalys",),
    "VMA": ("viktigt meddelande till allmänheten",),
    "SBA": ("systematiskt brandskyddsarbete",),
    "LSO": ("lagen om skydd mot olyckor",),
    "LEH": ("lagen om extraordinära händelser",),
    "BRÅ": ("Brottsförebyggande rådet",),
    "MSB": ("Myndigheten för samhällsskydd och beredskap",),
    "PBL": ("plan- och bygglagen",),
    "MB": ("miljöbalken",),
    "VA": ("vatten och avlopp",),
    "ÖP": ("översiktsplan",),
    "OVK": ("obligatorisk ventilationskontroll",),
    "DP": ("detaljplan",),
    # Agencies a routine names as partners.
    "IVO": ("Inspektionen för vård och omsorg",),
    "SKR": ("Sveriges Kommuner och Regioner",),
    "FK": ("Försäkringskassan",),
    "AF": ("Arbetsförmedlingen",),
}

# Abbreviations that are also everyday Swedish words once folded ("mår", "läs", "ska", "sig", "lov",
# "sol", "bus", "sam"): in a routine's text they stand for their expansion only when written in capitals.
# Function words ("ska", "sig") are such words too, whatever the table says.
NEEDS_CAPITALS: frozenset[str] = frozenset(
    {"mar", "las", "lov", "sol", "bus", "sam", "mas", "va", "tf", "fl", "kl", "mb", "dp", "af", "ap"}
)


class Abbreviations:
    """Folded abbreviations and their folded expansions, for the search."""

    def __init__(self, table: Mapping[str, tuple[str, ...]]) -> None:
        self.expansions: dict[str, tuple[str, ...]] = {}
        for abbr, expansions in table.items():
            key = fold(abbr)
            folded = tuple(dict.fromkeys(fold(e) for e in expansions if fold(e)))
            if key and folded:
                self.expansions[key] = folded
        # A library's own entry that is a function word ("ska") needs capitals as much as the built-in ones.
        self.needs_capitals = frozenset(k for k in self.expansions if k in NEEDS_CAPITALS or is_stop_word(k))

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
