"""The stand-in's measures of a message: UTF-16 lengths and the total text of its blocks."""

from bot.standin.sizes import block_text_length, utf16_length


def test_utf16_counts_an_emoji_outside_the_basic_plane_twice() -> None:
    assert utf16_length("å") == 1
    assert utf16_length("📅") == 2


def test_block_text_counts_every_readable_text_once() -> None:
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Vecka 12"}},
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": "abc"},
            "fields": [{"type": "mrkdwn", "text": "de"}],
            "accessory": {"type": "button", "text": {"type": "plain_text", "text": "Öppna"}, "value": "x" * 50},
        },
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "📅"}]},
        {
            "type": "rich_text",
            "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": "hej"}]}],
        },
    ]
    # "Vecka 12" 8 + "abc" 3 + "de" 2 + "Öppna" 5 + "📅" 2 + "hej" 3; a button's value is not text.
    assert block_text_length(blocks) == 23
