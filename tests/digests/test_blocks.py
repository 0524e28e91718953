"""Digest messages: the lines and their links, an empty digest, the fallback text, the header."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from slack_sdk import WebClient

from bot.digests.blocks import digest_message, message_permalink
from bot.digests.content import MovedItem
from bot.standin import SlackStandIn
from tests.digests.helpers import (
    CARD_CHANNEL,
    CARD_TS,
    CARD_URL,
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
        "🔴 1 har passerat slutdatumet · 🟢 1 blev klart · ↪️ 1 nytt slutdatum · 💤 2 utan uppdatering på 30 dagar"
    )
    assert sections[1] == (
        "🔴 *Har passerat slutdatumet* (1)\n"
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
# Empty digests, the fallback text, the header
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
    assert message.text == (
        "Veckosammanfattning v. 49 för BUN: 3 har passerat slutdatumet, 1 blev klart, 2 fick nya slutdatum."
    )
    footer = message.blocks[-1]
    assert footer["type"] == "context"
    assert "`/atagande lista BUN`" in footer["elements"][0]["text"]


@pytest.mark.parametrize("week_day", [date(2026, 12, 28), date(2027, 1, 1)])
def test_header_names_the_iso_week(week_day: date) -> None:
    digest = replace(_digest(), today=week_day)
    assert digest_message(TEXTS, digest).blocks[0]["text"]["text"] == "Veckosammanfattning v. 53 – BUN"
