"""One DM a morning per person responsible: several reminders for the same owner become one message
listing them, each commitment with its own answers (issue 15, "Bursts")."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.standin.sizes import block_text_length
from bot.standin.workspace import Message
from storage.models import OutboxMessage, OutboxState
from tests.scenario.conftest import World

BLOCK_TEXT_BUDGET = 10_000


def _bot_dms(world: World, user: str) -> list[Message]:
    bot = world.slack.workspace.bot_user.id
    return [m for m in world.slack.visible_messages(user, world.slack.dm(user).id) if m.user == bot]


def _answer_blocks(message: Message) -> dict[int, dict[str, object]]:
    """Commitment id -> the actions block with its answers, in one message."""
    found = {}
    for block in message.blocks or []:
        match = re.fullmatch(r"answer:(\d+)", str(block.get("block_id") or ""))
        if match:
            found[int(match.group(1))] = block
    return found


def _states(world: World) -> dict[str, str]:
    with world.bot.svc.db.read() as session:
        return {r.key: r.state.value for r in session.scalars(select(OutboxMessage))}


def test_forty_reminders_one_morning_come_as_a_few_messages_listing_them_all(world: World) -> None:
    world.quick_committee()
    for n in range(40):
        world.add(f"Åtgärd {n + 1} & uppföljning <av rutin>", deadline="2027-04-30")  # Friday 30 April
    world.at("2027-01-11 09:05")
    world.at("2027-04-16 08:30")  # 14 days before: forty reminders to anna at once
    messages = _bot_dms(world, "anna")
    assert 1 <= len(messages) <= 3, f"{len(messages)} DMs to one person in one morning"
    listed: dict[int, Message] = {}
    for message in messages:
        blocks = message.blocks or []
        assert len(blocks) <= 50
        assert block_text_length(blocks) <= BLOCK_TEXT_BUDGET
        for commitment_id in _answer_blocks(message):
            assert commitment_id not in listed, f"commitment {commitment_id} listed twice"
            listed[commitment_id] = message
    # Every commitment is listed, with its own buttons, and every reminder row is recorded as sent.
    assert sorted(listed) == list(range(1, 41))
    reminders = {k: v for k, v in _states(world).items() if k.startswith("remind:")}
    assert len(reminders) == 40 and set(reminders.values()) == {OutboxState.SENT.value}
    # The same moment again (a restart, another replica): nothing new.
    world.at("2027-04-16 08:31")
    assert len(_bot_dms(world, "anna")) == len(messages)

    # Answering one commitment records it for that commitment, and its part of the message shows the answer.
    message = listed[7]
    world.click("anna", message, "Markera som klart", block_id="answer:7")
    assert world.history_kinds("BUN-7")[-1] == "status"
    assert world.history_kinds("BUN-8")[-1] == "created"
    updated = world.slack.workspace.find_message(world.slack.dm("anna").id, message.ts)
    assert updated is not None
    still = _answer_blocks(updated)
    assert 7 not in still  # answered: no buttons left for it
    assert set(still) == set(_answer_blocks(message)) - {7}  # the others keep theirs
    assert "BUN-7" in world.slack.render_message(updated)
    world.click("anna", updated, "Pågår enligt plan", block_id="answer:8")
    assert world.history_kinds("BUN-8")[-1] == "status"
    assert world.history_kinds("BUN-9")[-1] == "created"


def test_reminders_to_different_owners_stay_apart(world: World) -> None:
    world.quick_committee()
    for n in range(3):
        world.add(f"Annas åtgärd {n + 1}", deadline="2027-04-30")
    world.add("Olles åtgärd", deadline="2027-04-30", owner="olle")
    world.at("2027-01-11 09:05")
    world.at("2027-04-16 08:30")
    to_anna, to_olle = _bot_dms(world, "anna"), _bot_dms(world, "olle")
    assert len(to_anna) == 1 and sorted(_answer_blocks(to_anna[0])) == [1, 2, 3]
    assert len(to_olle) == 1 and sorted(_answer_blocks(to_olle[0])) == [4]
    # One reminder alone is the reminder as it always was.
    assert "om 14 dagar" in world.slack.render_message(to_olle[0])


def test_more_than_three_messages_hold_wait_for_the_next_working_day_and_are_counted(world: World) -> None:
    world.quick_committee()
    long_text = "Nämnden ska se över rutinen för uppföljning av avvikelser och rapportera " * 27  # ~2,000 characters
    for n in range(70):
        world.add(f"{n + 1}: {long_text}"[:2000], deadline="2027-04-30")
    world.at("2027-01-11 09:05")
    world.at("2027-04-16 08:30")  # Friday
    messages = _bot_dms(world, "anna")
    assert len(messages) == 3
    listed = [cid for m in messages for cid in _answer_blocks(m)]
    for message in messages:
        assert len(message.blocks or []) <= 50 and block_text_length(message.blocks) <= BLOCK_TEXT_BUDGET
    assert len(listed) == len(set(listed)) < 70
    left = 70 - len(listed)
    last = world.slack.render_message(messages[-1])
    assert f"{left} åtaganden till" in last and "/atagande mina" in last and "nästa arbetsdag" in last
    states = _states(world)
    assert sum(v == OutboxState.SENT.value for k, v in states.items() if k.startswith("remind:")) == len(listed)
    assert sum(v == OutboxState.PENDING.value for k, v in states.items() if k.startswith("remind:")) == left
    # Those left wait for Monday's message (the next working day), not for a burst the same morning.
    world.at("2027-04-16 17:00")
    assert len(_bot_dms(world, "anna")) == 3
    world.at("2027-04-19 08:30")
    monday = _bot_dms(world, "anna")[3:]
    assert 1 <= len(monday) <= 3
    assert sorted(listed + [cid for m in monday for cid in _answer_blocks(m)]) == list(range(1, 71))


def test_thirty_escalations_one_morning_come_to_the_secretary_as_a_few_messages(world: World) -> None:
    # A committee whose ansvarig answered nothing: fourteen days after the deadline every commitment
    # escalates to the nämndsekreterare, who gets a few messages listing them, not thirty.
    world.quick_committee()
    for n in range(30):
        world.add(f"Åtgärd {n + 1}", deadline="2027-04-30")
    world.at("2027-01-11 09:05")
    world.at("2027-05-14 08:30")  # the escalation day
    messages = _bot_dms(world, "sara")
    assert 1 <= len(messages) <= 3, f"{len(messages)} DMs to one secretary in one morning"
    listed: dict[int, Message] = {}
    for message in messages:
        assert len(message.blocks or []) <= 50
        assert block_text_length(message.blocks or []) <= BLOCK_TEXT_BUDGET
        assert "Obesvarat" in world.slack.render_message(message)
        for commitment_id in _answer_blocks(message):
            listed[commitment_id] = message
    assert sorted(listed) == list(range(1, 31))
    to_sara = f":to:{world.uid('sara')}"
    escalations = {k: v for k, v in _states(world).items() if k.startswith("escalate:") and k.endswith(to_sara)}
    assert len(escalations) == 30 and set(escalations.values()) == {OutboxState.SENT.value}
    # "Byt ansvarig" beside each commitment's answers opens the form for that commitment.
    world.click("sara", listed[12], "Byt ansvarig", block_id="answer:12")
    assert "[ Åtgärd 12 ]" in world.modal_text("sara")
