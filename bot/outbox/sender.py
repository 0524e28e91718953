"""Sends what the outbox says is due: claim, render, post, record.

Rules (docs/architecture.md, "The outbox"):
- a row is claimed for a lease; the claim is checked again right before the
  Web API call, and the call is marked in the database first, so a row whose
  sender died mid-call is looked for in Slack (by the key in the message's
  metadata) before it is sent again: every key reaches Slack once;
- 429 is honoured (Retry-After), 5xx and dropped connections are retried
  with backoff, at most one message per second goes to one channel;
- errors that no retry mends (channel_not_found, not_in_channel,
  account_inactive …) are recorded on the row, shown to admins, and not retried;
- a message is never too long for Slack: what does not fit in one message goes to
  its thread as continuations, each a row of its own (`bot.outbox.thread`).
"""

from __future__ import annotations

import logging
import os
import socket
import time
import urllib.error
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError

from bot.channel_join import join_before_sharing, joining_if_needed
from bot.clock import Clock
from bot.message_size import MESSAGE_TEXT_BUDGET, block_text
from bot.outbox import store
from bot.outbox.outcome import Fail, Gather, Later, Renderer, Send, Skip, Split
from bot.outbox.ratelimit import ChannelPacer
from bot.outbox.store import Claimed
from bot.outbox.thread import CONTINUATION, next_part, render_continuation, within_budget
from storage.db import Database

log = logging.getLogger(__name__)

METADATA_EVENT = "atagande_outbox"
LEASE = timedelta(minutes=2)
BATCH = 20
# Waiting out a Retry-After in place is fine up to this; longer ones are rescheduled.
MAX_WAIT_IN_PLACE = 30.0
MAX_ATTEMPTS = 20
# conversations.history pages (of 200) searched for an earlier attempt before sending again.
HISTORY_PAGES = 10
# Errors Slack may answer that say "try again", not "this will never work".
TRANSIENT_ERRORS = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited", "team_added_to_org"}
)
NETWORK_ERRORS: tuple[type[Exception], ...] = (
    urllib.error.URLError,
    ConnectionError,
    TimeoutError,
    socket.timeout,
    SlackRequestError,
)
LOOKUP_ERRORS: tuple[type[Exception], ...] = (SlackApiError, *NETWORK_ERRORS)


def plain_client(token: str, base_url: str) -> WebClient:
    """A Web API client without slack_sdk's own retries: the outbox decides when to try again."""
    client = WebClient(token=token, base_url=base_url, timeout=10)
    client.retry_handlers.clear()
    return client


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min … at most an hour between tries."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


