"""The size bench (`bench.slack_sizes`) at a tiny size: it still drives every kind of message, and it
reports a payload over a limit when there is one, in UTF-16 code units as Slack counts."""

from __future__ import annotations

import pytest

from bench import slack_sizes
from bench.slack_sizes_check import Payload, check, refusals
from bench.slack_sizes_data import TINY, answer_document, long_text
from bench.slack_sizes_drive import Recorded, run
from bot.standin.recording import ApiCall

KINDS = (
    "card (new commitment)",
    "card update (status button)",
    "weekly digest",
    "reminders (14 days before) – in a DM",
    "escalations – in a DM",
    "monthly overview",
    "App Home (anna)",
    "/atagande nämnd",
    "/atagande lista",
    "/atagande visa",
    "modal: new commitment",
    "/rutin search",
    "modal: routine form",
    "follow-up pack",
    "import: review modal",
    "import: confirmation and cards",
)


@pytest.fixture(scope="module")
def recorded() -> Recorded:
    return run(TINY)


@pytest.mark.slow
def test_the_tiny_workspace_sends_every_kind_within_the_limits(recorded: Recorded) -> None:
    kinds = {payload.kind for payload in recorded.payloads}
    assert set(KINDS) <= kinds, sorted(set(KINDS) - kinds)
    lines, fine = slack_sizes.report(recorded)
    assert fine, "\n".join(lines)
    assert any(line.startswith("weekly digest") for line in lines)


@pytest.mark.slow
def test_a_lowered_limit_makes_the_digest_over_it_and_the_bench_fail(recorded: Recorded) -> None:
    lines, fine = slack_sizes.report(recorded, {"block text": 500})
    assert not fine
    over = [line for line in lines if line.startswith("  weekly digest:")]
    assert over and "block text" in over[0] and "> 500" in over[0]


def _section(text: str) -> list[dict[str, object]]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]


def test_an_emoji_counts_twice_against_a_section_s_limit() -> None:
    # 1,501 emoji are 1,501 characters to Python but 3,002 UTF-16 code units to Slack.
    fits = Payload("x", "chat.postMessage", _section("å" * 3000), "t", "message")
    over = Payload("y", "chat.postMessage", _section("😀" * 1501), "t", "message")
    reports = check([fits, over])
    assert reports["x"].over == []
    assert reports["y"].over == ["chat.postMessage: section text 3,002 > 3,000"]


def test_chat_update_text_has_its_own_limit_and_too_many_options_are_counted() -> None:
    update = Payload("card", "chat.update", None, "&" * 4001, "message")
    options = [{"text": {"type": "plain_text", "text": f"Nämnd {n}"}, "value": str(n)} for n in range(101)]

    def picker(count: int) -> list[dict[str, object]]:
        element = {"type": "static_select", "options": options[:count]}
        return [{"type": "input", "label": {"type": "plain_text", "text": "Nämnd"}, "element": element}]

    modal = Payload("modal", "views.open", picker(101), None, "view")
    full = Payload("full", "views.open", picker(100), None, "view")
    reports = check([update, modal, full])
    assert reports["card"].over == ["chat.update: chat.update text 4,001 > 4,000"]
    assert reports["modal"].over == ["views.open: options 101 > 100"]
    # A picker of exactly 100 is where the bot dropped the rest: accepted by Slack, but reported.
    assert reports["full"].over == [] and reports["full"].at_limit == ["views.open: options 100 = 100"]


def test_a_refused_call_is_listed_with_its_error() -> None:
    refused = ApiCall("chat.postMessage", {}, {"ok": False, "error": "msg_blocks_too_long"}, 200, 0.0)
    accepted = ApiCall("chat.postMessage", {}, {"ok": True}, 200, 0.0)
    assert refusals([("weekly digest", refused), ("card", accepted)]) == [
        "weekly digest: chat.postMessage → msg_blocks_too_long"
    ]


def test_the_built_texts_have_their_lengths_and_the_answer_its_parts() -> None:
    text = long_text(2000, seed=3)
    assert len(text) == 2000 and "&" in text and "<" in text and any(ord(ch) > 0xFFFF for ch in text)
    answer = answer_document(3, 5)
    assert answer.count("- Nämnden bör") == 3 and answer.count("Förvaltningen kommer att") == 5
