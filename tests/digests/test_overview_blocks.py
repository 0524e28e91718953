"""The monthly overview message: a table of lights with totals, the rest summarised, the chart."""

from __future__ import annotations

from datetime import timedelta

from bot.digests.blocks import overview_chart_groups, overview_chart_title, overview_message
from bot.digests.content import CommitteeCounts, Counts, Overview
from bot.services.traffic import Light
from storage.models import CommitmentStatus
from tests.digests.helpers import NOW, TEXTS, _section_texts, _valid


def _counts(red: int, yellow: int, green: int, overdue: int = 0) -> Counts:
    by_status = dict.fromkeys(CommitmentStatus, 0)
    by_status[CommitmentStatus.NOT_STARTED] = red + yellow
    by_status[CommitmentStatus.DONE] = green
    by_light = {Light.RED: red, Light.YELLOW: yellow, Light.GREEN: green, Light.NONE: 0}
    return Counts(by_status, by_light, overdue)


def _overview(committees: list[CommitteeCounts]) -> Overview:
    totals = dict.fromkeys(CommitmentStatus, 0)
    lights = dict.fromkeys(Light, 0)
    overdue = 0
    for line in committees:
        for status, count in line.counts.by_status.items():
            totals[status] += count
        for lamp, count in line.counts.by_light.items():
            lights[lamp] += count
        overdue += line.counts.overdue
    return Overview("2026-12", NOW + timedelta(days=1), tuple(committees), Counts(totals, lights, overdue))


def test_overview_is_a_table_of_lights_with_totals() -> None:
    overview = _overview(
        [
            CommitteeCounts(1, "BUN", "Barn- och utbildningsnämnden", _counts(3, 5, 12, overdue=2)),
            CommitteeCounts(2, "KS", "Kommunstyrelsen <ks>", _counts(0, 0, 0)),
            CommitteeCounts(3, "SN", "Socialnämnden", _counts(1, 0, 4)),
        ]
    )
    message = overview_message(TEXTS, overview)
    _valid(message)
    assert message.blocks[0]["text"]["text"] == "Månadsöversikt december 2026 – alla nämnder"
    assert _section_texts(message)[0] == (
        "Läget den 1 december 2026: *9 öppna åtaganden* i 3 nämnder, varav *2 har passerat slutdatumet*."
    )
    table = [field["text"] for field in message.blocks[2]["fields"]]
    assert table == [
        "*Nämnd*",
        "*🔴 röd · 🟡 gul · 🟢 grön*",
        "*BUN* Barn- och utbildningsnämnden",
        "🔴 3 · 🟡 5 · 🟢 12 · 2 har passerat slutdatumet",
        "*KS* Kommunstyrelsen &lt;ks&gt;",
        "🔴 0 · 🟡 0 · 🟢 0 · inga åtaganden",
        "*SN* Socialnämnden",
        "🔴 1 · 🟡 0 · 🟢 4",
    ]
    assert [field["text"] for field in message.blocks[3]["fields"]] == [
        "*Totalt*",
        "🔴 4 · 🟡 5 · 🟢 16 · 2 har passerat slutdatumet",
    ]
    assert message.blocks[4]["elements"][0]["text"] == ("Ej påbörjad 9 · Pågår 0 · Klar 16 · Försenad 0 · Avbruten 0")
    assert message.text == "Månadsöversikt december 2026: 9 öppna åtaganden i 3 nämnder – 4 röda, 5 gula, 16 gröna."


def test_overview_of_300_committees_summarises_the_rest() -> None:
    committees = [CommitteeCounts(n, f"K{n:03d}", f"Nämnd {n}", _counts(n % 7, n % 3, n % 11)) for n in range(300)]
    message = overview_message(TEXTS, _overview(committees))
    _valid(message)
    cells = [field["text"] for block in message.blocks if "fields" in block for field in block["fields"]]
    listed = [cell for cell in cells if cell.startswith("*K")]
    more = [cell for cell in cells if cell.startswith("… och ")]
    assert more == [f"… och {300 - len(listed)} nämnder till"]
    assert listed == [f"*K{n:03d}* Nämnd {n}" for n in range(len(listed))]
    assert "De räknas med i totalen och i diagrammet." in cells
    # The totals still count all 300.
    assert message.blocks[-2]["fields"][0]["text"] == "*Totalt*"
    big = _overview([CommitteeCounts(1, "BUN", "Barn", _counts(12345, 0, 0))])
    assert "12\u00a0345 öppna åtaganden" in _section_texts(overview_message(TEXTS, big))[0]


def test_overview_without_committees() -> None:
    message = overview_message(TEXTS, _overview([]))
    _valid(message)
    assert "det finns inga nämnder ännu" in _section_texts(message)[0]


def test_chart_groups_and_title() -> None:
    overview = _overview(
        [
            CommitteeCounts(1, "BUN", "Barn- och utbildningsnämnden", _counts(3, 5, 12)),
            CommitteeCounts(3, "SN", "Socialnämnden", _counts(1, 0, 4)),
        ]
    )
    groups = overview_chart_groups(overview)
    assert [code for code, _ in groups] == ["BUN", "SN"]
    assert all(list(counts) == list(CommitmentStatus) for _, counts in groups)
    assert groups[0][1][CommitmentStatus.NOT_STARTED] == 8
    assert groups[0][1][CommitmentStatus.DONE] == 12
    assert groups[1][1][CommitmentStatus.CANCELLED] == 0
    assert overview_chart_title(TEXTS, overview) == "Åtagandenas status per nämnd, december 2026"
