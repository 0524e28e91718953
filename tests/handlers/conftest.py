"""Listener unit tests: each listener function called directly, as Bolt would, with fakes.

The services are the application's own (``bot.app.wiring.build_services``) on a
fresh SQLite database and a fixed clock; Slack's Web API is :class:`FakeSlack`.
No stand-in, no sockets, no threads: a test is a function call and a look at
what came back (the ack, ``respond``, the Web API calls, the database).

People: ``ADMIN`` (a workspace admin), ``SARA`` (BUN's secretary), ``ANNA``
(owner of BUN-1) and ``OLLE`` (a bystander). BUN's channel is ``C0BUN``.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from slack_bolt import BoltContext
from slack_sdk.webhook import WebhookClient, WebhookResponse

from bot.app.wiring import build_services
from bot.clock import ManualClock
from bot.config import Settings
from bot.services import commitments as commitment_service
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.context import Services
from bot.services.people import Actor
from bot.texts import Texts
from storage.db import Database
from tests.conftest import STOCKHOLM
from tests.handlers.fakes import FakeSlack, Person, RecordingAck, RecordingRespond
from tests.handlers.payloads import TEAM

ADMIN = "UADMIN01"
SARA = "USARA001"
ANNA = "UANNA001"
OLLE = "UOLLE001"
BUN_CHANNEL = "C0BUN"
BOT_USER = "UBOT0001"

PEOPLE = {
    ADMIN: Person("admin", "Alva Admin", is_admin=True),
    SARA: Person("sara", "Sara Sekreterare"),
    ANNA: Person("anna", "Anna Ansvarig"),
    OLLE: Person("olle", "Olle Åskådare"),
}


@pytest.fixture
def slack() -> FakeSlack:
    return FakeSlack(dict(PEOPLE))


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail a test whose listener tried the network (a file download, a client of its own): these are unit tests.

    The attempt is refused and, since ``guarded`` swallows what a listener raises, counted and checked after.
    """
    attempts: list[str] = []

    def refuse(host: object, *args: object, **kwargs: object) -> Any:
        attempts.append(str(host))
        raise OSError(f"no network in handler unit tests ({host})")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield attempts
    assert not attempts, f"a listener tried the network: {attempts}"


@dataclass(frozen=True)
class Posted:
    """A message sent to a response_url (``respond`` outside Bolt: a modal answering where it was opened)."""

    url: str
    body: dict[str, Any]


@pytest.fixture(autouse=True)
def webhooks(monkeypatch: pytest.MonkeyPatch) -> list[Posted]:
    """What listeners sent to response_urls with slack_sdk's WebhookClient, kept here instead of posted."""
    sent: list[Posted] = []

    def send_dict(
        client: WebhookClient, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> WebhookResponse:
        sent.append(Posted(client.url, dict(body)))
        return WebhookResponse(url=client.url, status_code=200, body="ok", headers={})

    monkeypatch.setattr(WebhookClient, "send_dict", send_dict)
    return sent


@pytest.fixture(scope="session")
def texts() -> Texts:
    # Compiling the templates is most of a listener's first call; they never change during a run.
    return Texts(STOCKHOLM)


@pytest.fixture
def services(db: Database, clock: ManualClock, slack: FakeSlack, database_url: str, texts: Texts) -> Services:
    settings = Settings(
        database_url=database_url,
        timezone=clock.tz,
        slack_api_url=slack.base_url,
        # Where the payloads' response_urls point (payloads.RESPONSE_URL).
        response_url_origins=frozenset({"https://hooks.slack.test"}),
    )
    built = build_services(settings, slack, db=db, clock=clock)
    built.texts = texts
    return built


@pytest.fixture
def home_requests(services: Services) -> list[str]:
    """The users whose App Home a listener asked to republish (the wiring's ``request_home``)."""
    asked: list[str] = []
    services.request_home = asked.append
    return asked


@pytest.fixture
def as_user(services: Services, slack: FakeSlack) -> Callable[..., BoltContext]:
    """The Bolt context of a request by ``user`` (in ``channel``), as Bolt's middleware leaves it."""

    def context(user: str, channel: str | None = BUN_CHANNEL) -> BoltContext:
        return BoltContext(
            {
                "services": services,
                "client": slack,
                "user_id": user,
                "team_id": TEAM,
                "channel_id": channel,
                "bot_user_id": BOT_USER,
            }
        )

    return context


@pytest.fixture
def ack() -> Iterator[RecordingAck]:
    recording = RecordingAck()
    yield recording
    assert len(recording.calls) <= 1, f"ack called {len(recording.calls)} times: {recording.calls}"


@pytest.fixture
def respond() -> RecordingRespond:
    return RecordingRespond()


@dataclass(frozen=True)
class Bun:
    """The committee the tests work in, and its first commitment (BUN-1, Anna's)."""

    committee_id: int
    commitment_id: int


@pytest.fixture
def bun(services: Services, clock: ManualClock) -> Bun:
    admin = Actor(ADMIN, "Alva Admin", is_admin=True)
    now = clock.now()
    with services.db.write() as session:
        committee = committee_service.create_committee(session, admin, "BUN", "Barn- och utbildningsnämnden", now)
        committee_service.add_secretaries(session, admin, "BUN", [(SARA, "Sara Sekreterare")], now)
        committee_service.bind_channel(session, admin, "BUN", BUN_CHANNEL, "bun")
        raw = CommitmentInput(
            text="Revidera rutinen för orosanmälan",
            committee="BUN",
            owner_user_id=ANNA,
            owner_name="Anna Ansvarig",
            deadline="senast 30 april 2027",
            dnr="2023/BUN 0148",
        )
        draft = commitment_service.validate(session, raw, clock.today())
        created = commitment_service.create(session, Actor(SARA, "Sara Sekreterare", False), draft, now)
        return Bun(committee.id, created.id)
