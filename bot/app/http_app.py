"""HTTP mode: Slack's requests on ``/slack/events`` and a health check on ``/healthz``.

Bolt's Starlette adapter converts requests; ``dispatch`` runs in a worker
thread so one slow listener never holds up the event loop (and other acks).
"""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from storage.db import Database

log = logging.getLogger(__name__)


def create_http_app(app: App, db: Database) -> Starlette:
    async def slack_events(request: Request) -> Response:
        body = await request.body()
        bolt_request = to_bolt_request(request, body)
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
