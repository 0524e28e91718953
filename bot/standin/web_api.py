"""The Web API as Slack serves it: authentication, argument checks, faults, the call record.

``WebApi.handle`` takes one ``POST /api/<method>`` (form-encoded or JSON, as
slack_sdk sends them) and returns Slack's answer: HTTP 200 with
``{"ok": true, …}`` or ``{"ok": false, "error": …}``, unless a fault was injected.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from bot.standin.access import TokenType
from bot.standin.api_spec import METHODS, SLACK_METHODS, MethodSpec
from bot.standin.errors import SlackError
from bot.standin.faults import Fault, FaultPlan
from bot.standin.methods import HANDLERS, CallContext
from bot.standin.pacing import ChannelBuckets, RateLimited
from bot.standin.recording import ApiCall, CallLog, decode_args
from bot.standin.replies import HttpReply, json_reply
from bot.standin.workspace import JsonDict, Workspace

_BOOLEAN_TEXT = {"true", "false", "1", "0"}
_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_SERVER_ERRORS = {500: "internal_error", 503: "service_unavailable"}


def parse_args(body: bytes, content_type: str, query: str = "") -> dict[str, Any]:
    """The arguments of a request: query string, then a form, JSON or multipart body.

    Raises:
        SlackError: ``invalid_json`` or ``invalid_form_data``.
    """
    args: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    kind = content_type.split(";", maxsplit=1)[0].strip().lower()
    if not body:
        return args
    if kind == "application/json":
        try:
            data = json.loads(body)
        except ValueError:
            raise SlackError("invalid_json") from None
        if not isinstance(data, dict):
            raise SlackError("invalid_json")
        args.update(data)
    elif kind in ("application/x-www-form-urlencoded", ""):
        try:
            args.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False))
        except UnicodeDecodeError:
            raise SlackError("invalid_charset") from None
    elif kind == "multipart/form-data":
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if isinstance(name, str) and isinstance(payload, bytes):
                args[name] = payload.decode("utf-8", errors="replace")
    else:
        raise SlackError("invalid_form_data")
    return args


def _rate_limited(retry_after: int) -> HttpReply:
    return json_reply({"ok": False, "error": "ratelimited"}, status=429, headers=(("Retry-After", str(retry_after)),))


def _fault_reply(fault: Fault) -> HttpReply:
    if fault.kind == "rate_limited":
        return _rate_limited(fault.retry_after)
    if fault.kind == "server_error":
        return json_reply(
            {"ok": False, "error": _SERVER_ERRORS.get(fault.status, "fatal_error")},
            status=fault.status,
        )
    return json_reply({"ok": False, "error": fault.error})


def _present(value: Any) -> bool:
    return value is not None and value != ""


def check_args(spec: MethodSpec, args: Mapping[str, Any]) -> None:
    """Refuse unknown or missing arguments, wrong simple types and broken argument groups.

    Raises:
        SlackError: ``invalid_arguments`` naming each problem; ``no_text`` when a
            message has no content; ``markdown_text_conflict`` for text and markdown_text.
    """
    problems = [f"[ERROR] unsupported argument: {name}" for name in args if name not in spec.arg_names]
    problems += [f"[ERROR] missing required field: {name}" for name in spec.required if not _present(args.get(name))]
    for name, value in args.items():
        kind = spec.arg_type(name)
        if value is None or name not in spec.arg_names:
            continue
        if kind == "boolean" and not (isinstance(value, bool) or str(value).lower() in _BOOLEAN_TEXT):
            problems.append(f"[ERROR] {name} must be a boolean")
        elif kind == "integer" and (isinstance(value, bool) or not _INTEGER.match(str(value))):
            problems.append(f"[ERROR] {name} must be an integer")
        elif kind == "number" and (isinstance(value, bool) or not _NUMBER.match(str(value))):
            problems.append(f"[ERROR] {name} must be a number")
    if problems:
        raise SlackError("invalid_arguments", messages=problems)
    for group in spec.arg_groups:
        given = [name for name in group.args if _present(args.get(name))]
        if group.required and not given:
            if "text" in group.args:
                raise SlackError("no_text")
            raise SlackError("invalid_arguments", messages=[f"[ERROR] one of {', '.join(group.args)} is required"])
        if group.mutually_exclusive and len(given) > 1:
            if set(given) == {"text", "markdown_text"}:
                raise SlackError("markdown_text_conflict")
            raise SlackError(
                "invalid_arguments", messages=[f"[ERROR] only one of {', '.join(group.args)} may be given"]
            )


class WebApi:
    """Slack's Web API over the stand-in workspace.

    Args:
        workspace: the state the methods read and change.
        bot_token, app_token: the only tokens Slack knows (``xoxb-…``, ``xapp-…``).
        scopes: the bot token's scopes.
        faults: planned faults, consumed per call.
        log: where every call is recorded.
        socket_url: issues a Socket Mode URL for ``apps.connections.open``.
        pacing: the posting rate per channel (None: none is kept).
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        bot_token: str,
        app_token: str,
        scopes: Iterable[str],
        faults: FaultPlan,
        log: CallLog,
        socket_url: Callable[[], str],
        pacing: ChannelBuckets | None = None,
    ) -> None:
        self.workspace = workspace
        self.bot_token = bot_token
        self.app_token = app_token
        self.scopes = frozenset(scopes)
        self.faults = faults
        self.log = log
        self.socket_url = socket_url
        self.pacing = pacing

    def handle(self, method: str, body: bytes, headers: Mapping[str, str], query: str = "") -> HttpReply:
        """Answer one request to ``/api/<method>``; ``headers`` keys are case-insensitive names."""
        lowered = {key.lower(): value for key, value in headers.items()}
        try:
            args = parse_args(body, lowered.get("content-type", ""), query)
        except SlackError as error:
            return self._finish(method, {}, None, json_reply(error.body()))
        token = args.pop("token", None)
        authorization = lowered.get("authorization", "")
        if authorization.startswith("Bearer "):
            token = authorization.removeprefix("Bearer ").strip()
        fault = self.faults.take(method)
        if fault is not None and fault.kind != "slow":
            return self._finish(method, args, token, _fault_reply(fault))
        if fault is not None:
            time.sleep(fault.seconds)
        try:
            with self.workspace.lock:
                payload, warnings = self._call(method, args, token)
            body_out: JsonDict = {"ok": True, **payload}
            if warnings:
                body_out["warning"] = ",".join(warnings)
                body_out["response_metadata"] = {"warnings": warnings}
            reply = json_reply(body_out)
        except RateLimited as limited:
            reply = _rate_limited(limited.retry_after)
        except SlackError as error:
            reply = json_reply(error.body())
        return self._finish(method, args, token, reply)

    def _finish(self, method: str, args: dict[str, Any], token: Any, reply: HttpReply) -> HttpReply:
        self.log.record(
            ApiCall(
                method=method,
                args=decode_args(args),
                response=reply.json(),
                status=reply.status,
                at=self.workspace.now(),
                token=str(token) if token is not None else None,
                headers=dict(reply.headers),
            )
        )
        self.workspace.notify()
        return reply

    def _authenticate(self, token: Any, wanted: TokenType) -> None:
        if not token:
            raise SlackError("not_authed")
        if token not in (self.bot_token, self.app_token):
            raise SlackError("invalid_auth")
        actual: TokenType = "app" if token == self.app_token else "bot"
        if actual != wanted:
            raise SlackError("not_allowed_token_type")

    def _call(self, method: str, args: dict[str, Any], token: Any) -> tuple[JsonDict, list[str]]:
        implemented = METHODS.get(method)
        if implemented is None or method not in HANDLERS:
            if method not in SLACK_METHODS:
                raise SlackError("unknown_method", extra={"req_method": method})
            raise SlackError(
                "unknown_method",
                messages=[f"[ERROR] {method} exists in Slack but the stand-in does not implement it"],
                extra={"req_method": method},
            )
        self._authenticate(token, implemented.token_type)
        check_args(implemented, args)
        team_id = args.get("team_id")
        if team_id not in (None, "", self.workspace.team.id):
            raise SlackError("team_not_found")
        missing = [scope for scope in implemented.scopes if scope not in self.scopes]
        if missing and implemented.token_type == "bot":
            raise SlackError(
                "missing_scope",
                extra={"needed": ",".join(missing), "provided": ",".join(sorted(self.scopes))},
            )
        context = CallContext(
            method=method,
            args=args,
            workspace=self.workspace,
            scopes=self.scopes,
            socket_url=self.socket_url,
            pacing=self.pacing,
        )
        return HANDLERS[method](context), context.warnings
