"""The formats of the follow-up pack: what each is called, its file name, and how it is made."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.errors import UserError
from bot.reports.csv_format import render_csv
from bot.reports.data import Report
from bot.reports.ics import render_ics
from bot.reports.markdown import render_markdown
from bot.texts import Texts


@dataclass(frozen=True)
class Format:
    """One way to write a report."""

    name: str
    extension: str
    media_type: str
    # Text formats can go to a terminal; the others are files only.
    is_text: bool
    render: Callable[[Report, Texts], bytes]

    def label(self, texts: Texts) -> str:
        """The format's name in a Swedish sentence ("Word", "kalender (ICS)")."""
        return texts.get(f"report_format_{self.name}")


def _markdown(report: Report, texts: Texts) -> bytes:
    return render_markdown(report, texts).encode("utf-8")


# openpyxl, python-docx and matplotlib are imported when a file is made, not when the bot starts
# (matplotlib alone adds half a second to every start).
def _xlsx(report: Report, texts: Texts) -> bytes:
    from bot.reports.xlsx import render_xlsx

    return render_xlsx(report, texts)


def _docx(report: Report, texts: Texts) -> bytes:
    from bot.reports.docx import render_docx

    return render_docx(report, texts)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("md", "md", "text/markdown", True, _markdown),
        Format("csv", "csv", "text/csv", True, render_csv),
        Format("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False, _xlsx),
        Format(
            "docx",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            False,
            _docx,
        ),
        Format("ics", "ics", "text/calendar", True, render_ics),
    )
}


def get_format(name: str) -> Format:
    """The format by name, case and a leading dot ignored ("XLSX", ".docx").

    Raises:
        UserError: ``report_bad_format`` for a name that is not one of them.
    """
    key = name.strip().lower().removeprefix(".")
    found = FORMATS.get(key)
    if found is None:
        raise UserError("report_bad_format", field="format", value=name.strip()[:20])
    return found


def file_name(report: Report, fmt: Format) -> str:
    """``uppfoljning-BUN-2026-12-02.xlsx``, with the case's number when the report is for one case."""
    parts = ["uppfoljning", report.committee_code]
    if report.case_dnr:
        parts.append(report.case_dnr)
    parts.append(report.today.isoformat())
    # ASCII letters, digits and dashes only: the name goes through mail, Slack and Windows folders.
    safe = [re.sub(r"[^A-Za-z0-9]+", "-", p.translate(_PLAIN_LETTERS)).strip("-") for p in parts]
    return "-".join(p for p in safe if p) + "." + fmt.extension


_PLAIN_LETTERS = str.maketrans("ÅÄÖåäöÉé", "AAOaaoEe")
