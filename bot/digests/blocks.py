"""The weekly digest and the monthly overview as Slack messages, within Slack's limits.

Slack refuses a message of more than 50 blocks or a section over 3,000
characters. A digest never gets there by cutting: each section shows as many
whole lines as fit and ends with how many more there are and the command that
lists them; every section with something to say gets at least its title and
that line, so none disappears. Lines are one line each (user text is folded
to one line and shortened in the templates), so a line is shown whole or not
at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from bot.digests.overview import Overview
from bot.digests.sections import CommitteeDigest, DigestItem, DoneItem, MovedItem, Section
from bot.slack_format import escape, link, mention
from bot.text_filters import swedish_month
from bot.texts import Texts
from bot.ui import blocks as bk
from storage.models import CommitmentStatus

__all__ = [
    "OVERVIEW_ROWS_PER_BLOCK",
    "SlackMessage",
    "digest_message",
    "message_permalink",
    "overview_chart_groups",
    "overview_chart_title",
    "overview_message",
    "overview_month_name",
]

# Fields of one section block: two per row (committee, lights), ten at most.
OVERVIEW_ROWS_PER_BLOCK: Final = 5

_CHANNEL: Final = re.compile(r"[CGD][A-Z0-9]{2,30}")
_TS: Final = re.compile(r"\d{1,12}\.\d{1,9}")
_TEAM_URL: Final = re.compile(r"https?://[^\s<>|&\"']+")


@dataclass(frozen=True)
class SlackMessage:
    """What `chat.postMessage` needs besides the channel: the fallback ``text`` and the ``blocks``."""

    text: str
    blocks: list[bk.Block]


def message_permalink(team_url: str | None, channel: str | None, ts: str | None) -> str | None:
    """The link to a message, as Slack's ``chat.getPermalink`` makes it, or None.

    ``team_url`` is the workspace address that ``auth.test`` returns
    ("https://kommunen.slack.com/"). Built here rather than asked for, so a
    digest of 300 committees costs no Slack calls; None when anything is
    missing or not what Slack would have given.
    """
    if not team_url or not channel or not ts:
        return None
    if not _TEAM_URL.fullmatch(team_url) or not _CHANNEL.fullmatch(channel) or not _TS.fullmatch(ts):
        return None
    return f"{team_url.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}"


# --------------------------------------------------------------------------- #
# The weekly digest
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class _Lines:
    """One digest section, rendered: its title, its lines in order, how many in all, the "more" line."""

    title: str
    lines: Sequence[str]
    total: int
    more: Callable[[int], str]


def _one_line(text: str) -> str:
    # Templates fold user text to one line; this keeps a stray newline in a
    # template from splitting an item, which would let it be cut in two.
    return " ".join(text.splitlines())


class _DigestRenderer:
    def __init__(self, texts: Texts, digest: CommitteeDigest, team_url: str | None) -> None:
        self.texts = texts
        self.digest = digest
        self.team_url = team_url

    def _context(self, item: DigestItem) -> dict[str, object]:
        url = message_permalink(self.team_url, item.message_channel, item.message_ts)
        return {
            "item": item,
            "light": self.texts.get(f"light_{item.light.value}"),
            "link": link(url, item.reference) if url else None,
            "owner": mention(item.owner_user_id) if item.owner_user_id else None,
        }

    def line(self, item: DigestItem, kind: str) -> str:
        return _one_line(self.texts.md("digest_line.md.j2", kind=kind, done_at=None, **self._context(item)))

    def done_line(self, done: DoneItem) -> str:
        return _one_line(
            self.texts.md("digest_line.md.j2", kind="done", done_at=done.done_at, **self._context(done.item))
        )

    def moved_line(self, moved: MovedItem) -> str:
        return _one_line(
            self.texts.md(
                "digest_moved_line.md.j2",
                old=moved.old_deadline,
                new=moved.new_deadline,
                reason=moved.reason if moved.kind != "plan" else "",
                plan=moved.reason if moved.kind == "plan" else "",
                **self._context(moved.item),
            )
        )

    def sections(self) -> list[_Lines]:
        d, texts, code = self.digest, self.texts, self.digest.code

        def more_open(count: int) -> str:
            return texts.get_md("digest_more_open", count=count, code=code)

        def open_section(key: str, section: Section[DigestItem]) -> _Lines:
            lines = [self.line(item, key) for item in section.items]
            return _Lines(texts.get_md(f"digest_title_{key}", count=section.total), lines, section.total, more_open)

        out = [
            open_section("overdue", d.overdue),
            open_section("due_soon", d.due_soon),
            _Lines(
                texts.get_md("digest_title_done", count=d.done.total),
                [self.done_line(done) for done in d.done.items],
                d.done.total,
                lambda count: texts.get_md("digest_more_done", count=count),
            ),
            _Lines(
                texts.get_md("digest_title_moved", count=d.moved.total),
                [self.moved_line(moved) for moved in d.moved.items],
                d.moved.total,
                lambda count: texts.get_md("digest_more_moved", count=count),
            ),
            open_section("silent", d.silent),
        ]
        return [section for section in out if section.total]


def _joined_length(lines: list[str]) -> int:
    return sum(len(line) for line in lines) + max(0, len(lines) - 1)


def _pack(section: _Lines, max_blocks: int) -> list[bk.Block]:
    """The section as at most ``max_blocks`` section blocks of whole lines, then its "more" line."""
    chunks: list[list[str]] = [[section.title]]
    shown = 0
    for line in section.lines:
        if _joined_length([*chunks[-1], line]) <= bk.SECTION_TEXT:
            chunks[-1].append(line)
        elif len(chunks) < max_blocks and len(line) <= bk.SECTION_TEXT:
            chunks.append([line])
        else:
            break
        shown += 1
    while shown < section.total:
        more = section.more(section.total - shown)
        if _joined_length([*chunks[-1], more]) <= bk.SECTION_TEXT:
            chunks[-1].append(more)
            break
        # Make room for the "more" line by giving back the last whole line
        # (the title and a "more" line always fit together).
        chunks[-1].pop()
        shown -= 1
        if not chunks[-1]:
            chunks.pop()
    return [bk.section("\n".join(chunk)) for chunk in chunks]


def digest_message(texts: Texts, digest: CommitteeDigest, *, team_url: str | None = None) -> SlackMessage:
    """The weekly digest of one committee, ready for ``chat.postMessage`` in its channel.

    Args:
        texts: the process's templates.
        digest: what `load_digest` / `load_digests` found.
        team_url: the workspace address from ``auth.test`` ("https://kommunen.slack.com/");
            with it, each line links to the commitment's card in the channel.
            Without it, or for a commitment without a card, a line names the
            command that shows it (`/atagande visa BUN-14`).
    """
    d = digest
    week = d.today.isocalendar().week
    header = bk.header(texts.get("digest_header", week=week, code=d.code))
    intro = bk.section(
        texts.md(
            "digest_intro.md.j2",
            code=d.code,
            name=d.name,
            open_total=d.open_total,
            today=d.today,
            overdue=d.overdue.total,
            due_soon=d.due_soon.total,
            done=d.done.total,
            moved=d.moved.total,
            silent=d.silent.total,
        )
    )
    footer = bk.context(texts.get_md("digest_footer", code=d.code))
    blocks: list[bk.Block] = [header, intro]
    if d.is_empty:
        blocks.append(bk.section(texts.md("digest_empty.md.j2", code=d.code, open_total=d.open_total)))
    else:
        sections = _DigestRenderer(texts, d, team_url).sections()
        budget = bk.MESSAGE_BLOCKS - len(blocks) - 1
        for index, section in enumerate(sections):
            # Keep one block for each section still to come: none is dropped.
            packed = _pack(section, budget - (len(sections) - index - 1))
            blocks += packed
            budget -= len(packed)
    blocks.append(footer)
    text = texts.plain(
        "digest_fallback.txt.j2",
        week=week,
        code=d.code,
        open_total=d.open_total,
        overdue=d.overdue.total,
        due_soon=d.due_soon.total,
        done=d.done.total,
        moved=d.moved.total,
        silent=d.silent.total,
    )
    # Slack reads the fallback as mrkdwn in notifications; the name is user text.
    return SlackMessage(escape(text), blocks)


# --------------------------------------------------------------------------- #
# The monthly overview
# --------------------------------------------------------------------------- #


def _month_start(overview: Overview) -> date:
    year, month = overview.month.split("-")
    return date(int(year), int(month), 1)


def _month_name(overview: Overview) -> str:
    return swedish_month(_month_start(overview))


def overview_message(texts: Texts, overview: Overview) -> SlackMessage:
    """Kommunstyrelsen's monthly overview: a table of red, yellow and green per committee, and the totals.

    The chart (`overview_chart_groups`) is uploaded beside it by the caller.
    """
    month = _month_name(overview)
    fixed: list[bk.Block] = [
        bk.header(texts.get("overview_header", month=month)),
        bk.section(
            texts.md(
                "overview_intro.md.j2",
                as_of=overview.as_of,
                totals=overview.totals,
                committees=len(overview.committees),
            )
        ),
    ]
    rows: list[tuple[str, str]] = [
        (
            texts.get_md("overview_column_committee"),
            texts.get_md("overview_column_lights"),
        )
    ]
    rows += [
        (
            texts.get_md("overview_committee", code=line.code, name=line.name),
            texts.md("overview_lights.md.j2", counts=line.counts),
        )
        for line in overview.committees
    ]
    tail: list[bk.Block] = [
        bk.fields(texts.get_md("overview_totals"), texts.md("overview_lights.md.j2", counts=overview.totals)),
        bk.context(texts.md("overview_statuses.md.j2", counts=overview.totals)),
    ]
    table: list[bk.Block] = []
    if overview.committees:
        room = (bk.MESSAGE_BLOCKS - len(fixed) - len(tail)) * OVERVIEW_ROWS_PER_BLOCK
        if len(rows) > room:
            # The last row says how many committees are left out of the table;
            # they are still in the totals and in the chart.
            hidden = len(rows) - room + 1
            rows = [
                *rows[: room - 1],
                (texts.get_md("overview_more", count=hidden), texts.get_md("overview_more_note")),
            ]
        for start in range(0, len(rows), OVERVIEW_ROWS_PER_BLOCK):
            chunk = rows[start : start + OVERVIEW_ROWS_PER_BLOCK]
            table.append(bk.fields(*(cell for row in chunk for cell in row)))
    text = texts.plain(
        "overview_fallback.txt.j2", month=month, totals=overview.totals, committees=len(overview.committees)
    )
    return SlackMessage(escape(text), [*fixed, *table, *tail])


def overview_chart_groups(overview: Overview) -> list[tuple[str, dict[CommitmentStatus, int]]]:
    """Per committee (by code, in the table's order), its count per status, every status included.

    What `bot.reports.chart.status_chart_png(groups, title)` takes.
    """
    return [
        (line.code, {status: line.counts.by_status.get(status, 0) for status in CommitmentStatus})
        for line in overview.committees
    ]


def overview_month_name(overview: Overview) -> str:
    """The overview's month in Swedish ("december 2026")."""
    return _month_name(overview)


def overview_chart_title(texts: Texts, overview: Overview) -> str:
    """The chart's title in Swedish, e.g. "Åtagandenas status per nämnd, december 2026"."""
    return texts.get("overview_chart_title", month=_month_name(overview))
