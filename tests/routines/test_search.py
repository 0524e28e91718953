"""The routine search: normalisation, compounds, abbreviations, snippets and bad input."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.routines.abbreviations import merged
from bot.routines.search import MARK, MAX_QUERY, Hit, Routine, RoutineIndex

ROUTINES = [
    Routine(1, "Rutin för orosanmälan", "När du känner oro för ett barn gör du en anmälan till socialtjänsten."),
    Routine(2, "Rutin för orosanmälan – förskola", "Förskolans personal anmäler oro skyndsamt."),
    Routine(3, "Samverkansrutin mellan socialtjänst och skola", "Rutinen beskriver samverkan kring elever."),
    Routine(4, "Riktlinje för SIP", "En samordnad individuell plan upprättas när flera huvudmän behövs."),
    Routine(5, "Rutin för elevhälsoteamets arbete", "Elevhälsoteamet träffas varje vecka."),
    Routine(6, "Överenskommelse om barn och unga i samverkan", "Kommunen och regionen samverkar."),
    Routine(7, "Rutin för läkemedelshantering", "Läkemedel förvaras inlåsta.", aliases=("Medicinrutin",)),
    Routine(8, "Rutin för lex Sarah", "Missförhållanden rapporteras till den som bedriver verksamheten."),
]


@pytest.fixture(scope="module")
def index() -> RoutineIndex:
    return RoutineIndex(ROUTINES)


def first(index: RoutineIndex, query: str) -> int | str | None:
    hits = index.search(query, 3)
    return hits[0].id if hits else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("orosanmalan", 1),  # no å/ä/ö; the shorter title covers more of itself
        ("OROSANMÄLAN FÖRSKOLA", 2),
        ("orosanm", 1),  # a fragment
        ("Rutin f6r orosanm1lan", 1),  # OCR look-alikes
        ("orosanmälningar", 1),  # inflection
        ("samverkan rutin socialtjänst", 3),  # the compound's parts, written apart
        ("samverkansrutinerna", 3),
        ("rutin skola", 3),
        ("samordnad individuell plan", 4),  # the expansion finds the abbreviation
        ("BUS", 6),  # the abbreviation finds the expansion
        ("socialtjinst skola samverkan", 3),  # a letter misread
        ("medicinrutin", 7),  # an alias
        ("lex sar", 8),
        ("samver-\nkansrutin", 3),  # broken at a line end
    ],
)
def test_finds(index: RoutineIndex, query: str, expected: int) -> None:
    assert first(index, query) == expected


def test_hits_are_scored_and_marked(index: RoutineIndex) -> None:
    hits = index.search("orosanmälan", 10)
    assert [h.id for h in hits[:2]] == [1, 2]
    assert all(isinstance(h, Hit) and 0 < h.score <= 100 for h in hits)
    assert hits[0].score >= hits[1].score
    assert f"{MARK}anmälan{MARK}" in hits[0].snippet or f"{MARK}oro{MARK}" in hits[0].snippet


def test_snippet_falls_back_to_the_title(index: RoutineIndex) -> None:
    hit = index.search("lex sarah", 1)[0]
    assert hit.snippet == f"Rutin för {MARK}lex{MARK} {MARK}Sarah{MARK}"


def test_body_words_find_a_routine(index: RoutineIndex) -> None:
    assert first(index, "inlåsta") == 7


def test_limit(index: RoutineIndex) -> None:
    assert len(index.search("rutin", 2)) == 2
    assert index.search("rutin", 0) == []


@pytest.mark.parametrize(
    "query",
    ["", "   ", "för och i av", "och", '"', "*", ":", "(", ")", "%", "_", "NEAR", '" OR *', "%_%", "\x00", "🙂"],
)
def test_bad_input_never_breaks(index: RoutineIndex, query: str) -> None:
    hits = index.search(query, 5)
    assert isinstance(hits, list)
    if query.strip() in {"", "för och i av", "och", '"', "*", ":", "(", ")", "%", "_", "%_%", "\x00", "🙂"}:
        assert hits == []


def test_syntax_characters_around_words(index: RoutineIndex) -> None:
    assert first(index, '"orosanmälan*" (förskola) NEAR: %_') == 2


def test_a_long_query_is_cut(index: RoutineIndex) -> None:
    query = "orosanmälan " + "x" * (10 * MAX_QUERY) + " lex sarah"
    hits = index.search(query, 3)
    assert hits and hits[0].id in {1, 2}  # "lex sarah" lies past the cut


def test_library_abbreviations() -> None:
    index = RoutineIndex(
        [Routine("a", "Rutin för KAA"), Routine("b", "Rutin för kommunalt aktivitetsansvar")],
        merged({"KAA": "kommunalt aktivitetsansvar"}),
    )
    assert {h.id for h in index.search("kaa", 5)} == {"a", "b"}


def test_empty_index() -> None:
    assert RoutineIndex([]).search("rutin", 5) == []


def test_a_snippet_of_a_markdown_routine_has_no_markup() -> None:
    body = "# Rutin för orosanmälan\n\n## Syfte\n\n- Personal gör **genast** en _orosanmälan_ till `socialtjänsten`."
    hit = RoutineIndex([Routine(1, "Rutin för orosanmälan", body)]).search("genast")[0]
    # The heading is the title, shown beside the snippet already.
    assert hit.snippet == f"Syfte Personal gör {MARK}genast{MARK} en orosanmälan till socialtjänsten."


def test_an_abbreviation_that_is_also_a_word_needs_capitals() -> None:
    index = RoutineIndex(
        [
            Routine(1, "Rutin för MAR:s uppdrag", "Medicinskt ansvarig för rehabilitering följer upp."),
            Routine(2, "Rutin för samtal om hur barnet mår", "Fråga hur barnet mår och hur det går i skolan."),
            Routine(3, "Riktlinje för SKA i förskolan"),
        ]
    )
    # "mår" folds to "mar", but only the capitals stand for the medically responsible for rehabilitation.
    assert [h.id for h in index.search("medicinskt ansvarig rehabilitering", 3)] == [1]
    # "SKA" is kept, though "ska" is a function word; typed in capitals it finds the routine too.
    assert first(index, "systematiskt kvalitetsarbete") == 3
    assert first(index, "SKA") == 3
    assert index.search("ska", 3) == []


def test_an_expansion_at_the_start_of_a_compound() -> None:
    index = RoutineIndex(
        [
            Routine(1, "Rutin för personuppgiftsbiträdesavtal"),
            Routine(2, "Rutin för publicering på webbplatsen"),
            Routine(3, "Rutin för elevhälsoteamsmöten"),
        ]
    )
    assert first(index, "PUB-avtal") == 1
    assert first(index, "EHT möten") == 3


def test_a_compound_whose_first_part_is_never_written_alone() -> None:
    index = RoutineIndex(
        [
            Routine(1, "Rutin för idrottshallsbokning"),
            Routine(2, "Checklista vid utbrott av magsjuka"),
            Routine(3, "Rutin för bokföring"),
            Routine(4, "Rutin för bokning av idrottshallar"),
        ]
    )
    # The query's word is the compound's head: found without a split.
    assert first(index, "bokning") in {1, 4}
    assert {h.id for h in index.search("bokning", 3)} >= {1, 4}
    # The compound's parts by their stems: "magsjuk-e-utbrott", "idrottshall-s-bokning".
    assert first(index, "magsjukeutbrott") == 2
    assert {h.id for h in index.search("idrottshallsbokning", 2)} == {1, 4}


def test_a_snippet_skips_the_heading_that_is_the_title() -> None:
    body = "# Rutin för orosanmälan – förskolan\n\nFörskolans personal gör en orosanmälan till socialtjänsten."
    hit = RoutineIndex([Routine(1, "Rutin för orosanmälan – förskolan", body)]).search("orosanmälan förskola")[0]
    assert hit.snippet.startswith(f"{MARK}Förskolans{MARK} personal gör en {MARK}orosanmälan{MARK}")


def test_an_index_without_its_bodies_reads_those_it_shows() -> None:
    kept = RoutineIndex(ROUTINES)
    lean = RoutineIndex(ROUTINES, keep_bodies=False)
    asked: list[list[int | str]] = []

    def bodies(ids: Sequence[int | str]) -> dict[int | str, str]:
        asked.append(list(ids))
        return {r.id: r.body for r in ROUTINES if r.id in asked[-1]}

    assert lean.search("inlåsta", 3, bodies=bodies) == kept.search("inlåsta", 3)
    assert asked == [[7]]
    # Without a loader the title stands in for the snippet; the bodies were not kept.
    assert lean.search("inlåsta", 1)[0].snippet == "Rutin för läkemedelshantering"


def test_a_misspelt_expansion_still_stands_for_its_abbreviation() -> None:
    index = RoutineIndex(
        [
            Routine(1, "Rutin för SIP-möten – barn och unga", "En samordnad individuell plan för barn och unga."),
            Routine(2, "Rutin för SIP", "En samordnad individuell plan upprättas."),
        ]
    )
    # The title "SIP" is covered by the query, so the routine with nothing else in its title comes first.
    assert first(index, "samordnad individuel plan") == 2