def _smaller(message: Send, exc: SlackApiError) -> Send | None:
    """``message`` in parts of half its text if Slack refused it as too long and it has blocks to part."""
    if exc.response.get("error") != "msg_blocks_too_long" or len(message.blocks) < 2:
        return None
    return within_budget(message, budget=min(MESSAGE_TEXT_BUDGET, block_text(message.blocks)) // 2)


def _retry_after(exc: SlackApiError) -> float | None:
    response = exc.response
    if response.status_code != 429 and response.get("error") != "ratelimited":
        return None
    headers = {str(k).lower(): v for k, v in (response.headers or {}).items()}
    value = headers.get("retry-after")
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(float(value), 1.0) if value is not None else 1.0
    except (TypeError, ValueError):
        return 1.0


def _event_payload(row: Claimed, message: Send) -> dict[str, Any]:
    """The message's outbox key, and a combined message's members' keys (so each can be found in Slack)."""
    payload: dict[str, Any] = {"key": row.key}
    if message.members is not None and message.members.sent:
        payload["keys"] = [key for _id, key in message.members.sent]
    return payload


class Sender:
    """Claims and sends due outbox rows; one per process (or per worker in tests).

    Args:
        db: the database.
        client: a Web API client; `plain_client` gives one without hidden retries.
        clock: decides what is due (tests and the console move it).
        renderers: per row kind, what to send.
        worker: a name unique to this process, written on its claims.
        lease: how long a claim holds; a sender silent for longer is taken to be dead
            and its rows are taken over (longer than a Web API call may take).
    """

    def __init__(
        self,
        db: Database,
        client: WebClient,
        clock: Clock,
        renderers: Mapping[str, Renderer],
        *,
        worker: str | None = None,
        pacer: ChannelPacer | None = None,
        sleep: Callable[[float], None] = time.sleep,
        on_sent: Callable[[Claimed, str, str], None] | None = None,
        lease: timedelta = LEASE,
    ) -> None:
        self.db = db
        self.client = client
        self.clock = clock
        self.renderers = dict(renderers)
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self.pacer = pacer or ChannelPacer()
        self.sleep = sleep
        self.on_sent = on_sent
        self.lease = lease

    def run_once(self, *, limit: int | None = None) -> int:
        """Send what is due now, batch after batch; return how many rows were finished or retried."""
        handled = 0
        while limit is None or handled < limit:
            batch = store.claim(self.db, self.worker, self.clock.now(), lease=self.lease, limit=BATCH)
            if not batch:
                break
            for row in batch:
                self.handle(row)
                handled += 1
        return handled

    # -- one row ---------------------------------------------------------------------------

    def handle(self, row: Claimed) -> None:
        # Continuations are the outbox's own rows: whatever renderers a process has, it posts them.
        renderer = render_continuation if row.kind == CONTINUATION else self.renderers.get(row.kind)
        if renderer is None:
            store.mark_failed(self.db, self.worker, row.id, f"unknown_kind:{row.kind}")
            return
        try:
            outcome = renderer(row)
        except Exception:
            # A bug in one message must not stop the others; the row is retried later.
            log.exception("rendering outbox row %s failed", row.key)
            self._retry(row, "render_error", maybe_sent=False)
            return
        if isinstance(outcome, Skip):
            store.mark_skipped(self.db, self.worker, row.id, outcome.reason, outcome.members)
        elif isinstance(outcome, Fail):
            log.warning("outbox %s cannot be delivered: %s", row.key, outcome.error)
            store.mark_failed(self.db, self.worker, row.id, outcome.error)
        elif isinstance(outcome, Split):
            store.split(self.db, self.worker, row.id, outcome.children, self.clock.now())
        elif isinstance(outcome, Gather):
            if store.gather(self.db, self.worker, row.id, outcome, self.clock.now()) is None:
                log.info("outbox %s: no combined message to join now; due again %s", row.key, outcome.overflow_at)
        elif isinstance(outcome, Later):
            at = self.clock.now() + timedelta(seconds=outcome.seconds)
            maybe_sent = row.sending_since is not None
            store.retry_later(self.db, self.worker, row.id, at, outcome.reason, maybe_sent=maybe_sent)
        else:
            self._send(row, outcome)

    def _send(self, row: Claimed, message: Send) -> None:
        message = within_budget(message)
        if row.sending_since is not None and row.channel:
            found = self._already_in_slack(row, message.thread_ts)
            if found is not None:
                log.info("outbox %s was already in Slack (%s); not sent again", row.key, found[1])
                self._sent(row, message, *found)
                return
        for _ in range(4):
            self.pacer.wait(message.channel)
            if not store.begin_send(self.db, self.worker, row.id, self.clock.now(), message.channel, self.lease):
                log.info("outbox %s: claim lost before sending; another sender has it", row.key)
                return
            try:
                response = self.client.chat_postMessage(
                    channel=message.channel,
                    text=message.text,
                    blocks=message.blocks,
                    metadata={"event_type": METADATA_EVENT, "event_payload": _event_payload(row, message)},
                    unfurl_links=False,
                    thread_ts=message.thread_ts,
                )
            except SlackApiError as exc:
                smaller = _smaller(message, exc)
                if smaller is not None:
                    # Slack measured more than the budget allows for: refused, so nothing
                    # arrived; send it again in smaller parts rather than lose it.
                    log.warning("outbox %s: Slack found the message too long; sending it in parts", row.key)
                    message = smaller
                    continue
                wait = _retry_after(exc)
                if wait is None:
                    self._api_error(row, exc)
                    return
                self.pacer.hold(message.channel, wait)
                if wait > MAX_WAIT_IN_PLACE:
                    store.retry_later(
                        self.db,
                        self.worker,
                        row.id,
                        self.clock.now() + timedelta(seconds=wait),
                        "ratelimited",
                        maybe_sent=False,
                    )
                    return
                self.sleep(wait)
                if not store.extend(self.db, self.worker, row.id, self.clock.now(), self.lease):
                    return
                continue
            except NETWORK_ERRORS as exc:
                log.warning("outbox %s: connection problem (%s); will retry", row.key, exc)
                self._retry(row, f"connection:{type(exc).__name__}", maybe_sent=True)
                return
            channel, ts = str(response.get("channel") or message.channel), str(response.get("ts"))
            self._sent(row, message, channel, ts)
            if message.upload is not None:
                self._upload(row, channel, ts, message.upload)
            return
        self._retry(row, "ratelimited", maybe_sent=False)

    def _sent(self, row: Claimed, message: Send, channel: str, ts: str) -> None:
        now = self.clock.now()
        following = next_part(row, message, channel, ts, now)
        store.mark_sent(
            self.db, self.worker, row.id, now, channel, ts, message.members, then=[following] if following else []
        )
        if self.on_sent is not None:
            try:
                self.on_sent(row, channel, ts)
            except Exception:
                log.exception("after sending %s", row.key)

    def _api_error(self, row: Claimed, exc: SlackApiError) -> None:
        status = exc.response.status_code
        error = str(exc.response.get("error") or f"http_{status}")
        if status >= 500 or error in TRANSIENT_ERRORS:
            log.warning("outbox %s: Slack answered %s (%s); will retry", row.key, status, error)
            self._retry(row, error, maybe_sent=status >= 500)
            return
        log.warning("outbox %s: Slack refused it for good: %s", row.key, error)
        store.mark_failed(self.db, self.worker, row.id, error)

    def _retry(self, row: Claimed, error: str, *, maybe_sent: bool) -> None:
        attempts = row.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            store.mark_failed(self.db, self.worker, row.id, f"gave_up:{error}")
            return
        at = self.clock.now() + backoff(attempts)
        store.retry_later(self.db, self.worker, row.id, at, error, maybe_sent=maybe_sent)

    def _already_in_slack(self, row: Claimed, thread_ts: str | None = None) -> tuple[str, str] | None:
        """The (channel, ts) of this row's message if an earlier attempt did reach Slack.

        A reply is looked for in its thread (conversations.replies): history lists only a channel's
        top-level messages.
        """
        assert row.channel is not None and row.sending_since is not None
        channel = row.channel
        try:
            if channel.startswith(("U", "W")):
                opened = self.client.conversations_open(users=channel)
                channel = str((opened.get("channel") or {}).get("id") or channel)
            oldest = f"{(row.sending_since - timedelta(hours=1)).timestamp():.6f}"
            cursor: str | None = None
            # Page through: a busy channel (a committee's, a secretary's DMs) can hold more
            # messages since the attempt than one page, and a miss here means a duplicate.
            for _ in range(HISTORY_PAGES):
                # A channel bound before binding made the bot join answers not_in_channel: join it.
                history = joining_if_needed(
                    self.client,
                    channel,
                    lambda cursor=cursor: self._page(channel, thread_ts, oldest, cursor),  # type: ignore[misc]
                )
                for message in history.get("messages") or []:
                    metadata: dict[str, Any] = message.get("metadata") or {}
                    payload = metadata.get("event_payload") or {}
                    if metadata.get("event_type") == METADATA_EVENT and payload.get("key") == row.key:
                        return channel, str(message.get("ts"))
                cursor = str((history.get("response_metadata") or {}).get("next_cursor") or "") or None
                if cursor is None:
                    break
        except LOOKUP_ERRORS as exc:
            # Not knowing is no reason to stay silent: send (at worst once more).
            log.warning("outbox %s: could not look for an earlier attempt (%s)", row.key, exc)
            return None
        return None

    def _page(self, channel: str, thread_ts: str | None, oldest: str, cursor: str | None) -> Any:
        """One page of the channel's history, or of the thread `thread_ts` (replies are not in the history)."""
        if thread_ts is not None:
            return self.client.conversations_replies(
                channel=channel, ts=thread_ts, oldest=oldest, include_all_metadata=True, limit=200, cursor=cursor
            )
        return self.client.conversations_history(
            channel=channel, oldest=oldest, include_all_metadata=True, limit=200, cursor=cursor
        )

    def _upload(self, row: Claimed, channel: str, ts: str, upload: tuple[str, bytes, str]) -> None:
        filename, content, title = upload
        try:
            # Sharing a file needs membership; join a channel bound before the bot joined it.
            join_before_sharing(self.client, channel)
            self.client.files_upload_v2(channel=channel, thread_ts=ts, filename=filename, content=content, title=title)
        except LOOKUP_ERRORS as exc:
            log.warning("outbox %s: the attachment %s did not upload: %s", row.key, filename, exc)
