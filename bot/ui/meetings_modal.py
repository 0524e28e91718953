"""The sammanträdesplan modal: a committee's meetings of one year, a date picker each.

Slack cannot clear a date picker once a date is chosen, so removing a meeting is a multi-select
of the year's meetings; a few empty pickers add new ones. The modal remembers the committee, the
year, the channel it was opened in and the day each picker had (so a changed picker is a moved
meeting, not a removed and a new one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.services.meeting_form import MeetingsForm
from bot.texts import Texts
from bot.ui import blocks as bk
from bot.ui.modals import state_value

MEETINGS_CALLBACK = "committee_meetings"
NEW_PICKERS = 3
# block_id → action_id of the fields other than the pickers.
FIELDS = {
    "remove": "remove_value",
    "agenda_days": "agenda_days_value",
    "premeeting_days": "premeeting_days_value",
    "premeeting_report": "premeeting_report_value",
}
_PICKER_ACTION = "day_value"
_REPORT = "word"


@dataclass(frozen=True)
class OpenedFor:
    """What the submitted modal was opened for, from its (signed) private_metadata."""

    code: str
    year: int
    channel: str
    days: tuple[date, ...]


def meetings_modal(texts: Texts, form: MeetingsForm, channel_id: str) -> bk.Block:
    blocks: list[bk.Block] = [
        bk.section(
            texts.md("meetings_intro.md.j2", code=form.code, name=form.name, year=form.year, count=len(form.meetings))
        )
    ]
    for number, day in enumerate(form.meetings, start=1):
        picker = bk.datepicker(_PICKER_ACTION, day.isoformat(), placeholder=texts.get("placeholder_meeting_day"))
        blocks.append(bk.input_block(f"meeting_{number - 1}", texts.get("meetings_meeting", number=number), picker))
    for number in range(1, NEW_PICKERS + 1):
        picker = bk.datepicker(_PICKER_ACTION, placeholder=texts.get("placeholder_meeting_day"))
        hint = texts.get("meetings_new_hint") if number == 1 else None
        label = texts.get("meetings_new", number=number)
        blocks.append(bk.input_block(f"new_{number - 1}", label, picker, optional=True, hint=hint))
    if form.meetings:
        options = [bk.option(texts.get("meeting_day", day=d), d.isoformat()) for d in form.meetings]
        remove: bk.Block = {
            "type": "multi_static_select",
            "action_id": FIELDS["remove"],
            "options": options,
            "placeholder": bk.plain(texts.get("placeholder_meetings_remove"), bk.PLACEHOLDER),
        }
        blocks.append(
            bk.input_block(
                "remove", texts.get("meetings_remove"), remove, optional=True, hint=texts.get("meetings_remove_hint")
            )
        )
    blocks += [
        bk.days_input(
            "agenda_days",
            texts.get("meetings_agenda_days"),
            FIELDS["agenda_days"],
            form.agenda_days,
            placeholder=texts.get("placeholder_days", days=15),
            hint=texts.get("meetings_agenda_hint"),
        ),
        bk.days_input(
            "premeeting_days",
            texts.get("meetings_premeeting_days"),
            FIELDS["premeeting_days"],
            form.premeeting_days,
            placeholder=texts.get("placeholder_days", days=5),
        ),
        bk.input_block(
            "premeeting_report",
            texts.get("meetings_premeeting_report"),
            _report_box(texts, form.premeeting_report),
            optional=True,
        ),
    ]
    meta = {
        "code": form.code,
        "year": form.year,
        "channel": channel_id,
        "days": [d.isoformat() for d in form.meetings],
    }
    return bk.modal(
        MEETINGS_CALLBACK,
        texts.get("modal_meetings", year=form.year),
        blocks,
        submit=texts.get("btn_save"),
        close=texts.get("btn_cancel"),
        private_metadata=json.dumps(meta),
    )


def _report_box(texts: Texts, checked: bool) -> bk.Block:
    option = bk.option(texts.get("meetings_attach_report"), _REPORT)
    box: bk.Block = {"type": "checkboxes", "action_id": FIELDS["premeeting_report"], "options": [option]}
    if checked:
        box["initial_options"] = [option]
    return box


def opened_for(private_metadata: str) -> OpenedFor:
    meta = bk.metadata(private_metadata)
    days: list[date] = []
    for text in meta.get("days") or []:
        try:
            days.append(date.fromisoformat(str(text)))
        except ValueError:
            continue
    year = meta.get("year")
    return OpenedFor(
        str(meta.get("code") or ""), year if isinstance(year, int) else 0, str(meta.get("channel") or ""), tuple(days)
    )


@dataclass(frozen=True)
class Submitted:
    """The raw submission, for meeting_form.read_plan."""

    pickers: list[tuple[str, date | None, str]]
    removed: list[str]
    settings: dict[str, str]
    premeeting_report: bool


def submitted(values: dict[str, Any], opened: OpenedFor) -> Submitted:
    pickers: list[tuple[str, date | None, str]] = [
        (f"meeting_{i}", day, state_value(values, f"meeting_{i}", _PICKER_ACTION)) for i, day in enumerate(opened.days)
    ]
    pickers += [(f"new_{i}", None, state_value(values, f"new_{i}", _PICKER_ACTION)) for i in range(NEW_PICKERS)]
    removed = [str(o.get("value") or "") for o in _selected(values, "remove")]
    report = any(o.get("value") == _REPORT for o in _selected(values, "premeeting_report"))
    settings = {key: state_value(values, key, FIELDS[key]) for key in ("agenda_days", "premeeting_days")}
    return Submitted(pickers, removed, settings, report)


def _selected(values: dict[str, Any], block_id: str) -> list[dict[str, Any]]:
    element = (values.get(block_id) or {}).get(FIELDS[block_id]) or {}
    chosen = element.get("selected_options") or []
    return [o for o in chosen if isinstance(o, dict)]
