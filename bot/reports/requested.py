"""The follow-up pack ``/atagande rapport`` asks for, and where it is to be shared.

It lives beside the report rather than in ``bot.services``: the report's data
reads the services, so a service that collected reports would import it back.
Everyone may ask for a pack of a committee whose list they may read (it shows
what lists and cards already show): a guest only in the committee's channel.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.errors import UserError
from bot.reports.data import Report, collect
from bot.services import committees as committee_service
from bot.services.context import Services
from bot.services.reading import readable_committees


@dataclass(frozen=True)
class RequestedReport:
    report: Report
    channel_id: str | None  # the committee's channel; None when it has none


def requested_report(
    svc: Services, code: str | None, dnr: str | None, channel_id: str, *, user_id: str
) -> RequestedReport:
    """The pack of committee `code` (or of the channel's committee when None), narrowed to case `dnr`."""
    actor = svc.actor(user_id)  # may ask Slack: before the transaction
    with svc.db.read() as session:
        if code is None:
            bound = committee_service.committee_for_channel(session, channel_id)
            if bound is None:
                raise UserError("report_usage")
            code = bound.code
        # collect names an unknown code (with the codes there are); the pack is only read, so
        # checking after it shows a guest nothing more.
        report = collect(session, code, svc.clock.today(), svc.clock.now(), dnr=dnr)
        committee = committee_service.get_committee(session, report.committee_code)
        readable_committees(session, actor, channel_id).check_committee(committee)
    return RequestedReport(report=report, channel_id=committee.channel_id)
