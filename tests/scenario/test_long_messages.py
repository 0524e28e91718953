"""A weekly digest with every section full and the monthly overview at 120 committees arrive whole.

Slack refuses a message whose blocks carry too much text in all (``msg_blocks_too_long``), and the
stand-in does too. The bot posts such a message as a first message and continuations in its thread:
every commitment and every committee is there, each message is within Slack's limits, and each part
is posted once.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from bot.services import commitments as commitment_service
from bot.services import committees as committee_service
from bot.services.validation import ResolvedDeadline
from bot.standin.sizes import MAX_BLOCK_TEXT, block_text_length
from bot.standin.workspace import Message
from storage.models import CommitmentStatus, OutboxMessage, OutboxState
from tests.conftest import STOCKHOLM
from tests.scenario.conftest import World

PER_SECTION = 12
# A long title, as an audit's commitments often have; each line of the digest shows it shortened.
TITLE = (
    "Revidera den lokala överenskommelsen om samverkan kring barn och unga som far illa eller riskerar att "
    "fara illa, med polisen, socialtjänsten, elevhälsan och barn- och ungdomspsykiatrin, och följ upp den"
)


def _at(moment: str) -> datetime:
    return datetime.fromisoformat(moment).replace(tzinfo=STOCKHOLM)


def outbox_messages(world: World, channel: str, prefix: str) -> list[Message]:
    """The bot's outbox messages in ``channel`` whose key starts with ``prefix``, thread replies included."""
    return [
        m
        for m in world.slack.visible_messages("olle", channel)
        if str((m.metadata or {}).get("event_payload", {}).get("key", "")).startswith(prefix)
    ]


def check_thread(messages: list[Message], key: str) -> Message:
    """One first message with ``key``, the rest replies in its thread, each within Slack's limits; the first."""
    parents = [m for m in messages if not m.is_reply]
    assert [(p.metadata or {})["event_payload"]["key"] for p in parents] == [key]
    parent = parents[0]
    replies = [m for m in messages if m.is_reply]
    assert replies, "the message fitted in one: nothing here needed a thread"
    assert {m.thread_ts for m in replies} == {parent.ts}
    keys = [(m.metadata or {})["event_payload"]["key"] for m in messages]
    assert keys == [key, *(f"{key}#{n}" for n in range(2, len(messages) + 1))]
    for message in messages:
        assert block_text_length(message.blocks) <= MAX_BLOCK_TEXT
        assert len(message.blocks) <= 50
    # The first message says that the rest follows in its thread.
    assert "tråden" in json.dumps(parent.blocks[-1], ensure_ascii=False)
    return parent


def committee_id(world: World, code: str) -> int:
    with world.bot.svc.db.read() as session:
        return committee_service.get_committee(session, code).id


def test_a_digest_with_every_section_full_arrives_whole_in_its_thread(world: World) -> None:
    world.quick_committee()  # created Monday 11 January 2027
    svc = world.bot.svc
    admin = world.actor("admin")
    refs: dict[str, list[str]] = {}
    deadlines = {
        "overdue": "2027-02-10",
        "due_soon": "2027-03-01",
        "done": "2027-06-30",
        "moved": "2027-06-30",
        "silent": "2027-06-30",
    }
    for kind, deadline in deadlines.items():
        refs[kind] = [world.add(f"{TITLE} ({kind} {n})", deadline=deadline) for n in range(PER_SECTION)]
    with svc.db.write() as session:
        for kind in ("overdue", "due_soon"):
            for ref in refs[kind]:  # spoken of lately: not silent
                c = commitment_service.get_by_reference(session, ref)
                commitment_service.add_comment(session, admin, c, "Arbetet pågår", None, _at("2027-02-01 10:00"))
        for ref in refs["done"]:
            c = commitment_service.get_by_reference(session, ref)
            commitment_service.set_status(session, admin, c, CommitmentStatus.DONE, _at("2027-02-10 10:00"))
        new = date(2027, 9, 30)
        for ref in refs["moved"]:
            c = commitment_service.get_by_reference(session, ref)
            commitment_service.move_deadline(
                session,
                admin,
                c,
                ResolvedDeadline(new, new.isoformat(), 1.0),
                "Nämnden väntar på den nya lagstiftningen och på underlag från regionen innan arbetet kan slutföras",
                _at("2027-02-10 10:00"),
            )
    world.at("2027-01-11 09:05")
    world.at("2027-02-15 08:00")  # Monday of week 7
    messages = outbox_messages(world, "bun", "digest:")
    check_thread(messages, f"digest:{committee_id(world, 'BUN')}:2027-W07")
    shown = "\n".join(json.dumps(m.blocks, ensure_ascii=False) for m in messages)
    missing = [ref for kind_refs in refs.values() for ref in kind_refs if ref not in shown]
    assert missing == []
    with svc.db.read() as session:
        rows = session.query(OutboxMessage).filter(OutboxMessage.key.like("digest:%")).all()
        assert {row.state for row in rows} == {OutboxState.SENT}
    world.at("2027-02-15 12:00")
    assert len(outbox_messages(world, "bun", "digest:")) == len(messages)


def test_the_overview_at_120_committees_arrives_whole_in_its_thread(world: World) -> None:
    svc = world.bot.svc
    admin = world.actor("admin")
    now = svc.clock.now()
    codes = [f"N{n:03d}" for n in range(119)]
    with svc.db.write() as session:
        committee_service.create_committee(session, admin, "KS", "Kommunstyrelsen", now)
        committee_service.bind_channel(session, admin, "KS", world.slack.channel("allmant").id, "allmant")
        for code in codes:
            name = f"Nämnden för samhällsbyggnad, kultur, fritid, miljö och hälsoskydd i kommundel {code}"
            committee_service.create_committee(session, admin, code, name, now)
    world.at("2027-01-11 09:05")
    world.at("2027-02-01 08:00")  # the first working day of February
    messages = outbox_messages(world, "allmant", "overview:")
    check_thread(messages, "overview:2027-02")
    shown = "\n".join(json.dumps(m.blocks, ensure_ascii=False) for m in messages)
    assert [code for code in ["KS", *codes] if f"*{code}*" not in shown] == []
    assert sum(f.name.endswith(".png") for f in world.slack.workspace.files.values()) == 1
    world.at("2027-02-02 08:00")
    assert len(outbox_messages(world, "allmant", "overview:")) == len(messages)
