"""Digest messages at Slack's limits (checked by the stand-in): whole lines, how many more, every section kept."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from slack_sdk import WebClient

from bot.digests.blocks import SlackMessage, _DigestRenderer, _Lines, _pack, digest_message
from bot.digests.content import CommitteeDigest, load_digest
from bot.services import committees as committee_service
from bot.standin import SlackStandIn
from bot.standin.blockkit import validate_blocks
from bot.text_filters import swedish_count
from bot.ui import blocks as bk
from storage.db import Database
from tests.digests.conftest import Register
from tests.digests.helpers import (
    CARD_CHANNEL,
    CARD_TS,
    CARD_URL,
    NOW,
    SLOT,
    TEAM_URL,
    TEXTS,
    _all_text,
    _digest,
    _done,
    _item,
    _moved,
    _section_texts,
    _valid,
)


def _expected_lines(digest: CommitteeDigest, team_url: str | None) -> dict[str, list[str]]:
    # The renderer's own lines, one item at a time: what a whole line is.
    renderer = _DigestRenderer(TEXTS, digest, team_url)
    return {
        "overdue": [renderer.line(item, "overdue") for item in digest.overdue.items],
        "due_soon": [renderer.line(item, "due_soon") for item in digest.due_soon.items],
        "done": [renderer.done_line(item) for item in digest.done.items],
        "moved": [renderer.moved_line(item) for item in digest.moved.items],
        "silent": [renderer.line(item, "silent") for item in digest.silent.items],
    }


TITLES = {
    "overdue": "🔴 *Har passerat slutdatumet*",
    "due_soon": "🟡 *Ska vara klart inom 30 dagar*",
    "done": "🟢 *Klart sedan förra sammanfattningen*",
    "moved": "↪️ *Nytt slutdatum sedan förra sammanfattningen*",
    "silent": "💤 *Ingen uppdatering på 30 dagar*",
}


def _shown(message: SlackMessage) -> dict[str, list[str]]:
    """Each section's lines as shown, its title and "more" line included, across its blocks."""
    shown: dict[str, list[str]] = {}
    current: list[str] | None = None
    for text in _section_texts(message)[1:]:
        for line in text.split("\n"):
            name = next((n for n, title in TITLES.items() if line.startswith(title)), None)
            if name is not None:
                current = shown.setdefault(name, [])
            assert current is not None, line
            current.append(line)
    return shown


def _check_whole_lines(message: SlackMessage, digest: CommitteeDigest, team_url: str | None) -> dict[str, int]:
    """Every section is there, in full lines, first ones first, then how many more; returns lines shown."""
    expected = _expected_lines(digest, team_url)
    shown = _shown(message)
    totals = {name: getattr(digest, name).total for name in TITLES}
    assert set(shown) == {name for name, total in totals.items() if total}
    counts: dict[str, int] = {}
    for name, lines in shown.items():
        title, *rest = lines
        assert title == f"{TITLES[name]} ({swedish_count(totals[name])})"
        items = [line for line in rest if not line.startswith("… och ")]
        assert items == expected[name][: len(items)]
        hidden = totals[name] - len(items)
        if hidden:
            assert rest[-1].startswith(f"… och {swedish_count(hidden)} till"), rest[-1]
        else:
            assert len(items) == len(rest)
        counts[name] = len(items)
    return counts


def test_500_overdue_fill_the_message_but_never_overflow_it() -> None:
    many = [_item(n, message_channel=CARD_CHANNEL, message_ts=f"17644896{n:02d}.0001") for n in range(1, 501)]
    digest = _digest(
        overdue=many,
        done=[_done(n) for n in range(501, 504)],
        moved=[_moved(n) for n in range(504, 506)],
        silent=many,
    )
    message = digest_message(TEXTS, digest, team_url=TEAM_URL)
    _valid(message)
    assert len(message.blocks) == bk.MESSAGE_BLOCKS
    shown = _check_whole_lines(message, digest, TEAM_URL)
    # The first section takes what fits; the later ones keep at least their title and count.
    assert shown["overdue"] > 100
    assert (shown["done"], shown["moved"]) == (3, 2)
    assert shown["silent"] < 500
    more = f"… och {500 - shown['silent']} till: `/atagande lista BUN`"
    assert _shown(message)["silent"][-1] == more
    assert all(len(text) <= bk.SECTION_TEXT for text in _section_texts(message))


