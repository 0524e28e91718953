"""A long user text over several mrkdwn blocks: whole, escaped, never cut inside a word or an entity."""

from __future__ import annotations

from bot.slack_format import escape, escaped_pieces, word_preview


def test_pieces_end_at_spaces_and_hold_every_word() -> None:
    text = " ".join(f"ord{i}&<{i}>" for i in range(900))
    pieces = escaped_pieces(text, 500)
    assert len(pieces) > 1 and all(len(p) <= 500 for p in pieces)
    assert " ".join(pieces) == escape(text)  # each cut replaced exactly one space


def test_a_word_longer_than_a_piece_is_split_outside_its_entities() -> None:
    pieces = escaped_pieces("a&" * 400, 101)
    assert "".join(pieces) == escape("a&" * 400)
    assert all(p.endswith(("a", ";")) for p in pieces[:-1])


def test_a_preview_ends_at_a_whole_word_and_is_marked() -> None:
    assert word_preview("revidera rutinen för orosanmälan", 20) == "revidera rutinen…"
    assert word_preview("kort text", 20) == "kort text"
