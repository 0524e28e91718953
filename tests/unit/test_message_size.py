"""The bot's own measure of a message and its split on block boundaries (bot/ui/message_size.py)."""

from __future__ import annotations

from typing import Any

from bot.message_size import MESSAGE_TEXT_BUDGET, block_text, fits, split_blocks
from bot.standin.sizes import block_text_length


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def test_the_bot_measures_as_the_stand_in_does() -> None:
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Vecka 7 📅"}},
        {**section("*BUN-1* Revidera"), "fields": [{"type": "mrkdwn", "text": "🔴 3"}]},
        {
            "type": "actions",
            "elements": [{"type": "button", "text": {"type": "plain_text", "text": "Klar"}, "value": "x" * 99}],
        },
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "Skriv /atagande"}]},
    ]
    assert block_text(blocks) == block_text_length(blocks) == 10 + 16 + 4 + 4 + 15


def test_a_split_keeps_every_block_in_order_within_the_budget_and_50_blocks() -> None:
    blocks = [section(f"{n:03d} " + "å" * 996) for n in range(60)]  # 1,000 each: 60,000 in all
    parts = split_blocks(blocks)
    assert [b for part in parts for b in part] == blocks
    assert all(block_text(part) <= MESSAGE_TEXT_BUDGET and fits(part) for part in parts)
    assert [len(part) for part in parts] == [10] * 6
    small = [section("x") for _ in range(120)]
    assert [len(part) for part in split_blocks(small)] == [50, 50, 20]


def test_a_block_over_the_budget_alone_gets_a_message_of_its_own_not_cut() -> None:
    big = {"type": "section", "fields": [{"type": "mrkdwn", "text": "y" * 2000} for _ in range(6)]}
    parts = split_blocks([section("före"), big, section("efter")])
    assert parts == [[section("före")], [big], [section("efter")]]
    assert split_blocks([]) == [[]]
