"""The follow-up pack as Markdown and CSV, and what the formats are called."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.domain.errors import UserError
from bot.reports.csv_format import render_csv
from bot.reports.data import Report, collect
from bot.reports.formats import FORMATS, file_name, get_format
from bot.reports.markdown import render_markdown
from bot.services import commitments as cs
from bot.texts import Texts
from storage.db import Database
from tests.reports.conftest import DNR, EVIDENCE, REASON, RECOMMENDATIONS, SECRETARY, Seeded, seed


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Swedish Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_reads_back_one_row_per_commitment_and_per_unanswered_recommendation(report: Report, texts: Texts) -> None:
    data = render_csv(report, texts)
    assert b"\r\n" in data and data.count(b";") > 100
    rows = _csv_rows(data)
    assert [r["Referens"] for r in rows] == ["BUN-1", "BUN-2", "BUN-3", "", "BUN-4", "BUN-7", "BUN-5", "BUN-6"]
    # The third recommendation, which no commitment answers, has a row of its own that says so.
    unanswered = rows.pop(3)
    assert (unanswered["Ärende"], unanswered["Rekommendation"]) == (DNR, RECOMMENDATIONS[2])
    assert unanswered["Åtagande"] == "Inget åtagande är registrerat för rekommendationen."
    assert unanswered["Status"] == unanswered["Trafikljus"] == unanswered["Klart senast"] == ""
    first = rows[0]
    assert first["Ärende"] == DNR
    assert first["Rekommendation"].startswith("Säkerställ att rutinen")
    assert first["Åtagande"] == "Revidera den lokala BUS-överenskommelsen"
    assert (first["Ansvarig"], first["Roll"]) == ("Anna Andersson", "förvaltningschef")
    # The date, and its wording in the committee's answer, under the glossary's names.
    assert (first["Klart senast"], first["Klart senast (formulering i svaret)"]) == ("2027-12-31", "under hösten 2027")
    original = (first["Ursprungligt slutdatum"], first["Ursprungligt slutdatum (formulering i svaret)"])
    assert original == ("2027-04-30", "senast i april 2027")
    assert (first["Status"], first["Trafikljus"]) == ("Försenad", "Röd")
    # The reason keeps its semicolon: the field is quoted, not split.
    assert REASON in first["Ändrat slutdatum och skäl"]
    done = rows[3]
    assert (done["Rekommendation"], done["Underlag"], done["Kommenterat"]) == (
        "Övriga åtaganden",
        EVIDENCE,
        "2027-01-13",
    )
    assert rows[5]["Ärende"] == "Åtaganden utan ärende"


def test_csv_never_hands_excel_a_formula(db: Database, clock: ManualClock, seeded: Seeded, texts: Texts) -> None:
    with db.write() as s:
        c = cs.get_by_reference(s, "BUN-5")
        cs.add_comment(s, SECRETARY, c, '=HYPERLINK("https://evil.example";"klicka")', None, clock.now())
    with db.read() as s:
        report = collect(s, "BUN", clock.today(), clock.now())
    row = next(r for r in _csv_rows(render_csv(report, texts)) if r["Referens"] == "BUN-5")
    assert row["Senaste kommentar"] == '\'=HYPERLINK("https://evil.example";"klicka")'


def test_markdown(report: Report, texts: Texts) -> None:
    text = render_markdown(report, texts)
    assert text.startswith("# Uppföljning av åtaganden – BUN\n")
    assert "Barn- och utbildningsnämnden (BUN) · Sammanställd 18 januari 2027" in text
    assert "| Ej påbörjad | 3 |" in text and "| **Totalt** | **7** |" in text
    assert "Trafikljus: 🔴 Röd 1 · 🟡 Gul 1 · 🟢 Grön 4 · ⚪ Ingen (avbrutet) 1" in text
    assert "## Ärende 2023/BUN 0148 – Granskning av samverkan kring barn som far illa" in text
    assert "_Granskning: EY · revisionsrapport 10 mars 2023 · nämndens svar 20 april 2023_" in text
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[2:8] == [
        "## Ärende 2023/BUN 0148 – Granskning av samverkan kring barn som far illa",
        "### Rekommendation 1",
        "#### 🔴 BUN-1: Revidera den lokala BUS-överenskommelsen",
        "#### 🟢 BUN-2: Gå igenom rutinen för orosanmälan med alla rektorer",
        "### Rekommendation 2",
        "#### 🟡 BUN-3: Följ upp samverkan med socialtjänsten på ledningsnivå",
    ]
    assert "### Övriga åtaganden" in headings and "## Åtaganden utan ärende" in headings
    # No recommendation heading under "Åtaganden utan ärende": it has only the one group.
    assert headings[headings.index("## Åtaganden utan ärende") + 1].startswith("#### ")
    assert "_Inget åtagande är registrerat för rekommendationen._" in text
    assert "- **Klart senast:** 31 december 2027 (”under hösten 2027”)" in text
    assert "- **Ursprungligt slutdatum:** 30 april 2027 (”senast i april 2027”)" in text
    assert "- **Senaste kommentar:** ”Andra genomgången är bokad till mars” (13 januari 2027, Sara Sekreterare)" in text
    assert f"- **Underlag:** <{EVIDENCE}>" in text
    assert "- **Ansvarig:** Bo Berg (rektor)" in text and "- **Återkommer:** två gånger per läsår" in text


def test_markdown_escapes_what_people_wrote(db: Database, clock: ManualClock, seeded: Seeded, texts: Texts) -> None:
    with db.write() as s:
        c = cs.get_by_reference(s, "BUN-5")
        cs.add_comment(
            s, SECRETARY, c, "Se [länk](https://evil.example) och *detta*\n# inte en rubrik", None, clock.now()
        )
    with db.read() as s:
        text = render_markdown(collect(s, "BUN", clock.today(), clock.now()), texts)
    assert r"Se \[länk\](https://evil.example) och \*detta\* \# inte en rubrik" in text
    assert "\n# inte en rubrik" not in text


def test_an_empty_pack_says_so(db: Database, clock: ManualClock, seeded: Seeded, texts: Texts) -> None:
    with db.read() as s:
        report = collect(s, "SN", clock.today() + timedelta(days=1), clock.now())
    assert "SN-1" in render_markdown(report, texts)
    empty = Report("KS", "Kommunstyrelsen", None, clock.today(), clock.now())
    assert "KS har inga åtaganden att följa upp." in render_markdown(empty, texts)
    assert len(_csv_rows(render_csv(empty, texts))) == 0


def test_formats_and_file_names(report: Report) -> None:
    assert sorted(FORMATS) == ["csv", "docx", "ics", "md", "xlsx"]
    assert get_format("XLSX") is FORMATS["xlsx"] and get_format(".docx") is FORMATS["docx"]
    with pytest.raises(UserError) as bad:
        get_format("pdf")
    assert (bad.value.key, bad.value.params) == ("report_bad_format", {"value": "pdf"})
    assert file_name(report, FORMATS["xlsx"]) == "uppfoljning-BUN-2027-01-18.xlsx"
    one_case = Report("BUN", "x", DNR, report.today, report.now)
    assert file_name(one_case, FORMATS["docx"]) == "uppfoljning-BUN-2023-BUN-0148-2027-01-18.docx"
    assert (
        file_name(Report("BÅN", "x", None, report.today, report.now), FORMATS["md"]) == "uppfoljning-BAN-2027-01-18.md"
    )


def test_a_comments_date_is_the_day_where_the_bot_is_set_to_run(db: Database, texts: Texts) -> None:
    # ATAGANDE_TIMEZONE gives the clock its zone. Seeded from 20:00 in Los Angeles, the comments are
    # written on 13 January there, which is already 14 January in Stockholm.
    west = ZoneInfo("America/Los_Angeles")
    clock = ManualClock(datetime(2027, 1, 11, 20, 0, tzinfo=west), west)
    seeded = seed(db, clock)
    with db.read() as s:
        report = collect(s, "BUN", clock.today(), clock.now())
    rows = _csv_rows(render_csv(report, texts))
    commented = next(r for r in rows if r["Referens"] == seeded.recurring)
    assert commented["Kommenterat"] == "2027-01-13"
