"""HTTP mode facing hostile input: oversized, malformed, unsigned and random bodies.

Nothing gets a 5xx, nothing oversized is read, and no request body reaches the log.
The endpoint is the bot's own (LocalBot's create_http_app on a LoopbackServer); the fuzz
run is a short one of bench/http_fuzz.py's. Every body holds MARKER, so a log line holding
(part of) a body can be found.
"""

from __future__ import annotations

import http.client
import json
import logging
import random
import socket
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import pytest

from bench.http_fuzz import MARKER, fuzz
from bot.app.http_app import MAX_BODY_BYTES
from bot.standin.http_delivery import HttpDelivery
from tests.scenario.conftest import World

pytestmark = pytest.mark.transports("http")

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def production_logging(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """INFO, as ``atagande run`` logs, set before the bot is built (Bolt copies the level then):
    name it before ``world`` among a test's arguments."""
    caplog.set_level(logging.INFO)
    yield caplog


def _logged_bodies(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [f"{r.name}: {r.getMessage()[:200]}" for r in caplog.records if MARKER in r.getMessage()]


def _endpoint(world: World) -> str:
    return f"{world.bot.http_url}/slack/events"


def _chunked_post(url: str, chunks: list[bytes], headers: dict[str, str]) -> int:
    """POST without a Content-Length (Transfer-Encoding: chunked); the status, or 0 if the server hung up."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        conn.request("POST", parts.path, body=iter(chunks), headers=headers, encode_chunked=True)
        return conn.getresponse().status
    except (ConnectionError, BrokenPipeError):
        return 0
    finally:
        conn.close()


def test_a_body_over_the_limit_is_refused_before_it_is_read(world: World) -> None:
    port = urlsplit(_endpoint(world)).port
    assert port is not None
    # Announces a gigabyte and sends one byte: the answer must come without waiting for the rest.
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000000000\r\n\r\n{"
        )
        head = sock.recv(200)
    assert head.split(b"\r\n", 1)[0].split(b" ")[1] == b"413"
    # Without a Content-Length the body is counted as it streams in, and cut off past the limit.
    chunk = MARKER.encode() * (64 * 1024 // len(MARKER))
    chunks = [chunk] * (MAX_BODY_BYTES // len(chunk) + 2)
    assert _chunked_post(_endpoint(world), chunks, {"Content-Type": FORM}) in (413, 0)
    world.bot.settle()
    assert world.slack.calls == []


def test_a_body_at_the_limit_is_still_read(world: World) -> None:
    """The limit refuses only what is over it: a signed body of exactly the maximum is dispatched."""
    delivery = HttpDelivery(_endpoint(world), world.slack.signing_secret)
    body = b"token=x&text=" + b"a" * (MAX_BODY_BYTES - len(b"token=x&text="))
    assert len(body) == MAX_BODY_BYTES
    # Bolt answers a signed request no listener takes with 404: read, parsed and dispatched.
    assert delivery.post(body, delivery.signed_headers(body, FORM)).status == 404


def test_malformed_bodies_get_a_4xx_signed_or_not(production_logging: pytest.LogCaptureFixture, world: World) -> None:
    url = _endpoint(world)
    signed = HttpDelivery(url, world.slack.signing_secret)
    bodies: list[tuple[bytes, str]] = [
        (b"\xff\xfe" + MARKER.encode() + b"\x80", FORM),  # not UTF-8
        (b"{" + MARKER.encode(), "application/json"),  # not JSON
        (json.dumps([MARKER]).encode(), "application/json"),  # JSON, but no object
        (urlencode({"payload": "{" + MARKER}).encode(), FORM),  # an interaction whose payload is not JSON
        (urlencode({"payload": json.dumps([MARKER])}).encode(), FORM),  # ... or not an object
    ]
    statuses = []
    for body, content_type in bodies:
        statuses.append(signed.post(body, signed.signed_headers(body, content_type)).status)
        unsigned = signed.signed_headers(body, content_type)
        unsigned["X-Slack-Signature"] = "v0=" + "0" * 64
        statuses.append(signed.post(body, unsigned).status)
    # Headers that are not what Slack sends: a timestamp that is no number, none at all.
    body = b"text=" + MARKER.encode()
    odd = signed.signed_headers(body, FORM)
    odd["X-Slack-Request-Timestamp"] = MARKER
    statuses.append(signed.post(body, odd).status)
    statuses.append(signed.post(body, {"Content-Type": FORM}).status)
    assert [s for s in statuses if not 400 <= s < 500] == [], statuses
    world.bot.settle()
    assert _logged_bodies(production_logging) == []


def test_a_badly_signed_body_is_not_logged(production_logging: pytest.LogCaptureFixture, world: World) -> None:
    url = _endpoint(world)
    forged = HttpDelivery(url, "not-the-signing-secret")
    body = urlencode({"command": "/atagande", "text": MARKER, "trigger_id": MARKER}).encode()
    assert forged.post(body, forged.signed_headers(body, FORM)).status == 401
    assert _logged_bodies(production_logging) == []


def test_a_fuzz_run_gets_no_5xx_and_logs_no_body(production_logging: pytest.LogCaptureFixture, world: World) -> None:
    delivery = HttpDelivery(_endpoint(world), world.slack.signing_secret)
    statuses = fuzz(delivery, random.Random(14), 300)
    world.bot.settle()
    assert {s: n for s, n in statuses.items() if s >= 500 or s == 0} == {}, statuses
    # Each kind of refusal was met: too large, not signed, signed but not Slack's format.
    assert {413, 401, 400} <= set(statuses), statuses
    assert _logged_bodies(production_logging) == []
