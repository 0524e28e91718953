"""The committee's plan read for an import's review and confirmation (`import_ties` dates each finding in it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.committee_year import plan_for
from bot.services.import_ties import PlanDate, in_plan, tie_of
from storage.models import Committee

__all__ = ["PlanDate", "in_plan", "plan_dates", "tie_of"]


def plan_dates(
    session: Session, findings: list[dict[str, Any]], committee_code: str | None, today: date
) -> dict[int, PlanDate]:
    """Each tied commitment finding (by index) dated in the committee's plan; nothing without a committee."""
    code = (committee_code or "").strip().upper()
    committee_id = session.scalar(select(Committee.id).where(Committee.code == code)) if code else None
    if committee_id is None:
        return {}
    plan = plan_for(session, committee_id)
    out: dict[int, PlanDate] = {}
    for f in findings:
        if f.get("kind") != "commitment":
            continue
        dated = in_plan(f, plan, today)
        if dated is not None:
            out[int(f["index"])] = dated
    return out
