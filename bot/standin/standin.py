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
as strictly as Slack checks it.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

from bot.standin.api_spec import DEFAULT_SCOPES
from bot.standin.delivery import Transport
from bot.standin.faults import Fault, FaultKind, FaultPlan
from bot.standin.file_transfer import receive_upload, serve_download
from bot.standin.http_delivery import HttpDelivery
from bot.standin.ids import random_secret
from bot.standin.recording import ApiCall, CallLog
from bot.standin.render import render_message, render_view
from bot.standin.replies import HttpReply, text_reply
from bot.standin.response_url import handle_response_url
from bot.standin.server import HttpRequest, LoopbackHttpServer
from bot.standin.socket_mode import SocketModeServer
from bot.standin.user_side import Interaction, UserSide, Where
from bot.standin.web_api import WebApi
from bot.standin.workspace import Channel, Message, User, View, Workspace, ts_key


class SlackStandIn:
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
        bot_is_member: bool = True,
        channel_id: str | None = None,
    ) -> Channel:
        """Add a channel with ``members`` (names or ids); the bot joins unless ``bot_is_member=False``."""
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

    # -- the user side ---------------------------------------------------------------------------

    def slash_command(self, user: str | User, channel: str | Channel, command: str, text: str = "") -> Interaction:
        """``user`` runs ``/command text`` in ``channel``. See ``UserSide.slash_command``."""
        return self.user_side.slash_command(user, channel, command, text)

    def click_button(
        self,
        user: str | User,
        where: Where,
        button: str,
        *,
        block_id: str | None = None,
        value: str | None = None,
    ) -> Interaction:
        """``user`` clicks ``button`` (action_id or text) in a message, ``"modal"``, ``"home"`` or a view."""
        return self.user_side.click_button(user, where, button, block_id=block_id, value=value)

    def select_option(
        self, user: str | User, where: Where, menu: str, option: Any, *, block_id: str | None = None
    ) -> Interaction | None:
        """``user`` picks ``option`` (text or value) in ``menu``. See ``UserSide.select_option``."""
        return self.user_side.select_option(user, where, menu, option, block_id=block_id)

    def fill(self, user: str | User, field: str, value: Any, *, block_id: str | None = None) -> Interaction | None:
        """``user`` fills ``field`` (block_id, action_id or label) of their modal. See ``UserSide.fill``."""
        return self.user_side.fill(user, field, value, block_id=block_id)

    def submit_view(self, user: str | User) -> Interaction:
        """``user`` submits their top modal; the ack's ``response_action`` is honoured."""
        return self.user_side.submit_view(user)

    def close_view(self, user: str | User) -> Interaction | None:
        """``user`` closes their top modal (``view_closed`` only with ``notify_on_close``)."""
        return self.user_side.close_view(user)

    def global_shortcut(self, user: str | User, callback_id: str) -> Interaction:
        """``user`` runs the global shortcut ``callback_id``."""
        return self.user_side.global_shortcut(user, callback_id)

    def message_shortcut(self, user: str | User, channel: str | Channel, ts: str, callback_id: str) -> Interaction:
        """``user`` runs the message shortcut ``callback_id`` on message ``ts``."""
        return self.user_side.message_shortcut(user, channel, ts, callback_id)

    def open_home(self, user: str | User) -> Interaction | None:
        """``user`` opens the app's Home tab (``app_home_opened``)."""
        return self.user_side.open_home(user)

    def post_user_message(
        self, user: str | User, channel: str | Channel, text: str, *, thread_ts: str | None = None
    ) -> Interaction | None:
        """``user`` writes ``text`` in ``channel``; the app gets the ``message`` event if it would."""
        return self.user_side.post_user_message(user, channel, text, thread_ts=thread_ts)

    def upload_file(
        self, user: str | User, channel: str | Channel, filename: str, content: bytes, *, text: str = ""
    ) -> Interaction | None:
        """``user`` shares a file in ``channel``."""
        return self.user_side.upload_file(user, channel, filename, content, text=text)

    def redeliver(self, interaction: Interaction, reason: str | None = None) -> Interaction:
        """Deliver an event again with the same ``event_id`` and the next ``retry_attempt``."""
        return self.user_side.redeliver(interaction, reason)

    def visible_messages(self, user: str | User, channel: str | Channel) -> list[Message]:
        """What ``user`` sees in ``channel``: messages and their own ephemerals, oldest first."""
        return self.user_side.visible_messages(user, channel)

    def latest_visible(self, user: str | User, channel: str | Channel | None = None) -> Message | None:
        """The newest message ``user`` sees (in ``channel`` or anywhere)."""
        return self.user_side.latest_visible(user, channel)

    def open_view(self, user: str | User) -> View | None:
        """The modal ``user`` is looking at (a copy), or None."""
        return self.user_side.open_view(user)

    def home(self, user: str | User) -> View | None:
        """``user``'s Home tab (a copy), or None."""
        return self.user_side.home(user)

    @property
    def interactions(self) -> list[Interaction]:
        """Every delivery so far, oldest first."""
        return list(self.user_side.interactions)

    @property
    def problems(self) -> list[str]:
        """Acks Slack would refuse or could not use (a bad ``response_action`` …); should stay empty."""
        return list(self.user_side.problems)

    # -- rendering ---------------------------------------------------------------------------------

    def render_message(self, message: Message) -> str:
        """``message`` as terminal text."""
        return render_message(message, self.workspace)

    def render_view(self, view: View) -> str:
        """A modal or Home tab as terminal text."""
        return render_view(view, self.workspace)

    def render_channel(self, user: str | User, channel: str | Channel) -> str:
        """Everything ``user`` sees in ``channel`` as terminal text."""
        return "\n\n".join(self.render_message(message) for message in self.visible_messages(user, channel))

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

    # -- waiting for the app -----------------------------------------------------------------------------

    def wait_for(self, predicate: Callable[[], bool], *, timeout: float = 5.0, what: str = "the condition") -> None:
        """Wait until ``predicate()`` holds; the app keeps working after its ack.

        Raises:
            TimeoutError: naming ``what`` after ``timeout`` real seconds.
        """
        if not self.workspace.wait_for(predicate, timeout):
            raise TimeoutError(f"waited {timeout} s for {what}")

    def wait_for_call(self, method: str, *, count: int = 1, timeout: float = 5.0) -> ApiCall:
        """Wait until ``method`` has been called ``count`` times; returns that call."""
        self.wait_for(lambda: len(self.log.to(method)) >= count, timeout=timeout, what=f"{count} × {method}")
        return self.log.to(method)[count - 1]

    def wait_for_view(self, user: str | User, *, callback_id: str | None = None, timeout: float = 5.0) -> View:
        """Wait until ``user`` has a modal open (with ``callback_id`` if given); returns a copy."""

        def shown() -> bool:
            view = self.open_view(user)
            return view is not None and (callback_id is None or view.callback_id == callback_id)

        self.wait_for(shown, timeout=timeout, what=f"a modal for {user}")
        view = self.open_view(user)
        assert view is not None  # wait_for just saw it
        return view

    def wait_for_message(
        self,
        user: str | User,
        channel: str | Channel | None = None,
        *,
        containing: str = "",
        after: Message | None = None,
        timeout: float = 5.0,
    ) -> Message:
        """Wait for a message ``user`` sees (in ``channel``, newer than ``after``, with
        ``containing`` in its text or blocks); returns the newest such message."""
        found: list[Message] = []

        def seen() -> bool:
            person = self.workspace.user(user)
            if channel is not None:
                conversations = [self.workspace.channel(channel)]
            else:
                conversations = [c for c in self.workspace.channels.values() if person.id in c.members]
            matches = [
                message
                for conversation in conversations
                for message in self.workspace.visible_messages(person.id, conversation.id)
                if (after is None or ts_key(message.ts) > ts_key(after.ts))
                and (not containing or containing in message.text or containing in str(message.blocks))
            ]
            if matches:
                found.append(max(matches, key=lambda message: ts_key(message.ts)))
            return bool(matches)

        self.wait_for(seen, timeout=timeout, what=f"a message for {user} containing {containing!r}")
        return found[-1]
