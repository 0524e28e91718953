"""Digest and overview messages: Slack's limits (checked by the stand-in), whole lines, links, overflow."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from slack_sdk import WebClient

from bot.digests.blocks import (
    SlackMessage,
    _DigestRenderer,
    _Lines,
    _pack,
    digest_message,
    message_permalink,
    overview_chart_groups,
    overview_chart_title,
    overview_message,
)
from bot.digests.content import (
    CommitteeCounts,
    CommitteeDigest,
    Counts,
    DigestItem,
    DoneItem,
    MovedItem,
    Overview,
    Section,
    load_digest,
)
from bot.digests.schedule import digest_slot
from bot.domain.digest_schedule import DigestSchedule
from bot.services import committees as committee_service
from bot.services.traffic import Light
from bot.standin import SlackStandIn
from bot.standin.blockkit import MAX_MESSAGE_TEXT, validate_blocks
from bot.text_filters import swedish_count
from bot.texts import Texts
from bot.ui import blocks as bk
from storage.db import Database
from storage.models import CommitmentStatus
from tests.conftest import STOCKHOLM
from tests.digests.conftest import Register

TEXTS = Texts()
TEAM_URL = "https://kommunen.slack.com/"
NOW = datetime(2026, 11, 30, 8, 0, tzinfo=STOCKHOLM)
SLOT = digest_slot(DigestSchedule(), NOW.date())
CARD_CHANNEL = "C0BUN0001"
CARD_TS = "1764489600.000100"
CARD_URL = "https://kommunen.slack.com/archives/C0BUN0001/p1764489600000100"


def _item(number: int, **fields: object) -> DigestItem:
    values: dict[str, object] = {
        "id": number,
        "committee_id": 1,
        "reference": f"BUN-{number}",
        "text": "Revidera den lokala BUS-överenskommelsen med polisen och socialtjänsten",
        "status": CommitmentStatus.NOT_STARTED,
        "light": Light.RED,
        "deadline": date(2026, 11, 1) + timedelta(days=number % 28),
        "original_deadline": date(2026, 11, 1) + timedelta(days=number % 28),
        "recurrence_phrase": None,
        "owner_user_id": "UOWNER",
        "owner_role": "förvaltningschef",
        "message_channel": None,
        "message_ts": None,
        "last_update_at": None,
        "created_at": datetime(2026, 9, 1, 7, tzinfo=UTC),
    }
    values.update(fields)
    return DigestItem(**values)  # type: ignore[arg-type]


def _digest(
    *,
    overdue: Sequence[DigestItem] = (),
    due_soon: Sequence[DigestItem] = (),
    done: Sequence[DoneItem] = (),
    moved: Sequence[MovedItem] = (),
    silent: Sequence[DigestItem] = (),
    totals: dict[str, int] | None = None,
    open_total: int = 42,
) -> CommitteeDigest:
    counted = totals or {}
    return CommitteeDigest(
        committee_id=1,
        code="BUN",
        name="Barn- och utbildningsnämnden",
        as_of=NOW,
        today=NOW.date(),
        period=SLOT.period,
        open_total=open_total,
        overdue=Section(tuple(overdue), counted.get("overdue", len(overdue))),
        due_soon=Section(tuple(due_soon), counted.get("due_soon", len(due_soon))),
        done=Section(tuple(done), counted.get("done", len(done))),
        moved=Section(tuple(moved), counted.get("moved", len(moved))),
        silent=Section(tuple(silent), counted.get("silent", len(silent))),
    )


def _done(number: int) -> DoneItem:
    item = _item(number, status=CommitmentStatus.DONE, light=Light.GREEN)
    return DoneItem(item, datetime(2026, 11, 26, 9, tzinfo=UTC))


def _moved(number: int, reason: str = "Polisen vill vara med i revideringen") -> MovedItem:
    item = _item(number, deadline=date(2027, 9, 30), original_deadline=date(2027, 3, 31))
    return MovedItem(item, datetime(2026, 11, 27, 9, tzinfo=UTC), date(2027, 3, 31), date(2027, 9, 30), reason)


def _valid(message: SlackMessage) -> None:
    """What the stand-in (and so Slack) would accept."""
    assert [str(problem) for problem in validate_blocks(message.blocks, "message")] == []
    assert 0 < len(message.text) <= MAX_MESSAGE_TEXT
    assert len(message.blocks) <= bk.MESSAGE_BLOCKS


def _section_texts(message: SlackMessage) -> list[str]:
    return [block["text"]["text"] for block in message.blocks if block["type"] == "section" and "text" in block]


def _all_text(message: SlackMessage) -> str:
    return json.dumps(message.blocks, ensure_ascii=False)


# --------------------------------------------------------------------------- #
# Lines and links
# --------------------------------------------------------------------------- #


def test_message_permalink() -> None:
    assert message_permalink(TEAM_URL, CARD_CHANNEL, CARD_TS) == CARD_URL
    assert message_permalink("https://kommunen.slack.com", CARD_CHANNEL, CARD_TS) == CARD_URL
    assert message_permalink(None, CARD_CHANNEL, CARD_TS) is None
    assert message_permalink(TEAM_URL, None, CARD_TS) is None
    assert message_permalink(TEAM_URL, CARD_CHANNEL, None) is None
    # Nothing that could break out of a mrkdwn link, or that Slack would not have given.
    assert message_permalink("https://evil|x/", CARD_CHANNEL, CARD_TS) is None
    assert message_permalink("javascript:alert(1)", CARD_CHANNEL, CARD_TS) is None
    assert message_permalink(TEAM_URL, "bun", CARD_TS) is None
    assert message_permalink(TEAM_URL, CARD_CHANNEL, "1764489600") is None


def test_permalink_is_the_one_slack_gives(standin: SlackStandIn) -> None:
    web = WebClient(token=standin.bot_token, base_url=standin.api_url)
    channel = standin.channel("bun").id
    posted = web.chat_postMessage(channel=channel, text="🔴 BUN-14")
    given = web.chat_getPermalink(channel=channel, message_ts=posted["ts"])["permalink"]
    assert message_permalink(web.auth_test()["url"], channel, posted["ts"]) == given


def test_each_line_links_to_its_card_or_names_the_command() -> None:
    digest = _digest(
        overdue=[_item(14, message_channel=CARD_CHANNEL, message_ts=CARD_TS), _item(15)],
        moved=[replace(_moved(16), item=_item(16, message_channel=CARD_CHANNEL, message_ts="1764489601.000200"))],
    )
    message = digest_message(TEXTS, digest, team_url=TEAM_URL)
    _valid(message)
    overdue_block, moved_block = _section_texts(message)[1:3]
    with_card, without_card = overdue_block.split("\n")[1:]
    assert with_card.startswith(f"🔴 *<{CARD_URL}|BUN-14>* Revidera")
    assert "/atagande visa BUN-14" not in with_card
    assert without_card.startswith("🔴 *BUN-15* Revidera")
    assert without_card.endswith("· `/atagande visa BUN-15`")
    assert "<https://kommunen.slack.com/archives/C0BUN0001/p1764489601000200|BUN-16>" in moved_block
    # Without the workspace address every line names the command instead.
    plain = digest_message(TEXTS, digest, team_url=None)
    assert "archives" not in _all_text(plain)
    assert "`/atagande visa BUN-14`" in _all_text(plain)


def test_lines_say_what_each_section_needs() -> None:
    digest = _digest(
        overdue=[_item(1, deadline=date(2026, 11, 15))],
        done=[_done(2)],
        moved=[_moved(3)],
        silent=[
            _item(4, last_update_at=datetime(2026, 10, 12, 9, tzinfo=UTC)),
            _item(5, deadline=None, recurrence_phrase="årligen", owner_user_id=None),
        ],
    )
    sections = _section_texts(digest_message(TEXTS, digest))
    assert sections[0] == (
        "*BUN – Barn- och utbildningsnämnden*: 42 öppna åtaganden den 30 november 2026.\n"
        "🔴 1 har passerat datum · 🟢 1 blev klart · ↪️ 1 nytt datum · 💤 2 utan uppdatering på 30 dagar"
    )
    assert sections[1] == (
        "🔴 *Datumet har passerat* (1)\n"
        "🔴 *BUN-1* Revidera den lokala BUS-överenskommelsen med polisen och socialtjänsten — 15 november 2026"
        " · <@UOWNER> · _Ej påbörjad_ · `/atagande visa BUN-1`"
    )
    assert sections[2].split("\n")[1] == (
        "🟢 *BUN-2* Revidera den lokala BUS-överenskommelsen med polisen och socialtjänsten — klart 26 november 2026"
        " · <@UOWNER> · `/atagande visa BUN-2`"
    )
    assert sections[3].split("\n")[1] == (
        "🔴 *BUN-3* Revidera den lokala BUS-överenskommelsen med polisen och socialtjänsten:"
        " 31 mars 2027 → *30 september 2027* – ”Polisen vill vara med i revideringen” · <@UOWNER>"
        " · `/atagande visa BUN-3`"
    )
    silent = sections[4].split("\n")
    assert silent[0] == "💤 *Ingen uppdatering på 30 dagar* (2)"
    assert "senast uppdaterat 12 oktober 2026" in silent[1]
    assert silent[2] == (
        "🔴 *BUN-5* Revidera den lokala BUS-överenskommelsen med polisen och socialtjänsten — årligen"
        " · förvaltningschef · ingen uppdatering sedan registreringen 1 september 2026 · `/atagande visa BUN-5`"
    )


def test_a_move_shows_the_original_deadline_when_it_was_earlier_still() -> None:
    twice = MovedItem(
        _item(7, deadline=date(2027, 12, 31), original_deadline=date(2027, 3, 31)),
        datetime(2026, 11, 27, 9, tzinfo=UTC),
        date(2027, 9, 30),
        date(2027, 12, 31),
        "Ny lagstiftning",
    )
    line = _section_texts(digest_message(TEXTS, _digest(moved=[twice])))[1].split("\n")[1]
    assert "30 september 2027 → *31 december 2027* (ursprungligen 31 mars 2027) – ”Ny lagstiftning”" in line


def test_user_text_is_escaped_and_kept_to_one_line() -> None:
    hostile = "Rad ett\nRad två <!channel> & <https://evil.example|Intranätet> " + "lång text " * 300
    digest = _digest(
        overdue=[_item(1, text=hostile, owner_user_id=None, owner_role="<!here>\n" + "rektor " * 100)],
        moved=[_moved(2, reason="Skäl\n\n<!everyone> " + "mycket " * 500)],
    )
    message = digest_message(TEXTS, digest, team_url=TEAM_URL)
    _valid(message)
    everything = _all_text(message)
    for raw in ("<!channel>", "<!here>", "<!everyone>", "<https://evil"):
        assert raw not in everything
    assert "&lt;!channel&gt; &amp; &lt;https://evil.example|Intranätet&gt;" in everything
    overdue, moved = _section_texts(message)[1:3]
    # Title and one line each: user newlines never split an item.
    assert len(overdue.split("\n")) == 2 and len(moved.split("\n")) == 2
    assert max(len(line) for line in (overdue + "\n" + moved).split("\n")) < 1000


# --------------------------------------------------------------------------- #
# Overflow
# --------------------------------------------------------------------------- #


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
    "overdue": "🔴 *Datumet har passerat*",
    "due_soon": "🟡 *Ska vara klart inom 30 dagar*",
    "done": "🟢 *Klart sedan förra sammanfattningen*",
    "moved": "↪️ *Nytt datum sedan förra sammanfattningen*",
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


# --------------------------------------------------------------------------- #
# Empty digests and the fallback text
# --------------------------------------------------------------------------- #


def test_an_empty_digest_still_says_so() -> None:
    message = digest_message(TEXTS, _digest(open_total=42))
    _valid(message)
    assert message.blocks[0]["text"]["text"] == "Veckosammanfattning v. 49 – BUN"
    sections = _section_texts(message)
    assert sections[1].startswith("Inget att rapportera den här veckan.\nBUN har 42 öppna åtaganden: ")
    assert message.text == "Veckosammanfattning v. 49 för BUN: inget att rapportera (42 öppna åtaganden)."
    none_open = digest_message(TEXTS, _digest(open_total=0))
    _valid(none_open)
    assert "BUN har inga öppna åtaganden just nu." in _section_texts(none_open)[1]
    one = digest_message(TEXTS, _digest(open_total=1))
    assert "1 öppet åtagande" in one.text


def test_fallback_text_counts_each_section() -> None:
    digest = _digest(overdue=[_item(1)], done=[_done(2)], moved=[_moved(3), _moved(4)], totals={"overdue": 3})
    message = digest_message(TEXTS, digest)
    assert message.text == ("Veckosammanfattning v. 49 för BUN: 3 har passerat datum, 1 blev klart, 2 fick nya datum.")
    footer = message.blocks[-1]
    assert footer["type"] == "context"
    assert "`/atagande lista BUN`" in footer["elements"][0]["text"]


# --------------------------------------------------------------------------- #
# The monthly overview
# --------------------------------------------------------------------------- #


def _counts(red: int, yellow: int, green: int, overdue: int = 0) -> Counts:
    by_status = dict.fromkeys(CommitmentStatus, 0)
    by_status[CommitmentStatus.NOT_STARTED] = red + yellow
    by_status[CommitmentStatus.DONE] = green
    by_light = {Light.RED: red, Light.YELLOW: yellow, Light.GREEN: green, Light.NONE: 0}
    return Counts(by_status, by_light, overdue)


def _overview(committees: list[CommitteeCounts]) -> Overview:
    totals = dict.fromkeys(CommitmentStatus, 0)
    lights = dict.fromkeys(Light, 0)
    overdue = 0
    for line in committees:
        for status, count in line.counts.by_status.items():
            totals[status] += count
        for lamp, count in line.counts.by_light.items():
            lights[lamp] += count
        overdue += line.counts.overdue
    return Overview("2026-12", NOW + timedelta(days=1), tuple(committees), Counts(totals, lights, overdue))


def test_overview_is_a_table_of_lights_with_totals() -> None:
    overview = _overview(
        [
            CommitteeCounts(1, "BUN", "Barn- och utbildningsnämnden", _counts(3, 5, 12, overdue=2)),
            CommitteeCounts(2, "KS", "Kommunstyrelsen <ks>", _counts(0, 0, 0)),
            CommitteeCounts(3, "SN", "Socialnämnden", _counts(1, 0, 4)),
        ]
    )
    message = overview_message(TEXTS, overview)
    _valid(message)
    assert message.blocks[0]["text"]["text"] == "Månadsöversikt december 2026 – alla nämnder"
    assert _section_texts(message)[0] == (
        "Läget den 1 december 2026: *9 öppna åtaganden* i 3 nämnder, varav *2 har passerat datum*."
    )
    table = [field["text"] for field in message.blocks[2]["fields"]]
    assert table == [
        "*Nämnd*",
        "*🔴 röd · 🟡 gul · 🟢 grön*",
        "*BUN* Barn- och utbildningsnämnden",
        "🔴 3 · 🟡 5 · 🟢 12 · 2 har passerat datum",
        "*KS* Kommunstyrelsen &lt;ks&gt;",
        "🔴 0 · 🟡 0 · 🟢 0 · inga åtaganden",
        "*SN* Socialnämnden",
        "🔴 1 · 🟡 0 · 🟢 4",
    ]
    assert [field["text"] for field in message.blocks[3]["fields"]] == [
        "*Totalt*",
        "🔴 4 · 🟡 5 · 🟢 16 · 2 har passerat datum",
    ]
    assert message.blocks[4]["elements"][0]["text"] == ("Ej påbörjad 9 · Pågår 0 · Klar 16 · Försenad 0 · Avbruten 0")
    assert message.text == "Månadsöversikt december 2026: 9 öppna åtaganden i 3 nämnder – 4 röda, 5 gula, 16 gröna."


def test_overview_of_300_committees_summarises_the_rest() -> None:
    committees = [CommitteeCounts(n, f"K{n:03d}", f"Nämnd {n}", _counts(n % 7, n % 3, n % 11)) for n in range(300)]
    message = overview_message(TEXTS, _overview(committees))
    _valid(message)
    cells = [field["text"] for block in message.blocks if "fields" in block for field in block["fields"]]
    listed = [cell for cell in cells if cell.startswith("*K")]
    more = [cell for cell in cells if cell.startswith("… och ")]
    assert more == [f"… och {300 - len(listed)} nämnder till"]
    assert listed == [f"*K{n:03d}* Nämnd {n}" for n in range(len(listed))]
    assert "De räknas med i totalen och i diagrammet." in cells
    # The totals still count all 300.
    assert message.blocks[-2]["fields"][0]["text"] == "*Totalt*"
    big = _overview([CommitteeCounts(1, "BUN", "Barn", _counts(12345, 0, 0))])
    assert "12\u00a0345 öppna åtaganden" in _section_texts(overview_message(TEXTS, big))[0]


def test_overview_without_committees() -> None:
    message = overview_message(TEXTS, _overview([]))
    _valid(message)
    assert "det finns inga nämnder ännu" in _section_texts(message)[0]


def test_chart_groups_and_title() -> None:
    overview = _overview(
        [
            CommitteeCounts(1, "BUN", "Barn- och utbildningsnämnden", _counts(3, 5, 12)),
            CommitteeCounts(3, "SN", "Socialnämnden", _counts(1, 0, 4)),
        ]
    )
    groups = overview_chart_groups(overview)
    assert [code for code, _ in groups] == ["BUN", "SN"]
    assert all(list(counts) == list(CommitmentStatus) for _, counts in groups)
    assert groups[0][1][CommitmentStatus.NOT_STARTED] == 8
    assert groups[0][1][CommitmentStatus.DONE] == 12
    assert groups[1][1][CommitmentStatus.CANCELLED] == 0
    assert overview_chart_title(TEXTS, overview) == "Åtagandenas status per nämnd, december 2026"


@pytest.mark.parametrize("week_day", [date(2026, 12, 28), date(2027, 1, 1)])
def test_header_names_the_iso_week(week_day: date) -> None:
    digest = replace(_digest(), today=week_day)
    assert digest_message(TEXTS, digest).blocks[0]["text"]["text"] == "Veckosammanfattning v. 53 – BUN"
