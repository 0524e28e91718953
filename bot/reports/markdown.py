"""The follow-up pack as Markdown, rendered from ``templates/report.md.j2``."""

from __future__ import annotations

from typing import Any

from bot.reports import facts
from bot.reports.data import Report
from bot.texts import Texts


def render_markdown(report: Report, texts: Texts) -> str:
    """Headings per case, recommendation and commitment, each commitment's facts as a list."""
    cases: list[tuple[Any, ...]] = []
    for case in report.cases:
        groups = [
            (
                group,
                facts.recommendation_heading(texts, group) if facts.shows_heading(case, group) else None,
                [(row, texts.get(f"light_{row.light.value}"), facts.facts(texts, row)) for row in group.commitments],
            )
            for group in case.recommendations
        ]
        cases.append((case, facts.case_heading(texts, case), facts.case_facts(texts, case), groups))
    statuses = [(texts.get(f"status_{s.value}"), n) for s, n in report.status_counts().items()]
    lights = [
        (texts.get(f"light_{lamp.value}"), texts.get(f"light_name_{lamp.value}"), n)
        for lamp, n in report.light_counts().items()
    ]
    return texts.plain("report.md.j2", report=report, t=texts.get, cases=cases, statuses=statuses, lights=lights) + "\n"
