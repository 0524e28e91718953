"""``/atagande rapport``: the follow-up pack arrives as a file in the committee's channel."""

from __future__ import annotations

import io

import openpyxl
import pytest
from docx import Document

from bot.standin.workspace import Message, StoredFile
from tests.scenario.conftest import World

STARTED = "Jag tar fram uppföljningsrapporten"


def ask(world: World, user: str, channel: str, text: str) -> str:
    """Run the command and wait for its last answer (the pack is built after a first "working on it")."""
    world.run(user, channel, text)

    def answered() -> bool:
        mine = world.ephemeral_of(user, channel)
        return bool(mine) and STARTED not in mine[-1]

    world.slack.wait_for(answered, timeout=30, what="the report's answer")
    world.bot.settle()
    return world.ephemeral_of(user, channel)[-1]


def shared_files(world: World) -> list[StoredFile]:
    with world.slack.workspace.lock:
        return [f for f in world.slack.workspace.files.values() if f.completed]


def file_message(world: World, user: str, channel_id: str) -> Message:
    found = [m for m in world.slack.visible_messages(user, channel_id) if m.files and not m.is_ephemeral]
    assert len(found) == 1, [world.slack.render_message(m) for m in world.slack.visible_messages(user, channel_id)]
    return found[0]


def example(world: World) -> None:
    world.quick_committee()
    world.add(
        "Revidera den lokala BUS-överenskommelsen",
        owner_role="förvaltningschef",
        dnr="2023/BUN 0148",
        recommendation="Säkerställ att rutinen för orosanmälan är känd",
    )
    world.add("Följ upp rutinen för orosanmälan", deadline="under hösten 2027", owner="olle", dnr="2024/BUN 0007")
    world.add("Inför systematiskt kvalitetsarbete", deadline="2027-09-30", owner=None, owner_role="enhetschef")


@pytest.mark.transports("socket", "http")
def test_anyone_gets_the_pack_as_word_in_the_committee_channel(world: World) -> None:
    example(world)
    answer = ask(world, "olle", "allmant", "/atagande rapport BUN")
    bun = world.slack.channel("bun").id
    assert "Uppföljningsrapporten för BUN (Word) ligger nu i #bun." in answer
    [stored] = shared_files(world)
    assert stored.name == "uppfoljning-BUN-2027-01-11.docx"
    assert stored.channels == [bun]
    assert stored.title == "Uppföljning av åtaganden BUN 11 januari 2027"
    # The new upload API, never the retired files.upload.
    assert world.slack.calls_to("files.getUploadURLExternal") and world.slack.calls_to("files.completeUploadExternal")
    assert not world.slack.calls_to("files.upload")
    message = file_message(world, "anna", bun)
    text = world.slack.render_message(message)
    assert "Uppföljning av åtaganden – BUN Barn- och utbildningsnämnden, sammanställd 11 januari 2027 åt @olle" in text
    assert "3 åtaganden · 🔴 0 · 🟡 0 · 🟢 3" in text
    assert message.files[0]["name"] == stored.name
    assert stored.content is not None
    document = Document(io.BytesIO(stored.content))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert "Ärende 2023/BUN 0148" in headings
    assert "Rekommendation 1" in headings
    assert "BUN-1: Revidera den lokala BUS-överenskommelsen" in headings
    assert "Åtaganden utan ärende" in headings
    assert len(document.inline_shapes) == 1


def test_one_case_as_excel_in_the_channel_the_command_came_from(world: World) -> None:
    example(world)
    answer = ask(world, "sara", "bun", "/atagande rapport xlsx")
    assert "(Excel) ligger nu i" in answer
    [stored] = shared_files(world)
    assert stored.name == "uppfoljning-BUN-2027-01-11.xlsx"
    world.slack.clear_calls()
    ask(world, "sara", "bun", "/atagande rapport BUN 2023/bun 148 XLSX")
    case_file = next(f for f in shared_files(world) if f.id != stored.id)
    assert case_file.name == "uppfoljning-BUN-2023-BUN-0148-2027-01-11.xlsx"
    assert case_file.content is not None
    sheet = openpyxl.load_workbook(io.BytesIO(case_file.content))["Åtaganden"]
    assert [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["BUN-1"]


def test_a_case_asked_for_in_the_committee_channel(world: World) -> None:
    example(world)
    answer = ask(world, "anna", "bun", "/atagande rapport 2023/0148 md")
    assert "Uppföljningsrapporten för BUN (Markdown) ligger nu i #bun." in answer
    [stored] = shared_files(world)
    assert stored.name == "uppfoljning-BUN-2023-BUN-0148-2027-01-11.md"
    assert stored.content is not None
    text = stored.content.decode("utf-8")
    assert "BUN-1: Revidera den lokala BUS-överenskommelsen" in text and "BUN-2" not in text
    assert "Ärende 2023/BUN 0148" in text


def test_a_committee_without_a_channel_gets_it_in_the_dm(world: World) -> None:
    world.quick_committee(channel="")
    world.add("Revidera den lokala BUS-överenskommelsen")
    answer = ask(world, "sara", "allmant", "/atagande rapport BUN ics")
    assert "BUN har ingen kanal, så jag skickade uppföljningsrapporten (kalender (ICS)) till dig" in answer
    assert "/atagande kanal BUN" in answer
    dm = world.slack.dm("sara").id
    [stored] = shared_files(world)
    assert stored.channels == [dm]
    assert stored.name.endswith(".ics")
    assert stored.content is not None and b"SUMMARY:BUN-1: Revidera den lokala BUS-" in stored.content
    assert "Här är uppföljningsrapporten för BUN." in world.dm_text("sara")
    file_message(world, "sara", dm)


def test_a_private_channel_without_the_bot_falls_back_to_the_dm(world: World) -> None:
    world.slack.add_channel("bun-intern", is_private=True, members=["sara", "olle"])
    world.quick_committee(channel="")
    world.bind_without_joining("BUN", "bun-intern")  # bound before binding checked the bot was invited
    world.add("Revidera den lokala BUS-överenskommelsen")
    answer = ask(world, "olle", "allmant", "/atagande rapport BUN csv")
    assert "Jag kunde inte publicera uppföljningsrapporten i nämndens kanal" in answer
    [stored] = shared_files(world)
    assert stored.channels == [world.slack.dm("olle").id]
    assert stored.content is not None and stored.content.startswith("\ufeff".encode())


def test_bad_requests_get_a_swedish_sentence_and_no_file(world: World) -> None:
    example(world)
    assert "Det finns ingen nämnd med koden XYZ. Den enda nämnden är BUN." in ask(
        world, "olle", "allmant", "/atagande rapport XYZ"
    )
    assert "Formatet ”pdf” finns inte. Välj md, csv, xlsx, docx eller ics." in ask(
        world, "olle", "allmant", "/atagande rapport BUN pdf"
    )
    assert "Det finns inget ärende med diarienummer 2099/BUN 1 i BUN." in ask(
        world, "olle", "allmant", "/atagande rapport BUN 2099/BUN 1"
    )
    assert "Ange nämnden, t.ex. /atagande rapport BUN" in ask(world, "olle", "allmant", "/atagande rapport")
    assert shared_files(world) == []
    assert not world.slack.calls_to("files.getUploadURLExternal")


def test_help_names_the_report(world: World) -> None:
    world.run("olle", "allmant", "/atagande hjälp")
    text = world.last_text("olle", "allmant")
    assert "/atagande rapport BUN" in text and "ics" in text
