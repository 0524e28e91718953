"""``/atagande``: every subcommand of the slash command.

The listener that acks parses the text. A subcommand that opens a modal
opens it there, while its trigger_id (valid 3 seconds) is fresh; every other
is acked at once and done in a lazy listener, answering with ``respond``
(ephemeral unless it concerns the channel). Subcommands that other modules
answer (``importera``, ``rapport``, the committee settings) come from the
table in handlers/support.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.errors import UserError
from bot.language.normalize import fold
from bot.services import command_queries, committee_admin
from bot.services.commitment_drafts import CommitmentInput
from bot.services.commitment_form import one_line_preview
from bot.services.context import Services
from bot.slack_format import parse_mentions, unescape
from bot.ui.commitment import card_blocks
from bot.ui.committee_pages import committee_list
from bot.ui.lists import list_blocks
from bot.ui.modals import ModalMeta
from bot.ui.one_line import preview_blocks
from handlers.support import SUBCOMMANDS, CommandRequest, guarded, open_new_modal, services_of, show_list, show_mine

COMMAND = "/atagande"
# "/atagande nämnd påminnelser BUN" (folded) opens the committee's reminder settings.
SETTINGS_WORDS = ("paminnelser", "installningar")
# The SUBCOMMANDS word of the settings modal.
SETTINGS = "installningar"
# "/atagande nämnd sammanträden BUN 2027" (folded) opens the committee's sammanträdesplan.
MEETINGS_WORDS = ("sammantraden", "sammantradesplan", "sammantradesplanen")
MEETINGS = "sammantraden"


def register(app: App) -> None:
    app.command(COMMAND)(ack=ack_command, lazy=[run_command])


@dataclass(frozen=True)
class _Parsed:
    sub: str  # the folded first word (or the SUBCOMMANDS word it stands for)
    word: str  # the first word as typed
    rest: str  # the rest of the text


def _parse(body: dict[str, Any]) -> _Parsed:
    text = " ".join(str(body.get("text", "")).split())
    word, _, rest = text.partition(" ")
    sub = fold(word)
    if sub in ("namnd", "namnder") and fold(rest.partition(" ")[0]) in SETTINGS_WORDS:
        return _Parsed(SETTINGS, word, rest.partition(" ")[2].strip().upper())
    if sub in ("namnd", "namnder") and fold(rest.partition(" ")[0]) in MEETINGS_WORDS:
        return _Parsed(MEETINGS, word, rest.partition(" ")[2].strip().upper())
    return _Parsed(sub, word, rest)


def _request(svc: Services, client: WebClient, respond: Respond, body: dict[str, Any], rest: str) -> CommandRequest:
    return CommandRequest(
        svc=svc,
        client=client,
        respond=respond,
        user_id=str(body["user_id"]),
        channel_id=str(body.get("channel_id", "")),
        channel_name=str(body.get("channel_name", "")),
        trigger_id=str(body.get("trigger_id", "")),
        rest=rest,
    )


def _opens_modal(parsed: _Parsed) -> bool:
    known = SUBCOMMANDS.get(parsed.sub)
    return (parsed.sub == "ny" and not parsed.rest) or (known is not None and known.opens_modal)


@guarded
def ack_command(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    """Ack; a subcommand that opens a modal opens it first, while the trigger_id is valid."""
    parsed = _parse(body)
    if not _opens_modal(parsed):
        ack()
        return
    svc = services_of(context)
    request = _request(svc, client, respond, body, parsed.rest)
    if parsed.sub == "ny":
        open_new_modal(
            svc, client, request.trigger_id, request.user_id, CommitmentInput(), ModalMeta(), request.channel_id
        )
    else:
        SUBCOMMANDS[parsed.sub].run(request)
    ack()


@guarded
def run_command(body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
    """The subcommands that answer after the ack (those that open a modal did so in ack_command)."""
    parsed = _parse(body)
    if _opens_modal(parsed):
        return
    svc = services_of(context)
    sub, rest = parsed.sub, parsed.rest
    user_id = str(body["user_id"])
    channel_id = str(body.get("channel_id", ""))
    if sub in ("", "help", "hjalp", "hjälp", "?"):
        respond(text=svc.texts.md("help.md.j2"), response_type="ephemeral")
    elif sub == "ny":
        summary, blocks = preview_blocks(svc.texts, one_line_preview(svc, user_id, rest, channel_id))
        respond(text=summary, blocks=blocks, response_type="ephemeral")
    elif sub == "lista":
        show_list(svc, respond, user_id, unescape(rest), channel_id, 0)
    elif sub == "mina":
        show_mine(svc, respond, user_id)
    elif sub == "visa":
        _show(svc, respond, user_id, unescape(rest), channel_id)
    elif sub in ("sok", "sök"):
        _search(svc, respond, user_id, unescape(rest), channel_id)
    elif sub in ("namnd", "namnder"):
        _committee(svc, respond, user_id, rest)
    elif sub == "kanal":
        _bind_channel(svc, respond, user_id, rest, channel_id, str(body.get("channel_name", "")))
    elif sub in SUBCOMMANDS:
        SUBCOMMANDS[sub].run(_request(svc, client, respond, body, unescape(rest)))
    else:
        respond(text=svc.texts.md("help.md.j2", unknown=parsed.word), response_type="ephemeral")


def _show(svc: Services, respond: Respond, user_id: str, arg: str, channel_id: str) -> None:
    card = command_queries.card(svc, user_id, arg, channel_id=channel_id)
    blocks = card_blocks(
        svc.texts, card.view, with_buttons=card.can_update, can_edit=card.can_edit, history=card.history
    )
    respond(text=f"{card.view.ref}", blocks=blocks, response_type="ephemeral")


def _search(svc: Services, respond: Respond, user_id: str, query: str, channel_id: str) -> None:
    found = command_queries.search(svc, query, user_id=user_id, channel_id=channel_id)
    count = len(found.views)
    title = svc.texts.md(
        "search_title.md.j2", query=found.query, count=count, cut=found.cut, limit=command_queries.MAX_QUERY
    )
    blocks = list_blocks(
        svc.texts,
        title,
        list(found.views),
        total=count,
        offset=0,
        more_value=None,
        empty_text=svc.texts.md("search_empty.md.j2", query=found.query),
    )
    respond(text=title, blocks=blocks, response_type="ephemeral")


def _committee(svc: Services, respond: Respond, user_id: str, rest: str) -> None:
    word, _, args = rest.partition(" ")
    sub = fold(word)
    actor = svc.actor(user_id)
    if sub == "ny":
        code, _, name = args.partition(" ")
        committee = committee_admin.create_committee(svc, actor, code, unescape(name))
        answer = svc.texts.md("committee_created.md.j2", committee=committee)
    elif sub in ("sekreterare", "sekreterarna"):
        code, _, who = args.partition(" ")
        users = [u for u, _ in parse_mentions(who)]
        change = committee_admin.change_secretaries(svc, actor, code, users, remove=fold(who).startswith("ta bort"))
        answer = svc.texts.md(
            "secretaries_changed.md.j2",
            committee=change.committee,
            changed=list(change.changed),
            removed=change.removed,
            secretaries=list(change.secretaries),
        )
    else:
        rows = committee_admin.committees_with_secretaries(svc)
        text, blocks = committee_list(svc.texts, rows, 0, is_admin=actor.is_admin)
        respond(text=text, blocks=blocks, response_type="ephemeral")
        return
    respond(text=answer, response_type="ephemeral")


def _bind_channel(svc: Services, respond: Respond, user_id: str, code: str, channel_id: str, channel_name: str) -> None:
    if not code:
        raise UserError("err_one_line_committee", code="")
    actor = svc.actor(user_id)  # may ask Slack: before the write transaction
    bound = committee_admin.bind_channel(svc, actor, code.split(" ", maxsplit=1)[0], channel_id, channel_name)
    answer = svc.texts.md("channel_bound.md.j2", committee=bound.committee, previous=bound.previous)
    respond(text=answer, response_type="in_channel")
