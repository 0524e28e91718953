"""Listing and finding: ``lista [NÄMND]``, ``mina``, ``sök``, paging with "Visa fler"."""

from __future__ import annotations

import json

import pytest

from bot.services import commitments as commitment_service
from bot.services.commitments import CommitmentInput
from storage.models import CommitmentStatus
from tests.scenario.conftest import World


def add_many(world: World, count: int, owner: str = "anna") -> None:
    """``count`` commitments in BUN in one transaction (fast set-up)."""
    svc = world.bot.svc
    sara = world.actor("sara")
    with svc.db.write() as session:
        for n in range(count):
            raw = CommitmentInput(
                text=f"Åtgärd {n + 1} om samverkan kring elevhälsan",
                committee="BUN",
                owner_user_id=world.uid(owner),
                owner_name=world.slack.user(owner).real_name,
                deadline=f"2027-{3 + n % 9:02d}-15",
            )
            draft = commitment_service.validate(session, raw, svc.clock.today())
            commitment_service.create(session, sara, draft, svc.clock.now())


def example_commitments(world: World) -> None:
    world.add(
        "Revidera den lokala BUS-överenskommelsen",
        owner_role="förvaltningschef",
        dnr="2023/BUN 0148",
    )
    world.add("Följ upp rutinen för orosanmälan", deadline="under hösten 2027", owner="olle", owner_role="rektor")
    world.add("Inför systematiskt kvalitetsarbete", deadline="2027-09-30", owner=None, owner_role="enhetschef")


def test_list_in_the_committee_channel(world: World) -> None:
    world.quick_committee()
    example_commitments(world)
    done = world.add("Redan klart", deadline="2027-02-01")
    with world.bot.svc.db.write() as session:
        c = commitment_service.get_by_reference(session, done)
        commitment_service.set_status(session, world.actor("sara"), c, CommitmentStatus.DONE, world.clock.now())
    world.run("olle", "bun", "/atagande lista")
    answer = world.last("olle", "bun")
    assert answer.is_ephemeral
    text = world.slack.render_message(answer)
    assert "BUN – Barn- och utbildningsnämnden: 3 öppna åtaganden" in text
    lines = [line for line in text.splitlines() if "BUN-" in line]
    # Earliest deadline first; a closed commitment is not listed.
    assert [line.split()[1] for line in lines] == ["BUN-1", "BUN-3", "BUN-2"]
    assert "BUN-1 Revidera den lokala BUS-överenskommelsen — 30 april 2027 · @anna · Ej påbörjad" in text
    assert "BUN-3 Inför systematiskt kvalitetsarbete — 30 september 2027 · enhetschef · Ej påbörjad" in text
    assert "Visar 1–3 av 3." in text
    assert "Visa fler" not in text


def test_list_a_named_committee_anywhere(world: World) -> None:
    world.quick_committee()
    example_commitments(world)
    world.run("olle", "allmant", "/atagande lista bun")
    assert "BUN – Barn- och utbildningsnämnden: 3 öppna åtaganden" in world.last_text("olle", "allmant")


def test_list_in_an_unbound_channel_says_what_to_do(world: World) -> None:
    world.quick_committee()
    world.run("olle", "allmant", "/atagande lista")
    answer = world.last("olle", "allmant")
    assert answer.is_ephemeral
    assert (
        "Ingen nämnd är kopplad till den här kanalen. Ange nämnden, t.ex. /atagande lista BUN."
        in world.slack.render_message(answer)
    )
    world.run("olle", "allmant", "/atagande lista XYZ")
    assert "Det finns ingen nämnd med koden XYZ." in world.last_text("olle", "allmant")


def test_an_empty_committee(world: World) -> None:
    world.quick_committee()
    world.run("olle", "bun", "/atagande lista")
    assert "BUN har inga öppna åtaganden." in world.last_text("olle", "bun")


