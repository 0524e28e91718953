"""Entry points: Socket Mode (default, no public URL) and HTTP mode (uvicorn)."""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.outbox.sender import plain_client
from bot.scheduled import Scheduled
from bot.timer import start_timer
from bot.wiring import build_services, create_app, make_client

log = logging.getLogger(__name__)


def run_socket_mode(settings: Settings) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    bot_token = settings.require_bot_token()
    app_token = settings.require_app_token()
    client = make_client(settings, bot_token)
    services = build_services(settings, client)
    app = create_app(services, client, http_mode=False)
    start_timer(services, Scheduled(services, plain_client(bot_token, settings.slack_api_url)))
    handler = SocketModeHandler(app, app_token, web_client=client)
    log.info("Åtagandeboten is running in Socket Mode")
    handler.start()  # type: ignore[no-untyped-call]  # slack_bolt leaves it unannotated


def run_http_mode(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    from bot.http_app import create_http_app

    bot_token = settings.require_bot_token()
    settings.require_signing_secret()
    client = make_client(settings, bot_token)
    services = build_services(settings, client)
    app = create_app(services, client, http_mode=True)
    start_timer(services, Scheduled(services, plain_client(bot_token, settings.slack_api_url)))
    log.info("Åtagandeboten is listening for Slack on http://%s:%d/slack/events", host, port)
    uvicorn.run(create_http_app(app, services.db), host=host, port=port, log_level="info")
