"""Committees page by page: App Home's list and /atagande nämnd.

A municipality can have more than a hundred committees. Listed whole they outgrow what Slack takes
(3,000 characters in a section, about 11,000 characters of block text in a message, 50 blocks in a
message and 100 in a Home view), so both lists show PER_PAGE committees at a time with buttons to
the page before and after; a button's value is the page it shows.

Slack's limits: https://docs.slack.dev/reference/block-kit/blocks (50 blocks in a message, 100 in a
Home tab) and https://docs.slack.dev/reference/block-kit/blocks/section-block (3,000 characters).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.texts import Texts
from bot.ui import blocks as bk

PER_PAGE = 20
# A committee's line is at most ~300 characters (a name holds 200) and more with many secretaries;
# lines are packed into sections by their length, never more than this many to a section.
LINES_PER_SECTION = 10

HOME_PAGE_ACTION = "home_committee_page"
LIST_PAGE_ACTION = "committee_list_page"

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: Sequence[T]
    number: int  # from 0
    pages: int
    total: int


def page_of(rows: Sequence[T], number: int) -> Page[T]:
    """The rows of page ``number`` (a page past either end shows the nearest one)."""
    pages = max(1, -(-len(rows) // PER_PAGE))
    number = max(0, min(number, pages - 1))
    return Page(rows[number * PER_PAGE : (number + 1) * PER_PAGE], number, pages, len(rows))


def page_number(value: str) -> int:
    """A paging button's value as a page number (0 for anything else)."""
    return int(value) if value.isdigit() else 0


def line_sections(lines: Sequence[str]) -> list[bk.Block]:
    """Lines packed into sections, each within a section's 3,000 characters."""
    out: list[bk.Block] = []
    chunk: list[str] = []
    size = 0
    for line in lines:
        if chunk and (len(chunk) >= LINES_PER_SECTION or size + len(line) + 1 > bk.SECTION_TEXT):
            out.append(bk.section("\n".join(chunk)))
            chunk, size = [], 0
        chunk.append(line)
        size += len(line) + 1
    if chunk:
        out.append(bk.section("\n".join(chunk)))
    return out


def pager(texts: Texts, page: Page[T], action: str, block_id: str) -> list[bk.Block]:
    """Where the page is among the pages, and buttons to the one before and after (none for one page)."""
    if page.pages == 1:
        return []
    buttons: list[bk.Block] = []
    if page.number > 0:
        buttons.append(bk.button(texts.get("btn_page_previous"), f"{action}_prev", str(page.number - 1)))
    if page.number + 1 < page.pages:
        buttons.append(bk.button(texts.get("btn_page_next"), f"{action}_next", str(page.number + 1)))
    where = texts.get("committee_page", page=page.number + 1, pages=page.pages, total=page.total)
    return [bk.context(where), bk.actions(*buttons, block_id=block_id)]


def committee_list(
    texts: Texts, rows: Sequence[tuple[object, Sequence[str]]], number: int, *, is_admin: bool
) -> tuple[str, list[bk.Block]]:
    """/atagande nämnd: one page of committees with their channels and secretaries, and its fallback text."""
    if not rows:
        empty = texts.md("committee_list_empty.md.j2", is_admin=is_admin)
        return empty, [bk.section(empty)]
    page = page_of(rows, number)
    title = texts.md("committee_list_title.md.j2", total=page.total)
    lines = [texts.md("committee_line.md.j2", c=c, secretaries=list(secs)) for c, secs in page.rows]
    blocks = [bk.section(title), *line_sections(lines), *pager(texts, page, LIST_PAGE_ACTION, "committee_pages")]
    return title, blocks