def test_a_loaded_section_says_how_many_more_there_are() -> None:
    digest = _digest(
        overdue=[_item(n) for n in range(1, 16)],
        silent=[_item(n) for n in range(1, 16)],
        done=[_done(n) for n in range(20, 35)],
        moved=[_moved(n) for n in range(40, 55)],
        totals={"overdue": 500, "silent": 480, "done": 37, "moved": 21},
    )
    message = digest_message(TEXTS, digest, team_url=None)
    _valid(message)
    shown = _check_whole_lines(message, digest, None)
    sections = _shown(message)
    assert sections["overdue"][-1] == f"… och {500 - shown['overdue']} till: `/atagande lista BUN`"
    assert sections["silent"][-1] == f"… och {480 - shown['silent']} till: `/atagande lista BUN`"
    # No command lists done ones: the count, and no made-up command.
    assert sections["done"][-1] == f"… och {37 - shown['done']} till."
    assert sections["moved"][-1] == (
        f"… och {21 - shown['moved']} till; skälen står i historiken: `/atagande visa REFERENS`"
    )


def test_whole_lines_are_given_back_to_make_room_for_the_count() -> None:
    def more(count: int) -> str:
        return f"… och {count} till"

    # Two lines fill the block to 2,999 characters: the count only fits once the second goes back.
    lines = ["a" * 1498, "b" * 1498, "c" * 1498]
    packed = _pack(_Lines("T", lines, 5, more), max_blocks=1)
    assert [block["text"]["text"] for block in packed] == [f"T\n{lines[0]}\n… och 4 till"]
    # A block that only held the line given back goes too; the title keeps the count.
    wide = ["x" * 2999, "y" * 2999]
    packed = _pack(_Lines("T", wide, 3, more), max_blocks=2)
    assert [block["text"]["text"] for block in packed] == ["T\n… och 3 till"]
    # With room, each wide line gets a block of its own and nothing is left to count.
    packed = _pack(_Lines("T", wide, 2, more), max_blocks=3)
    assert [block["text"]["text"] for block in packed] == ["T", wide[0], wide[1]]
    assert all(not validate_blocks([block], "message") for block in packed)


def test_every_section_keeps_its_place_when_the_first_one_is_huge() -> None:
    huge = [_item(n, text="Åtgärd " * 20) for n in range(1, 2001)]
    digest = _digest(
        overdue=huge,
        due_soon=huge,
        done=[_done(1)],
        moved=[_moved(2)],
        silent=huge,
    )
    message = digest_message(TEXTS, digest, team_url=None)
    _valid(message)
    shown = _check_whole_lines(message, digest, None)
    assert set(shown) == set(TITLES)
    assert shown["done"] == 1 and shown["moved"] == 1


@pytest.mark.slow
def test_500_overdue_from_the_database_through_the_standin(
    db: Database, register: Register, standin: SlackStandIn
) -> None:
    register.committee("BUN", "Barn- och utbildningsnämnden")
    ids = register.commitments("BUN", [date(2026, 9, 2) + timedelta(days=n % 80) for n in range(500)])
    register.card(ids[0], CARD_CHANNEL, CARD_TS)
    with db.read() as s:
        digest = load_digest(s, committee_service.get_committee(s, "BUN"), NOW, SLOT.period)
    assert (digest.overdue.total, digest.silent.total, digest.open_total) == (500, 500, 500)
    message = digest_message(TEXTS, digest, team_url=TEAM_URL)
    _valid(message)
    shown = _check_whole_lines(message, digest, TEAM_URL)
    assert f"… och {500 - shown['overdue']} till: `/atagande lista BUN`" in _all_text(message)
    assert f"*<{CARD_URL}|BUN-1>*" in _section_texts(message)[1]
    web = WebClient(token=standin.bot_token, base_url=standin.api_url)
    posted = web.chat_postMessage(channel=standin.channel("bun").id, text=message.text, blocks=message.blocks)
    assert posted["ok"]
