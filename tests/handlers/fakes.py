"""Recording stand-ins for what Bolt hands a listener: ``ack``, ``respond`` and the Web API client.

In the style of bolt-python's starter template, a listener is called directly
with these and the test looks at what it did. They subclass the real classes,
so a listener sees the types it declares; only the network is gone.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, Respond
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.web import SlackResponse
from slack_sdk.webhook import WebhookResponse


class RecordingAck(Ack):
    """An ``ack`` that keeps the arguments of each call; a listener must ack exactly once.

    A second call is not raised here (a listener wrapped by ``guarded`` would swallow it)
    but counted; the ``ack`` fixture fails the test after it if there was more than one.
    """

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.calls: list[dict[str, Any]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> BoltResponse:
        self.calls.append(dict(kwargs, **({"text": args[0]} if args else {})))
        return super().__call__(*args, **kwargs)

    @property
    def kwargs(self) -> dict[str, Any]:
        """The arguments of the one call (fails when there was none or more than one)."""
        assert len(self.calls) == 1, f"ack called {len(self.calls)} times: {self.calls}"
        return self.calls[0]

    @property
    def errors(self) -> dict[str, str]:
        """The block id → message of a ``response_action="errors"`` ack ({} for a plain one)."""
        if self.kwargs.get("response_action") != "errors":
            return {}
        return dict(self.kwargs.get("errors") or {})


class RecordingRespond(Respond):
    """A ``respond`` that keeps each message instead of posting it to the response_url."""

    def __init__(self, response_url: str = "https://hooks.slack.test/commands/T1/1/abc") -> None:
        super().__init__(response_url=response_url)
        self.calls: list[dict[str, Any]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> WebhookResponse:
        self.calls.append(dict(kwargs, **({"text": args[0]} if args else {})))
        return WebhookResponse(url=str(self.response_url), status_code=200, body="ok", headers={})

    @property
    def last(self) -> dict[str, Any]:
        assert self.calls, "respond was never called"
        return self.calls[-1]

    @property
    def texts(self) -> list[str]:
        return [str(c.get("text") or "") for c in self.calls]


@dataclass(frozen=True)
class ApiCall:
    """One Web API call: Slack's method name ("chat.postMessage") and its arguments."""

    method: str
    args: dict[str, Any]


@dataclass
class Person:
    name: str
    real_name: str = ""
    is_admin: bool = False


class FakeSlack(WebClient):
    """A ``WebClient`` whose calls never leave the process.

    Every method of slack_sdk goes through :meth:`api_call`; this one records
    the call and answers as Slack would (``ok``, a ``ts``, the view with an id),
    or with the error :meth:`fail` set for that method.
    """

    def __init__(self, people: dict[str, Person]) -> None:
        super().__init__(token="xoxb-test", base_url="https://slack.test/api/")
        self.people = people
        self.calls: list[ApiCall] = []
        self.failures: dict[str, tuple[str, str | None]] = {}
        self.files: list[dict[str, Any]] = []
        self._ts = itertools.count(1)

    def fail(self, method: str, error: str, *, channel: str | None = None) -> None:
        """From now on answer ``method`` (in ``channel`` only, if given) with Slack's ``error``:
        a SlackApiError in the caller."""
        self.failures[method] = (error, channel)

    def api_call(
        self,
        api_method: str,
        *,
        http_verb: str = "POST",
        files: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
        auth: dict[str, Any] | None = None,
    ) -> SlackResponse:
        args = {**(params or {}), **(data or {}), **(json or {})}
        self.calls.append(ApiCall(api_method, args))
        error, where = self.failures.get(api_method, ("", None))
        if error and where in (None, args.get("channel")):
            answer: dict[str, Any] = {"ok": False, "error": error}
        else:
            answer = {"ok": True, **self._answer(api_method, args)}
        response = SlackResponse(
            client=self,
            http_verb=http_verb,
            api_url=f"{self.base_url}{api_method}",
            req_args={},
            data=answer,
            headers={},
            status_code=200,
        )
        response.validate()  # type: ignore[no-untyped-call]  # raises SlackApiError on ok: false
        return response

    def files_upload_v2(self, **kwargs: Any) -> SlackResponse:
        # The real one uploads to a URL Slack hands out; recorded here as one call.
        return self.api_call("files.uploadV2", json={k: v for k, v in kwargs.items() if k != "file"})

    def _next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "users.info":
            return self._user(str(args.get("user")))
        if method == "chat.postMessage":
            channel = str(args.get("channel"))
            # A message to a user's id lands in the DM, whose id Slack answers with.
            channel = "D" + channel[1:] if channel.startswith("U") else channel
            return {"channel": channel, "ts": self._next_ts(), "message": {"text": args.get("text")}}
        if method == "chat.postEphemeral":
            return {"message_ts": self._next_ts()}
        if method == "chat.update":
            return {"channel": args.get("channel"), "ts": args.get("ts")}
        if method in ("views.open", "views.update", "views.publish", "views.push"):
            view = args.get("view") or {}
            return {"view": {**view, "id": "V0001", "hash": "1700000000.abc"} if isinstance(view, dict) else view}
        if method == "chat.getPermalink":
            return {"permalink": f"https://kommun.slack.test/archives/{args.get('channel')}/p{args.get('message_ts')}"}
        if method == "files.list":
            return {"files": self.files}
        return {}

    def _user(self, user_id: str) -> dict[str, Any]:
        person = self.people.get(user_id) or Person(user_id.lower())
        return {
            "user": {
                "id": user_id,
                "name": person.name,
                "profile": {"real_name": person.real_name or person.name},
                "is_admin": person.is_admin,
            }
        }

    def called(self, method: str) -> list[dict[str, Any]]:
        """The arguments of every call of ``method``, oldest first."""
        return [c.args for c in self.calls if c.method == method]

    def opened(self) -> dict[str, Any]:
        """The view of the one ``views.open`` call."""
        views = self.called("views.open")
        assert len(views) == 1, f"views.open called {len(views)} times"
        return dict(views[0]["view"])


def run_slash(module: Any, *, body: dict[str, Any], respond: Any, client: Any, context: Any) -> RecordingAck:
    """A slash command as Bolt runs it: the module's acknowledgement (``ack_command``, which opens a
    modal itself while the trigger_id is fresh), then its lazy ``run_command``; the ack is returned."""
    ack = RecordingAck()
    module.ack_command(ack=ack, body=body, respond=respond, client=client, context=context)
    assert len(ack.calls) == 1, f"the command was acked {len(ack.calls)} times: {ack.calls}"
    module.run_command(body=body, respond=respond, client=client, context=context)
    return ack
