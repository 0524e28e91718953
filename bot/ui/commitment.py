"""How one commitment looks: the card with its buttons, and a list line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

# The view is built by the services (they load what it shows); imported from here as before.
from bot.services.command_queries import HistoryEntry
from bot.services.commitment_view import CommitmentView, view_of
from bot.slack_format import Mrkdwn, escape_within, escaped_pieces, truncate
from bot.texts import Texts
from bot.ui import blocks as bk

__all__ = [
    "ACTION_CHANGE_OWNER",
    "ACTION_COMMENT",
    "ACTION_DELAYED",
    "ACTION_DONE",
    "ACTION_EDIT",
    "ACTION_LINK_ROUTINE",
    "ACTION_ON_TRACK",
    "CommitmentView",
    "answer_buttons",
    "answer_value",
    "card_blocks",
    "card_fallback",
    "list_line",
    "routine_suggestion_blocks",
    "view_of",
]

# action_ids of the owner's answers; handlers/actions.py listens for these.
ACTION_DONE = "status_done"
ACTION_ON_TRACK = "status_on_track"
ACTION_DELAYED = "status_delayed"
ACTION_COMMENT = "status_comment"
ACTION_EDIT = "commitment_edit"
# "Koppla" on a suggested routine; the value is "<commitment id>:<routine id>".
ACTION_LINK_ROUTINE = "link_routine"
# Sent to secretaries when a reminder has no one to go to; opens the edit modal.
ACTION_CHANGE_OWNER = "commitment_change_owner"
# A commitment's text is shown whole over consecutive sections (3,000 characters each, less the
# card's first line), up to CARD_TEXT characters: with the facts, a full history (3,000) and the
# buttons the card stays well within the ~11,000 characters of block text Slack takes in one message.
CARD_PIECE = bk.SECTION_TEXT - 300
CARD_TEXT = 5_400


def answer_value(commitment_id: int, occurrence: date | None = None) -> str:
    """The buttons' value: the commitment, and for a recurring one the occurrence answered."""
    return f"{commitment_id}:{occurrence.isoformat()}" if occurrence else str(commitment_id)


def answer_buttons(
    texts: Texts, c: CommitmentView, occurrence: date | None = None, *, change_owner: bool = False
) -> bk.Block:
    """The one-click answers; `change_owner` adds "Byt ansvarig" among them (for a secretary)."""
    value = answer_value(c.id, occurrence)
    buttons = [
        bk.button(texts.get("btn_done"), ACTION_DONE, value, style="primary"),
        bk.button(texts.get("btn_on_track"), ACTION_ON_TRACK, value),
        bk.button(texts.get("btn_delayed"), ACTION_DELAYED, value, style="danger"),
        bk.button(texts.get("btn_comment"), ACTION_COMMENT, value),
    ]
    if change_owner:
        buttons.append(bk.button(texts.get("btn_change_owner"), ACTION_CHANGE_OWNER, str(c.id)))
    return bk.actions(*buttons, block_id=f"answer:{c.id}")


def card_blocks(
    texts: Texts,
    c: CommitmentView,
    *,
    with_buttons: bool = True,
    can_edit: bool = False,
    history: Sequence[HistoryEntry] | None = None,
    intro: str | None = None,
    occurrence: date | None = None,
    change_owner: bool = False,
) -> list[bk.Block]:
    """The commitment as a message: summary, facts, history, and the answer buttons.

    `occurrence` makes the buttons answer one occurrence of a recurring
    commitment; `change_owner` adds "Byt ansvarig" (for secretaries).
    """
    out: list[bk.Block] = []
    if intro:
        out.append(bk.section(intro))
    out.extend(text_sections(texts, c))
    out.append(bk.context(texts.md("commitment_facts.md.j2", c=c)))
    if history:
        out.append(bk.section(history_text(texts, history)))
    if with_buttons and c.is_open:
        out.append(answer_buttons(texts, c, occurrence))
    if change_owner:
        out.append(
            bk.actions(
                bk.button(texts.get("btn_change_owner"), ACTION_CHANGE_OWNER, str(c.id), style="primary"),
                block_id=f"owner:{c.id}",
            )
        )
    if can_edit:
        out.append(bk.actions(bk.button(texts.get("btn_edit"), ACTION_EDIT, str(c.id)), block_id=f"edit:{c.id}"))
    return out


def text_sections(texts: Texts, c: CommitmentView) -> list[bk.Block]:
    """The card's first line and the commitment's text, whole, never cut inside a word or an entity.

    A text longer than CARD_TEXT (an imported one can be) shows its beginning and says where the rest is.
    """
    pieces = escaped_pieces(c.text, CARD_PIECE)
    shown: list[Mrkdwn] = []
    for piece in pieces:
        if shown and sum(len(p) for p in shown) + len(piece) > CARD_TEXT:
            break
        shown.append(piece)
    out = [bk.section(texts.md("commitment_card.md.j2", c=c, text=shown[0]))]
    out.extend(bk.section(piece) for piece in shown[1:])
    if len(shown) < len(pieces):
        out.append(bk.context(texts.md("commitment_text_more.md.j2")))
    return out


def history_text(texts: Texts, history: Sequence[HistoryEntry], most: int = 15) -> Mrkdwn:
    """The newest entries of a history that fit one section whole, and how many older ones there are.

    A section holds 3,000 characters; cutting the rendered history there would drop the newest entries
    and could split a link in two.
    """
    shown = min(most, len(history))
    while True:
        text = texts.md(
            "commitment_history.md.j2", updates=history[len(history) - shown :], skipped=len(history) - shown
        )
        if len(text) <= bk.SECTION_TEXT or shown == 1:
            return text  # one entry too long for a section is cut by the section, as any text is
        shown -= 1


def routine_suggestion_blocks(
    texts: Texts, commitment_id: int, suggested: list[tuple[int, str]], ref: str | None = None
) -> list[bk.Block]:
    """Related routines (at most three), each with a button that links it to the commitment."""
    if not suggested:
        return []
    buttons = [
        bk.button(
            texts.get("btn_link_routine", title=truncate(title, 60)),
            f"{ACTION_LINK_ROUTINE}:{i}",
            f"{commitment_id}:{routine_id}",
        )
        for i, (routine_id, title) in enumerate(suggested)
    ]
    return [
        bk.section(texts.md("routine_suggestions.md.j2", titles=[t for _, t in suggested], ref=ref)),
        bk.actions(*buttons, block_id=f"routines:{commitment_id}"),
    ]


def card_fallback(texts: Texts, c: CommitmentView) -> str:
    """Notification text for a message whose content is in blocks.

    Slack reads this text as mrkdwn too (notifications, mentions), so the user
    text in it is escaped like everywhere else.
    """
    return escape_within(texts.plain("commitment_fallback.txt.j2", c=c), 3000)


def list_line(texts: Texts, c: CommitmentView) -> Mrkdwn:
    return texts.md("commitment_line.md.j2", c=c)
