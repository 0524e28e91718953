"""Fixtures: a started stand-in with a small workspace, and the tiny Bolt app attached to it
over Socket Mode (the real ``SocketModeHandler``) or over HTTP (Starlette under uvicorn)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.starlette import SlackRequestHandler
from slack_sdk import WebClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.app.local_slack import LoopbackServer, close_socket_mode
from bot.standin import SlackStandIn
from tests.standin.tiny_app import Seen, build_app


def populate(standin: SlackStandIn) -> None:
    """anna, bertil and the bot (invited) in #bun; cecilia outside it; a private #ks-intern the bot is not in."""
    standin.add_user("anna", real_name="Anna Åberg")
    standin.add_user("bertil", real_name="Bertil Öst", is_admin=True)
    standin.add_user("cecilia")
    standin.add_channel("bun", members=["anna", "bertil"], bot_is_member=True)
    standin.add_channel("ks-intern", is_private=True, members=["bertil"])


@pytest.fixture(autouse=True)
def no_leftover_servers() -> Iterator[None]:
    """Every test stops the servers it started."""
    yield
    left = [t.name for t in threading.enumerate() if t.name.startswith(("standin-", "test-uvicorn"))]
    assert left == [], f"servers still running after the test: {left}"


REFERENCE_VARIABLE = "ATAGANDE_SLACK_API_REF"


def reference_path() -> Path | None:
    """A copy of Slack's full API reference (slack-ruby/slack-api-ref), if ``$ATAGANDE_SLACK_API_REF``
    names one; the stand-in itself needs only the table generated from it."""
    named = os.environ.get(REFERENCE_VARIABLE, "").strip()
    return Path(named) if named else None


def require_reference(path: Path | None) -> Path:
    """``path`` if it holds the reference. Without one the test is skipped; a folder that was named but
    holds no reference fails it, so a check that was asked for never silently vanishes."""
    if path is None:
        pytest.skip(f"no copy of Slack's API reference: set {REFERENCE_VARIABLE} to check against one")
    if not (path / "methods").is_dir():
        pytest.fail(f"{REFERENCE_VARIABLE}={path} holds no Slack API reference (no methods/ folder)")
    return path


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    """A started stand-in with ``populate``'s workspace; stopped afterwards."""
    with SlackStandIn() as slack:
        populate(slack)
        yield slack


@pytest.fixture
def web(standin: SlackStandIn) -> WebClient:
    """A WebClient with the bot token, pointed at the stand-in."""
    return WebClient(token=standin.bot_token, base_url=standin.api_url)


@dataclass
class Driven:
    """The stand-in with the tiny app attached, and what the app saw."""

    slack: SlackStandIn
    seen: Seen
    transport: str
    url: str = ""


def _socket_mode(standin: SlackStandIn) -> Iterator[Driven]:
    app, seen = build_app(standin)
    handler = SocketModeHandler(app, standin.app_token)
    # handler.connect() / close() only forward to its client (whose methods are typed).
    handler.client.connect()
    standin.attach_socket_mode()
    try:
        yield Driven(standin, seen, "socket")
    finally:
        # Close the client before the stand-in stops, or it keeps reconnecting.
        close_socket_mode(handler.client)


def _http_mode(standin: SlackStandIn) -> Iterator[Driven]:
    app, seen = build_app(standin)
    bolt = SlackRequestHandler(app)

    async def events(request: Request) -> Response:
        return await bolt.handle(request)

    server = LoopbackServer(Starlette(routes=[Route("/slack/events", endpoint=events, methods=["POST"])]))
    server.start()
    url = f"{server.url}/slack/events"
    standin.attach_http(url)
    try:
        yield Driven(standin, seen, "http", url)
    finally:
        standin.detach()
        server.stop()


@pytest.fixture(params=["socket", "http"])
def driven(request: pytest.FixtureRequest, standin: SlackStandIn) -> Iterator[Driven]:
    """The tiny app attached over Socket Mode, then over HTTP."""
    yield from (_socket_mode(standin) if request.param == "socket" else _http_mode(standin))


@pytest.fixture
def socket_driven(standin: SlackStandIn) -> Iterator[Driven]:
    """The tiny app attached over Socket Mode only."""
    yield from _socket_mode(standin)


@pytest.fixture
def http_driven(standin: SlackStandIn) -> Iterator[Driven]:
    """The tiny app attached over HTTP only."""
    yield from _http_mode(standin)
