"""What Slack sends an app (an envelope) and what comes back (an ack), for any transport."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Literal, Protocol

from bot.standin.workspace import JsonDict

EnvelopeType = Literal["slash_commands", "interactive", "events_api"]


def new_envelope_id() -> str:
    """A fresh Socket Mode envelope id (a UUID, as Slack uses)."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Envelope:
    """One payload on its way to the app.

    ``retry_attempt`` / ``retry_reason`` mark a redelivered event (Socket Mode
    envelope fields; ``X-Slack-Retry-Num`` / ``X-Slack-Retry-Reason`` over HTTP).
    """

    type: EnvelopeType
    payload: JsonDict
    accepts_response_payload: bool = False
    retry_attempt: int = 0
    retry_reason: str = ""
    envelope_id: str = field(default_factory=new_envelope_id)

    def to_socket_message(self) -> JsonDict:
        """The envelope as Slack writes it on the Socket Mode WebSocket."""
        message: JsonDict = {
            "envelope_id": self.envelope_id,
            "payload": self.payload,
            "type": self.type,
            "accepts_response_payload": self.accepts_response_payload,
        }
        if self.type == "events_api":
            message["retry_attempt"] = self.retry_attempt
            message["retry_reason"] = self.retry_reason
        return message


@dataclass(frozen=True)
class Ack:
    """The app's acknowledgement of an envelope, or why there was none.

    ``payload`` is the response payload (Socket Mode ack ``payload``, or the JSON
    body of an HTTP 200); ``status`` and ``body`` are set in HTTP mode; ``reason``
    says why ``acked`` is False (``timeout``, ``no_connection``, ``http_error`` …).
    """

    acked: bool
    payload: JsonDict | None = None
    status: int | None = None
    body: str = ""
    reason: str = ""


class Transport(Protocol):
    """Carries envelopes to the app and waits (up to 3 s) for its ack."""

    def deliver(self, envelope: Envelope) -> Ack:
        """Send ``envelope``; return the app's ack or a not-acked ``Ack``."""
        ...
