"""The real bot wired to the local Slack stand-in, in one process.

The console, the scenario tests and the benchmarks all use this: the same
``create_app`` and handlers as production, reached over a real Socket Mode
connection or real signed HTTP requests on loopback.
"""

from __future__ import annotations

import contextlib
import functools
import socket
import ssl
import threading
import time
from typing import Any, Literal

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.socket_mode.builtin import SocketModeClient

from bot.app import timer
from bot.app.http_app import create_http_app
from bot.app.scheduled import Scheduled, TickResult
from bot.app.wiring import BOT_SCOPES, SUBSCRIBED_EVENTS, build_services, create_app, make_client
from bot.app.work_tracking import TrackingExecutor
from bot.clock import Clock
from bot.config import Settings
from bot.outbox.ratelimit import InstantTime
from bot.outbox.sender import plain_client
from bot.services.context import Services
from bot.services.sealing import origin
from bot.standin import SlackStandIn
from storage.db import Database

Mode = Literal["socket", "http"]


@functools.cache
def _unused_tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def close_socket_mode(client: SocketModeClient) -> None:
    """Close slack_sdk's built-in Socket Mode client in milliseconds instead of a second or more."""
    client.closed = True
    # Its message processor waits up to a second on its queue before it sees `closed`; a None wakes it
    # at once (it skips None).
    client.message_queue.put(None)
    # Its receiver holds the socket's lock in a recv that waits up to 3 s for a frame, and disconnect
    # needs that lock; shutting the socket down ends the recv at once.
    sock = getattr(client.current_session, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
    client.close()


class LoopbackServer:
    """uvicorn serving an ASGI app on a free loopback port, in a thread (tests, console, benchmarks)."""

    def __init__(self, asgi_app: Any) -> None:
        # Bind first so the port is known before uvicorn starts.
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port = int(self._socket.getsockname()[1])
        config = uvicorn.Config(asgi_app, log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, name="atagande-http", daemon=True
        )

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the HTTP server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()


class LocalBot:
    """A stand-in Slack workspace with the bot installed and connected."""

    def __init__(
        self,
        *,
        database_url: str,
        clock: Clock,
        mode: Mode = "socket",
        admins: frozenset[str] = frozenset(),
        trigger_ttl: float | None = 3.0,
        db: Database | None = None,
        slack: SlackStandIn | None = None,
        send_soon: bool = False,
    ) -> None:
        """`slack`: a stand-in already running, shared with an earlier bot (a restart on the same workspace).

        `send_soon`: when the bot asks for the outbox to be sent now (after an import), do so at once, as
        the runner's timer does; without it only `run_due` sends, so a test decides when.
        """
        self.mode = mode
        self.clock = clock
        self._owns_slack = slack is None
        self.slack = slack or SlackStandIn(
            scopes=BOT_SCOPES,
            subscribed_events=SUBSCRIBED_EVENTS,
            now=lambda: clock.now().timestamp(),
            trigger_ttl=trigger_ttl,
        )
        # The bot's waits for Slack (pacing, Retry-After) pass on instant time, not in real seconds; the
        # stand-in measures its posting rate on its clock plus that time, so a bot that waits as Slack
        # asks gets its messages in and one that does not meets 429 (a shared stand-in takes the new bot's).
        self._waits = InstantTime()
        self.slack.rate_clock = lambda: clock.now().timestamp() + self._waits.monotonic()
        self._database_url = database_url
        self._admins = admins
        self._db = db
        self._socket_handler: SocketModeHandler | None = None
        self._http: LoopbackServer | None = None
        self.services: Services | None = None
        self.app: App | None = None
        self._client: WebClient | None = None
        self.scheduled: Scheduled | None = None
        self._work = TrackingExecutor()
        self._send_soon = send_soon

    @property
    def svc(self) -> Services:
        if self.services is None:
            raise RuntimeError("LocalBot is not started")
        return self.services

    def start(self) -> LocalBot:
        slack = self.slack.start() if self._owns_slack else self.slack
        try:
            settings = Settings(
                database_url=self._database_url,
                timezone=self.clock.tz,
                slack_api_url=slack.api_url,
                bot_token=slack.bot_token,
                app_token=slack.app_token,
                signing_secret=slack.signing_secret,
                admins=self._admins,
                # The stand-in's response_urls are on its own host; the bot posts to no other.
                response_url_origins=frozenset({origin(slack.base_url)}),
            )
            client = make_client(
                settings,
                slack.bot_token,
                retry_interval=FixedValueRetryIntervalCalculator(0.01),
                sleep=self._waits.sleep,
            )
            self._client = client
            self.services = build_services(settings, client, db=self._db, clock=self.clock)
            self.app = create_app(self.services, client, http_mode=self.mode == "http", executor=self._work)
            # No timer thread: the clock is the caller's, who runs what is due with `run_due`; for the same
            # reason the one-post-a-second pacing runs on instant time.
            self.scheduled = Scheduled(
                self.services,
                plain_client(slack.bot_token, slack.api_url),
                worker="local",
                pacer=self._waits.pacer(),
                sleep=self._waits.sleep,
            )
            if self._send_soon:
                self.services.send_soon = self._request_send
            # As the runner's timer does at once on start: imports a crash cut off are told about.
            self.scheduled.look_after_imports()
            if self.mode == "http":
                self._http = LoopbackServer(
                    create_http_app(self.app, self.services.db, signing_secret=slack.signing_secret)
                )
                self._http.start()
                slack.attach_http(f"http://127.0.0.1:{self._http.port}/slack/events")
            else:
                # The stand-in speaks plain WebSocket, but slack_sdk's Socket Mode client loads the system's
                # certificates for every connection unless the client it opens connections with has a
                # context; that client only calls apps.connections.open (the app's own stays context-free,
                # as Bolt copies it for lazy listeners and a context cannot be copied).
                opener = WebClient(base_url=settings.slack_api_url, timeout=10, ssl=_unused_tls_context())
                self._socket_handler = SocketModeHandler(self.app, slack.app_token, web_client=opener)
                self._socket_handler.connect()  # type: ignore[no-untyped-call]
                slack.attach_socket_mode()
        except BaseException:
            self.stop()
            raise
        return self

    @property
    def waits(self) -> InstantTime:
        """The bot's time spent waiting for Slack (pacing, Retry-After), which passes at once here."""
        return self._waits

    @property
    def client(self) -> WebClient:
        """The bot's own Web API client (for sending as the bot outside a request)."""
        if self._client is None:
            raise RuntimeError("LocalBot is not started")
        return self._client

    def _request_send(self) -> None:
        if self.scheduled is not None:
            self._work.submit(timer.tick, self.scheduled)  # tracked: `settle` waits for it

    def run_due(self) -> TickResult:
        """Plan and send the scheduled messages that are due at the clock's time."""
        if self.scheduled is None:
            raise RuntimeError("LocalBot is not started")
        result = self.scheduled.tick()
        self.scheduled.look_after_imports()
        self.settle()
        return result

    @property
    def http_url(self) -> str | None:
        return self._http.url if self._http else None

    def stop(self) -> None:
        if self._socket_handler is not None:
            close_socket_mode(self._socket_handler.client)
            self._socket_handler = None
        if self._http is not None:
            self._http.stop()
            self._http = None
        if self._owns_slack:
            self.slack.stop()
        if self.services is not None:
            self.services.stop_home()
        if self.services is not None and self._db is None:
            self.services.db.dispose()

    def __enter__(self) -> LocalBot:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def settle(self, timeout: float = 10.0) -> None:
        """Wait until the bot has done the work it was given: nothing is waited for once it is idle.

        Bolt hands a listener's work to the tracking executor (and starts its lazy listeners there)
        before it lets the ack go, and the stand-in returns from a person's action only once it has
        the ack; so when the executor and the Home refresher are idle, nothing the bot was asked to
        do is still running, and there is no quiet period to wait out.

        Raises:
            TimeoutError: the bot was still working after ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        while self._working():
            if time.monotonic() > deadline:
                raise TimeoutError(f"the bot was still working after {timeout:g} s")
            time.sleep(0.002)

    def _working(self) -> bool:
        home_idle = self.services.home_idle() if self.services is not None else True
        return bool(self._work.busy) or not home_idle
