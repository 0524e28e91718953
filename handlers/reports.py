"""``/atagande rapport NÄMND [dnr] [format]``: the follow-up pack as a file in the committee's channel.

Everyone may ask for it: it is read-only and shows what lists and cards
already show. The file is built after the ack (the command runs in a lazy
listener) and shared with ``files_upload_v2``, which calls
``files.getUploadURLExternal`` and ``files.completeUploadExternal``
(``files.upload`` is retired). A committee without a channel, or a channel
the bot cannot post in, gets the file in the asker's DM instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.channel_join import join_before_sharing
from bot.reports.data import Report
from bot.reports.formats import FORMATS, Format, file_name, get_format
from bot.reports.requested import requested_report
from bot.services.context import Services
from bot.slack_format import channel_link

# A secretary mostly wants the pack to attach to the committee's agenda: a Word file.
DEFAULT_FORMAT = "docx"
# Slack's answers when the bot cannot share in the committee's channel; the DM still works.
_CHANNEL_UNAVAILABLE = ("not_in_channel", "channel_not_found", "is_archived", "restricted_action")
_MAX_FORMAT_WORD = 5


@dataclass(frozen=True)
class ReportRequest:
    """What ``/atagande rapport`` was asked for; None where the command left it out."""

    committee: str | None
    dnr: str | None
    format: str | None


def parse_request(text: str) -> ReportRequest:
    """``BUN``, ``BUN xlsx``, ``BUN 2023/BUN 0148 docx``; in a committee's channel also ``xlsx`` or ``2023/0148``.

    A diarienummer always has digits and a committee code begins with a letter,
    so a last word of a few letters is a format (a wrong one is named, not taken
    for part of a case number) and a first word beginning with a digit is the case.
    """
    words = text.split()
    fmt = None
    if words:
        last = words[-1].lower().removeprefix(".")
        if last in FORMATS or (len(words) > 1 and last.isalpha() and len(last) <= _MAX_FORMAT_WORD):
            fmt = words.pop()
    code = words.pop(0) if words and not words[0][0].isdigit() else None
    return ReportRequest(code, " ".join(words) or None, fmt)


def send_report(svc: Services, client: WebClient, respond: Respond, user_id: str, text: str, channel_id: str) -> None:
    """Build the requested pack and share it in the committee's channel (or the asker's DM)."""
    request = parse_request(text)
    fmt = get_format(request.format or DEFAULT_FORMAT)
    asked = requested_report(svc, request.committee, request.dnr, channel_id, user_id=user_id)
    report, channel = asked.report, asked.channel_id
    label = fmt.label(svc.texts)
    respond(
        text=svc.texts.get_md("report_started", code=report.committee_code, format=label), response_type="ephemeral"
    )
    data = fmt.render(report, svc.texts)
    key = "report_in_dm_no_channel"
    if channel is not None:
        if _shared_in_channel(svc, client, report, fmt, data, channel, user_id):
            answer = svc.texts.get_md(
                "report_posted", code=report.committee_code, format=label, channel=channel_link(channel)
            )
            respond(text=answer, response_type="ephemeral")
            return
        key = "report_in_dm_channel_failed"
    # The DM's conversation id comes back with the first message to it (no im:write needed).
    intro = client.chat_postMessage(
        channel=user_id, text=svc.texts.get_md("report_dm_intro", code=report.committee_code)
    )
    _share(svc, client, report, fmt, data, str(intro["channel"]), user_id)
    respond(text=svc.texts.get_md(key, code=report.committee_code, format=label), response_type="ephemeral")


def _shared_in_channel(
    svc: Services, client: WebClient, report: Report, fmt: Format, data: bytes, channel: str, user_id: str
) -> bool:
    """Share in the committee's channel; False if Slack says the bot cannot post there."""
    try:
        # A committee bound before binding made the bot join: join its public channel and share there.
        join_before_sharing(client, channel)
        _share(svc, client, report, fmt, data, channel, user_id)
    except SlackApiError as exc:
        if exc.response.get("error") in _CHANNEL_UNAVAILABLE:
            return False
        raise
    return True


def _share(
    svc: Services, client: WebClient, report: Report, fmt: Format, data: bytes, channel: str, user_id: str
) -> None:
    client.files_upload_v2(
        channel=channel,
        file=data,
        filename=file_name(report, fmt),
        title=svc.texts.get("report_file_title", code=report.committee_code, date=report.today),
        initial_comment=svc.texts.md(
            "report_uploaded.md.j2", report=report, user_id=user_id, format=fmt.label(svc.texts)
        ),
    )
