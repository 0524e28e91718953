"""An import's cards go to the committee's channel as Slack takes them: one summary, the cards in its
thread, through the outbox, each exactly once, even with a crash halfway (issue 15, bursts)."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.app.scheduled import renderers
from bot.outbox.sender import Sender
from bot.standin.workspace import Message
from storage.models import Commitment
from tests.scenario.conftest import World
from tests.scenario.test_import import many_commitments, review_button, share

# The most distinct commitments the shared long answer holds (8 verbs × 5 objects).
CARDS = 40
REF = re.compile(r"\*(BUN-\d+)\*")


def _import(world: World, n: int) -> None:
    world.quick_committee()
    share(world, "sara", "manga-svar.txt", many_commitments(n).encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    world.submit("sara")


def _bot_messages(world: World) -> list[Message]:
    channel = world.slack.channel("bun")
    with world.slack.workspace.lock:
        return [m for m in channel.messages if m.bot_id is not None]


def _ref(message: Message) -> str | None:
    found = REF.search(json.dumps(message.blocks, ensure_ascii=False))
    return found.group(1) if found else None


def _thread_refs(world: World) -> tuple[Message, list[str]]:
    """The one top-level message the import left in #bun, and the card refs in its thread in order."""
    messages = _bot_messages(world)
    top = [m for m in messages if not m.is_reply]
    assert len(top) == 1, [world.slack.render_message(m)[:80] for m in top[:5]]
    replies = [m for m in messages if m.is_reply]
    assert {m.thread_ts for m in replies} == {top[0].ts}
    return top[0], [ref for ref in (_ref(m) for m in replies) if ref]


def test_confirming_a_large_import_posts_a_summary_and_every_card_once_in_its_thread(world: World) -> None:
    _import(world, CARDS)
    world.bot.run_due()

    summary, refs = _thread_refs(world)
    assert f"{CARDS} nya åtaganden" in world.slack.render_message(summary)
    assert "manga-svar.txt" in world.slack.render_message(summary)
    assert sorted(refs, key=lambda r: int(r.split("-")[1])) == [f"BUN-{i}" for i in range(1, CARDS + 1)]
    assert len(refs) == len(set(refs)) == CARDS
    # Each card's place is kept on its commitment, so changes update it in place.
    with world.bot.svc.db.read() as session:
        places = {(c.message_channel, c.message_ts) for c in session.scalars(select(Commitment))}
    replies = {(m.channel, m.ts) for m in _bot_messages(world) if m.is_reply}
    assert places == replies


class Crash(BaseException):
    """The process dies: nothing of the sender's own handling runs."""


class DiesAfterPosting(WebClient):
    """A client whose process dies right after its `posts`-th message has reached Slack."""

    def __init__(self, posts: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.posts = posts

    def chat_postMessage(self, **kwargs: Any) -> Any:
        response = super().chat_postMessage(**kwargs)
        self.posts -= 1
        if self.posts == 0:
            raise Crash
        return response


def test_a_crash_halfway_through_the_cards_posts_each_card_exactly_once(world: World) -> None:
    _import(world, CARDS)
    svc = world.bot.svc
    dying = DiesAfterPosting(1 + CARDS // 2, token=world.slack.bot_token, base_url=world.slack.api_url)
    dying.retry_handlers.clear()
    dead = Sender(
        svc.db,
        dying,
        svc.clock,
        renderers(svc, lambda: None),
        worker="dead",
        pacer=world.bot.waits.pacer(),
        sleep=world.bot.waits.sleep,
    )
    with pytest.raises(Crash):
        dead.run_once()
    _summary, before = _thread_refs(world)
    assert len(before) == CARDS // 2

    # The dead sender's claims lapse; the bot's own sender takes the rest over.
    world.clock.advance(timedelta(minutes=3))
    world.bot.run_due()

    _summary, refs = _thread_refs(world)
    # The card whose sender died in the call was found in the thread, not posted again.
    assert len(refs) == len(set(refs)) == CARDS


def test_an_owner_of_many_imported_commitments_is_told_once(world: World) -> None:
    # Slack takes about a message a second per conversation, and nobody reads a dozen DMs that say
    # the same: an owner given many commitments in one import gets one message listing them.
    world.quick_committee()
    share(world, "sara", "manga-svar.txt", many_commitments(12).encode("utf-8"))
    world.click("sara", review_button(world, "sara"), "Gå igenom och importera")
    owners = [str(b["block_id"]) for b in world.modal("sara").blocks if str(b.get("block_id", "")).endswith("_owner")]
    assert len(owners) >= 5
    for block_id in owners:
        world.slack.fill("sara", block_id, "anna", block_id=block_id)
    world.submit("sara")
    world.bot.run_due()

    dm = world.slack.dm("anna").id
    told = [m for m in world.slack.visible_messages("anna", dm) if m.bot_id is not None]
    assert len(told) == 1, [world.slack.render_message(m)[:80] for m in told]
    text = world.slack.render_message(told[0])
    with world.bot.svc.db.read() as session:
        refs = [f"BUN-{c.number}" for c in session.scalars(select(Commitment)) if c.owner is not None]
    assert len(refs) == len(owners)
    assert all(ref in text for ref in refs), text
    assert f"{len(refs)} nya åtaganden" in text
