"""App Home: my commitments by traffic light, my committees, quick actions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial

from bot.outbox.status import Failure, reason_text
from bot.texts import Texts
from bot.ui import blocks as bk
from bot.ui.commitment import CommitmentView
from bot.ui.committee_pages import HOME_PAGE_ACTION, page_of, pager
from bot.ui.committee_pages import line_sections as committee_sections
from bot.ui.lists import line_sections
from storage.models import Committee

HOME_NEW = "home_new"
HOME_REFRESH = "home_refresh"
PER_LIGHT = 20


def home_view(
    texts: Texts,
    by_light: dict[str, list[CommitmentView]],
    committees: list[tuple[Committee, int | None, bool]],
    *,
    can_register: bool,
    is_admin: bool,
    failures: Sequence[Failure] = (),
    failure_total: int = 0,
    committee_page: int = 0,
    read_at: datetime | None = None,
) -> bk.Block:
    """The Home tab; at most 100 blocks, each group capped with a count of the rest.

    A committee's open count is None where it is not to be shown (to a guest); the committees are
    shown a page at a time (``committee_page``, from 0). ``read_at``, when the database was read, is
    shown at the foot.
    """
    blocks: list[bk.Block] = [bk.header(texts.get("home_title"))]
    quick = [bk.button(texts.get("btn_refresh"), HOME_REFRESH, "home")]
    if can_register:
        quick.insert(0, bk.button(texts.get("btn_new"), HOME_NEW, "home", style="primary"))
    blocks.append(bk.actions(*quick, block_id="home_actions"))
    if failures:
        reason = partial(reason_text, texts)
        blocks.append(
            bk.section(texts.md("home_failures.md.j2", failures=failures, total=failure_total, reason=reason))
        )
    total = sum(len(v) for v in by_light.values())
    if total == 0:
        blocks.append(bk.section(texts.md("home_empty.md.j2")))
    for key in ("red", "yellow", "green"):
        views = by_light.get(key, [])
        if not views:
            continue
        blocks.append(bk.section(texts.md("home_group.md.j2", light=key, count=len(views))))
        blocks += line_sections(texts, views[:PER_LIGHT])
        if len(views) > PER_LIGHT:
            blocks.append(bk.context(texts.md("home_more.md.j2", hidden=len(views) - PER_LIGHT)))
    blocks.append(bk.divider())
    blocks.append(bk.header(texts.get("home_committees")))
    if committees:
        page = page_of(committees, committee_page)
        lines = [texts.md("home_committee_line.md.j2", c=c, open_count=n, secretary=s) for c, n, s in page.rows]
        blocks += committee_sections(lines)
        blocks += pager(texts, page, HOME_PAGE_ACTION, "home_committee_pages")
    else:
        blocks.append(bk.section(texts.md("home_committees.md.j2", is_admin=is_admin)))
    help_lines = [texts.md("home_help.md.j2")]
    if read_at is not None:
        help_lines.append(texts.get_md("home_read_at", at=read_at))
    blocks.append(bk.context(*help_lines))
    return {"type": "home", "blocks": blocks[: bk.VIEW_BLOCKS]}
