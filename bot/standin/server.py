"""The loopback HTTP server in front of the Web API, response_urls and file URLs."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from bot.standin.replies import HttpReply, json_reply

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class HttpRequest:
    """One request as the router sees it; ``headers`` keys are lower-case."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes


Router = Callable[[HttpRequest], HttpReply]


class _Handler(BaseHTTPRequestHandler):
    # One request per connection: nothing lingers when the server stops.
    protocol_version = "HTTP/1.0"
    server: _Server

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def _dispatch(self, verb: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        parts = urlsplit(self.path)
        request = HttpRequest(
            method=verb,
            path=parts.path,
            query=parts.query,
            headers={key.lower(): value for key, value in self.headers.items()},
            body=body,
        )
        try:
            reply = self.server.router(request)
        except Exception:
            logger.exception("the Slack stand-in failed on %s %s", verb, parts.path)
            reply = json_reply({"ok": False, "error": "fatal_error"}, status=500)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("stand-in http: " + format, *args)


class _Server(ThreadingHTTPServer):
    # Request threads are joined on close, so a stopped stand-in leaves no threads behind.
    daemon_threads = False
    block_on_close = True

    def __init__(self, address: tuple[str, int], router: Router) -> None:
        super().__init__(address, _Handler)
        self.router = router


class LoopbackHttpServer:
    """A threaded HTTP server on ``host`` (port 0 = a free port) that hands requests to ``router``."""

    def __init__(self, router: Router, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.router = router
        self.host = host
        self.requested_port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Listen and serve in a background thread."""
        if self._server is not None:
            return
        self._server = _Server((self.host, self.requested_port), self.router)
        # A short poll interval makes stop() quick (the default waits up to half a second); a hundred
        # wake-ups a second cost nothing measurable.
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name="standin-http",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, wait for requests in flight and release the port."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._server is None:
            raise RuntimeError("the stand-in's HTTP server is not running")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/``."""
        return f"http://{self.host}:{self.port}/"
