"""The answer to a one-line registration (``/atagande ny BUN …``): what was understood, and its buttons."""

from __future__ import annotations

from bot.services.commitment_form import OneLinePreview
from bot.services.quick_entry import pack
from bot.texts import Texts
from bot.ui import blocks as bk

# action_ids of the preview's buttons; handlers/actions.py listens for these.
PREVIEW_SAVE = "preview_save"
PREVIEW_EDIT = "preview_edit"
PREVIEW_CHOOSE_OWNER = "preview_choose_owner"
PREVIEW_SAVE_WITHOUT_OWNER = "preview_save_without_owner"
# Opens the committee's sammanträdesplan (handlers/meetings.py); its value is "BUN 2027".
PREVIEW_ADD_PLAN = "preview_add_plan"
# Slack's limit on a button's value, which carries the draft.
MAX_VALUE = 2000


def preview_blocks(texts: Texts, shown: OneLinePreview) -> tuple[str, list[bk.Block]]:
    """The summary (also the message's fallback text) and the blocks: the summary and the buttons that fit."""
    raw = shown.raw
    problems = {f: texts.get_md(k, **p) for f, (k, p) in shown.errors.items()}
    token = pack(raw)
    fits = len(token) <= MAX_VALUE
    buttons = []
    if fits and shown.draft is not None and not shown.errors:
        buttons.append(bk.button(texts.get("btn_save"), PREVIEW_SAVE, token, style="primary"))
        buttons.append(bk.button(texts.get("btn_change"), PREVIEW_EDIT, token))
    elif fits and shown.choose_owner:
        # The form opens with the owner's field; saving without one is a button of its own.
        buttons.append(bk.button(texts.get("btn_choose_owner"), PREVIEW_CHOOSE_OWNER, token, style="primary"))
        buttons.append(bk.button(texts.get("btn_save_without_owner"), PREVIEW_SAVE_WITHOUT_OWNER, token))
    elif fits:
        buttons.append(bk.button(texts.get("btn_change"), PREVIEW_EDIT, token))
    if shown.plan_offer is not None:
        code, year = shown.plan_offer
        buttons.insert(0, bk.button(texts.get("btn_add_meeting_plan"), PREVIEW_ADD_PLAN, f"{code} {year}"))
    summary = texts.md(
        "one_line_preview.md.j2",
        raw=raw,
        committee=shown.committee,
        draft=shown.draft,
        problems=problems,
        choose_owner=shown.choose_owner,
        # Names no one has beside an owner who was found: said, since they left the text.
        names_note=texts.get_md("owner_names_not_found", names=raw.unknown_names)
        if raw.owner_user_id and raw.unknown_names
        else None,
        channel_code=shown.channel_code,
        other_mentions=shown.other_mentions,
        too_long=not fits,
        plan_default_note=_plan_default_note(texts, shown),
        at_meeting=texts.get("at_meeting"),
    )
    blocks = [bk.section(summary)]
    if buttons:
        blocks.append(bk.actions(*buttons, block_id="preview"))
    return summary, blocks


def _plan_default_note(texts: Texts, shown: OneLinePreview) -> str | None:
    """Said when the date comes from an årshjul default nobody confirmed ("inför budgetarbetet 2028")."""
    draft = shown.draft
    if draft is None or draft.deadline is None or "plan_default" not in (draft.deadline.note or "").split(";"):
        return None
    event = (draft.anchor or "").split(":")[1] if (draft.anchor or "").startswith("event:") else ""
    return texts.get_md("plan_default_note", event=event)
