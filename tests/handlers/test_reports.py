"""``handlers.reports``: ``/atagande rapport``, reached through ``handlers.commands``."""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import BoltContext

from bot.services.context import Services
from handlers import commands
from tests.handlers import payloads
from tests.handlers.conftest import BUN_CHANNEL, OLLE, Bun
from tests.handlers.fakes import FakeSlack, RecordingRespond, run_slash

Context = Callable[..., BoltContext]


def ask(
    slack: FakeSlack, context: BoltContext, respond: RecordingRespond, text: str, channel: str = BUN_CHANNEL
) -> None:
    body = payloads.command(f"rapport {text}".strip(), user=str(context.user_id), channel=channel)
    run_slash(commands, body=body, respond=respond, client=slack, context=context)


def test_the_pack_is_shared_in_the_committees_channel(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    ask(slack, as_user(OLLE), respond, "BUN md")
    [upload] = slack.called("files.uploadV2")
    assert upload["channel"] == BUN_CHANNEL
    assert upload["filename"].endswith(".md")
    assert "BUN" in upload["title"]
    # First "being made", then where it is.
    assert len(respond.calls) == 2
    assert "BUN" in respond.texts[0]
    assert BUN_CHANNEL in respond.texts[1]
    assert all(c["response_type"] == "ephemeral" for c in respond.calls)


def test_a_channel_the_bot_cannot_post_in_sends_the_pack_to_the_dm(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    slack.fail("files.uploadV2", "not_in_channel", channel=BUN_CHANNEL)
    ask(slack, as_user(OLLE), respond, "BUN")
    # The bot joins the channel before it shares there; refused all the same, it falls back to the DM.
    assert [c["channel"] for c in slack.called("conversations.join")] == [BUN_CHANNEL]
    assert [u["channel"] for u in slack.called("files.uploadV2")] == [BUN_CHANNEL, "D" + OLLE[1:]]
    assert respond.texts[-1] == services.texts.get_md("report_in_dm_channel_failed", code="BUN", format="Word")


def test_no_committee_named_outside_its_channel_gives_the_usage(
    services: Services, slack: FakeSlack, as_user: Context, respond: RecordingRespond, bun: Bun
) -> None:
    ask(slack, as_user(OLLE), respond, "", channel="C0ANNAN")
    assert respond.texts == [services.texts.get_md("report_usage")]
    assert not slack.called("files.uploadV2")