@pytest.mark.transports("socket", "http")
def test_long_lists_are_paged_with_show_more(world: World) -> None:
    world.quick_committee()
    add_many(world, 45)
    world.run("olle", "bun", "/atagande lista")
    first = world.last("olle", "bun")
    text = world.slack.render_message(first)
    assert "45 öppna åtaganden" in text
    assert text.count("Åtgärd ") == 40
    assert "Visar 1–40 av 45." in text
    assert "[ Visa fler ]" in text
    assert len(first.blocks) <= 50
    world.click("olle", first, "Visa fler")
    second = world.last("olle", "bun")
    assert second.ts == first.ts  # the answer is replaced in place
    text = world.slack.render_message(second)
    assert text.count("Åtgärd ") == 5
    assert "Visar 41–45 av 45." in text
    assert "Visa fler" not in text


def test_mine_lists_what_i_own(world: World) -> None:
    world.quick_committee()
    example_commitments(world)
    world.run("anna", "allmant", "/atagande mina")
    text = world.last_text("anna", "allmant")
    assert "Dina öppna åtaganden: 1" in text
    assert "BUN-1 Revidera den lokala BUS-överenskommelsen" in text
    assert "BUN-2" not in text
    world.run("sara", "allmant", "/atagande mina")
    assert "Du är inte ansvarig för något öppet åtagande." in world.last_text("sara", "allmant")


def test_mine_is_paged_too(world: World) -> None:
    world.quick_committee()
    add_many(world, 42)
    world.run("anna", "allmant", "/atagande mina")
    first = world.last("anna", "allmant")
    text = world.slack.render_message(first)
    assert "Dina öppna åtaganden: 42" in text
    assert "Visar 1–40 av 42." in text
    world.click("anna", first, "Visa fler")
    text = world.last_text("anna", "allmant")
    assert "Visar 41–42 av 42." in text and text.count("Åtgärd ") == 2


def search(world: World, query: str) -> str:
    world.run("olle", "allmant", f"/atagande sök {query}")
    return world.last_text("olle", "allmant")


def test_search_forgives_typos_missing_letters_and_finds_dnr_and_roles(world: World) -> None:
    world.quick_committee()
    example_commitments(world)
    for query in ("överenskomelsen", "overenskommelsen", "BUS-overenskommelsen", "2023/BUN 148", "2023/BUN 0148"):
        text = search(world, query)
        assert "BUN-1 Revidera den lokala BUS-överenskommelsen" in text, query
        assert "– 1 träff" in text, (query, text)
    text = search(world, "forvaltningschef")
    assert "BUN-1" in text and "BUN-2" not in text
    text = search(world, "orosanmalan")
    assert "BUN-2 Följ upp rutinen för orosanmälan" in text
    text = search(world, "Anna Andersson")
    assert "BUN-1" in text and "BUN-2" not in text


def test_search_by_reference_shows_that_commitment(world: World) -> None:
    world.quick_committee()
    example_commitments(world)
    text = search(world, "BUN-2")
    assert "– 1 träff" in text
    assert "BUN-2 Följ upp rutinen för orosanmälan" in text


def test_search_without_hits_and_without_words(world: World) -> None:
    world.quick_committee()
    example_commitments(world)
    assert "Inga åtaganden matchar ”simhall”." in search(world, "simhall")
    world.run("olle", "allmant", "/atagande sök")
    assert "Skriv vad du söker efter, t.ex. /atagande sök samverkan." in world.last_text("olle", "allmant")
    world.run("olle", "allmant", "/atagande sok    ")
    assert "Skriv vad du söker efter" in world.last_text("olle", "allmant")


def test_a_very_long_query_is_cut_and_the_answer_says_so(world: World) -> None:
    world.quick_committee()
    example_commitments(world)
    query = "överenskommelsen " + "x" * 483
    assert len(query) == 500
    text = search(world, query)
    assert "(frågan kortades till 200 tecken)" in text
    assert "x" * 200 not in text


def test_search_text_is_escaped(world: World) -> None:
    world.quick_committee()
    world.run("olle", "allmant", "/atagande sök <!channel> & <https://evil.example|här>")
    raw = json.dumps(world.last("olle", "allmant").blocks, ensure_ascii=False)
    assert "<!channel>" not in raw and "<https://evil" not in raw
    assert "&lt;!channel&gt; &amp;" in raw
