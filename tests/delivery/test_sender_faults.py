"""The sender against Slack misbehaving, through the stand-in's fault injection.

The clock is a ManualClock (backoff and claims move with it), the sender's sleep and the
pacer's monotonic clock are fakes: nothing here waits in real time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import pairwise
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.clock import ManualClock
from bot.outbox.outcome import Outcome, Renderer, Send
from bot.outbox.ratelimit import ChannelPacer
from bot.outbox.sender import MAX_WAIT_IN_PLACE, METADATA_EVENT, Sender, plain_client
from bot.outbox.store import Claimed, Planned, enqueue
from bot.standin import SlackStandIn
from storage.db import Database
from storage.models import Committee, OutboxMessage, OutboxState
from tests.delivery.fleet import (
    FRIDAY,
    STOCKHOLM,
    Fleet,
    keys_in_slack,
    new_standin,
    outbox_rows,
    populate,
)
from tests.delivery.fleet import seed as seed_fleet

LEASE = timedelta(minutes=2)


def channel_renderer(db: Database) -> Renderer:
    """A short text in the row's committee channel: these tests are about delivery, not content."""

    def render(row: Claimed) -> Outcome:
        with db.read() as s:
            committee = s.get_one(Committee, row.committee_id)
            channel, code = committee.channel_id, committee.code
        assert channel is not None
        text = f"Veckosammanfattning för {code}"
        return Send(channel=channel, text=text, blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": text}}])

    return render


class FakeTime:
    """A monotonic clock that moves only when slept on; records every sleep."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds


def dm_renderer(row: Claimed) -> Outcome:
    assert row.recipient is not None
    return Send(
        channel=row.recipient, text="Hej", blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "Hej"}}]
    )


@dataclass
class Rig:
    slack: SlackStandIn
    db: Database
    clock: ManualClock
    fleet: Fleet
    time: FakeTime = field(default_factory=FakeTime)

    def sender(self, worker: str = "w1", client: WebClient | None = None) -> Sender:
        return Sender(
            self.db,
            client or plain_client(self.slack.bot_token, self.slack.api_url),
            self.clock,
            {"digest": channel_renderer(self.db), "dm": dm_renderer},
            worker=worker,
            pacer=ChannelPacer(monotonic=self.time.monotonic, sleep=self.time.sleep),
            sleep=self.time.sleep,
            lease=LEASE,
        )

    def add(self, key: str, *, kind: str = "digest", committee: int = 1, recipient: str | None = None) -> None:
        with self.db.write() as s:
            planned = Planned(key=key, kind=kind, due_at=self.clock.now(), committee_id=committee, recipient=recipient)
            enqueue(s, [planned], self.clock.now())

    def posts(self) -> list[tuple[int, str | None]]:
        return [(c.status, c.error) for c in self.slack.calls_to("chat.postMessage")]

    def state(self, key: str) -> tuple[OutboxState, str | None]:
        with self.db.read() as s:
            row = s.scalars(select(OutboxMessage).where(OutboxMessage.key == key)).one()
            return row.state, row.error

    def later(self, seconds: float) -> None:
        self.clock.advance(timedelta(seconds=seconds))


def looked_up(rig: Rig) -> list[Any]:
    """The look-ups Slack answered: the fleet's channels were bound before the bot joined them, so
    the first look-up in one is refused (not_in_channel), the bot joins, and it looks again."""
    return [c for c in rig.slack.calls_to("conversations.history") if c.error is None]


@pytest.fixture
def rig(db: Database) -> Iterator[Rig]:
    clock = ManualClock(FRIDAY, STOCKHOLM)
    with new_standin(lambda: clock.now().timestamp()) as slack:
        fleet = populate(slack, owners=3, committees=2)
        seed_fleet(db, fleet, commitments=0, digests=0)
        yield Rig(slack=slack, db=db, clock=clock, fleet=fleet)
        assert slack.problems == []


def test_a_rate_limit_is_waited_out_and_the_message_goes_out_once(rig: Rig) -> None:
    rig.slack.inject("chat.postMessage", "rate_limited", retry_after=7)
    rig.add("digest:K0:w")
    rig.sender().run_once()
    assert rig.posts() == [(429, "ratelimited"), (200, None)]
    assert 7.0 in rig.time.sleeps
    assert rig.state("digest:K0:w") == (OutboxState.SENT, None)
    assert keys_in_slack(rig.slack) == {"digest:K0:w": 1}


def test_a_long_retry_after_reschedules_the_row_until_then(rig: Rig) -> None:
    wait = int(MAX_WAIT_IN_PLACE) + 30
    rig.slack.inject("chat.postMessage", "rate_limited", retry_after=wait)
    rig.add("digest:K0:w")
    sender = rig.sender()
    sender.run_once()
    assert rig.posts() == [(429, "ratelimited")]
    assert rig.state("digest:K0:w") == (OutboxState.PENDING, "ratelimited")
    rig.later(wait - 1)
    sender.run_once()
    assert len(rig.posts()) == 1  # not before Slack said
    rig.later(1)
    sender.run_once()
    assert rig.posts() == [(429, "ratelimited"), (200, None)]
    assert keys_in_slack(rig.slack) == {"digest:K0:w": 1}
    # A 429 is a refusal: nothing can have arrived, so no look-up in the history first.
    assert rig.slack.calls_to("conversations.history") == []


def test_server_errors_are_retried_with_growing_backoff_and_sent_once(rig: Rig) -> None:
    rig.slack.inject("chat.postMessage", "server_error", status=503, times=2)
    rig.add("digest:K0:w")
    sender = rig.sender()
    sender.run_once()
    assert [status for status, _ in rig.posts()] == [503]
    rig.later(29)
    sender.run_once()
    assert len(rig.posts()) == 1  # the first backoff is 30 s
    rig.later(1)
    sender.run_once()
    assert [status for status, _ in rig.posts()] == [503, 503]
    rig.later(59)
    sender.run_once()
    assert len(rig.posts()) == 2  # the second is a minute
    rig.later(1)
    sender.run_once()
    assert [status for status, _ in rig.posts()] == [503, 503, 200]
    assert rig.state("digest:K0:w") == (OutboxState.SENT, None)
    assert keys_in_slack(rig.slack) == {"digest:K0:w": 1}
    # A 5xx may hide a message that did arrive: it was looked for before each resend.
    assert len(looked_up(rig)) == 2


def test_a_dropped_connection_is_retried_after_a_look_up(rig: Rig) -> None:
    class Flaky(WebClient):
        failures = 1

        def chat_postMessage(self, **kwargs: Any) -> Any:
            if Flaky.failures:
                Flaky.failures -= 1
                raise ConnectionResetError("reset by peer")
            return super().chat_postMessage(**kwargs)

    client = Flaky(token=rig.slack.bot_token, base_url=rig.slack.api_url, timeout=10)
    client.retry_handlers.clear()
    rig.add("digest:K0:w")
    sender = rig.sender(client=client)
    sender.run_once()
    assert rig.state("digest:K0:w") == (OutboxState.PENDING, "connection:ConnectionResetError")
    rig.later(30)
    sender.run_once()
    assert keys_in_slack(rig.slack) == {"digest:K0:w": 1}
    assert rig.state("digest:K0:w") == (OutboxState.SENT, None)


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "account_inactive"])
def test_a_permanent_error_is_recorded_and_not_retried(rig: Rig, error: str) -> None:
    rig.slack.inject("chat.postMessage", "error", error=error)
    rig.add("digest:K0:w")
    sender = rig.sender()
    sender.run_once()
    assert rig.state("digest:K0:w") == (OutboxState.FAILED, error)
    for hours in (1, 24, 24 * 7):
        rig.later(hours * 3600)
        assert sender.run_once() == 0
    assert rig.posts() == [(200, error)]
    assert keys_in_slack(rig.slack) == {}


class Crash(BaseException):
    """The process dies right after Slack accepted the message (nothing is caught)."""


def _crashing_client(rig: Rig) -> WebClient:
    class CrashAfterPost(WebClient):
        def chat_postMessage(self, **kwargs: Any) -> Any:
            super().chat_postMessage(**kwargs)
            raise Crash

    client = CrashAfterPost(token=rig.slack.bot_token, base_url=rig.slack.api_url, timeout=10)
    client.retry_handlers.clear()
    return client


@pytest.mark.parametrize("where", ["channel", "dm"])
@pytest.mark.parametrize("newer", [0, 450])
def test_a_crash_after_the_post_is_not_sent_twice(rig: Rig, where: str, newer: int) -> None:
    """The row is left `sending_since`, its claim expires, the next sender finds the message in Slack.

    `newer`: messages posted to the conversation after it, more than one page of history.
    """
    owner = rig.fleet.owners[0]
    if where == "dm":
        rig.add("remind:x", kind="dm", recipient=owner)
        key = "remind:x"
    else:
        rig.add("digest:K0:w")
        key = "digest:K0:w"
    with pytest.raises(Crash):
        rig.sender("dead", client=_crashing_client(rig)).run_once()
    assert rig.state(key) == (OutboxState.PENDING, None)
    client = plain_client(rig.slack.bot_token, rig.slack.api_url)
    target = owner if where == "dm" else rig.fleet.channels[0]
    for i in range(newer):
        rig.later(1)
        client.chat_postMessage(
            channel=target,
            text=f"annat {i}",
            metadata={"event_type": METADATA_EVENT, "event_payload": {"key": f"other:{i}"}},
        )
    successor = rig.sender("alive")
    if newer == 0:
        rig.later(LEASE.total_seconds() - 1)
        assert successor.run_once() == 0  # the dead sender's claim still holds
    rig.later(LEASE.total_seconds() + 1)
    assert successor.run_once() == 1
    assert keys_in_slack(rig.slack)[key] == 1
    state, channel, ts = outbox_rows(rig.db)[key]
    assert state == OutboxState.SENT
    message = rig.slack.workspace.find_message(channel or "", ts or "")
    assert message is not None and (message.metadata or {})["event_payload"] == {"key": key}
    assert len(rig.slack.calls_to("chat.postMessage")) == 1 + newer


def test_a_send_interrupted_before_it_reached_slack_is_sent_once(rig: Rig) -> None:
    class CrashBeforePost(WebClient):
        def chat_postMessage(self, **kwargs: Any) -> Any:
            raise Crash

    client = CrashBeforePost(token=rig.slack.bot_token, base_url=rig.slack.api_url, timeout=10)
    rig.add("digest:K0:w")
    with pytest.raises(Crash):
        rig.sender("dead", client=client).run_once()
    rig.later(LEASE.total_seconds() + 1)
    assert rig.sender("alive").run_once() == 1
    assert keys_in_slack(rig.slack) == {"digest:K0:w": 1}
    assert len(looked_up(rig)) == 1


def test_the_pacer_keeps_one_second_between_posts_to_one_channel() -> None:
    fake = FakeTime()
    pacer = ChannelPacer(monotonic=fake.monotonic, sleep=fake.sleep)
    assert pacer.wait("C1") == 0
    assert pacer.wait("C2") == 0  # another channel does not wait
    assert pacer.wait("C1") == 1.0
    fake.t += 0.4
    assert pacer.wait("C1") == pytest.approx(0.6)
    fake.t += 5
    assert pacer.wait("C1") == 0
    pacer.hold("C2", 10)
    assert pacer.wait("C2") == 10
    assert fake.sleeps == [1.0, pytest.approx(0.6), 10]


def test_the_sender_posts_at_most_once_a_second_per_channel(rig: Rig) -> None:
    for i in range(3):
        rig.add(f"digest:K0:{i}", committee=1)
    rig.add("digest:K1:0", committee=2)
    posted_at: list[tuple[str, float]] = []

    class Timed(WebClient):
        def chat_postMessage(self, **kwargs: Any) -> Any:
            posted_at.append((str(kwargs["channel"]), rig.time.t))
            return super().chat_postMessage(**kwargs)

    client = Timed(token=rig.slack.bot_token, base_url=rig.slack.api_url, timeout=10)
    client.retry_handlers.clear()
    assert rig.sender(client=client).run_once() == 4
    for channel in rig.fleet.channels:
        times = [t for c, t in posted_at if c == channel]
        assert all(b - a >= 1.0 for a, b in pairwise(times)), (channel, times)
    assert len([c for c, _ in posted_at if c == rig.fleet.channels[0]]) == 3
    assert sum(rig.time.sleeps) == pytest.approx(2.0)  # two waits in the busy channel, none in the other
