"""Lists of commitments as messages: grouped lines, paged, within Slack's limits."""

from __future__ import annotations

from bot.texts import Texts
from bot.ui import blocks as bk
from bot.ui.commitment import CommitmentView, list_line
from bot.ui.committee_pages import line_sections as pack_lines

PAGE_SIZE = 40
MORE_ACTION = "list_more"


def line_sections(texts: Texts, views: list[CommitmentView]) -> list[bk.Block]:
    """Lines packed into sections, each within the 3,000-character section limit."""
    return pack_lines([list_line(texts, v) for v in views])


def list_blocks(
    texts: Texts,
    title: str,
    views: list[CommitmentView],
    *,
    total: int,
    offset: int,
    more_value: str | None,
    empty_text: str,
) -> list[bk.Block]:
    blocks: list[bk.Block] = [bk.section(title)]
    if not views:
        blocks.append(bk.section(empty_text))
        return blocks
    blocks += line_sections(texts, views)
    shown_to = offset + len(views)
    blocks.append(bk.context(texts.md("list_footer.md.j2", first=offset + 1, last=shown_to, total=total)))
    if more_value and shown_to < total:
        blocks.append(bk.actions(bk.button(texts.get("btn_more"), MORE_ACTION, more_value), block_id="list_more"))
    return blocks


# An owner told of an import's commitments sees this many lines; `/atagande mina` lists them all.
OWNED_LINES = 40


def owned_list_blocks(texts: Texts, intro: str, views: list[CommitmentView]) -> list[bk.Block]:
    """One message telling an owner of several new commitments: the intro, their lines, and where
    to see the rest when there are more than one message should hold."""
    blocks: list[bk.Block] = [bk.section(intro), *line_sections(texts, views[:OWNED_LINES])]
    blocks.append(
        bk.context(texts.md("owner_assigned_more.md.j2", shown=min(len(views), OWNED_LINES), total=len(views)))
    )
    return blocks
