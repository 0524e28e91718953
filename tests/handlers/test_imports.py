"""``handlers.imports``: the import modal, files shared in the DM, the review modal and "Spara som rutin"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from sqlalchemy import select

from bot.services import commitments as commitment_service
from bot.services.context import Services
from bot.slack.import_flow import REVIEW_ACTION, SAVE_AS_ROUTINE_ACTION
from bot.ui import import_modal
from bot.ui.review import REVIEW_CALLBACK
from handlers import commands, imports
from storage.models import ImportDraft
from tests.handlers import payloads
from tests.handlers.conftest import BOT_USER, OLLE, SARA, Bun
from tests.handlers.fakes import FakeSlack, RecordingAck, RecordingRespond, run_slash

Context = Callable[..., BoltContext]
SARA_DM = "D" + SARA[1:]

# A short audit answer of the committee's, written for these tests: one recommendation, two commitments.
ANSWER = """Barn- och utbildningsnämnden
Datum 2026-11-20
Dnr 2026/BUN 0311

Svar på revisionsrapport om skolskjutsar

Revisorernas rekommendationer

- Nämnden bör säkerställa att skolskjutsreglerna tillämpas lika på alla skolor.

Förvaltningens kommentar:
Förvaltningen kommer att revidera skolskjutsreglerna senast i mars 2027.
Förvaltningen kommer att utbilda alla rektorer i reglerna under hösten 2027.
"""


def _import_form(slack: FakeSlack, context: BoltContext) -> dict[str, Any]:
    body = payloads.command("importera", user=str(context.user_id))
    run_slash(commands, body=body, respond=RecordingRespond(), client=slack, context=context)
    return slack.opened()


def _draft_ids(services: Services) -> list[int]:
    with services.db.read() as session:
        return list(session.scalars(select(ImportDraft.id)))


def test_the_import_modal_needs_a_file_or_text_but_not_both(
    services: Services, slack: FakeSlack, as_user: Context, bun: Bun
) -> None:
    slack.files = [{"id": "F0SVAR", "name": "svar.docx", "created": 1700000000}]
    form = _import_form(slack, as_user(SARA))
    nothing, both = RecordingAck(), RecordingAck()
    imports.submit_import(ack=nothing, body=payloads.submission(form, user=SARA), client=slack, context=as_user(SARA))
    body = payloads.submission(
        form, user=SARA, **{import_modal.FILE_BLOCK: "F0SVAR", import_modal.TEXT_BLOCK: "Nämnden ska"}
    )
    imports.submit_import(ack=both, body=body, client=slack, context=as_user(SARA))
    assert nothing.errors == {import_modal.FILE_BLOCK: services.texts.get("err_import_nothing")}
    assert both.errors == {import_modal.FILE_BLOCK: services.texts.get("err_import_both")}
    assert _draft_ids(services) == []


def test_pasted_text_is_read_and_reviewed_into_commitments(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    context = as_user(SARA)
    body = payloads.submission(_import_form(slack, context), user=SARA, **{import_modal.TEXT_BLOCK: ANSWER})
    imports.submit_import(ack=ack, body=body, client=slack, context=context)
    assert ack.kwargs == {}
    # The import reports in a thread of Sara's DM and ends with a review button for its draft.
    [draft_id] = _draft_ids(services)
    ready = slack.called("chat.postMessage")[-1]
    assert ready["channel"] == SARA_DM and ready["thread_ts"]
    buttons = [e for b in ready["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert str(draft_id) in [e["value"] for e in buttons if e["action_id"] == REVIEW_ACTION]

    click = payloads.click(REVIEW_ACTION, str(draft_id), user=SARA, channel=SARA_DM)
    imports.open_review(ack=RecordingAck(), body=click, client=slack, context=as_user(SARA, SARA_DM))
    review = dict(slack.called("views.open")[-1]["view"])
    assert review["callback_id"] == REVIEW_CALLBACK

    confirmed = RecordingAck()
    body = payloads.submission(review, user=SARA)
    imports.submit_review(ack=confirmed, body=body, client=slack, context=as_user(SARA, None))
    assert confirmed.kwargs == {"response_action": "clear"}
    with services.db.read() as session:
        new = [commitment_service.get_by_reference(session, ref) for ref in ("BUN-2", "BUN-3")]
        assert all(c.case is not None and c.case.dnr == "2026/BUN 0311" for c in new)
    done = slack.called("chat.postMessage")[-1]
    assert done["channel"] == SARA_DM and "BUN-2" in done["text"] and "BUN-3" in done["text"]


def test_files_shared_outside_the_dm_or_by_the_bot_are_left_alone(
    services: Services, slack: FakeSlack, as_user: Context, bun: Bun
) -> None:
    for channel, user in (("C0BUN", SARA), (SARA_DM, BOT_USER)):
        event = {"type": "file_shared", "channel_id": channel, "user_id": user, "file_id": "F0SVAR"}
        imports.file_shared(event=event, client=slack, context=as_user(user, channel))
    # In the committee's bound channel the bot only looks whether the file is a meeting plan (issue 18); it is not.
    assert [c.method for c in slack.calls] == ["files.info"]
    assert _draft_ids(services) == []


def test_reviewing_an_import_that_is_gone_says_so(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    click = payloads.click(REVIEW_ACTION, "4711", user=SARA, channel=SARA_DM)
    imports.open_review(ack=ack, body=click, client=slack, context=as_user(SARA, SARA_DM))
    assert ack.kwargs == {}
    assert not slack.called("views.open")
    [told] = slack.called("chat.postMessage")
    assert (told["channel"], told["text"]) == (SARA, services.texts.get_md("err_import_gone"))


def test_a_review_modal_without_its_draft_keeps_the_modal_open_with_the_reason(
    services: Services, slack: FakeSlack, as_user: Context, ack: RecordingAck, bun: Bun
) -> None:
    view = {
        "type": "modal",
        "callback_id": REVIEW_CALLBACK,
        # Signed by the bot (so it is read), but not what a review modal remembers.
        "private_metadata": services.seal.seal("not json"),
        "blocks": [
            {"type": "input", "block_id": "case_committee", "element": {"type": "plain_text_input", "action_id": "x"}}
        ],
    }
    imports.submit_review(ack=ack, body=payloads.submission(view, user=SARA), client=slack, context=as_user(SARA))
    assert ack.errors == {"case_committee": services.texts.get("err_import_gone")}


def test_only_managers_save_a_document_as_a_routine(
    services: Services, slack: FakeSlack, as_user: Context, bun: Bun
) -> None:
    click = payloads.click(SAVE_AS_ROUTINE_ACTION, "1", user=OLLE, channel="D" + OLLE[1:])
    imports.save_as_routine(body=click, client=slack, context=as_user(OLLE, "D" + OLLE[1:]))
    [told] = slack.called("chat.postMessage")
    assert (told["channel"], told["text"]) == (OLLE, services.texts.get_md("err_routine_managers_only"))
