"""The follow-up pack ``/atagande rapport`` asks for, and where it is to be shared.

It lives beside the report rather than in ``bot.services``: the report's data
reads the services, so a service that collected reports would import it back.
Everyone may ask for a pack (it shows what lists and cards already show).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.errors import UserError
from bot.reports.data import Report, collect
from bot.services import committees as committee_service
from bot.services.context import Services


@dataclass(frozen=True)
class RequestedReport:
    report: Report
    channel_id: str | None  # the committee's channel; None when it has none


def requested_report(svc: Services, code: str | None, dnr: str | None, channel_id: str) -> RequestedReport:
    """The pack of committee `code` (or of the channel's committee when None), narrowed to case `dnr`."""
    with svc.db.read() as session:
        if code is None:
            bound = committee_service.committee_for_channel(session, channel_id)
            if bound is None:
                raise UserError("report_usage")
            code = bound.code
        report = collect(session, code, svc.clock.today(), svc.clock.now(), dnr=dnr)
        channel = committee_service.get_committee(session, report.committee_code).channel_id
    return RequestedReport(report=report, channel_id=channel)
