"""Socket Mode: the WebSocket Slack pushes envelopes through and the app acks on.

``apps.connections.open`` hands out ``ws://127.0.0.1:PORT/link/?ticket=…&app_id=…``;
on connect the server says ``{"type": "hello", …}``; each envelope waits up to
``ack_timeout`` seconds for ``{"envelope_id": …, "payload"?: …}``. ``request_reconnect``
sends Slack's ``{"type": "disconnect", "reason": "refresh_requested"}`` so clients
reconnect through ``apps.connections.open``. WebSocket ping/pong is answered by the
``websockets`` library in both directions.
"""

from __future__ import annotations

import contextlib
import http
import itertools
import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.sync.server import Server, ServerConnection, serve

from bot.standin.delivery import Ack, Envelope
from bot.standin.workspace import JsonDict

logger = logging.getLogger(__name__)


@dataclass
class _Pending:
    done: threading.Event = field(default_factory=threading.Event)
    payload: JsonDict | None = None
    acked: bool = False
    connection_id: int = 0


@dataclass
class _Client:
    id: int
    socket: ServerConnection
    send_lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, message: JsonDict) -> None:
        with self.send_lock:
            self.socket.send(json.dumps(message))


class SocketModeServer:
    """The stand-in's Socket Mode endpoint (a ``Transport``).

    Args:
        app_id: the app's id, echoed in URLs and ``hello``.
        host, port: where to listen (port 0 picks a free port).
        ack_timeout: seconds an envelope waits for its ack (Slack: 3).
        connect_wait: seconds ``deliver`` waits for a client to be connected.
        ping_interval: seconds between the server's WebSocket pings. slack_sdk's
            built-in client holds a lock while it waits (up to 3 s) to receive, and
            its ``close()`` needs that lock; frequent pings let it close promptly.
    """

    def __init__(
        self,
        *,
        app_id: str,
        host: str = "127.0.0.1",
        port: int = 0,
        ack_timeout: float = 3.0,
        connect_wait: float = 2.0,
        ping_interval: float = 0.5,
    ) -> None:
        self.app_id = app_id
        self.ping_interval = ping_interval
        self.host = host
        self.requested_port = port
        self.ack_timeout = ack_timeout
        self.connect_wait = connect_wait
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._clients: list[_Client] = []
        self._tickets: set[str] = set()
        self._pending: dict[str, _Pending] = {}
        self._ids = itertools.count(1)
        self.connections_seen = 0

    # -- lifecycle -----------------------------------------------------------------

    def start(self) -> None:
        """Listen on the loopback interface in a background thread."""
        if self._server is not None:
            return
        self._server = serve(
            self._handle,
            self.host,
            self.requested_port,
            process_request=self._check_ticket,
            compression=None,
            ping_interval=self.ping_interval,
            ping_timeout=10,
            close_timeout=1,
            logger=logger,
        )
        self._thread = threading.Thread(target=self._server.serve_forever, name="standin-socket-mode", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Close every connection and stop listening; waits for the server threads."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        with self._changed:
            for pending in self._pending.values():
                pending.done.set()
            self._changed.notify_all()

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._server is None:
            raise RuntimeError("the Socket Mode server is not running")
        return int(self._server.socket.getsockname()[1])

    def issue_url(self) -> str:
        """A new WebSocket URL for ``apps.connections.open``."""
        ticket = str(uuid.uuid4())
        with self._lock:
            self._tickets.add(ticket)
        return f"ws://{self.host}:{self.port}/link/?ticket={ticket}&app_id={self.app_id}"

    # -- connections -------------------------------------------------------------------

    @property
    def connection_count(self) -> int:
        """How many clients are connected now."""
        with self._lock:
            return len(self._clients)

    def wait_for_connection(self, timeout: float = 5.0) -> bool:
        """Block until at least one client is connected; False on timeout."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not self._clients:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._changed.wait(remaining)
            return True

    def request_reconnect(self) -> None:
        """Ask every client to reconnect, as Slack does before it recycles a connection."""
        message = {
            "type": "disconnect",
            "reason": "refresh_requested",
            "debug_info": {"host": "applink-standin"},
        }
        for client in self._snapshot():
            with contextlib.suppress(ConnectionClosed):
                client.send(message)

    def drop_connections(self) -> None:
        """Close every connection from Slack's side (clients are expected to reconnect)."""
        for client in self._snapshot():
            client.socket.close(code=1001, reason="going away")

    def _snapshot(self) -> list[_Client]:
        with self._lock:
            return list(self._clients)

    def _check_ticket(self, connection: ServerConnection, request: Request) -> Response | None:
        parts = urlsplit(request.path)
        ticket = parse_qs(parts.query).get("ticket", [""])[0]
        with self._lock:
            known = ticket in self._tickets
        if parts.path.rstrip("/") != "/link" or not known:
            return connection.respond(http.HTTPStatus.UNAUTHORIZED, "invalid ticket\n")
        return None

    def _handle(self, socket: ServerConnection) -> None:
        client = _Client(id=next(self._ids), socket=socket)
        try:
            # Slack's first word on a new connection; only then may envelopes follow.
            client.send(
                {
                    "type": "hello",
                    "num_connections": self.connection_count + 1,
                    "debug_info": {
                        "host": "applink-standin",
                        "build_number": 1,
                        "approximate_connection_time": 18060,
                    },
                    "connection_info": {"app_id": self.app_id},
                }
            )
        except ConnectionClosed:
            return
        with self._changed:
            self._clients.append(client)
            self.connections_seen += 1
            self._changed.notify_all()
        try:
            for raw in socket:
                self._receive(raw)
        except ConnectionClosed:
            pass
        finally:
            with self._changed:
                self._clients.remove(client)
                # Envelopes sent on this connection will never be acked now.
                for pending in self._pending.values():
                    if pending.connection_id == client.id:
                        pending.done.set()
                self._changed.notify_all()

    def _receive(self, raw: str | bytes) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            logger.warning("Socket Mode client sent something that is not JSON: %r", raw)
            return
        if not isinstance(message, dict) or "envelope_id" not in message:
            return
        with self._lock:
            pending = self._pending.get(str(message["envelope_id"]))
            if pending is None:
                return
            payload = message.get("payload")
            pending.payload = payload if isinstance(payload, dict) else None
            pending.acked = True
            pending.done.set()

    # -- delivery ------------------------------------------------------------------------

    def deliver(self, envelope: Envelope) -> Ack:
        """Send ``envelope`` to the newest connection and wait for its ack."""
        if not self.wait_for_connection(self.connect_wait):
            return Ack(acked=False, reason="no_connection")
        with self._lock:
            if not self._clients:
                return Ack(acked=False, reason="no_connection")
            client = self._clients[-1]
            pending = _Pending(connection_id=client.id)
            self._pending[envelope.envelope_id] = pending
        try:
            try:
                client.send(envelope.to_socket_message())
            except ConnectionClosed:
                return Ack(acked=False, reason="connection_closed")
            pending.done.wait(self.ack_timeout)
            with self._lock:
                if pending.acked:
                    return Ack(acked=True, payload=pending.payload)
            reason = "timeout" if not pending.done.is_set() else "connection_closed"
            return Ack(acked=False, reason=reason)
        finally:
            with self._lock:
                self._pending.pop(envelope.envelope_id, None)
