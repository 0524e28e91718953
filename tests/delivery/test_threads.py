"""Messages too long for one Slack message go out as a first message and continuations in its thread.

Each continuation is an outbox row of its own (key ``<parent key>#2``, ``#3`` …), planned when the
part before it is recorded as sent, so a sender that dies anywhere loses none and doubles none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.clock import ManualClock
from bot.outbox.outcome import Outcome, Reply, Send
from bot.outbox.ratelimit import ChannelPacer
from bot.outbox.sender import Sender, plain_client
from bot.outbox.store import Claimed, Planned, enqueue
from bot.standin import SlackStandIn
from bot.standin.sizes import MAX_BLOCK_TEXT, block_text_length
from bot.standin.workspace import Message
from storage.db import Database
from storage.models import OutboxMessage, OutboxState
from tests.delivery.fleet import FRIDAY, STOCKHOLM, keys_in_slack, new_standin, populate
from tests.delivery.fleet import seed as seed_fleet
from tests.delivery.test_sender_faults import Crash, FakeTime

LEASE = timedelta(minutes=2)
ROWS = 40
KEY = "digest:K0:2027-W03"


def row_text(n: int) -> str:
    return f"Rad {n}: " + "lång text om ett åtagande " * 38


def long_renderer(channel: str) -> Any:
    """A message of 40 sections of about 1,000 characters: some 40,000 in all, four times what Slack takes."""

    def render(row: Claimed) -> Outcome:
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": row_text(n)}} for n in range(ROWS)]
        return Send(channel=channel, text="Veckosammanfattning", blocks=blocks, continuation_text="Fortsättning")

    return render


@dataclass
class Thread:
    slack: SlackStandIn
    db: Database
    clock: ManualClock
    channel: str
    time: FakeTime

    def sender(self, worker: str, client: WebClient | None = None) -> Sender:
        return Sender(
            self.db,
            client or plain_client(self.slack.bot_token, self.slack.api_url),
            self.clock,
            {"digest": long_renderer(self.channel)},
            worker=worker,
            pacer=ChannelPacer(monotonic=self.time.monotonic, sleep=self.time.sleep),
            sleep=self.time.sleep,
            lease=LEASE,
        )

    def add(self) -> None:
        with self.db.write() as s:
            enqueue(s, [Planned(key=KEY, kind="digest", due_at=self.clock.now(), committee_id=1)], self.clock.now())

    def messages(self) -> list[Message]:
        return self.slack.visible_messages("owner0", self.channel)

    def states(self) -> dict[str, OutboxState]:
        with self.db.read() as s:
            return {r.key: r.state for r in s.scalars(select(OutboxMessage))}


@pytest.fixture
def thread(db: Database) -> Iterator[Thread]:
    clock = ManualClock(FRIDAY, STOCKHOLM)
    with new_standin(lambda: clock.now().timestamp()) as slack:
        fleet = populate(slack, owners=3, committees=1)
        seed_fleet(db, fleet, commitments=0, digests=0)
        time = FakeTime()
        # The stand-in measures a channel's posting rate on its clock plus the time the sender
        # waited (the pacer's one-a-second and Retry-After sleep on the fake time).
        slack.rate_clock = lambda: clock.now().timestamp() + time.t
        yield Thread(slack=slack, db=db, clock=clock, channel=fleet.channels[0], time=time)
        assert slack.problems == []


def check_whole_thread(thread: Thread) -> None:
    """Every row reached Slack once, every part is within Slack's limits, and the thread reads in order."""
    keys = keys_in_slack(thread.slack)
    assert set(keys) == {KEY, *(f"{KEY}#{n}" for n in range(2, len(keys) + 1))}
    assert len(keys) >= 4 and set(keys.values()) == {1}
    assert set(thread.states().values()) == {OutboxState.SENT}
    messages = thread.messages()
    parent, *replies = messages
    assert parent.metadata is not None and parent.metadata["event_payload"]["key"] == KEY and not parent.is_reply
    assert [m.thread_ts for m in replies] == [parent.ts] * len(replies)
    assert [(m.metadata or {})["event_payload"]["key"] for m in replies] == [
        f"{KEY}#{n}" for n in range(2, len(keys) + 1)
    ]
    for message in messages:
        assert block_text_length(message.blocks) <= MAX_BLOCK_TEXT
        assert len(message.blocks) <= 50
    shown = [int(n) for m in messages for n in re.findall(r"Rad (\d+):", " ".join(b["text"]["text"] for b in m.blocks))]
    assert shown == list(range(ROWS))


