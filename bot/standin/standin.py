"""``SlackStandIn``: a local Slack for tests and the console, in one object.

    with SlackStandIn() as slack:
        slack.add_user("anna")
        slack.add_channel("bun", members=["anna"])
        app = App(client=WebClient(token=slack.bot_token, base_url=slack.api_url),
                  signing_secret=slack.signing_secret)
        handler = SocketModeHandler(app, slack.app_token)
        handler.connect()
        slack.attach_socket_mode()
        slack.slash_command("anna", "bun", "/atagande", "hjälp")
        ...
        handler.close()          # before the stand-in stops, or the client reconnects in vain

It serves the Web API on ``api_url``, Socket Mode on the URL ``apps.connections.open``
returns, and can instead POST signed requests to an app's HTTP endpoint
(``attach_http``). Everything the app does is recorded (``calls``) and checked
as strictly as Slack checks it. What its people do and see, and the waits for the
app's answer, are in `standin_users` (a part of ``SlackStandIn``).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable
from types import TracebackType

from bot.standin.api_spec import DEFAULT_SCOPES
from bot.standin.delivery import Transport
from bot.standin.faults import Fault, FaultKind, FaultPlan
from bot.standin.file_transfer import receive_upload, serve_download
from bot.standin.http_delivery import HttpDelivery
from bot.standin.ids import random_secret
from bot.standin.pacing import SLACK_CHANNEL_RATE, ChannelBuckets, ChannelRate
from bot.standin.recording import ApiCall, CallLog
from bot.standin.replies import HttpReply, text_reply
from bot.standin.response_url import handle_response_url
from bot.standin.server import HttpRequest, LoopbackHttpServer
from bot.standin.socket_mode import SocketModeServer
from bot.standin.standin_users import StandInUsers
from bot.standin.user_side import UserSide
from bot.standin.web_api import WebApi
from bot.standin.workspace import Channel, User, Workspace


class SlackStandIn(StandInUsers):
    """A local, strict Slack: workspace, Web API, Socket Mode, HTTP delivery and its users.

    Args:
        scopes: the bot token's scopes (default: what Åtagandeboten requests).
        now: the stand-in clock in Unix seconds (see ``ManualClock``): message ts,
            event_time, trigger_id and response_url expiry.
        trigger_ttl: seconds a trigger_id is valid (Slack: 3); None for a human at the console.
        ack_timeout: real seconds to wait for an app's ack (Slack: 3).
        subscribed_events: the app's event subscriptions (manifest names such as
            ``app_home_opened``, ``message.im``); default: every event the stand-in makes.
        team_name, team_domain, bot_name: how the workspace and the bot are called.
        host, port, socket_port: where to listen (0 = a free port).
        channel_rate: how fast one channel takes the bot's messages (Slack: about one a second after a
            short burst, bot/standin/pacing.py); None keeps no rate.
    """

    def __init__(
        self,
        *,
        scopes: Iterable[str] = DEFAULT_SCOPES,
        now: Callable[[], float] = time.time,
        trigger_ttl: float | None = 3.0,
        ack_timeout: float = 3.0,
        subscribed_events: Iterable[str] | None = None,
        team_name: str = "Exempel kommun",
        team_domain: str = "exempelkommun",
        bot_name: str = "atagandeboten",
        host: str = "127.0.0.1",
        port: int = 0,
        socket_port: int = 0,
        channel_rate: ChannelRate | None = SLACK_CHANNEL_RATE,
    ) -> None:
        self.workspace = Workspace(
            now=now, team_name=team_name, team_domain=team_domain, bot_name=bot_name, trigger_ttl=trigger_ttl
        )
        self.ack_timeout = ack_timeout
        team_number = int(self.workspace.team.id[1:], 36)
        self.bot_token = f"xoxb-{team_number}-{int(self.workspace.bot_user.id[1:], 36)}-{random_secret(24)}"
        self.app_token = f"xapp-1-{self.workspace.app_id}-{team_number}-{secrets.token_hex(32)}"
        self.signing_secret = secrets.token_hex(16)
        self.verification_token = random_secret(24)
        self.log = CallLog()
        self.faults = FaultPlan()
        # Measured on whatever the stand-in clock is at the time of the call (``now`` may be reassigned).
        self.pacing = ChannelBuckets(channel_rate, self._seconds)
        self.socket_mode = SocketModeServer(
            app_id=self.workspace.app_id, host=host, port=socket_port, ack_timeout=ack_timeout
        )
        self.web_api = WebApi(
            self.workspace,
            bot_token=self.bot_token,
            app_token=self.app_token,
            scopes=scopes,
            faults=self.faults,
            log=self.log,
            socket_url=self.socket_mode.issue_url,
            pacing=self.pacing,
        )
        self._http = LoopbackHttpServer(self._route, host=host, port=port)
        self._transport: Transport | None = None
        self.user_side = UserSide(
            self.workspace,
            transport=lambda: self._transport,
            verification_token=self.verification_token,
            subscribed_events=subscribed_events,
        )

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> SlackStandIn:
        """Start the HTTP and WebSocket servers on loopback; returns self."""
        self._http.start()
        self.socket_mode.start()
        self.workspace.base_url = self._http.base_url
        return self

    def stop(self) -> None:
        """Stop both servers (close Socket Mode clients first, or they try to reconnect)."""
        self._transport = None
        self.socket_mode.stop()
        self._http.stop()

    def __enter__(self) -> SlackStandIn:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/``: the stand-in's HTTP server."""
        return self._http.base_url

    @property
    def api_url(self) -> str:
        """The Web API base URL for ``WebClient(base_url=...)`` / ``SLACK_API_URL``."""
        return f"{self._http.base_url}api/"

    @property
    def team_id(self) -> str:
        """The workspace id (``T…``)."""
        return self.workspace.team.id

    @property
    def app_id(self) -> str:
        """The app id (``A…``)."""
        return self.workspace.app_id

    @property
    def bot_user_id(self) -> str:
        """The bot user's id (``U…``)."""
        return self.workspace.bot_user.id

    @property
    def now(self) -> Callable[[], float]:
        """The stand-in clock; assign a new callable to change it."""
        return self.workspace.now

    @now.setter
    def now(self, clock: Callable[[], float]) -> None:
        self.workspace.now = clock

    def _seconds(self) -> float:
        return self.workspace.now()

    @property
    def channel_rate(self) -> ChannelRate | None:
        """How fast one channel takes the bot's messages (None: no rate is kept)."""
        return self.pacing.rate

    @channel_rate.setter
    def channel_rate(self, rate: ChannelRate | None) -> None:
        self.pacing.rate = rate
        self.pacing.reset()

    @property
    def rate_clock(self) -> Callable[[], float]:
        """The seconds the posting rate is measured in; the stand-in clock unless a caller sets another
        (the local bot adds the time it waited for Slack, which on instant time passes no real time)."""
        return self.pacing.clock

    @rate_clock.setter
    def rate_clock(self, clock: Callable[[], float]) -> None:
        self.pacing.clock = clock

    @property
    def trigger_ttl(self) -> float | None:
        """Seconds a trigger_id stays valid (None: forever, for a human at the console)."""
        return self.workspace.trigger_ttl

    @trigger_ttl.setter
    def trigger_ttl(self, seconds: float | None) -> None:
        self.workspace.trigger_ttl = seconds

    def _route(self, request: HttpRequest) -> HttpReply:
        path = request.path
        content_type = request.headers.get("content-type", "")
        if path.startswith("/api/"):
            return self.web_api.handle(path.removeprefix("/api/"), request.body, request.headers, request.query)
        if path.startswith("/upload/v1/") and request.method == "POST":
            return receive_upload(self.workspace, path.rsplit("/", 1)[-1], request.body, content_type)
        if path.startswith(("/commands/", "/actions/")) and request.method == "POST":
            return handle_response_url(
                self.workspace,
                self._http.base_url + path.removeprefix("/"),
                request.body,
                content_type,
                log=self.log,
                faults=self.faults,
            )
        download = serve_download(self.workspace, path, request.headers.get("authorization"), self.bot_token)
        return download if download is not None else text_reply("not_found", status=404)

    # -- transports ------------------------------------------------------------------------

    def attach_socket_mode(self, *, wait: float = 5.0) -> None:
        """Deliver to the app over Socket Mode; waits up to ``wait`` s for it to connect.

        Connect the app first (``SocketModeHandler(app, standin.app_token).connect()``).

        Raises:
            TimeoutError: no Socket Mode client connected in time.
        """
        self._transport = self.socket_mode
        if not self.socket_mode.wait_for_connection(wait):
            raise TimeoutError("no Socket Mode client connected to the stand-in")

    def attach_http(
        self,
        url: str,
        *,
        signing_secret: str | None = None,
        signing_clock: Callable[[], float] = time.time,
    ) -> HttpDelivery:
        """Deliver to the app as signed HTTP POSTs to ``url`` (e.g. ``…/slack/events``).

        ``signing_clock`` dates ``X-Slack-Request-Timestamp``. It is wall time, not the
        stand-in clock: Bolt compares it with its own wall clock (5 minutes' leeway),
        so a time-travelling test would otherwise get 401s.
        Returns the delivery, whose ``post``/``signed_headers`` send hand-made requests.
        """
        delivery = HttpDelivery(
            url, signing_secret or self.signing_secret, timeout=self.ack_timeout, clock=signing_clock
        )
        self._transport = delivery
        return delivery

    def attach(self, transport: Transport) -> None:
        """Deliver through any ``Transport`` (e.g. a scripted fake in unit tests)."""
        self._transport = transport

    def detach(self) -> None:
        """Stop delivering to any app."""
        self._transport = None

    # -- workspace ---------------------------------------------------------------------------

    def add_user(
        self,
        name: str,
        *,
        real_name: str | None = None,
        is_admin: bool = False,
        is_owner: bool = False,
        is_restricted: bool = False,
        is_ultra_restricted: bool = False,
        is_bot: bool = False,
        deleted: bool = False,
        tz: str = "Europe/Stockholm",
        user_id: str | None = None,
    ) -> User:
        """Add a member called ``name`` (with a fixed ``user_id`` if given)."""
        return self.workspace.add_user(
            name,
            real_name=real_name,
            is_admin=is_admin,
            is_owner=is_owner,
            is_restricted=is_restricted,
            is_ultra_restricted=is_ultra_restricted,
            is_bot=is_bot,
            deleted=deleted,
            tz=tz,
            user_id=user_id,
        )

    def add_channel(
        self,
        name: str,
        *,
        is_private: bool = False,
        members: Iterable[str | User] = (),
        bot_is_member: bool = False,
        channel_id: str | None = None,
    ) -> Channel:
        """Add a channel with ``members`` (names or ids). The bot is not in it, as in Slack, unless
        ``bot_is_member`` (it was invited); it joins a public channel through ``conversations.join``."""
        return self.workspace.add_channel(
            name, is_private=is_private, members=members, bot_is_member=bot_is_member, channel_id=channel_id
        )

    def user(self, key: str) -> User:
        """A member by name or id (``KeyError`` if none)."""
        return self.workspace.user(key)

    def channel(self, key: str) -> Channel:
        """A conversation by name or id (``KeyError`` if none)."""
        return self.workspace.channel(key)

    def dm(self, user: str | User) -> Channel:
        """The DM between the bot and ``user`` (created on first use)."""
        return self.workspace.dm(user)

    # -- faults and the record ------------------------------------------------------------------------

    def inject(
        self,
        method: str,
        kind: FaultKind,
        times: int = 1,
        *,
        retry_after: int = 1,
        status: int = 500,
        error: str = "internal_error",
        seconds: float = 1.0,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (``"*"``: any method; ``"response_url"``) fail.

        ``kind``: ``"rate_limited"`` (429 + ``Retry-After: retry_after``), ``"server_error"``
        (HTTP ``status``), ``"error"`` (``{"ok": false, "error": error}``) or ``"slow"``
        (answer after ``seconds``).
        """
        self.faults.add(
            Fault(
                method=method,
                kind=kind,
                remaining=times,
                retry_after=retry_after,
                status=status,
                error=error,
                seconds=seconds,
            )
        )

    def clear_faults(self) -> None:
        """Drop faults not yet used."""
        self.faults.clear()

    @property
    def calls(self) -> list[ApiCall]:
        """Every request the app made (Web API, ``response_url``), oldest first."""
        return self.log.all()

    def calls_to(self, method: str) -> list[ApiCall]:
        """The calls of one method (``"chat.postMessage"``, ``"response_url"`` …)."""
        return self.log.to(method)

    def clear_calls(self) -> None:
        """Forget the recorded calls."""
        self.log.clear()
