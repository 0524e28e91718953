"""What ``/atagande rapport …`` asks for: committee, diarienummer and format."""

from __future__ import annotations

import pytest

from handlers.reports import ReportRequest, parse_request


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ReportRequest(None, None, None)),
        ("BUN", ReportRequest("BUN", None, None)),
        ("bun xlsx", ReportRequest("bun", None, "xlsx")),
        ("BUN .DOCX", ReportRequest("BUN", None, ".DOCX")),
        ("BUN 2023/BUN 0148", ReportRequest("BUN", "2023/BUN 0148", None)),
        ("BUN  2023/BUN 0148  ics", ReportRequest("BUN", "2023/BUN 0148", "ics")),
        # In the committee's channel the code can be left out.
        ("xlsx", ReportRequest(None, None, "xlsx")),
        ("2023/0148", ReportRequest(None, "2023/0148", None)),
        ("2023/BUN 0148 csv", ReportRequest(None, "2023/BUN 0148", "csv")),
        # A wrong format is named as a format, not read as a case number.
        ("BUN pdf", ReportRequest("BUN", None, "pdf")),
        ("BUN 2023/BUN 0148 word", ReportRequest("BUN", "2023/BUN 0148", "word")),
    ],
)
def test_parse_request(text: str, expected: ReportRequest) -> None:
    assert parse_request(text) == expected
