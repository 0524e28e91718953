"""Duplicates: one finding for a commitment stated twice, with the facts of both."""

from __future__ import annotations

from datetime import date

from bot.extraction import Finding
from bot.extraction.merge import dedupe
from tests.extraction.helpers import commitments, run


def _f(text: str, span: tuple[int, int], **kw: object) -> Finding:
    base: dict[str, object] = {
        "kind": "commitment",
        "deadlines": (),
        "deadline_phrase": None,
        "recurrence": None,
        "owner": None,
        "committee": None,
        "confidence": 0.5,
    }
    base.update(kw)
    return Finding(text=text, span=span, **base)  # type: ignore[arg-type]


def test_near_duplicates_merge_and_keep_each_others_facts() -> None:
    summary = _f("Förvaltningen kommer att revidera riktlinjen under 2024.", (0, 50), deadlines=(date(2024, 12, 31),))
    body = _f("Forvaltningen kommer att revidera riktlinjen.", (100, 150), owner="Ekonomichefen", confidence=0.7)
    other = _f("Förvaltningen kommer att ta fram en ny rutin för orosanmälan.", (200, 260))
    merged, moved = dedupe([summary, body, other])
    assert len(merged) == 2
    kept = next(f for f in merged if f.span in ((0, 50), (100, 150)))
    assert kept.deadlines == (date(2024, 12, 31),) and kept.owner == "Ekonomichefen"
    assert moved in ({(100, 150): (0, 50)}, {(0, 50): (100, 150)})


def test_different_kinds_never_merge() -> None:
    rec = _f("Nämnden bör revidera riktlinjen.", (0, 30), kind="recommendation")
    com = _f("Nämnden bör revidera riktlinjen.", (40, 70))
    merged, _ = dedupe([rec, com])
    assert len(merged) == 2


def test_parallel_list_items_are_not_merged() -> None:
    """A "Svar: Vi kommer" list repeats its frame; each item is its own promise."""
    from bot.extraction.merge import same_content
    from bot.language.normalize import fold

    verbs = ["revidera", "utvärdera", "kartlägga", "förankra", "dokumentera"]
    things = ["rutinen för orosanmälan hos rektorerna", "SIP-processen inom elevhälsan"]
    items = [fold(f"att under 2025 {verb} {thing}") for thing in things for verb in verbs]
    assert not any(same_content(a, b) for a in items for b in items if a != b)
    assert not same_content(fold("att revidera rutin 3 under 2025"), fold("att revidera rutin 4 under 2025"))


def test_a_restatement_with_ocr_damage_and_an_added_sentence_is_the_same() -> None:
    from bot.extraction.merge import same_content
    from bot.language.normalize import fold

    summary = fold("Förvaltningen kommer att revidera riktlinjen för intern kontroll under 2024.")
    body = fold(
        "Férvaltningen kommer att revidera riktlinjen fér intern kontroll under 2024. Ekonomichefen ansvarar för detta."
    )
    assert same_content(summary, body) and same_content(body, summary)


def test_a_long_list_of_parallel_promises_with_one_deadline_stays_a_list() -> None:
    verbs = ["revidera", "utvärdera", "kartlägga", "förankra", "dokumentera", "kommunicera", "analysera", "införa"]
    items = "\n\n".join(f"att under 2025 {verb} rutinen för orosanmälan hos rektorerna," for verb in verbs * 2)
    text = "Rekommendation: Nämnden bör se över samverkan.\n\nSvar: Vi kommer\n" + items + "\n"
    found = commitments(run(text, document_date=date(2024, 9, 12)))
    assert len({f.text for f in found}) == len(verbs)


def test_the_same_task_given_to_two_owners_is_two_tasks() -> None:
    first = _f(
        "Förvaltningen får i uppdrag att ta fram ett regelverk för föreningarnas intäkter i lokalerna senast december.",
        (0, 90),
        owner="Förvaltningen",
        deadlines=(date(2012, 12, 31),),
    )
    second = _f(
        "Kommunstyrelsen får i uppdrag att ta fram ett regelverk för föreningarnas intäkter i lokalerna "
        "senast december.",
        (900, 990),
        owner="Kommunstyrelsen",
        deadlines=(date(2012, 12, 31),),
    )
    merged, _ = dedupe([first, second])
    assert sorted(f.owner or "" for f in merged) == ["Förvaltningen", "Kommunstyrelsen"]


def test_a_pages_undated_lead_is_the_dated_task_its_body_gives_in_full() -> None:
    # Written by the team in the shape of an agency's page on a government task.
    page = (
        "Enhetlig tillsyn\n\n"
        "Boverket ska som samordnande myndighet utveckla samarbetsformer och genomföra åtgärder i syfte att "
        "främja en mer enhetlig tillsyn enligt plan- och bygglagen.\n\n"
        "Regeringen uppdrar åt Boverket, som samordnande myndighet, att tillsammans med länsstyrelserna utveckla "
        "samarbetsformer och genomföra åtgärder i syfte att främja en mer enhetlig tillsyn enligt plan- och "
        "bygglagen.\n\n"
        "Boverket ska slutredovisa uppdraget till Regeringskansliet senast den 31 december 2027.\n\n"
        "Boverket ska också årligen redovisa hur arbetet fortlöper.\n"
    )
    found = commitments(run(page, document_date=date(2026, 1, 15), today=date(2026, 1, 15)))
    assert not any(f.text.startswith("Boverket ska som samordnande") for f in found)
    assert any(f.deadlines == (date(2027, 12, 31),) for f in found)
    assert any("årligen" in f.text for f in found)  # a duty of its own stays


def test_the_same_work_due_at_two_dates_is_two_promises() -> None:
    # Found by a new user: in a long answer, "… i område Väster senast i juni 2028" vanished beside "… i område
    # Väster senast i mars 2028" (the same words but the month).
    first = _f(
        "Kvalitetsstrategen ska ta fram en ny rutin för uppföljning i område Väster senast i mars 2028.",
        (0, 90),
        deadlines=(date(2028, 3, 31),),
    )
    second = _f(
        "Kvalitetsstrategen ska ta fram en ny rutin för uppföljning i område Väster senast i juni 2028.",
        (500, 590),
        deadlines=(date(2028, 6, 30),),
    )
    merged, _moved = dedupe([first, second])
    assert sorted(f.deadlines for f in merged) == [(date(2028, 3, 31),), (date(2028, 6, 30),)]