def test_a_message_too_long_for_one_goes_out_whole_in_its_thread(thread: Thread) -> None:
    thread.add()
    thread.sender("w1").run_once()
    check_whole_thread(thread)
    assert [m.text for m in thread.messages()][:2] == ["Veckosammanfattning", "Fortsättning"]
    # Slack refused nothing: the sender split before posting.
    assert {c.status for c in thread.slack.calls_to("chat.postMessage")} == {200}


@pytest.mark.parametrize("crash_on", [1, 2, 3])
def test_a_crash_between_the_parts_posts_every_part_once(thread: Thread, crash_on: int) -> None:
    """The sender dies right after Slack took part ``crash_on`` (1 is the first message)."""
    posts = 0

    class CrashOnPart(WebClient):
        def chat_postMessage(self, **kwargs: Any) -> Any:
            nonlocal posts
            answer = super().chat_postMessage(**kwargs)
            posts += 1
            if posts == crash_on:
                raise Crash
            return answer

    dead = CrashOnPart(token=thread.slack.bot_token, base_url=thread.slack.api_url, timeout=10)
    dead.retry_handlers.clear()
    thread.add()
    with pytest.raises(Crash):
        thread.sender("dead", client=dead).run_once()
    assert len(thread.messages()) == crash_on
    thread.clock.advance(LEASE + timedelta(seconds=1))
    thread.sender("alive").run_once()
    check_whole_thread(thread)
    # The part that may have arrived was looked for where it would be: a reply in its thread.
    # (Counting the look-ups Slack answered: the fleet's channel was bound before the bot joined
    # it, so a first look-up there is refused, the bot joins and looks again.)
    looked_in = "conversations.history" if crash_on == 1 else "conversations.replies"
    assert len([c for c in thread.slack.calls_to(looked_in) if c.error is None]) == 1


def test_a_message_slack_finds_too_long_is_sent_in_smaller_parts_not_failed(thread: Thread) -> None:
    # Slack's limit is undocumented: should it ever refuse what the budget let through, the
    # message is not failed for good but posted in smaller parts.
    thread.slack.inject("chat.postMessage", "error", error="msg_blocks_too_long")
    thread.add()
    thread.sender("w1").run_once()
    check_whole_thread(thread)
    assert thread.slack.calls_to("chat.postMessage")[0].error == "msg_blocks_too_long"


def test_given_continuations_follow_in_order_after_the_message(thread: Thread) -> None:
    # What other rows use directly (an import's cards in its summary's thread).
    def render(row: Claimed) -> Outcome:
        section = [{"type": "section", "text": {"type": "mrkdwn", "text": "Sammanfattning"}}]
        replies = [
            Reply(f"Kort {n}", [{"type": "section", "text": {"type": "mrkdwn", "text": f"Kort {n}"}}]) for n in range(3)
        ]
        return Send(channel=thread.channel, text="Import", blocks=section, continuations=replies)

    sender = thread.sender("w1")
    sender.renderers["digest"] = render
    thread.add()
    sender.run_once()
    parent, *replies = thread.messages()
    assert [m.text for m in replies] == ["Kort 0", "Kort 1", "Kort 2"]
    assert {m.thread_ts for m in replies} == {parent.ts}
    assert keys_in_slack(thread.slack) == {KEY: 1, f"{KEY}#2": 1, f"{KEY}#3": 1, f"{KEY}#4": 1}
