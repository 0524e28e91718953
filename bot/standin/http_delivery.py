"""HTTP mode: Slack's signed POSTs to the app's request URL.

Slash commands are form-encoded, interactivity is ``payload=<json>`` form-encoded,
events are JSON. Every request carries ``X-Slack-Request-Timestamp`` and
``X-Slack-Signature`` (``v0=`` HMAC-SHA256 of ``v0:{timestamp}:{body}`` keyed with
the signing secret); redelivered events add ``X-Slack-Retry-Num`` / ``-Reason``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from bot.standin.delivery import Ack, Envelope

USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)"
# The app listens on loopback; a proxy from the environment must not get in between.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def sign(signing_secret: str, timestamp: str, body: bytes) -> str:
    """Slack's request signature: ``v0=`` + hex HMAC-SHA256 of ``v0:{timestamp}:{body}``."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(signing_secret.encode(), base, hashlib.sha256).hexdigest()


def encode(envelope: Envelope) -> tuple[bytes, str]:
    """The body and content type Slack uses for ``envelope`` over HTTP."""
    if envelope.type == "events_api":
        return json.dumps(envelope.payload).encode(), "application/json"
    if envelope.type == "interactive":
        return urlencode({"payload": json.dumps(envelope.payload)}).encode(), "application/x-www-form-urlencoded"
    fields = {key: str(value) for key, value in envelope.payload.items()}
    return urlencode(fields).encode(), "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class HttpAnswer:
    """The app's raw answer to one POST (status 0 when nothing came back)."""

    status: int
    body: str
    content_type: str
    failure: str = ""


class HttpDelivery:
    """Delivers envelopes to ``url`` as Slack's signed HTTP requests.

    Args:
        url: the app's request URL, e.g. ``http://127.0.0.1:8123/slack/events``.
        signing_secret: the app's signing secret.
        timeout: seconds to wait for the answer (Slack: 3).
        clock: the time written into ``X-Slack-Request-Timestamp``. The app checks
            it against its own wall clock (5 minutes' tolerance), so this stays real
            time even when the stand-in's clock travels.
    """

    def __init__(
        self,
        url: str,
        signing_secret: str,
        *,
        timeout: float = 3.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.url = url
        self.signing_secret = signing_secret
        self.timeout = timeout
        self.clock = clock

    def signed_headers(self, body: bytes, content_type: str, *, timestamp: int | None = None) -> dict[str, str]:
        """The headers Slack sends with ``body``, signed at ``timestamp`` (default: now)."""
        stamp = str(int(self.clock()) if timestamp is None else timestamp)
        return {
            "Content-Type": content_type,
            "User-Agent": USER_AGENT,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": sign(self.signing_secret, stamp, body),
        }

    def post(self, body: bytes, headers: Mapping[str, str]) -> HttpAnswer:
        """POST ``body`` with exactly ``headers`` (for tests of bad or stale signatures)."""
        request = urllib.request.Request(self.url, data=body, headers=dict(headers), method="POST")
        try:
            with _DIRECT.open(request, timeout=self.timeout) as response:
                return HttpAnswer(
                    status=response.status,
                    body=response.read().decode("utf-8", errors="replace"),
                    content_type=response.headers.get("Content-Type", ""),
                )
        except urllib.error.HTTPError as error:
            try:
                text = error.read().decode("utf-8", errors="replace")
            except OSError:  # the app answered (e.g. 413 to a body it would not read) and hung up at once
                text = ""
            return HttpAnswer(
                status=error.code,
                body=text,
                content_type=error.headers.get("Content-Type", "") if error.headers else "",
                failure="http_error",
            )
        except TimeoutError:
            return HttpAnswer(status=0, body="", content_type="", failure="http_timeout")
        except urllib.error.URLError as error:
            reason = "http_timeout" if isinstance(error.reason, (TimeoutError, socket.timeout)) else "connection_failed"
            return HttpAnswer(status=0, body="", content_type="", failure=reason)

    def deliver(self, envelope: Envelope) -> Ack:
        """POST ``envelope`` signed; HTTP 200 within the timeout is an ack."""
        body, content_type = encode(envelope)
        headers = self.signed_headers(body, content_type)
        if envelope.type == "events_api" and envelope.retry_attempt > 0:
            headers["X-Slack-Retry-Num"] = str(envelope.retry_attempt)
            headers["X-Slack-Retry-Reason"] = envelope.retry_reason or "http_timeout"
        answer = self.post(body, headers)
        if answer.status != 200:
            return Ack(acked=False, status=answer.status or None, body=answer.body, reason=answer.failure)
        return Ack(acked=True, payload=_response_payload(answer), status=200, body=answer.body)


def _response_payload(answer: HttpAnswer) -> dict[str, object] | None:
    text = answer.body.strip()
    if not text:
        return None
    if answer.content_type.startswith("application/json") or text.startswith("{"):
        try:
            parsed = json.loads(text)
        except ValueError:
            return {"text": text}
        return parsed if isinstance(parsed, dict) else None
    # A plain-text answer to a slash command is shown as the reply's text.
    return {"text": text}
