"""HTTP mode: Slack's requests on ``/slack/events`` and a health check on ``/healthz``.

The endpoint is public and anyone can POST to it, so a request must prove it
comes from Slack before it costs anything: its size is checked before its body
is read, its signature before its body is parsed, and a body is never logged.
Bolt's Starlette adapter converts requests; ``dispatch`` runs in a worker
thread so one slow listener never holds up the event loop (and other acks).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time

from slack_bolt import App, BoltRequest
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from storage.db import Database

log = logging.getLogger(__name__)

# The largest body the endpoint reads. Slack documents no maximum for the requests it sends. The
# largest the scenario tests make the stand-in send is about 47 kB: a view_submission of the import
# review modal, whose whole view Slack repeats in the payload (a modal holds at most 100 blocks);
# events and slash commands are far smaller. 1 MiB is some twenty times that, and bounds what one
# unauthenticated request can make the bot hold.
MAX_BODY_BYTES = 1024 * 1024
# Slack's rule: a request signed more than five minutes ago may be a replay.
MAX_SIGNATURE_AGE_S = 5 * 60


class _TooLarge(Exception):
    """The body is longer than the endpoint reads."""


def _declared_length(request: Request) -> int | None:
    """The Content-Length header as a number; None when there is none (chunked); -1 when it is no number."""
    value = request.headers.get("content-length")
    if value is None:
        return None
    return int(value) if value.isdigit() else -1


async def _read_capped(request: Request, limit: int) -> bytes:
    """The body, read chunk by chunk and given up as soon as it grows past `limit`."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _TooLarge
    return bytes(body)


def _error(status: int, error: str) -> Response:
    # "Connection: close": the unread rest of a refused body is not waited for on this connection.
    return JSONResponse({"error": error}, status_code=status, headers={"Connection": "close"})


def _parsed(request: Request, body: bytes) -> BoltRequest | None:
    """Bolt's request for a signed body; None when the body is not what Slack sends (not UTF-8,
    not JSON where JSON is due, JSON that is no object)."""
    try:
        bolt_request = to_bolt_request(request, body)
    except (ValueError, TypeError, AttributeError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None
    return bolt_request if isinstance(bolt_request.body, dict) else None


def signed_by_slack(secret: bytes, body: bytes, timestamp: str, signature: str, now: float) -> bool:
    """Slack's request signature (``v0=`` HMAC-SHA256 of ``v0:{timestamp}:{body}``), checked on the raw
    bytes: slack_sdk's verifier decodes the body first and raises on one that is not UTF-8, or on a
    timestamp that is no number; either is simply not from Slack."""
    if not timestamp.isdigit() or abs(now - int(timestamp)) > MAX_SIGNATURE_AGE_S:
        return False
    expected = "v0=" + hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.encode("utf-8", errors="replace"))


def create_http_app(app: App, db: Database, *, signing_secret: str, max_body: int = MAX_BODY_BYTES) -> Starlette:
    """The ASGI app of HTTP mode; `max_body` is the largest body read (tests give a small one)."""
    secret = signing_secret.encode()

    def _signed(request: Request, body: bytes) -> bool:
        timestamp = request.headers.get("x-slack-request-timestamp", "")
        signature = request.headers.get("x-slack-signature", "")
        return signed_by_slack(secret, body, timestamp, signature, time.time())

    async def slack_events(request: Request) -> Response:
        length = _declared_length(request)
        if length is not None and length < 0:
            return _error(400, "bad content-length")
        if length is not None and length > max_body:
            return _error(413, "body too large")
        try:
            body = await _read_capped(request, max_body)
        except _TooLarge:
            return _error(413, "body too large")
        except ClientDisconnect:
            return Response(status_code=400)
        if not _signed(request, body):
            log.info("refused a request without a valid signature (%d bytes)", len(body))
            return _error(401, "invalid request")
        bolt_request = _parsed(request, body)
        if bolt_request is None:
            log.warning("refused a signed request whose body is not Slack's format (%d bytes)", len(body))
            return _error(400, "malformed body")
        bolt_response = await run_in_threadpool(app.dispatch, bolt_request)
        return to_starlette_response(bolt_response)

    async def healthz(_request: Request) -> Response:
        try:
            await run_in_threadpool(db.ping)
        except Exception as exc:  # any failure means "not healthy"; say which kind
            log.warning("health check failed: %s", exc)
            return JSONResponse({"ok": False, "database": type(exc).__name__}, status_code=503)
        return JSONResponse({"ok": True, "database": "ok"})

    return Starlette(
        routes=[
            Route("/slack/events", slack_events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )
