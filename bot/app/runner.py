"""Entry points: Socket Mode (default, no public URL) and HTTP mode (uvicorn)."""

from __future__ import annotations

import http.client
import logging
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.app.scheduled import Scheduled
from bot.app.timer import start_timer
from bot.app.wiring import build_services, create_app, make_client
from bot.config import Settings
from bot.outbox.sender import plain_client
from bot.services.context import Services

log = logging.getLogger(__name__)
_SLACK_ERROR = re.compile(r"[a-z_]+")
# Slack's answers that mean the token itself is wrong, not that Slack is busy or down.
_TOKEN_ERRORS = frozenset(
    {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type"}
)


class SlackUnavailable(Exception):
    """Slack could not be reached, or refused a token, while the bot started.

    ``reason`` is one word the command line turns into a sentence: ``refused``,
    ``unknown_host``, ``timeout`` or ``other`` when nothing answered; ``not_slack``
    when what answered is not Slack's API; ``token`` when Slack refused the
    token in ``variable``, ``error`` for another of Slack's answers (``error``
    is Slack's error code).
    """

    def __init__(self, api_url: str, reason: str, *, variable: str = "", error: str = "") -> None:
        super().__init__(f"Slack at {api_url}: {reason} {error}".strip())
        self.api_url = api_url
        self.reason = reason
        self.variable = variable
        self.error = error


def _why_unreachable(exc: BaseException) -> str:
    cause = getattr(exc, "reason", None)  # urllib wraps the socket's error
    cause = cause if isinstance(cause, BaseException) else exc
    if isinstance(cause, ConnectionRefusedError):
        return "refused"
    if isinstance(cause, socket.gaierror):
        return "unknown_host"
    if isinstance(cause, TimeoutError):
        return "timeout"
    return "other"


@contextmanager
def _contacting_slack(settings: Settings, variable: str) -> Iterator[None]:
    """Turn a failure to reach Slack, or a refused ``variable`` token, into :class:`SlackUnavailable`."""
    try:
        yield
    except SlackApiError as exc:
        data = getattr(exc.response, "data", None)
        error = str(data.get("error") or "") if isinstance(data, dict) else ""
        # Slack's errors are codes such as invalid_auth; anything else (an HTML page, a sentence) is not Slack.
        if not _SLACK_ERROR.fullmatch(error):
            raise SlackUnavailable(settings.slack_api_url, "not_slack") from exc
        reason = "token" if error in _TOKEN_ERRORS else "error"
        raise SlackUnavailable(settings.slack_api_url, reason, variable=variable, error=error) from exc
    except (OSError, http.client.HTTPException) as exc:
        raise SlackUnavailable(settings.slack_api_url, _why_unreachable(exc)) from exc


# The start-up check's own logger: slack_sdk logs every failed try at ERROR, which before the one sentence
# that says what is wrong only repeats it in English.
_QUIET = logging.getLogger(__name__ + ".startup_check")
_QUIET.disabled = True


def _check_slack(settings: Settings, token: str) -> None:
    """Ask Slack once before anything runs: unreachable, or a wrong bot token, stops the start with a sentence."""
    check = WebClient(token=token, base_url=settings.slack_api_url, timeout=10, logger=_QUIET)
    with _contacting_slack(settings, "SLACK_BOT_TOKEN"):
        check.auth_test()


def _start(settings: Settings, bot_token: str, *, http_mode: bool) -> tuple[App, Services]:
    """What both transports start alike: the services, a check that Slack answers, the app and the timer."""
    client = make_client(settings, bot_token)
    services = build_services(settings, client)
    _check_slack(settings, bot_token)
    app = create_app(services, client, http_mode=http_mode)
    start_timer(services, Scheduled(services, plain_client(bot_token, settings.slack_api_url)))
    return app, services


def run_socket_mode(settings: Settings) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    bot_token = settings.require_bot_token()
    app_token = settings.require_app_token()
    app, _services = _start(settings, bot_token, http_mode=False)
    handler = SocketModeHandler(app, app_token, web_client=app.client)
    log.info("Åtagandeboten is running in Socket Mode")
    with _contacting_slack(settings, "SLACK_APP_TOKEN"):
        handler.start()  # type: ignore[no-untyped-call]  # slack_bolt leaves it unannotated


def run_http_mode(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    from bot.app.http_app import create_http_app

    bot_token = settings.require_bot_token()
    signing_secret = settings.require_signing_secret()
    app, services = _start(settings, bot_token, http_mode=True)
    log.info("Åtagandeboten is listening for Slack on http://%s:%d/slack/events", host, port)
    uvicorn.run(
        create_http_app(app, services.db, signing_secret=signing_secret), host=host, port=port, log_level="info"
    )
