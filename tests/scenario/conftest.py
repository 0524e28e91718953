"""The real bot, driven through the local Slack stand-in over Socket Mode and HTTP.

A scenario runs over a real Socket Mode connection, the bot's default. The
listeners are the same over either transport, so only a small matrix also runs
over real signed HTTP requests: tests marked ``@pytest.mark.transports("socket",
"http")`` (each kind of Slack request at least once: a slash command, a button,
a modal's submission and its live action, both shortcuts, each event, retries),
and ``transports("http")`` for what only HTTP has (signatures, /healthz). The
stand-in checks every Web API call against its table of Slack's methods
(generated from Slack's reference).

After each scenario the fixture checks what people saw: Slack had nothing to
complain about in the bot's answers, no ack failed (Slackbot's English "failed
with the error" note), and no stack trace reached any message or view.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import pytest
from sqlalchemy import func, select

from bot.app.local_slack import LocalBot, Mode
from bot.clock import ManualClock
from bot.services import commitments as commitment_service
from bot.services import committee_admin
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.people import Actor
from bot.slack.delivery import Delivery
from bot.standin import SlackStandIn
from bot.standin.delivery import Ack, Envelope
from bot.standin.http_delivery import HttpDelivery
from bot.standin.user_side import Interaction
from bot.standin.workspace import SLACKBOT_ID, Message, View
from storage.models import Commitment, Committee
from tests.unit.test_form_placeholders import placeholder_problems

# Named in ATAGANDE_ADMINS (LocalBot's ``admins``) but no admin in Slack itself.
CONFIGURED_ADMIN_ID = "UKIMADMIN1"
T = TypeVar("T")
LEAKS = ("Traceback", "Exception", "Error:", "failed with the error")


@dataclass
class World:
    """The bot and a small workspace.

    People: ``admin`` (a Slack workspace admin), ``kim`` (an admin only through
    ATAGANDE_ADMINS), ``sara`` (becomes BUN's secretary), ``anna`` (an owner) and
    ``olle`` (a bystander). Channels: ``bun`` and ``allmant``, everyone in both but the bot, which
    joins a channel when a committee is bound to it.
    """

    bot: LocalBot
    slack: SlackStandIn
    clock: ManualClock
    mode: Mode

    # -- acting ------------------------------------------------------------------------

    def run(self, user: str, channel: str, text: str) -> Interaction:
        """Type a slash command and wait for the bot to finish."""
        command, _, rest = text.partition(" ")
        interaction = self.slack.slash_command(user, channel, command, rest)
        assert interaction.acked, f"{text!r} was not acknowledged: {interaction.ack}"
        self.bot.settle()
        return interaction

    def act(self, action: Callable[[], T]) -> T:
        """Do something in Slack that the bot answers, and wait for the answer."""
        result = action()
        self.bot.settle()
        return result

    def at(self, moment: str) -> None:
        """Move the clock to ``moment`` (Stockholm time, ISO) and run what has come due, as the timer would."""
        self.clock.set(datetime.fromisoformat(moment).replace(tzinfo=self.clock.tz))
        self.bot.run_due()

    def click(self, user: str, where: Any, label: str, **kwargs: Any) -> Interaction:
        """Click a button and wait for the bot to finish."""
        interaction = self.slack.click_button(user, where, label, **kwargs)
        assert interaction.acked, f"the click on {label!r} was not acknowledged: {interaction.ack}"
        self.bot.settle()
        return interaction

    def submit(self, user: str) -> Interaction:
        """Submit the user's modal and wait for the bot to finish."""
        interaction = self.slack.submit_view(user)
        self.bot.settle()  # saved: the bot now tells people about it
        return interaction

    def fill(self, user: str, **fields: str) -> None:
        """Fill fields of the user's modal by label (``fill("sara", **{"Nämnd": "BUN"})``)."""
        for label, value in fields.items():
            if self.slack.fill(user, label, value) is not None:
                self.bot.settle()  # the field dispatched an action; the bot updates the modal

    def resend(self, interaction: Interaction) -> Ack:
        """Deliver the very same payload again, as a retry would (same ids)."""
        envelope = Envelope(
            interaction.type,
            json.loads(json.dumps(interaction.payload)),
            accepts_response_payload=interaction.type != "events_api",
            retry_attempt=1 if interaction.type == "events_api" else 0,
            retry_reason="timeout" if interaction.type == "events_api" else "",
        )
        if self.mode == "http":
            url = f"{self.bot.http_url}/slack/events"
            ack = HttpDelivery(url, self.slack.signing_secret).deliver(envelope)
        else:
            ack = self.slack.socket_mode.deliver(envelope)
        self.bot.settle()
        return ack

    # -- looking -------------------------------------------------------------------------

    def uid(self, name: str) -> str:
        return self.slack.user(name).id

    def last(self, user: str, channel: str) -> Message:
        message = self.slack.latest_visible(user, channel)
        assert message is not None, (
            f"{user} sees nothing in {channel}; "
            f"calls: {[(c.method, c.status, c.error, c.at) for c in self.slack.calls]}; "
            f"interactions: {[(i.type, i.acked, i.ack) for i in self.slack.interactions]}"
        )
        return message

    def last_text(self, user: str, channel: str) -> str:
        return self.slack.render_message(self.last(user, channel))

    def dm_text(self, user: str) -> str:
        """Everything the bot wrote to ``user`` in their DM, as text."""
        return self.slack.render_channel(user, self.slack.dm(user).id)

    def modal(self, user: str) -> View:
        view = self.slack.open_view(user)
        assert view is not None, f"{user} has no modal open"
        return view

    def modal_text(self, user: str) -> str:
        return self.slack.render_view(self.modal(user))

    def home_text(self, user: str) -> str:
        view = self.slack.home(user)
        assert view is not None, f"no Home tab was published for {user}"
        return self.slack.render_view(view)

    def card(self, ref: str, channel: str = "bun") -> Message:
        """The commitment's own message in a channel (the one with the answer buttons)."""
        found = [
            m
            for m in self.slack.visible_messages("olle", channel)
            if not m.is_ephemeral and f"*{ref}*" in json.dumps(m.blocks, ensure_ascii=False)
        ]
        assert len(found) == 1, f"expected one card for {ref} in {channel}, found {len(found)}"
        return found[0]

    def card_text(self, ref: str, channel: str = "bun") -> str:
        return self.slack.render_message(self.card(ref, channel))

    def ephemeral_of(self, user: str, channel: str) -> list[str]:
        return [self.slack.render_message(m) for m in self.slack.visible_messages(user, channel) if m.is_ephemeral]

    # -- set-up through the services (fast; the commands have their own tests) ------------

    def actor(self, name: str) -> Actor:
        return self.bot.svc.actor(self.uid(name))

    def setup_bun(self) -> None:
        """BUN with sara as secretary and #bun as its channel, through the commands."""
        self.run("admin", "bun", "/atagande nämnd ny BUN Barn- och utbildningsnämnden")
        self.run("admin", "bun", "/atagande nämnd sekreterare BUN @sara")
        self.run("sara", "bun", "/atagande kanal BUN")

    def quick_committee(
        self, code: str = "BUN", name: str = "Barn- och utbildningsnämnden", channel: str = "bun"
    ) -> None:
        """A committee with sara as secretary, straight into the database, bound to ``channel`` through
        the binding service, which makes the bot join the channel as the command does."""
        svc = self.bot.svc
        admin = self.actor("admin")
        now = svc.clock.now()
        with svc.db.write() as session:
            committee_service.create_committee(session, admin, code, name, now)
            committee_service.add_secretaries(session, admin, code, [(self.uid("sara"), "Sara Sekreterare")], now)
        if channel:
            committee_admin.bind_channel(svc, admin, code, self.slack.channel(channel).id, channel)

    def bind_without_joining(self, code: str, channel: str) -> None:
        """Bind ``channel`` to ``code`` straight in the database, as before binding made the bot join:
        a committee whose channel the bot is not in."""
        with self.bot.svc.db.write() as session:
            committee_service.bind_channel(session, self.actor("admin"), code, self.slack.channel(channel).id, channel)

    def add(
        self,
        text: str,
        *,
        deadline: str = "senast i april 2027",
        owner: str | None = "anna",
        committee: str = "BUN",
        announce: bool = False,
        **fields: str,
    ) -> str:
        """Register a commitment through the services as sara; returns its reference."""
        svc = self.bot.svc
        raw = CommitmentInput(
            text=text,
            committee=committee,
            owner_user_id=self.uid(owner) if owner else None,
            owner_name=self.slack.user(owner).real_name if owner else None,
            deadline=deadline,
            **fields,
        )
        with svc.db.write() as session:
            draft = commitment_service.validate(session, raw, svc.clock.today())
            c = commitment_service.create(session, self.actor("sara"), draft, svc.clock.now())
            ref, commitment_id = c.reference, c.id
        if announce:
            Delivery(svc, self.bot.client).announce(commitment_id, self.uid("sara"))
            self.bot.settle()
        return ref

    def history_kinds(self, ref: str) -> list[str]:
        with self.bot.svc.db.read() as session:
            c = commitment_service.get_by_reference(session, ref)
            return [u.kind.value for u in commitment_service.history(session, c)]

    def count_commitments(self) -> int:
        with self.bot.svc.db.read() as session:
            return int(session.scalar(select(func.count()).select_from(Commitment)) or 0)

    def committees(self) -> dict[str, tuple[str, str | None, list[str]]]:
        """code → (name, channel id, secretaries' user ids), from the database."""
        with self.bot.svc.db.read() as session:
            return {
                c.code: (c.name, c.channel_id, sorted(p.slack_user_id for p in committee_service.secretaries(c)))
                for c in session.scalars(select(Committee).order_by(Committee.code))
            }

    # -- what people saw ----------------------------------------------------------------------

    def everything_shown(self) -> list[str]:
        """Every message and view in the workspace as raw JSON text (for leak checks)."""
        workspace = self.slack.workspace
        shown: list[str] = []
        with workspace.lock:
            for channel in workspace.channels.values():
                for m in [*channel.messages, *channel.ephemerals]:
                    author = "slackbot" if m.user == SLACKBOT_ID else "bot"
                    shown.append(f"{author}: {m.text} {json.dumps(m.blocks, ensure_ascii=False)}")
            for view in workspace.views.values():
                shown.append(json.dumps(view.blocks, ensure_ascii=False))
        return shown


def _no_leaks(world: World) -> list[str]:
    return [text[:300] for text in world.everything_shown() if any(leak in text for leak in LEAKS)]


FORM_METHODS = ("views.open", "views.push", "views.update", "views.publish")


def _english_placeholders(world: World) -> list[str]:
    """Every field of every form the bot opened says in Swedish what to fill in (Slack's own default is English)."""
    found: list[str] = []
    for method in FORM_METHODS:
        for call in world.slack.calls_to(method):
            view = call.args.get("view")
            if isinstance(view, dict):
                found += placeholder_problems(view.get("blocks") or [])
    return found


TRANSPORTS: tuple[Mode, ...] = ("socket", "http")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run a scenario over Socket Mode, or over the transports its ``transports`` mark names."""
    if "world" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("transports")
    modes = tuple(marker.args) if marker is not None else ("socket",)
    unknown = [mode for mode in modes if mode not in TRANSPORTS]
    if unknown or not modes:
        raise ValueError(f"transports must name some of {TRANSPORTS}, not {modes}")
    metafunc.parametrize("world", modes, indirect=True)


@pytest.fixture
def world(request: pytest.FixtureRequest, database_url: str, clock: ManualClock) -> Iterator[World]:
    mode: Mode = request.param
    bot = LocalBot(
        database_url=database_url,
        clock=clock,
        mode=mode,
        admins=frozenset({CONFIGURED_ADMIN_ID}),
    )
    slack = bot.slack
    slack.start()
    slack.add_user("admin", real_name="Alex Admin", is_admin=True)
    slack.add_user("kim", real_name="Kim Konfigurerad", user_id=CONFIGURED_ADMIN_ID)
    for name, real in (("sara", "Sara Sekreterare"), ("anna", "Anna Andersson"), ("olle", "Olle Olsson")):
        slack.add_user(name, real_name=real)
    everyone = ["admin", "kim", "sara", "anna", "olle"]
    # People's channels, as in Slack: the bot is in neither until binding a committee to one joins it.
    slack.add_channel("bun", members=everyone)
    slack.add_channel("allmant", members=everyone)
    bot.start()
    try:
        w = World(bot=bot, slack=slack, clock=clock, mode=mode)
        yield w
        bot.settle()
        assert slack.problems == [], slack.problems
        assert _no_leaks(w) == []
        assert _english_placeholders(w) == []
    finally:
        bot.stop()
