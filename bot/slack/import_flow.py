"""Reading an audit answer after the ack: progress in a DM thread, then a review button.

Both ways in (``/atagande importera`` and a file shared in the bot's DM) end
here. Every step reports in one thread of the user's DM with the bot: the
page being read, then what was found, or the one sentence that says why the
document could not be read. Nothing is stored until the document has been
read and its findings extracted; the draft waits for review (see
``bot/services/imports.py``).
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.documents import MAX_BYTES, Document, DocumentError, too_large
from bot.documents.limits import limits_for
from bot.documents.worker import read_in_worker
from bot.domain.errors import UserError
from bot.extraction import extract
from bot.services import import_runs
from bot.services import imports as import_service
from bot.services.committees import all_committees, committees_managed_by
from bot.services.context import Services
from bot.services.text_guard import mask_personal_numbers
from bot.ui import blocks as bk

log = logging.getLogger(__name__)

REVIEW_ACTION = "import_review"
# The shared document is a routine, not an audit answer: keep it in the routine library instead.
SAVE_AS_ROUTINE_ACTION = "import_save_as_routine"
# Progress edits at most this often: a 40-page PDF should not cost 40 API calls.
PROGRESS_EVERY = 1.0
DOWNLOAD_TIMEOUT = 30


@dataclass
class Thread:
    """Where one import reports: the user's DM and the thread under the first message."""

    channel: str
    ts: str
    progress_ts: str | None = None
    last_progress: float = 0.0


