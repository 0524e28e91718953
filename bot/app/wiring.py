"""Builds the Bolt app: the one place (with handlers/) that knows slack_bolt.

The same :func:`create_app` serves Socket Mode and HTTP mode; only the entry
point differs (``bot/app/runner.py``).
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.interval_calculator import RetryIntervalCalculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

import handlers
import handlers.support
from bot.app.work_tracking import TrackingExecutor
from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.services.context import DatabaseBusy, Services
from bot.services.dedupe import delivery_key, first_time
from bot.slack.channels import SlackChannelAccess
from bot.slack.delivery import Delivery
from bot.slack.home_refresh import HomeRefresher
from bot.slack.users import SlackUserDirectory
from bot.texts import Texts
from storage.db import Database
from storage.migrate import upgrade

log = logging.getLogger(__name__)

# What manifest.json asks Slack for; a test keeps the two in step, and the
# stand-in enforces exactly these scopes and events.
# files:read lets the bot list and download the audit answers people share with it;
# files:write lets it share the follow-up pack and the overview's chart
# (files.getUploadURLExternal, files.completeUploadExternal).
# im:write and the *:history scopes let a sender that took over a dead one's
# message look in the conversation for it before sending it again (bot/outbox/sender.py).
# channels:join lets the bot join a committee's public channel when it is bound to it: reading the
# channel's history and sharing files there need membership (bot/slack/channels.py).
BOT_SCOPES = (
    "commands",
    "chat:write",
    "chat:write.public",
    "users:read",
    "files:read",
    "files:write",
    "im:write",
    "im:history",
    "channels:history",
    "groups:history",
    "channels:join",
)
SUBSCRIBED_EVENTS = ("app_home_opened", "file_shared")


class _NoRequestBodies(logging.Filter):
    """Keeps request bodies out of the log: anyone can POST to HTTP mode's endpoint, and a body may be
    huge or hold what people wrote. Bolt logs a badly signed body whole at INFO, and a request no
    listener takes with parts of its body (its type, ids) and a code suggestion at WARNING."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if message.startswith("Invalid request signature"):
            return False  # bot/app/http_app.py refuses (and logs) these before Bolt sees them
        if message.startswith(("Unhandled request", "A global middleware")):
            record.msg, record.args = "Bolt: a request no listener takes (its body is not logged)", None
        return True


def quiet_request_bodies() -> None:
    """Install :class:`_NoRequestBodies` on the loggers Bolt writes bodies to (once per process)."""
    for name in ("slack_bolt.App", "slack_bolt.RequestVerification"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _NoRequestBodies) for f in logger.filters):
            logger.addFilter(_NoRequestBodies())


class ServerErrorRetryHandler(RetryHandler):
    """Retry Slack's 5xx answers with backoff (slack_sdk retries only 429 and connection errors)."""

    def _can_retry(self, *, state: Any, request: Any, response: Any = None, error: Any = None) -> bool:
        return response is not None and response.status_code in (500, 502, 503, 504)


