"""The bot in a committee's channel: it joins a public channel when the channel is bound, asks to be
invited to a private one, and, for a channel bound before it joined, joins when Slack says it is
not a member and tries once more instead of losing or doubling what it sends there."""

from __future__ import annotations

from tests.scenario.conftest import World


def _committee_without_channel(world: World) -> None:
    world.run("admin", "bun", "/atagande nämnd ny BUN Barn- och utbildningsnämnden")
    world.run("admin", "bun", "/atagande nämnd sekreterare BUN @sara")


def test_binding_a_public_channel_makes_the_bot_join_it(world: World) -> None:
    world.slack.add_channel("revision", members=["sara", "olle"])
    _committee_without_channel(world)
    world.run("sara", "revision", "/atagande kanal BUN")
    revision = world.slack.channel("revision")
    assert world.slack.bot_user_id in revision.members
    assert world.committees()["BUN"][1] == revision.id
    assert [c.error for c in world.slack.calls if c.method == "conversations.join"] == [None]


def test_a_private_channel_is_bound_only_once_the_bot_is_invited(world: World) -> None:
    world.slack.add_channel("bun-intern", is_private=True, members=["sara", "olle"])
    _committee_without_channel(world)
    world.run("sara", "bun-intern", "/atagande kanal BUN")
    answer = world.last("sara", "bun-intern")
    assert answer.is_ephemeral
    assert "/invite @Åtagandeboten" in world.slack.render_message(answer)
    assert world.committees()["BUN"][1] is None
    world.slack.workspace.join("bun-intern", world.slack.bot_user_id)  # sara invites the bot
    world.run("sara", "bun-intern", "/atagande kanal BUN")
    assert world.committees()["BUN"][1] == world.slack.channel("bun-intern").id
    assert "hör nu till BUN" in world.last_text("sara", "bun-intern")


def _bound_before_the_bot_joined(world: World, code: str, name: str, channel: str) -> None:
    """A committee whose channel was bound before binding made the bot join it."""
    world.quick_committee(code, name, channel="")
    world.bind_without_joining(code, channel)
    assert world.slack.bot_user_id not in world.slack.channel(channel).members


def test_the_monthly_chart_lands_in_a_channel_bound_before_the_bot_joined(world: World) -> None:
    world.quick_committee()
    world.add("Revidera rutinen", deadline="2027-01-29")
    _bound_before_the_bot_joined(world, "KS", "Kommunstyrelsen", "allmant")
    world.at("2027-02-01 08:00")  # the first working day of February: the overview and its chart
    allmant = world.slack.channel("allmant").id
    with world.slack.workspace.lock:
        charts = [f for f in world.slack.workspace.files.values() if f.name.endswith(".png") and f.completed]
    assert [f.channels for f in charts] == [[allmant]]
    [overview] = [m for m in world.slack.visible_messages("olle", "allmant") if "overview:" in str(m.metadata)]
    [chart_message] = [m for m in world.slack.visible_messages("olle", "allmant") if m.files]
    assert chart_message.thread_ts == overview.ts
    assert world.slack.bot_user_id in world.slack.channel("allmant").members


def test_the_follow_up_pack_is_shared_in_a_channel_bound_before_the_bot_joined(world: World) -> None:
    _bound_before_the_bot_joined(world, "BUN", "Barn- och utbildningsnämnden", "bun")
    world.add("Revidera den lokala BUS-överenskommelsen", dnr="2023/BUN 0148")
    world.run("olle", "allmant", "/atagande rapport BUN")
    world.slack.wait_for(
        lambda: any(f.completed for f in world.slack.workspace.files.values()), timeout=30, what="the pack"
    )
    world.bot.settle()
    bun = world.slack.channel("bun").id
    with world.slack.workspace.lock:
        [pack] = [f for f in world.slack.workspace.files.values() if f.completed]
    assert pack.channels == [bun]
    assert world.slack.render_channel("olle", world.slack.dm("olle").id).strip() == ""
    assert "ligger nu i" in world.ephemeral_of("olle", "allmant")[-1]