class ImportFlow:
    """One document on its way from Slack to a draft ready for review."""

    def __init__(self, services: Services, client: WebClient) -> None:
        self.svc = services
        self.client = client

    # -- ways in -----------------------------------------------------------------------------

    def from_file(self, user_id: str, file_id: str, *, committee: str | None = None) -> None:
        """A file shared with the bot (in its DM, or picked in the import modal)."""
        info = self.client.files_info(file=file_id).get("file") or {}
        name = str(info.get("name") or info.get("title") or file_id)
        thread = self._start(user_id, name)
        if thread is None:
            return

        def load() -> bytes:
            return self._download(info)

        self._run(user_id, thread, name, load, committee, file_id=file_id)

    def from_text(self, user_id: str, text: str, *, committee: str | None = None) -> None:
        """Text pasted into the import modal."""
        name = self.svc.texts.get("import_pasted_name")
        thread = self._start(user_id, name)
        if thread is None:
            return
        self._run(user_id, thread, None, lambda: text.encode("utf-8"), committee, file_id=None)

    # -- the steps ---------------------------------------------------------------------------

    def _start(self, user_id: str, name: str) -> Thread | None:
        texts = self.svc.texts
        try:
            self._require_committees(user_id)
        except UserError as err:
            self.client.chat_postMessage(channel=user_id, text=texts.get_md(err.key, **err.params))
            return None
        # The file's name as the draft will store it: a personnummer in it is masked.
        shown = mask_personal_numbers(name)
        resp = self.client.chat_postMessage(channel=user_id, text=texts.md("import_started.md.j2", name=shown))
        return Thread(channel=str(resp["channel"]), ts=str(resp["ts"]))

    def _require_committees(self, user_id: str) -> None:
        actor = self.svc.actor(user_id)
        with self.svc.db.read() as session:
            if committees_managed_by(session, actor):
                return
            if all_committees(session):
                raise UserError("err_no_committees_to_register")
            raise UserError("err_no_committees")

    def _run(
        self,
        user_id: str,
        thread: Thread,
        filename: str | None,
        load: Any,
        committee: str | None,
        *,
        file_id: str | None,
    ) -> None:
        texts = self.svc.texts
        run_id: int | None = None
        try:
            run_id = self._begin(user_id, thread, file_id, filename)
            data: bytes = load()
            # In a worker process: a document that needs too much memory or time is refused there, the bot lives.
            settings = self.svc.settings
            document = read_in_worker(
                data,
                filename,
                progress=lambda done, total: self._progress(thread, done, total),
                limits=limits_for(settings.document_memory_mb, settings.document_seconds),
            )
            self._progress_done(thread, document)
            self._found(user_id, thread, document, committee)
        except (DocumentError, UserError) as err:
            self._reply(thread, texts.get_md(err.key, **err.params))
        except SlackApiError as exc:
            log.warning("Slack refused a call while importing for %s: %s", user_id, exc.response.get("error"))
            self._reply(thread, texts.get("err_slack_unavailable"))
        except Exception:
            log.exception("importing a document for %s failed", user_id)
            self._reply(thread, texts.get("err_internal"))
        finally:
            if run_id is not None:
                self.svc.live_imports.discard(run_id)
        # Only once the thread has its answer: a process that dies before this leaves the run open,
        # and the next start tells the user (bot/slack/import_recovery.py).
        self._finish(run_id)

    def _begin(self, user_id: str, thread: Thread, file_id: str | None, filename: str | None) -> int:
        """Record the reading before it starts, so that a crash during it is noticed."""
        svc = self.svc
        with svc.db.write() as session:
            return import_runs.begin(
                session,
                svc.live_imports,
                svc.clock.now(),
                user_id=user_id,
                channel_id=thread.channel,
                thread_ts=thread.ts,
                file_id=file_id,
                filename=filename,
            )

    def _finish(self, run_id: int | None) -> None:
        if run_id is None:
            return
        try:
            with self.svc.db.write() as session:
                import_runs.finish(session, run_id, self.svc.clock.now())
        except Exception:  # the user has had the answer; at worst a later start also says it was cut off
            log.exception("could not record import run %s as finished", run_id)

    def download(self, info: dict[str, Any]) -> bytes:
        """A shared file's bytes, as an import reads them (also for a meeting plan, bot/slack/plan_flow.py)."""
        return self._download(info)

    def _download(self, info: dict[str, Any]) -> bytes:
        size = int(info.get("size") or 0)
        if size > MAX_BYTES:
            raise too_large(size)  # refused before a byte is downloaded
        url = str(info.get("url_private_download") or info.get("url_private") or "")
        if not url.startswith(("https://", "http://")):
            raise UserError("err_import_download")
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {self.client.token}"})
        try:
            with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT) as answer:
                content_type = str(answer.headers.get("Content-Type") or "")
                data: bytes = answer.read(MAX_BYTES + 1)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            # ValueError: a URL urllib cannot send (Slack percent-encodes names; anything else is refused).
            log.warning("downloading %s failed: %s", info.get("id"), exc)
            raise UserError("err_import_download") from None
        # Without files:read Slack answers url_private with its sign-in page, not an error.
        if content_type.startswith("text/html") and not str(info.get("name", "")).lower().endswith((".htm", ".html")):
            raise UserError("err_import_download")
        return data

    def _progress(self, thread: Thread, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - thread.last_progress < PROGRESS_EVERY:
            return
        thread.last_progress = now
        text = self.svc.texts.get("import_progress", page=done, pages=total)
        try:
            if thread.progress_ts is None:
                resp = self.client.chat_postMessage(channel=thread.channel, thread_ts=thread.ts, text=text)
                thread.progress_ts = str(resp["ts"])
            else:
                self.client.chat_update(channel=thread.channel, ts=thread.progress_ts, text=text)
        except SlackApiError as exc:
            # Progress is a courtesy; the reading goes on.
            log.warning("progress message failed: %s", exc.response.get("error"))

    def _progress_done(self, thread: Thread, document: Document) -> None:
        if thread.progress_ts is None:
            return
        text = self.svc.texts.get("import_read_done", pages=document.pages, chars=len(document.text))
        try:
            self.client.chat_update(channel=thread.channel, ts=thread.progress_ts, text=text)
        except SlackApiError as exc:
            log.warning("progress message failed: %s", exc.response.get("error"))

    def _found(self, user_id: str, thread: Thread, document: Document, committee: str | None) -> None:
        svc = self.svc
        with svc.db.read() as session:
            case = import_service.imported_case(session, document.sha256)
            if case is not None:
                raise UserError(
                    "err_import_done_at",
                    dnr=case.dnr or "",
                    code=case.committee.code,
                    date=case.created_at.astimezone(svc.clock.now().tzinfo).date(),
                )
            existing = import_service.open_draft_for(session, user_id, document.sha256)
            if existing is not None:
                self._post_ready(thread, existing.id, existing.filename, existing.extraction, again=True)
                return
        extraction = extract(document.text, today=svc.clock.today())
        actor = svc.actor(user_id)
        with svc.db.write() as session:
            draft = import_service.create_draft(
                session,
                actor,
                document,
                extraction,
                svc.clock.now(),
                preferred_committee=committee,
                channel_id=thread.channel,
                thread_ts=thread.ts,
            )
            draft_id, name, data = draft.id, draft.filename, draft.extraction
        self._post_ready(thread, draft_id, name, data, again=False)  # the name as stored: masked

    def _post_ready(
        self, thread: Thread, draft_id: int, filename: str | None, data: dict[str, Any], *, again: bool
    ) -> None:
        texts = self.svc.texts
        findings = data.get("findings") or []
        commitments = [f for f in findings if f.get("kind") == "commitment"]
        if not findings:
            # Nothing to go through: say so and point to what can be done instead, not to an empty review.
            nothing = texts.md(
                "import_found_nothing.md.j2", name=filename or texts.get("import_pasted_name"), routine=True
            )
            actions = bk.actions(bk.button(texts.get("btn_save_as_routine"), SAVE_AS_ROUTINE_ACTION, str(draft_id)))
            self.client.chat_postMessage(
                channel=thread.channel, thread_ts=thread.ts, text=nothing, blocks=[bk.section(nothing), actions]
            )
            return
        summary = texts.md(
            "import_ready.md.j2",
            name=filename or texts.get("import_pasted_name"),
            commitments=len(commitments),
            dated=sum(1 for f in commitments if f.get("deadlines") or f.get("recurrence")),
            recommendations=sum(1 for f in findings if f.get("kind") == "recommendation"),
            dnr=data.get("dnr") or "",
            committee=data.get("committee") or "",
            again=again,
        )
        blocks = [
            bk.section(summary),
            bk.actions(
                bk.button(texts.get("btn_review"), REVIEW_ACTION, str(draft_id), style="primary"),
                bk.button(texts.get("btn_save_as_routine"), SAVE_AS_ROUTINE_ACTION, str(draft_id)),
            ),
        ]
        self.client.chat_postMessage(channel=thread.channel, thread_ts=thread.ts, text=summary, blocks=blocks)

    def _reply(self, thread: Thread, text: str) -> None:
        try:
            self.client.chat_postMessage(channel=thread.channel, thread_ts=thread.ts, text=text)
        except SlackApiError as exc:
            log.warning("could not answer in the import thread: %s", exc.response.get("error"))