class RetryAfterHandler(RetryHandler):
    """Retry a 429 once its Retry-After has passed, waited out with `sleep`.

    slack_sdk's own RateLimitErrorRetryHandler always sleeps in real time; the local stand-in's bot
    waits on instant time instead, which the stand-in's posting rate is measured on. A little jitter
    keeps several waiting threads (or replicas) from all coming back in the same instant.
    """

    def __init__(self, max_retry_count: int = 3, sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.sleep = sleep

    def __deepcopy__(self, memo: dict[int, object]) -> RetryAfterHandler:
        # Bolt deep-copies the client for each request; `sleep` may be bound to a clock that holds a lock,
        # and the copy must wait on that same clock anyway.
        return RetryAfterHandler(self.max_retry_count, self.sleep)

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code == 429

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        if response is None:
            raise error or RuntimeError("a retry without a response")
        state.next_attempt_requested = True
        header = {key.lower(): value for key, value in response.headers.items()}.get("retry-after") or ["1"]
        try:
            wait = max(float(header[0]), 1.0)
        except (TypeError, ValueError, IndexError):
            wait = 1.0
        self.sleep(wait + random.random() / 2)
        state.increment_current_attempt()


def make_client(
    settings: Settings,
    token: str,
    *,
    retry_interval: RetryIntervalCalculator | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> WebClient:
    """A Web API client that honours Retry-After and retries 5xx and dropped connections.

    `retry_interval` replaces slack_sdk's backoff between retries of 5xx and dropped connections
    (the local stand-in's bot retries at once; Slack itself gets the backoff); `sleep` waits out a
    Retry-After (the local stand-in's bot waits on instant time).
    """
    client = WebClient(token=token, base_url=settings.slack_api_url, timeout=10)
    client.retry_handlers.extend(
        [RetryAfterHandler(max_retry_count=3, sleep=sleep), ServerErrorRetryHandler(max_retry_count=2)]
    )
    # The default list already holds one ConnectionErrorRetryHandler; keep one.
    if not any(isinstance(h, ConnectionErrorRetryHandler) for h in client.retry_handlers):
        client.retry_handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
    if retry_interval is not None:
        for handler in client.retry_handlers:
            if isinstance(handler, ServerErrorRetryHandler | ConnectionErrorRetryHandler):
                handler.interval_calculator = retry_interval
    return client


def open_database(settings: Settings, *, migrate: bool = True) -> Database:
    db = Database.from_url(settings.database_url)
    if migrate:
        upgrade(db.engine)
    return db


def build_services(
    settings: Settings, client: WebClient, *, db: Database | None = None, clock: Clock | None = None
) -> Services:
    clock = clock or SystemClock(settings.timezone)
    return Services(
        settings=settings,
        db=db or open_database(settings),
        clock=clock,
        # Moments are shown in the clock's zone, the one every date is worked out in.
        texts=Texts(clock.tz),
        users=SlackUserDirectory(client),
        channels=SlackChannelAccess(client),
    )


def create_app(
    services: Services, client: WebClient, *, http_mode: bool, executor: TrackingExecutor | None = None
) -> App:
    """The Bolt app with every listener registered and the shared middleware.

    `executor` runs the work after the ack; the local stand-in passes one so it
    can tell when the bot has finished answering.
    """
    quiet_request_bodies()
    work = executor or TrackingExecutor()
    app = App(
        # Named, or Bolt walks the whole call stack (inspect.stack) to name it after the caller's file.
        name="atagandeboten",
        listener_executor=work,
        client=client,
        signing_secret=services.settings.require_signing_secret() if http_mode else None,
        request_verification_enabled=http_mode,
        token_verification_enabled=False,
        process_before_response=False,
        # A listener without a match must not leave a stack trace in Slack.
        raise_error_for_unhandled_request=False,
    )

    @app.middleware
    def provide_services(context: BoltContext, body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        context["services"] = services
        key = delivery_key(body)
        try:
            fresh = key is None or first_time(services.db, key, services.clock.now())
        except DatabaseBusy:
            if body.get("type") == "event_callback":
                # Nobody clicked for an event (a shared file, a message): it is handled unrecorded rather than
                # lost. Acked at once, Slack does not send it again; its listener tells the person if the
                # database is still busy when it gets there.
                log.warning("the database is busy: an event is handled without its delivery record")
                next()
                return None
            log.warning("the database is busy: a request was acked and answered that it is")
            return _busy(services, work, context, body)
        if key is not None and not fresh:
            # A retry of something already handled: answer Slack, do nothing.
            # Its kind only: the id is part of the body, which is never logged.
            log.info("duplicate delivery (%s) ignored", key.partition(":")[0])
            return BoltResponse(status=200, body="")
        next()
        return None

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> BoltResponse:
        log.exception("unhandled error in a listener", exc_info=error)
        return BoltResponse(status=200, body="")

    handlers.register_all(app)
    refresher = HomeRefresher(lambda user_id: Delivery(services, client).publish_home(user_id))
    services.request_home = refresher.request
    services.home_idle = refresher.idle
    services.stop_home = refresher.stop
    # Build the search indexes (commitments, routines) now, not on the first search after a restart.
    threading.Thread(target=_warm_search_index, args=(services,), name="search-warm-up", daemon=True).start()
    return app


def _busy(services: Services, work: TrackingExecutor, context: BoltContext, body: dict[str, Any]) -> BoltResponse:
    """The ack of a request the busy database cannot take: at once, and with the busy sentence.

    A modal's submission keeps its modal open with the sentence on its first field; anyone else
    who acted is told after the ack. (Events do not come here: they are handled unrecorded.)
    """
    text = services.texts.get("err_database_busy")
    inputs = [b.get("block_id") for b in (body.get("view") or {}).get("blocks") or [] if b.get("type") == "input"]
    if body.get("type") == "view_submission" and inputs:
        errors = {"response_action": "errors", "errors": {str(inputs[0]): text}}
        return BoltResponse(status=200, body=json.dumps(errors), headers={"content-type": "application/json"})
    work.submit(handlers.support.tell_user, context, body, text, context.respond)
    return BoltResponse(status=200, body="")


def _warm_search_index(services: Services) -> None:
    try:
        with services.db.read() as session:
            services.index.refresh(session)
            services.routines.index(session)
    except Exception:  # the first search will simply do the work instead
        log.exception("warming the search index failed")
