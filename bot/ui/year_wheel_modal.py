"""The årshjul modal: each event of the year with its day and the meeting that handles it.

An admin saves (and so confirms) it; anyone else sees it without a submit button. A default the bot
proposed says so under its date.
"""

from __future__ import annotations

import json
from typing import Any

from bot.services.year_wheel import Wheel
from bot.texts import Texts
from bot.ui import blocks as bk
from bot.ui.modals import state_value

WHEEL_CALLBACK = "year_wheel"
_DAY = "day_value"
_MONTH = "month_value"
_FIRST = "0"


def wheel_modal(texts: Texts, shown: Wheel, channel_id: str) -> bk.Block:
    defaults = sum(1 for e in shown.events if not e.confirmed)
    blocks: list[bk.Block] = [
        bk.section(
            texts.md(
                "wheel_intro.md.j2",
                year=shown.year,
                defaults=defaults,
                total=len(shown.events),
                can_edit=shown.can_edit,
            )
        )
    ]
    if not shown.can_edit:
        # Slack wants a submit button under input fields: the others read the year as text.
        blocks.append(bk.section(texts.md("wheel_list.md.j2", year=shown.year, events=list(shown.events))))
        return bk.modal(WHEEL_CALLBACK, texts.get("modal_wheel", year=shown.year), blocks, close=texts.get("btn_close"))
    months = [bk.option(texts.get("wheel_month_first"), _FIRST)]
    months += [bk.option(texts.get("wheel_month_in", month=m), str(m)) for m in range(1, 13)]
    for event in shown.events:
        picker = bk.datepicker(_DAY, event.day.isoformat(), placeholder=texts.get("placeholder_wheel_day"))
        hint = None if event.confirmed else texts.get("wheel_default_hint")
        label = texts.get("wheel_event", event=event.kind, year=shown.year)
        blocks.append(bk.input_block(event.kind, label, picker, hint=hint))
        chosen = str(event.meeting_month) if event.meeting_month else _FIRST
        select = bk.static_select(_MONTH, months, chosen, placeholder=texts.get("placeholder_wheel_month"))
        blocks.append(bk.input_block(f"{event.kind}_month", texts.get("wheel_month", event=event.kind), select))
    meta = json.dumps({"year": shown.year, "channel": channel_id})
    return bk.modal(
        WHEEL_CALLBACK,
        texts.get("modal_wheel", year=shown.year),
        blocks,
        submit=texts.get("btn_save"),
        close=texts.get("btn_cancel"),
        private_metadata=meta,
    )


def opened_for(private_metadata: str) -> tuple[int, str]:
    """(year, channel id) the submitted modal was opened for."""
    meta = bk.metadata(private_metadata)
    year = meta.get("year")
    return (year if isinstance(year, int) else 0), str(meta.get("channel") or "")


def submitted(values: dict[str, Any], kinds: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """kind → (ISO day, month of the handling meeting or "0"), as submitted."""
    return {k: (state_value(values, k, _DAY), state_value(values, f"{k}_month", _MONTH)) for k in kinds}
