"""What the bot hands to the client and reads back: a modal's private_metadata, and the response_urls in it.

Slack returns ``private_metadata`` as the bot left it, but a request forged by
whoever holds the signing secret (or anything between Slack and the bot) could
carry any text there: another commitment's id, another message's ts, a URL for
the bot to POST to. As defence in depth the bot signs what it puts there with an
HMAC keyed from the app's own secret and refuses what it did not sign; and it
answers only through response_urls on Slack's own hosts (the stand-in's host in
tests and the console, which :class:`~bot.config.Settings` says).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any
from urllib.parse import urlsplit

from bot.config import Settings
from bot.domain.errors import UserError

# The tag: the first 128 bits of HMAC-SHA256 in hex, then the text as it was.
_TAG_LENGTH = 32
_SEPARATOR = "."
_PURPOSE = b"atagandeboten private_metadata v1"


class MetadataSeal:
    """Signs private_metadata and checks it when a view comes back."""

    def __init__(self, secret: str | bytes) -> None:
        raw = secret.encode() if isinstance(secret, str) else secret
        # A key of its own, so the secret is never used directly for anything else than Slack meant.
        self._key = hmac.new(raw, _PURPOSE, hashlib.sha256).digest()

    @classmethod
    def for_settings(cls, settings: Settings) -> MetadataSeal:
        """Keyed from the signing secret, else the bot token (Socket Mode has no signing secret).

        Every replica has the same secret, so a modal opened by one is accepted by another. With
        neither (unit tests), a key for this process only.
        """
        secret = settings.signing_secret or settings.bot_token
        return cls(secret if secret else secrets.token_bytes(32))

    def _tag(self, text: str) -> str:
        return hmac.new(self._key, text.encode(), hashlib.sha256).hexdigest()[:_TAG_LENGTH]

    def seal(self, text: str) -> str:
        """``text`` with its tag in front; nothing is added to an empty text (nothing to trust)."""
        return f"{self._tag(text)}{_SEPARATOR}{text}" if text else ""

    def unseal(self, raw: str | None) -> str:
        """The text the bot sealed; UserError ``err_form_not_verified`` for anything else.

        An empty metadata is the empty text: a modal that remembers nothing can make the bot do nothing.
        """
        if not raw:
            return ""
        tag, separator, text = raw.partition(_SEPARATOR)
        if not separator or len(tag) != _TAG_LENGTH or not hmac.compare_digest(tag, self._tag(text)):
            raise UserError("err_form_not_verified")
        return text

    def seal_view(self, view: dict[str, Any]) -> dict[str, Any]:
        """The view with its private_metadata sealed (a copy; the view given is left as it is)."""
        text = view.get("private_metadata")
        if not text:
            return view
        return {**view, "private_metadata": self.seal(str(text))}


def origin(url: str) -> str:
    """``scheme://host[:port]`` of `url`, lower-case; "" when it has none."""
    try:
        parts = urlsplit(url.strip())
        # Asking for the port checks it is a number in range.
        _ = parts.port
    except ValueError:
        return ""
    if not parts.scheme or not parts.netloc or parts.username is not None or parts.password is not None:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def slack_response_url(settings: Settings, url: str) -> bool:
    """True if `url` is on one of Slack's own response_url hosts (the settings say which)."""
    return bool(url) and origin(url) in settings.response_url_origins
